"""A rewritten draft of a whole letter: the fixes applied, the missing blocks added, no fact lost.

:func:`make_draft` picks one fix per finding (the safe ones, or with
``include_proposed`` all of them), resolves overlaps (a sentence rewrite already
holds the safe word replacements inside it, so it wins over them; of two
rewrites of the same words the more important rule wins; the other is dropped
and reported), and keeps no edit that would lose a fact of the letter (an amount, date, number,
reference, article of law, name, e-mail address, URL, placeholder or the
objection clause): :func:`lettercheck.facts.missing_facts` is the check the
rewriters apply to every fix they make. :func:`draft_file` writes the draft as
the letter came in: a text file with its blank lines, or a .docx in which only
the runs the edits touch change.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from .model import Edit, Finding, Fix

PRIORITY = ("conditional-threat", "missing-action", "missing-help", "missing-contact", "threat-pressure",
            "must-language", "passive-voice", "long-sentence", "many-clauses", "vague-deadline", "shouting",
            "jargon", "nominalisation", "threat-sanction", "rare-word", "long-word")
"""Which rewrite wins when two touch the same words: the earlier rule."""
NOT_IN_DRAFTS = frozenset({"rare-word", "long-word"})
"""Their fixes mark where a person should explain a word; a draft does not fill in placeholders for that."""
SENTENCE = re.compile(r"[^.!?\n]+[.!?]")
@dataclass(frozen=True, slots=True)
class Change:
    rule: str
    description: str
    edits: tuple[Edit, ...]
    reason: str = ""
    """For a dropped change: why (Dutch)."""


@dataclass(slots=True)
class Draft:
    original: str
    text: str
    applied: list[Change] = field(default_factory=list)
    dropped: list[Change] = field(default_factory=list)

    @property
    def edits(self) -> list[Edit]:
        return sorted((e for change in self.applied for e in change.edits), key=lambda e: (e.start, e.end))

    @property
    def added(self) -> list[str]:
        """The guidance blocks added."""
        return [change.edits[0].replacement.strip() for change in self.applied if change.rule.startswith("missing-")]

    def diff(self, name: str = "brief") -> str:
        return unified_diff(self.original, self.text, name)


def unified_diff(before: str, after: str, name: str) -> str:
    """A unified diff of two versions of a letter, in Dutch labels."""
    return "".join(difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True),
        fromfile=f"{name} (origineel)", tofile=f"{name} (herschreven)",
    ))


def make_draft(analysis, include_proposed: bool = False) -> Draft:
    """The letter of ``analysis`` with its fixes applied (the rewriters already refused fixes that lose facts)."""
    text = analysis.letter.text
    accepted: list[Change] = []
    dropped: list[Change] = []
    for finding, fixes in _candidates(analysis.findings, include_proposed):
        refused = []
        for fix in fixes:  # the first fix that fits; a finding's later fixes are its fallbacks
            reason = _refusal(text, fix, accepted, analysis.letter.format) or _repeats(text, fix, accepted)
            if not reason:
                accepted.append(Change(finding.rule, fix.description, fix.edits))
                break
            refused.append(Change(finding.rule, fix.description, fix.edits, reason))
        else:
            dropped.append(refused[0])
    draft = Draft(text, apply(text, [e for change in accepted for e in change.edits]), dropped=dropped)
    draft.applied = sorted(accepted, key=lambda c: c.edits[0].start)
    return draft


def _candidates(findings: list[Finding], include_proposed: bool) -> list[tuple[Finding, list[Fix]]]:
    """Each finding with its applicable fixes, the most important rules and widest edits first."""
    chosen = []
    for finding in findings:
        fixes = [f for f in finding.fixes if include_proposed or f.applicability == "safe"]
        if fixes and finding.rule not in NOT_IN_DRAFTS:
            chosen.append((finding, fixes))

    def rank(item):
        finding, fixes = item
        order = PRIORITY.index(finding.rule) if finding.rule in PRIORITY else len(PRIORITY)
        return order, -sum(e.end - e.start for e in fixes[0].edits), finding.start

    return sorted(chosen, key=rank)


def _refusal(text: str, fix: Fix, accepted: list[Change], letter_format: str) -> str:
    """Why ``fix`` cannot join the accepted changes; empty when it can."""
    for edit in fix.edits:
        if any(_overlap(edit, other) for change in accepted for other in change.edits):
            return "overlapt met een andere herschrijving"
        if letter_format == "docx" and "\n" in text[edit.start : edit.end]:
            return "loopt over twee alinea's"
    return ""


def _repeats(text: str, fix: Fix, accepted: list[Change]) -> str:
    """A fix that adds a sentence another accepted change already adds (two fixes offering the same help)."""
    added = {s.strip() for e in fix.edits for s in SENTENCE.findall(e.replacement) if s.strip() not in text}
    earlier = {s.strip() for c in accepted for e in c.edits for s in SENTENCE.findall(e.replacement)}
    return "staat er al in" if added & earlier else ""


def _overlap(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:  # an insertion conflicts only strictly inside a replaced range
        point, other = (a, b) if a.start == a.end else (b, a)
        return other.start < point.start < other.end
    return a.start < b.end and b.start < a.end


def apply(text: str, edits: list[Edit]) -> str:
    """``text`` with non-overlapping edits applied; insertions at one place keep their order."""
    pieces, position = [], 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        pieces.append(text[position : edit.start])
        pieces.append(edit.replacement)
        position = max(position, edit.end)
    pieces.append(text[position:])
    return "".join(pieces)


def draft_file(analysis, draft: Draft, tracked: bool = False) -> tuple[bytes, str]:
    """The draft as a file like the original: (bytes, suffix)."""
    return letter_file(analysis.letter, draft.edits, tracked)


def letter_file(letter, edits: list[Edit], tracked: bool = False) -> tuple[bytes, str]:
    """The letter's file with non-overlapping ``edits`` applied: a .docx for a Word letter, else a .txt.

    ValueError when an edit cannot be made in Word runs (it spans two paragraphs).
    """
    if letter.format == "docx":
        from .writers.docx import apply_edits, insert_paragraphs

        inline = [e for e in edits if not _is_new_paragraph(letter, e)]
        paragraphs = [e for e in edits if _is_new_paragraph(letter, e)]
        data = apply_edits(letter, inline, tracked=tracked)
        return insert_paragraphs(data, letter, paragraphs, tracked=tracked), ".docx"
    return text_file(letter, edits).encode("utf-8"), ".txt"


def _is_new_paragraph(letter, edit: Edit) -> bool:
    """A guidance block: an insertion at the start of a block ending in a newline, or after the last block."""
    if edit.start != edit.end:
        return False
    at_block_start = edit.replacement.endswith("\n") and letter.block_at(edit.start).start == edit.start
    return at_block_start or (edit.start == len(letter.text) and edit.replacement.startswith("\n"))


def text_file(letter, edits: list[Edit]) -> str:
    """The original text file with the edits applied, blank lines and indentation as they were."""
    original = letter.original
    line_starts = [0] + [i + 1 for i, ch in enumerate(original) if ch == "\n"]

    def offset(position: int) -> int:
        if position >= len(letter.text):
            return len(original.rstrip("\n"))
        block = letter.block_at(position)
        line, column = block.line_column(position - block.start)
        return line_starts[line - 1] + column - 1

    mapped = []
    for edit in edits:
        replacement = edit.replacement
        if _is_new_paragraph(letter, edit):
            replacement = replacement + "\n" if replacement.endswith("\n") else "\n" + replacement
        mapped.append(Edit(offset(edit.start), offset(edit.end), replacement))
    return apply(original, mapped)
