from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture(scope="session")
def checker():
    from lettercheck.engine import Checker

    return Checker()


@pytest.fixture(scope="session")
def nlp():
    from lettercheck.nlp import load_pipeline

    return load_pipeline()


def docx_bytes(
    paragraphs: list[str],
    *,
    header: list[str] = (),
    footer: list[str] = (),
    table: list[tuple[str, str]] = (),
    textbox: list[str] = (),
    merge_field: tuple[str, str] | None = None,
    bold: str | None = None,
) -> bytes:
    """A real .docx built with python-docx, with the Word structures letters use."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    section = document.sections[0]
    for number, text in enumerate(header):
        paragraph = section.header.paragraphs[0] if number == 0 else section.header.add_paragraph()
        paragraph.text = text
    for number, text in enumerate(footer):
        paragraph = section.footer.paragraphs[0] if number == 0 else section.footer.add_paragraph()
        paragraph.text = text
    if textbox:
        host = document.add_paragraph()
        content = "".join(f'<w:p><w:r><w:t xml:space="preserve">{line}</w:t></w:r></w:p>' for line in textbox)
        # The same text box twice, as Word writes it: DrawingML in mc:Choice, VML in mc:Fallback.
        host._p.append(parse_xml(
            f'<w:r xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
            f'<mc:Choice Requires="wps"><w:pict><v:shape><v:textbox><w:txbxContent>{content}</w:txbxContent>'
            f'</v:textbox></v:shape></w:pict></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>'
            f'{content}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
        ))
    if table:
        grid = document.add_table(rows=len(table), cols=2)
        for row, (label, value) in zip(grid.rows, table, strict=True):
            row.cells[0].text, row.cells[1].text = label, value
    for text in paragraphs:
        paragraph = document.add_paragraph()
        if merge_field and merge_field[1] in text:
            before, after = text.split(merge_field[1], 1)
            paragraph.add_run(before)
            for xml in _merge_field_runs(*merge_field):
                paragraph._p.append(parse_xml(xml))
            paragraph.add_run(after)
        elif bold and bold in text:
            before, after = text.split(bold, 1)
            paragraph.add_run(before)
            paragraph.add_run(bold).bold = True
            paragraph.add_run(after)
        else:
            paragraph.add_run(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _merge_field_runs(field: str, result: str) -> list[str]:
    run = f'<w:r xmlns:w="{W_NS}">{{}}</w:r>'
    return [
        run.format('<w:fldChar w:fldCharType="begin"/>'),
        run.format(f'<w:instrText xml:space="preserve"> MERGEFIELD {field} </w:instrText>'),
        run.format('<w:fldChar w:fldCharType="separate"/>'),
        run.format(f"<w:t>{result}</w:t>"),
        run.format('<w:fldChar w:fldCharType="end"/>'),
    ]


def compound_file(stream_name: str, size: int = 4096) -> bytes:
    """A minimal OLE compound file with one stream, the container of .doc and encrypted Office files."""
    sector, end, free, fat_sector = 512, 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    data_sectors = size // sector
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\0" * 16, 0x3E, 3, 0xFFFE, 9, 6, b"\0" * 6,
        0, 1, 1, 0, 4096, end, 0, end, 0, 0,
    ) + struct.pack("<108I", *([free] * 108))
    fat = [fat_sector, end] + [3 + i if i < data_sectors - 1 else end for i in range(data_sectors)]
    fat_bytes = struct.pack(f"<{sector // 4}I", *(fat + [free] * (sector // 4 - len(fat))))

    def entry(name: str, kind: int, child: int, start: int, length: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        return struct.pack(
            "<64sHBBIII16sIQQIII", encoded, len(encoded), kind, 1, free, free, child, b"\0" * 16, 0, 0, 0,
            start, length, 0,
        )

    directory = entry("Root Entry", 5, 1, end, 0) + entry(stream_name, 2, free, 2, size)
    directory += entry("", 0, free, 0, 0) * 2
    return header + fat_bytes + directory + b"\x42" * size
