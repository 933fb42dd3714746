"""Settings: defaults, a ``lettercheck.toml`` or ``[tool.lettercheck]`` in pyproject.toml, then the command line."""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import LetterError
from .lexicon import SEVERITIES
from .readability import CEFR
from .readers import DEFAULT_MAX_BYTES

CONFIG_FILE = "lettercheck.toml"


@dataclass(slots=True)
class Config:
    fail_on: str = "error"
    """Exit code 1 when a finding has this severity or higher."""
    max_level: str | None = None
    """Exit code 1 when a letter's estimated CEFR level is above this (e.g. "B1")."""
    max_file_mb: float = DEFAULT_MAX_BYTES / 1048576
    max_sentence_words: int = 20
    max_clauses: int = 3
    rare_word_zipf: float = 3.0
    long_word_letters: int = 20
    disable: list[str] = field(default_factory=list)
    """Rule ids or categories not to report."""
    severity: dict[str, str] = field(default_factory=dict)
    """Severity per rule id, overriding the catalogue."""

    @property
    def max_bytes(self) -> int:
        return int(self.max_file_mb * 1048576)

    def validate(self) -> Config:
        problems = []
        if self.fail_on not in SEVERITIES:
            problems.append(f"fail_on moet een van {', '.join(SEVERITIES)} zijn")
        if self.max_level is not None and self.max_level not in CEFR:
            problems.append(f"max_level moet een van {', '.join(CEFR)} zijn")
        if any(level not in SEVERITIES for level in self.severity.values()):
            problems.append(f"severity-waarden moeten een van {', '.join(SEVERITIES)} zijn")
        if self.max_file_mb <= 0 or self.max_sentence_words < 1 or self.max_clauses < 1:
            problems.append("max_file_mb, max_sentence_words en max_clauses moeten positief zijn")
        if problems:
            raise LetterError("config", "Ongeldige instelling: " + "; ".join(problems) + ".", "invalid config")
        return self


def find_config(start: Path) -> Path | None:
    """The nearest lettercheck.toml, or pyproject.toml with a [tool.lettercheck] table."""
    for directory in (start, *start.parents):
        candidate = directory / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and "lettercheck" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def load_config(path: Path | None = None, **overrides) -> Config:
    """Defaults, then the config file (given or found from the working directory), then ``overrides``."""
    path = path or find_config(Path.cwd())
    values: dict = {}
    if path is not None:
        table = _read_toml(path)
        values = table.get("tool", {}).get("lettercheck", {}) if path.name == "pyproject.toml" else table
    values.update({key: value for key, value in overrides.items() if value is not None})
    known = {f.name for f in dataclasses.fields(Config)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise LetterError(
            "config", f"Onbekende instelling(en) in {path}: {', '.join(unknown)}.", f"unknown config keys {unknown}"
        )
    try:
        return Config(**values).validate()
    except TypeError as error:
        raise LetterError("config", f"Ongeldige instelling in {path}.", str(error)) from None


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise LetterError("config", f"Het instellingenbestand {path} is niet te lezen.", str(error)) from None
