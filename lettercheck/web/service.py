"""Between HTTP and the core: read a letter from a request, apply the accepted rewrites, check it, describe it.

One :class:`LetterService` per process holds the checker, built once at start-up.
"""

from __future__ import annotations

import threading

from flask import current_app

from .. import __version__
from ..config import Config
from ..letter import Letter
from ..model import Edit
from ..readers import read_letter_bytes
from ..structure import WORDING_KINDS, Kind, Segment
from .errors import ApiError
from .inputs import LetterRequest

EXTENSION = "lettercheck"
"""The service's key in ``app.extensions``."""


class LetterService:
    def __init__(self, config: Config) -> None:
        from ..engine import Checker
        from ..nlp import model_source

        self.config = config
        self.checker = Checker(config)
        self.model = model_source()
        # gunicorn's workers take one request at a time, a threaded WSGI server need not: spaCy does not promise
        # thread safety, and under the GIL two checks at once are no faster than one after the other.
        self._lock = threading.Lock()

    def letter(self, given: LetterRequest) -> Letter:
        """The letter as sent, with its edits applied as they would be in the downloaded file."""
        letter = self.read(given.data, given.name)
        if not given.edits:
            return letter
        data, _ = self.edited_file(letter, given.edits)
        return self.read(data, given.name)

    def read(self, data: bytes, name: str) -> Letter:
        return read_letter_bytes(data, name, self.config.max_bytes, self.config.max_words)

    def edited_file(self, letter: Letter, edits: tuple[Edit, ...], tracked: bool = False) -> tuple[bytes, str]:
        """The letter's file with ``edits`` applied, as the draft writer writes it: (bytes, suffix)."""
        from ..draft import letter_file

        ordered = sorted(edits, key=lambda e: (e.start, e.end))
        bounds = [0, *(point for edit in ordered for point in (edit.start, edit.end)), len(letter.text)]
        if bounds != sorted(bounds):
            raise ApiError(400, "invalid-edits", "De wijzigingen passen niet bij de brief: ze overlappen "
                           "of vallen buiten de tekst.")
        try:
            return letter_file(letter, ordered, tracked=tracked)
        except ValueError:  # left to the Word writer: an edit over two paragraphs, which its runs cannot take
            raise ApiError(400, "invalid-edits", "Een wijziging loopt over twee alinea's; "
                           "dat kan niet in een Word-bestand.") from None

    def analyse(self, letter: Letter):
        with self._lock:
            return self.checker.analyse(letter)

    def document(self, analysis) -> dict:
        """The CLI's JSON for one letter, plus the letter's text and paragraphs the page draws it with."""
        return {
            "lettercheck": __version__,
            "model": self.model,
            "documents": [analysis.report().as_dict()],
            "letter": letter_view(analysis.letter, analysis.segments),
        }


def service() -> LetterService:
    return current_app.extensions[EXTENSION]


def letter_view(letter: Letter, segments: list[Segment]) -> dict:
    """The letter as the page draws it: its text, and its blocks with whether lettercheck reads their words
    (an address block, a date or a reference line is drawn quieter)."""
    read = {segment.block for segment in segments if segment.kind in WORDING_KINDS | {Kind.SALUTATION, Kind.CLOSING}}
    blocks = [{"start": b.start, "end": b.end, "part": b.location.part, "gap_before": b.gap_before,
               "wording": index in read} for index, b in enumerate(letter.blocks)]
    return {"name": letter.source, "format": letter.format, "text": letter.text, "blocks": blocks}
