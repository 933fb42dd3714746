"""Pressure to choice and cooperation.

'U dient de formulieren te sturen.' -> 'Wilt u de formulieren sturen?';
'U moet het formulier invullen.' -> 'Wilt u het formulier invullen?';
'Wij verzoeken u het formulier terug te sturen.' -> 'Wilt u het formulier terugsturen?';
'U bent verplicht om wijzigingen door te geven.' -> 'Het is nodig dat u wijzigingen doorgeeft.'
(the rule stated neutrally; the suggestion adds the reader's choice in how).
"""

from __future__ import annotations

import re

from .. import conjugation
from ..model import Edit, Finding, Fix
from . import rewriter
from .phrases import lower_first, render, words

REQUESTS = (("u", "dienen"), ("u", "moeten"), ("wij", "verzoeken", "u"), ("we", "verzoeken", "u"),
            ("wij", "vragen", "u"), ("we", "vragen", "u"))
OBLIGATIONS = (("u", "zijn", "verplichten"), ("u", "zijn", "verplicht"))
OMISSIONS = ("zonder nadere aankondiging", "zonder verdere aankondiging", "zonder nadere waarschuwing",
             "onverwijld, doch", "onverwijld, maar", "onverwijld maar", "ten overvloede")
"""Pressure formulas that can go without taking a fact with them."""
OMITTED = re.compile("|".join(re.escape(phrase) + r",?" for phrase in OMISSIONS), re.I)
ONLY_PRESSURE = re.compile(r"^(?:dit is (?:uw|een|de) )?laatste (?:waarschuwing|aanmaning|herinnering)[.!]*$", re.I)
"""A sentence that only raises the pressure: it goes, nothing of the letter's facts goes with it."""


@rewriter("threat-pressure", "must-language")
def choice(ctx, finding: Finding) -> tuple[Fix, ...]:
    sentence = ctx.sentence_of(ctx.token_range(finding.start, finding.end).start)
    if sentence is None or sentence.span[-1].text not in (".", "!", ":"):
        return ()
    span = sentence.span
    if ONLY_PRESSURE.match(ctx.letter.text[span.start_char : span.end_char]):
        end = span.end_char + (ctx.letter.text[span.end_char : span.end_char + 1] == " ")
        return (Fix((Edit(span.start_char, end, ""),), "proposed", "Laat deze zin weg: die zet alleen druk."),)
    tokens = words(sentence.span)
    lemmas = tuple(t.lower_ if t.lower_ in ("u", "wij", "we") else conjugation.lemma_of_auxiliary(t.lower_) or t.lemma_
                   for t in tokens)
    colon = span[-1].text == ":"
    for opening in REQUESTS:
        if lemmas[: len(opening)] == opening:
            rest, bare = tokens[len(opening):], opening[1] == "moeten"
            text = _instruction(ctx, rest, bare) if colon else _request(ctx, rest, bare)
            if text:
                return (Fix((Edit(span.start_char, span.end_char, text),), "proposed",
                            "Vraag het de lezer: 'Wilt u ...?'"),)
    inverted = next((k for k in range(1, len(lemmas) - 1) if lemmas[k : k + 2] in (("dienen", "u"), ("moeten", "u"))),
                    None)
    if inverted is not None:  # 'Bij betaling dient u het kenmerk te noemen.' -> 'Wilt u bij betaling ...?'
        text = _request(ctx, tokens[inverted + 2 :], bare=lemmas[inverted] == "moeten", front=tokens[:inverted])
        if text:
            return (Fix((Edit(span.start_char, span.end_char, text),), "proposed",
                        "Vraag het de lezer: 'Wilt u ...?'"),)
    for phrase in OMISSIONS:
        position = ctx.letter.text.lower().find(phrase, span.start_char, span.end_char)
        if position >= 0 and position <= finding.start < position + len(phrase):
            return (_omit(ctx, position, position + len(phrase)),)
    for opening in OBLIGATIONS:
        if lemmas[: len(opening)] == opening:
            text = _rule_stated(ctx, tokens[len(opening):])
            if text:
                return (Fix((Edit(span.start_char, span.end_char, text),), "proposed",
                            "Noem de regel rustig; zeg daarna wat de lezer kan kiezen."),)
    return ()


def _infinitive_clause(tokens, bare: bool):
    """(middle, infinitive with its particle, trailing phrase) of '... [particle] te VERB [prepositional phrase]'.

    Without ``bare`` the infinitive needs 'te'; 'om' before the middle goes ('verzoeken u om ... te').
    """
    position = next((i for i in range(len(tokens) - 1, -1, -1) if tokens[i].tag_.startswith("WW|inf")), None)
    if position is None:
        return None
    after = tokens[position + 1 :]
    if after and after[0].pos_ != "ADP":
        return None
    verb, middle = tokens[position].lower_, tokens[:position]
    if not bare:
        if not middle or middle[-1].lower_ != "te":
            return None
        middle = middle[:-1]
    if middle and middle[-1].lower_ in conjugation.PARTICLES:
        verb, middle = middle[-1].lower_ + verb, middle[:-1]
    if middle and middle[0].lower_ == "om":
        middle = middle[1:]
    return middle, verb, after


def _request(ctx, tokens, bare: bool, front=()) -> str | None:
    clause = _infinitive_clause(tokens, bare)
    if clause is None:
        return None
    middle, verb, after = clause
    fronted = lower_first(render(ctx, front), front[0]) if front else ""
    parts = ("Wilt u", fronted, render(ctx, middle), verb, render(ctx, after))
    return without_pressure(" ".join(part for part in parts if part)) + "?"


def _instruction(ctx, tokens, bare: bool) -> str | None:
    """Before a list ('U dient te vermelden:'): the verb's stem first, 'Vermeld ...:'."""
    parts = _conjugated(ctx, tokens, bare, "1sg")
    if parts is None:
        return None
    middle, particle, form, after = parts
    return without_pressure(" ".join(p for p in (form.capitalize(), middle, after, particle) if p)) + ":"


def _conjugated(ctx, tokens, bare: bool, person: str):
    """(middle text, particle, finite form, trailing text) of an infinitive clause, the verb in ``person``."""
    clause = _infinitive_clause(tokens, bare)
    if clause is None:
        return None
    middle, verb, after = clause
    particle, base = conjugation.split_particle(verb)
    form = conjugation.present(base, person)
    return None if form is None else (render(ctx, middle), particle, form, render(ctx, after))


def _omit(ctx, start: int, end: int) -> Fix:
    """Leave a pressure formula out, with one space beside it and any comma after it."""
    text = ctx.letter.text
    while end < len(text) and text[end] in ", ":
        end += 1
        if text[end - 1] == " ":
            break
    return Fix((Edit(start, end, ""),), "proposed", f"Laat '{text[start:end].strip(' ,')}' weg: het zet alleen druk.")


def _rule_stated(ctx, tokens) -> str | None:
    """'U bent verplicht om ... te V' -> 'Het is nodig dat u ... V-t.'"""
    parts = _conjugated(ctx, tokens, False, "u")
    if parts is None:
        return None
    middle, particle, form, after = parts
    return without_pressure(" ".join(p for p in ("Het is nodig dat u", middle, particle + form, after) if p)) + "."


def without_pressure(text: str) -> str:
    """``text`` without the pressure formulas that can go ('zonder nadere aankondiging')."""
    return re.sub(r"\s{2,}", " ", OMITTED.sub("", text)).replace(" ,", ",").strip()
