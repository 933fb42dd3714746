"""What the checks know about one parsed letter, and how they build findings."""

from __future__ import annotations

import bisect
import functools
import itertools
from collections import defaultdict

from spacy.tokens import Span

from ..analysis import ParsedLetter, Sentence
from ..config import Config
from ..inflection import word_forms
from ..lexicon import Entry, Lexicon, Match
from ..model import Finding, Fix, Rule
from ..placeholders import mask
from ..structure import WORDING_KINDS, Kind

TOP_SEGMENTS = 2
"""A threat in the first this-many prose paragraphs of the body counts as 'near the top'."""
ONLY_WORDS = frozenset({"alleen", "uitsluitend"})
ONLY_IF_OPENERS = frozenset({"als", "indien", "wanneer"})
WITHOUT_NEGATION = frozenset({"anders", "tenzij"})
"""Conditional words that threaten on their own ("Betaal vóór 1 mei, anders ...")."""
SUBJECTS = frozenset({"u", "je", "jij"})
HOLDERS = frozenset({"uw", "je", "jouw"})
ARTICLES = frozenset({"het", "de", "dit", "deze"})
"""A holding with an article is the reader's too, in a letter to them ('Het account wordt verwijderd')."""
NAME_MODIFIERS = frozenset({"afdeling", "team", "financiële", "regeling", "loket", "product"})
"""Words before a help cue that make it a name ('afdeling Schuldhulp'), not an offer."""


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
        entries: dict[str, list[Match]] = defaultdict(list)
        for match in matches:
            if match.cue:
                self._cues[match.cue].append(match)
            elif match.entry:
                entries[match.entry.rule].append(match)
        self._cue_index = defaultdict(MatchIndex, {name: MatchIndex(found) for name, found in self._cues.items()})
        self._entry_index = defaultdict(MatchIndex, {rule: MatchIndex(found) for rule, found in entries.items()})

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

    @functools.cached_property
    def masked_text(self) -> str:
        """The letter text with its placeholders masked, for the patterns of numbers and addresses."""
        return mask(self.letter.text, self.letter.placeholders)

    def has_placeholder(self, start: int, end: int) -> bool:
        return any(i in self.parsed.placeholder_tokens for i in range(start, end))

    def cues(self, name: str) -> list[Match]:
        return self._cues[name]

    def cue_in(self, name: str, sentence: Sentence) -> bool:
        span = sentence.span
        return any(m.end <= span.end for m in self._cue_index[name].starting_in(span.start, span.end))

    def entries_in(self, sentence: Sentence, rule: str) -> list[Match]:
        span = sentence.span
        return self._entry_index[rule].starting_in(span.start, span.end)

    def word_set(self, name: str) -> frozenset[str]:
        return self.lexicon.words[name]

    @functools.cached_property
    def wording_segments(self) -> list[Span]:
        segments = (seg for seg in self.parsed.segments if seg.kind in WORDING_KINDS)
        spans = (self.doc.char_span(seg.start, seg.end, alignment_mode="expand") for seg in segments)
        return [span for span in spans if span is not None]

    @functools.cached_property
    def conditional_sentences(self) -> list[Sentence]:
        """'If you do not ..., then [sanction or consequence]' sentences; of 'Doet u dit niet? Dan ...' the second."""
        found = []
        previous = None
        for sentence in self.wording:
            if self.cue_in("wrong_recipient", sentence):
                previous = sentence  # 'Indien u dit bericht ten onrechte ontvangt, ...': aimed at wrong recipients
                continue
            if self._threatens(sentence.span, sentence) or (
                previous is not None and _asked_condition(previous) and sentence.words
                and sentence.words[0].lower_ == "dan" and self._threatens(previous.span, sentence)
            ):
                found.append(sentence)
            previous = sentence
        return found

    def _threatens(self, condition: Span, consequence: Sentence) -> bool:
        """A condition the reader fails ('niet', 'geen', 'te laat') answered by a sanction or consequence."""
        span = consequence.span
        tokens = [*condition, *span] if condition.start != span.start else list(span)
        lowers = {t.lower_ for t in tokens}
        conditional = self.word_set("conditional")
        if _only_if(tokens):
            return True
        avoidance = _avoidance(tokens)
        # 'Activeer vóór ... Anders ...', 'Zonder een nieuw bewijs ...': a failed condition in one word
        without = bool(consequence.words) and consequence.words[0].lower_ in ("anders", "zonder")
        opens = bool(lowers & conditional) or _inverted_condition(consequence) or _nominal_condition(tokens) \
            or condition.start != span.start or avoidance or without
        failed = bool(lowers & (self.word_set("negation") | WITHOUT_NEGATION)) or _late(tokens) or avoidance \
            or without
        return opens and failed and bool(
            self.entries_in(consequence, "threat-sanction") or self.entries_in(consequence, "threat-pressure")
            or self.cue_in("consequence", consequence) or self._inverted_consequence(span)
            or self._reader_loses(span)
        )

    def _reader_loses(self, span: Span) -> bool:
        """'... dan wordt je eduID verwijderd': in the consequence of a failed condition, anything of the reader's
        taken away, not only the holdings a bare announcement needs ('uw gegevens worden verwijderd' reassures).
        Not when the reader is who takes it away ('..., dan kunt u uw account verwijderen')."""
        tokens = list(span)
        verb = next((t for t in tokens if t.lemma_ in self.taking_away_forms or t.lower_ in self.taking_away_forms),
                    None)
        owned = self._taken_away(tokens) is not None or any(
            t.lower_ in HOLDERS and t.i + 1 < span.end and t.nbor(1).pos_ in ("NOUN", "PROPN", "ADJ") for t in tokens)
        return verb is not None and owned and not _reader_acts(tokens, verb)

    def _inverted_consequence(self, span: Span) -> bool:
        """A two-word consequence in main-clause order: 'sluiten wij uw dossier' for 'dossier sluiten'."""
        words = {t.norm_ for t in span} | {t.lemma_ for t in span}
        return any(first in words and second in words for first, second in self._consequence_pairs)

    @functools.cached_property
    def _consequence_pairs(self) -> list[tuple[str, str]]:
        pairs = (phrase.split(" ") for phrase in self.lexicon.cue_phrases["consequence"])
        return [(pair[0], pair[1]) for pair in pairs if len(pair) == 2]

    def revocation(self, sentence: Sentence) -> Span | None:
        """'Wij hebben uw ontheffing ingetrokken', 'Je account werd geblokkeerd': something the reader holds, taken
        away. Not when the reader acts ('U kunt uw account opheffen'), in a question, or negated."""
        tokens = list(sentence.span)
        taken = self._taken_away(tokens)
        if taken is None or any(t.text == "?" for t in tokens):
            return None
        possessive, noun, verb = taken
        if _reader_acts(tokens, verb, possessive):
            return None
        found = self.doc[min(possessive.i, verb.i) : max(noun.i, verb.i) + 1]
        after = self.doc[found.end : min(found.end + 1, sentence.span.end)]
        negation = self.word_set("negation")  # in the clause itself: 'Omdat u niet reageerde, ...' still takes away
        return None if any(t.lower_ in negation for t in (*found, *after)) else found

    def takes_away(self, sentence: Sentence) -> bool:
        """A verb of taking away in the sentence ('verwijderd', 'opgeheven'), whatever its object."""
        verbs = self.taking_away_forms
        return any(t.lemma_ in verbs or t.lower_ in verbs for t in sentence.span)

    @functools.cached_property
    def taking_away_forms(self) -> frozenset[str]:
        """The verbs of taking away and their inflected forms: the tagger leaves 'opgeschort' without a lemma."""
        verbs = self.word_set("taking_away")
        return verbs | {form for verb in verbs for form in word_forms(verb)}

    def _taken_away(self, tokens: list) -> tuple | None:
        """(possessive, holding, verb): 'uw' or 'je' up to three words before a holding ('uw RVV ontheffing'), and
        a verb of taking away anywhere in the sentence (the parse of these short notices is too unsure for more)."""
        holdings, verbs = self.word_set("holdings"), self.taking_away_forms
        verb = next((t for t in tokens if t.lemma_ in verbs or t.lower_ in verbs), None)
        if verb is None:
            return None
        for i, token in enumerate(tokens):
            if token.lower_ not in HOLDERS and token.lower_ not in ARTICLES:
                continue
            for j, noun in enumerate(tokens[i + 1 : i + 4], start=i + 1):
                held = any(noun.lower_.endswith(holding) for holding in holdings)
                if not held and (noun.is_punct or noun.pos_ in ("VERB", "AUX")):
                    break  # the tagger may call a compound a verb ('SudoSOS-account')
                if held:
                    owned = j + 1 < len(tokens) and tokens[j + 1].lower_ in ("van", "voor")
                    if token.lower_ in HOLDERS or not owned:  # 'het account', not 'de subsidie voor het buurthuis'
                        return token, noun, verb
        return None

    @functools.cached_property
    def help_offers(self) -> list[Match]:
        """Offers of help, and invitations to ask questions that a way to reach the sender answers.

        Not offers: a cue in a sentence negated outside it ('a payment plan is no longer possible') and a cue
        that is part of a name ('afdeling Schuldhulp', 'financiële ondersteuning' as the name of a grant).
        """
        offers = [m for m in self.cues("help") if self._offers(m)]
        offers += [m for m in (*self.cues("question"), *self.cues("trouble")) if self._answered_by_contact(m)]
        return sorted(offers, key=lambda m: m.start)

    def _offers(self, match: Match) -> bool:
        negation = self.word_set("negation")
        sentence = self.sentence_of(match.start)
        tokens = sentence.span if sentence is not None else ()
        if any(t.lower_ in negation and not match.start <= t.i < match.end for t in tokens):
            return False
        before = self.doc[match.start - 1] if match.start > 0 else None
        first = self.doc[match.start]
        named = first.is_title and sentence is not None and match.start > sentence.span.start
        return not named and (before is None or before.lower_ not in NAME_MODIFIERS)

    def _answered_by_contact(self, match: Match) -> bool:
        """'Heeft u vragen? Bel ons.', 'Als u vragen heeft, kunt u bellen met 14020.', 'Bij vragen kunt u terecht
        bij de klantenservice.'"""
        sentence = self.sentence_of(match.start)
        if sentence is None:
            return False
        position = bisect.bisect_right(self._sentence_starts, sentence.span.start) - 1
        nearby = self.parsed.sentences[position : position + 2]
        if sentence.kind is Kind.HEADING:  # 'Vragen?' above a paragraph: the paragraph answers it
            paragraph = nearby[-1].segment
            nearby += itertools.takewhile(lambda s: s.segment == paragraph, self.parsed.sentences[position + 2 :])
        return any(self.contact_in(s) or self.cue_in("reply", s) for s in nearby)

    def contact_in(self, sentence: Sentence) -> bool:
        """A way to reach the sender in the sentence: a contact cue, or a phone number, e-mail or web address."""
        from .guidance import has_contact_details

        span = sentence.span
        cues = [m for m in self._cue_index["contact"].starting_in(span.start, span.end)
                if m.end <= span.end and not self.portal_name(m)]
        return bool(cues) or has_contact_details(self, span.start_char, span.end_char)

    def portal_name(self, match: Match) -> bool:
        """'Mijn Loket' is a log-in portal, not a counter to visit."""
        return match.start > 0 and self.doc[match.start - 1].lower_ == "mijn"

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


def _asked_condition(sentence: Sentence) -> bool:
    """'Doet u dit niet?': a question opened by a finite verb and its subject, the condition of the next sentence."""
    words = sentence.words
    return (len(words) > 1 and sentence.span[-1].text == "?" and words[0].tag_.startswith("WW|pv")
            and words[1].lower_ in SUBJECTS)


def _nominal_condition(tokens) -> bool:
    """'Het niet voldoen aan de verplichtingen kan ...': a negated infinitive used as a noun."""
    return any(a.lower_ == "het" and b.lower_ == "niet" and c.tag_.startswith("WW|inf")
               for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False))


def _avoidance(tokens) -> bool:
    """'Betaal op tijd om extra kosten te voorkomen', 'Om verdere stappen voor te zijn, verzoeken wij u ...': an
    order or request whose reason is the sanction it avoids."""
    words = [t for t in tokens if not t.is_punct]
    ordered = bool(words) and (words[0].tag_.startswith("WW|pv|tgw") and (len(words) < 2 or words[1].lower_ != "u")
                               or any(t.lemma_ in ("moeten", "dienen", "verzoeken") for t in words))
    lowers = [t.lower_ for t in words]
    avoids = any(t.lemma_ in ("voorkomen", "vermijden") for t in words) or any(
        lowers[i : i + 3] == ["voor", "te", "zijn"] for i in range(len(lowers) - 2))
    return ordered and avoids and "om" in lowers


def _only_if(tokens) -> bool:
    """'We kunnen uw bestelling alleen garanderen als we uw betaling ontvangen': what the reader holds, kept only
    on a condition, is lost when it fails. Not where the reader acts ('U kunt alleen inloggen als ...')."""
    lowers = [t.lower_ for t in tokens]
    opener = next((i for i, word in enumerate(lowers) if word in ONLY_IF_OPENERS), None)
    if opener is None or not any(word in ONLY_WORDS for word in lowers[:opener]):
        return False
    main = [t for t in tokens[:opener] if not t.is_punct]
    holding = any(t.lower_ in HOLDERS and t.i + 1 < len(t.doc) and t.nbor(1).pos_ == "NOUN" for t in main)
    modal = any(t.lemma_ == "kunnen" for t in main)
    return holding and modal and not any(t.lower_ in SUBJECTS and not _possessive_je(t) for t in main)


def _late(tokens) -> bool:
    """'als u te laat bent', 'stuurt u het later': a condition about time, not a refusal."""
    return any(t.lower_ == "later" or (t.lower_ == "laat" and t.i > 0 and t.nbor(-1).lower_ == "te") for t in tokens)


def _inverted_condition(sentence: Sentence) -> bool:
    """'Betaalt u niet op tijd, dan ...', 'Let op: doe je niets, dan ...': a finite verb before its subject, at the
    start of the sentence or after a colon, answered by 'dan'."""
    words = sentence.words
    starts = [0, *(i for i, t in enumerate(words) if i and t.nbor(-1).text == ":")]
    return any(
        len(words) > start + 3 and words[start].tag_.startswith("WW|pv") and words[start + 1].lower_ in SUBJECTS
        and any(t.lower_ == "dan" for t in words[start + 2 :])
        for start in starts
    )


class MatchIndex:
    """Matches sorted by start, found by the tokens they start in without a scan (letters may be long)."""

    def __init__(self, matches: list[Match] = ()) -> None:
        self.matches = sorted(matches, key=lambda m: m.start)
        self.starts = [m.start for m in self.matches]

    def starting_in(self, start: int, end: int) -> list[Match]:
        return self.matches[bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)]


def _possessive_je(token) -> bool:
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.lower_ == "je" and following is not None and following.pos_ in ("NOUN", "PROPN", "ADJ")


def _reader_acts(tokens: list, verb, possessive=None) -> bool:
    """'U kunt uw account opheffen': the reader is the subject of the clause of the verb; 'je' before a noun is
    a possessive ('je volgers'), and so is the ``possessive`` of the holding."""
    return any(t.lower_ in SUBJECTS and t != possessive and not _possessive_je(t) for t in _clause_of(tokens, verb))


def _clause_of(tokens: list, verb) -> list:
    """The tokens of the clause up to just after ``verb``: from the last comma or subordinator before it. 'Omdat u
    niet reageerde, hebben wij uw account verwijderd': the reader is not who acts in the clause that takes away."""
    start = 0
    for position, token in enumerate(tokens):
        if token.i >= verb.i:
            break
        if token.text in (",", ";", ":") or token.pos_ == "SCONJ":
            start = position
    return [t for t in tokens[start:] if t.i <= verb.i + 1]
