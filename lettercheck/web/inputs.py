"""What an API request asks for: a letter (an upload or pasted text), the rewrites to apply to it, and options.

Two shapes, as the API documents them: multipart with the file in ``file`` and
``edits`` as a JSON string, or a JSON object with ``text`` and ``edits``. The
letter's format is decided later by its content (:func:`read_letter_bytes`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from flask import Request

from ..model import Edit
from .errors import ApiError

PASTED_NAME = "geplakte-tekst.txt"
TRUE_WORDS = frozenset({"1", "true", "on", "ja"})
EDITS_MESSAGE = "De wijzigingen ('edits') moeten een lijst zijn van objecten met start, end en replacement."


@dataclass(frozen=True, slots=True)
class LetterRequest:
    data: bytes
    name: str
    """The uploaded file's name (it only hints at the format), or :data:`PASTED_NAME`."""
    edits: tuple[Edit, ...] = ()
    """Edits in the text of the letter as sent, to apply before anything else."""
    flags: frozenset[str] = frozenset()
    """Names of boolean options that are on (``include_proposed``, ``tracked``)."""


def letter_request(request: Request) -> LetterRequest:
    if request.mimetype == "multipart/form-data":
        return _from_form(request)
    if request.is_json:
        return _from_json(request)
    raise ApiError(415, "unsupported-request",
                   "Stuur de brief als bestand (multipart-veld 'file') of als JSON met het veld 'text'.")


def _from_form(request: Request) -> LetterRequest:
    upload = request.files.get("file")
    data = upload.read() if upload is not None else b""
    if upload is None or not (data or upload.filename):
        raise ApiError(400, "missing-file", "Kies een brief: het veld 'file' ontbreekt of er is geen bestand gekozen.")
    if not data:
        raise ApiError(422, "empty", "Het bestand is leeg.")
    edits = _edits(_json_field(request.form.get("edits", "[]")))
    flags = frozenset(name for name, value in request.form.items() if value.lower() in TRUE_WORDS)
    return LetterRequest(data, upload.filename or "brief", edits, flags)


def _from_json(request: Request) -> LetterRequest:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ApiError(400, "invalid-json", "Dit is geen geldige JSON. Stuur een object met het veld 'text'.")
    text = body.get("text")
    if not isinstance(text, str):
        raise ApiError(400, "missing-text", "Het veld 'text' met de tekst van de brief ontbreekt.")
    flags = frozenset(name for name, value in body.items() if value is True)
    return LetterRequest(text.encode("utf-8"), PASTED_NAME, _edits(body.get("edits", [])), flags)


def _json_field(value: str):
    try:
        return json.loads(value)
    except ValueError:
        raise ApiError(400, "invalid-edits", EDITS_MESSAGE) from None


def _edits(items) -> tuple[Edit, ...]:
    if not isinstance(items, list) or not all(_is_edit(item) for item in items):
        raise ApiError(400, "invalid-edits", EDITS_MESSAGE)
    return tuple(Edit(item["start"], item["end"], item["replacement"]) for item in items)


def _is_edit(item) -> bool:
    return (
        isinstance(item, dict)
        and all(isinstance(item.get(key), int) and not isinstance(item.get(key), bool) for key in ("start", "end"))
        and isinstance(item.get("replacement"), str)
    )
