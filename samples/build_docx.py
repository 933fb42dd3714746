"""Build Word versions (.docx) of some sample letters, so lettercheck reads real documents.

Run from the repository root:

    .venv/bin/python samples/build_docx.py            # build the .docx files and verify them
    .venv/bin/python samples/build_docx.py --check    # only verify the existing files

Each .docx is written next to its .txt source (``samples/<name>.docx``).

Layout convention
-----------------
The .txt letters are split into blocks at blank lines. A letter is turned into
Word structure as follows:

1. **Letterhead**: the first block (sender: organisation, department, postal
   address) goes into the page header, one Word paragraph per line; the first
   line is bold.
2. **Addressee**: the second block (name, street, postcode and town) goes into a
   real text box: a ``w:txbxContent`` inside ``wps:wsp`` inside ``a:graphic`` of a
   ``wp:anchor`` drawing, wrapped in ``mc:AlternateContent`` with only an
   ``mc:Choice Requires="wps"`` (no VML fallback; Word 2010 and later open it).
   The drawing sits in a run of an otherwise empty body paragraph, anchored to
   that paragraph with top-and-bottom wrapping, where a window envelope expects it.
3. **Reference lines**: blocks before the salutation whose lines all look like
   ``Label: value`` (``Datum:``, ``Ons kenmerk:``, ``Onderwerp:``, ...) become a
   two-column table (label | value), one row per line. Other lines before the
   salutation (such as ``Voorbeeldstad, 8 februari 2027``) stay body paragraphs.
4. **Body**: every line becomes its own Word paragraph; lines of one .txt block
   are consecutive paragraphs, and between blocks one empty paragraph keeps the
   white space of the .txt (the way people space letters in Word).

   - bullet lines (``- `` or ``• ``) become paragraphs in the ``List Bullet``
     style, without the marker;
   - headings (a short line of at most 8 words, no closing full stop, comma,
     colon, semicolon or exclamation mark, followed by more text) become
     paragraphs with one bold run; their text is unchanged;
   - in bad letters, text written in CAPITALS (two or more capitalised words in a
     row, or one capitalised word of four or more letters that is not a known
     abbreviation such as ``BANK`` in an account number) becomes a bold run,
     with any exclamation marks directly after it; this also applies to the
     table values (``Onderwerp: AANMANING ...``).
5. **Merge fields**: a placeholder written ``«Naam»`` or ``«Aanhef»`` (any
   ``«...»``) becomes a real Word MERGEFIELD: runs with ``w:fldChar`` begin,
   ``w:instrText`` `` MERGEFIELD Naam ``, ``w:fldChar`` separate, a result run
   with the text ``«Naam»``, and ``w:fldChar`` end. The visible text stays
   ``«Naam»``, exactly as Word shows an unmerged field. This works in the text
   box, the table and the body. Other placeholder styles (``{{ naam }}``,
   ``[datum]`` ...) stay plain text.
6. **Footer**: for good letters the contact lines of the last "Heeft u
   vragen?" part (the lines with telephone, e-mail and website, without their
   bullet marker) are repeated in the page footer, under the organisation name.
   Bad letters get no footer.
7. **Closing and signature**: ordinary paragraphs, as in the .txt.

Page: A4, margins 2.5 cm (top 3 cm), Arial 10.5 pt.

Determinism: the core properties are fixed (author and last-modified-by
"lettercheck samples", created and modified 2027-01-01 09:00 UTC, revision 1,
title = the subject line), the only drawing has ``docPr id="1"``, and the zip
entries get a fixed timestamp, so rebuilding gives byte-identical files (the
``--check`` run compares a fresh build with the files on disk).

Verification (run after every build): each .docx is opened again with
python-docx and checked: header = letterhead lines, text box = addressee lines,
table = reference lines, every other line of the .txt is a body paragraph with
the same text, bullets have the List Bullet style, headings and capitals are
bold, every ``«...»`` is a MERGEFIELD whose result is the same text, and the
footer of a good letter holds phone, e-mail and website. When the lettercheck
package can be imported, its own reader must read the .docx back to the same
lines, with the merge fields registered as placeholders.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt
from docx.text.paragraph import Paragraph

SAMPLES = Path(__file__).resolve().parent

LETTERS: dict[str, str] = {
    "aanmaning-slecht": "bad",
    "aanmaning-goed": "good",
    "vooraankondiging-dwangbevel": "bad",
    "besluit-bijzondere-bijstand-slecht": "bad",
    "uitnodiging-welkomstgesprek-goed": "good",
}
"""Letters to build (file stem -> quality). Only bad letters get bold capitals, only good ones a footer."""

FIXED_TIME = dt.datetime(2027, 1, 1, 9, 0, 0, tzinfo=dt.UTC)
AUTHOR = "lettercheck samples"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

BLOCK_SPLIT = re.compile(r"\n[ \t]*\n+")
BULLET = re.compile(r"^\s*[-•]\s+")
FIELD_LINE = re.compile(r"^([A-ZÀ-Þ][\w()/ .-]{0,40}?):\s+(\S.*)$")
SALUTATION = re.compile(r"^(geachte|beste|hallo|«[^»]+»\s*,)", re.I)
CLOSING = re.compile(r"^(met )?(vriendelijke|hartelijke) groet(en)?\s*,?$|^hoogachtend\s*,?$", re.I)
HEADING_END = re.compile(r"[.,;:!]$")
MERGE_FIELD = re.compile(r"«([^«»\n]{1,60})»")
CAPS_RUN = re.compile(r"\b[A-ZÀ-Þ]{2,}(?:[ \t]+[A-ZÀ-Þ]{2,})*\b!*")
CAPS_WORD = re.compile(r"[A-ZÀ-Þ]{2,}")
ABBREVIATIONS = frozenset({"BANK", "IBAN", "BSN", "BKR", "OZB", "WOZ", "UWV", "CAK", "CJIB", "BV", "NV", "DUO"})
CONTACT_LINE = re.compile(r"^(telefoon|tel\.?|e-?mail|website|internet)\s*:", re.I)

EMU_PER_CM = 360000
TEXTBOX_WIDTH = Emu(8 * EMU_PER_CM)
TEXTBOX_HEIGHT = Emu(int(2.6 * EMU_PER_CM))


# -- reading the .txt -------------------------------------------------------


@dataclass
class LetterLayout:
    """A .txt letter sorted into the parts of the Word layout."""

    name: str
    quality: str
    letterhead: list[str]
    addressee: list[str]
    fields: list[tuple[str, str]]
    pre_lines: list[list[str]]
    """Blocks before the salutation that are not label: value lines (kept as body paragraphs)."""
    body: list[list[str]]
    """Blocks from the salutation up to and including the signature."""
    footer: list[str] = field(default_factory=list)

    @property
    def subject(self) -> str:
        return next((value for label, value in self.fields if label.lower() in ("onderwerp", "betreft")), self.name)


def read_layout(path: Path, quality: str) -> LetterLayout:
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    blocks = [[line.rstrip() for line in block.split("\n") if line.strip()]
              for block in BLOCK_SPLIT.split(text.strip())]
    if len(blocks) < 4:
        raise SystemExit(f"{path.name}: expected letterhead, addressee, reference lines and a body")
    letterhead, addressee, rest = blocks[0], blocks[1], blocks[2:]
    fields: list[tuple[str, str]] = []
    pre: list[list[str]] = []
    index = 0
    while index < len(rest) and not SALUTATION.match(rest[index][0]):
        block = rest[index]
        matches = [FIELD_LINE.match(line) for line in block]
        if all(matches):
            fields.extend((m.group(1), m.group(2)) for m in matches)
        else:
            pre.append(block)
        index += 1
    if index == len(rest):
        raise SystemExit(f"{path.name}: no salutation found")
    layout = LetterLayout(path.stem, quality, letterhead, addressee, fields, pre, rest[index:])
    if quality == "good":
        layout.footer = [letterhead[0], *contact_lines(layout.body)]
    return layout


def contact_lines(body: list[list[str]]) -> list[str]:
    """Telephone, e-mail and website lines of the last questions/contact part."""
    lines = [line for block in body for line in block]
    starts = [i for i, line in enumerate(lines) if "vragen" in line.lower() and line.endswith("?")]
    start = starts[-1] if starts else 0
    found = [BULLET.sub("", line) for line in lines[start:] if CONTACT_LINE.match(BULLET.sub("", line))]
    if not found:
        raise SystemExit("a good letter needs telephone, e-mail or website lines for the footer")
    return found


def is_heading(line: str, followed: bool) -> bool:
    return (
        followed
        and not BULLET.match(line)
        and len(line.split()) <= 8
        and not HEADING_END.search(line)
        and not SALUTATION.match(line)
        and not CLOSING.match(line)
    )


def body_kinds(body: list[list[str]]) -> list[list[str]]:
    """``bullet``, ``heading`` or ``text`` for every body line; after the closing everything is text."""
    kinds: list[list[str]] = []
    closed = False
    for block_index, block in enumerate(body):
        kinds.append([])
        for line_index, line in enumerate(block):
            followed = line_index + 1 < len(block) or block_index + 1 < len(body)
            if BULLET.match(line):
                kind = "bullet"
            elif not closed and is_heading(line, followed):
                kind = "heading"
            else:
                kind = "text"
            closed = closed or bool(CLOSING.match(line))
            kinds[-1].append(kind)
    return kinds


def caps_spans(text: str) -> list[tuple[int, int]]:
    """Ranges of shouted text: capitalised words that are not abbreviations."""
    spans = []
    for match in CAPS_RUN.finditer(text):
        words = CAPS_WORD.findall(match.group())
        if len(words) >= 2 or (len(words[0]) >= 4 and words[0] not in ABBREVIATIONS):
            spans.append(match.span())
    return spans


# -- writing Word structure ---------------------------------------------------


def _field_char(kind: str):
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run.append(char)
    return run


def add_merge_field(paragraph: Paragraph, name: str, shown: str) -> None:
    """A complex MERGEFIELD whose (unmerged) result shows ``shown``."""
    p = paragraph._p
    p.append(_field_char("begin"))
    instruction_run = OxmlElement("w:r")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = f" MERGEFIELD {name} "
    instruction_run.append(instruction)
    p.append(instruction_run)
    p.append(_field_char("separate"))
    paragraph.add_run(shown)
    p.append(_field_char("end"))


def add_text(paragraph: Paragraph, text: str, *, bold: bool = False, shout_bold: bool = False) -> None:
    """Add ``text`` as runs: merge fields for «...», bold runs for headings and shouted capitals."""
    position = 0
    for match in MERGE_FIELD.finditer(text):
        _add_plain(paragraph, text[position : match.start()], bold, shout_bold)
        add_merge_field(paragraph, match.group(1).strip().replace(" ", "_"), match.group())
        position = match.end()
    _add_plain(paragraph, text[position:], bold, shout_bold)


def _add_plain(paragraph: Paragraph, text: str, bold: bool, shout_bold: bool) -> None:
    if not text:
        return
    spans = caps_spans(text) if shout_bold and not bold else []
    position = 0
    for start, end in spans:
        if start > position:
            paragraph.add_run(text[position:start])
        paragraph.add_run(text[start:end]).bold = True
        position = end
    if position < len(text):
        run = paragraph.add_run(text[position:])
        if bold:
            run.bold = True


TEXTBOX_XML = (
    '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
    ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    '<mc:Choice Requires="wps">'
    "<w:drawing>"
    '<wp:anchor distT="0" distB="114300" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264"'
    ' behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
    '<wp:simplePos x="0" y="0"/>'
    '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
    '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
    '<wp:extent cx="{cx}" cy="{cy}"/>'
    '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
    "<wp:wrapTopAndBottom/>"
    '<wp:docPr id="1" name="Adresvak"/>'
    "<wp:cNvGraphicFramePr/>"
    "<a:graphic>"
    '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    "<wps:wsp>"
    '<wps:cNvSpPr txBox="1"/>'
    "<wps:spPr>"
    '<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
    "<a:noFill/>"
    "<a:ln><a:noFill/></a:ln>"
    "</wps:spPr>"
    "<wps:txbx><w:txbxContent/></wps:txbx>"
    '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t" anchorCtr="0">'
    "<a:noAutofit/>"
    "</wps:bodyPr>"
    "</wps:wsp>"
    "</a:graphicData>"
    "</a:graphic>"
    "</wp:anchor>"
    "</w:drawing>"
    "</mc:Choice>"
    "</mc:AlternateContent>"
)


def add_textbox(document, lines: list[str], shout_bold: bool) -> None:
    """An anchored text box holding ``lines`` (the addressee block) in a body paragraph of its own."""
    anchor_paragraph = document.add_paragraph()
    run = anchor_paragraph.add_run()
    content = parse_xml(TEXTBOX_XML.replace("{cx}", str(int(TEXTBOX_WIDTH))).replace("{cy}", str(int(TEXTBOX_HEIGHT))))
    run._r.append(content)
    box = content.find(".//" + qn("w:txbxContent"))
    for line in lines:
        p = OxmlElement("w:p")
        box.append(p)
        add_text(Paragraph(p, anchor_paragraph._parent), line, shout_bold=shout_bold)


def add_fields_table(document, fields: list[tuple[str, str]], shout_bold: bool) -> None:
    table = document.add_table(rows=0, cols=2)
    table.autofit = False
    table.columns[0].width, table.columns[1].width = Cm(4), Cm(12)
    for label, value in fields:
        cells = table.add_row().cells
        cells[0].width, cells[1].width = Cm(4), Cm(12)
        cells[0].paragraphs[0].add_run(label)
        add_text(cells[1].paragraphs[0], value, shout_bold=shout_bold)


def build_document(layout: LetterLayout):
    """The python-docx Document for one letter."""
    document = docx.Document()
    shout_bold = layout.quality == "bad"

    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10.5)

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(3), Cm(2.5)
    section.header_distance = section.footer_distance = Cm(1.25)

    header = section.header
    header.is_linked_to_previous = False
    for index, line in enumerate(layout.letterhead):
        paragraph = header.paragraphs[0] if index == 0 else header.add_paragraph()
        add_text(paragraph, line, bold=index == 0)

    if layout.footer:
        footer = section.footer
        footer.is_linked_to_previous = False
        for index, line in enumerate(layout.footer):
            paragraph = footer.paragraphs[0] if index == 0 else footer.add_paragraph()
            add_text(paragraph, line, bold=index == 0)
            for run in paragraph.runs:
                run.font.size = Pt(8)

    add_textbox(document, layout.addressee, shout_bold)
    for block in layout.pre_lines:
        for line in block:
            add_text(document.add_paragraph(), line, shout_bold=shout_bold)
        document.add_paragraph()
    if layout.fields:
        add_fields_table(document, layout.fields, shout_bold)
        document.add_paragraph()

    for block_index, (block, kinds) in enumerate(zip(layout.body, body_kinds(layout.body), strict=True)):
        if block_index:
            document.add_paragraph()
        for line, kind in zip(block, kinds, strict=True):
            if kind == "bullet":
                add_text(document.add_paragraph(style="List Bullet"), BULLET.sub("", line), shout_bold=shout_bold)
            elif kind == "heading":
                add_text(document.add_paragraph(), line, bold=True)
            else:
                add_text(document.add_paragraph(), line, shout_bold=shout_bold)

    properties = document.core_properties
    properties.author = AUTHOR
    properties.last_modified_by = AUTHOR
    properties.created = FIXED_TIME
    properties.modified = FIXED_TIME
    properties.revision = 1
    properties.title = layout.subject
    properties.comments = "Sample letter for lettercheck, built from samples/" + layout.name + ".txt"
    return document


def build_bytes(layout: LetterLayout) -> bytes:
    """The .docx file as bytes, with fixed zip timestamps."""
    raw = io.BytesIO()
    build_document(layout).save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()


# -- verification -------------------------------------------------------------

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _xml_text(paragraph_element) -> str:
    """Visible text of a text-box paragraph: its w:t elements (field codes are w:instrText, left out)."""
    return "".join(node.text or "" for node in paragraph_element.iter(f"{W_NS}t"))


def _bold_text(paragraph: Paragraph) -> str:
    return "".join(run.text for run in paragraph.runs if run.bold)


def verify(path: Path, layout: LetterLayout) -> dict[str, int]:
    """Open ``path`` again and check it against the layout; returns counts for the summary."""
    problems: list[str] = []
    document = docx.Document(str(path))
    section = document.sections[0]

    header = [p.text for p in section.header.paragraphs if p.text.strip()]
    if header != layout.letterhead:
        problems.append(f"header {header!r} != letterhead {layout.letterhead!r}")

    body = document.element.body
    boxes = body.findall(".//" + qn("w:txbxContent"))
    box_lines = [_xml_text(p) for box in boxes for p in box.iter(qn("w:p"))]
    if len(boxes) != 1 or box_lines != layout.addressee:
        problems.append(f"text box {box_lines!r} != addressee {layout.addressee!r}")
    anchors = body.findall(".//" + "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}anchor")
    if len(anchors) != 1:
        problems.append("expected one wp:anchor drawing")

    rows = [(row.cells[0].text, row.cells[1].text) for table in document.tables for row in table.rows]
    if rows != layout.fields:
        problems.append(f"table {rows!r} != reference lines {layout.fields!r}")

    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    expected = [BULLET.sub("", line) for block in layout.pre_lines + layout.body for line in block]
    got = [p.text for p in paragraphs]
    if got != expected:
        missing = [line for line in expected if line not in got]
        extra = [line for line in got if line not in expected]
        problems.append(f"body paragraphs differ; missing {missing[:3]!r}, extra {extra[:3]!r}")

    body_lines = [line for block in layout.body for line in block]
    bullets = sum(1 for line in body_lines if BULLET.match(line))
    styled = sum(1 for p in paragraphs if p.style.name == "List Bullet")
    if bullets != styled:
        problems.append(f"{bullets} bullet lines but {styled} List Bullet paragraphs")

    headings = 0
    by_text = {p.text: p for p in paragraphs}
    for block, kinds in zip(layout.body, body_kinds(layout.body), strict=True):
        for line, kind in zip(block, kinds, strict=True):
            if kind == "heading":
                headings += 1
                if _bold_text(by_text[line]) != line:
                    problems.append(f"heading not bold: {line!r}")
            elif kind == "text" and layout.quality == "good" and _bold_text(by_text[line]):
                problems.append(f"unexpected bold text: {line!r}")

    shouted = 0
    if layout.quality == "bad":
        for paragraph in paragraphs + [c.paragraphs[0] for t in document.tables for r in t.rows for c in r.cells]:
            for start, end in caps_spans(paragraph.text):
                shouted += 1
                if paragraph.text[start:end] not in _bold_text(paragraph):
                    problems.append(f"capitals not bold: {paragraph.text[start:end]!r}")
        if not shouted and any(caps_spans(line) for block in layout.body for line in block):
            problems.append("capitals expected")

    instructions = [node.text for node in body.iter(qn("w:instrText"))]
    placeholders = [m.group(1) for line in layout.addressee + [v for _, v in layout.fields] + body_lines
                    for m in MERGE_FIELD.finditer(line)]
    wanted = [f" MERGEFIELD {name.strip().replace(' ', '_')} " for name in placeholders]
    if instructions != wanted:
        problems.append(f"merge fields {instructions!r} != {wanted!r}")
    begins = sum(1 for node in body.iter(qn("w:fldChar")) if node.get(qn("w:fldCharType")) == "begin")
    if begins != len(wanted):
        problems.append("fldChar begin count differs from the number of merge fields")

    footer = [p.text for p in section.footer.paragraphs if p.text.strip()] if layout.footer else []
    if layout.quality == "good":
        joined = " ".join(footer)
        for needle, label in ((r"\d{2,3}[ -]", "phone"), (r"@", "e-mail"), (r"www\.", "website")):
            if not re.search(needle, joined):
                problems.append(f"footer lacks {label}: {footer!r}")
        if footer != layout.footer:
            problems.append(f"footer {footer!r} != {layout.footer!r}")

    properties = document.core_properties
    if properties.author != AUTHOR or properties.created != FIXED_TIME or properties.modified != FIXED_TIME:
        problems.append("core properties are not the fixed ones")

    problems.extend(_verify_with_lettercheck(path, layout))
    if problems:
        raise SystemExit(f"{path.name}: " + "; ".join(problems))
    return {
        "paragraphs": len(paragraphs),
        "bullets": styled,
        "headings": headings,
        "table rows": len(rows),
        "header lines": len(header),
        "text box lines": len(box_lines),
        "footer lines": len(footer),
        "merge fields": len(instructions),
        "bold capitals": shouted,
    }


def _verify_with_lettercheck(path: Path, layout: LetterLayout) -> list[str]:
    """Read the .docx with lettercheck's own reader, when the package is importable."""
    sys.dont_write_bytecode = True  # do not leave __pycache__ behind in the package
    sys.path.insert(0, str(SAMPLES.parent))
    try:
        from lettercheck.readers import read_letter
    except Exception:  # the reader is optional for this script
        return []
    finally:
        sys.path.pop(0)
    letter = read_letter(path)
    lines = [line for block in letter.blocks for line in block.text.split("\n")]
    expected = (
        layout.letterhead
        + layout.addressee
        + [part for label, value in layout.fields for part in (label, value)]
        + [BULLET.sub("", line) for block in layout.pre_lines + layout.body for line in block]
        + layout.footer
    )
    problems = []
    if lines != expected:
        problems.append("lettercheck reader gives other lines than the .txt")
    fields = [letter.text[s:e] for b in letter.blocks for s, e in ((b.start + x, b.start + y) for x, y in b.fields)]
    expected_fields = [m.group() for line in expected for m in MERGE_FIELD.finditer(line)]
    if fields != expected_fields:
        problems.append(f"lettercheck sees merge fields {fields!r}, expected {expected_fields!r}")
    return problems


# -- main ---------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="only verify the existing .docx files")
    args = parser.parse_args(argv)

    for name, quality in LETTERS.items():
        source = SAMPLES / f"{name}.txt"
        target = SAMPLES / f"{name}.docx"
        layout = read_layout(source, quality)
        data = build_bytes(layout)
        if args.check:
            if not target.exists():
                raise SystemExit(f"{target.name} is missing; run without --check")
            same = target.read_bytes() == data
        else:
            target.write_bytes(data)
            same = build_bytes(layout) == data
        counts = verify(target, layout)
        digest = hashlib.sha256(target.read_bytes()).hexdigest()[:12]
        summary = ", ".join(f"{key} {value}" for key, value in counts.items())
        print(f"{target.name:42} {quality:4} ok  {summary}; deterministic {'yes' if same else 'NO'} ({digest})")
        if not same:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
