"""The letter text model: blocks of text with the place they came from.

A block is one paragraph of the source: a Word paragraph (body, table cell, text
box, header or footer) or a paragraph of a text file. The letter's plain text is
its blocks joined by newlines, so every offset in it maps back to one block and
an offset inside that block's source paragraph.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .placeholders import find_placeholders

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Location:
    """Where a paragraph sits in its source file.

    ``part`` is ``text`` for text files, ``body`` for the main Word document, or
    ``header:<part name>`` / ``footer:<part name>``. ``paragraph`` counts the
    paragraphs of that part in document order (for Word: every ``w:p``, table
    cells and text boxes included), starting at 0.
    """

    part: str
    paragraph: int


@dataclass(slots=True)
class Block:
    text: str
    location: Location
    gap_before: bool = True
    """White space (an empty paragraph, a blank line, a new part) separates it from the block before."""
    in_table: bool = False
    bold: tuple[Span, ...] = ()
    """Character ranges within ``text`` set in bold."""
    fields: tuple[Span, ...] = ()
    """Character ranges within ``text`` that are the results of Word merge fields."""
    start: int = 0
    """Offset of ``text`` in the letter's plain text (set by :class:`Letter`)."""

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def is_letterhead(self) -> bool:
        """Page headers and footers: sender, logo text, contact lines."""
        return self.location.part != "body" and self.location.part != "text"


@dataclass(slots=True)
class Letter:
    """A letter as blocks of text; empty blocks only mark a gap."""

    source: str
    blocks: list[Block]
    text: str = field(init=False)
    placeholders: list[Span] = field(init=False)
    _starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        kept: list[Block] = []
        gap = False
        for block in self.blocks:
            if not block.text.strip():
                gap = True
                continue
            block.gap_before = block.gap_before or gap or not kept
            gap = False
            kept.append(block)
        offset = 0
        for block in kept:
            block.start = offset
            offset += len(block.text) + 1
        self.blocks = kept
        self.text = "\n".join(block.text for block in kept)
        self._starts = [block.start for block in kept]
        fields = [(b.start + s, b.start + e) for b in kept for s, e in b.fields]
        self.placeholders = sorted(set(fields) | set(find_placeholders(self.text)))

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()

    def block_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def locate(self, start: int, end: int) -> dict[str, object]:
        """The source place of the letter text ``start:end``: part, paragraph, offsets."""
        block = self.blocks[self.block_index(start)]
        return {
            "part": block.location.part,
            "paragraph": block.location.paragraph,
            "start": start - block.start,
            "end": min(end, block.end) - block.start,
        }
