"""What the checks know about one parsed letter, and how they build findings."""

from __future__ import annotations

import bisect
import functools
from collections import defaultdict

from spacy.tokens import Span

from ..analysis import ParsedLetter, Sentence
from ..config import Config
from ..lexicon import Entry, Lexicon, Match
from ..model import Finding, Fix, Rule
from ..structure import WORDING_KINDS, Kind

TOP_SEGMENTS = 2
"""A threat in the first this-many prose paragraphs of the body counts as 'near the top'."""
WITHOUT_NEGATION = frozenset({"anders", "tenzij"})
"""Conditional words that threaten on their own ("Betaal vóór 1 mei, anders ...")."""


class LetterContext:
    """What the checks need to know about one parsed letter."""

    def __init__(self, parsed: ParsedLetter, matches: list[Match], lexicon: Lexicon, rules: dict[str, Rule],
                 config: Config) -> None:
        self.parsed = parsed
        self.letter = parsed.letter
        self.doc = parsed.doc
        self.matches = matches
        self.lexicon = lexicon
        self.rules = rules
        self.config = config
        self.prose = parsed.prose
        self.wording = parsed.wording
        self._sentence_starts = [s.span.start for s in parsed.sentences]
        self.inner_edits: dict[int, tuple[int, str]] = {}
        """First token -> (end token, replacement) of word rewrites, set by the rewriters for sentence rewrites."""
        self.entries: dict[tuple[int, int], Entry] = {}
        """Word-list entry of each word-list finding, by its letter-text range."""
        self._cues: dict[str, list[Match]] = defaultdict(list)
        for match in matches:
            if match.cue:
                self._cues[match.cue].append(match)

    # -- building findings --------------------------------------------------

    def finding(self, rule_id: str, start: int, end: int, *, severity: str | None = None,
                message: str | None = None, suggestion: str | None = None, fixes: tuple[Fix, ...] = (),
                scope: str = "span", **fields) -> Finding:
        """A finding on the letter text ``start:end`` (character offsets)."""
        rule = self.rules[rule_id]
        text = self.letter.text[start:end]
        return Finding(
            rule=rule_id,
            category=rule.category,
            severity=self.config.rule_severity(rule_id, rule.category) or severity or rule.severity,
            message=(message or rule.message).format(text=text, **fields),
            text=text,
            start=start,
            end=end,
            location=self.letter.locate(start, end),
            suggestion=(suggestion if suggestion is not None else rule.suggestion).format(text=text, **fields)
            or None,
            fixes=fixes,
            scope=scope,
        )

    def span_finding(self, rule_id: str, span: Span, **kwargs) -> Finding:
        return self.finding(rule_id, span.start_char, span.end_char, **kwargs)

    def letter_finding(self, rule_id: str, **kwargs) -> Finding:
        """A finding about the letter as a whole (something missing), anchored on its first paragraph."""
        start, end = self.anchor
        return self.finding(rule_id, start, end, scope="letter", **kwargs)

    @functools.cached_property
    def anchor(self) -> tuple[int, int]:
        """Where findings about the whole letter point: the salutation or the first paragraph of the wording."""
        segments = self.parsed.segments
        first = next((s for s in segments if s.kind is Kind.SALUTATION or s.kind in WORDING_KINDS), None)
        first = first or next((s for s in segments if s.kind is not Kind.LETTERHEAD), segments[0])
        return first.start, first.end

    # -- questions the checks ask -------------------------------------------

    def sentence_of(self, token_index: int) -> Sentence | None:
        position = bisect.bisect_right(self._sentence_starts, token_index) - 1
        if position < 0:
            return None
        sentence = self.parsed.sentences[position]
        return sentence if token_index < sentence.span.end else None

    def in_wording(self, match: Match) -> bool:
        """Whether a match lies within one parsed sentence (not across a boundary, not in white space)."""
        sentence = self.sentence_of(match.start)
        return sentence is not None and match.end <= sentence.span.end

    def token_range(self, start: int, end: int) -> range:
        """Indices of the tokens that overlap the letter text ``start:end``."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return range(span.start, span.end) if span is not None else range(0)

    def entry_at(self, finding: Finding) -> Entry | None:
        return self.entries.get((finding.start, finding.end))

    @functools.cached_property
    def names(self) -> frozenset[str]:
        """Proper names in the letter's wording: a rewrite must keep them."""
        return frozenset(
            token.text for sentence in self.parsed.sentences for token in sentence.span[1:]
            if token.pos_ == "PROPN" and token.is_title and token.i not in self.parsed.placeholder_tokens
        )

    @functools.cached_property
    def profile(self):
        """The letter's kind, voice, date and contact details (for rewrites)."""
        from ..rewrites.profile import letter_profile

        return letter_profile(self)

    def has_placeholder(self, start: int, end: int) -> bool:
        return any(i in self.parsed.placeholder_tokens for i in range(start, end))

    def cues(self, name: str) -> list[Match]:
        return self._cues[name]

    def cue_in(self, name: str, sentence: Sentence) -> bool:
        span = sentence.span
        return any(span.start <= m.start and m.end <= span.end for m in self.cues(name))

    def entries_in(self, sentence: Sentence, rule: str) -> list[Match]:
        span = sentence.span
        return [m for m in self.matches if m.entry and m.entry.rule == rule and span.start <= m.start < span.end]

    def word_set(self, name: str) -> frozenset[str]:
        return self.lexicon.words[name]

    @functools.cached_property
    def wording_segments(self) -> list[Span]:
        segments = (seg for seg in self.parsed.segments if seg.kind in WORDING_KINDS)
        spans = (self.doc.char_span(seg.start, seg.end, alignment_mode="expand") for seg in segments)
        return [span for span in spans if span is not None]

    @functools.cached_property
    def conditional_sentences(self) -> list[Sentence]:
        """'If you do not ..., then [sanction or consequence]' sentences."""
        conditional, negation = self.word_set("conditional"), self.word_set("negation")
        found = []
        for sentence in self.wording:
            lowers = {t.lower_ for t in sentence.span}
            opens_condition = bool(lowers & conditional) or _inverted_condition(sentence)
            negated = bool(lowers & negation) or bool(lowers & WITHOUT_NEGATION)
            consequence = (self.entries_in(sentence, "threat-sanction") or self.entries_in(sentence, "threat-pressure")
                           or self.cue_in("consequence", sentence))
            if opens_condition and negated and consequence:
                found.append(sentence)
        return found

    @functools.cached_property
    def help_offers(self) -> list[Match]:
        """Help cues, except in a sentence negated outside the cue ('a payment plan is no longer possible')."""
        negation = self.word_set("negation")
        offers = []
        for match in self.cues("help"):
            sentence = self.sentence_of(match.start)
            tokens = sentence.span if sentence is not None else ()
            if not any(t.lower_ in negation and not match.start <= t.i < match.end for t in tokens):
                offers.append(match)
        return offers

    @functools.cached_property
    def outside_cues(self) -> set[str]:
        """Cues in the parts of the letter that are not parsed: address, signature, page footer, ..."""
        return self.lexicon.cue_names(self.parsed.outside_text)

    @functools.cached_property
    def first_help(self) -> int:
        """Token index of the first offer of help; the letter's end when there is none."""
        return min((m.start for m in self.help_offers), default=len(self.doc))

    @functools.cached_property
    def top_segments(self) -> set[int]:
        """The first prose paragraphs of the body (after the salutation, when there is one)."""
        body = self.body_prose_segments
        return set(body[:TOP_SEGMENTS])

    @functools.cached_property
    def body_prose_segments(self) -> list[int]:
        segments = self.parsed.segments
        start = next((i for i, seg in enumerate(segments) if seg.kind is Kind.SALUTATION), -1)
        return [i for i, seg in enumerate(segments) if i > start and seg.kind is Kind.PROSE]


def _inverted_condition(sentence: Sentence) -> bool:
    """'Betaalt u niet op tijd, dan ...': a finite verb before 'u', answered by 'dan'."""
    words = sentence.words
    return (
        len(words) > 3 and words[0].tag_.startswith("WW|pv") and words[1].lower_ == "u"
        and any(t.lower_ == "dan" for t in words[2:])
    )
