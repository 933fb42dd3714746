"""Word-list rules (jargon, nominalisations, threats, tone phrases): one check over the single matcher pass."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis import Sentence
from ..catalogue import load_categories
from ..lexicon import LIST_FILES, Match
from ..model import Finding, Rule, raise_severity
from .context import LetterContext
from .registry import check

WORDLIST_RULES = frozenset(rule for spec in LIST_FILES for rule in spec.rules)
FORWARD_VERBS = frozenset({"zullen", "gaan", "kunnen", "moeten", "worden"})
PERFECT_AUXILIARIES = frozenset({"hebben", "zijn"})


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
    """Word-list matches not inside a longer (or equal, more specific) one: one finding per phrase."""
    categories = load_categories()

    def order(m: Match):
        return m.start, -m.end, categories[rules[m.entry.rule].category].priority

    kept: list[Match] = []
    reach = -1  # the furthest end of a kept match: every kept one starts at or before the current one
    for match in sorted((m for m in matches if m.entry), key=order):
        if match.end > reach:
            kept.append(match)
            reach = match.end
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
    ctx.entries[(span.start_char, span.end_char)] = entry
    return ctx.span_finding(entry.rule, span, severity=severity, message=entry.explanation, suggestion=suggestion)


def _early(ctx: LetterContext, token_index: int) -> bool:
    """Before any offer of help, or in the first paragraphs of the letter."""
    if token_index < ctx.first_help:
        return True
    segment = ctx.parsed.segment_index(ctx.doc[token_index].idx)
    return segment in ctx.top_segments


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
