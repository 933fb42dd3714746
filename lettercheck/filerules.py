"""Which files inside a folder are letters to check, and which folders are not looked into.

Files: ``.docx``, ``.dotx`` and ``.txt`` (or what ``include`` names instead), not what ``exclude`` names, not
what a ``.gitignore`` ignores below a git work tree. Folders skipped: ``build``, ``dist``, ``venv``, ``*.egg-info``,
a virtual environment (a folder holding ``pyvenv.cfg``), and what ``exclude`` or a ``.gitignore`` names; hidden
names are skipped by the walk itself. Patterns are gitignore patterns, matched against the path relative to the
folder given. Files and folders named on the command line are never filtered: they are checked as asked.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from pathspec import GitIgnoreSpec

DEFAULT_SUFFIXES = frozenset({".docx", ".dotx", ".txt"})
SKIPPED_FOLDERS = frozenset({"build", "dist", "venv"})


class FileRules:
    """The selection rules for the walk of one folder given on the command line."""

    def __init__(self, root: Path, include: Sequence[str] = (), exclude: Sequence[str] = ()) -> None:
        self.root = os.path.abspath(root)
        self.include = GitIgnoreSpec.from_lines(include) if include else None
        self.exclude = GitIgnoreSpec.from_lines(exclude) if exclude else None
        top = _work_tree(self.root)
        self.gitignores = GitIgnores(top) if top else None

    def takes_folder(self, path: str) -> bool:
        name = os.path.basename(path)
        if name in SKIPPED_FOLDERS or name.endswith(".egg-info") or os.path.isfile(os.path.join(path, "pyvenv.cfg")):
            return False
        return not self._excluded(path, folder=True)

    def takes_file(self, path: str) -> bool:
        if self.include is not None:
            wanted = self.include.match_file(self._relative(path))
        else:
            wanted = PurePath(path).suffix.lower() in DEFAULT_SUFFIXES
        return wanted and not self._excluded(path, folder=False)

    def _excluded(self, path: str, folder: bool) -> bool:
        if self.exclude is not None and self.exclude.match_file(self._relative(path) + ("/" if folder else "")):
            return True
        return self.gitignores is not None and self.gitignores.ignored(os.path.abspath(path), folder)

    def _relative(self, path: str) -> str:
        return PurePath(os.path.relpath(os.path.abspath(path), self.root)).as_posix()


def _work_tree(folder: str) -> str | None:
    """The top of the git work tree holding ``folder`` (a ``.git`` folder or file there), if any."""
    for directory in (folder, *map(str, PurePath(folder).parents)):
        if os.path.exists(os.path.join(directory, ".git")):
            return directory
    return None


@dataclass(frozen=True, slots=True)
class _Ignores:
    """The patterns of one ``.gitignore`` (or ``.git/info/exclude``), and those of the folders above it."""

    base: str
    spec: GitIgnoreSpec
    parent: _Ignores | None


class GitIgnores:
    """``.gitignore`` files from the top of a work tree down, and ``.git/info/exclude``, as git reads them: the
    deepest file with a matching pattern decides, its last matching pattern wins (``!`` re-includes)."""

    def __init__(self, top: str) -> None:
        self.top = top
        info = _spec(os.path.join(top, ".git", "info", "exclude"))
        outermost = _Ignores(top, info, None) if info else None
        self._nearest: dict[str, _Ignores | None] = {top: self._with_own(top, outermost)}

    def ignored(self, path: str, folder: bool) -> bool:
        node = self._node(os.path.dirname(path))
        while node is not None:
            relative = PurePath(os.path.relpath(path, node.base)).as_posix() + ("/" if folder else "")
            decided = node.spec.check_file(relative).include
            if decided is not None:
                return decided
            node = node.parent
        return False

    def _node(self, folder: str) -> _Ignores | None:
        """The nearest patterns for ``folder``, worked out for it and the folders above it not seen yet
        (iteratively: a tree may be deeper than Python's recursion limit)."""
        pending = []
        while folder not in self._nearest and folder != os.path.dirname(folder):
            pending.append(folder)
            folder = os.path.dirname(folder)
        node = self._nearest.get(folder)
        for below in reversed(pending):
            node = self._nearest[below] = self._with_own(below, node)
        return node

    @staticmethod
    def _with_own(folder: str, parent: _Ignores | None) -> _Ignores | None:
        own = _spec(os.path.join(folder, ".gitignore"))
        return _Ignores(folder, own, parent) if own else parent


def _spec(path: str) -> GitIgnoreSpec | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return None
    try:
        return GitIgnoreSpec.from_lines(lines) if lines else None
    except ValueError:  # git skips a bad pattern; pathspec refuses the file: keep the valid lines
        return GitIgnoreSpec.from_lines([line for line in lines if _valid(line)])


def _valid(line: str) -> bool:
    try:
        GitIgnoreSpec.from_lines([line])
    except ValueError:
        return False
    return True
