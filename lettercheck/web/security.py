"""Response headers and cross-site request protection.

CSRF: the app sets no cookie and has no session or login, so a forged request
carries no ambient authority; still, no other site may make a user's browser
post letters here. Browsers say where a request comes from: ``Sec-Fetch-Site``
(every current browser) or else ``Origin`` (every browser sends it on a
cross-origin POST). A POST that a browser marks as coming from another site is
refused; a request with neither header is not from a browser page (curl, a
script) and cannot be forged by one. This is the Fetch Metadata check that
OWASP recommends and Go's ``http.CrossOriginProtection`` implements; unlike a
token it needs no state on the server and no extra step for API clients.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, request

from .errors import ApiError

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
SAME_SITE = frozenset({"same-origin", "none"})
"""``none``: the user typed the address or used a bookmark."""
CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "font-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
))
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def init_app(app: Flask) -> None:
    app.before_request(refuse_cross_site)
    app.after_request(add_headers)


def refuse_cross_site() -> None:
    if request.method in SAFE_METHODS or _same_site():
        return
    raise ApiError(403, "cross-site", "Dit verzoek komt van een andere website en is daarom geweigerd.")


def _same_site() -> bool:
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None:
        return site in SAME_SITE
    origin = request.headers.get("Origin")
    return origin is None or urlsplit(origin).netloc == request.host


def add_headers(response):
    response.headers.update(HEADERS)
    if not request.path.startswith("/static/"):
        # Responses quote letters: no browser or proxy may keep a copy.
        response.headers["Cache-Control"] = "no-store"
    return response
