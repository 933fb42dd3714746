"""``lettercheck serve``: the app on gunicorn, one process per worker.

A check holds Python's GIL nearly all the time (two threads check no faster
than one), so real parallelism needs processes. gunicorn forks its workers from
a master that has already built the app, checker included: the language model
loads once and the workers share its memory copy-on-write. The workers are
gunicorn's sync workers, one request at a time each, so that a burst of uploads
spreads over all of them (threaded workers let one process take most of the
connections while the others idle: half the throughput, measured with
bench/web_load.py). A client that stalls holds its worker for at most
``TIMEOUT`` seconds; put a buffering proxy (nginx) in front when the app is
reachable beyond a trusted network.
"""

from __future__ import annotations

import socket
import sys

from gunicorn.app.base import BaseApplication

from ..config import Config
from ..errors import LetterError
from .app import create_app

TIMEOUT = 60
"""Seconds a worker may spend on one request before gunicorn replaces it; the largest letter takes a few."""


class Server(BaseApplication):
    def __init__(self, app, options: dict) -> None:
        self.application, self.options = app, options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return self.application


def serve(config: Config, host: str, port: int, workers: int) -> None:
    check_address(host, port)
    app = create_app(config)
    address = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"

    def ready(_arbiter) -> None:
        plural = "proces" if workers == 1 else "processen"
        print(f"lettercheck: de webapp draait op http://{address}/ ({workers} {plural}). Stoppen: Ctrl+C",
              file=sys.stderr, flush=True)

    Server(app, {
        "bind": address,
        "workers": workers,
        "worker_class": "sync",
        "timeout": TIMEOUT,
        "preload_app": True,
        "accesslog": None,
        "control_socket_disable": True,
        "when_ready": ready,
    }).run()


def check_address(host: str, port: int) -> None:
    """A Dutch error now, before the language model loads, when the address cannot be used."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    except socket.gaierror:
        raise LetterError("address", f"Het adres '{host}' bestaat niet op deze computer.", "unknown host") from None
    try:
        with socket.create_server((host, port), family=family):
            pass
    except OSError as error:
        raise LetterError("address", f"Kan niet luisteren op {host}:{port}: de poort is al in gebruik of "
                          "niet toegestaan.", type(error).__name__) from None
