"""Read letters from .txt and .docx into a :class:`~lettercheck.letter.Letter`.

Bad input gets a :class:`LetterError` with a Dutch message, never a traceback
(the codes are listed in :data:`lettercheck.errors.CODES`). Only regular files
are opened, and never read past the size limit; the format is decided by the
file's first bytes (not only its name); a Word package is unpacked entry by
entry in chunks, every cap (entries, bytes, ratio, XML tags) enforced while it
streams, before python-docx sees it; the text stops at the word limit; nothing
is written to disk.
"""

from __future__ import annotations

import codecs
import errno
import io
import lzma
import os
import re
import stat
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import LetterError, display_path, safe_text
from .letter import Block, Letter, Location, RunPiece
from .suppressions import split_directives, text_suppressions, word_suppressions

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_WORDS = 100_000
MAX_CHARS_PER_WORD = 10
"""The text may have at most this many characters per allowed word (a Dutch word and its space take about 7)."""
TEXT_SUFFIXES = {"", ".txt", ".text", ".md", ".tpl", ".tmpl", ".j2", ".jinja", ".jinja2"}
WORD_SUFFIXES = {".docx", ".dotx", ".docm", ".dotm", ".doc", ".dot"}
LETTER_SUFFIXES = (TEXT_SUFFIXES | WORD_SUFFIXES) - {""}
READ_CHUNK = 1 << 20

ZIP_MAGIC = b"PK\x03\x04"
CENTRAL_MAGIC = b"PK\x01\x02"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
IMAGE = "Dit is een afbeelding (bijvoorbeeld een scan), geen tekst. Gebruik de .docx- of tekstversie van de brief."
FOREIGN = {
    b"%PDF": ("pdf", "PDF-bestanden kan lettercheck niet lezen. Gebruik de .docx- of tekstversie van de brief."),
    b"{\\rtf": ("rtf", "RTF-bestanden kan lettercheck niet lezen. Sla de brief op als .docx."),
    b"\x89PNG": ("png", IMAGE),
    b"\xff\xd8\xff": ("jpeg", IMAGE),
    b"GIF8": ("gif", IMAGE),
}
"""Formats recognised by their first bytes, with the Dutch message for each."""

MAX_ZIP_ENTRIES = 1000
"""A letter has about 20 entries, a report with many images a few hundred."""
MAX_UNPACKED_FACTOR = 5
"""All entries of a .docx together may unpack to at most this many times the size limit."""
MAX_ENTRY_FACTOR = 2
"""One entry may unpack to at most this many times the size limit."""
MAX_RATIO = 500
"""Highest compression ratio of an XML part past RATIO_FLOOR bytes: Word's XML packs 5 to 50 times, a bomb
about 1000 times. Other entries only have the size caps (a blank bitmap packs as well as a bomb)."""
RATIO_FLOOR = 1 << 20
MAX_XML_TAGS = 1_000_000
"""Tags in all XML parts together: lxml needs about 150 bytes per element, python-docx keeps every tree."""
UNPACK_CHUNK = 1 << 16
COMPRESSIONS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
"""What Word writes; other methods (LZMA, bzip2, unknown ones) are refused, not decompressed."""
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError,
              RuntimeError, zlib.error, lzma.LZMAError)
"""What zipfile raises on damaged archives (bad headers, CRC, deflate streams, names)."""
XML_LEAD = b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n"
"""Byte order marks, NUL (of UTF-16) and white space before the first '<' of an XML part."""
DTD_MARKS = tuple("<!DOCTYPE".encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be"))
"""Open Packaging forbids DTDs in parts: a part that declares one (XXE, entity bombs) is refused."""
DTD_TAIL = max(map(len, DTD_MARKS))
"""Bytes of a chunk kept for the next: a mark may straddle two chunks."""
CONTENT_TYPES = "[Content_Types].xml"

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
HEADER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
FOOTER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
MACRO_MARKS = ("macroenabled", "vbaproject")
"""In lowercase content types: macro-enabled main parts and VBA project parts."""

WORD = re.compile(r"\w+")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters other than tab and newline: invisible, and terminal escapes in a report."""


def read_letter(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, max_words: int = DEFAULT_MAX_WORDS) -> Letter:
    """Read the letter at ``path``."""
    path = Path(path)
    return read_letter_bytes(read_file(path, max_bytes), path.name, max_bytes, max_words)


def read_letter_bytes(
    data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES, max_words: int = DEFAULT_MAX_WORDS
) -> Letter:
    """Read a letter from its bytes; ``name`` (the file name) only hints at the format."""
    if len(data) > max_bytes:
        raise _too_large(len(data), max_bytes)
    suffix = Path(name).suffix.lower()
    foreign = next((FOREIGN[magic] for magic in FOREIGN if data.startswith(magic)), None)
    if data.startswith(ZIP_MAGIC):
        letter = _read_docx(data, name, max_bytes, max_words)
    elif data.startswith(OLE_MAGIC):
        raise _ole_error(data)
    elif foreign:
        raise LetterError("unsupported", foreign[1], foreign[0])
    elif suffix in WORD_SUFFIXES:
        raise LetterError(
            "corrupt", "Dit Word-bestand is beschadigd of geen echt Word-bestand.", "word suffix, not a zip"
        )
    elif suffix in TEXT_SUFFIXES:
        text = decode_text(data)
        body, directives = split_directives(text)  # inline 'lettercheck:' lines are not letter text
        letter = Letter(name, _within_limits(_text_blocks(body), max_words), format="text", original=text)
        letter.suppressions = text_suppressions(letter, directives)
    else:
        raise LetterError(
            "unsupported",
            f"Bestanden van het type '{safe_text(suffix)}' kan lettercheck niet lezen. Gebruik .docx of .txt.",
            f"unsupported suffix {safe_text(suffix)}",
        )
    if letter.is_empty:
        raise LetterError("empty", "De brief is leeg: er staat geen tekst in.", "no text")
    return letter


def _too_large(size: int, max_bytes: int) -> LetterError:
    return LetterError(
        "too-large",
        f"Het bestand is te groot ({size / 1048576:.1f} MB). De grens is {max_bytes / 1048576:.0f} MB.",
        f"{size} bytes > {max_bytes}",
    )


def _within_limits(blocks: Iterable[Block], max_words: int) -> list[Block]:
    """The blocks, refused as soon as they pass the word limit (or the characters it allows)."""
    kept: list[Block] = []
    words = chars = 0
    for block in blocks:
        words += len(WORD.findall(block.text))
        chars += len(block.text) + 1
        if words > max_words:
            raise _too_long(f"{_number(max_words)} woorden", f"over {max_words} words")
        if chars > MAX_CHARS_PER_WORD * max_words:
            raise _too_long(f"{_number(MAX_CHARS_PER_WORD * max_words)} tekens", f"over {chars} characters")
        kept.append(block)
    return kept


def _too_long(limit: str, detail: str) -> LetterError:
    return LetterError("too-long", f"De tekst is te lang voor één brief: meer dan {limit}.", detail)


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


# -- files ----------------------------------------------------------------------


def read_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file; refused past ``max_bytes`` whatever its size claims."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        _check_regular(path, os.stat(path))
        # Non-blocking: a FIFO put in the file's place after the stat does not hang the open.
        with os.fdopen(os.open(path, flags), "rb") as handle:
            _check_regular(path, os.fstat(handle.fileno()))
            data = _read_capped(handle, max_bytes)
    except (OSError, ValueError) as error:  # ValueError: a NUL in the name
        raise _path_error(path, error) from None
    if len(data) > max_bytes:
        raise _too_large(len(data), max_bytes)
    return data


def _check_regular(path: Path, status: os.stat_result) -> None:
    if stat.S_ISREG(status.st_mode):
        return
    shown = display_path(path)
    if not stat.S_ISDIR(status.st_mode):
        raise LetterError("not-a-file", f"Het pad {shown} is geen gewoon bestand (maar bijvoorbeeld een apparaat).",
                          f"not a regular file: {stat.filemode(status.st_mode)}")
    if not os.access(path, os.R_OK | os.X_OK):
        raise LetterError("no-access", f"Geen toegang tot de map {shown}: de brieven daarin zijn niet gecontroleerd.",
                          "permission denied on a folder")
    raise LetterError("not-a-file", f"Het pad {shown} is een map, geen bestand.", "is a directory")


def _read_capped(handle, limit: int) -> bytes:
    """At most ``limit + 1`` bytes, in chunks: a device or /proc file may claim any size."""
    chunks, size = [], 0
    while size <= limit and (chunk := handle.read(min(READ_CHUNK, limit + 1 - size))):
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _path_error(path: Path, error: OSError | ValueError) -> LetterError:
    """A Dutch message for every operating system error on a path."""
    shown = display_path(path)
    if isinstance(error, ValueError):
        return LetterError("bad-path", f"De naam {shown} bevat een teken dat in bestandsnamen niet kan.", "NUL in path")
    name = errno.errorcode.get(error.errno or 0, type(error).__name__)
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return LetterError("not-found", f"Het bestand {shown} bestaat niet.", name)
    if error.errno in (errno.EACCES, errno.EPERM):
        return LetterError("no-access", f"Geen toegang tot het bestand {shown}.", name)
    if error.errno == errno.EISDIR:
        return LetterError("not-a-file", f"Het pad {shown} is een map, geen bestand.", name)
    if error.errno == errno.ENAMETOOLONG:
        return LetterError("bad-path", f"De naam of het pad {shown} is te lang.", name)
    if error.errno == errno.ELOOP:
        return LetterError("bad-path", f"Het pad {shown} verwijst via koppelingen naar zichzelf.", name)
    return LetterError("unreadable", f"Het bestand {shown} kan niet worden gelezen ({name}).", name)


# -- text files -------------------------------------------------------------

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 (with or without BOM), or Windows-1252."""
    encoding = next((enc for bom, enc in BOMS if data.startswith(bom)), None) or _utf16_without_bom(data)
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
    # Lines end as SARIF and editors count them (LF, CRLF, CR); other controls (a form feed) become spaces.
    return CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a byte order mark: in Dutch text nearly every other byte is NUL, the rest never."""
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > len(sample) // 4 and not even:
        return "utf-16-le"
    if even > len(sample) // 4 and not odd:
        return "utf-16-be"
    return None


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


def _text_blocks(text: str) -> Iterator[Block]:
    """One block per paragraph (lines between blank lines), each knowing its first line in the file."""
    paragraph: list[str] = []
    first_line = count = 0
    for number, line in enumerate([*text.split("\n"), ""], start=1):
        if line.strip():
            if not paragraph:
                first_line = number
            paragraph.append(line.rstrip())
        elif paragraph:
            yield Block("\n".join(paragraph), Location("text", count), line=first_line)
            count += 1
            paragraph = []


# -- Word files -------------------------------------------------------------


def _ole_error(data: bytes) -> LetterError:
    """Old Office files and password-protected new ones are both OLE containers."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            encrypted = ole.exists("EncryptedPackage") or ole.exists("EncryptionInfo")
            word = ole.exists("WordDocument")
    except Exception as error:  # olefile raises many kinds on damaged headers and sector tables
        return LetterError("corrupt", "Dit bestand is beschadigd en kan niet worden gelezen.",
                           f"damaged OLE file: {type(error).__name__}")
    if encrypted:
        return LetterError(
            "password",
            "Dit bestand is beveiligd met een wachtwoord. Haal de beveiliging weg en probeer het opnieuw.",
            "encrypted office file",
        )
    if word:
        return LetterError(
            "legacy-doc",
            "Dit is een oud Word-bestand (.doc). Open het in Word en sla het op als .docx.",
            "OLE compound file (.doc)",
        )
    return LetterError("unsupported", "Dit is een oud Office-bestand, maar geen Word-document. Gebruik .docx of .txt.",
                       "OLE compound file without a Word stream")


def _read_docx(data: bytes, name: str, max_bytes: int, max_words: int) -> Letter:
    data = _checked_docx_package(data, max_bytes)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx and lxml raise many kinds on damaged packages
        raise _corrupt_docx(type(error).__name__) from None
    blocks = (
        block for part in ordered_parts(document) for block in _part_blocks(part.element, part_label(document, part))
    )
    letter = Letter(name, _within_limits(blocks, max_words), format="docx", package=data)
    letter.suppressions = word_suppressions(document, letter)
    return letter


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


def _zip_bomb(detail: str) -> LetterError:
    return LetterError(
        "zip-bomb", "Dit bestand pakt uit tot een onredelijk grote omvang en wordt daarom niet geopend.", detail
    )


@dataclass(slots=True)
class _Budget:
    """What the entries of one package may still unpack to."""

    total: int
    per_entry: int
    tags: int = MAX_XML_TAGS


def _checked_docx_package(data: bytes, max_bytes: int) -> bytes:
    """Refuse zip bombs, encrypted zips, macros, DTDs and non-Word packages before python-docx parses anything.

    Every entry is unpacked here under the caps; python-docx, reading the same central
    directory, then gets exactly the bytes that were checked.
    """
    if data.count(CENTRAL_MAGIC) > MAX_ZIP_ENTRIES:  # before zipfile builds an object for every entry
        raise _zip_bomb("too many central directory records")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except ZIP_ERRORS:
        raise _corrupt_docx("bad zip") from None
    budget = _Budget(MAX_UNPACKED_FACTOR * max_bytes, MAX_ENTRY_FACTOR * max_bytes)
    _check_entries(entries, budget)
    if CONTENT_TYPES not in archive.NameToInfo:
        if "mimetype" in archive.NameToInfo:
            raise LetterError(
                "unsupported", "OpenDocument-bestanden (.odt) kan lettercheck niet lezen. Sla de brief op als .docx.",
                "opendocument",
            )
        raise _corrupt_docx("no content types")
    content_types = _unpack(archive, archive.NameToInfo[CONTENT_TYPES], budget, keep=True)
    _check_content_types(content_types)
    for entry in entries:
        if entry.filename != CONTENT_TYPES:
            _unpack(archive, entry, budget)
    return _as_document(archive, content_types) if TEMPLATE_TYPE in content_types else data


def _check_entries(entries: list[zipfile.ZipInfo], budget: _Budget) -> None:
    """What the central directory shows: sizes (refused early if too large; smaller ones are not trusted),
    duplicates, encryption, compression, macros."""
    declared = [entry.file_size for entry in entries]
    if len(entries) > MAX_ZIP_ENTRIES or sum(declared) > budget.total or max(declared, default=0) > budget.per_entry:
        raise _zip_bomb(f"{len(entries)} entries of {sum(declared)} bytes declared")
    if len({entry.filename for entry in entries}) < len(entries):
        raise _corrupt_docx("duplicate entry names")
    if any(entry.flag_bits & 0x1 for entry in entries):
        raise LetterError("password", "Dit bestand is beveiligd met een wachtwoord.", "encrypted zip entries")
    if any(entry.compress_type not in COMPRESSIONS for entry in entries):
        raise _corrupt_docx("unsupported compression method")
    if any(entry.filename.replace("\\", "/").rsplit("/", 1)[-1].lower() == "vbaproject.bin" for entry in entries):
        raise _macro_error("vbaProject.bin entry")


def _check_content_types(content_types: bytes) -> None:
    declared = content_types.decode("utf-16" if content_types.startswith(BOMS[1][0]) else "utf-8", "replace")
    if any(mark in declared.lower() for mark in MACRO_MARKS):
        raise _macro_error("macro content type")
    if DOCUMENT_TYPE not in content_types and TEMPLATE_TYPE not in content_types:
        raise LetterError(
            "unsupported", "Dit is geen Word-document. Gebruik een .docx- of .txt-bestand.", "not a word document"
        )


def _macro_error(detail: str) -> LetterError:
    return LetterError(
        "macro",
        "Dit Word-bestand bevat macro's (.docm). Sla de brief op als gewoon .docx-bestand zonder macro's.",
        detail,
    )


def _unpack(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, budget: _Budget, keep: bool = False) -> bytes:
    """Unpack one entry in chunks, refused at the first cap it passes; its bytes only when ``keep``."""
    scan = _EntryScan(entry, budget)
    kept = []
    try:
        with archive.open(entry) as stream:
            while chunk := stream.read(UNPACK_CHUNK):
                scan.feed(chunk)
                if keep:
                    kept.append(chunk)
    except ZIP_ERRORS as error:
        raise _corrupt_docx(f"{type(error).__name__} in {safe_text(entry.filename)}") from None
    return b"".join(kept)


class _EntryScan:
    """The caps on one entry as it unpacks: its size and ratio, the package's budget, and for XML tags and DTDs."""

    def __init__(self, entry: zipfile.ZipInfo, budget: _Budget) -> None:
        self.name = safe_text(entry.filename)
        self.budget = budget
        self.packed = max(entry.compress_size, 1)
        self.size = 0
        self.xml: bool | None = None
        self.tail = b""

    def feed(self, chunk: bytes) -> None:
        self.size += len(chunk)
        self.budget.total -= len(chunk)
        if self.size > self.budget.per_entry or self.budget.total < 0:
            raise _zip_bomb(f"{self.name}: over {self.size} bytes unpacked")
        if self.xml is None:
            self.xml = chunk.lstrip(XML_LEAD).startswith(b"<")
        if self.xml:
            self._feed_xml(chunk)

    def _feed_xml(self, chunk: bytes) -> None:
        if self.size > RATIO_FLOOR and self.size > MAX_RATIO * self.packed:
            raise _zip_bomb(f"{self.name}: packed {self.size // self.packed} times")
        self.budget.tags -= chunk.count(b"<")
        if self.budget.tags < 0:
            raise _zip_bomb(f"over {MAX_XML_TAGS} XML tags")
        window = self.tail + chunk
        if any(mark in window for mark in DTD_MARKS):
            raise LetterError(
                "unsafe-xml",
                "Dit Word-bestand bevat XML met een DTD, wat in Word-bestanden niet hoort. "
                "Het wordt daarom niet geopend.",
                f"DTD in {self.name}",
            )
        self.tail = window[-DTD_TAIL:]


def _as_document(archive: zipfile.ZipFile, content_types: bytes) -> bytes:
    """A Word template (.dotx) is a document with another content type; python-docx only opens documents."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for entry in archive.infolist():
            body = archive.read(entry)
            if entry.filename == CONTENT_TYPES:
                body = content_types.replace(TEMPLATE_TYPE, DOCUMENT_TYPE)
            copy.writestr(entry, body)
    return out.getvalue()


def part_paragraphs(root) -> Iterator:
    """Every ``w:p`` of a part in reading order, text boxes included: the numbering of :class:`Location`."""
    for paragraph in root.iter(f"{W}p"):
        if not _inside(paragraph, MC_FALLBACK):  # the legacy copy of a text box that mc:Choice already holds
            yield paragraph


def _part_blocks(root, label: str) -> Iterator[Block]:
    """One block per paragraph of a part; a run of empty paragraphs is one empty block (a gap)."""
    previous_container, after_empty = None, False
    for index, paragraph in enumerate(part_paragraphs(root)):
        container = _container(paragraph)
        read = read_paragraph(paragraph)
        empty = not read.text.strip()
        if not (empty and after_empty):
            yield _block(read, Location(label, index), container, previous_container)
        after_empty = empty
        previous_container = container


def _block(read: ParagraphText, location: Location, container, previous_container) -> Block:
    return Block(
        CONTROL.sub(" ", read.text),
        location,
        gap_before=container is not previous_container,
        in_table=container is not None and container.tag == f"{W}tc",
        bold=tuple(read.bold),
        fields=tuple(read.fields),
        runs=tuple(RunPiece(number, offset, length) for number, (_, offset, length) in enumerate(read.runs)),
    )


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
    walk = None  # the inner function refers to itself: unbroken, that cycle keeps the runs and the letter's XML
    # tree alive until a full garbage collection, and an audit of Word letters piles the trees up
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
