"""Word output: `lettercheck annotate` (comments on the findings) and edits applied to the runs."""

from __future__ import annotations

import copy
import io
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from conftest import ROOT, SAMPLES, W_NS, docx_bytes
from docx.text.run import Run
from lxml import etree

from lettercheck.engine import Analysis
from lettercheck.model import Edit, Finding, Fix
from lettercheck.readers import ordered_parts, part_paragraphs, read_letter, read_letter_bytes, read_paragraph
from lettercheck.writers.docx import annotate, apply_edits, summary_anchor

W = f"{{{W_NS}}}"
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
CHANGED_BY_COMMENTS = {"word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"}
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (.ci/run installs it)")


# -- letters ----------------------------------------------------------------


def png() -> bytes:
    """A 1x1 PNG, the smallest image python-docx can place."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    size = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1x1, 8-bit RGB
    pixel = zlib.compress(b"\0\xff\0\0")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", size) + chunk(b"IDAT", pixel) + chunk(b"IEND", b"")


def built_letter() -> bytes:
    """A letter with the Word structures of real letters, and findings that start and end inside runs."""
    document = docx.Document(io.BytesIO(docx_bytes(
        [
            "Geachte heer Jansen,",
            "Wij hebben uw aanvraag ontvangen. Indien u vragen heeft, kunt u ons bellen.",
            "Wij vragen u het bedrag binnen 14 dagen te voldoen aan de gemeente.",
            "Beste «Naam», wij helpen u graag als het betalen niet lukt.",
        ],
        header=["Gemeente Voorbeeldstad", "Postbus 1, 1000 AA Voorbeeldstad"],
        footer=["Telefoon 14 020 · www.voorbeeldstad.nl"],
        table=[("Bedrag", "€ 125,00"), ("Kosten", "€ 15,00")],
        textbox=["De heer J. Jansen", "Dorpsstraat 1"],
        merge_field=("Naam", "«Naam»"),
        bold="binnen 14 dagen te voldoen",
    )))
    italic = document.add_paragraph()
    italic.add_run("U kunt ")
    italic.add_run("bezwaar maken").italic = True
    italic.add_run(" binnen zes weken.")
    # One run of several w:t, w:tab and w:br children; the finding starts after the break.
    document.add_paragraph().add_run("Heeft u vragen?\tBel ons gerust.\nIndien nodig komen wij bij u langs.")
    picture = document.add_paragraph()
    picture.add_run("Indien u dit logo ziet, ").add_picture(io.BytesIO(png()))  # text and image in one run
    picture.add_run("is de brief echt van ons.")
    document.add_paragraph("Met vriendelijke groet,")
    document.add_paragraph("Team Belastingen")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@dataclass
class Case:
    letter_path: Path
    output: Path
    result: subprocess.CompletedProcess
    analysis: Analysis


def annotate_cli(path: Path, *extra: str) -> subprocess.CompletedProcess:
    """The command as tests/test_cli.py runs it: from the repository, whose pyproject.toml has no settings."""
    return subprocess.run([sys.executable, "-m", "lettercheck", "annotate", str(path), *extra],
                          capture_output=True, text=True, cwd=ROOT)


SAMPLE_DOCX = sorted(SAMPLES.glob("*.docx"))
CASES = [*(p.name for p in SAMPLE_DOCX), "built.docx", "aanmaning-slecht.txt"]


@pytest.fixture(scope="module")
def annotated(tmp_path_factory, checker):
    """The letter annotated by the command, once per letter: samples with the default output name, built with -o."""
    cases: dict[str, Case] = {}

    def get(name: str) -> Case:
        if name not in cases:
            folder = tmp_path_factory.mktemp("annotate")
            letter_path = folder / name
            if name == "built.docx":
                letter_path.write_bytes(built_letter())
                output = folder / "met-opmerkingen.docx"
                result = annotate_cli(letter_path, "-o", str(output))
            else:
                shutil.copy(SAMPLES / name, letter_path)
                output = folder / f"{letter_path.stem}.lettercheck.docx"
                result = annotate_cli(letter_path)
            cases[name] = Case(letter_path, output, result, checker.analyse(read_letter(letter_path)))
        return cases[name]

    return get


@pytest.fixture(params=CASES)
def case(request, annotated) -> Case:
    return annotated(request.param)


# -- reading the output back --------------------------------------------------


def commented_text(root) -> dict[str, str]:
    """Per comment id, the text between its w:commentRangeStart and w:commentRangeEnd, in document order."""
    texts: dict[str, list[str]] = {}
    open_ids: set[str] = set()
    for element in root.iter():
        if any(ancestor.tag == FALLBACK for ancestor in element.iterancestors()):
            continue
        tag = element.tag
        if tag == f"{W}commentRangeStart":
            open_ids.add(element.get(f"{W}id"))
            texts[element.get(f"{W}id")] = []
        elif tag == f"{W}commentRangeEnd":
            open_ids.discard(element.get(f"{W}id"))
        for comment_id in open_ids:
            if tag == f"{W}t":
                texts[comment_id].append(element.text or "")
            elif tag in (f"{W}br", f"{W}tab"):
                texts[comment_id].append("\n" if tag == f"{W}br" else "\t")
            elif tag == f"{W}p" and texts[comment_id]:
                texts[comment_id].append("\n")
    return {comment_id: "".join(parts) for comment_id, parts in texts.items()}


def formatted_paragraphs(document) -> list[tuple[str, list[bytes]]]:
    """Every paragraph of every part: its text and, per character, the run properties of its run."""
    found = []
    for part in ordered_parts(document):
        for paragraph in part_paragraphs(part.element):
            read = read_paragraph(paragraph)
            properties = []
            for run, _, length in read.runs:
                rpr = run.find(f"{W}rPr")
                properties += [etree.tostring(rpr, method="c14n") if rpr is not None else b""] * length
            found.append((read.text, properties))
    return found


def structure(document) -> dict:
    """What comments and edits must leave alone: paragraph and section settings, tables, fields, images."""
    body = document.element.body
    return {
        "paragraph properties": [etree.tostring(p, method="c14n") for p in body.iter(f"{W}pPr")],
        "sections": [etree.tostring(s, method="c14n") for s in body.iter(f"{W}sectPr")],
        "tables": [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables],
        "headers": [[p.text for p in s.header.paragraphs] for s in document.sections],
        "footers": [[p.text for p in s.footer.paragraphs] for s in document.sections],
        "counts": {xpath: len(body.xpath(xpath))
                   for xpath in (".//w:tbl", ".//w:tc", ".//w:drawing", ".//a:blip", ".//w:fldChar", ".//w:instrText",
                                 ".//w:txbxContent", ".//w:bookmarkStart")},
    }


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def canonical(data: bytes) -> bytes:
    try:
        return etree.tostring(etree.fromstring(data), method="c14n")
    except etree.XMLSyntaxError:  # media and other binary parts
        return data


def unchanged_parts(before: bytes, after: bytes) -> None:
    """Every part but the main document, its relations and the content types is as it was; only comments are new."""
    old, new = zipfile.ZipFile(io.BytesIO(before)), zipfile.ZipFile(io.BytesIO(after))
    assert set(new.namelist()) - set(old.namelist()) <= {"word/comments.xml"}
    assert set(old.namelist()) <= set(new.namelist())
    for name in set(old.namelist()) - CHANGED_BY_COMMENTS:
        assert canonical(old.read(name)) == canonical(new.read(name)), name


# -- annotate -----------------------------------------------------------------


def test_command_writes_the_annotated_copy(case):
    assert case.result.returncode == 0, case.result.stderr
    count = len(case.analysis.findings)
    noun = "bevinding" if count == 1 else "bevindingen"
    assert case.result.stderr.strip() == f"Opmerkingen geschreven naar {case.output} ({count} {noun})"
    assert case.result.stdout == ""
    open_docx(case.output.read_bytes())


def test_one_comment_per_finding_and_the_summary(case):
    document = open_docx(case.output.read_bytes())
    comments = sorted(document.comments, key=lambda comment: comment.comment_id)
    assert len(comments) == len(case.analysis.findings) + 1
    assert all(comment.author == "lettercheck" and comment.initials == "LC" for comment in comments)
    summary, *on_findings = comments
    level = case.analysis.readability.level
    assert summary.text.startswith(f"Niveau {level}, doel B1 · LiNT ")
    assert summary.text.endswith(" woorden per zin") and "." not in summary.text
    for comment, finding in zip(on_findings, case.analysis.findings, strict=True):
        assert finding.message in comment.text
        assert comment.text.endswith(f"Regel: {finding.rule}")
        assert (f"Suggestie: {finding.suggestion}" in comment.text) == bool(finding.suggestion)


def test_comments_cover_exactly_the_text_of_their_finding(case):
    document = open_docx(case.output.read_bytes())
    letter = case.analysis.letter
    under = commented_text(document.element.body)
    ids = sorted(comment.comment_id for comment in document.comments)
    start, end = summary_anchor(case.analysis)
    assert not letter.block_at(start).is_letterhead
    assert under[str(ids[0])] == letter.text[start:end]
    for comment_id, finding in zip(ids[1:], case.analysis.findings, strict=True):
        expected = letter.text[start:end] if letter.block_at(finding.start).is_letterhead else finding.text
        assert under[str(comment_id)] == expected, finding.rule


def test_text_formatting_and_structure_are_kept(case):
    after = case.output.read_bytes()
    assert read_letter_bytes(after, case.output.name).text == case.analysis.letter.text
    if case.analysis.letter.format == "text":
        return
    before = case.letter_path.read_bytes()
    assert formatted_paragraphs(open_docx(after)) == formatted_paragraphs(open_docx(before))
    assert structure(open_docx(after)) == structure(open_docx(before))
    unchanged_parts(before, after)


def test_text_letter_becomes_one_paragraph_per_block(annotated):
    case = annotated("aanmaning-slecht.txt")
    paragraphs = [p.text for p in open_docx(case.output.read_bytes()).paragraphs]
    assert paragraphs == [block.text for block in case.analysis.letter.blocks]
    assert any("\n" in text for text in paragraphs)  # the lines of an address block as line breaks


def test_built_letter_findings_start_and_end_inside_runs(annotated):
    case = annotated("built.docx")
    findings = {(f.rule, f.text) for f in case.analysis.findings}
    assert {("jargon", "Indien"), ("jargon", "voldoen"), ("jargon", "bezwaar")} <= findings
    document = open_docx(case.output.read_bytes())
    split = [run for p in document.paragraphs for run in p.runs if run.text in ("voldoen", "bezwaar", "Indien")]
    assert {run.text for run in split if run.bold} == {"voldoen"}
    assert {run.text for run in split if run.italic} == {"bezwaar"}
    assert len(document.inline_shapes) == 1


def test_findings_in_the_page_header_are_shown_on_the_first_paragraph(annotated):
    analysis = copy.copy(annotated("built.docx").analysis)
    letter = analysis.letter
    start = letter.text.index("Postbus")
    analysis.findings = [Finding("jargon", "jargon", "info", "Een melding.", "Postbus", start, start + 7,
                                 letter.locate(start, start + 7))]
    document = open_docx(annotate(analysis, "B1"))
    summary_start, summary_end = summary_anchor(analysis)
    comment = max(document.comments, key=lambda comment: comment.comment_id)
    assert comment.text == 'In de koptekst: "Postbus"\nEen melding.\nRegel: jargon'
    assert commented_text(document.element.body)[str(comment.comment_id)] == letter.text[summary_start:summary_end]


@pytest.fixture(scope="module")
def convert(tmp_path_factory):
    """Convert with LibreOffice headless into a folder of the test, with one private profile for the module."""
    profile = tmp_path_factory.mktemp("soffice-profile")

    def run(path: Path, kind: str, folder: Path) -> Path:
        result = subprocess.run(
            [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", kind,
             "--outdir", str(folder), str(path)],
            capture_output=True, text=True, timeout=180,
        )
        converted = folder / f"{path.stem}.{kind}"
        assert result.returncode == 0 and converted.is_file(), result.stderr
        return converted

    return run


@needs_soffice
def test_libreoffice_opens_the_annotated_letter(case, convert, tmp_path):
    odt = convert(case.output, "odt", tmp_path)
    content = zipfile.ZipFile(odt).read("content.xml").decode()
    assert content.count("<office:annotation ") == len(case.analysis.findings) + 1
    assert content.count("<office:annotation-end ") == len(case.analysis.findings) + 1
    assert convert(case.output, "pdf", tmp_path).read_bytes().startswith(b"%PDF")


def test_unreadable_letter_is_a_dutch_error(tmp_path):
    broken = tmp_path / "brief.docx"
    broken.write_bytes(b"geen Word-bestand")
    result = annotate_cli(broken)
    assert result.returncode == 2
    assert "beschadigd" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "brief.lettercheck.docx").exists()


def test_settings_file_is_used(tmp_path):
    settings = tmp_path / "instellingen.toml"
    settings.write_text('disable = ["jargon"]\n', encoding="utf-8")
    letter_path = tmp_path / "brief.docx"
    shutil.copy(SAMPLES / "aanmaning-slecht.docx", letter_path)
    result = annotate_cli(letter_path, "--config", str(settings))
    assert result.returncode == 0, result.stderr
    texts = [comment.text for comment in open_docx((tmp_path / "brief.lettercheck.docx").read_bytes()).comments]
    assert len(texts) > 1 and not any(text.endswith("Regel: jargon") for text in texts)


# -- apply_edits ---------------------------------------------------------------


@pytest.fixture(scope="module")
def letter():
    return read_letter_bytes(built_letter(), "built.docx")


def edits_at(letter, *changes: tuple[str, str]) -> list[Edit]:
    """Edits that replace the first occurrence of each text; ("@text", new) inserts before it."""
    edits = []
    for old, new in changes:
        start = letter.text.index(old.lstrip("@"))
        edits.append(Edit(start, start if old.startswith("@") else start + len(old), new))
    return edits


def edited(letter, edits: list[Edit]) -> str:
    return Fix(tuple(edits), "safe", "").apply(letter.text)


def bold_text(data: bytes) -> str:
    """The text of the bold runs of the body, inserted runs included, one run after the other."""
    pieces = []
    for paragraph in part_paragraphs(open_docx(data).element.body):
        read = read_paragraph(paragraph)
        pieces += [read.text[start : start + length] for run, start, length in read.runs if Run(run, None).bold]
    return "|".join(pieces)


CHANGES = [
    ("Indien u vragen", "Als u vragen"),  # inside one run
    ("het bedrag binnen 14 dagen", "binnen twee weken"),  # a plain run and the start of a bold one
    ("te voldoen", "te betalen"),  # the end of the bold run
    ("@Wij hebben", "Dank u. "),  # an insertion at the start of a paragraph
    ("@ons bellen", "gerust "),  # an insertion inside a run
    ("Indien u dit logo ziet, ", ""),  # a deletion from a run that also holds an image
]


@pytest.mark.parametrize("tracked", [False, True], ids=["plain", "tracked"])
def test_edits_change_the_text_and_keep_the_rest(letter, tracked):
    edits = edits_at(letter, *CHANGES)
    data = apply_edits(letter, edits, tracked=tracked)
    assert read_letter_bytes(data, "edited.docx").text == edited(letter, edits)
    document = open_docx(data)
    assert structure(document) == structure(open_docx(letter.package))
    assert len(document.inline_shapes) == 1
    assert "binnen twee weken" not in bold_text(data)
    assert "te betalen" in bold_text(data)


def test_tracked_edits_are_revisions(letter):
    edits = edits_at(letter, ("Indien u vragen", "Als u vragen"), ("@ons bellen", "gerust "))
    body = open_docx(apply_edits(letter, edits, tracked=True, author="Redactie")).element.body
    deleted = body.xpath(".//w:del")
    inserted = body.xpath(".//w:ins")
    assert ["".join(t.text for t in mark.iter(f"{W}delText")) for mark in deleted] == ["Indien u vragen"]
    assert sorted("".join(t.text for t in mark.iter(f"{W}t")) for mark in inserted) == ["Als u vragen", "gerust "]
    marks = deleted + inserted
    assert all(mark.get(f"{W}author") == "Redactie" and mark.get(f"{W}date") for mark in marks)
    assert len({mark.get(f"{W}id") for mark in marks}) == len(marks)


def test_edit_across_two_runs_takes_the_first_runs_formatting(letter):
    start = letter.text.index("14 dagen te voldoen aan")
    edit = Edit(start, start + len("14 dagen te voldoen aan"), "twee weken betalen aan")
    data = apply_edits(letter, [edit])
    assert "twee weken betalen aan" in read_letter_bytes(data, "x.docx").text
    assert "twee weken" in bold_text(data)  # "14 dagen" was bold, " aan" was not


def test_edits_in_the_page_header_and_footer(letter):
    edits = edits_at(letter, ("Postbus 1,", "Postbus 10,"), ("@www.", "internet: "))
    for tracked in (False, True):
        data = apply_edits(letter, edits, tracked=tracked)
        assert read_letter_bytes(data, "edited.docx").text == edited(letter, edits)
        header = open_docx(data).sections[0].header
        assert read_paragraph(header.paragraphs[1]._p).text == "Postbus 10, 1000 AA Voorbeeldstad"


def test_edits_across_paragraphs_or_overlapping_are_refused(letter):
    end_of_first = letter.text.index(",\n") + 1
    with pytest.raises(ValueError, match="two paragraphs"):
        apply_edits(letter, [Edit(end_of_first - 3, end_of_first + 3, "")])
    with pytest.raises(ValueError, match="two paragraphs"):
        apply_edits(letter, [Edit(end_of_first, end_of_first + 1, " ")])  # only the paragraph break
    with pytest.raises(ValueError, match="overlap"):
        apply_edits(letter, [Edit(10, 20, "a"), Edit(15, 25, "b")])
    with pytest.raises(ValueError, match="Word letter"):
        apply_edits(read_letter(SAMPLES / "aanmaning-slecht.txt"), [Edit(0, 1, "")])


@needs_soffice
@pytest.mark.parametrize("tracked", [False, True], ids=["plain", "tracked"])
def test_libreoffice_opens_the_edited_letter(letter, tracked, convert, tmp_path):
    edits = edits_at(letter, *CHANGES)
    path = tmp_path / "bewerkt.docx"
    path.write_bytes(apply_edits(letter, edits, tracked=tracked))
    content = zipfile.ZipFile(convert(path, "odt", tmp_path)).read("content.xml").decode()
    changes = content.count("<text:changed-region ")
    assert changes >= len(edits) if tracked else changes == 0
    assert convert(path, "pdf", tmp_path).read_bytes().startswith(b"%PDF")
