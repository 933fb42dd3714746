"""Guidance rules: what to do, contact, help, a real deadline, the key message first."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analysis import Sentence
from ..model import Finding
from ..placeholders import mask
from ..structure import DATE
from .context import LetterContext
from .registry import check

PHONE = re.compile(
    r"(?<![\w+])(?:\+31[\s-]*(?:\(0\)[\s-]*)?|0)(?:\d[\s-]*){8}\d(?!\d)|\b14[\s-]?0\d{2,3}\b|\b0[89]00[\s-]?\d{4,7}\b"
)
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b")
"""Bank account numbers, masked before looking for phone numbers."""
# Possessive runs that start only where a run starts: no backtracking, and no new attempt at every character
# of a long token (60,000 characters took 15 s); they find what the plain patterns found.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+")
WEBSITE = re.compile(r"\b(?:https?://|www\.)\S+|(?<![\w-])-*+\w[\w-]*+\.(?:nl|com|org|eu|info)(?:/\S*)?\b", re.I)
LAW_REFERENCE = re.compile(r"\b(artikel|art\.)\s*\d|\b\w*wet\b|\bAwb\b", re.I)
OBJECTION = re.compile(r"\b(bezwaar|beroep|bezwaarschrift)", re.I)
TIME_UNITS = frozenset({"dag", "dagen", "werkdag", "werkdagen", "week", "weken", "maand", "maanden"})


@check("missing-action")
def missing_action(ctx: LetterContext) -> Iterator[Finding]:
    if any(ctx.in_wording(m) for m in ctx.cues("action")):
        return
    if any(_imperative(sentence) for sentence in ctx.wording):
        return
    yield ctx.letter_finding("missing-action")


def _imperative(sentence: Sentence) -> bool:
    """'Betaal het bedrag.', 'Bel ons.': a finite verb first, no subject, not a question."""
    words = sentence.words
    if not words or sentence.span[-1].text == "?":
        return False
    verb = words[0]
    return verb.tag_.startswith("WW|pv|tgw|ev") and not any(c.dep_.startswith("nsubj") for c in verb.children)


@check("missing-contact")
def missing_contact(ctx: LetterContext) -> Iterator[Finding]:
    text = IBAN.sub(" ", mask(ctx.letter.text, ctx.letter.placeholders))
    if ctx.cues("contact") or "contact" in ctx.outside_cues:
        return
    if PHONE.search(text) or EMAIL.search(text) or WEBSITE.search(text):
        return
    yield ctx.letter_finding("missing-contact")


@check("missing-help")
def missing_help(ctx: LetterContext) -> Iterator[Finding]:
    if not ctx.help_offers and "help" not in ctx.outside_cues:
        yield ctx.letter_finding("missing-help")


@check("vague-deadline")
def vague_deadlines(ctx: LetterContext) -> Iterator[Finding]:
    """One finding per sentence that sets a relative deadline and gives no date (objection clauses excepted)."""
    for sentence in ctx.wording:
        spans = [(m.start, m.end) for m in ctx.cues("vague_deadline")
                 if sentence.span.start <= m.start < sentence.span.end]
        spans += _within_days(sentence)
        text = sentence.span.text
        if not spans or DATE.search(text) or OBJECTION.search(text):
            continue
        yield ctx.span_finding("vague-deadline", ctx.doc[min(s for s, _ in spans) : max(e for _, e in spans)])


def _within_days(sentence: Sentence) -> list[tuple[int, int]]:
    """'binnen 14 dagen', 'binnen twee weken'."""
    tokens = list(sentence.span)
    return [
        (tokens[i].i, tokens[i].i + 3)
        for i in range(len(tokens) - 2)
        if tokens[i].lower_ == "binnen" and tokens[i + 1].like_num and tokens[i + 2].lower_ in TIME_UNITS
    ]


@check("key-message-late")
def key_message_late(ctx: LetterContext) -> Iterator[Finding]:
    """The first body paragraph opens with background or legal grounds."""
    if not ctx.body_prose_segments:
        return
    segment = ctx.body_prose_segments[0]
    first = next((s for s in ctx.prose if s.segment == segment), None)
    if first is None:
        return
    opening = first.span[: min(4, len(first.span))]
    opens_with_background = any(
        m.start < opening.end and first.span.start <= m.start for m in ctx.cues("background")
    )
    if opens_with_background or LAW_REFERENCE.search(first.span.text):
        yield ctx.span_finding("key-message-late", first.span)
