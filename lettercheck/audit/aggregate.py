"""What an audit counts across letters, and the row each letter gets in the tables.

Everything here is bounded whatever the number of letters: counters, the phrase table (pruned past
:data:`MAX_PHRASES`), and the :data:`WORST` letters that need the most work.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

from ..catalogue import load_categories
from ..formats.text import Totals
from ..model import CEFR, SEVERITIES, SEVERITY_LABELS, Finding, Report

FIGURES = {
    "words": "aantal woorden",
    "sentences": "aantal zinnen",
    "avg_sentence_length": "woorden per zin",
    "long_sentences": "aandeel lange zinnen",
    "rare_words": "aandeel zeldzame woorden",
    "officialese": "ambtelijke woorden per 100 woorden",
    "flesch_douma": "Flesch-Douma",
    "lint_score": "LiNT",
    "lint_level": "LiNT-niveau",
}
"""Readability figures in the tables: field of :class:`~lettercheck.model.Readability` -> column."""
CHECKLIST = {
    "missing-action": "wat de lezer moet doen",
    "missing-contact": "hoe de lezer contact opneemt",
    "missing-help": "waar de lezer hulp krijgt",
    "vague-deadline": "een concrete termijn",
}
"""The guidance checklist: a letter has the item unless the rule found it missing."""
PHRASE_RULES = frozenset({"jargon", "threat-sanction", "threat-pressure"})
"""Word-list rules of officialese and threats: their findings are phrases worth counting across letters."""
MAX_PHRASES = 5000
WORST = 25
MAX_PHRASE_CHARS = 80
NO_LEVEL = "geen"
"""Level of a letter without running text."""


def severity_column(severity: str) -> str:
    return f"ernst {SEVERITY_LABELS[severity]}"


def category_column(label: str) -> str:
    return f"bevindingen {label}"


def letter_columns() -> list[str]:
    """The columns of letters.csv and letters.xlsx, in order."""
    return ["nummer", "pad", "soort", "niveau", *FIGURES.values(), "bevindingen", "onderdrukt",
            *map(severity_column, reversed(SEVERITIES)),
            *(category_column(c.label) for c in load_categories().values()), *CHECKLIST.values(), "foutmelding"]


def letter_values(number: int, report: Report, rules: Collection[str]) -> dict[str, object]:
    """One letter's row: numbers as numbers; checklist 'ja'/'nee', empty when the rule was not checked."""
    row: dict[str, object] = dict.fromkeys(letter_columns(), "")
    row.update({"nummer": number, "pad": report.path})
    if report.error is not None:
        row["foutmelding"] = report.error.message
        return row
    summary = report.summary()
    readability = report.readability
    row.update({"soort": report.format, "niveau": level_of(report), "bevindingen": summary["total"],
                "onderdrukt": summary["suppressed"]})
    for name, column in FIGURES.items():
        row[column] = _figure(getattr(readability, name) if readability else None)
    for severity, count in summary["by_severity"].items():
        row[severity_column(severity)] = count
    categories = load_categories()
    for category, count in summary["by_category"].items():
        row[category_column(categories[category].label)] = count
    missing = {finding.rule for finding in report.findings}
    for rule, column in CHECKLIST.items():
        row[column] = ("nee" if rule in missing else "ja") if rule in rules else ""
    return row


def _figure(value: float | int | None) -> float | int | str:
    if value is None:
        return ""
    return round(value, 3) if isinstance(value, float) else value


def level_of(report: Report) -> str:
    return (report.readability.level if report.readability else None) or NO_LEVEL


def alternative(finding: Finding) -> str:
    """The plain alternative of a phrase: its fix when that replaces the phrase itself (not its whole sentence),
    else the suggestion."""
    if finding.fixes and finding.fixes[0].edits:
        edit = finding.fixes[0].edits[0]
        if (edit.start, edit.end) == (finding.start, finding.end):
            return edit.replacement or "(weglaten)"
    return finding.suggestion or ""


@dataclass(slots=True)
class Phrase:
    text: str
    category: str
    alternative: str
    count: int = 0
    letters: int = 0
    last_letter: int = -1


@dataclass(frozen=True, slots=True, order=True)
class Worst:
    """A letter in the 'most work' table; ordered by errors, then warnings, then level, then info."""

    errors: int
    warnings: int
    level: int
    infos: int
    earlier: int
    """Minus the letter's number: of two letters alike, the first listed ranks higher."""
    number: int = field(compare=False)
    path: str = field(compare=False)
    level_label: str = field(compare=False)


class Aggregate:
    """The counts over all letters of an audit."""

    def __init__(self, target_level: str, rules: Collection[str]) -> None:
        self.target_level = target_level
        self.rules = rules
        self.totals = Totals()
        self.words = self.suppressed = 0
        self.levels: Counter[str] = Counter()
        self.categories: Counter[str] = Counter()
        self.severities: Counter[str] = Counter()
        self.missing: Counter[str] = Counter()
        self.phrases: dict[tuple[str, str], Phrase] = {}
        self.worst: list[Worst] = []

    @property
    def readable(self) -> int:
        return self.totals.letters - self.totals.unreadable

    def add(self, number: int, report: Report) -> None:
        self.totals.add(report)
        if report.error is not None:
            return
        self.words += report.readability.words if report.readability else 0
        self.suppressed += len(report.suppressed)
        self.levels[level_of(report)] += 1
        found = {finding.rule for finding in report.findings}
        self.missing.update(rule for rule in CHECKLIST if rule in found)
        for finding in report.findings:
            self.categories[finding.category] += 1
            self.severities[finding.severity] += 1
            if finding.rule in PHRASE_RULES and finding.scope == "span":
                self._count_phrase(number, finding)
        self._rank(number, report)

    def _count_phrase(self, number: int, finding: Finding) -> None:
        text = " ".join(finding.text.split())[:MAX_PHRASE_CHARS]
        key = (finding.category, text.lower())
        phrase = self.phrases.get(key)
        if phrase is None:
            if len(self.phrases) >= MAX_PHRASES:
                self._prune()
            phrase = self.phrases[key] = Phrase(text, finding.category, alternative(finding))
        phrase.count += 1
        if phrase.last_letter != number:
            phrase.letters, phrase.last_letter = phrase.letters + 1, number

    def _prune(self) -> None:
        """Keep the more frequent half: rare phrases cannot reach the top of the table any more."""
        kept = sorted(self.phrases.items(), key=lambda item: item[1].count, reverse=True)[: MAX_PHRASES // 2]
        self.phrases = dict(kept)

    def _rank(self, number: int, report: Report) -> None:
        counts = report.summary()["by_severity"]
        level = level_of(report)
        entry = Worst(counts["error"], counts["warning"], CEFR.index(level) if level in CEFR else -1, counts["info"],
                      -number, number, report.path, level)
        if len(self.worst) < WORST:
            heapq.heappush(self.worst, entry)
        else:
            heapq.heappushpop(self.worst, entry)

    def most_work(self) -> list[Worst]:
        return sorted(self.worst, reverse=True)

    def top_phrases(self, limit: int = 30) -> list[Phrase]:
        return sorted(self.phrases.values(), key=lambda p: (-p.count, -p.letters, p.text.lower()))[:limit]

    def missing_shares(self) -> dict[str, float | None]:
        """Checklist item -> share of readable letters that miss it (None: the rule was not checked)."""
        return {rule: (self.missing[rule] / self.readable if self.readable else 0.0) if rule in self.rules else None
                for rule in CHECKLIST}

    def as_dict(self) -> dict:
        return {
            "letters": self.totals.letters,
            "unreadable": self.totals.unreadable,
            "with_errors": self.totals.with_errors,
            "words": self.words,
            "target_level": self.target_level,
            "levels": {level: self.levels[level] for level in (*CEFR, NO_LEVEL)},
            "by_category": {category: self.categories[category] for category in load_categories()},
            "by_severity": {severity: self.severities[severity] for severity in SEVERITIES},
            "suppressed": self.suppressed,
            "missing": self.missing_shares(),
            "phrases": [{"text": p.text, "category": p.category, "count": p.count, "letters": p.letters,
                         "alternative": p.alternative} for p in self.top_phrases()],
            "most_work": [{"path": w.path, "level": w.level_label, "error": w.errors, "warning": w.warnings,
                           "info": w.infos} for w in self.most_work()],
        }
