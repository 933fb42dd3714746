"""Which files a folder run takes: the default suffixes, include/exclude, .gitignore below a real git work tree,
hidden, build and virtual-environment folders; files named on the command line always."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from lettercheck.cli import main
from lettercheck.selection import letter_paths

TREE = [
    "a.txt", "b.docx", "c.dotx", "d.md", "e.doc", "f.tpl", "g.TXT", ".verborgen.txt", "~$slot.docx",
    "sub/deep/h.txt", ".verborgen/i.txt", "build/j.txt", "dist/k.txt", "venv/l.txt", ".venv/m.txt",
    "omgeving/pyvenv.cfg", "omgeving/n.txt", "pakket.egg-info/o.txt", "archief/p.docx",
]
DEFAULT = {"a.txt", "b.docx", "c.dotx", "g.TXT", "sub/deep/h.txt", "archief/p.docx"}
LETTER = "Geachte heer Jansen,\n\nWij hebben uw brief ontvangen. Bel ons op 14 020.\n"


def build(root: Path, names: list[str]) -> Path:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(LETTER, encoding="utf-8")
    return root


def found(root: Path, *paths: str | Path, **rules) -> set[str]:
    return {path.relative_to(root).as_posix() for path in letter_paths(paths or [root], **rules)}


@pytest.fixture()
def tree(tmp_path) -> Path:
    return build(tmp_path / "brieven", TREE)


def test_defaults_take_word_and_text_letters_and_skip_tooling_folders(tree):
    assert found(tree) == DEFAULT


def test_include_replaces_the_suffixes_and_exclude_skips_files_and_folders(tree):
    assert found(tree, include=["*.md", "*.tpl"]) == {"d.md", "f.tpl"}
    assert found(tree, exclude=["archief/", "*.dotx"]) == DEFAULT - {"archief/p.docx", "c.dotx"}
    assert found(tree, exclude=["/sub/deep"]) == DEFAULT - {"sub/deep/h.txt"}
    assert found(tree, include=["**/deep/*.txt"]) == {"sub/deep/h.txt"}


def test_paths_named_on_the_command_line_are_always_taken(tree):
    named = [tree / "d.md", tree / "build" / "j.txt", tree / ".verborgen.txt"]
    assert found(tree, *named, exclude=["*.md"]) == {"d.md", "build/j.txt", ".verborgen.txt"}
    assert found(tree, tree / ".verborgen") == {".verborgen/i.txt"}
    assert found(tree, tree / "build") == {"build/j.txt"}


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_gitignore_below_a_work_tree_as_git_reads_it(tmp_path):
    repo = build(tmp_path / "repo", ["brieven/a.txt", "brieven/concept/b.txt", "brieven/c.bak.txt",
                                     "brieven/belangrijk.bak.txt", "brieven/oud/d.txt", "brieven/oud/e.txt",
                                     "brieven/prive.txt", "brieven/docs/f.txt"])
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / ".gitignore").write_text("concept/\n*.bak.txt\n!belangrijk.bak.txt\n/brieven/docs\n", encoding="utf-8")
    (repo / "brieven" / "oud" / ".gitignore").write_text("d.txt\n", encoding="utf-8")
    (repo / ".git" / "info" / "exclude").write_text("prive.txt\n", encoding="utf-8")
    expected = {"brieven/a.txt", "brieven/belangrijk.bak.txt", "brieven/oud/e.txt"}
    assert found(repo) == expected
    assert found(repo, repo / "brieven") == expected  # a folder below the top: the top's .gitignore counts too
    every = sorted(str(path.relative_to(repo)) for path in repo.rglob("*.txt") if ".git" not in path.parts)
    ignored = subprocess.run(["git", "-C", str(repo), "check-ignore", *every], capture_output=True, text=True)
    assert set(every) - set(ignored.stdout.split()) == expected  # git itself agrees
    assert found(repo, repo / "brieven" / "concept" / "b.txt") == {"brieven/concept/b.txt"}


def test_a_folder_outside_a_work_tree_ignores_gitignore_files(tmp_path):
    root = build(tmp_path / "los", ["a.txt", "b.txt"])
    (root / ".gitignore").write_text("b.txt\n", encoding="utf-8")
    assert found(root) == {"a.txt", "b.txt"}


def checked_paths(capsys, *args: str) -> tuple[int, set[str]]:
    code = main(["check", *args, "--format", "json"])
    return code, {Path(d["path"]).name for d in json.loads(capsys.readouterr().out)["documents"]}


def test_the_settings_and_the_command_line_take_patterns(tree, capsys, monkeypatch):
    monkeypatch.chdir(tree)
    (tree / "lettercheck.toml").write_text('exclude = ["archief/"]\n', encoding="utf-8")
    assert checked_paths(capsys, ".", "--exclude", "sub/")[1] == {"a.txt", "b.docx", "c.dotx", "g.TXT"}
    assert checked_paths(capsys, ".", "--include", "*.md")[1] == {"d.md"}
    (tree / "lettercheck.toml").write_text('include = "*.md"\n', encoding="utf-8")
    assert main(["check", "."]) == 2
    assert "lettercheck.toml: include moet een lijst van patronen zijn" in capsys.readouterr().err
