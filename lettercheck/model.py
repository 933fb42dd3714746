"""lettercheck's data: rules, findings with their fixes, readability figures, reports.

Plain dataclasses and no spaCy: every front end (command line, output formats,
writers, web app, audit) imports this cheaply, and a report pickles and turns
into JSON as it is. Offsets (``start``, ``end``) are character offsets in the
letter's plain text (:attr:`lettercheck.letter.Letter.text`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

SEVERITIES = ("info", "warning", "error")
"""Lowest first."""
SEVERITY_LABELS = {"info": "info", "warning": "waarschuwing", "error": "fout"}
APPLICABILITIES = ("safe", "proposed")
"""``safe``: the edits can be applied as they stand; ``proposed``: a person should look first."""
CEFR = ("A2", "B1", "B2", "C1")
DEFAULT_TARGET_LEVEL = "B1"


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


def raise_severity(severity: str) -> str:
    return SEVERITIES[min(len(SEVERITIES) - 1, severity_rank(severity) + 1)]


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    label: str
    """Dutch, as reports show it."""
    priority: int
    """When phrases of two word lists cover the same words, the lower number reports them."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's metadata (``wordlists/rules.toml``); its check is registered under the same id."""

    id: str
    category: str
    severity: str
    fix: str
    """safe, proposed or none: what kind of fix the rule's findings carry."""
    message: str
    suggestion: str
    why: str
    bad: str
    good: str


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the letter text ``start:end`` by ``replacement`` (empty: delete; start == end: insert)."""

    start: int
    end: int
    replacement: str

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "replacement": self.replacement}


@dataclass(frozen=True, slots=True)
class Fix:
    """One way to resolve a finding: edits applied together (ruff's fix model)."""

    edits: tuple[Edit, ...]
    applicability: str
    description: str
    """Dutch: what the fix does ("Vervang door 'als'")."""

    def __post_init__(self) -> None:
        if self.applicability not in APPLICABILITIES:
            raise ValueError(f"applicability must be one of {APPLICABILITIES}, not {self.applicability!r}")

    def apply(self, text: str) -> str:
        """``text`` with the edits applied (edits do not overlap; applied from the end)."""
        for edit in sorted(self.edits, key=lambda e: (e.start, e.end), reverse=True):
            text = text[: edit.start] + edit.replacement + text[edit.end :]
        return text

    def as_dict(self) -> dict:
        return {
            "applicability": self.applicability,
            "description": self.description,
            "edits": [edit.as_dict() for edit in self.edits],
        }


@dataclass(frozen=True, slots=True)
class SourceRange:
    """Where a range of the letter text sits in the source file.

    ``part`` is ``text`` for text files, ``body`` for the main Word document, or
    ``header:<part name>`` / ``footer:<part name>``; ``paragraph`` counts the
    paragraphs of that part from 0 (for Word every ``w:p``, table cells and text
    boxes included), and ``start``/``end`` are offsets inside that paragraph's
    text. Text files also have ``line``/``column`` and ``end_line``/``end_column``:
    1-based, counted in Unicode code points of the original file, the end
    exclusive (as SARIF's ``endColumn``).
    """

    part: str
    paragraph: int
    start: int
    end: int
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None

    def as_dict(self) -> dict:
        return {key: value for key, value in asdict(self).items() if value is not None}


@dataclass(slots=True)
class Finding:
    rule: str
    category: str
    severity: str
    message: str
    text: str
    """The letter text ``start:end``; for a finding about the whole letter, the paragraph it is anchored on."""
    start: int
    end: int
    location: SourceRange | None
    suggestion: str | None = None
    fixes: tuple[Fix, ...] = ()
    scope: str = "span"
    """``span`` for a finding on its text; ``letter`` for one about the letter as a whole (something missing)."""

    @property
    def safe_fix(self) -> Fix | None:
        return next((fix for fix in self.fixes if fix.applicability == "safe"), None)

    def as_dict(self) -> dict:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "scope": self.scope,
            "message": self.message,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "location": self.location.as_dict() if self.location else None,
            "suggestion": self.suggestion,
            "fixes": [fix.as_dict() for fix in self.fixes],
        }


@dataclass(slots=True)
class Readability:
    sentences: int
    words: int
    avg_sentence_length: float | None
    long_sentence_limit: int
    """The ``max_sentence_words`` setting, which ``long_sentences`` and the long-sentence rule both use."""
    long_sentences: float | None
    """Share of sentences with more words than ``long_sentence_limit``."""
    syllables_per_word: float | None
    flesch_douma: float | None
    brouwer: float | None
    rare_words: float | None
    officialese: float | None
    """Phrases of the officialese list per 100 words (of at least 60 words, so that short texts don't jump)."""
    avg_dependency_length: float | None
    lint_word_frequency: float | None
    lint_max_dependency_length: float | None
    lint_content_words_per_clause: float | None
    lint_concrete_nouns: float | None
    lint_score: float | None
    lint_level: int | None
    level: str | None

    def as_dict(self) -> dict:
        return {key: round(value, 3) if isinstance(value, float) else value for key, value in asdict(self).items()}


@dataclass(slots=True)
class ParagraphReadability:
    part: str
    paragraph: int
    readability: Readability

    def as_dict(self) -> dict:
        return {"location": {"part": self.part, "paragraph": self.paragraph}, **self.readability.as_dict()}


@dataclass(frozen=True, slots=True)
class ReportError:
    """Why a letter could not be checked: a stable ``code`` and a Dutch ``message``."""

    code: str
    message: str

    def as_dict(self) -> dict:
        return {"code": self.code, "message": self.message}


@dataclass(slots=True)
class Report:
    """What was found in one letter, as plain data."""

    path: str
    format: str = ""
    """``docx`` or ``text``; empty when the letter could not be read."""
    readability: Readability | None = None
    paragraphs: list[ParagraphReadability] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    error: ReportError | None = None
    categories: tuple[str, ...] = ()
    """All category ids in report order, so that the summary lists every one (with zeros)."""
    suppressed: list[Finding] = field(default_factory=list)
    """Findings an inline ``lettercheck: negeer`` / ``uit`` comment in the letter switched off: kept apart, so
    that every consumer of ``findings`` (formats, verdict) leaves them out, and counted in the summary."""

    def summary(self) -> dict:
        by_category = dict.fromkeys(self.categories, 0)
        by_severity = dict.fromkeys(SEVERITIES, 0)
        for finding in self.findings:
            by_category[finding.category] = by_category.get(finding.category, 0) + 1
            by_severity[finding.severity] += 1
        return {"total": len(self.findings), "by_category": by_category, "by_severity": by_severity,
                "suppressed": len(self.suppressed)}

    def as_dict(self) -> dict:
        if self.error is not None:
            return {"path": self.path, "error": self.error.as_dict()}
        return {
            "path": self.path,
            "format": self.format,
            "readability": self.readability.as_dict() if self.readability else None,
            "paragraphs": [p.as_dict() for p in self.paragraphs],
            "findings": [f.as_dict() for f in self.findings],
            "suppressed": [f.as_dict() for f in self.suppressed],
            "summary": self.summary(),
        }
