"""Rewrites: a concrete, calmer text for each finding, attached to it as fixes.

Checks find; rewriters write. A rewriter is registered under the rule id whose
findings it rewrites and runs after all checks, so it can build on the letter's
profile (its kind, voice, date and contact details) and on the safe word
replacements of other findings inside the same sentence. It returns fixes
(edits in the letter's text); an empty tuple when no rewrite can be formed
without guessing: then the finding keeps only its advice.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Finding, Fix

Rewriter = Callable[..., tuple[Fix, ...]]
REWRITERS: dict[str, Rewriter] = {}
WORD_RULES = ("jargon", "nominalisation", "rare-word", "long-word", "shouting", "vague-deadline")
"""Rewritten first: sentence rewrites take their replacements in ('Indien' -> 'Als' inside a split sentence)."""


def rewriter(*rule_ids: str) -> Callable[[Rewriter], Rewriter]:
    def register(function: Rewriter) -> Rewriter:
        for rule_id in rule_ids:
            REWRITERS[rule_id] = function
        return function

    return register


def attach_rewrites(ctx, findings: list[Finding]) -> None:
    """Give every finding whose rule has a rewriter the fixes it proposes (in place)."""
    from . import blocks, deadline, passive, pressure, split, threat, words  # noqa: F401  (they register)

    word_level = [f for f in findings if f.rule in WORD_RULES]
    _rewrite(ctx, word_level)
    ctx.inner_edits = inner_edits(ctx, word_level)
    _rewrite(ctx, [f for f in findings if f.rule not in WORD_RULES])


def _rewrite(ctx, findings: list[Finding]) -> None:
    """Attach each rewriter's fixes, except those that would lose a fact of the letter."""
    from ..facts import missing_facts

    for finding in findings:
        function = REWRITERS.get(finding.rule)
        if function is not None and not finding.fixes:
            fixes = function(ctx, finding)
            finding.fixes = tuple(fix for fix in fixes if not missing_facts(ctx.letter.text, fix, ctx.names))


def inner_edits(ctx, findings: list[Finding]) -> dict[int, tuple[int, str]]:
    """First token -> (end token, replacement) of the word-level rewrites that cover whole tokens.

    A sentence rewrite is a proposal anyway, so it takes in the plain words of the word lists, safe or
    proposed, and every other safe rewrite; not the placeholders ('[datum]', '[uitleg ...]') of the rest.
    """
    found = {}
    for finding in findings:
        fix = finding.fixes[0] if finding.fixes else None
        if fix is None or (fix.applicability != "safe" and finding.rule not in ("jargon", "nominalisation")):
            continue
        if len(fix.edits) != 1:
            continue
        edit = fix.edits[0]
        tokens = ctx.token_range(edit.start, edit.end)
        if tokens and ctx.doc[tokens.start].idx == edit.start and ctx.doc[tokens.stop - 1].idx + len(
                ctx.doc[tokens.stop - 1]) == edit.end:
            found.setdefault(tokens.start, (tokens.stop, edit.replacement))
    return found
