"""Read letters from .txt and .docx into a :class:`~lettercheck.letter.Letter`.

Bad input gets a :class:`LetterError` with a Dutch message, never a traceback:
the format is decided by the file's first bytes (not only its name), sizes are
checked before anything is unpacked, and nothing is written to disk.
"""

from __future__ import annotations

import codecs
import io
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import LetterError
from .letter import Block, Letter, Location, RunPiece

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = {"", ".txt", ".text", ".md", ".tpl", ".tmpl", ".j2", ".jinja", ".jinja2"}
WORD_SUFFIXES = {".docx", ".dotx", ".docm", ".dotm", ".doc", ".dot"}
LETTER_SUFFIXES = (TEXT_SUFFIXES | WORD_SUFFIXES) - {""}

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_UNPACKED_FACTOR = 10
"""A .docx may unpack to at most this many times the size limit (XML packs about 10x)."""
MAX_XML_PART = 20 * 1024 * 1024
"""Largest XML part parsed: lxml needs about ten times its size in memory."""
MAX_ZIP_ENTRIES = 5000
MAX_LETTER_CHARS = 200_000
"""About 30,000 words: far beyond any letter, still parsed in well under the memory budget."""

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
HEADER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
FOOTER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"


def read_letter(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Letter:
    """Read the letter at ``path``."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(size, max_bytes)
        data = path.read_bytes()
    except FileNotFoundError:
        raise LetterError("not-found", f"Het bestand {path} bestaat niet.", "file not found") from None
    except IsADirectoryError:
        raise LetterError("not-a-file", f"{path} is een map, geen bestand.", "is a directory") from None
    except PermissionError:
        raise LetterError("no-access", f"Geen toegang tot het bestand {path}.", "permission denied") from None
    return read_letter_bytes(data, path.name, max_bytes)


def read_letter_bytes(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Letter:
    """Read a letter from its bytes; ``name`` (the file name) only hints at the format."""
    if len(data) > max_bytes:
        raise _too_large(len(data), max_bytes)
    suffix = Path(name).suffix.lower()
    if data.startswith(ZIP_MAGIC):
        letter = _read_docx(data, name, max_bytes)
    elif data.startswith(OLE_MAGIC):
        raise _ole_error(data)
    elif data.startswith(b"%PDF"):
        raise LetterError(
            "unsupported", "PDF-bestanden kan lettercheck niet lezen. Gebruik de .docx- of tekstversie van de brief.",
            "pdf"
        )
    elif data.startswith(b"{\\rtf"):
        raise LetterError("unsupported", "RTF-bestanden kan lettercheck niet lezen. Sla de brief op als .docx.", "rtf")
    elif suffix in WORD_SUFFIXES:
        raise LetterError(
            "corrupt", "Dit Word-bestand is beschadigd of geen echt Word-bestand.", "word suffix, not a zip"
        )
    elif suffix in TEXT_SUFFIXES:
        letter = _read_text(data, name)
    else:
        raise LetterError(
            "unsupported", f"Bestanden van het type '{suffix}' kan lettercheck niet lezen. Gebruik .docx of .txt.",
            f"unsupported suffix {suffix}",
        )
    if letter.is_empty:
        raise LetterError("empty", "De brief is leeg: er staat geen tekst in.", "no text")
    if len(letter.text) > MAX_LETTER_CHARS:
        raise LetterError(
            "too-long",
            f"De tekst is te lang voor één brief ({len(letter.text):,} tekens; de grens is "
            f"{MAX_LETTER_CHARS:,} tekens).".replace(",", "."),
            f"{len(letter.text)} characters",
        )
    return letter


def _too_large(size: int, max_bytes: int) -> LetterError:
    return LetterError(
        "too-large",
        f"Het bestand is te groot ({size / 1048576:.1f} MB). De grens is {max_bytes / 1048576:.0f} MB.",
        f"{size} bytes > {max_bytes}",
    )


# -- text files -------------------------------------------------------------

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252."""
    encoding = next((enc for bom, enc in BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data:
        raise _binary_error()
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError:
        if encoding:
            raise _encoding_error() from None
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise _encoding_error() from None
    if _looks_binary(text):
        raise _binary_error()
    # Lines end as SARIF and editors count them (LF, CRLF, CR); a form feed is a page break, not a line.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", " ")


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    odd = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\t\n\r\f")
    return odd > max(2, len(sample) // 200)


def _binary_error() -> LetterError:
    return LetterError("binary", "Dit bestand bevat geen leesbare tekst. Is het wel een brief?", "binary content")


def _encoding_error() -> LetterError:
    return LetterError(
        "encoding",
        "De tekens in dit bestand zijn niet te lezen. Sla de tekst op als UTF-8 en probeer het opnieuw.",
        "undecodable text",
    )


def _read_text(data: bytes, name: str) -> Letter:
    """One block per paragraph (lines between blank lines), each knowing its first line in the file."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    first_line = 0
    for number, line in enumerate([*decode_text(data).split("\n"), ""], start=1):
        if line.strip():
            if not paragraph:
                first_line = number
            paragraph.append(line.rstrip())
        elif paragraph:
            blocks.append(Block("\n".join(paragraph), Location("text", len(blocks)), line=first_line))
            paragraph = []
    return Letter(name, blocks, format="text")


# -- Word files -------------------------------------------------------------


def _ole_error(data: bytes) -> LetterError:
    """Old Word files and password-protected Office files are both OLE containers."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            encrypted = ole.exists("EncryptedPackage") or ole.exists("EncryptionInfo")
    except OSError:
        encrypted = False
    if encrypted:
        return LetterError(
            "password",
            "Dit bestand is beveiligd met een wachtwoord. Haal de beveiliging weg en probeer het opnieuw.",
            "encrypted office file",
        )
    return LetterError(
        "legacy-doc",
        "Dit is een oud Word-bestand (.doc). Open het in Word en sla het op als .docx.",
        "OLE compound file (.doc)",
    )


def _read_docx(data: bytes, name: str, max_bytes: int) -> Letter:
    data = _checked_docx_package(data, max_bytes)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on damaged packages
        raise _corrupt_docx(type(error).__name__) from None
    blocks: list[Block] = []
    for part in ordered_parts(document):
        blocks.extend(_part_blocks(part.element, part_label(document, part)))
    return Letter(name, blocks, format="docx", package=data)


def ordered_parts(document) -> list:
    """Headers (letterhead) first, then the body, then footers, each by part name."""
    parts = sorted(document.part.package.iter_parts(), key=lambda part: str(part.partname))
    headers = [part for part in parts if part.content_type == HEADER_TYPE]
    footers = [part for part in parts if part.content_type == FOOTER_TYPE]
    return [*headers, document.part, *footers]


def part_label(document, part) -> str:
    """``body``, ``header:word/header1.xml`` or ``footer:...``: the ``part`` of a :class:`Location`."""
    if part is document.part:
        return "body"
    kind = "header" if part.content_type == HEADER_TYPE else "footer"
    return f"{kind}:{str(part.partname).lstrip('/')}"


def _corrupt_docx(detail: str) -> LetterError:
    return LetterError(
        "corrupt", "Dit Word-bestand is beschadigd en kan niet worden gelezen.", f"corrupt docx: {detail}"
    )


def _checked_docx_package(data: bytes, max_bytes: int) -> bytes:
    """Refuse zip bombs, encrypted zips, macros and non-Word packages before parsing."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _corrupt_docx("bad zip") from None
    unpacked = sum(entry.file_size for entry in entries)
    largest_xml = max((e.file_size for e in entries if e.filename.endswith((".xml", ".rels"))), default=0)
    if len(entries) > MAX_ZIP_ENTRIES or unpacked > MAX_UNPACKED_FACTOR * max_bytes or largest_xml > MAX_XML_PART:
        raise LetterError(
            "zip-bomb",
            "Dit bestand pakt uit tot een onredelijk grote omvang en wordt daarom niet geopend.",
            f"{len(entries)} entries, {unpacked} bytes unpacked",
        )
    if any(entry.flag_bits & 0x1 for entry in entries):
        raise LetterError("password", "Dit bestand is beveiligd met een wachtwoord.", "encrypted zip entries")
    names = {entry.filename for entry in entries}
    if "[Content_Types].xml" not in names:
        if "mimetype" in names:
            raise LetterError(
                "unsupported", "OpenDocument-bestanden (.odt) kan lettercheck niet lezen. Sla de brief op als .docx.",
                "opendocument",
            )
        raise _corrupt_docx("no content types")
    try:
        content_types = archive.read("[Content_Types].xml")
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _corrupt_docx("unreadable content types") from None
    if b"macroEnabled" in content_types or "word/vbaProject.bin" in names:
        raise LetterError(
            "macro",
            "Dit Word-bestand bevat macro's (.docm). Sla de brief op als gewoon .docx-bestand zonder macro's.",
            "macro-enabled document",
        )
    if TEMPLATE_TYPE in content_types:
        return _as_document(archive, content_types)
    if DOCUMENT_TYPE not in content_types:
        raise LetterError(
            "unsupported", "Dit is geen Word-document. Gebruik een .docx- of .txt-bestand.", "not a word document"
        )
    return data


def _as_document(archive: zipfile.ZipFile, content_types: bytes) -> bytes:
    """A Word template (.dotx) is a document with another content type; python-docx only opens documents."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for entry in archive.infolist():
            body = archive.read(entry)
            if entry.filename == "[Content_Types].xml":
                body = content_types.replace(TEMPLATE_TYPE, DOCUMENT_TYPE)
            copy.writestr(entry, body)
    return out.getvalue()


def part_paragraphs(root) -> Iterator:
    """Every ``w:p`` of a part in reading order, text boxes included: the numbering of :class:`Location`."""
    for paragraph in root.iter(f"{W}p"):
        if not _inside(paragraph, MC_FALLBACK):  # the legacy copy of a text box that mc:Choice already holds
            yield paragraph


def _part_blocks(root, label: str) -> Iterator[Block]:
    """One block per paragraph of a part."""
    previous_container = None
    for index, paragraph in enumerate(part_paragraphs(root)):
        container = _container(paragraph)
        read = read_paragraph(paragraph)
        yield Block(
            read.text,
            Location(label, index),
            gap_before=container is not previous_container,
            in_table=container is not None and container.tag == f"{W}tc",
            bold=tuple(read.bold),
            fields=tuple(read.fields),
            runs=tuple(RunPiece(number, offset, length) for number, (_, offset, length) in enumerate(read.runs)),
        )
        previous_container = container


def _inside(element, tag: str) -> bool:
    return any(ancestor.tag == tag for ancestor in element.iterancestors())


def _container(paragraph):
    """The table cell or text box holding a paragraph; None in the main flow."""
    for ancestor in paragraph.iterancestors():
        if ancestor.tag in (f"{W}tc", f"{W}txbxContent"):
            return ancestor
    return None


SKIPPED = {f"{W}txbxContent", MC_FALLBACK, f"{W}del", f"{W}instrText", f"{W}delText", f"{W}pPr", f"{W}rPr"}
BREAKS = {f"{W}br": "\n", f"{W}cr": "\n", f"{W}tab": "\t", f"{W}noBreakHyphen": "-"}
OFF = {"0", "false", "off"}


@dataclass(slots=True)
class ParagraphText:
    text: str = ""
    bold: list[tuple[int, int]] = field(default_factory=list)
    fields: list[tuple[int, int]] = field(default_factory=list)
    """Ranges of ``text`` that are merge-field results."""
    runs: list[tuple[object, int, int]] = field(default_factory=list)
    """(``w:r`` element, offset in ``text``, length) for every run with text, in reading order."""


def read_paragraph(paragraph) -> ParagraphText:
    """The visible text of a ``w:p`` with its bold ranges, merge-field results and runs.

    Text boxes anchored in the paragraph, deleted revisions and field codes are
    not part of its text; a field's visible result is. Every character comes
    from exactly one run, so a range of the text maps to runs.
    """
    read = ParagraphText()
    pieces: list[str] = []
    open_fields: list[list] = []  # [instruction, result start or None]
    length = 0

    def walk(element, run, is_bold: bool) -> None:
        nonlocal length
        for child in element:
            tag = child.tag
            if tag == f"{W}r":
                before = length
                walk(child, child, _run_is_bold(child))
                if length > before:
                    read.runs.append((child, before, length - before))
            elif tag == f"{W}t":
                text = child.text or ""
                if is_bold and text:
                    read.bold.append((length, length + len(text)))
                pieces.append(text)
                length += len(text)
            elif tag in BREAKS and run is not None:
                pieces.append(BREAKS[tag])
                length += 1
            elif tag == f"{W}fldChar":
                _field_char(child, open_fields, read.fields, length)
            elif tag == f"{W}instrText" and open_fields:
                open_fields[-1][0] += child.text or ""
            elif tag == f"{W}fldSimple":
                start = length
                walk(child, run, is_bold)
                if _is_merge_field(child.get(f"{W}instr", "")) and length > start:
                    read.fields.append((start, length))
            elif tag not in SKIPPED and isinstance(tag, str):
                walk(child, run, is_bold)

    walk(paragraph, None, False)
    read.text = "".join(pieces)
    read.bold = _merge(read.bold)
    return read


def _field_char(element, open_fields: list[list], fields: list[tuple[int, int]], offset: int) -> None:
    kind = element.get(f"{W}fldCharType")
    if kind == "begin":
        open_fields.append(["", None])
    elif kind == "separate" and open_fields:
        open_fields[-1][1] = offset
    elif kind == "end" and open_fields:
        instruction, start = open_fields.pop()
        if start is not None and offset > start and _is_merge_field(instruction):
            fields.append((start, offset))


def _is_merge_field(instruction: str) -> bool:
    return instruction.strip().upper().startswith("MERGEFIELD")


def _run_is_bold(run) -> bool:
    properties = run.find(f"{W}rPr")
    if properties is None:
        return False
    flag = properties.find(f"{W}b")
    return flag is not None and flag.get(f"{W}val", "true").lower() not in OFF


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
