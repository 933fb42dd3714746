"""The engine: every front end (command line, writers, web app, audit) checks letters through it.

A :class:`Checker` loads the pipeline, the word lists and the rules once; its
:meth:`~Checker.analyse` parses a letter once and keeps everything the front
ends need in an :class:`Analysis`: the letter and its structure, the parsed
Doc, readability per letter and per paragraph, and the findings with their
source places. :meth:`Analysis.report` turns that into a plain
:class:`~lettercheck.model.Report`.
"""

from __future__ import annotations

import functools
import logging
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .analysis import ParsedLetter, parse_letters
from .catalogue import category_ids, load_rules
from .config import Config
from .errors import LetterError, display_path
from .letter import Letter
from .lexicon import Lexicon
from .model import Finding, ParagraphReadability, Readability, Report, ReportError
from .nlp import load_pipeline
from .readability import combine, sentence_features
from .readers import read_letter, read_letter_bytes
from .rewrites import attach_rewrites
from .rules import LetterContext, run_checks
from .structure import Segment
from .suppressions import split_findings, unknown_names

log = logging.getLogger(__name__)
CHUNK = 32
"""Letters read ahead and parsed as one batch."""


@dataclass(slots=True)
class Analysis:
    """One letter, parsed and checked."""

    parsed: ParsedLetter
    readability: Readability
    paragraphs: list[ParagraphReadability]
    findings: list[Finding]
    path: str
    suppressed: list[Finding] = field(default_factory=list)
    """Findings an inline ``lettercheck:`` comment switched off."""

    @property
    def letter(self) -> Letter:
        return self.parsed.letter

    @property
    def segments(self) -> list[Segment]:
        return self.parsed.segments

    @property
    def doc(self):
        return self.parsed.doc

    def report(self) -> Report:
        return Report(
            path=display_path(self.path),
            format=self.letter.format,
            readability=self.readability,
            paragraphs=self.paragraphs,
            findings=self.findings,
            categories=category_ids(),
            suppressed=self.suppressed,
        )


def error_report(path: str, error: LetterError) -> Report:
    return Report(path=display_path(path), error=ReportError(error.code, error.message), categories=category_ids())


def internal_error(name: str, error: Exception) -> LetterError:
    """An unexpected exception on one letter: logged by its type and code places only, as its message may
    quote the letter."""
    places = [f"{Path(frame.filename).name}:{frame.lineno} in {frame.name}"
              for frame in traceback.extract_tb(error.__traceback__)]
    where = f" at {places[-1]}" if places else ""
    log.error("%s: internal error %s%s", display_path(name), type(error).__name__, where)
    log.info("call stack: %s", " < ".join(reversed(places)))
    return LetterError(
        "internal",
        "Er ging iets mis in lettercheck bij het controleren van deze brief. Dit ligt niet aan de brief; "
        "meld het aan de beheerder van lettercheck.",
        f"internal error {type(error).__name__}",
    )


class Checker:
    """Loads the pipeline, rules and word lists once; checks any number of letters."""

    def __init__(self, config: Config | None = None, nlp=None) -> None:
        self.config = config or Config()
        self.nlp = nlp or load_pipeline()
        self.rules = load_rules()
        self.lexicon = Lexicon(self.nlp)
        self.active = {rule_id for rule_id, rule in self.rules.items() if self.config.selects(rule)}
        self._rule_names = set(self.rules) | {rule.category for rule in self.rules.values()}

    # -- analyses: everything kept ----------------------------------------

    def analyse(self, letter: Letter) -> Analysis:
        return next(self.analyse_many([letter]))

    def analyse_many(self, letters: Iterable[Letter]) -> Iterator[Analysis]:
        """Analyses in the order of ``letters``, parsed in batches."""
        for parsed in parse_letters(letters, self.nlp):
            yield self._analyse_parsed(parsed)

    def _analyse_parsed(self, parsed: ParsedLetter) -> Analysis:
        limit = self.config.max_sentence_words
        matches = self.lexicon.match(parsed.doc)
        officialese = frozenset({m.entry: m.start for m in reversed(matches) if m.entry and m.entry.rule == "jargon"}
                                .values())  # where each officialese phrase first appears
        features = [sentence_features(s, parsed, self.lexicon, officialese) for s in parsed.prose]
        context = LetterContext(parsed, matches, self.lexicon, self.rules, self.config)
        by_block: dict[int, list] = {}
        for sentence, feature in zip(parsed.prose, features, strict=True):
            if feature.words:
                by_block.setdefault(parsed.segments[sentence.segment].block, []).append(feature)
        paragraphs = [
            ParagraphReadability(block.location.part, block.location.paragraph, combine(block_features, limit))
            for index, block_features in by_block.items()
            for block in (parsed.letter.blocks[index],)
        ]
        findings = run_checks(context, self.active)
        attach_rewrites(context, findings)
        findings, suppressed = split_findings(findings, parsed.letter.suppressions)
        if unknown := unknown_names(parsed.letter.suppressions, self._rule_names):
            log.warning("%s: 'lettercheck: negeer/uit' noemt een onbekende regel of categorie (%s); die zet niets "
                        "uit. De namen staan in 'lettercheck rules'.", display_path(parsed.letter.source),
                        ", ".join(unknown))
        return Analysis(
            parsed=parsed,
            readability=combine([f for f in features if f.words], limit),
            paragraphs=paragraphs,
            findings=findings,
            path=parsed.letter.source,
            suppressed=suppressed,
        )

    # -- reports: plain data ------------------------------------------------

    def check_text(self, text: str, name: str = "brief.txt") -> Report:
        return self.check_bytes(text.encode("utf-8"), name)

    def check_bytes(self, data: bytes, name: str) -> Report:
        letter = self._read(functools.partial(read_letter_bytes, data, name, self.config.max_bytes,
                                              self.config.max_words), name)
        return error_report(name, letter) if isinstance(letter, LetterError) else self._check_alone(letter)

    def check_path(self, path: str | Path) -> Report:
        return next(self.check_paths([path]))

    def check_paths(self, paths: Iterable[str | Path]) -> Iterator[Report]:
        """Reports in the order of ``paths``; unreadable files get a report with an error."""
        chunk: list[tuple[str, Letter | LetterError]] = []
        for path in paths:
            read = functools.partial(read_letter, path, self.config.max_bytes, self.config.max_words)
            chunk.append((str(path), self._read(read, path)))
            if len(chunk) == CHUNK:
                yield from self._check_chunk(chunk)
                chunk = []
        yield from self._check_chunk(chunk)

    def check_letters(self, letters: Iterable[Letter]) -> Iterator[Report]:
        for analysis in self.analyse_many(letters):
            yield analysis.report()

    @staticmethod
    def _read(read: Callable[[], Letter], name: str | Path) -> Letter | LetterError:
        try:
            return read()
        except LetterError as error:
            log.warning("%s: %s", display_path(name), error.detail)
            return error
        except Exception as error:  # a bug, in lettercheck or a library: this letter's error, not the run's end
            return internal_error(str(name), error)

    def _check_chunk(self, chunk: list[tuple[str, Letter | LetterError]]) -> Iterator[Report]:
        letters = [item for _, item in chunk if isinstance(item, Letter)]
        reports = self._isolated_reports(letters)
        for path, item in chunk:
            if isinstance(item, LetterError):
                yield error_report(path, item)
            else:
                report = next(reports)
                report.path = display_path(path)
                yield report

    def _isolated_reports(self, letters: list[Letter]) -> Iterator[Report]:
        """A report per letter, in order. When a batch fails, the letters not yet reported are checked one by
        one, so an unexpected error costs only the letter that causes it."""
        done = 0
        try:
            for report in self.check_letters(letters):
                yield report
                done += 1
        except Exception:  # _check_alone reports it on the letter that causes it
            for letter in letters[done:]:
                yield self._check_alone(letter)

    def _check_alone(self, letter: Letter) -> Report:
        try:
            return self.analyse(letter).report()
        except Exception as error:
            return error_report(letter.source, internal_error(letter.source, error))


@functools.cache
def default_checker() -> Checker:
    """A process-wide checker with the default settings."""
    return Checker()


def analyse(letter: Letter | str | Path) -> Analysis:
    """Analyse a letter (or the letter at a path) with the default settings."""
    if not isinstance(letter, Letter):
        letter = read_letter(letter)
    return default_checker().analyse(letter)
