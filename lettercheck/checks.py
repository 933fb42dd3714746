"""The checks behind the rules in ``wordlists/rules.toml``.

Word-list rules (jargon, threats, tone phrases, nominalisations) share one
check driven by the matches of the single matcher pass; every other rule is a
small function registered with :func:`check`. Each check reads a
:class:`LetterContext` built once per letter.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Span

from .analysis import ParsedLetter, Sentence
from .config import Config
from .frequency import familiarity
from .lexicon import LIST_FILES, Lexicon, Match
from .placeholders import mask
from .readability import CONTENT_POS
from .rules import Finding, Rule, raise_severity
from .structure import DATE, WORDING_KINDS, Kind

CheckFunction = Callable[["LetterContext"], Iterable[Finding]]
CHECKS: dict[CheckFunction, tuple[str, ...]] = {}
"""Every check, with the rule ids it reports."""
WORDLIST_RULES = frozenset(rule for spec in LIST_FILES for rule in spec.rules)
WORD_RULES = ("rare-word", "long-word")
"""Run last: a word already flagged by another rule is not flagged again as rare or long."""

PHONE = re.compile(
    r"(?<![\w+])(?:\+31[\s-]*(?:\(0\)[\s-]*)?|0)(?:\d[\s-]*){8}\d(?!\d)|\b14[\s-]?0\d{2,3}\b|\b0[89]00[\s-]?\d{4,7}\b"
)
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b")
"""Bank account numbers, masked before looking for phone numbers."""
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
WEBSITE = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w-]+\.(?:nl|com|org|eu|info)(?:/\S*)?\b", re.I)
LAW_REFERENCE = re.compile(r"\b(artikel|art\.)\s*\d|\b\w*wet\b|\bAwb\b", re.I)
OBJECTION = re.compile(r"\b(bezwaar|beroep|bezwaarschrift)", re.I)
TIME_UNITS = frozenset({"dag", "dagen", "werkdag", "werkdagen", "week", "weken", "maand", "maanden"})
FORWARD_VERBS = frozenset({"zullen", "gaan", "kunnen", "moeten", "worden"})
PERFECT_AUXILIARIES = frozenset({"hebben", "zijn"})
WITHOUT_NEGATION = frozenset({"anders", "tenzij"})
"""Conditional words that threaten on their own ("Betaal vóór 1 mei, anders ...")."""
CLAUSAL_ARGUMENTS = frozenset({"ccomp", "xcomp", "csubj", "csubj:pass"})
TOP_SEGMENTS = 2
"""A threat in the first this-many prose paragraphs of the body counts as 'near the top'."""
CATEGORY_PRIORITY = ("threat", "tone", "sentence", "jargon")
"""Which word-list rule reports a phrase that several lists hold."""


def check(*rule_ids: str) -> Callable[[CheckFunction], CheckFunction]:
    def register(function: CheckFunction) -> CheckFunction:
        CHECKS[function] = rule_ids
        return function

    return register


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
        self._cues: dict[str, list[Match]] = defaultdict(list)
        for match in matches:
            if match.cue:
                self._cues[match.cue].append(match)

    # -- building findings --------------------------------------------------

    def finding(self, rule_id: str, start: int, end: int, *, severity: str | None = None,
                message: str | None = None, suggestion: str | None = None, replacement: str | None = None,
                **fields) -> Finding:
        """A finding on the letter text ``start:end`` (character offsets)."""
        rule = self.rules[rule_id]
        text = self.letter.text[start:end]
        return Finding(
            rule=rule_id,
            category=rule.category,
            severity=self.config.severity.get(rule_id, severity or rule.severity),
            message=(message or rule.message).format(text=text, **fields),
            text=text,
            start=start,
            end=end,
            location=self.letter.locate(start, end) if end > start else None,
            suggestion=(suggestion if suggestion is not None else rule.suggestion).format(text=text, **fields)
            or None,
            fix=None if rule.fix == "none" else rule.fix,
            replacement=replacement,
        )

    def span_finding(self, rule_id: str, span: Span, **kwargs) -> Finding:
        return self.finding(rule_id, span.start_char, span.end_char, **kwargs)

    def letter_finding(self, rule_id: str, **kwargs) -> Finding:
        """A finding about the letter as a whole (something missing)."""
        return self.finding(rule_id, 0, 0, **kwargs)

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


# -- sentence ----------------------------------------------------------------


@check("long-sentence")
def long_sentences(ctx: LetterContext) -> Iterator[Finding]:
    limit = ctx.config.max_sentence_words
    for sentence in ctx.prose:
        words = len(sentence.words)
        if words > limit:
            yield ctx.span_finding("long-sentence", sentence.span, words=words, limit=limit)


@check("many-clauses")
def many_clauses(ctx: LetterContext) -> Iterator[Finding]:
    for sentence in ctx.prose:
        clauses = sum(1 for token in sentence.span if token.tag_.startswith("WW|pv"))
        if clauses > ctx.config.max_clauses:
            yield ctx.span_finding("many-clauses", sentence.span, clauses=clauses)


@check("passive-voice")
def passive_voice(ctx: LetterContext) -> Iterator[Finding]:
    """A passive auxiliary (UD ``aux:pass``), or a form of 'worden' with a participle."""
    for sentence in ctx.prose:
        seen = set()
        for token in sentence.span:
            participle = token.head
            passive = token.dep_ == "aux:pass" or (
                token.lemma_ == "worden" and token.dep_ == "aux" and "VerbForm=Part" in str(participle.morph)
            )
            if passive and participle.i not in seen:
                seen.add(participle.i)
                low, high = sorted((token.i, participle.i))
                yield ctx.span_finding("passive-voice", ctx.doc[low : high + 1])


@check("nominalisation")
def nominal_infinitives(ctx: LetterContext) -> Iterator[Finding]:
    """'het (tijdig) in behandeling nemen van': an infinitive phrase used as a noun.

    Only with words between 'het' and the verb: 'het kopen van een wasmachine' is everyday Dutch.
    Phrases in the nominalisation list are reported by their entry.
    """
    listed = [(m.start, m.end) for m in ctx.matches if m.entry and m.entry.rule == "nominalisation"]
    for sentence in ctx.wording:
        tokens = sentence.span
        for token in tokens:
            if token.lower_ != "van" or token.i == tokens.start:
                continue
            verb = ctx.doc[token.i - 1]
            if not verb.tag_.startswith("WW|inf"):
                continue
            window = ctx.doc[max(tokens.start, verb.i - 5) : verb.i - 1]
            article = next((t for t in window if t.lower_ == "het"), None)
            if article is None or any(s <= token.i and article.i < e for s, e in listed):
                continue
            yield ctx.span_finding("nominalisation", ctx.doc[article.i : token.i + 1],
                                   suggestion=f"Gebruik het werkwoord '{verb.lemma_}' in een actieve zin.")


@check("double-negation")
def double_negation(ctx: LetterContext) -> Iterator[Finding]:
    negations = ctx.word_set("negation")
    for sentence in ctx.prose:
        found = [t for t in sentence.span if t.lower_ in negations]
        pair = _negated_negation(found)
        if pair:
            yield ctx.span_finding("double-negation", ctx.doc[pair[0].i : pair[1].i + 1])


def _negated_negation(negations: list) -> tuple | None:
    """Two negations on one predicate, one in a clause that another negates, or 'niet' + 'onmogelijk'."""
    for index, first in enumerate(negations):
        following = first.nbor(1) if first.i + 1 < len(first.doc) else None
        if first.lower_ == "niet" and following is not None and _negative_word(following):
            return first, following
        for second in negations[index + 1 :]:
            if first.head.i == second.head.i or _negated_clause(first.head, second.head) \
                    or _negated_clause(second.head, first.head):
                return first, second
    return None


def _negated_clause(predicate, inner) -> bool:
    """Whether ``inner`` sits in a 'dat' clause that is an argument of ``predicate``.

    'Niet is gebleken dat u niet ...'
    """
    path = []
    node = inner
    while node.i != predicate.i and node.head.i != node.i:
        path.append(node)
        node = node.head
    if node.i != predicate.i or any(step.dep_ == "conj" for step in path):
        return False
    return any(step.dep_ in CLAUSAL_ARGUMENTS and any(c.lower_ == "dat" for c in step.children) for step in path)


def _negative_word(token) -> bool:
    lower = token.lower_
    return token.pos_ == "ADJ" and lower.startswith("on") and len(lower) > 5 or lower == "zonder"


# -- word lists --------------------------------------------------------------


@check(*sorted(WORDLIST_RULES))
def wordlist_entries(ctx: LetterContext) -> Iterator[Finding]:
    """Every word-list entry found in the letter's wording, once per place."""
    conditional = {s.span.start for s in ctx.conditional_sentences}
    explained: set = set()
    for match in _outermost(ctx.matches, ctx.rules):
        entry = match.entry
        if not ctx.in_wording(match) or ctx.has_placeholder(match.start, match.end):
            continue
        if entry.rule == "jargon" and entry.fix == "proposed":
            if entry in explained:
                continue  # a term to explain or rephrase is reported where it first appears
            explained.add(entry)
        sentence = ctx.sentence_of(match.start)
        if entry.rule == "threat-sanction" and (
            sentence.span.start in conditional or _neutral_mention(ctx, sentence)
        ):
            continue
        yield _entry_finding(ctx, match)


def _outermost(matches: list[Match], rules: dict[str, Rule]) -> list[Match]:
    """Word-list matches not inside a longer (or equal, more serious) one: one finding per phrase."""
    def order(m: Match):
        return m.start, -m.end, CATEGORY_PRIORITY.index(rules[m.entry.rule].category)

    kept: list[Match] = []
    for match in sorted((m for m in matches if m.entry), key=order):
        if not any(k.start <= match.start and match.end <= k.end for k in kept):
            kept.append(match)
    return kept


def _entry_finding(ctx: LetterContext, match: Match) -> Finding:
    entry = match.entry
    rule = ctx.rules[entry.rule]
    span = ctx.doc[match.start : match.end]
    severity = entry.severity or rule.severity
    if rule.category == "threat" and _early(ctx, match.start):
        severity = raise_severity(severity)
    alternatives = ", ".join(f"'{a}'" for a in entry.alternatives)
    suggestion = entry.suggestion or rule.suggestion.format(alternatives=alternatives)
    replacement = _match_case(entry.alternatives[0], span.text) if entry.fix == "safe" else None
    finding = ctx.span_finding(entry.rule, span, severity=severity, message=entry.explanation,
                               suggestion=suggestion, replacement=replacement)
    finding.fix = entry.fix or finding.fix
    return finding


def _early(ctx: LetterContext, token_index: int) -> bool:
    """Before any offer of help, or in the first paragraphs of the letter."""
    if token_index < ctx.first_help:
        return True
    segment = ctx.parsed.segment_index(ctx.doc[token_index].idx)
    return segment in ctx.top_segments


def _match_case(replacement: str, original: str) -> str:
    return replacement[:1].upper() + replacement[1:] if original[:1].isupper() else replacement


def _neutral_mention(ctx: LetterContext, sentence: Sentence) -> bool:
    """A sanction named as relief ('de boete is kwijtgescholden') or as a past fact, not as a threat."""
    return ctx.cue_in("relief", sentence) or _reports_past(sentence)


def _reports_past(sentence: Sentence) -> bool:
    finite = [t for t in sentence.span if t.tag_.startswith("WW|pv")]
    if not finite or any(t.lemma_ in FORWARD_VERBS for t in finite):
        return False
    if any("|verl" in t.tag_ for t in finite):
        return True
    has_participle = any(t.tag_.startswith("WW|vd") for t in sentence.span)
    return has_participle and all(t.lemma_ in PERFECT_AUXILIARIES for t in finite)


# -- threat ------------------------------------------------------------------


def _inverted_condition(sentence: Sentence) -> bool:
    """'Betaalt u niet op tijd, dan ...': a finite verb before 'u', answered by 'dan'."""
    words = sentence.words
    return (
        len(words) > 3 and words[0].tag_.startswith("WW|pv") and words[1].lower_ == "u"
        and any(t.lower_ == "dan" for t in words[2:])
    )


@check("conditional-threat")
def conditional_threats(ctx: LetterContext) -> Iterator[Finding]:
    for sentence in ctx.conditional_sentences:
        yield ctx.span_finding("conditional-threat", sentence.span)


@check("shouting")
def shouting(ctx: LetterContext) -> Iterator[Finding]:
    yield from _capitals(ctx)
    for sentence in ctx.wording:
        marks = [t for t in sentence.span if t.text == "!"]
        if marks:
            yield ctx.span_finding("shouting", sentence.span, how="uitroepteken")
    yield from _bold_warnings(ctx)


def _capitals(ctx: LetterContext) -> Iterator[Finding]:
    """Runs of words in capitals (acronyms excepted), per segment: the parser splits shouted text oddly."""
    acronyms = ctx.word_set("acronyms")
    for span in ctx.wording_segments:
        run: list = []
        for token in [*span, None]:
            shouted = token is not None and token.is_alpha and token.is_upper and len(token) > 1
            if shouted and token.text not in acronyms:
                run.append(token)
                continue
            if len(run) > 1 or (run and len(run[0]) >= 5):
                yield ctx.span_finding("shouting", ctx.doc[run[0].i : run[-1].i + 1], how="hoofdletters")
            run = []


def _bold_warnings(ctx: LetterContext) -> Iterator[Finding]:
    """Bold text holding a warning word or a threat."""
    warnings = [m for m in ctx.matches if m.cue == "warning" or (m.entry and m.entry.rule.startswith("threat"))]
    for block in ctx.letter.blocks:
        for start, end in block.bold:
            span = ctx.doc.char_span(block.start + start, block.start + end, alignment_mode="expand")
            if span is not None and any(span.start <= m.start and m.end <= span.end for m in warnings):
                yield ctx.span_finding("shouting", span, how="vette waarschuwing")


# -- guidance ----------------------------------------------------------------


@check("missing-action")
def missing_action(ctx: LetterContext) -> Iterator[Finding]:
    if any(ctx.in_wording(m) for m in ctx.cues("action")):
        return
    if any(_imperative(sentence) for sentence in ctx.wording):
        return
    yield ctx.letter_finding("missing-action")


def _imperative(sentence: Sentence) -> bool:
    """'Betaal het bedrag.', 'Bel ons.': a finite verb first, no subject, not a question."""
    words = sentence.words
    if not words or sentence.span[-1].text == "?":
        return False
    verb = words[0]
    return verb.tag_.startswith("WW|pv|tgw|ev") and not any(c.dep_.startswith("nsubj") for c in verb.children)


@check("missing-contact")
def missing_contact(ctx: LetterContext) -> Iterator[Finding]:
    text = IBAN.sub(" ", mask(ctx.letter.text, ctx.letter.placeholders))
    if ctx.cues("contact") or "contact" in ctx.outside_cues:
        return
    if PHONE.search(text) or EMAIL.search(text) or WEBSITE.search(text):
        return
    yield ctx.letter_finding("missing-contact")


@check("missing-help")
def missing_help(ctx: LetterContext) -> Iterator[Finding]:
    if not ctx.help_offers and "help" not in ctx.outside_cues:
        yield ctx.letter_finding("missing-help")


@check("vague-deadline")
def vague_deadlines(ctx: LetterContext) -> Iterator[Finding]:
    """One finding per sentence that sets a relative deadline and gives no date (objection clauses excepted)."""
    for sentence in ctx.wording:
        spans = [(m.start, m.end) for m in ctx.cues("vague_deadline")
                 if sentence.span.start <= m.start < sentence.span.end]
        spans += _within_days(sentence)
        text = sentence.span.text
        if not spans or DATE.search(text) or OBJECTION.search(text):
            continue
        yield ctx.span_finding("vague-deadline", ctx.doc[min(s for s, _ in spans) : max(e for _, e in spans)])


def _within_days(sentence: Sentence) -> list[tuple[int, int]]:
    """'binnen 14 dagen', 'binnen twee weken'."""
    tokens = list(sentence.span)
    return [
        (tokens[i].i, tokens[i].i + 3)
        for i in range(len(tokens) - 2)
        if tokens[i].lower_ == "binnen" and tokens[i + 1].like_num and tokens[i + 2].lower_ in TIME_UNITS
    ]


@check("key-message-late")
def key_message_late(ctx: LetterContext) -> Iterator[Finding]:
    """The first body paragraph opens with background or legal grounds."""
    if not ctx.body_prose_segments:
        return
    segment = ctx.body_prose_segments[0]
    first = next((s for s in ctx.prose if s.segment == segment), None)
    if first is None:
        return
    opening = first.span[: min(4, len(first.span))]
    opens_with_background = any(
        m.start < opening.end and first.span.start <= m.start for m in ctx.cues("background")
    )
    if opens_with_background or LAW_REFERENCE.search(first.span.text):
        yield ctx.span_finding("key-message-late", first.span)


# -- tone --------------------------------------------------------------------


@check("mixed-address")
def mixed_address(ctx: LetterContext) -> Iterator[Finding]:
    polite, familiar = ctx.word_set("polite_you"), ctx.word_set("familiar_you")
    tokens = [t for s in ctx.wording for t in s.span]
    polite_tokens = [t for t in tokens if t.lower_ in polite]
    familiar_tokens = [t for t in tokens if t.lower_ in familiar]
    if polite_tokens and familiar_tokens:
        minority = min(polite_tokens, familiar_tokens, key=len)
        other = familiar_tokens[0].lower_
        yield ctx.span_finding("mixed-address", ctx.doc[minority[0].i : minority[0].i + 1], other=other)


# -- word --------------------------------------------------------------------


def word_findings(ctx: LetterContext, covered: set[int]) -> Iterator[Finding]:
    """Rare and long words, each where it first appears.

    Skipped: tokens a word-list finding already offers a replacement for, placeholders, and
    capitalised words inside a sentence (names: 'Stationsweg').
    """
    seen: set[str] = set()
    for sentence in ctx.wording:
        for token in sentence.span:
            if token.i in covered or token.i in ctx.parsed.placeholder_tokens or not token.is_alpha:
                continue
            if token.lower_ in seen or (token.is_title and token.i != sentence.span.start):
                continue
            seen.add(token.lower_)
            if len(token) >= ctx.config.long_word_letters:
                yield ctx.span_finding("long-word", ctx.doc[token.i : token.i + 1], letters=len(token))
            elif _is_rare(token, ctx.config.rare_word_zipf):
                yield ctx.span_finding("rare-word", ctx.doc[token.i : token.i + 1])


def _is_rare(token, threshold: float) -> bool:
    if token.pos_ not in CONTENT_POS or token.pos_ == "PROPN" or len(token) < 5:
        return False
    return max(familiarity(token.lower_), familiarity(token.lemma_)) < threshold
