"""JUnit XML, for the test report views of CI: a test suite per letter, a test case per rule.

Every rule of the catalogue is a test case, so a clean letter shows all rules
passed. Findings at or above ``--fail-on`` are failures of their rule; those
below go to the test case's ``system-out``. An unreadable letter is an error.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from typing import TextIO

from ..catalogue import load_rules
from ..model import SEVERITY_LABELS, Finding, Report, Rule, severity_rank
from ..verdict import failures
from . import Run
from .sarif import full_message
from .text import location_label, one_line

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 cannot carry even escaped; a text file may hold a few stray control characters."""


class JunitFormat:
    def write(self, reports: Iterable[Report], out: TextIO, run: Run) -> None:
        rules = load_rules()
        root = ET.Element("testsuites", name="lettercheck")
        for report in reports:
            root.append(suite(report, rules.values(), run))
        set_counts(root)
        ET.indent(root)
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(NOT_XML.sub("\ufffd", ET.tostring(root, encoding="unicode")) + "\n")


def suite(report: Report, rules: Iterable[Rule], run: Run) -> ET.Element:
    element = ET.Element("testsuite", name=run.relative(report.path))
    if report.error is not None:
        case = ET.SubElement(element, "testcase", classname="lettercheck", name="lezen")
        ET.SubElement(case, "error", message=report.error.message, type=report.error.code)
    else:
        by_rule: dict[str, list[Finding]] = defaultdict(list)
        for finding in report.findings:
            by_rule[finding.rule].append(finding)
        for rule in rules:
            rule_case(element, rule, by_rule[rule.id], run.fail_on)
        if run.max_level:
            level_case(element, report, run)
    set_counts(element)
    return element


def rule_case(parent: ET.Element, rule: Rule, findings: list[Finding], fail_on: str) -> None:
    case = ET.SubElement(parent, "testcase", classname=f"lettercheck.{rule.category}", name=rule.id)
    below = []
    for finding in findings:
        if severity_rank(finding.severity) >= severity_rank(fail_on):
            failure = ET.SubElement(case, "failure", message=full_message(finding), type=finding.severity)
            failure.text = place(finding) + (f': "{finding.text}"' if finding.scope == "span" else "")
        else:
            quote = f' "{one_line(finding.text)}"' if finding.scope == "span" else ""
            below.append(f"{SEVERITY_LABELS[finding.severity]}, {place(finding)}{quote}: {full_message(finding)}")
    if below:
        ET.SubElement(case, "system-out").text = "\n".join(below)


def level_case(parent: ET.Element, report: Report, run: Run) -> None:
    case = ET.SubElement(parent, "testcase", classname="lettercheck.level", name="max-level")
    for reason in level_failures(report, run):
        ET.SubElement(case, "failure", message=reason, type="max-level")


def level_failures(report: Report, run: Run) -> list[str]:
    """Why the letter fails apart from its findings: a language level above ``--max-level``."""
    return failures(replace(report, findings=[]), run.fail_on, run.max_level)


def place(finding: Finding) -> str:
    """'regel 12, kolom 5' (text files), 'alinea 7', 'koptekst, alinea 1' or 'hele brief'."""
    label = location_label(finding)
    if finding.scope == "span" and finding.location is not None and finding.location.column is not None:
        label += f", kolom {finding.location.column}"
    return label


def set_counts(element: ET.Element) -> None:
    cases = list(element.iter("testcase"))
    element.set("tests", str(len(cases)))
    element.set("failures", str(sum(len(case.findall("failure")) for case in cases)))
    element.set("errors", str(sum(len(case.findall("error")) for case in cases)))


FORMAT = JunitFormat()
