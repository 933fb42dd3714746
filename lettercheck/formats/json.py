"""JSON: ``{"lettercheck": version, "model": ..., "documents": [report, ...]}``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from ..model import Report
from . import Run


class JsonFormat:
    def write(self, reports: Iterable[Report], out: TextIO, run: Run) -> None:
        data = {"lettercheck": run.version, "model": run.model, "documents": [r.as_dict() for r in reports]}
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")


FORMAT = JsonFormat()
