"""Tone rules with their own logic: mixed 'u' and 'je'."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Finding
from .context import LetterContext
from .registry import check


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
