"""The web app: one Dutch page and a JSON API over the checker, for communication staff.

Stateless by design: the server keeps nothing between requests. Letters hold
names, BSNs and IBANs, so an upload lives only in the memory of the request
that carries it; the browser keeps the original and sends it again, with the
rewrites the user accepted, whenever it needs a new check or a download.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
