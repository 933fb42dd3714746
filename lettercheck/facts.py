"""The facts of a letter that no rewrite may lose.

Amounts, dates, numbers, references, articles of law, IBANs, e-mail addresses,
URLs, placeholders, names and the objection clause ('bezwaar'). Every fix a
rewriter makes is checked against them; a fix that would drop one is not offered.
"""

from __future__ import annotations

import re
from collections import Counter

from .model import Fix
from .placeholders import PLACEHOLDER

OBJECTION = re.compile(r"\bbezwaar", re.I)
DATE = re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b|\b\d{1,2} (?:januari|februari|maart|april|mei|juni|juli|"
                  r"augustus|september|oktober|november|december)(?: \d{4})?\b", re.I)
CASELESS = (DATE, OBJECTION)
"""Facts whose capitals do not matter: '1 MEI' is kept as '1 mei'."""
FACT_PATTERNS = (
    re.compile(r"€\s?\d[\d.]*(?:,(?:\d{2}|-))?"),
    DATE,
    re.compile(r"\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}\b"),
    re.compile(r"\b(?:https?://|www\.)\S+"),
    re.compile(r"\b(?:artikel|art\.)\s+\d+[:.\d]*[a-z]?\b", re.I),
    re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}\b"),
    re.compile(r"(?<![\w.,])\d+(?:[.,/:-]\d+)*"),
    OBJECTION,
    PLACEHOLDER,
)


def facts(text: str, names: frozenset[str] = frozenset()) -> Counter:
    """The facts a rewrite must keep, counted: amounts, dates, numbers, references, addresses, names, ..."""
    found: Counter = Counter()
    for pattern in FACT_PATTERNS:
        found.update(match.group(0).lower() if pattern in CASELESS else match.group(0)
                     for match in pattern.finditer(text))
    found.update(word for word in re.findall(r"\w+", text) if word in names)
    return found


def missing_facts(text: str, fix: Fix, names: frozenset[str] = frozenset()) -> list[str]:
    """Facts in the text a fix replaces that its replacements do not keep."""
    before = Counter()
    after = Counter()
    for edit in fix.edits:
        before += facts(text[edit.start : edit.end], names)
        after += facts(edit.replacement, names)
    return sorted((before - after).keys())
