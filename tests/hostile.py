"""Hostile and pathological input, generated: damaged and malicious Word containers, other formats under a
letter's name, odd encodings, shapes that cost time or memory, and paths that are not plain files.

Everything is scripted and reproducible (fixed seeds) and small; tests/test_hostile.py writes it to a
temporary folder, bench/pathological.py runs the shapes at larger sizes. Every letter text holds SECRET,
which must never reach stderr or a log.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import socket
import struct
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from conftest import compound_file

SECRET = "Geheimnaam Quirinus"
LETTER = (f"Geachte heer {SECRET},\n\nWij hebben uw aanvraag ontvangen. U hoort binnen twee weken van ons.\n\n"
          "Met vriendelijke groet,\n\nGemeente Voorbeeldstad")

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
DOCUMENT = f"{WML}.document.main+xml"
TEMPLATE = f"{WML}.template.main+xml"
MACRO_DOCUMENT = "application/vnd.ms-word.document.macroEnabled.main+xml"
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
XXE = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
LAUGHS = ("<!DOCTYPE x [<!ENTITY lol0 \"lol\">"
          + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)) + "]>")


@dataclass(frozen=True, slots=True)
class Case:
    """A file to write and what reading it must give: an error code, or None for a letter that is checked."""

    name: str
    data: bytes
    code: str | None
    group: str


# -- Word packages, built by hand (python-docx is too slow for the large shapes) ------------------------


def paragraphs(*texts: str) -> str:
    return "".join(f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>' for text in texts)


def package(body: str, *, main: str = DOCUMENT, headers: int = 1, header: str = paragraphs("Gemeente Voorbeeldstad"),
            dtd: dict[str, str] | None = None, extra: dict[str, bytes] | None = None,
            compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A minimal .docx: content types, relationships, a body, styles and ``headers`` parts with ``header``.

    ``dtd`` puts a DOCTYPE after the XML declaration of the parts it names; ``extra`` adds entries as they are.
    """
    header_names = [f"word/header{n}.xml" for n in range(1, headers + 1)]
    overrides = [("/word/document.xml", main), ("/word/styles.xml", f"{WML}.styles+xml"),
                 *((f"/{name}", f"{WML}.header+xml") for name in header_names)]
    relations = [("styles", "styles.xml"), *(("header", name.removeprefix("word/")) for name in header_names)]
    parts = {
        "[Content_Types].xml": f'<Types xmlns="{TYPES_NS}"><Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in overrides) + "</Types>",
        "_rels/.rels": f'<Relationships xmlns="{RELS_NS}"><Relationship Id="rId1" '
        f'Type="{OFFICE_RELS}/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/_rels/document.xml.rels": f'<Relationships xmlns="{RELS_NS}">'
        + "".join(f'<Relationship Id="rId{n}" Type="{OFFICE_RELS}/{kind}" Target="{target}"/>'
                  for n, (kind, target) in enumerate(relations, start=1)) + "</Relationships>",
        "word/document.xml": f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>',
        "word/styles.xml": f'<w:styles xmlns:w="{W_NS}"/>',
        **{name: f'<w:hdr xmlns:w="{W_NS}">{header}</w:hdr>' for name in header_names},
    }
    entries = {name: (DECLARATION + (dtd or {}).get(name, "") + xml).encode() for name, xml in parts.items()}
    return zip_bytes({**entries, **(extra or {})}, compression)


def letter_docx(**options) -> bytes:
    return package(paragraphs(*LETTER.split("\n\n")), **options)


def zip_bytes(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, body in entries.items():
            archive.writestr(name, body)
    return out.getvalue()


def entries_of(data: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {info.filename: archive.read(info) for info in archive.infolist()}


# Offsets of fields in a zip's local header and in its central directory record.
FIELDS = {"flags": (6, 8, "<H"), "method": (8, 10, "<H"), "crc": (14, 16, "<I"), "size": (22, 24, "<I")}


def patched(data: bytes, name: str, field: str, value: Callable[[int], int]) -> bytes:
    """The zip with one header field of entry ``name`` changed, in its local header and central record."""
    local_offset, central_offset, fmt = FIELDS[field]
    out = bytearray(data)
    for position in (zipfile.ZipFile(io.BytesIO(data)).getinfo(name).header_offset + local_offset,
                     _central_record(data, name) + central_offset):
        struct.pack_into(fmt, out, position, value(struct.unpack_from(fmt, out, position)[0]) & 0xFFFFFFFF)
    return bytes(out)


def _central_record(data: bytes, name: str) -> int:
    position = data.find(b"PK\x01\x02")
    while position >= 0:
        length = struct.unpack_from("<H", data, position + 28)[0]
        if data[position + 46 : position + 46 + length] == name.encode():
            return position
        position = data.find(b"PK\x01\x02", position + 1)
    raise KeyError(name)


def damaged_stream(data: bytes, name: str) -> bytes:
    """Bytes in the middle of an entry's compressed data flipped."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_length + extra_length + info.compress_size // 2
    out = bytearray(data)
    for position in range(start, min(start + 8, len(out))):
        out[position] ^= 0x5A
    return bytes(out)


def flipped(data: bytes, seed: int) -> bytes:
    """A few random bytes changed: what a bad disk or a broken upload does."""
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _template(data: bytes) -> bytes:
    entries = entries_of(data)
    entries["[Content_Types].xml"] = entries["[Content_Types].xml"].replace(DOCUMENT.encode(), TEMPLATE.encode())
    return zip_bytes(entries)


def _encrypted() -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(letter_docx())).encrypt("geheim", out)
    return out.getvalue()


def _random_tags(count: int, seed: int) -> str:
    """Empty elements of random one-letter names: packs only about seven times, unlike a run of one tag."""
    rng = random.Random(seed)
    return "".join(f"<{name}/>" for name in rng.choices("abcdefghijklmnopqrstuvwxyz", k=count))


# -- the cases ---------------------------------------------------------------------------------------------


def container_cases() -> list[Case]:
    good = letter_docx()
    document = "word/document.xml"
    cases = [
        ("truncated.docx", good[: len(good) // 2], "corrupt"),
        ("unknown-method.docx", patched(good, document, "method", lambda _: 99), "corrupt"),
        ("lzma.docx", patched(good, document, "method", lambda _: zipfile.ZIP_LZMA), "corrupt"),
        ("bzip2.docx", patched(good, document, "method", lambda _: zipfile.ZIP_BZIP2), "corrupt"),
        ("bad-crc.docx", patched(good, document, "crc", lambda crc: crc ^ 1), "corrupt"),
        ("bad-deflate.docx", damaged_stream(good, document), "corrupt"),
        ("bad-deflate.dotx", damaged_stream(_template(good), document), "corrupt"),
        ("bad-deflate-header.docx", damaged_stream(good, "word/header1.xml"), "corrupt"),
        ("encrypted-entry.docx", patched(good, document, "flags", lambda flags: flags | 1), "password"),
        ("duplicate-entry.docx", _duplicate_entry(), "corrupt"),
        ("empty-zip.docx", zip_bytes({}), "corrupt"),
        ("no-content-types.docx", zip_bytes({"word/document.xml": b"<w:document/>"}), "corrupt"),
        ("zip-in-zip.docx", zip_bytes({"brief.docx": good}), "corrupt"),
        ("not-xml.docx", _not_xml(), "corrupt"),
        ("ole-garbage.doc", compound_file("WordDocument")[:76] + random.Random(7).randbytes(3000), "corrupt"),
        ("ole-huge-numbers.doc", _ole_huge_numbers(), "corrupt"),
    ]
    return [Case(name, data, code, "container") for name, data, code in cases]


def _duplicate_entry() -> bytes:
    """A second word/document.xml: the central directory lists two entries of one name."""
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w") as archive:
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name
        for name, body in entries_of(letter_docx()).items():
            archive.writestr(name, body)
        archive.writestr("word/document.xml", b"<w:document/>")
    return out.getvalue()


def _not_xml() -> bytes:
    entries = entries_of(letter_docx())
    entries["word/document.xml"] = b"<?xml version='1.0'?><w:document><w:body><w:p>"
    return zip_bytes(entries)


def _ole_huge_numbers() -> bytes:
    """An OLE header whose every count and sector number is at its maximum."""
    header = bytearray(compound_file("WordDocument"))
    header[44:76] = b"\xff" * 32
    header[76:512] = b"\xfe\xff\xff\x7f" * 109
    return bytes(header)


def bomb_cases() -> list[Case]:
    good = letter_docx()
    blank = package(paragraphs("Brief.") + " " * 8_000_000)  # 8 MB of XML that packs into 8 KB
    cases = [
        ("ratio.docx", blank, "zip-bomb"),
        ("declared-huge.docx", patched(good, "word/document.xml", "size", lambda _: 0xFFFFFFF0), "zip-bomb"),
        ("declared-small.docx", patched(blank, "word/document.xml", "size", lambda _: 900), "corrupt"),
        ("entries.docx", package(paragraphs("Brief."), extra={f"media/{n}.bin": b"x" for n in range(1200)}),
         "zip-bomb"),
        ("headers.docx", package(paragraphs("Brief."), headers=1100), "zip-bomb"),
        ("tags.docx", package(paragraphs("Brief.") + _random_tags(400_000, 1), headers=2,
                              extra={"customXml/item1.xml": _random_tags(700_000, 2).join(["<r>", "</r>"]).encode()}),
         "zip-bomb"),
        ("big-entry.docx", package(paragraphs("Brief."), extra={"word/media/big.bin": b"\0" * 25_000_000}),
         "zip-bomb"),
        ("blank-image.docx", letter_docx(extra={"word/media/blank.bmp": b"\xff" * 5_000_000}), None),
        # An embedded zip bomb is never unpacked: only the outer package is, and it is small.
        ("nested.docx", letter_docx(extra={"word/embeddings/bomb.zip": zip_bytes({"zeros": b"\0" * 50_000_000})}),
         None),
    ]
    return [Case(name, data, code, "bomb") for name, data, code in cases]


DTD_PARTS = ("[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml",
             "word/styles.xml", "word/header1.xml")


def dtd_cases() -> list[Case]:
    cases = [Case(f"{kind}-{part.replace('/', '_')}.docx", letter_docx(dtd={part: dtd}), "unsafe-xml", "dtd")
             for part in DTD_PARTS for kind, dtd in (("xxe", XXE), ("laughs", LAUGHS))]
    entries = entries_of(letter_docx())
    entries["word/document.xml"] = ('<?xml version="1.0" encoding="UTF-16"?>' + XXE
                                    + entries["word/document.xml"].decode()[len(DECLARATION):]).encode("utf-16")
    cases.append(Case("xxe-utf16.docx", zip_bytes(entries), "unsafe-xml", "dtd"))
    # The DOCTYPE straddles the reader's 64 KB chunks.
    padding = "<!--" + "x" * (65536 - len(DECLARATION) - 4 - 4 - 3) + "-->"
    cases.append(Case("xxe-chunk-edge.docx", letter_docx(dtd={"word/document.xml": padding + XXE}), "unsafe-xml",
                      "dtd"))
    return cases


def macro_cases() -> list[Case]:
    vba = b"\xd0\xcf\x11\xe0" + b"\0" * 100
    cases = [
        ("macro.docm", letter_docx(main=MACRO_DOCUMENT, extra={"word/vbaProject.bin": vba}), "macro"),
        ("lowercase.docx", letter_docx(extra={"word/vbaproject.bin": vba}), "macro"),
        ("elsewhere.docx", letter_docx(extra={"customXml/VBAPROJECT.BIN": vba}), "macro"),
        ("type-only.docx", letter_docx(main=MACRO_DOCUMENT), "macro"),
        ("renamed-part.docx", _vba_by_content_type(), "macro"),
    ]
    return [Case(name, data, code, "macro") for name, data, code in cases]


def _vba_by_content_type() -> bytes:
    entries = entries_of(letter_docx(extra={"word/code.bin": b"\0" * 64}))
    entries["[Content_Types].xml"] = entries["[Content_Types].xml"].replace(
        b"</Types>", b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
    return zip_bytes(entries)


def format_cases() -> list[Case]:
    odt = zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"})
    xlsx = zip_bytes({"[Content_Types].xml": b'<Types><Override ContentType="application/vnd.openxmlformats-'
                      b'officedocument.spreadsheetml.sheet.main+xml"/></Types>', "xl/workbook.xml": b"<w/>"})
    exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(range(256)) * 8
    cases = [
        ("old.doc", compound_file("WordDocument"), "legacy-doc"),
        ("old-renamed.docx", compound_file("WordDocument"), "legacy-doc"),
        ("old-sheet.doc", compound_file("Workbook"), "unsupported"),
        ("encrypted.docx", _encrypted(), "password"),
        ("pdf.docx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "unsupported"),
        ("png.docx", b"\x89PNG\r\n\x1a\n" + b"\0\0\0\rIHDR" + bytes(100), "unsupported"),
        ("jpeg.txt", b"\xff\xd8\xff\xe0\0\x10JFIF" + bytes(100), "unsupported"),
        ("odt.docx", odt, "unsupported"),
        ("rtf.docx", rb"{\rtf1\ansi Geachte heer,\par}", "unsupported"),
        ("exe.docx", exe, "corrupt"),
        ("exe.txt", exe, "binary"),
        ("sheet.docx", xlsx, "unsupported"),
        ("letter.xlsx", LETTER.encode(), "unsupported"),
        ("template.dotx", _template(letter_docx()), None),
    ]
    return [Case(name, data, code, "format") for name, data, code in cases]


def text_cases() -> list[Case]:
    text = LETTER
    cases = [
        ("empty.txt", b"", "empty"),
        ("whitespace.txt", b"  \n\t\n\r\n   \n", "empty"),
        ("bom-only.txt", b"\xef\xbb\xbf", "empty"),
        ("empty.docx", package(paragraphs("", "   ", "\t"), headers=0), "empty"),
        ("no-body.docx", package("", headers=0), "empty"),
        ("utf16-le-bom.txt", text.encode("utf-16"), None),
        ("utf16-be-bom.txt", b"\xfe\xff" + text.encode("utf-16-be"), None),
        ("utf16-le.txt", text.encode("utf-16-le"), None),
        ("utf16-be.txt", text.encode("utf-16-be"), None),
        ("utf16-odd.txt", text.encode("utf-16")[:-1], "encoding"),
        ("invalid-utf8.txt", text.encode()[:40] + b"\x81\x8d\xc3" + text.encode()[40:], "encoding"),
        ("cp1252.txt", (text + " Wij vragen € 12,50.").encode("cp1252"), None),
        ("nul.txt", text.encode()[:30] + b"\0" + text.encode()[30:], "binary"),
        ("nuls.txt", b"\0" * 500, "binary"),
        ("escapes.txt", text.replace("ontvangen.", "\x1b[31montvangen.\x1b[0m").encode(), None),
        ("controls.txt", bytes(range(1, 32)) * 40, "binary"),
        ("invisible.txt", text.replace("aanvraag", "aan\u200bvraag\u200d").replace("Wij", "\u200fWij\u202e")
         .replace("groet", "gr\ufeffoet\u2066").encode(), None),
    ]
    return [Case(name, data, code, "text") for name, data, code in cases]


def reader_cases() -> list[Case]:
    """Every case that is a file's bytes (paths that are not plain files: :func:`write_special`)."""
    return [*container_cases(), *bomb_cases(), *dtd_cases(), *macro_cases(), *format_cases(), *text_cases()]


# -- pathological shapes ---------------------------------------------------------------------------------


def shapes(scale: float = 1.0) -> dict[str, bytes]:
    """Letters (file name -> bytes) whose shape once cost quadratic time or unbounded memory, at ``scale``
    times their base size; at scale 4 each is about the size that hung or passed 1 GB in issue 12, and under
    the word limit, except the large parts, refused as too long after python-docx parsed them, and the empty
    paragraphs, which pass the compression-ratio cap there."""
    def n(base: int) -> int:
        return int(base * scale)

    prose = "Wij hebben uw aanvraag voor een parkeervergunning ontvangen en gaan die nu behandelen. "
    noise = paragraphs(*_random_words(n(4_700_000), seed=4))
    jargon = "Wij verzoeken u vriendelijk doch dringend het verschuldigde bedrag te voldoen. "
    return {
        "paragraph-without-stops.txt": ("woord " * n(8_500)).encode(),
        "paragraph-without-stops.docx": package(paragraphs("woord " * n(8_500))),
        "long-word.txt": ("a" * n(50_000)).encode(),
        "hyphens.txt": ("-" * n(50_000)).encode(),
        "dotted.txt": ("a." * n(7_500)).encode(),
        "email-like.txt": ("a-" * n(22_000) + " info@").encode(),
        "short-lines.txt": ("Postbus\n" * n(22_000)).encode(),
        "conjunctions.txt": ("Jan en " * n(11_000) + "Piet komen.").encode(),
        "negations.txt": ("niet " * n(12_500) + "nooit.").encode(),
        "jargon.txt": (jargon * n(1_500)).encode(),
        "tiny-paragraphs.docx": package(paragraphs(*["Ja."] * n(24_997))),  # at 4x: the word limit
        "line-breaks.docx": package("<w:p><w:r>" + "<w:t>regel</w:t><w:br/>" * n(22_000) + "</w:r></w:p>"),
        "empty-paragraphs.docx": package("<w:p/>" * n(100_000)),
        "word-limit.txt": (prose * n(25_000 // 13)).encode(),
        "big-parts.docx": package(noise, header=noise),
        "many-headers.docx": package(paragraphs("Brief."), headers=n(225),
                                     header=paragraphs(*_random_words(20_000, 5))),
    }


AB = bytes(b"ab"[byte & 1] for byte in range(256))


def _random_words(size: int, seed: int) -> list[str]:
    """About ``size`` characters in paragraphs of random words of 200 letters a and b: they pack about
    seven times, so a part of 19 MB fits in a file under the size limit without looking like a bomb."""
    text = random.Random(seed).randbytes(size).translate(AB).decode()
    return [" ".join(text[i : i + 200] for i in range(start, min(start + 20_000, len(text)), 201))
            for start in range(0, len(text), 20_000)]


# -- paths that are not plain files -------------------------------------------------------------------------


def write_special(folder: Path) -> dict[str, str]:
    """Create paths a letter folder may hold besides letters; returns name -> the error code each gives."""
    folder.mkdir(parents=True, exist_ok=True)
    codes = {}
    for name, target in (("zero.txt", "/dev/zero"), ("urandom.txt", "/dev/urandom"), ("null.docx", "/dev/null")):
        if os.path.exists(target):
            (folder / name).symlink_to(target)
            codes[name] = "not-a-file"
    os.mkfifo(folder / "fifo.txt")
    codes["fifo.txt"] = "not-a-file"
    with socket.socket(socket.AF_UNIX) as sock, contextlib.chdir(folder):
        sock.bind("socket.txt")  # relative: a socket's path may have at most about 100 characters
    codes["socket.txt"] = "not-a-file"
    (folder / "loop-a.txt").symlink_to("loop-b.txt")
    (folder / "loop-b.txt").symlink_to("loop-a.txt")
    codes["loop-a.txt"] = codes["loop-b.txt"] = "bad-path"
    (folder / "broken.docx").symlink_to("nowhere.docx")
    codes["broken.docx"] = "not-found"
    return codes


def deep_folder(root: Path, depth: int) -> Path:
    """``depth`` nested folders with a letter at the bottom; built with relative steps (no path limit)."""
    root.mkdir(parents=True, exist_ok=True)
    here = os.open(root, os.O_RDONLY)
    try:
        for _ in range(depth):
            os.mkdir("d", dir_fd=here)
            step = os.open("d", os.O_RDONLY, dir_fd=here)
            os.close(here)
            here = step
        descriptor = os.open("brief.txt", os.O_WRONLY | os.O_CREAT, dir_fd=here)
        os.write(descriptor, LETTER.encode())
        os.close(descriptor)
    finally:
        os.close(here)
    return root.joinpath(*["d"] * depth, "brief.txt")


def remove_deep(root: Path) -> None:
    """Remove a tree bottom-up, without recursion: shutil.rmtree, and with it pytest's clean-up of old
    temporary folders, recurses once per level and fails on a deep folder."""
    stack = [root]
    while stack:
        entries = list(os.scandir(stack[-1]))
        folders = [Path(entry.path) for entry in entries if entry.is_dir(follow_symlinks=False)]
        if folders:
            stack.extend(folders)
            continue
        for entry in entries:
            os.unlink(entry.path)
        os.rmdir(stack.pop())
