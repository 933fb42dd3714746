"""Threat rules with their own logic: conditional threats, claim-backs and revocations."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis import Sentence
from ..model import Finding
from .context import LetterContext
from .registry import check
from .wordlists import neutral_mention

READER = frozenset({"u", "je", "jij"})
OBLIGATION = frozenset({"moeten", "dienen", "verplicht"})
EMBEDDING = frozenset({"als", "indien", "wanneer", "zodra", "mocht", "of"})
"""A clause opened by these is a condition or a question ('Als u moet terugbetalen, ...', 'om te zien of u ...
moet terugbetalen'), not a claim."""


@check("conditional-threat")
def conditional_threats(ctx: LetterContext) -> Iterator[Finding]:
    for sentence in ctx.conditional_sentences:
        yield ctx.span_finding("conditional-threat", sentence.span)


@check("claim-back")
def claim_backs(ctx: LetterContext) -> Iterator[Finding]:
    """'U moet (een deel van) uw uitkering terugbetalen': money the reader is told they must pay back."""
    conditional = {s.span.start for s in ctx.conditional_sentences}  # conditional-threat reports those
    for match in ctx.cues("claim_back"):
        sentence = ctx.sentence_of(match.start)
        if sentence is None or sentence.span.start in conditional or not ctx.in_wording(match):
            continue
        start = _obliged_reader(ctx, sentence, match.start)
        if start is not None:
            yield ctx.span_finding("claim-back", ctx.doc[start : match.end])


def _obliged_reader(ctx: LetterContext, sentence: Sentence, verb: int) -> int | None:
    """Where 'u moet' / 'dient u' starts before the verb, in a clause of its own: no question, no negation."""
    if any(t.text == "?" for t in ctx.doc[verb : sentence.span.end]):
        return None
    before = ctx.doc[sentence.span.start : verb]
    negation = ctx.word_set("negation")
    if any(t.lower_ in negation or (t.lower_ in EMBEDDING and t.pos_ == "SCONJ") for t in before):
        return None
    readers = [t.i for t in before if t.lower_ in READER]
    obliged = [t.i for t in before if t.lemma_ in OBLIGATION or t.lower_ in OBLIGATION]
    return min(readers[0], obliged[0]) if readers and obliged else None


@check("revocation")
def revocations(ctx: LetterContext) -> Iterator[Finding]:
    """'We gaan je gast-account opheffen': something the reader holds (an account, a pass, a permit) taken away."""
    conditional = {s.span.start for s in ctx.conditional_sentences}
    for sentence in ctx.wording:
        if sentence.span.start in conditional or neutral_mention(ctx, sentence):
            continue
        span = ctx.revocation(sentence)
        if span is not None:
            yield ctx.span_finding("revocation", span)
