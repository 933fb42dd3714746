"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding.

GitHub shows them as annotations on the letter. A Word letter has no lines, so
its annotations sit on line 1 and name the paragraph in their title. A letter
that cannot be read, or is above ``--max-level``, gets an ``::error`` of its own,
so that every reason the job fails is annotated.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from ..model import Finding, Report
from . import Run
from .junit import level_failures
from .sarif import full_message
from .text import location_label

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
"""Severity -> workflow command."""


class GithubFormat:
    def write(self, reports: Iterable[Report], out: TextIO, run: Run) -> None:
        for report in reports:
            path = run.relative(report.path)
            if report.error is not None:
                out.write(command("error", {"file": path, "title": "lettercheck"}, report.error.message))
                continue
            for finding in report.findings:
                out.write(command(COMMANDS[finding.severity], {"file": path, **position(finding)},
                                  full_message(finding)))
            for reason in level_failures(report, run):
                out.write(command("error", {"file": path, "title": "max-level"}, reason))
            out.flush()


def position(finding: Finding) -> dict[str, object]:
    """Line and columns for a text letter; line 1 and the paragraph in the title for a Word letter."""
    place = finding.location
    named = place is None or place.line is None or finding.scope == "letter"
    title = f"{finding.rule} ({location_label(finding)})" if named else finding.rule
    if place is None:
        return {"title": title}
    if place.line is None:
        return {"line": 1, "title": title}
    return {"line": place.line, "col": place.column, "endLine": place.end_line, "endColumn": place.end_column,
            "title": title}


def command(name: str, properties: dict[str, object], message: str) -> str:
    listed = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {listed}::{escape_data(message)}\n"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


FORMAT = GithubFormat()
