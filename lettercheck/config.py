"""Settings: defaults, a ``lettercheck.toml`` or ``[tool.lettercheck]`` in pyproject.toml, then the command line.

Validated strictly: an unknown key, rule id or category, a wrong type or a value
out of range is a Dutch error naming the key and the file, never ignored.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import LetterError
from .model import CEFR, DEFAULT_TARGET_LEVEL, SEVERITIES, Rule
from .readers import DEFAULT_MAX_BYTES, DEFAULT_MAX_WORDS

CONFIG_FILE = "lettercheck.toml"


@dataclass(slots=True)
class Config:
    fail_on: str = "error"
    """Exit code 1 when a finding has this severity or higher."""
    max_level: str | None = None
    """Exit code 1 when a letter's estimated CEFR level is above this (e.g. "B1")."""
    max_file_mb: float = DEFAULT_MAX_BYTES / 1048576
    max_words: int = DEFAULT_MAX_WORDS
    """A letter with more words is refused (too-long): it bounds the time and memory one letter takes."""
    max_sentence_words: int = 20
    """long-sentence above this many words; also the band of the readability figure ``long_sentences``."""
    max_clauses: int = 3
    rare_word_zipf: float = 3.0
    long_word_letters: int = 20
    select: list[str] = field(default_factory=list)
    """Rule ids or categories to report; empty: all (``disable`` then takes some away)."""
    disable: list[str] = field(default_factory=list)
    """Rule ids or categories not to report."""
    severity: dict[str, str] = field(default_factory=dict)
    """Severity per rule id (or per category: all its rules), overriding the catalogue."""
    include: list[str] = field(default_factory=list)
    """Gitignore-style patterns of the files to check inside folders; empty: .docx, .dotx and .txt."""
    exclude: list[str] = field(default_factory=list)
    """Gitignore-style patterns of files and folders to skip inside folders."""

    @property
    def max_bytes(self) -> int:
        return int(self.max_file_mb * 1048576)

    @property
    def target_level(self) -> str:
        """The level letters should reach: ``max_level`` when set, else B1."""
        return self.max_level or DEFAULT_TARGET_LEVEL

    def rule_severity(self, rule_id: str, category: str) -> str | None:
        return self.severity.get(rule_id) or self.severity.get(category)

    def selects(self, rule: Rule) -> bool:
        """Whether ``rule`` is checked: selected (or no selection) and not disabled."""
        names = {rule.id, rule.category}
        return (not self.select or bool(names & set(self.select))) and not names & set(self.disable)


def _number(low: float, high: float, integer: bool = False):
    kind = "een geheel getal" if integer else "een getal"

    def check(value) -> str | None:
        types = (int,) if integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, types):
            return f"moet {kind} zijn"
        if not low <= value <= high:
            return f"moet tussen {low:g} en {high:g} liggen"
        return None

    return check


def _one_of(choices: tuple[str, ...]):
    def check(value) -> str | None:
        return None if value in choices else f"moet een van {', '.join(choices)} zijn"

    return check


def _selectors(value) -> str | None:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return "moet een lijst van regel-id's of categorieën zijn"
    unknown = [item for item in value if not _known_selector(item)]
    return f"kent de regel of categorie {_names(unknown)} niet" if unknown else None


def _globs(value) -> str | None:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        return 'moet een lijst van patronen zijn, bijvoorbeeld ["*.docx", "archief/"]'
    from pathspec import GitIgnoreSpec

    for pattern in value:
        try:
            GitIgnoreSpec.from_lines([pattern])
        except ValueError:
            return f"bevat een ongeldig patroon: '{pattern}'"
    return None


def _severities(value) -> str | None:
    if not isinstance(value, dict):
        return 'moet een tabel zijn, bijvoorbeeld { "missing-help" = "error" }'
    unknown = [key for key in value if not _known_selector(key)]
    if unknown:
        return f"kent de regel of categorie {_names(unknown)} niet"
    wrong = [key for key, level in value.items() if level not in SEVERITIES]
    return f"voor {_names(wrong)} moet de ernst een van {', '.join(SEVERITIES)} zijn" if wrong else None


def _known_selector(name: str) -> bool:
    from .catalogue import load_categories, load_rules

    return name in load_rules() or name in load_categories()


def _names(names: list[str]) -> str:
    return ", ".join(f"'{name}'" for name in names)


VALIDATORS = {
    "fail_on": _one_of(SEVERITIES),
    "max_level": _one_of(CEFR),
    "max_file_mb": _number(0.001, 1024),
    "max_words": _number(100, 10_000_000, integer=True),
    "max_sentence_words": _number(5, 200, integer=True),
    "max_clauses": _number(1, 20, integer=True),
    "rare_word_zipf": _number(0, 8),
    "long_word_letters": _number(5, 100, integer=True),
    "select": _selectors,
    "disable": _selectors,
    "severity": _severities,
    "include": _globs,
    "exclude": _globs,
}
assert set(VALIDATORS) == {f.name for f in dataclasses.fields(Config)}


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
    where = f" in {path}" if path is not None else ""
    unknown = sorted(set(values) - set(VALIDATORS))
    if unknown:
        raise LetterError("config", f"Onbekende instelling {_names(unknown)}{where}.", f"unknown config keys {unknown}")
    values.update({key: value for key, value in overrides.items() if value is not None})
    for key, value in values.items():
        problem = VALIDATORS[key](value)
        if problem:
            raise LetterError("config", f"Ongeldige instelling{where}: {key} {problem}.", f"invalid config key {key}")
    return Config(**values)


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"at line (\d+)", str(error))
        place = f", regel {line.group(1)}" if line else ""
        raise LetterError(
            "config", f"Het instellingenbestand {path} is geen geldige TOML (fout{place}).", "toml syntax error"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise LetterError("config", f"Het instellingenbestand {path} is niet te lezen.", type(error).__name__) from None
