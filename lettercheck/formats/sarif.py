"""SARIF 2.1.0, for code scanning: one run with the rule catalogue as the driver's rules.

Text letters get line/column regions; Word letters get character ranges in the
letter's plain text and a logical location naming the paragraph, since a .docx
has no lines. Letters that could not be read become tool execution notifications; findings a comment in
the letter switched off are results with an in-source suppression.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import TextIO
from urllib.parse import quote

from ..catalogue import load_rules
from ..model import Edit, Finding, Fix, Report, Rule
from . import Run

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/lettercheck/lettercheck"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
"""Severity -> SARIF level."""
TEMPLATE_FIELD = re.compile(r"\{[a-z_]+\}")


class SarifFormat:
    def write(self, reports: Iterable[Report], out: TextIO, run: Run) -> None:
        rules = load_rules()
        index = {rule_id: number for number, rule_id in enumerate(rules)}
        results, notifications = [], []
        for report in reports:
            if report.error is not None:
                notifications.append(notification(report, run))
            else:
                results.extend(result(finding, report, run, index[finding.rule]) for finding in report.findings)
                results.extend(suppressed(result(finding, report, run, index[finding.rule]))
                               for finding in report.suppressed)
        log = {
            "$schema": SCHEMA_URI,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": driver(rules.values(), run)},
                "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
                "language": "nl",
                "columnKind": "unicodeCodePoints",
                "results": results,
            }],
        }
        json.dump(log, out, ensure_ascii=False, indent=2)
        out.write("\n")


def full_message(finding: Finding) -> str:
    """The finding's message followed by its suggestion, as one line of advice."""
    return f"{finding.message} {finding.suggestion}" if finding.suggestion else finding.message


def artifact_location(report: Report, run: Run) -> dict:
    # A URI reference: relative to the run's root, spaces and other reserved characters percent-encoded.
    return {"uri": quote(run.relative(report.path))}


def driver(rules: Iterable[Rule], run: Run) -> dict:
    return {
        "name": "lettercheck",
        "version": run.version,
        "informationUri": INFORMATION_URI,
        "language": "nl",
        "rules": [descriptor(rule) for rule in rules],
    }


def descriptor(rule: Rule) -> dict:
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": TEMPLATE_FIELD.sub("…", rule.message)},
        "fullDescription": {"text": " ".join(rule.why.split())},
        "help": {
            "text": f"Zo niet:\n{rule.bad.strip()}\n\nMaar zo:\n{rule.good.strip()}",
            "markdown": f"**Zo niet:**\n\n{quoted(rule.bad)}\n\n**Maar zo:**\n\n{quoted(rule.good)}",
        },
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category},
    }


def quoted(text: str) -> str:
    return "\n".join(f"> {line}".rstrip() for line in text.strip().split("\n"))


def result(finding: Finding, report: Report, run: Run, rule_index: int) -> dict:
    data = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": full_message(finding)},
        "locations": [location(finding, report, run)],
    }
    fixed = fix(finding.safe_fix, report, run) if finding.safe_fix is not None else None
    if fixed is not None:
        data["fixes"] = [fixed]
    return data


def suppressed(data: dict) -> dict:
    """A finding switched off by a 'lettercheck: negeer' comment in the letter: code scanning shows it as dismissed."""
    return {**data, "suppressions": [{"kind": "inSource", "justification": "lettercheck: negeer (in de brief)"}]}


def location(finding: Finding, report: Report, run: Run) -> dict:
    physical = {"artifactLocation": artifact_location(report, run)}
    place = finding.location
    if place is None:
        return {"physicalLocation": physical}
    is_text = report.format == "text"
    if is_text:
        region = line_region((place.line, place.column), (place.end_line, place.end_column))
    else:
        region = char_range(finding.start, finding.end)
    physical["region"] = {**region, "snippet": {"text": finding.text}}
    if is_text:
        return {"physicalLocation": physical}
    paragraph = f"alinea {place.paragraph + 1}"
    logical = {"name": paragraph, "fullyQualifiedName": f"{place.part}/{paragraph}", "kind": "element"}
    return {"physicalLocation": physical, "logicalLocations": [logical]}


def line_region(start: tuple[int, int], end: tuple[int, int]) -> dict:
    """A region in a text file from (line, column) to (line, column), the end exclusive."""
    return {"startLine": start[0], "startColumn": start[1], "endLine": end[0], "endColumn": end[1]}


def char_range(start: int, end: int) -> dict:
    """A region in the letter's plain text, as Word letters have no lines to count in."""
    return {"charOffset": start, "charLength": end - start}


def fix(safe_fix: Fix, report: Report, run: Run) -> dict | None:
    """The fix as SARIF replacements; None when an edit cannot be placed in the file."""
    regions = [edit_region(edit, report) for edit in safe_fix.edits]
    if None in regions:
        return None
    replacements = [
        {"deletedRegion": region, "insertedContent": {"text": edit.replacement}}
        for region, edit in zip(regions, safe_fix.edits, strict=True)
    ]
    return {
        "description": {"text": safe_fix.description},
        "artifactChanges": [{"artifactLocation": artifact_location(report, run), "replacements": replacements}],
    }


def edit_region(edit: Edit, report: Report) -> dict | None:
    """Where an edit lies: for a text file in lines and columns (offsets in the letter's text are not offsets
    in the file, which has blank lines and trailing spaces the letter's text drops)."""
    if report.format != "text":
        return char_range(edit.start, edit.end)
    first, last = text_position(report, edit.start), text_position(report, edit.end)
    return line_region(first, last) if first and last else None


def text_position(report: Report, offset: int) -> tuple[int, int] | None:
    """Line and column in a text file of a letter-text offset, worked out from a finding in the same paragraph:
    inside one paragraph the letter's text keeps the file's lines, so the finding's line and column carry over."""
    for finding in report.findings:
        place = finding.location
        inside = offset - finding.start
        if place is None or place.line is None or not 0 <= inside <= place.end - place.start:
            continue
        before = finding.text[:inside]
        if "\n" not in before:
            return place.line, place.column + inside
        return place.line + before.count("\n"), inside - before.rfind("\n")
    return None


def notification(report: Report, run: Run) -> dict:
    return {
        "level": "error",
        "message": {"text": report.error.message},
        "descriptor": {"id": report.error.code},
        "locations": [{"physicalLocation": {"artifactLocation": artifact_location(report, run)}}],
    }


FORMAT = SarifFormat()
