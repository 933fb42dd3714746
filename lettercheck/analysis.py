"""Parse a letter once: one spaCy Doc over the whole letter, split by its structure.

The Doc's text has the letter's length, so token offsets are letter offsets:
line breaks become spaces (segments, not newlines, decide sentence starts) and
placeholders are masked as names.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

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
        """The tokens that are words: no punctuation, no white space."""
        return [token for token in self.span if not (token.is_punct or token.is_space)]


@dataclass(slots=True)
class ParsedLetter:
    letter: Letter
    segments: list[Segment]
    doc: Doc
    sentences: list[Sentence] = field(default_factory=list)
    placeholder_tokens: frozenset[int] = frozenset()
    _segment_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._segment_starts = [seg.start for seg in self.segments]
        self.placeholder_tokens = frozenset(
            token.i
            for start, end in self.letter.placeholders
            if (span := self.doc.char_span(start, end, alignment_mode="expand")) is not None
            for token in span
        )
        self.sentences = [
            Sentence(sent, self.segments[index].kind, index)
            for sent in self.doc.sents
            if not _blank(sent) and (index := self.segment_index(sent.start_char)) >= 0
        ]

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
        """Sentences whose words the word-level rules read (prose, lists, headings, subject)."""
        return [s for s in self.sentences if s.kind in WORDING_KINDS]


def _blank(span: Span) -> bool:
    return all(token.is_space for token in span)


def prepare_doc(nlp, letter: Letter, segments: list[Segment]) -> Doc:
    """Tokenise the letter and fix every sentence start before the statistical pipes run.

    A segment starts a sentence; inside running text a sentence ends at '.', '!', '?' or '…'
    (abbreviations are single tokens) unless a lowercase word follows. In letters this is
    more reliable than the parser's own guesses, which the parser then respects.
    """
    doc = nlp.make_doc(mask(letter.text.replace("\n", " "), letter.placeholders))
    for seg in segments:
        span = doc.char_span(seg.start, seg.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        span[0].is_sent_start = True
        ended = False
        for token in span[1:]:
            if seg.kind in SENTENCE_KINDS and ended and not token.is_space and not token.text[0].islower() \
                    and token.text not in CLOSING_MARKS:
                token.is_sent_start = True
                ended = False
            else:
                token.is_sent_start = False
                ended = (ended and (token.is_space or token.text in CLOSING_MARKS)) or token.text in SENTENCE_ENDS
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
