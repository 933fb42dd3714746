"""Word rules: rare and long words, each where it first appears."""

from __future__ import annotations

from collections.abc import Iterator

from ..frequency import familiarity
from ..lexicon import LIST_FILES
from ..model import Finding
from ..readability import CONTENT_POS
from .context import LetterContext
from .registry import check

COVERING_RULES = frozenset(rule for spec in LIST_FILES for rule in spec.rules) | {"vague-deadline"}
"""Rules that already report a word with a more specific message (a plainer word, a threat, a deadline):
their words are not flagged again as rare or long."""


@check("rare-word", "long-word", last=True)
def word_findings(ctx: LetterContext, found: list[Finding]) -> Iterator[Finding]:
    """Rare and long words, each where it first appears.

    Skipped: words another rule already reports (as jargon, threat, tone or deadline), placeholders, and
    capitalised words inside a sentence (names: 'Stationsweg').
    """
    covered = {i for f in found if f.rule in COVERING_RULES for i in ctx.token_range(f.start, f.end)}
    seen = {ctx.doc[i].norm_ for i in covered}  # a word reported once as jargon is not a rare word further on
    for sentence in ctx.wording:
        for token in sentence.span:
            if token.i in covered or token.i in ctx.parsed.placeholder_tokens or not token.is_alpha:
                continue
            if token.lower_ in seen or token.norm_ in seen or (token.is_title and token.i != sentence.span.start):
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
