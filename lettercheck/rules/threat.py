"""Threat rules with their own logic: conditional threats."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Finding
from .context import LetterContext
from .registry import check


@check("conditional-threat")
def conditional_threats(ctx: LetterContext) -> Iterator[Finding]:
    for sentence in ctx.conditional_sentences:
        yield ctx.span_finding("conditional-threat", sentence.span)
