"""What a rewrite needs to know about the whole letter: its kind, its voice, its date, its contact details."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ..structure import DATE, MONTHS, Kind

MONTH_NAMES = MONTHS.split("|")
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
WRITTEN_DATE = re.compile(rf"\b(\d{{1,2}}) ({MONTHS}) (\d{{4}})\b", re.I)
PHONE = re.compile(r"(?<![\w+])(?:\+31[\s-]*|0)(?:\d[\s-]*){8}\d(?!\d)|\b14[\s-]?0\d{2,3}\b|\b0[89]00[\s-]?\d{4,7}\b")
EMAIL = re.compile(r"\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}\b")
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
REFERENCE = re.compile(r"^(?:ons kenmerk|kenmerk|dossiernummer|zaaknummer|aanslagnummer|klantnummer)\s*:\s*(\S.*)$",
                       re.I | re.M)

KINDS = ("payment", "refusal", "grant", "documents", "invitation", "information")
"""Kinds of letter, in the order ties are decided."""
KIND_CUES = {
    "payment": ("betalen", "betaling", "bedrag", "aanmaning", "herinnering", "achterstand", "openstaand", "incasso",
                "factuur", "aanslag", "huurachterstand", "terugbetalen", "terugvordering", "schuld", "voldoen",
                "rekeningnummer", "dwangbevel"),
    "refusal": ("afwijzen", "afgewezen", "wijzen", "geen recht", "niet toekennen", "weigeren", "afwijzing",
                "niet in aanmerking"),
    "grant": ("toekennen", "toegekend", "u krijgt", "goedkeuren", "goedgekeurd", "recht op", "verlenen"),
    "documents": ("bewijsstuk", "bewijsstukken", "gegevens", "aanleveren", "ontbrekend", "ontbrekende", "kopie",
                  "loonstrook", "loonstroken", "bankafschrift", "bankafschriften", "papieren", "formulier",
                  "opsturen", "insturen", "stukken"),
    "invitation": ("uitnodiging", "uitnodigen", "afspraak", "gesprek", "welkom", "langskomen", "intake"),
}
KIND_LABELS = {
    "payment": "betaalbrief of herinnering", "refusal": "afwijzing", "grant": "toekenning",
    "documents": "verzoek om papieren", "invitation": "uitnodiging", "information": "informatiebrief",
}


@dataclass(frozen=True, slots=True)
class Profile:
    kind: str
    address: str
    """'u' or 'je': how the letter speaks to the reader."""
    speaks_as_we: bool
    """The letter speaks as 'wij' / 'we': a passive without agent may become 'wij ...'."""
    date: datetime.date | None
    phone: str | None
    email: str | None
    iban: str | None
    reference: str | None


def letter_profile(ctx) -> Profile:
    text = ctx.letter.text
    lowers = [t.lower_ for s in ctx.wording for t in s.span]
    lemmas = [t.lemma_ for s in ctx.wording for t in s.span]
    familiar = sum(word in ctx.word_set("familiar_you") for word in lowers)
    polite = sum(word in ctx.word_set("polite_you") for word in lowers)
    reference = REFERENCE.search(text)
    return Profile(
        kind=letter_kind(" ".join(lowers), set(lemmas) | set(lowers)),
        address="je" if familiar > polite else "u",
        speaks_as_we=any(word in ("wij", "we", "ons", "onze") for word in lowers),
        date=letter_date(ctx),
        phone=_first(PHONE, IBAN.sub(" ", text)),
        email=_first(EMAIL, text),
        iban=_first(IBAN, text),
        reference=reference.group(1).strip() if reference else None,
    )


def letter_kind(text: str, words: set[str]) -> str:
    """The kind of letter by its wording: the kind with the most cues, ties in the order of KINDS."""
    def score(kind: str) -> int:
        return sum((" " in cue and cue in text) or cue in words for cue in KIND_CUES[kind])

    scores = {kind: score(kind) for kind in KIND_CUES}
    best = max(KINDS[:-1], key=lambda kind: (scores[kind], -KINDS.index(kind)))
    return best if scores[best] >= 2 else "information"


def letter_date(ctx) -> datetime.date | None:
    """The date of the letter: a date line, or a 'Datum:' field, before the salutation."""
    for segment in ctx.parsed.segments:
        if segment.kind is Kind.SALUTATION or segment.kind is Kind.PROSE:
            break
        line = ctx.letter.text[segment.start : segment.end]
        if segment.kind in (Kind.DATE, Kind.FIELD, Kind.ADDRESS, Kind.LETTERHEAD) and DATE.search(line):
            parsed = parse_date(line)
            if parsed:
                return parsed
    return None


def parse_date(text: str) -> datetime.date | None:
    try:
        if match := WRITTEN_DATE.search(text):
            day, month, year = match.groups()
            return datetime.date(int(year), MONTH_NAMES.index(month.lower()) + 1, int(day))
        if match := NUMERIC_DATE.search(text):
            day, month, year = match.groups()
            return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return None


def written(date: datetime.date) -> str:
    """'17 maart 2027'."""
    return f"{date.day} {MONTH_NAMES[date.month - 1]} {date.year}"


def _first(pattern: re.Pattern, text: str) -> str | None:
    match = pattern.search(text)
    return match.group(0) if match else None
