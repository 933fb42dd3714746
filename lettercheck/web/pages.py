"""The one page: upload or paste a letter, then work on it (drawn by ``static/app.js`` from the API's answers)."""

from __future__ import annotations

from flask import Blueprint, render_template

from ..catalogue import load_categories
from ..model import CEFR, SEVERITIES, SEVERITY_LABELS
from .errors import max_mb
from .service import service

blueprint = Blueprint("pages", __name__)

CHECKLIST = (
    ("key-message-late", "De kernboodschap staat vooraan"),
    ("missing-action", "Wat de lezer moet doen, en hoe"),
    ("vague-deadline", "Een echte datum als termijn"),
    ("missing-contact", "Hoe de lezer contact opneemt"),
    ("missing-help", "Waar de lezer hulp vindt"),
)
"""The guidance a reader needs, each ticked when its rule did not fire (Direct Duidelijk, see the guidelines)."""


def category_marks() -> dict[str, str]:
    """A letter per category, shown beside every highlight so that colour is never the only sign."""
    return {category.id: category.label[0].upper() for category in load_categories().values()}


@blueprint.get("/")
def index():
    letters = service()
    marks = category_marks()
    categories = [(category, marks[category.id]) for category in load_categories().values()]
    return render_template(
        "index.html",
        categories=categories,
        severities=[(severity, SEVERITY_LABELS[severity]) for severity in reversed(SEVERITIES)],
        checklist=[(rule, label, rule in letters.checker.active) for rule, label in CHECKLIST],
        levels=CEFR,
        target_level=letters.config.target_level,
        max_mb=max_mb(),
        max_bytes=letters.config.max_bytes,
    )
