"""Errors the user sees: a Dutch message for people, an English detail for logs."""

from __future__ import annotations

import os
import unicodedata

CODES = {
    # reading a letter
    "not-found": "no file at the path, or a part of the path is not a folder",
    "no-access": "permission denied",
    "not-a-file": "a folder, device, FIFO or socket instead of a regular file",
    "bad-path": "the path cannot be opened (too long, a symlink loop)",
    "unreadable": "any other operating system error while reading",
    "too-large": "the file is over the size limit (max_file_mb)",
    "too-long": "the text is over the word limit (max_words)",
    "empty": "the letter has no text",
    "binary": "the content is not text",
    "encoding": "the text cannot be decoded",
    "unsupported": "a format lettercheck does not read (PDF, RTF, OpenDocument, images, other Office files)",
    "corrupt": "a damaged Word file (zip, XML or OLE container)",
    "zip-bomb": "a Word file that unpacks to too many entries, bytes or XML tags, or at too high a ratio",
    "unsafe-xml": "a Word file with a DTD (entity declarations) in an XML part",
    "password": "a password-protected (encrypted) Office file",
    "macro": "a Word file with macros",
    "legacy-doc": "an old binary Word file (.doc)",
    "internal": "an unexpected error in lettercheck while checking one letter",
    # a run or a setting
    "no-letters": "no letters at the paths given",
    "config": "an invalid settings file or setting",
    "output": "the report cannot be written",
    "unknown-rule": "no rule or category by that name",
    "model-missing": "the spaCy pipeline cannot be loaded",
    "letterhead-only": "a letter to annotate has text only in its page headers and footers",
    "address": "the web app cannot listen on the host and port given",
}
"""Every error code, with what it means: codes are stable, reports and exit code 2 carry them."""


class LetterError(Exception):
    """A letter or setting lettercheck cannot work with.

    ``message`` is Dutch and shown to the user; ``detail`` is English and goes to
    the log. Neither may contain letter text: letters hold personal data.
    """

    def __init__(self, code: str, message: str, detail: str = "") -> None:
        super().__init__(detail or message)
        self.code = code
        self.message = message
        self.detail = detail or code

    def __reduce__(self):
        # Reports cross process boundaries (parallel checks); keep all three fields.
        return type(self), (self.code, self.message, self.detail)

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
"""Controls (terminal escapes), format characters (bidi overrides, zero-width), surrogates, unassigned."""


def safe_text(text: str) -> str:
    """``text`` printable as it stands: undecodable bytes and control characters escaped (``\\x1b``)."""
    return "".join(_escaped(ch) if unicodedata.category(ch) in UNSAFE_CATEGORIES else ch for ch in text)


def _escaped(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not valid UTF-8 (os.fsdecode's surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def display_path(path: str | os.PathLike) -> str:
    """A file name as reports and messages show it: always valid UTF-8, no control characters."""
    return safe_text(os.fsdecode(path))
