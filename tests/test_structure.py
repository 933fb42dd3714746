"""Letter structure: address blocks, dates, salutations, headings, lists and signatures stay apart."""

from __future__ import annotations

from conftest import docx_bytes

from lettercheck.readers import read_letter_bytes
from lettercheck.structure import Kind, segment

LETTER = """\
Gemeente Voorbeeldstad
Afdeling Werk en Inkomen
Postbus 100
1000 AA Voorbeeldstad

Mevrouw {{ naam }}
Kerkstraat 4
1234 AB Voorbeeldstad

Voorbeeldstad, 3 maart 2027
Ons kenmerk: WI/2027/0042
Onderwerp: Uw aanvraag bijzondere bijstand

Geachte mevrouw Bakker,

U krijgt € 350 voor een nieuwe koelkast. Wij maken het geld binnen vijf
werkdagen over op uw rekening.

Wat kunt u doen?
- Bewaar de kassabon.
- Stuur ons een foto van de bon
  als u de koelkast heeft gekocht.

Heeft u vragen?
Bel ons op 14 030. Wij zijn er van 9.00 tot 17.00 uur.

Met vriendelijke groet,

Anna de Vries
Consulent Werk en Inkomen
"""


def segments_of(text: str, name: str = "brief.txt"):
    letter = read_letter_bytes(text.encode("utf-8"), name)
    return [(seg.kind, letter.text[seg.start : seg.end]) for seg in segment(letter)]


def test_letter_parts_get_their_kind():
    assert segments_of(LETTER) == [
        (Kind.ADDRESS, "Gemeente Voorbeeldstad"),
        (Kind.ADDRESS, "Afdeling Werk en Inkomen"),
        (Kind.ADDRESS, "Postbus 100"),
        (Kind.ADDRESS, "1000 AA Voorbeeldstad"),
        (Kind.ADDRESS, "Mevrouw {{ naam }}"),
        (Kind.ADDRESS, "Kerkstraat 4"),
        (Kind.ADDRESS, "1234 AB Voorbeeldstad"),
        (Kind.DATE, "Voorbeeldstad, 3 maart 2027"),
        (Kind.FIELD, "Ons kenmerk: WI/2027/0042"),
        (Kind.SUBJECT, "Onderwerp: Uw aanvraag bijzondere bijstand"),
        (Kind.SALUTATION, "Geachte mevrouw Bakker,"),
        (Kind.PROSE, "U krijgt € 350 voor een nieuwe koelkast. Wij maken het geld binnen vijf\n"
                     "werkdagen over op uw rekening."),
        (Kind.HEADING, "Wat kunt u doen?"),
        (Kind.LIST_ITEM, "- Bewaar de kassabon."),
        (Kind.LIST_ITEM, "- Stuur ons een foto van de bon\n  als u de koelkast heeft gekocht."),
        (Kind.HEADING, "Heeft u vragen?"),
        (Kind.PROSE, "Bel ons op 14 030. Wij zijn er van 9.00 tot 17.00 uur."),
        (Kind.CLOSING, "Met vriendelijke groet,"),
        (Kind.SIGNATURE, "Anna de Vries"),
        (Kind.SIGNATURE, "Consulent Werk en Inkomen"),
    ]


def test_heading_without_full_stop_above_a_paragraph():
    text = "Uw betaling\n\nWij hebben uw betaling van 12 maart ontvangen. Dank u wel."
    assert segments_of(text) == [
        (Kind.HEADING, "Uw betaling"),
        (Kind.PROSE, "Wij hebben uw betaling van 12 maart ontvangen. Dank u wel."),
    ]


def test_wrapped_sentence_ending_in_a_short_line_is_one_segment():
    text = "Wij vragen u om het bedrag over te maken naar de rekening van de\ngemeente Voorbeeldstad."
    assert segments_of(text) == [(Kind.PROSE, text)]


def test_word_paragraphs_header_footer_and_table():
    data = docx_bytes(
        ["Geachte heer Jansen,", "", "Wij hebben uw brief ontvangen.", "", "Met vriendelijke groet,", "P. de Boer"],
        header=["Gemeente Voorbeeldstad"],
        footer=["Telefoon 14 030"],
        table=[("Datum", "3 maart 2027")],
    )
    kinds = dict(segments_of_bytes(data))
    assert kinds["Gemeente Voorbeeldstad"] is Kind.LETTERHEAD
    assert kinds["Telefoon 14 030"] is Kind.LETTERHEAD
    assert kinds["Datum"] is Kind.FIELD
    assert kinds["Geachte heer Jansen,"] is Kind.SALUTATION
    assert kinds["Wij hebben uw brief ontvangen."] is Kind.PROSE
    assert kinds["P. de Boer"] is Kind.SIGNATURE


def segments_of_bytes(data: bytes):
    letter = read_letter_bytes(data, "brief.docx")
    return [(letter.text[seg.start : seg.end], seg.kind) for seg in segment(letter)]


def test_footer_after_the_signature_is_wording_again():
    """An objection footer below the signature is the letter's own text: its title is a heading, its sentences
    prose; the name above it stays signature."""
    text = ("U krijgt de subsidie.\n\nMet vriendelijke groet,\n\nnamens deze,\n\nL. van der Weij\n\n"
            "Zo maakt u bezwaar\n\nBent u het niet eens met ons besluit? Dan kunt u bezwaar maken.\n\n"
            "Meer informatie\n\nKijk op www.rijksoverheid.nl.\n")
    assert segments_of(text)[2:] == [
        (Kind.SIGNATURE, "namens deze,"),
        (Kind.SIGNATURE, "L. van der Weij"),
        (Kind.HEADING, "Zo maakt u bezwaar"),
        (Kind.PROSE, "Bent u het niet eens met ons besluit? Dan kunt u bezwaar maken."),
        (Kind.HEADING, "Meer informatie"),
        (Kind.PROSE, "Kijk op www.rijksoverheid.nl."),
    ]


def test_signature_block_with_a_long_address_line_stays_signature():
    text = ("U krijgt de vergunning.\n\nHoogachtend,\n\nHoofd afdeling Vergunningen\n\n"
            "Gemeente Utrecht | Afdeling Vergunningen, Toezicht en Handhaving\n"
            "Postbus 16200, 3500 CE Utrecht | Tel: 030-286 00 00 | www.utrecht.nl\n")
    assert {kind for kind, _ in segments_of(text)[2:]} <= {Kind.SIGNATURE, Kind.PROSE}
    assert (Kind.SIGNATURE, "Gemeente Utrecht | Afdeling Vergunningen, Toezicht en Handhaving") in segments_of(text)


def test_a_closing_word_above_the_body_greets():
    """'Groeten,' above the first sentence is a salutation; the same words after the body close the letter."""
    text = "Groeten,\n\nUw betaling is mislukt. Probeer het opnieuw.\n\nGroeten,\n\nTeam Liberapay"
    assert [kind for kind, _ in segments_of(text)] == [Kind.SALUTATION, Kind.PROSE, Kind.CLOSING, Kind.SIGNATURE]
