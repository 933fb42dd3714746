"""Reports for people (Dutch text, coloured in a terminal) and for machines (JSON)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from . import __version__
from .checker import Report
from .rules import Finding

SEVERITY_LABELS = {"error": "fout", "warning": "waarschuwing", "info": "info"}
CATEGORY_LABELS = {
    "sentence": "zinnen",
    "word": "woorden",
    "jargon": "ambtelijke taal",
    "threat": "dreiging en druk",
    "guidance": "houvast voor de lezer",
    "tone": "toon",
}
COLOURS = {"error": "31", "warning": "33", "info": "36", "bold": "1", "dim": "2", "green": "32"}


def to_json(reports: Sequence[Report], model: str) -> str:
    return json.dumps(
        {"lettercheck": __version__, "model": model, "documents": [r.as_dict() for r in reports]},
        ensure_ascii=False,
        indent=2,
    )


class TextFormatter:
    def __init__(self, colour: bool = False) -> None:
        self.colour = colour

    def paint(self, text: str, style: str) -> str:
        return f"\033[{COLOURS[style]}m{text}\033[0m" if self.colour else text

    def report(self, report: Report) -> str:
        lines = [self.paint(report.path, "bold")]
        if report.error is not None:
            lines.append("  " + self.paint("kan niet worden gecontroleerd: ", "error") + report.error.message)
            return "\n".join(lines)
        lines.append("  " + self.readability(report))
        for finding in report.findings:
            lines.extend(self.finding(finding))
        lines.append("  " + self.summary(report))
        return "\n".join(lines)

    def readability(self, report: Report) -> str:
        r = report.readability
        if r is None or not r.words:
            return "Leesbaarheid: geen lopende tekst gevonden."
        parts = [f"niveau {r.level} (doel B1)"]
        if r.lint_score is not None:
            parts.append(f"LiNT {r.lint_score:.0f} (niveau {r.lint_level} van 4)")
        if r.flesch_douma is not None:
            parts.append(f"Flesch-Douma {r.flesch_douma:.0f}")
        parts.append(f"{r.avg_sentence_length:.1f} woorden per zin".replace(".", ","))
        parts.append(f"{r.long_sentences_25 * 100:.0f}% zinnen langer dan 25 woorden")
        return "Leesbaarheid: " + " · ".join(parts)

    def finding(self, finding: Finding) -> list[str]:
        severity = self.paint(f"{SEVERITY_LABELS[finding.severity]:<12}", finding.severity)
        place = location_label(finding)
        quoted = f' "{_one_line(finding.text)}"' if finding.text else ""
        lines = [f"  {place:<22} {severity} {finding.rule}{quoted}", f"  {'':<22} {finding.message}"]
        if finding.suggestion:
            lines.append(f"  {'':<22} {self.paint('→ ' + finding.suggestion, 'dim')}")
        return lines

    def summary(self, report: Report) -> str:
        counts = report.summary()["by_severity"]
        if not report.findings:
            return self.paint("Geen bevindingen.", "green")
        parts = [f"{counts[s]} {SEVERITY_LABELS[s]}" for s in ("error", "warning", "info") if counts[s]]
        return "Samenvatting: " + ", ".join(parts)


def location_label(finding: Finding) -> str:
    location = finding.location
    if location is None:
        return "hele brief"
    part = str(location["part"])
    paragraph = f"alinea {int(location['paragraph']) + 1}"
    if part.startswith("header"):
        return f"koptekst, {paragraph}"
    if part.startswith("footer"):
        return f"voettekst, {paragraph}"
    return paragraph


def _one_line(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
