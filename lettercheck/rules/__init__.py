"""The rules' checks, one module per category, and running them on a letter."""

from __future__ import annotations

from ..model import Finding
from . import guidance, sentence, threat, tone, word, wordlists  # noqa: F401  (they register their checks)
from .context import LetterContext
from .registry import CHECKS, Check, check, registered_rule_ids

__all__ = ["CHECKS", "Check", "LetterContext", "check", "registered_rule_ids", "run_checks"]


def run_checks(ctx: LetterContext, active: set[str]) -> list[Finding]:
    """Every active rule's findings, in text order; checks marked ``last`` see the others' findings."""
    findings: list[Finding] = []
    for entry in sorted(CHECKS, key=lambda c: c.last):
        if not active.intersection(entry.rule_ids):
            continue
        produced = entry.function(ctx, findings) if entry.last else entry.function(ctx)
        findings.extend(f for f in produced if f.rule in active)
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings
