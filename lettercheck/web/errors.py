"""Errors as Dutch JSON for the API and Dutch pages for people; never a stack trace, never letter text in a log."""

from __future__ import annotations

import logging
import traceback

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from ..errors import LetterError

log = logging.getLogger(__name__)

STATUS_BY_CODE = {"too-large": 413, "too-long": 413, "unsupported": 415, "legacy-doc": 415, "password": 415}
"""HTTP status of a letter the reader refuses; any other refusal (corrupt, empty, binary) is 422."""
HTTP_CODES = {
    400: ("bad-request", "Het verzoek is niet goed opgebouwd."),
    403: ("forbidden", "Dit verzoek is geweigerd."),
    404: ("not-found", "Deze pagina bestaat niet."),
    405: ("method-not-allowed", "Deze methode kan hier niet; gebruik {allowed}."),
    413: ("too-large", "Het bestand is te groot. De grens is {max_mb} MB."),
    415: ("unsupported-request", "Dit soort verzoek kan lettercheck niet lezen."),
    500: ("internal", "Er ging iets mis in lettercheck. Probeer het opnieuw; lukt het weer niet, "
                      "meld het dan bij de beheerder."),
}


class ApiError(Exception):
    """A request the app refuses, with an HTTP status, a stable ``code`` and a Dutch ``message``."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(code)
        self.status, self.code, self.message = status, code, message


def init_app(app: Flask) -> None:
    app.register_error_handler(ApiError, lambda error: error_response(error.status, error.code, error.message))
    app.register_error_handler(LetterError, _letter_error)
    app.register_error_handler(HTTPException, _http_error)


def log_internal(error: BaseException) -> None:
    """Where it failed and the exception's type, not its message: that may quote the letter."""
    frame = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    where = f" at {frame.filename}:{frame.lineno} in {frame.name}" if frame else ""
    log.error("internal error on %s %s: %s%s", request.method, request.path, type(error).__name__, where)


def error_response(status: int, code: str, message: str, headers: dict | None = None):
    if _wants_page():
        body = render_template("error.html", status=status, message=message)
    else:
        body = jsonify(error={"code": code, "message": message})
    return body, status, headers or {}


def _letter_error(error: LetterError):
    return error_response(STATUS_BY_CODE.get(error.code, 422), error.code, error.message)


def _http_error(error: HTTPException):
    status = error.code or 500
    code, message = HTTP_CODES.get(status, HTTP_CODES[400 if status < 500 else 500])
    allowed = sorted(getattr(error, "valid_methods", None) or ())
    shown = " of ".join(method for method in allowed if method not in ("HEAD", "OPTIONS"))
    message = message.format(max_mb=max_mb(), allowed=shown)
    return error_response(status, code, message, {"Allow": ", ".join(allowed)} if allowed else None)


def max_mb() -> str:
    """The size limit in Dutch: '10', '0,5'."""
    from .service import service  # the service module raises these errors

    return f"{service().config.max_file_mb:g}".replace(".", ",")


def _wants_page() -> bool:
    """People get a page; the API, health checks and clients that ask for JSON get JSON."""
    if request.path.startswith("/api/") or request.path == "/healthz":
        return False
    return request.accept_mimetypes.accept_html
