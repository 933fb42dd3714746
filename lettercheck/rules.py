"""Rule definitions (``wordlists/rules.toml``) and the findings they produce."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .lexicon import FIXES, SEVERITIES, data_dir

CATEGORIES = ("sentence", "word", "jargon", "threat", "guidance", "tone")
RULE_FIXES = (*FIXES, "none")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    category: str
    severity: str
    fix: str
    message: str
    suggestion: str
    why: str
    bad: str
    good: str


@dataclass(slots=True)
class Finding:
    rule: str
    category: str
    severity: str
    message: str
    text: str
    start: int
    end: int
    location: dict | None
    suggestion: str | None = None
    fix: str | None = None
    replacement: str | None = None
    """For safe fixes: the text that can replace ``text`` as it stands."""

    def as_dict(self) -> dict:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "location": self.location,
            "suggestion": self.suggestion,
            "fix": self.fix,
            "replacement": self.replacement,
        }


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


def raise_severity(severity: str) -> str:
    return SEVERITIES[min(len(SEVERITIES) - 1, severity_rank(severity) + 1)]


@functools.cache
def load_rules(path: Path | None = None) -> dict[str, Rule]:
    """The rule catalogue, checked on load."""
    path = path or data_dir() / "rules.toml"
    with path.open("rb") as handle:
        tables = tomllib.load(handle)
    rules = {}
    for rule_id, table in tables.items():
        try:
            rule = Rule(id=rule_id, **table)
        except TypeError as error:
            raise ValueError(f"rules.toml [{rule_id}]: {error}") from None
        problems = [
            name
            for name, ok in (
                ("category", rule.category in CATEGORIES),
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
