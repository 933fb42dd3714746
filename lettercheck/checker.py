"""The checker: built once, then reads, parses and checks letters in batches."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .analysis import ParsedLetter, parse_letters
from .checks import CHECKS, LetterContext, word_findings
from .config import Config
from .errors import LetterError
from .letter import Letter
from .lexicon import SEVERITIES, Lexicon
from .nlp import load_pipeline
from .readability import CEFR, Readability, combine, sentence_features
from .readers import LETTER_SUFFIXES, read_letter, read_letter_bytes
from .rules import CATEGORIES, Finding, load_rules, severity_rank

log = logging.getLogger(__name__)
REPLACING_RULES = frozenset({"jargon", "nominalisation"})
"""Rules that already offer plainer words: their words are not flagged again as rare or long."""
CHUNK = 32
"""Letters read ahead and parsed as one batch."""


@dataclass(slots=True)
class Report:
    path: str
    readability: Readability | None = None
    paragraphs: list[dict] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    error: LetterError | None = None

    def summary(self) -> dict:
        by_category = Counter(f.category for f in self.findings)
        by_severity = Counter(f.severity for f in self.findings)
        return {
            "total": len(self.findings),
            "by_category": {name: by_category.get(name, 0) for name in CATEGORIES},
            "by_severity": {name: by_severity.get(name, 0) for name in SEVERITIES},
        }

    def fails(self, config: Config) -> bool:
        """Whether this letter falls below the bar set in ``config``."""
        if self.error is not None:
            return False
        threshold = severity_rank(config.fail_on)
        if any(severity_rank(f.severity) >= threshold for f in self.findings):
            return True
        level = self.readability.level if self.readability else None
        return bool(config.max_level and level and CEFR.index(level) > CEFR.index(config.max_level))

    def as_dict(self) -> dict:
        if self.error is not None:
            return {"path": self.path, "error": self.error.as_dict()}
        return {
            "path": self.path,
            "readability": self.readability.as_dict(),
            "paragraphs": self.paragraphs,
            "findings": [f.as_dict() for f in self.findings],
            "summary": self.summary(),
        }


class Checker:
    """Loads the pipeline, rules and word lists once; checks any number of letters."""

    def __init__(self, config: Config | None = None, nlp=None) -> None:
        self.config = config or Config()
        self.nlp = nlp or load_pipeline()
        self.rules = load_rules()
        self.lexicon = Lexicon(self.nlp)
        disabled = set(self.config.disable)
        self.active = {rule_id for rule_id, rule in self.rules.items()
                       if rule_id not in disabled and rule.category not in disabled}

    # -- entry points ---------------------------------------------------------

    def check_text(self, text: str, name: str = "brief.txt") -> Report:
        return self.check_bytes(text.encode("utf-8"), name)

    def check_bytes(self, data: bytes, name: str) -> Report:
        try:
            letter = read_letter_bytes(data, name, self.config.max_bytes)
        except LetterError as error:
            log.warning("%s: %s", name, error.detail)
            return Report(name, error=error)
        return next(self.check_letters([letter]))

    def check_paths(self, paths: Iterable[str | Path]) -> Iterator[Report]:
        """Reports in the order of ``paths``; unreadable files get a report with an error."""
        chunk: list[tuple[str, Letter | LetterError]] = []
        for path in paths:
            chunk.append((str(path), self._read(path)))
            if len(chunk) == CHUNK:
                yield from self._check_chunk(chunk)
                chunk = []
        yield from self._check_chunk(chunk)

    def check_letters(self, letters: Iterable[Letter]) -> Iterator[Report]:
        for parsed in parse_letters(letters, self.nlp):
            yield self.check_parsed(parsed)

    # -- the work -------------------------------------------------------------

    def check_parsed(self, parsed: ParsedLetter) -> Report:
        features = [sentence_features(s, parsed, self.lexicon) for s in parsed.prose]
        context = LetterContext(parsed, self.lexicon.match(parsed.doc), self.lexicon, self.rules, self.config)
        findings = self._findings(context)
        return Report(
            parsed.letter.source,
            readability=combine([f for f in features if f.words]),
            paragraphs=self._paragraphs(parsed, features),
            findings=findings,
        )

    def _findings(self, context: LetterContext) -> list[Finding]:
        findings: list[Finding] = []
        for function in CHECKS:
            findings.extend(f for f in function(context) if f.rule in self.active)
        replaced = {i for f in findings if f.rule in REPLACING_RULES for i in _token_range(context, f)}
        findings.extend(f for f in word_findings(context, replaced) if f.rule in self.active)
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        return findings

    def _paragraphs(self, parsed: ParsedLetter, features) -> list[dict]:
        """Readability per paragraph (block) of prose."""
        by_block: dict[int, list] = {}
        for sentence, feature in zip(parsed.prose, features, strict=True):
            if feature.words:
                by_block.setdefault(parsed.segments[sentence.segment].block, []).append(feature)
        paragraphs = []
        for index, block_features in by_block.items():
            block = parsed.letter.blocks[index]
            paragraphs.append({
                "location": {"part": block.location.part, "paragraph": block.location.paragraph},
                **combine(block_features).as_dict(),
            })
        return paragraphs

    def _read(self, path: str | Path) -> Letter | LetterError:
        try:
            return read_letter(path, self.config.max_bytes)
        except LetterError as error:
            log.warning("%s: %s", path, error.detail)
            return error

    def _check_chunk(self, chunk: list[tuple[str, Letter | LetterError]]) -> Iterator[Report]:
        letters = [item for _, item in chunk if isinstance(item, Letter)]
        reports = iter(self.check_letters(letters))
        for path, item in chunk:
            if isinstance(item, LetterError):
                yield Report(path, error=item)
            else:
                report = next(reports)
                report.path = path
                yield report


def _token_range(context: LetterContext, finding: Finding) -> range:
    span = context.doc.char_span(finding.start, finding.end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def letter_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files to check: the files given, and the letters in the folders given (recursively, sorted)."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in LETTER_SUFFIXES
                and not p.name.startswith(("~$", ".")) and not any(part.startswith(".") for part in p.parts)
            )
        else:
            found.append(path)
    return found
