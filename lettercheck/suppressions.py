"""Inline suppressions: template authors switch rules off where a finding is known and accepted.

In a text file, a line of its own, bare or inside a comment marker (``#``, ``//``, ``--``, ``%``, ``{# #}``,
``<!-- -->``):

- ``lettercheck: negeer jargon, threat-pressure``: those rules or categories in the next paragraph
  (no names: every rule);
- ``lettercheck: uit`` ... ``lettercheck: aan``: the paragraphs between (``uit jargon``: only those).

In a Word file, a comment whose text starts with ``lettercheck: negeer`` (or ``uit``) switches the names after it
off on the range the comment covers.

Directive lines are not letter text: the reader reads them as blank lines, so that line numbers stay those of
the file. A suppressed finding is kept apart (``Report.suppressed``), not dropped. A finding on a span is
suppressed when a directive covering it names its rule or category, or names none; a finding about the whole
letter (something missing) when any directive names its rule or category.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .letter import Letter
    from .model import Finding

DIRECTIVE = re.compile(r"(?:#+|//|--|%|\{\#|<!--)?\s*lettercheck:\s*(?P<verb>negeer|uit|aan)\b(?P<names>.*)",
                       re.IGNORECASE)
"""Matched on a stripped line; one run of white space each, so a long line costs linear time."""
MARKER = "lettercheck:"
RULE_NAME = re.compile(r"[a-z][a-z0-9-]{0,39}")
CLOSERS = ("#}", "-->")
RANGE_VERBS = ("negeer", "uit")
"""The verbs of a Word comment directive: either switches the names off on the comment's range."""


@dataclass(frozen=True, slots=True)
class Directive:
    line: int
    """1-based line of the file (text files)."""
    verb: str
    names: frozenset[str]
    """Rule ids or categories; empty: every rule."""


@dataclass(frozen=True, slots=True)
class Suppression:
    """Rules switched off on the letter text ``start:end``."""

    start: int
    end: int
    names: frozenset[str]

    def covers(self, finding: Finding) -> bool:
        named = finding.rule in self.names or finding.category in self.names
        if finding.scope == "letter":
            return named
        overlaps = finding.start < self.end and self.start < max(finding.end, finding.start + 1)
        return overlaps and (named or not self.names)


def parse_directive(line: str, number: int = 0) -> Directive | None:
    match = DIRECTIVE.fullmatch(line.strip())
    if match is None:
        return None
    names = match["names"]
    for closer in CLOSERS:
        names = names.removesuffix(closer)
    names = frozenset(name.lower() for name in re.split(r"[\s,;]+", names) if name)
    return Directive(number, match["verb"].lower(), names)


def split_directives(text: str) -> tuple[str, list[Directive]]:
    """The text with its directive lines blanked (line numbers kept), and the directives in order."""
    if MARKER not in text.lower():
        return text, []
    lines = text.split("\n")
    directives = []
    for number, line in enumerate(lines, start=1):
        if MARKER in line.lower() and (directive := parse_directive(line, number)):
            directives.append(directive)
            lines[number - 1] = ""
    return "\n".join(lines), directives


def text_suppressions(letter: Letter, directives: list[Directive]) -> list[Suppression]:
    """Directives of a text file as ranges of the letter text: the next paragraph, or the paragraphs up to 'aan'."""
    found: list[Suppression] = []
    opened: Directive | None = None
    for number, directive in enumerate(directives):
        if directive.verb == "negeer":
            block = next((b for b in letter.blocks if b.line > directive.line), None)
            if block is not None:
                found.append(Suppression(block.start, block.end, directive.names))
            continue
        if opened is not None:
            found.extend(_between(letter, opened, directive.line))
        opened = directive if directive.verb == "uit" else None
        if opened is not None and number == len(directives) - 1:
            found.extend(_between(letter, opened, None))
    return found


def _between(letter: Letter, opened: Directive, until: int | None) -> list[Suppression]:
    inside = [b for b in letter.blocks if b.line > opened.line and (until is None or b.line < until)]
    return [Suppression(inside[0].start, inside[-1].end, opened.names)] if inside else []


def comment_directives(comments: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """Word comment id -> the names it switches off, for comments that are range directives."""
    found = {}
    for comment_id, text in comments:
        directive = parse_directive(text.strip().split("\n", 1)[0])
        if directive is not None and directive.verb in RANGE_VERBS:
            found[comment_id] = directive.names
    return found


def unknown_names(suppressions: list[Suppression], known: set[str]) -> list[str]:
    """The names in directives that are no rule id or category ('jargn'): those suppress nothing. Only words that
    look like a rule name are given back, so that a directive full of letter text never reaches a log."""
    names = {name for suppression in suppressions for name in suppression.names} - known
    return sorted(name for name in names if RULE_NAME.fullmatch(name))


def split_findings(findings: list[Finding], suppressions: list[Suppression]) -> tuple[list[Finding], list[Finding]]:
    """(kept, suppressed)."""
    if not suppressions:
        return findings, []
    kept, suppressed = [], []
    for finding in findings:
        (suppressed if any(s.covers(finding) for s in suppressions) else kept).append(finding)
    return kept, suppressed


def word_suppressions(document, letter: Letter) -> list[Suppression]:
    """The ranges of a Word letter's ``lettercheck:`` comments, in letter-text offsets."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    try:
        comments = document.part.part_related_by(RELATIONSHIP_TYPE.COMMENTS).comments
    except KeyError:  # no comments part
        return []
    directives = comment_directives((str(comment.comment_id), comment.text) for comment in comments)
    if not directives:
        return []
    starts, ends = _comment_marks(document, letter)
    return [Suppression(starts[key], ends.get(key, letter.block_at(starts[key]).end), names)
            for key, names in directives.items() if key in starts]


def _comment_marks(document, letter: Letter) -> tuple[dict[str, int], dict[str, int]]:
    """Letter-text offsets of the comment range starts and ends that sit in a paragraph with text."""
    from .readers import W, ordered_parts, part_label, part_paragraphs

    blocks = {(block.location.part, block.location.paragraph): block for block in letter.blocks}
    starts: dict[str, int] = {}
    ends: dict[str, int] = {}
    for part in ordered_parts(document):
        label = part_label(document, part)
        for index, paragraph in enumerate(part_paragraphs(part.element)):
            block = blocks.get((label, index))
            if block is None:
                continue
            for mark, offset in _marks_in(paragraph):
                target = starts if mark.tag == f"{W}commentRangeStart" else ends
                target[mark.get(f"{W}id")] = block.start + offset
    return starts, ends


def _marks_in(paragraph) -> list[tuple[object, int]]:
    """The comment range marks of one paragraph (not of the paragraphs of its text boxes), each with its offset
    in the paragraph's text: the end of the last run with text before it."""
    from .readers import W, read_paragraph

    marks = [mark for mark in paragraph.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd")
             if next(mark.iterancestors(f"{W}p"), None) is paragraph]
    if not marks:
        return []
    order = {element: number for number, element in enumerate(paragraph.iter())}
    runs = read_paragraph(paragraph).runs
    return [(mark, max((offset + length for run, offset, length in runs if order[run] < order[mark]), default=0))
            for mark in marks]
