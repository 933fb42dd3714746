"""Output formats: one module per format, listed once here.

A format writes the reports of one run to a text stream as they arrive, so the
text format prints each letter at once and the others collect what they need.
Nothing here imports spaCy.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TextIO

from ..model import Report

FORMATS = {
    "text": "Leesbaar rapport in het Nederlands (standaard)",
    "json": "Alle gegevens als JSON",
    "sarif": "SARIF 2.1.0, voor code scanning",
    "junit": "JUnit XML, voor testrapporten in CI",
    "github": "GitHub Actions-meldingen (::error ...)",
}
"""Format name -> Dutch description; each lives in the module of the same name and defines ``FORMAT``."""


@dataclass(slots=True)
class Run:
    """What a format may need to know about the run besides the reports."""

    version: str
    model: str = ""
    fail_on: str = "error"
    max_level: str | None = None
    target_level: str = "B1"
    colour: bool = False
    totals: bool = False
    """The text format closes with a line of totals (folder runs)."""
    root: Path = field(default_factory=Path.cwd)
    """Paths in the output are relative to this folder where they can be."""

    def relative(self, path: str) -> str:
        """``path`` relative to ``root`` with forward slashes, as SARIF and CI annotations want it."""
        try:
            return Path(path).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return Path(path).as_posix()


class OutputFormat(Protocol):
    def write(self, reports: Iterable[Report], out: TextIO, run: Run) -> None: ...


def get_format(name: str) -> OutputFormat:
    if name not in FORMATS:
        raise KeyError(name)
    return importlib.import_module(f"{__name__}.{name}").FORMAT
