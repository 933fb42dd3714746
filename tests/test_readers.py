"""Reading .txt and .docx into blocks with locations, and refusing bad input with a Dutch message."""

from __future__ import annotations

import io
import zipfile

import pytest
from conftest import compound_file, docx_bytes

from lettercheck.errors import LetterError
from lettercheck.readers import read_letter, read_letter_bytes

LETTER = "Geachte mevrouw Bakker,\n\nWij hebben uw aanvraag ontvangen.\nU hoort binnen twee weken van ons."


# -- text files ---------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        LETTER.encode("utf-8"),
        b"\xef\xbb\xbf" + LETTER.encode("utf-8"),
        LETTER.encode("utf-16"),
        LETTER.replace("\n", "\r\n").encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "windows-1252-crlf"],
)
def test_text_encodings_read_the_same(data):
    letter = read_letter_bytes(data, "brief.txt")
    expected = "Geachte mevrouw Bakker,\nWij hebben uw aanvraag ontvangen.\nU hoort binnen twee weken van ons."
    assert letter.text == expected
    assert [b.location.paragraph for b in letter.blocks] == [0, 1]


def test_windows_1252_characters_survive():
    text = "Wij vragen € 12,50 voor één paspoort – dat is “goedkoop”."
    letter = read_letter_bytes(text.encode("cp1252"), "brief.txt")
    assert letter.text == text


def test_text_blocks_know_their_offsets(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text("Kop\n\n\nEerste alinea.\nTweede regel.\n\nLaatste.", encoding="utf-8")
    letter = read_letter(path)
    second = letter.blocks[1]
    assert second.text == "Eerste alinea.\nTweede regel."
    assert letter.text[second.start : second.end] == second.text
    start = letter.text.index("Tweede")
    assert letter.locate(start, start + 6).as_dict() == {
        "part": "text", "paragraph": 1, "start": 15, "end": 21, "line": 5, "column": 1, "end_line": 5, "end_column": 7,
    }


# -- Word files ---------------------------------------------------------------


def test_docx_body_table_header_footer_and_text_box():
    data = docx_bytes(
        ["Geachte heer Jansen,", "Wij hebben uw aanvraag ontvangen."],
        header=["Gemeente Voorbeeldstad"],
        footer=["Telefoon 14 030", "www.voorbeeldstad.nl"],
        table=[("Ons kenmerk", "2027-001")],
        textbox=["De heer J. Jansen", "Dorpsstraat 1"],
    )
    letter = read_letter_bytes(data, "brief.docx")
    texts = [b.text for b in letter.blocks]
    assert texts == [
        "Gemeente Voorbeeldstad",
        "De heer J. Jansen",
        "Dorpsstraat 1",
        "Ons kenmerk",
        "2027-001",
        "Geachte heer Jansen,",
        "Wij hebben uw aanvraag ontvangen.",
        "Telefoon 14 030",
        "www.voorbeeldstad.nl",
    ]
    parts = {b.text: b.location.part for b in letter.blocks}
    assert parts["Gemeente Voorbeeldstad"].startswith("header:word/header")
    assert parts["www.voorbeeldstad.nl"].startswith("footer:word/footer")
    assert parts["Ons kenmerk"] == "body"
    table_cells = [b for b in letter.blocks if b.in_table]
    assert [b.text for b in table_cells] == ["Ons kenmerk", "2027-001"]


def test_docx_paragraph_index_points_back_to_the_word_paragraph():
    import docx

    data = docx_bytes(["Eerste alinea.", "", "Derde alinea met een fout."])
    letter = read_letter_bytes(data, "brief.docx")
    block = letter.blocks[-1]
    paragraphs = list(docx.Document(io.BytesIO(data)).element.body.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"))
    location = block.location
    assert location.part == "body"
    source = "".join(t.text for t in paragraphs[location.paragraph].iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))
    assert source == "Derde alinea met een fout."
    assert block.gap_before  # the empty paragraph separates it


def test_docx_merge_fields_are_placeholders_and_bold_is_kept():
    data = docx_bytes(
        ["Geachte heer Pietersen,", "LET OP: betaal vóór 1 maart."],
        merge_field=("Achternaam", "Pietersen"),
        bold="LET OP",
    )
    letter = read_letter_bytes(data, "brief.docx")
    name_start = letter.text.index("Pietersen")
    assert (name_start, name_start + len("Pietersen")) in letter.placeholders
    warning = next(b for b in letter.blocks if b.text.startswith("LET OP"))
    assert warning.bold == ((0, 6),)


def test_word_template_is_read_like_a_document():
    data = docx_bytes(["Dit is een sjabloon."])
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as copy:
        for item in source.infolist():
            body = source.read(item)
            if item.filename == "[Content_Types].xml":
                body = body.replace(b"document.main+xml", b"template.main+xml")
            copy.writestr(item, body)
    assert read_letter_bytes(out.getvalue(), "sjabloon.dotx").text == "Dit is een sjabloon."


# -- bad input ------------------------------------------------------------------


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in entries.items():
            archive.writestr(name, body)
    return out.getvalue()


def _macro_document() -> bytes:
    source = zipfile.ZipFile(io.BytesIO(docx_bytes(["Brief met macro."])))
    entries = {item.filename: source.read(item) for item in source.infolist()}
    entries["[Content_Types].xml"] = entries["[Content_Types].xml"].replace(
        b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml")
    entries["word/vbaProject.bin"] = b"\0" * 100
    return _zip(entries)


def _encrypted_docx() -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = io.BytesIO(docx_bytes(["Geheime brief."]))
    encrypted = io.BytesIO()
    OOXMLFile(plain).encrypt("geheim", encrypted)
    return encrypted.getvalue()


BAD_INPUTS = {
    "corrupt-docx": (lambda: docx_bytes(["Brief"])[:2000], "brief.docx", "corrupt"),
    "zip-not-word": (lambda: _zip({"readme.txt": b"hallo"}), "brief.docx", "corrupt"),
    "legacy-doc": (lambda: compound_file("WordDocument"), "brief.doc", "legacy-doc"),
    "password-docx": (_encrypted_docx, "brief.docx", "password"),
    "docm": (_macro_document, "brief.docm", "macro"),
    "zip-bomb": (lambda: _zip({"[Content_Types].xml": b"<a/>", "word/document.xml": b"\0" * 400_000_000}),
                 "brief.docx", "zip-bomb"),
    "odt": (lambda: _zip({"mimetype": b"application/vnd.oasis.opendocument.text"}), "brief.odt", "unsupported"),
    "pdf": (lambda: b"%PDF-1.7\n...", "brief.pdf", "unsupported"),
    "empty-txt": (lambda: b"", "brief.txt", "empty"),
    "blank-docx": (lambda: docx_bytes(["", "   "]), "brief.docx", "empty"),
    "binary-junk": (lambda: bytes(range(256)) * 40, "brief.txt", "binary"),
    "cp1252-junk": (lambda: bytes([65 + i % 26 if i % 7 else 1 for i in range(3000)]), "brief.txt", "binary"),
    "undecodable": (lambda: "Géén".encode()[:-1] + b"\x81\x8d tekst", "brief.txt", "encoding"),
    "unknown-type": (lambda: b"hallo", "brief.xlsx", "unsupported"),
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_bad_input_gets_a_dutch_error(case):
    make, name, code = BAD_INPUTS[case]
    with pytest.raises(LetterError) as caught:
        read_letter_bytes(make(), name)
    assert caught.value.code == code
    message = caught.value.message
    assert message and message[0].isupper() and message.endswith((".", "?"))
    assert "Error" not in message and "Traceback" not in message


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "groot.txt"
    path.write_bytes(b"a" * 2048)
    with pytest.raises(LetterError) as caught:
        read_letter(path, max_bytes=1024)
    assert caught.value.code == "too-large"
    assert "te groot" in caught.value.message


def test_text_too_long_for_a_letter_is_refused():
    with pytest.raises(LetterError) as caught:
        read_letter_bytes(("Dit is een zin. " * 30_000).encode(), "lang.txt")  # 120,000 words
    assert caught.value.code == "too-long"
    assert "te lang" in caught.value.message


def test_oversized_xml_part_is_refused_before_parsing():
    data = _zip({"[Content_Types].xml": b"<a/>", "word/document.xml": b"<w/>" + b" " * 30_000_000})
    with pytest.raises(LetterError) as caught:
        read_letter_bytes(data, "brief.docx")
    assert caught.value.code == "zip-bomb"


def test_missing_file(tmp_path):
    with pytest.raises(LetterError) as caught:
        read_letter(tmp_path / "weg.docx")
    assert caught.value.code == "not-found"
