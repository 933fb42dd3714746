"""The JSON API (documented in ``openapi.json``): check, rewrite, annotate, download an edited letter, rules."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

from flask import Blueprint, Response, request, send_file, send_from_directory

from .. import __version__
from ..catalogue import load_categories, load_rules
from .inputs import LetterRequest, letter_request
from .service import service

blueprint = Blueprint("api", __name__)
HERE = Path(__file__).resolve().parent
MEDIA_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".txt": "text/plain; charset=utf-8",
}


@blueprint.post("/api/check")
def check():
    letters = service()
    return letters.document(letters.analyse(letters.letter(letter_request(request))))


@blueprint.post("/api/rewrite")
def rewrite():
    """Every safe rewrite applied (the proposed ones too when asked): the draft, and the check of the draft."""
    from ..draft import draft_file, make_draft

    letters = service()
    given = letter_request(request)
    analysis = letters.analyse(letters.letter(given))
    draft = make_draft(analysis, include_proposed="include_proposed" in given.flags)
    data, suffix = draft_file(analysis, draft)
    body = letters.document(letters.analyse(letters.read(data, _stem(given) + suffix)))
    body["draft"] = {
        "text": draft.text,
        "edits": [edit.as_dict() for edit in draft.edits],
        "applied": [dataclasses.asdict(change) for change in draft.applied],
        "dropped": [dataclasses.asdict(change) for change in draft.dropped],
        "added": draft.added,
    }
    return body


@blueprint.post("/api/annotate")
def annotate():
    """The letter (a new .docx for a text letter) with a Word comment on every finding."""
    from ..writers.docx import annotate as annotated

    letters = service()
    given = letter_request(request)
    data = annotated(letters.analyse(letters.letter(given)), letters.config.target_level)
    return _download(data, f"{_stem(given)}-opmerkingen.docx")


@blueprint.post("/api/draft")
def draft():
    """The letter's own file with the given edits applied: .docx for Word (``tracked``: as tracked changes), or .txt."""
    letters = service()
    given = letter_request(request)
    data, suffix = letters.edited_file(letters.read(given.data, given.name), given.edits, "tracked" in given.flags)
    return _download(data, f"{_stem(given)}-herschreven{suffix}")


@blueprint.get("/api/rules")
def rules():
    active = service().checker.active
    return {
        "categories": [dataclasses.asdict(category) for category in load_categories().values()],
        "rules": [{**dataclasses.asdict(rule), "active": rule.id in active} for rule in load_rules().values()],
    }


@blueprint.get("/api/openapi.json")
def openapi():
    return send_from_directory(HERE, "openapi.json", mimetype="application/json")


@blueprint.get("/healthz")
def healthz():
    return {"status": "ok", "lettercheck": __version__}


def _stem(given: LetterRequest) -> str:
    return Path(given.name).stem or "brief"


def _download(data: bytes, name: str) -> Response:
    return send_file(io.BytesIO(data), mimetype=MEDIA_TYPES[Path(name).suffix], as_attachment=True,
                     download_name=name)
