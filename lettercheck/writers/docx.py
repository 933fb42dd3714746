"""Word output: comments on a letter's findings, and edits applied to its runs.

The one place that changes Word runs. Everything is addressed by letter-text
offsets: a block's paragraph is found again by its location (the numbering of
:func:`~lettercheck.readers.part_paragraphs`), and its runs by reading that
paragraph afresh (:func:`~lettercheck.readers.read_paragraph`), so runs split
or replaced earlier never leave stale run numbers behind.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import itertools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.run import Run

from ..errors import LetterError
from ..letter import Block, Letter, Location
from ..model import Edit, Finding, Readability
from ..readers import BREAKS, W, ordered_parts, part_label, part_paragraphs, read_paragraph
from ..structure import WORDING_KINDS

if TYPE_CHECKING:  # the engine loads spaCy; editing runs does not need it
    from ..engine import Analysis

AUTHOR, INITIALS = "lettercheck", "LC"
TEXT = f"{W}t"
TEXT_TAGS = {TEXT, *BREAKS}
"""Run children that make up a run's text, as :func:`read_paragraph` counts it."""
PLACES = {"header": "koptekst", "footer": "voettekst"}


class WordCopy:
    """An editable copy of a letter as a Word document, its paragraphs found by the letter's blocks."""

    def __init__(self, letter: Letter, package: bytes | None = None) -> None:
        """A copy of ``letter``; of ``package`` instead when given (the letter already edited, same paragraphs)."""
        self.letter = letter
        package = package or letter.package
        if package is not None:
            self.document = docx.Document(io.BytesIO(package))
            self._paragraphs = {
                Location(part_label(self.document, part), index): paragraph
                for part in ordered_parts(self.document)
                for index, paragraph in enumerate(part_paragraphs(part.element))
            }
        else:  # a text letter: one paragraph per block, its lines as line breaks
            self.document = docx.Document()
            self._paragraphs = {block.location: self.document.add_paragraph(block.text)._p for block in letter.blocks}

    def to_bytes(self) -> bytes:
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()

    def cover(self, start: int, end: int) -> list:
        """The ``w:r`` elements that hold exactly the letter text ``start:end``, split where needed."""
        runs = []
        first, last = self.letter.block_index(start), self.letter.block_index(end - 1)
        for block in self.letter.blocks[first : last + 1]:
            runs += self.block_runs(block, max(start, block.start) - block.start, min(end, block.end) - block.start)
        return runs

    def block_runs(self, block: Block, start: int, end: int) -> list:
        """The ``w:r`` elements that hold exactly the block text ``start:end``, split where needed."""
        paragraph = self.paragraph(block)
        _run_boundary(paragraph, start)
        _run_boundary(paragraph, end)
        return [run for run, offset, length in read_paragraph(paragraph).runs
                if start <= offset and offset + length <= end]

    def paragraph(self, block: Block):
        return self._paragraphs[block.location]

    def comment(self, start: int, end: int, text: str) -> None:
        """A Word comment on the letter text ``start:end`` (in the main document: Word shows no others)."""
        runs = self.cover(start, end)
        self.document.add_comment([Run(runs[0], self.document), Run(runs[-1], self.document)], text,
                                  author=AUTHOR, initials=INITIALS)


# -- splitting runs ---------------------------------------------------------


def _run_boundary(paragraph, offset: int) -> None:
    """Split the run that holds paragraph offset ``offset`` strictly inside it."""
    for run, start, length in read_paragraph(paragraph).runs:
        if start < offset < start + length:
            _split_run(run, offset - start)
            return


def _split_run(run, offset: int) -> None:
    """Move the run's content from character ``offset`` on into a new run after it, with the same formatting."""
    right = _empty_like(run)
    position = 0
    for child in _content(run):
        length = _length(child)
        if position >= offset:
            right.append(child)
        elif position + length > offset:  # only a w:t holds more than one character
            cut = offset - position
            right.append(_text_element("w:t", child.text[cut:]))
            child.text = child.text[:cut]
            child.set(qn("xml:space"), "preserve")
        position += length
    run.addnext(right)


def _empty_like(run):
    """A new run with the attributes and the run properties (``w:rPr``) of ``run``."""
    new = OxmlElement("w:r", attrs=dict(run.attrib))
    if run.rPr is not None:
        new.append(copy.deepcopy(run.rPr))
    return new


def _content(run) -> list:
    return [child for child in run if child.tag != f"{W}rPr"]


def _length(child) -> int:
    if child.tag == TEXT:
        return len(child.text or "")
    return 1 if child.tag in BREAKS else 0


def _text_element(tag: str, text: str):
    element = OxmlElement(tag)
    element.text = text
    element.set(qn("xml:space"), "preserve")
    return element


# -- comments ---------------------------------------------------------------


def annotate(analysis: Analysis, target_level: str) -> bytes:
    """A copy of the letter (a new .docx for a text letter) with a Word comment on each finding.

    The first comment, on the first paragraph of the wording, sums up the
    readability; findings about the whole letter are anchored there by the
    checks already; findings in page headers and footers move there too.
    """
    word = WordCopy(analysis.letter)
    summary = summary_anchor(analysis)
    word.comment(*summary, readability_summary(analysis.readability, target_level))
    for finding in analysis.findings:
        in_place = not analysis.letter.block_at(finding.start).is_letterhead
        word.comment(*((finding.start, finding.end) if in_place else summary), finding_comment(finding, in_place))
    return word.to_bytes()


def summary_anchor(analysis: Analysis) -> tuple[int, int]:
    """The letter-text range of the first paragraph of the wording, else of the first body paragraph."""
    segment = next((s for s in analysis.segments if s.kind in WORDING_KINDS), None)
    if segment is not None:
        return segment.start, segment.end
    block = next((b for b in analysis.letter.blocks if not b.is_letterhead), None)
    if block is None:
        raise LetterError("letterhead-only", "De brief heeft alleen tekst in de kop- en voettekst. "
                          "Daar kan Word geen opmerkingen tonen.", "no body text to comment on")
    return block.start, block.end


def finding_comment(finding: Finding, in_place: bool) -> str:
    """The message, the suggestion and the rule id; for a finding in a page header or footer, where it is."""
    lines = [] if in_place else [f'In de {PLACES[finding.location.part.split(":")[0]]}: "{finding.text}"']
    lines.append(finding.message)
    if finding.suggestion:
        lines.append(f"Suggestie: {finding.suggestion}")
    lines.append(f"Regel: {finding.rule}")
    return "\n".join(lines)


def readability_summary(readability: Readability | None, target_level: str) -> str:
    """'Niveau B2, doel B1 · LiNT 52 · 21,4 woorden per zin'."""
    if readability is None or not readability.words:
        return f"Geen lopende tekst gevonden om het taalniveau te bepalen (doel {target_level})."
    parts = [f"Niveau {readability.level}, doel {target_level}"]
    if readability.lint_score is not None:
        parts.append(f"LiNT {readability.lint_score:.0f}")
    parts.append(f"{readability.avg_sentence_length:.1f} woorden per zin".replace(".", ","))
    return " · ".join(parts)


# -- edits ------------------------------------------------------------------


def apply_edits(letter: Letter, edits: Iterable[Edit], tracked: bool = False, author: str = AUTHOR) -> bytes:
    """A copy of a Word letter with ``edits`` applied to its runs, as tracked changes when ``tracked``.

    The replacement text takes the formatting of the first run it replaces (of
    the run before it, for an insertion). Edits must not overlap and must stay
    within one paragraph: ValueError otherwise.
    """
    if letter.package is None:
        raise ValueError("apply_edits needs a Word letter")
    ordered = sorted(edits, key=lambda edit: (edit.start, edit.end))
    _check_edits(letter, ordered)
    word = WordCopy(letter)
    revisions = Revisions(word.document, author) if tracked else None
    for edit in reversed(ordered):  # from the end, so the offsets of the edits before stay valid
        _apply(word, edit, revisions)
    return word.to_bytes()


def _check_edits(letter: Letter, edits: list[Edit]) -> None:
    for before, edit in itertools.pairwise(edits):
        if edit.start < before.end:
            raise ValueError(f"edits overlap at {edit.start}")
    for edit in edits:
        if not 0 <= edit.start <= edit.end <= len(letter.text):
            raise ValueError(f"edit {edit.start}:{edit.end} lies outside the letter")
        if edit.end > letter.block_at(edit.start).end:
            raise ValueError(f"edit {edit.start}:{edit.end} spans two paragraphs")


class Revisions:
    """Tracked-change marks (``w:ins``, ``w:del``) by one author at one time, with ids not yet in the document."""

    def __init__(self, document, author: str) -> None:
        self.author = author
        self.date = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        self._ids = itertools.count(max(_ids(document), default=0) + 1)

    def mark(self, tag: str, run):
        element = OxmlElement(tag, attrs={qn("w:id"): str(next(self._ids)), qn("w:author"): self.author,
                                          qn("w:date"): self.date})
        element.append(run)
        return element


def _ids(document) -> Iterator[int]:
    for part in ordered_parts(document):
        for value in part.element.xpath("//@w:id"):
            if value.lstrip("-").isdigit():
                yield int(value)


def _apply(word: WordCopy, edit: Edit, revisions: Revisions | None) -> None:
    block = word.letter.block_at(edit.start)
    start, end = edit.start - block.start, edit.end - block.start
    if start == end:
        if edit.replacement:
            _insert(word.paragraph(block), start, edit.replacement, revisions)
        return
    runs = word.block_runs(block, start, end)
    if revisions is not None:
        for run in runs:
            run.addprevious(revisions.mark("w:del", _deleted_copy(run)))
    if edit.replacement:
        runs[-1].addprevious(_marked_new_run(runs[0], edit.replacement, revisions))
    for run in runs:
        _remove_text(run)


def _insert(paragraph, offset: int, text: str, revisions: Revisions | None) -> None:
    """Insert ``text`` at paragraph offset ``offset``, formatted as the run before it (the first run at 0)."""
    _run_boundary(paragraph, offset)
    runs = read_paragraph(paragraph).runs
    before = next((run for run, start, length in runs if start + length == offset), None)
    if before is not None:
        before.addnext(_marked_new_run(before, text, revisions))
    else:
        after = next(run for run, start, _ in runs if start == offset)
        after.addprevious(_marked_new_run(after, text, revisions))


def _marked_new_run(template, text: str, revisions: Revisions | None):
    run = _empty_like(template)
    run.text = text  # python-docx: "\n" becomes w:br, "\t" w:tab
    return revisions.mark("w:ins", run) if revisions is not None else run


def _deleted_copy(run):
    """The run's text as deleted text (``w:delText``), with its formatting."""
    deleted = _empty_like(run)
    for child in _content(run):
        if child.tag == TEXT:
            deleted.append(_text_element("w:delText", child.text or ""))
        elif child.tag in BREAKS:
            deleted.append(copy.deepcopy(child))
    return deleted


def _remove_text(run) -> None:
    """Remove the run's text; the run too when nothing else (a drawing, a field character) is left in it."""
    content = _content(run)
    for child in content:
        if child.tag in TEXT_TAGS:
            run.remove(child)
    if all(child.tag in TEXT_TAGS for child in content):
        run.getparent().remove(run)


# -- new paragraphs -----------------------------------------------------------


def insert_paragraphs(package: bytes, letter: Letter, edits: Iterable[Edit], tracked: bool = False,
                      author: str = AUTHOR) -> bytes:
    """``package`` (the letter, edited or not) with new paragraphs: the guidance blocks of a draft.

    An edit inserts at the start of a block ('text\n': before that paragraph) or after the last block
    ('\ntext'). Each line becomes a paragraph in the style of its neighbour; a first line that asks a
    question ('Wat kunt u nu doen?') is set in bold, as a heading.
    """
    edits = list(edits)
    if not edits:
        return package
    word = WordCopy(letter, package)
    revisions = Revisions(word.document, author) if tracked else None
    for edit in edits:
        at_end = edit.start >= len(letter.text)
        neighbour = word.paragraph(letter.blocks[-1] if at_end else letter.block_at(edit.start))
        lines = [line for line in edit.replacement.strip("\n").split("\n") if line.strip()]
        gap = _spaced_by_empty_paragraphs(neighbour)
        new = [_new_paragraph(neighbour, line, _is_heading(lines, line), revisions) for line in lines]
        if gap:  # the letter separates its paragraphs by empty ones: so does the new block
            new = [_empty(neighbour), *new] if at_end else [*new, _empty(neighbour)]
        for paragraph in reversed(new) if at_end else new:
            (neighbour.addnext if at_end else neighbour.addprevious)(paragraph)
    return word.to_bytes()


def _spaced_by_empty_paragraphs(paragraph) -> bool:
    previous = paragraph.getprevious()
    return previous is not None and previous.tag == qn("w:p") and not read_paragraph(previous).text.strip()


def _empty(neighbour):
    return _new_paragraph(neighbour, "", False, None)


def _is_heading(lines: list[str], line: str) -> bool:
    return len(lines) > 1 and line == lines[0] and line.endswith("?")


def _new_paragraph(neighbour, text: str, bold: bool, revisions: Revisions | None):
    paragraph = OxmlElement("w:p")
    properties = neighbour.find(qn("w:pPr"))
    if properties is not None:
        paragraph.append(copy.deepcopy(properties))
    if not text:
        return paragraph
    run = OxmlElement("w:r")
    if bold:
        run_properties = OxmlElement("w:rPr")
        run_properties.append(OxmlElement("w:b"))
        run.append(run_properties)
    run.append(_text_element("w:t", text))
    paragraph.append(revisions.mark("w:ins", run) if revisions is not None else run)
    return paragraph

