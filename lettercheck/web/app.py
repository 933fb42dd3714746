"""The app factory: the checker is built once here, at start-up, and shared by every request of the process."""

from __future__ import annotations

import io

from flask import Flask, Request

from ..config import Config
from . import api, errors, pages, security
from .service import EXTENSION, LetterService

MULTIPART_ALLOWANCE = 64 * 1024
"""Room for the multipart framing and the edits around a file of the largest size allowed."""


class InMemoryRequest(Request):
    """Uploads stay in memory: Werkzeug would spool files over 500 KB to a temporary file on disk."""

    def _get_file_stream(self, total_content_length, content_type, filename=None, content_length=None):
        return io.BytesIO()


class LettercheckFlask(Flask):
    request_class = InMemoryRequest

    def log_exception(self, exc_info) -> None:
        # Flask's own logging prints the exception's message, which may quote the letter.
        errors.log_internal(exc_info[1])


def create_app(config: Config | None = None) -> Flask:
    config = config or Config()
    app = LettercheckFlask(__name__)
    app.config.update(
        MAX_CONTENT_LENGTH=config.max_bytes + MULTIPART_ALLOWANCE,
        MAX_FORM_MEMORY_SIZE=config.max_bytes,
    )
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    app.extensions[EXTENSION] = LetterService(config)
    security.init_app(app)
    errors.init_app(app)
    app.register_blueprint(api.blueprint)
    app.register_blueprint(pages.blueprint)
    return app
