"""Parse a letter once: one spaCy Doc over the letter's wording, split by its structure.

The Doc's text has the letter's length, so token offsets are letter offsets:
line breaks become spaces (segments, not newlines, decide sentence starts),
placeholders are masked as names, and the parts no check reads word by word
(address blocks, dates, reference lines, salutation, closing, signature, page
headers and footers: about a sixth of a letter) are blanked out, so the
pipeline does not spend time on them. :attr:`ParsedLetter.outside_text` keeps
them for the letter-level checks.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import numpy
from spacy.attrs import DEP, IDX, IS_DIGIT, IS_SPACE, LOWER, ORTH, SENT_START
from spacy.tokens import Doc, Span

from .letter import Letter
from .nlp import load_pipeline
from .placeholders import mask
from .structure import SENTENCE_KINDS, WORDING_KINDS, Kind, Segment, segment

BATCH_SIZE = 8
SENTENCE_ENDS = frozenset({".", "!", "?", "…", "?!", "!!", "!!!", "..."})
CLOSING_MARKS = frozenset({'"', "'", "”", "’", ")", "]", "»"})


@dataclass(slots=True)
class Sentence:
    span: Span
    kind: Kind
    segment: int
    """Index of the segment it belongs to."""

    @property
    def words(self) -> list:
        """The tokens that count as words (see :func:`is_word`)."""
        return [token for token in self.span if is_word(token)]


def is_word(token) -> bool:
    """A word has a letter or digit: not punctuation, white space or a lone symbol such as '€'."""
    return not (token.is_punct or token.is_space) and any(ch.isalnum() for ch in token.text)


@dataclass(slots=True)
class ParsedLetter:
    letter: Letter
    segments: list[Segment]
    doc: Doc
    sentences: list[Sentence] = field(default_factory=list)
    placeholder_tokens: frozenset[int] = frozenset()
    words_before: list[int] = field(default_factory=list, repr=False)
    """words_before[i]: tokens before token i that are not punctuation (by dependency label)."""
    _segment_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._segment_starts = [seg.start for seg in self.segments]
        punct = self.doc.vocab.strings["punct"]
        self.words_before = [0, *itertools.accumulate(int(dep != punct) for dep in self.doc.to_array([DEP]).tolist())]
        self.placeholder_tokens = frozenset(
            token.i
            for start, end in self.letter.placeholders
            if (span := self.doc.char_span(start, end, alignment_mode="expand")) is not None
            for token in span
        )
        self.sentences = [
            Sentence(span, self.segments[index].kind, index)
            for sent in self.doc.sents
            if (span := _trimmed(sent)) is not None and (index := self.segment_index(span.start_char)) >= 0
        ]

    @property
    def outside_text(self) -> str:
        """The blanked-out segments (address, signature, page header and footer, ...), one per line."""
        text = self.letter.text
        return "\n".join(text[seg.start : seg.end] for seg in self.segments if seg.kind not in WORDING_KINDS)

    def segment_index(self, offset: int) -> int:
        """Index of the segment containing ``offset``; -1 when between segments."""
        index = bisect.bisect_right(self._segment_starts, offset) - 1
        if index >= 0 and offset < self.segments[index].end:
            return index
        return -1

    @property
    def prose(self) -> list[Sentence]:
        """Sentences of running text and list items: what readability is measured on."""
        return [s for s in self.sentences if s.kind in SENTENCE_KINDS]

    @property
    def wording(self) -> list[Sentence]:
        """Sentences whose words the word-level rules read: all parsed ones (prose, lists, headings, subject)."""
        return self.sentences


def _trimmed(span: Span) -> Span | None:
    """The span without white space at its edges (where blanked-out segments were); None if nothing is left."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end] if end > start else None


def wording_text(letter: Letter, segments: list[Segment]) -> str:
    """The letter text as the pipeline reads it: same length, newlines as spaces, placeholders masked,
    segments outside WORDING_KINDS replaced by spaces."""
    chars = list(mask(letter.text, letter.placeholders).replace("\n", " "))
    for seg in segments:
        if seg.kind not in WORDING_KINDS:
            chars[seg.start : seg.end] = " " * (seg.end - seg.start)
    return "".join(chars)


def prepare_doc(nlp, letter: Letter, segments: list[Segment]) -> Doc:
    """Tokenise the letter and fix every sentence start before the statistical pipes run.

    A segment starts a sentence; inside running text a sentence ends at '.', '!', '?' or '…'
    (abbreviations are single tokens) unless a lowercase word follows. In letters this is
    more reliable than the parser's own guesses, which the parser then respects.
    """
    doc = nlp.make_doc(wording_text(letter, segments))
    strings = nlp.vocab.strings
    ends = {strings.add(mark) for mark in SENTENCE_ENDS}
    closing = {strings.add(mark) for mark in CLOSING_MARKS}
    columns = doc.to_array([IDX, ORTH, LOWER, IS_SPACE, IS_DIGIT]).tolist()
    starts = [0] * len(columns)
    offsets = [row[0] for row in columns]
    for seg in segments:
        first, last = bisect.bisect_left(offsets, seg.start), bisect.bisect_left(offsets, seg.end)
        if first >= last or seg.kind not in WORDING_KINDS:
            continue
        starts[first] = 1
        ended = False
        for i in range(first + 1, last):
            _, orth, lower, space, digit = columns[i]
            lowercase_word = orth == lower and not digit and orth not in ends
            if seg.kind in SENTENCE_KINDS and ended and not space and not lowercase_word and orth not in closing:
                starts[i], ended = 1, False
            else:
                starts[i] = -1
                ended = (ended and (space or orth in closing)) or orth in ends
    doc.from_array([SENT_START], numpy.asarray(starts, dtype="int64").astype("uint64").reshape(-1, 1))
    return doc


def parse_letters(letters: Iterable[Letter], nlp=None, batch_size: int = BATCH_SIZE) -> Iterator[ParsedLetter]:
    """Parse letters in batches; yields one :class:`ParsedLetter` per letter, in order."""
    nlp = nlp or load_pipeline()

    def prepared():
        for letter in letters:
            segments = segment(letter)
            yield prepare_doc(nlp, letter, segments), (letter, segments)

    for doc, (letter, segments) in nlp.pipe(prepared(), as_tuples=True, batch_size=batch_size):
        yield ParsedLetter(letter, segments, _lowercase_lemmas(doc))


def _lowercase_lemmas(doc: Doc) -> Doc:
    """Word lists are written in lowercase; the lemmatiser keeps the case of 'U' and of sentence starts."""
    for token in doc:
        lemma = token.lemma_
        if token.pos_ != "PROPN" and not lemma.islower() and lemma.lower() != lemma:
            token.lemma_ = lemma.lower()
    return doc


def parse_letter(letter: Letter, nlp=None) -> ParsedLetter:
    return next(parse_letters([letter], nlp))
