"""Parse a letter once: one spaCy Doc over the letter's wording, split by its structure.

The Doc's text has the letter's length, so token offsets are letter offsets:
line breaks become spaces (segments, not newlines, decide sentence starts),
placeholders are masked as names, and the parts no check reads word by word
(address blocks, dates, reference lines, salutation, closing, signature, page
headers and footers: about a sixth of a letter) are blanked out, so the
pipeline does not spend time on them. :attr:`ParsedLetter.outside_text` keeps
them for the letter-level checks.

Cost stays linear in the letter, whatever its shape: no token is longer than
MAX_TOKEN_CHARS, no sentence longer than MAX_SENTENCE_TOKENS, and a long letter
is parsed in pieces of about PIECE_TOKENS tokens.
"""

from __future__ import annotations

import bisect
import itertools
import re
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
MAX_TOKEN_CHARS = 200
"""A longer run without white space is cut (in the pipeline's copy of the text): tokenizer affix searches,
compound splitting and frequency lookups cost the square of a token's length."""
LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_TOKEN_CHARS + 1},}}")
SYMBOL_STRETCH = re.compile(r"(?:[^\w\s]\s*+){6,}")
"""Six or more punctuation marks or symbols in a row (rules, dot leaders): only the first one is parsed."""
MAX_SENTENCE_TOKENS = 400
"""A longer sentence (a paragraph without full stops) is cut into equal pieces, each still a long sentence:
every computation per sentence stays bounded, and the parser never sees 40,000 tokens at once."""
PIECE_TOKENS = 500
"""A longer letter is parsed in pieces of whole sentences and joined: the pipeline's memory grows with the
text in a batch (about 12 KB a token), not with the letter."""
NO_TENSOR = numpy.zeros((0, 0), dtype="float32")


@dataclass(slots=True)
class Sentence:
    span: Span
    kind: Kind
    segment: int
    """Index of the segment it belongs to."""
    words: list = field(init=False, repr=False)
    """The tokens that count as words (see :func:`is_word`); every rule and the readability read them."""

    def __post_init__(self) -> None:
        self.words = [token for token in self.span if is_word(token)]


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
    segments outside WORDING_KINDS replaced by spaces, stretches of symbols by their first one, and a space
    after every MAX_TOKEN_CHARS characters without one."""
    chars = list(mask(letter.text, letter.placeholders).replace("\n", " "))
    for seg in segments:
        if seg.kind not in WORDING_KINDS:
            chars[seg.start : seg.end] = " " * (seg.end - seg.start)
    text = SYMBOL_STRETCH.sub(lambda match: match[0][0].ljust(len(match[0])), "".join(chars))
    return LONG_RUN.sub(_cut_run, text)


def _cut_run(match: re.Match) -> str:
    chars = list(match[0])
    for i in range(MAX_TOKEN_CHARS, len(chars), MAX_TOKEN_CHARS + 1):
        chars[i] = " "
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
    doc = _lowercase_sentence_starts(nlp, doc, starts)
    _cut_long_sentences(starts)
    doc.from_array([SENT_START], numpy.asarray(starts, dtype="int64").astype("uint64").reshape(-1, 1))
    return doc


def _cut_long_sentences(starts: list[int]) -> None:
    """Start a sentence inside every sentence over MAX_SENTENCE_TOKENS, at equal distances."""
    edges = [0, *(i for i, start in enumerate(starts) if start == 1), len(starts)]
    for begin, end in itertools.pairwise(edges):
        pieces = -(-(end - begin) // MAX_SENTENCE_TOKENS)
        for piece in range(1, pieces):
            starts[begin + (end - begin) * piece // pieces] = 1


FOLLOWERS = frozenset({"u", "je", "jij", "wij", "we", "ons", "uw", "het", "de", "een", "dit", "deze", "dan", "niet",
                       "nu", "ook", "er", "hier", "daar", "dat", "die", "op", "in", "uit", "mee", "zo", "ze", "hij"})
"""Words after which a capitalised sentence opener is a verb or a function word ('Betaal het', 'Heeft u')."""


def _lowercase_sentence_starts(nlp, doc: Doc, starts: list[int]) -> Doc:
    """Lowercase the common words that open a sentence ('U', 'Uw', 'Indien', 'Betaal het', 'Heeft u').

    Trained on few sentences, the tagger reads a capitalised opener as a name or a symbol, and then misses
    imperatives and inverted conditions. Names stay as they are: only stop words and words followed by a
    pronoun or article are lowercased. The text keeps its length, so every offset stays valid.
    """
    lowered = [
        i for i, start in enumerate(starts)
        if start == 1 and doc[i].is_title and i + 1 < len(doc)
        and (doc[i].lower_ in nlp.Defaults.stop_words or doc[i + 1].lower_ in FOLLOWERS or _verb_form(doc[i].lower_))
    ]
    if not lowered:
        return doc
    words = [token.text for token in doc]
    for i in lowered:
        words[i] = words[i].lower()
    return Doc(nlp.vocab, words=words, spaces=[bool(token.whitespace_) for token in doc])


def _verb_form(word: str) -> bool:
    """A verb stem or its -t form ('Betaal', 'Neemt'): an imperative opener, not a name ('Jansen')."""
    from .conjugation import infinitive_of_stem

    return bool(infinitive_of_stem(word) or (word.endswith("t") and infinitive_of_stem(word[:-1])))


def parse_letters(letters: Iterable[Letter], nlp=None, batch_size: int = BATCH_SIZE) -> Iterator[ParsedLetter]:
    """Parse letters in batches; yields one :class:`ParsedLetter` per letter, in order."""
    nlp = nlp or load_pipeline()

    def prepared():
        for letter in letters:
            segments = segment(letter)
            pieces = _pieces(prepare_doc(nlp, letter, segments))
            for number, piece in enumerate(pieces, start=1):
                yield piece, (letter, segments, number == len(pieces))

    parsed: list[Doc] = []
    for piece, (letter, segments, last) in nlp.pipe(prepared(), as_tuples=True, batch_size=batch_size):
        piece.tensor = NO_TENSOR  # no check reads it, and it takes 384 bytes a token
        parsed.append(piece)
        if last:
            doc = parsed[0] if len(parsed) == 1 else Doc.from_docs(parsed, ensure_whitespace=False, exclude=["tensor"])
            yield ParsedLetter(letter, segments, _corrected(doc))
            parsed = []


def _pieces(doc: Doc) -> list[Doc]:
    """The Doc itself, or for a long letter pieces of whole sentences of at least PIECE_TOKENS tokens."""
    if len(doc) <= PIECE_TOKENS:
        return [doc]
    cuts = [0]
    for start in numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist():
        if start - cuts[-1] >= PIECE_TOKENS:
            cuts.append(start)
    return [doc[begin:end].as_doc() for begin, end in itertools.pairwise([*cuts, len(doc)])]


CLOSED_CLASS = {
    "u": ("PRON", "VNW|pers|pron|nomin|vol|2b|getal"),
    "uw": ("DET", "VNW|bez|det|stan|vol|2|getal|prenom|zonder|agr"),
    "jouw": ("DET", "VNW|bez|det|stan|vol|2v|ev|prenom|zonder|agr"),
    "onze": ("DET", "VNW|bez|det|stan|vol|1|mv|prenom|met-e|rest"),
}
"""Words of letters the small tagger often gets wrong ('uw' as a preposition), with their one tag."""
IMPERATIVE_TAG = "WW|pv|tgw|ev"
INVERTED_SUBJECTS = frozenset({"u", "je", "jij"})
"""A verb stem before these opens a question or an inverted condition: 'Betaalt u', 'Doe je'."""


def _corrected(doc: Doc) -> Doc:
    """Fix what the tagger and lemmatiser get wrong in letters, before any rule reads the Doc.

    Lemmas in lowercase (word lists are; the lemmatiser keeps the case of sentence starts); the tags of
    'u' and 'uw'; and a sentence opened by a verb stem without another finite verb is an imperative
    ('Bel ons.', 'Betaal het bedrag.'), which the tagger, trained on newspaper text, reads as a noun.
    White space is never a word: the tagger calls a long blank (a blanked-out address) a noun, and word
    checks on its 100,000 characters would cost their square.
    """
    for token in doc:
        if token.is_space:
            token.pos_, token.tag_, token.lemma_ = "SPACE", "_SP", " "
            continue
        lemma = token.lemma_
        if token.pos_ != "PROPN" and not lemma.islower() and lemma.lower() != lemma:
            token.lemma_ = lemma.lower()
        if token.lower_ in CLOSED_CLASS and token.pos_ not in ("PRON", "DET"):
            token.pos_, token.tag_ = CLOSED_CLASS[token.lower_]
    for sentence in doc.sents:
        _mark_imperative(sentence)
    _mark_first_person_verbs(doc)
    return doc


def _mark_first_person_verbs(doc: Doc) -> None:
    """'Ik vraag je ...', 'Hierbij verzoek ik u ...': a verb stem beside 'ik' is its finite verb, which the tagger
    often reads as a noun ('vraag', 'verzoek')."""
    from .conjugation import infinitive_of_stem

    for token in doc:
        if token.lower_ != "ik":
            continue
        for other in (token.nbor(-1) if token.i else None, token.nbor(1) if token.i + 1 < len(doc) else None):
            if other is None or other.pos_ not in ("NOUN", "PROPN", "ADJ") or not other.is_alpha:
                continue
            infinitive = infinitive_of_stem(other.lower_)
            if infinitive is not None:
                other.pos_, other.tag_, other.lemma_ = "VERB", IMPERATIVE_TAG, infinitive


def _mark_imperative(sentence: Span) -> None:
    from .conjugation import infinitive_of_stem

    words = [t for t in sentence if not (t.is_space or t.is_punct)]
    if not words or sentence[-1].text == "?" or not words[0].is_alpha or words[0].tag_.startswith("WW|pv"):
        return
    first = words[0]
    following = sentence.doc[first.i + 1] if first.i + 1 < len(sentence.doc) else None
    if following is not None and following.lower_ in INVERTED_SUBJECTS:
        stem = first.lower_[:-1] if first.lower_.endswith("t") and following.lower_ == "u" else first.lower_
        infinitive = infinitive_of_stem(stem)  # 'Betaalt u niet, dan ...', 'Doe je niets, dan ...'
        if infinitive is not None:
            tag = IMPERATIVE_TAG if stem == first.lower_ else "WW|pv|tgw|met-t"
            first.pos_, first.tag_, first.lemma_ = "VERB", tag, infinitive
        return
    if any(t.tag_.startswith("WW|pv") for t in words[1:]) or following is None or following.is_punct:
        return  # another verb is the finite one; 'Onderwerp:' is a label
    infinitive = infinitive_of_stem(first.lower_)
    if infinitive is not None:
        first.pos_, first.tag_, first.lemma_ = "VERB", IMPERATIVE_TAG, infinitive


def parse_letter(letter: Letter, nlp=None) -> ParsedLetter:
    return next(parse_letters([letter], nlp))
