"""Threats: help first, the consequence once and calmly after it; shouting to plain sentences.

A conditional threat ('Als u niet betaalt, dan ...') keeps its legal fact but
moves behind the offer of help: after the letter's own help sentence when it
has one (a move: two edits), else after a help sentence written for the kind of
letter. Capitals become ordinary sentence case; an exclamation mark a full stop.
"""

from __future__ import annotations

import re

from .. import conjugation
from ..model import Edit, Finding, Fix
from . import rewriter
from .blocks import block_text
from .passive import FINITE_AUXILIARIES as FINITE
from .phrases import render, sentence_case
from .pressure import without_pressure

NEUTRAL_CONDITIONS = (
    (frozenset({"betalen", "voldoen", "overmaken", "terugbetalen", "overgaan"}), "Zonder betaling of afspraak"),
    (frozenset({"reageren", "antwoorden", "bellen"}), "Zonder reactie van u"),
    (frozenset({"sturen", "opsturen", "insturen", "inleveren", "aanleveren", "overleggen", "toesturen"}),
     "Zonder de gevraagde papieren"),
)
"""What replaces 'Als u niet [verb] ...,', by the verb of the condition: the fact without the threat."""


@rewriter("conditional-threat")
def help_first(ctx, finding: Finding) -> tuple[Fix, ...]:
    """The consequence stated neutrally after help; else the sentence as it is, behind the help."""
    sentence = ctx.sentence_of(ctx.token_range(finding.start, finding.end).start)
    if sentence is None:
        return ()
    span = sentence.span
    neutral = _neutral(ctx, [t for t in span if not t.is_space])
    text = without_pressure(render(ctx, [t for t in span if not t.is_space]).replace("!", "."))
    later_help = [m for m in ctx.help_offers if m.start >= span.end]
    if later_help and (target := ctx.sentence_of(later_help[0].start)) is not None:
        end = target.span.end_char
        delete = Edit(span.start_char, _after_space(ctx, span.end_char), "")
        return tuple(Fix((delete, Edit(end, end, " " + version)), "proposed",
                         "Zet het gevolg na het hulpaanbod, en noem het één keer, rustig.")
                     for version in (neutral, text) if version)
    help_text = block_text("help", ctx.profile)
    return tuple(Fix((Edit(span.start_char, span.end_char, f"{help_text} {version}"),), "proposed",
                     "Bied eerst hulp aan; noem het gevolg daarna één keer, rustig.")
                 for version in (neutral, text) if version)


def _neutral(ctx, tokens) -> str | None:
    """'Als u niet betaalt, dan leggen wij beslag op uw loon.' -> 'Zonder betaling of afspraak leggen wij ...'."""
    comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    opens = tokens[0].lower_ in ("als", "indien", "wanneer", "mocht") or tokens[0].tag_.startswith("WW|pv")
    if comma is None or not opens or not any(t.lower_ in ("niet", "geen") for t in tokens[:comma]):
        return None
    consequence = tokens[comma + 1 :]
    if consequence and consequence[0].lower_ == "dan":
        consequence = consequence[1:]
    if len(consequence) < 3 or not (consequence[0].tag_.startswith("WW|pv") or consequence[0].lower_ in FINITE):
        return None
    verbs = {t.lemma_ for t in tokens[:comma]} | {conjugation.infinitive_of_stem(t.lower_.removesuffix("t"))
                                                   for t in tokens[:comma] if t.is_alpha}
    condition = next((text for lemmas, text in NEUTRAL_CONDITIONS if verbs & lemmas), None)
    if condition is None:
        return None
    return without_pressure(f"{condition} {render(ctx, consequence)}".replace("!", "."))


def _after_space(ctx, offset: int) -> int:
    text = ctx.letter.text
    return offset + 1 if offset < len(text) and text[offset] == " " else offset


@rewriter("shouting")
def calm(ctx, finding: Finding) -> tuple[Fix, ...]:
    """Capitals to sentence case, exclamation marks to one full stop (all of them: '!!' is one mark)."""
    letter, start, end = ctx.letter.text, finding.start, finding.end
    sentence = ctx.sentence_of(ctx.token_range(start, end).start)
    if sentence is not None and not any(ch.islower() for ch in letter[sentence.span.start_char : end]):
        start = sentence.span.start_char  # the capitals reach back to the sentence start: take the whole
    if sentence is not None and not any(ch.islower() for ch in letter[start : sentence.span.end_char]):
        end = sentence.span.end_char  # ... and on to its end ('BETAAL HET BEDRAG VÓÓR 1 MEI.')
    while end < len(letter) and letter[end] in "!.":
        end += 1
    while start > 0 and letter[start - 1] == "!":
        start -= 1
    text = letter[start:end]
    calmer = text
    if any(ch.isalpha() for ch in text) and text.upper() == text:
        calmer = sentence_case(text.lower()) if _starts_sentence(ctx, start) else text.lower()
    calmer = re.sub(r"\s*!+\.*", ".", calmer)
    if calmer == text:
        return ()
    # Proposed: lowercasing may touch a name written in capitals ('GEMEENTE UTRECHT').
    return (Fix((Edit(start, end, calmer),), "proposed",
                "Schrijf gewoon: zonder hoofdletters en uitroeptekens."),)


def _starts_sentence(ctx, offset: int) -> bool:
    sentence = ctx.sentence_of(ctx.token_range(offset, offset + 1).start)
    return sentence is None or sentence.span.start_char == offset
