"""Which files a run checks: the files given, and the letters inside the folders given."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .readers import LETTER_SUFFIXES


def letter_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The files given, and the letters in the folders given (recursively, sorted)."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in LETTER_SUFFIXES
                and not p.name.startswith(("~$", ".")) and not any(part.startswith(".") for part in p.parts)
            )
        else:
            found.append(path)
    return found
