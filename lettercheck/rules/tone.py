"""Tone rules with their own logic: mixed 'u' and 'je', and shouting."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Finding
from .context import LetterContext
from .registry import check

SPECIFIC = frozenset({"threat", "tone"})
"""Categories whose phrases say more than 'capitals': the same words are not reported again as shouting."""


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


@check("shouting")
def shouting(ctx: LetterContext) -> Iterator[Finding]:
    yield from _capitals(ctx)
    for sentence in ctx.wording:
        marks = [t for t in sentence.span if t.text == "!"]
        if marks:
            yield ctx.span_finding("shouting", sentence.span, how="uitroepteken")
    yield from _bold_warnings(ctx)


def _capitals(ctx: LetterContext) -> Iterator[Finding]:
    """Runs of words in capitals (acronyms excepted), per segment: the parser splits shouted text oddly.

    A run that is exactly a threat or tone phrase ('LAATSTE WAARSCHUWING') is reported once, by its phrase.
    """
    acronyms = ctx.word_set("acronyms")
    phrases = {(m.start, m.end) for m in ctx.matches if m.entry and ctx.rules[m.entry.rule].category in SPECIFIC}
    for span in ctx.wording_segments:
        run: list = []
        for token in [*span, None]:
            shouted = token is not None and token.is_alpha and token.is_upper and len(token) > 1
            if shouted and token.text not in acronyms:
                run.append(token)
                continue
            if (len(run) > 1 or (run and len(run[0]) >= 5)) and (run[0].i, run[-1].i + 1) not in phrases:
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
