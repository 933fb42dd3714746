"""The rule catalogue: rule metadata (``wordlists/rules.toml``) and categories (``categories.toml``).

Loading it needs no language pipeline: ``lettercheck rules`` and the output
formats read it without importing spaCy.
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

from .model import SEVERITIES, Category, Rule

PACKAGE = Path(__file__).resolve().parent
DATA_DIRS = (PACKAGE / "wordlists", PACKAGE.parent / "wordlists")
"""Installed, the lists are package data; in a source checkout, the repository's wordlists/."""
RULE_FIXES = ("safe", "proposed", "none")


def data_dir() -> Path:
    for directory in DATA_DIRS:
        if (directory / "rules.toml").is_file():
            return directory
    raise FileNotFoundError(f"wordlists not found in {', '.join(map(str, DATA_DIRS))}")


def _load_toml(path: Path) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


@functools.cache
def load_categories(path: Path | None = None) -> dict[str, Category]:
    """Categories in report order."""
    tables = _load_toml(path or data_dir() / "categories.toml")
    categories = {}
    for category_id, table in tables.items():
        try:
            categories[category_id] = Category(id=category_id, **table)
        except TypeError as error:
            raise ValueError(f"categories.toml [{category_id}]: {error}") from None
    return categories


@functools.cache
def load_rules(path: Path | None = None) -> dict[str, Rule]:
    """The rule catalogue, checked on load."""
    tables = _load_toml(path or data_dir() / "rules.toml")
    categories = load_categories()
    rules = {}
    for rule_id, table in tables.items():
        try:
            rule = Rule(id=rule_id, **table)
        except TypeError as error:
            raise ValueError(f"rules.toml [{rule_id}]: {error}") from None
        problems = [
            name
            for name, ok in (
                ("category", rule.category in categories),
                ("severity", rule.severity in SEVERITIES),
                ("fix", rule.fix in RULE_FIXES),
                ("examples", bool(rule.bad.strip() and rule.good.strip())),
                ("message", bool(rule.message.strip() and rule.why.strip())),
            )
            if not ok
        ]
        if problems:
            raise ValueError(f"rules.toml [{rule_id}]: invalid {', '.join(problems)}")
        rules[rule_id] = rule
    return rules


def category_ids() -> tuple[str, ...]:
    return tuple(load_categories())


def rules_in(selector: str) -> list[str]:
    """Rule ids a selector names: a rule id, or a category id for all its rules."""
    rules = load_rules()
    if selector in rules:
        return [selector]
    return [rule_id for rule_id, rule in rules.items() if rule.category == selector]
