"""Sentence rules: long sentences, many clauses, passive voice, nominalisations, double negations."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Finding
from .context import LetterContext
from .registry import check

CLAUSAL_ARGUMENTS = frozenset({"ccomp", "xcomp", "csubj", "csubj:pass"})


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
            yield ctx.span_finding("many-clauses", sentence.span, clauses=clauses, limit=ctx.config.max_clauses)


@check("passive-voice")
def passive_voice(ctx: LetterContext) -> Iterator[Finding]:
    """A passive auxiliary (UD ``aux:pass``) or a form of 'worden', with a participle.

    Without a participle it is a copula: 'actief worden', 'het bedrag wordt hoger'.
    """
    for sentence in ctx.prose:
        seen = set()
        for token in sentence.span:
            participle = token.head
            passive = _participle(participle) and (
                token.dep_ == "aux:pass" or (token.lemma_ == "worden" and token.dep_ in ("aux", "cop"))
            )
            if passive and participle.i not in seen:
                seen.add(participle.i)
                low, high = sorted((token.i, participle.i))
                yield ctx.span_finding("passive-voice", ctx.doc[low : high + 1])


PARTICIPLE = re.compile(r"^(?:\w*ge|be|ver|ont|er|her)\w+(?:d|t|en)$")
"""The shape of a participle, for those the tagger calls an adjective ('wordt verstuurd')."""


def _participle(token) -> bool:
    return token.tag_.startswith("WW|vd") or "VerbForm=Part" in str(token.morph) or (
        token.pos_ == "ADJ" and bool(PARTICIPLE.match(token.lower_)))


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
    """Two negations on one predicate, one in a clause that another negates, or 'niet' + 'onmogelijk'.

    Linear in the negations: each walks up the tree once, looking for a predicate another one negates.
    """
    by_head: dict[int, object] = {}
    for token in negations:
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if token.lower_ == "niet" and following is not None and _negative_word(following):
            return token, following
        if token.head.i in by_head:
            return by_head[token.head.i], token
        by_head[token.head.i] = token
    for token in negations:
        outer = _negating_predicate(token.head, by_head)
        if outer is not None and outer is not token:
            return tuple(sorted((outer, token), key=lambda t: t.i))
    return None


def _negating_predicate(inner, negated: dict):
    """The negation of a predicate above ``inner`` whose 'dat' clause holds ``inner``: 'Niet is gebleken dat u niet'.

    The walk stops at a conjunct: a negation in one conjunct does not negate the other.
    """
    node, in_clause = inner, False
    while node.head.i != node.i and node.dep_ != "conj":
        in_clause = in_clause or (node.dep_ in CLAUSAL_ARGUMENTS and any(c.lower_ == "dat" for c in node.children))
        node = node.head
        if in_clause and node.i in negated:
            return negated[node.i]
    return None


def _negative_word(token) -> bool:
    lower = token.lower_
    return token.pos_ == "ADJ" and lower.startswith("on") and len(lower) > 5 or lower == "zonder"
