"""The check registry: the code behind each rule id of ``wordlists/rules.toml``, in one place.

A check is a function of a :class:`~lettercheck.rules.context.LetterContext`
that yields findings, registered with the rule ids it may report. Checks marked
``last`` run after all others and can see their findings (rare and long words
skip the words another rule already offers a replacement for).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model import Finding

CheckFunction = Callable[..., Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Check:
    function: CheckFunction
    rule_ids: tuple[str, ...]
    last: bool = False


CHECKS: list[Check] = []


def check(*rule_ids: str, last: bool = False) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check for ``rule_ids``."""

    def register(function: CheckFunction) -> CheckFunction:
        CHECKS.append(Check(function, rule_ids, last))
        return function

    return register


def registered_rule_ids() -> set[str]:
    return {rule_id for entry in CHECKS for rule_id in entry.rule_ids}
