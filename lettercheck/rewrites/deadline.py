"""Vague deadlines to a date: 'binnen 14 dagen na dagtekening' + letter date 3 maart 2027 -> 'vóór 17 maart 2027'.

The period stays in brackets, so no number of the letter is lost. Without a
letter date, or for a period that starts at an unknown moment ('na ontvangst'),
the date is a '[datum]' placeholder for the writer to fill in.
"""

from __future__ import annotations

import calendar
import datetime
import re

from ..model import Edit, Finding, Fix
from . import rewriter
from .profile import written

NUMBER_WORDS = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
    "tien": 10, "elf": 11, "twaalf": 12, "veertien": 14, "vijftien": 15, "twintig": 20, "dertig": 30,
}
PERIOD = re.compile(
    r"\b(?:uiterlijk\s+)?binnen\s+(?P<count>\d{1,3}|" + "|".join(NUMBER_WORDS) + r")\s+"
    r"(?P<unit>(?:werk)?dagen|(?:werk)?dag|weken|week|maanden|maand)"
    r"(?P<start>\s+na\s+(?:de\s+)?(?:dagtekening|datum\s+van\s+deze\s+(?:brief|aanmaning|beschikking)|"
    r"verzenddatum|ontvangst(?:\s+van\s+deze\s+brief)?|verzending))?",
    re.I,
)
UNKNOWN_START = ("ontvangst", "verzending")
VAGUE = re.compile(r"\b(?:zo (?:spoedig|snel) mogelijk|z\.s\.m\.|per omgaande|op korte termijn|onverwijld|"
                   r"binnen (?:de|afzienbare) (?:daarvoor )?(?:gestelde )?(?:termijn|tijd))", re.I)


@rewriter("vague-deadline")
def explicit_date(ctx, finding: Finding) -> tuple[Fix, ...]:
    sentence = ctx.sentence_of(ctx.token_range(finding.start, finding.end).start)
    region_start = sentence.span.start_char if sentence is not None else finding.start
    region = ctx.letter.text[region_start : sentence.span.end_char if sentence is not None else finding.end]
    match = PERIOD.search(region)
    if match is None:
        vague = VAGUE.search(region)
        if vague is None:  # 'na dagtekening' alone may say when something happened, not a deadline
            return ()
        start, end = region_start + vague.start(), region_start + vague.end()
        return (Fix((Edit(start, end, "vóór [datum]"),), "proposed",
                    "Noem een echte datum in plaats van een vage termijn."),)
    start, end = region_start + match.start(), region_start + match.end()
    date = _deadline(ctx.profile.date, match)
    period = re.sub(r"\s+", " ", match.group(0)).removeprefix("uiterlijk ").removeprefix("binnen ")
    period = period.replace("dagtekening", "de datum van deze brief").replace("de de ", "de ")
    if date is None:
        return (Fix((Edit(start, end, f"vóór [datum] ({period})"),), "proposed",
                    "Noem de datum: reken de termijn uit en vul die in."),)
    return (Fix((Edit(start, end, f"vóór {written(date)} ({period})"),), "safe",
                f"Noem de datum: {written(date)}."),)


def _deadline(letter_date: datetime.date | None, match: re.Match) -> datetime.date | None:
    start = (match.group("start") or "").lower()
    unit = match.group("unit").lower()
    if letter_date is None or any(word in start for word in UNKNOWN_START) or unit.startswith("werk"):
        return None
    count = match.group("count").lower()
    number = int(count) if count.isdigit() else NUMBER_WORDS[count]
    if unit.startswith("dag"):
        return letter_date + datetime.timedelta(days=number)
    if unit.startswith("we"):  # week, weken
        return letter_date + datetime.timedelta(weeks=number)
    month = letter_date.month - 1 + number
    year, month = letter_date.year + month // 12, month % 12 + 1
    return datetime.date(year, month, min(letter_date.day, calendar.monthrange(year, month)[1]))
