"""Template placeholders: found, kept intact, and hidden from the language checks.

Letter templates in the wild mark the places a system fills in with ``{{ naam }}``,
``{% if %}``, ``${kenmerk}``, ``{naam}``, ``«Naam»``, ``<<adres>>``, ``[datum]``,
``%NAAM%`` or Word MERGEFIELDs (handled by the .docx reader). They are not words
of the letter: never flagged, not counted as rare words, and parsed as a name.
"""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(
    r"""
      \{\{.{1,80}?\}\}                 # {{ naam }}
    | \{%.{1,120}?%\}                  # {% if partner %}
    | \$\{[^{}\n]{1,60}\}              # ${kenmerk}
    | \{[A-Za-z_][\w .-]{0,40}\}       # {naam}
    | «[^«»\n]{1,60}»                  # «Naam»
    | <<[^<>\n]{1,60}>>                # <<adres>>
    | \[[^\[\]\n]*[A-Za-z][^\[\]\n]{0,40}\]   # [datum]
    | %[A-Za-z_][\w .-]{0,40}%         # %NAAM%
    """,
    re.VERBOSE,
)


def find_placeholders(text: str) -> list[tuple[int, int]]:
    """Character ranges of the placeholders in ``text``."""
    return [match.span() for match in PLACEHOLDER.finditer(text)]


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace each placeholder by a name-like word of the same length.

    Keeping the length keeps every character offset valid, and a capitalised
    word without spaces is parsed as one proper noun, which is what a filled-in
    name, date or amount behaves like in a sentence.
    """
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = "X" + "x" * (end - start - 1)
    return "".join(chars)
