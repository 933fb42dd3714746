"""The readable report in Dutch, coloured in a terminal; each letter is printed as soon as it is checked."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TextIO

from ..model import CEFR, SEVERITY_LABELS, Finding, Report
from ..verdict import failures
from . import Run

COLOURS = {"error": "31", "warning": "33", "info": "36", "bold": "1", "dim": "2", "green": "32"}


class TextFormat:
    def write(self, reports: Iterable[Report], out: TextIO, run: Run) -> None:
        painter = Painter(run.colour)
        totals = Totals()
        for report in reports:
            totals.add(report)
            out.write(render(report, run, painter) + "\n\n")
            out.flush()
        if run.totals:
            out.write(painter(totals.line(), "bold") + "\n")


class Totals:
    """The closing line of a folder run: "38 brieven: 22 met fouten · niveau A2 3, B1 20, B2 12, C1 3"."""

    def __init__(self) -> None:
        self.letters = self.with_errors = self.unreadable = 0
        self.levels: Counter[str] = Counter()

    def add(self, report: Report) -> None:
        self.letters += 1
        if report.error is not None:
            self.unreadable += 1
            return
        self.with_errors += any(finding.severity == "error" for finding in report.findings)
        if report.readability is not None and report.readability.level:
            self.levels[report.readability.level] += 1

    def line(self) -> str:
        parts = [f"{self.with_errors} met fouten"]
        if self.unreadable:
            parts.append(f"{self.unreadable} niet te lezen")
        if self.levels:
            parts.append("niveau " + ", ".join(f"{level} {self.levels[level]}" for level in CEFR if self.levels[level]))
        return f"{self.letters} {'brief' if self.letters == 1 else 'brieven'}: " + " · ".join(parts)


class Painter:
    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def __call__(self, text: str, style: str) -> str:
        return f"\033[{COLOURS[style]}m{text}\033[0m" if self.colour else text


def render(report: Report, run: Run, paint: Painter) -> str:
    lines = [paint(report.path, "bold")]
    if report.error is not None:
        lines.append("  " + paint("kan niet worden gecontroleerd: ", "error") + report.error.message)
        return "\n".join(lines)
    lines.append("  " + readability_line(report, run.target_level))
    for finding in report.findings:
        lines.extend(finding_lines(finding, paint))
    lines.append("  " + summary_line(report, paint))
    for reason in failures(report, run.fail_on, run.max_level):
        lines.append("  " + paint("Niet gehaald: ", "error") + reason)
    return "\n".join(lines)


def readability_line(report: Report, target_level: str) -> str:
    r = report.readability
    if r is None or not r.words:
        return "Leesbaarheid: geen lopende tekst gevonden."
    parts = [f"niveau {r.level} (doel {target_level})"]
    if r.lint_score is not None:
        parts.append(f"LiNT {r.lint_score:.0f} (niveau {r.lint_level} van 4)")
    if r.flesch_douma is not None:
        parts.append(f"Flesch-Douma {r.flesch_douma:.0f}")
    parts.append(f"{r.avg_sentence_length:.1f} woorden per zin".replace(".", ","))
    parts.append(f"{r.long_sentences * 100:.0f}% zinnen langer dan {r.long_sentence_limit} woorden")
    return "Leesbaarheid: " + " · ".join(parts)


def finding_lines(finding: Finding, paint: Painter) -> list[str]:
    severity = paint(f"{SEVERITY_LABELS[finding.severity]:<12}", finding.severity)
    place = location_label(finding)
    quoted = f' "{one_line(finding.text)}"' if finding.text and finding.scope == "span" else ""
    lines = [f"  {place:<22} {severity} {finding.rule}{quoted}", f"  {'':<22} {finding.message}"]
    if finding.suggestion:
        lines.append(f"  {'':<22} {paint('→ ' + finding.suggestion, 'dim')}")
    return lines


def summary_line(report: Report, paint: Painter) -> str:
    suppressed = f" ({len(report.suppressed)} onderdrukt met een lettercheck-opmerking)" if report.suppressed else ""
    if not report.findings:
        return paint("Geen bevindingen.", "green") + suppressed
    counts = report.summary()["by_severity"]
    parts = [f"{counts[s]} {SEVERITY_LABELS[s]}" for s in ("error", "warning", "info") if counts[s]]
    return "Samenvatting: " + ", ".join(parts) + suppressed


def location_label(finding: Finding) -> str:
    """'hele brief', 'regel 12' (text files), 'alinea 7', 'voettekst, alinea 1'."""
    location = finding.location
    if finding.scope == "letter" or location is None:
        return "hele brief"
    if location.line is not None:
        return f"regel {location.line}"
    paragraph = f"alinea {location.paragraph + 1}"
    if location.part.startswith("header"):
        return f"koptekst, {paragraph}"
    if location.part.startswith("footer"):
        return f"voettekst, {paragraph}"
    return paragraph


def one_line(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


FORMAT = TextFormat()
