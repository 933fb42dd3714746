"""Word-list rules (jargon, nominalisations, threats, tone phrases): one check over the single matcher pass."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis import IMPERATIVE_TAG, Sentence
from ..catalogue import load_categories
from ..conjugation import match_case
from ..lexicon import LIST_FILES, Match
from ..model import Edit, Finding, Fix, Rule, raise_severity
from ..structure import Kind
from .context import LetterContext
from .guidance import reader_deadlines
from .registry import check

WORDLIST_RULES = frozenset(rule for spec in LIST_FILES for rule in spec.rules)
NAMING = (["dit", "heet"], ["dat", "heet"], ["dit", "noemen"], ["dat", "noemen"], ["dit", "heten"], ["heet", "dit"])
"""Sentences that give the name of what came before: the term is named after it was explained."""
GLOSSES = ([",", "dat", "wil"], [",", "dat", "betekent"], [",", "dat", "is"], [",", "oftewel", ","])
"""', dat wil zeggen ...' right after a term (or its particle) explains it."""
OFFICIALESE_INSIDE = frozenset({"threat", "tone"})
"""Categories whose phrases do not swallow the officialese inside them."""
EXPLAINING = (["dit", "betekent"], ["dat", "betekent"], ["daarmee", "bedoelen"], ["hiermee", "bedoelen"])
FORWARD_VERBS = frozenset({"zullen", "gaan", "kunnen", "moeten", "worden"})
PERFECT_AUXILIARIES = frozenset({"hebben", "zijn"})
PAST_MARKERS = frozenset({"vorig", "vorige", "toen", "geleden", "destijds", "eerder", "voorbij", "vroeger", "ooit"})


@check(*sorted(WORDLIST_RULES))
def wordlist_entries(ctx: LetterContext) -> Iterator[Finding]:
    """Every word-list entry found in the letter's wording, once per place."""
    conditional = {s.span.start for s in ctx.conditional_sentences}
    deadline_cues = {(m.start, m.end) for m in ctx.cues("vague_deadline")}
    deadlines: list[tuple[int, int]] | None = None  # what the deadline rule reports, found when a term is a cue
    reported: set = set()
    matches = [m for m in _outermost(ctx.matches, ctx.rules) if ctx.in_wording(m) and not _holds_placeholder(ctx, m)]
    for match in matches:
        entry = match.entry
        span = (match.start, match.end)
        if entry.rule == "jargon" and span in deadline_cues:
            deadlines = list(reader_deadlines(ctx)) if deadlines is None else deadlines
            if any(start <= match.start and match.end <= end for start, end in deadlines):
                continue  # 'Betaal tijdig': the deadline rule reports it; 'een tijdige kennisgeving' is officialese
        if entry.rule == "jargon" and _label(ctx, match):
            continue  # 'Betreft:' opening a subject line
        if entry.rule == "jargon" and entry.fix == "proposed":
            if entry in reported:
                continue  # a term to explain or rephrase is reported where it first appears
            if _explained_here(ctx, match) or _explained_by_purpose(ctx, match):
                reported.add(entry)  # explained where it first appears: known from there on
                continue
            reported.add(entry)
        elif entry.rule == "jargon" and _explained_here(ctx, match):
            continue
        sentence = ctx.sentence_of(match.start)
        if entry.rule == "threat-sanction" and (
            sentence.span.start in conditional or neutral_mention(ctx, sentence)
        ):
            continue
        yield _entry_finding(ctx, match)
    yield from _formulas_outside_wording(ctx)


def _outermost(matches: list[Match], rules: dict[str, Rule]) -> list[Match]:
    """Word-list matches not inside a longer one of their category, nor on the same words as a more specific one.

    Officialese inside a threat or tone phrase is reported as well ('in gebreke' in the reproach 'in gebreke
    blijven'): their advice is about the pressure, not the word. A nominalisation already gives the plain verb.
    The same words in two lists are reported once, under the category with the lower priority.
    """
    categories = load_categories()

    def category(m: Match) -> str:
        return rules[m.entry.rule].category

    def order(m: Match):
        return m.start, -m.end, categories[category(m)].priority

    kept: list[Match] = []
    reach: dict[str, int] = {}  # per category, the furthest end of a kept match (kept ones start earlier)
    split: list[tuple[int, int, str]] = []  # the rest of phrases whose verb stands in front
    spans: set[tuple[int, int]] = set()
    for match in sorted((m for m in matches if m.entry), key=order):
        own = category(match)
        covering = [c for c in reach if own != "jargon" or c not in OFFICIALESE_INSIDE]
        inside = match.end <= max((reach[c] for c in covering), default=-1) or any(
            start <= match.start and match.end <= end and (own != "jargon" or c not in OFFICIALESE_INSIDE)
            for start, end, c in split)
        if not inside and (match.start, match.end) not in spans:
            kept.append(match)
            if match.rest is None:
                reach[own] = max(reach.get(own, -1), match.end)
            else:  # 'stel u thans ... in de gelegenheid': 'thans' is officialese of its own
                split += [(match.start, match.start + 1, own), (match.rest, match.end, own)]
            spans.add((match.start, match.end))
    return kept


def _holds_placeholder(ctx: LetterContext, match: Match) -> bool:
    """A placeholder among the phrase's own words; one between the words of a split phrase is not its own ('melding
    {{ id }} ingediend')."""
    if match.rest is None:
        return ctx.has_placeholder(match.start, match.end)
    return ctx.has_placeholder(match.start, match.start + 1) or ctx.has_placeholder(match.rest, match.end)


def _label(ctx: LetterContext, match: Match) -> bool:
    """'Betreft:' opening a subject line is a label, not officialese."""
    sentence = ctx.sentence_of(match.start)
    following = match.end < len(ctx.doc) and ctx.doc[match.end].text == ":"
    return sentence is not None and sentence.kind is Kind.SUBJECT and match.start == sentence.span.start and following


def _explained_here(ctx: LetterContext, match: Match) -> bool:
    """A term the letter explains where it stands: '(...)' after or around it, ', dat wil zeggen', 'Dit heet ...',
    or a next sentence that starts 'Dit betekent'."""
    sentence = ctx.sentence_of(match.start)
    if sentence is None:
        return False
    span, doc = sentence.span, ctx.doc
    after = [t.lower_ for t in doc[match.end : min(span.end, match.end + 4)]]
    before = [t.text for t in doc[span.start : match.start]]
    if after[:1] == ["("] or any(after[i : i + 3] in GLOSSES for i in range(2)):
        return True
    if "(" in before and ")" not in before[len(before) - before[::-1].index("(") :]:
        return True
    words = [t.lower_ for t in sentence.words]
    if words[:2] in NAMING or words[1:3] in NAMING or _named_then(words, match, doc):
        return True
    following = ctx.sentence_of(span.end) if span.end < len(doc) else None
    at_end = not any(t.is_alpha for t in doc[match.end : span.end])  # 'Dit betekent' explains the last words
    return at_end and following is not None and [t.lower_ for t in following.words[:2]] in EXPLAINING


def _explained_by_purpose(ctx: LetterContext, match: Match) -> bool:
    """'Bent u het niet eens met ons besluit? Dan kunt u bezwaar maken.': the sentence of the term, or the one
    before or after it, says what the term is for."""
    cue = ctx.lexicon.explained_by.get(match.entry.phrase)
    sentence = ctx.sentence_of(match.start)
    if cue is None or sentence is None:
        return False
    around = (ctx.sentence_of(sentence.span.start - 1), sentence, ctx.sentence_of(sentence.span.end))
    return any(s is not None and ctx.cue_in(cue, s) for s in around)


def _named_then(words: list[str], match: Match, doc) -> bool:
    """'Het bezwaar is dan niet-ontvankelijk.': the name of a consequence the sentence before described."""
    before = [t.lower_ for t in doc[max(0, match.start - 2) : match.start]]
    return before in (["is", "dan"], ["heet", "dan"], ["noemen", "we"]) and len(words) < 8


def _formulas_outside_wording(ctx: LetterContext) -> Iterator[Finding]:
    """Officialese in lines the parser does not read: the closing ('Hoogachtend,'), a signature line that is a
    formula of its own ('namens dezen,') and the formulas of addressing in address and field lines ('T.a.v. de
    penningmeester'). The rest of those lines is names, departments and addresses."""
    addressing = ctx.word_set("addressing")
    for segment in ctx.parsed.segments:
        if segment.kind not in (Kind.CLOSING, Kind.SIGNATURE, Kind.ADDRESS, Kind.FIELD):
            continue
        text = ctx.letter.text[segment.start : segment.end]
        for start, end, entry in ctx.lexicon.match_text(text):
            if entry.rule != "jargon" or not _formula_in(segment.kind, entry.phrase, text, start, end, addressing):
                continue
            start, end = segment.start + start, segment.start + end
            fixes = (Fix((Edit(start, end, match_case(entry.alternatives[0], ctx.letter.text[start:end])),),
                         entry.fix, f"Vervang door '{entry.alternatives[0]}'."),) if entry.alternatives else ()
            ctx.entries[(start, end)] = entry
            yield ctx.finding("jargon", start, end, message=entry.explanation, fixes=fixes,
                              suggestion=ctx.rules["jargon"].suggestion.format(alternatives=_quoted(entry)))


def _formula_in(kind: Kind, phrase: str, text: str, start: int, end: int, addressing: frozenset[str]) -> bool:
    if kind is Kind.CLOSING:
        return True
    if kind is Kind.SIGNATURE and _whole_line(text, start, end):
        return True
    return phrase in addressing and not text[start:end].isupper()  # 'P.A. Jansen' holds initials, not 'per adres'


def _whole_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return line.strip(" \t,.:;") == text[start:end]


def _quoted(entry) -> str:
    return ", ".join(f"'{a}'" for a in entry.alternatives)


def _entry_finding(ctx: LetterContext, match: Match) -> Finding:
    entry = match.entry
    rule = ctx.rules[entry.rule]
    span = ctx.doc[match.start : match.end]
    severity = entry.severity or rule.severity
    if rule.category == "threat" and _early(ctx, match.start):
        severity = raise_severity(severity)
    suggestion = entry.suggestion or rule.suggestion.format(alternatives=_quoted(entry))
    ctx.entries[(span.start_char, span.end_char)] = entry
    return ctx.span_finding(entry.rule, span, severity=severity, message=entry.explanation, suggestion=suggestion)


def _early(ctx: LetterContext, token_index: int) -> bool:
    """Before any offer of help, or in the first paragraphs of the letter."""
    if token_index < ctx.first_help:
        return True
    segment = ctx.parsed.segment_index(ctx.doc[token_index].idx)
    return segment in ctx.top_segments


def neutral_mention(ctx: LetterContext, sentence: Sentence) -> bool:
    """A sanction named as relief ('de boete is kwijtgescholden'), as a past fact, or as the reader's situation that
    an instruction answers ('Staat er een deurwaarder aan de deur? Laat hem deze brief zien.'), not as a threat."""
    return ctx.cue_in("relief", sentence) or _reports_past(sentence) or _situation_answered(ctx, sentence)


def _situation_answered(ctx: LetterContext, sentence: Sentence) -> bool:
    """A question about the reader's situation, not a failure of theirs, that the next sentence answers with what to
    do: 'Staat er een deurwaarder aan de deur? Laat hem deze brief zien.', 'Krijgt u post van een incassobureau?
    Stuur die dan naar ons.'"""
    words = sentence.words
    if len(words) < 2 or sentence.span[-1].text != "?" or not words[0].tag_.startswith("WW|pv"):
        return False
    if any(t.lower_ in ctx.word_set("negation") for t in words):
        return False  # 'Betaalt u niet?' is a failure, and its answer a consequence
    following = ctx.sentence_of(sentence.span.end) if sentence.span.end < len(ctx.doc) else None
    answer = [t for t in following.words if t.lower_ != "dan"] if following is not None else []
    return bool(answer) and answer[0].tag_ == IMPERATIVE_TAG and answer[0].pos_ == "VERB" and (
        len(answer) < 2 or answer[1].lower_ not in ("wij", "we", "ik"))


def _reports_past(sentence: Sentence) -> bool:
    """A sanction told as history ('De deurwaarder legde vorig jaar beslag', '... heeft toen beslag gelegd, maar dat
    is voorbij'); not one just imposed ('Wij hebben uw ontheffing ingetrokken'), which is aimed at the reader now."""
    words = _main_clause(sentence)
    finite = [t for t in words if t.tag_.startswith("WW|pv")]
    if not finite or any(t.lemma_ in FORWARD_VERBS for t in finite):
        return False
    if any("|verl" in t.tag_ for t in finite):
        return True
    has_participle = any(t.tag_.startswith("WW|vd") for t in words)
    in_the_past = any(t.lower_ in PAST_MARKERS for t in words)
    return has_participle and in_the_past and all(t.lemma_ in PERFECT_AUXILIARIES for t in finite)


def _main_clause(sentence: Sentence) -> list:
    """The words after a subordinate clause that opens the sentence: in 'Omdat u niet reageerde, hebben wij uw account
    verwijderd' the past tense is the reason, not the time of the sanction."""
    words = list(sentence.span)
    if words and words[0].pos_ == "SCONJ":
        comma = next((i for i, t in enumerate(words) if t.text == ","), None)
        if comma is not None and comma + 1 < len(words):
            return words[comma + 1 :]
    return words
