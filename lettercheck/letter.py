"""The letter text model: blocks of text with the place they came from.

A block is one paragraph of the source: a Word paragraph (body, table cell, text
box, header or footer) or a paragraph of a text file. The letter's plain text is
its blocks joined by newlines, so every offset in it maps back to one block, and
from there to the source: for Word, the runs the characters came from; for a
text file, a line and a column of the original file.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .model import SourceRange
from .placeholders import find_placeholders

if TYPE_CHECKING:
    from .suppressions import Suppression

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


@dataclass(frozen=True, slots=True)
class RunPiece:
    """Characters ``offset:offset + length`` of a block's text are the text of run number ``run``.

    Runs are numbered per paragraph in reading order, counting only the runs that
    have text (see :func:`lettercheck.readers.read_paragraph`, which writers use
    to find the same runs again).
    """

    run: int
    offset: int
    length: int


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
    runs: tuple[RunPiece, ...] = ()
    """For Word paragraphs: the runs its text came from, in order."""
    line: int = 0
    """For text files: the 1-based line of the file on which the block starts (its lines follow one by one)."""
    start: int = 0
    """Offset of ``text`` in the letter's plain text (set by :class:`Letter`)."""
    _line_starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    _run_ends: list[int] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def is_letterhead(self) -> bool:
        """Page headers and footers: sender, logo text, contact lines."""
        return self.location.part != "body" and self.location.part != "text"

    def line_column(self, offset: int) -> tuple[int, int]:
        """File line and 1-based column of a block offset (text files)."""
        if self._line_starts is None:  # once per block: a long paragraph may have many findings
            self._line_starts = [0] + [i + 1 for i, ch in enumerate(self.text) if ch == "\n"]
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return self.line + index, offset - self._line_starts[index] + 1

    def run_pieces(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """The (run, start, end) character ranges of runs that make up block offsets ``start:end``."""
        if self._run_ends is None:
            self._run_ends = [piece.offset + piece.length for piece in self.runs]
        pieces = []
        for piece in self.runs[bisect.bisect_right(self._run_ends, start) :]:  # the runs are in text order
            if piece.offset >= end:
                break
            low, high = max(start, piece.offset), min(end, piece.offset + piece.length)
            if low < high:
                pieces.append((piece.run, low - piece.offset, high - piece.offset))
        return pieces


@dataclass(slots=True)
class Letter:
    """A letter as blocks of text; empty blocks only mark a gap."""

    source: str
    blocks: list[Block]
    format: str = "text"
    """``docx`` or ``text``."""
    package: bytes | None = field(default=None, repr=False)
    """For Word letters: the package as read (a template converted to a document), for writers."""
    original: str = field(default="", repr=False)
    """For text letters: the file's text as decoded (newlines normalised), for writers."""
    suppressions: list[Suppression] = field(default_factory=list, repr=False)
    """Ranges where inline ``lettercheck:`` comments switch rules off (set by the reader)."""
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

    def block_at(self, offset: int) -> Block:
        return self.blocks[self.block_index(offset)]

    def locate(self, start: int, end: int) -> SourceRange:
        """The source place of the letter text ``start:end``.

        ``start``/``end`` inside the paragraph are clipped to the paragraph where
        the range starts; a text file's end line and column are those of ``end``.
        """
        block = self.block_at(start)
        inner_start, inner_end = start - block.start, min(end, block.end) - block.start
        if self.format != "text":
            return SourceRange(block.location.part, block.location.paragraph, inner_start, inner_end)
        last = self.block_at(max(start, end - 1)) if end > start else block
        line, column = block.line_column(inner_start)
        end_line, end_column = last.line_column(min(end, last.end) - last.start)
        return SourceRange(block.location.part, block.location.paragraph, inner_start, inner_end,
                           line, column, end_line, end_column)

    def run_pieces(self, start: int, end: int) -> list[tuple[Block, list[tuple[int, int, int]]]]:
        """For Word letters: per block touched by ``start:end``, the (run, start, end) pieces it covers."""
        found = []
        for index in range(self.block_index(start), len(self.blocks)):
            block = self.blocks[index]
            if block.start >= end and end > start:
                break
            pieces = block.run_pieces(max(start, block.start) - block.start, min(end, block.end) - block.start)
            if pieces:
                found.append((block, pieces))
            if block.end >= end:
                break
        return found
