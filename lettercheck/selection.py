"""Which files a run checks: the files given, and the letters inside the folders given."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from .filerules import FileRules


def letter_paths(paths: Iterable[str | Path], include: Sequence[str] = (), exclude: Sequence[str] = ()) -> list[Path]:
    """The files given, and the letters in the folders given (recursively, sorted).

    Inside folders, :class:`~lettercheck.filerules.FileRules` decides (default suffixes or ``include``,
    ``exclude``, .gitignore, build and virtual-environment folders); a file given is always checked.
    A folder that cannot be listed is returned as a path of its own, so its report
    says why; so is a letter name that is not a regular file (a FIFO, a broken link).
    """
    found: list[Path] = []
    for path in map(Path, paths):
        # isdir is False for a name too long or with a NUL: the reader says why
        found.extend(sorted(_walk(path, FileRules(path, include, exclude))) if os.path.isdir(path) else [path])
    return found


def _walk(root: Path, rules: FileRules) -> list[Path]:
    """Iterative (any depth), following links to folders once each (no loops); hidden names skipped."""
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            status = os.stat(folder)
            if (status.st_dev, status.st_ino) in seen:
                continue
            seen.add((status.st_dev, status.st_ino))
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            found.append(folder)
            continue
        for entry in entries:
            if entry.name.startswith(("~$", ".")):
                continue
            if _entry_is_dir(entry):
                if rules.takes_folder(entry.path):
                    stack.append(Path(entry.path))
            elif rules.takes_file(entry.path):
                found.append(Path(entry.path))
    return found


def _entry_is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False
