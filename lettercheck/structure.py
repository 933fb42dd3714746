"""Letter structure: which lines are address, date, salutation, heading, list, prose.

A parser trained on newspaper sentences glues an address block, a date line and
"Geachte heer Jansen," into one long "sentence". Splitting the letter into
segments first, and starting a sentence at every segment, keeps those apart and
tells the checks which text is running prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from .letter import Block, Letter
from .placeholders import PLACEHOLDER


class Kind(StrEnum):
    PROSE = "prose"
    LIST_ITEM = "list-item"
    HEADING = "heading"
    SUBJECT = "subject"
    SALUTATION = "salutation"
    CLOSING = "closing"
    SIGNATURE = "signature"
    ADDRESS = "address"
    DATE = "date"
    FIELD = "field"
    LETTERHEAD = "letterhead"


SENTENCE_KINDS = frozenset({Kind.PROSE, Kind.LIST_ITEM})
"""Segments whose sentences count for readability and the sentence rules."""
WORDING_KINDS = SENTENCE_KINDS | {Kind.HEADING, Kind.SUBJECT}
"""Segments whose words the word, jargon, threat and tone rules read."""


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    kind: Kind
    block: int


MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
SALUTATION = re.compile(
    r"^(geachte|beste|hallo|hoi|lieve|goedemorgen|goedemiddag|goedendag|aan wie het aangaat|l\.s\.)\b", re.I
)
PLACEHOLDER_SALUTATION = re.compile(rf"^(?:{PLACEHOLDER.pattern})\s*,$", re.VERBOSE)
"""A salutation the template fills in: '«Aanhef»,'."""
CLOSING = re.compile(
    r"^((met )?(vriendelijke|hartelijke|beste|warme|collegiale) groet(en)?|hoogachtend|met de meeste hoogachting"
    r"|groet(en)?)\b[\s,.!]*$",
    re.I,
)
SUBJECT = re.compile(r"^(onderwerp|betreft|inzake)\s*:", re.I)
FIELD = re.compile(
    r"^(ons kenmerk|uw kenmerk|kenmerk|datum|verzenddatum|dossiernummer|klantnummer|relatienummer|debiteurnummer"
    r"|factuurnummer|zaaknummer|aanslagnummer|huurnummer|contractnummer|bsn|burgerservicenummer|iban|rekeningnummer"
    r"|telefoon(nummer)?|tel\.?|e-?mail|bijlagen?|bijlage\(n\)|behandeld door|contactpersoon|uw brief van"
    r"|doorkiesnummer|referentie|inlichtingen bij|afdeling|bezoekadres|postadres|website|internet|openingstijden"
    r"|aan|van|cc)\s*:",
    re.I,
)
ADDRESS_LABEL = re.compile(
    r"^(t\.\s?a\.\s?v\.|naam|voorletters|achternaam|adres|straat(naam)?|huisnummer|postcode|woonplaats|plaats)\b",
    re.I,
)
"""The lines of a template's address block: 'Naam:', 'Adres', 'Postcode en woonplaats', 't.a.v. ...'."""
DATE = re.compile(rf"\b(\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}|\d{{1,2}} ({MONTHS}) \d{{4}})\b", re.I)
LIST_MARKER = re.compile(r"^\s*([-–—•*·▪◦●○■□➢►✓]|\d{1,2}[.)]|[a-z][.)])\s+")
TERMINAL = re.compile(r"[.!?;:…][\"'”’)\]]*$")
LONG_LINE_WORDS = 12
SHORT_QUESTION_WORDS = 8
READER_LINE_WORDS = 6
READER_PRONOUN = re.compile(r"\b([uU]|je|jij)\b(?!\.)")
QUESTION_START = re.compile(r"(?i)(wat|hoe|waar|wanneer|waarom|wie|welke?|waarvoor|hoeveel)\b")


def segment(letter: Letter) -> list[Segment]:
    """Split the letter into segments, in text order."""
    segments: list[Segment] = []
    signature = False
    signature_groups = 0
    for group in _groups(letter.blocks):
        lines = [(index, start, end) for index in group for start, end in _lines(letter.blocks[index])]
        kinds = _classify(letter, lines, signature)
        if Kind.CLOSING in kinds and not any(s.kind in WORDING_KINDS | {Kind.SALUTATION} for s in segments):
            # 'Groeten,' above the body greets: a closing comes after the letter's wording.
            kinds = [Kind.SALUTATION if kind is Kind.CLOSING else kind for kind in kinds]
        if signature and signature_groups and _has_sentence(letter, lines, kinds):
            # Sentences after the signature: a footer of the letter's own ('Zo maakt u bezwaar'), read as wording.
            signature = False
            kinds = _classify(letter, lines, signature)
            if signature_groups > 1 and _heading_after_signature(letter, segments[-1]):
                segments[-1] = Segment(segments[-1].start, segments[-1].end, Kind.HEADING, segments[-1].block)
        if signature:
            signature_groups += 1
        signature = signature or Kind.CLOSING in kinds
        segments.extend(_join(letter, lines, kinds))
    return segments


def _has_sentence(letter: Letter, lines: list[tuple[int, int, int]], kinds: list[Kind]) -> bool:
    """A line of prose that ends as a sentence does; not a long footer line of addresses and numbers."""
    return any(kind is Kind.PROSE and TERMINAL.search(letter.text[start:end])
               for (_, start, end), kind in zip(lines, kinds, strict=True))


def _heading_after_signature(letter: Letter, previous: Segment) -> bool:
    """The title of a footer section ('Zo maakt u bezwaar', 'Bezwaar'), not a name ('L. van der Weij') or a role
    ('Directeur Werk en Inkomen'): a short line with no capital after its first word."""
    text = letter.text[previous.start : previous.end]
    words = text.split()
    return (previous.kind is Kind.SIGNATURE and "\n" not in text and len(words) <= READER_LINE_WORDS
            and not TERMINAL.search(text) and not any(w[:1].isupper() for w in words[1:]))


def _groups(blocks: list[Block]) -> list[list[int]]:
    """Runs of blocks with no white space between them."""
    groups: list[list[int]] = []
    for index, block in enumerate(blocks):
        if block.gap_before or not groups:
            groups.append([])
        groups[-1].append(index)
    return groups


def _lines(block: Block) -> list[tuple[int, int]]:
    """Letter offsets of the non-empty lines of a block."""
    lines, offset = [], block.start
    for line in block.text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            lines.append((offset + lead, offset + lead + len(stripped)))
        offset += len(line) + 1
    return lines


def _classify(letter: Letter, lines: list[tuple[int, int, int]], signature: bool) -> list[Kind]:
    texts = [letter.text[start:end] for _, start, end in lines]
    first = [_line_kind(text, letter.blocks[index]) for text, (index, _, _) in zip(texts, lines, strict=True)]
    kinds: list[Kind] = []
    for position, (index, _, _) in enumerate(lines):
        kind = first[position]
        if letter.blocks[index].is_letterhead:
            kind = Kind.LETTERHEAD
        elif signature:
            if kind is not Kind.PROSE or _words(texts[position]) < 8:
                kind = Kind.SIGNATURE
        elif kind is None:
            kind = _short_line_kind(texts, first, kinds, position)
        signature = signature or kind is Kind.CLOSING  # a flag, not a search of the kinds so far: linear
        kinds.append(kind)
    return kinds


def _line_kind(line: str, block: Block) -> Kind | None:
    """The kind a line has on its own; None for a short line that needs context."""
    words = _words(line)
    if (SALUTATION.match(line) and _words(PLACEHOLDER.sub("x", line)) <= 12 and not line.endswith(".")) or \
            PLACEHOLDER_SALUTATION.match(line):  # 'Geachte heer/mevrouw {{ a & " " & b }},' is short
        return Kind.SALUTATION
    if CLOSING.match(line):
        return Kind.CLOSING
    if SUBJECT.match(line):
        return Kind.SUBJECT
    if (ADDRESS_LABEL.match(line) and words <= 6) or _only_placeholders(line):
        return Kind.ADDRESS
    if FIELD.match(line) and words <= 12:
        return Kind.FIELD
    if line.endswith(":") and words <= 2:
        return Kind.HEADING  # a label ('Zaaknummer:'), not a sentence
    if LIST_MARKER.match(line):
        return Kind.LIST_ITEM
    if DATE.search(line) and words <= 6 and not TERMINAL.search(line.rstrip(".")):
        return Kind.DATE
    if line.endswith("?") and words <= SHORT_QUESTION_WORDS:
        return Kind.HEADING
    if TERMINAL.search(line) or words >= LONG_LINE_WORDS or _addresses_reader(line, words):
        return Kind.PROSE
    return Kind.FIELD if block.in_table else None


def _addresses_reader(line: str, words: int) -> bool:
    """A sentence to the reader without its full stop, as portals write them ('Er staan berichten voor u klaar');
    a heading that names the reader asks or labels ('Wat u moet weten over de huurtoeslag')."""
    return words >= READER_LINE_WORDS and bool(READER_PRONOUN.search(line)) and not QUESTION_START.match(line)


def _short_line_kind(texts: list[str], first: list[Kind | None], kinds: list[Kind], position: int) -> Kind:
    """A short line without a full stop: the end of a wrapped sentence, a heading or an address line."""
    previous = kinds[-1] if kinds else None
    following = first[position + 1] if position + 1 < len(first) else None
    if previous in (Kind.PROSE, Kind.LIST_ITEM) and not TERMINAL.search(texts[position - 1]):
        return previous
    if following in (Kind.PROSE, Kind.LIST_ITEM) or len(texts) == 1:
        return Kind.HEADING
    return Kind.ADDRESS


def _only_placeholders(line: str) -> bool:
    """A line the template fills in whole ('{{ naam }}', '{$o->street} {$o->number}'): no wording of its own."""
    rest = PLACEHOLDER.sub("", line)
    return rest != line and not rest.strip(" \t,.:;-/|()")


def _words(text: str) -> int:
    return len(text.split())


def _join(letter: Letter, lines: list[tuple[int, int, int]], kinds: list[Kind]) -> list[Segment]:
    """Merge wrapped lines: prose after prose, and continuation lines of a list item."""
    segments: list[Segment] = []
    for (index, start, end), kind in zip(lines, kinds, strict=True):
        if segments and segments[-1].block == index and _continues(letter, segments[-1], kind, start):
            segments[-1] = Segment(segments[-1].start, end, segments[-1].kind, index)
        else:
            segments.append(Segment(start, end, kind, index))
    return segments


def _continues(letter: Letter, previous: Segment, kind: Kind, start: int) -> bool:
    if kind is Kind.PROSE and previous.kind is Kind.PROSE:
        return True
    if kind in (Kind.PROSE, Kind.LIST_ITEM) and previous.kind is Kind.LIST_ITEM:
        return not LIST_MARKER.match(letter.text[start : start + 8])
    return False
