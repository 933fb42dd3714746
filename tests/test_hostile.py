"""Hostile and pathological input (issue 12): a Dutch error with a stable code, or a letter that is checked;
never a traceback, a hang, or memory or time beyond linear.

The cases come from tests/hostile.py. Most are read in-process; a folder with one of each kind goes through
the command line, as CI runs it.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES
from hostile import (
    LAUGHS,
    LETTER,
    SECRET,
    XXE,
    deep_folder,
    flipped,
    letter_docx,
    package,
    paragraphs,
    reader_cases,
    remove_deep,
    shapes,
    write_special,
)

from lettercheck import analysis, readers
from lettercheck.config import Config, load_config
from lettercheck.engine import Checker
from lettercheck.errors import CODES, LetterError, display_path
from lettercheck.frequency import MAX_KEY_BYTES, TABLE
from lettercheck.readers import read_letter, read_letter_bytes
from lettercheck.selection import letter_paths

CASES = {case.name: case for case in reader_cases()}
DUTCH = re.compile(r"\b(het|de|een|dit|is|niet|geen|kan|bestand|brief|map|naam|pad)\b")


def assert_dutch(error: LetterError) -> None:
    message = error.message
    assert message[0].isupper() and message.endswith((".", "?")), message
    assert DUTCH.search(message.lower()) and "Error" not in message and "Traceback" not in message
    assert SECRET not in message and SECRET not in error.detail
    assert error.code in CODES


@pytest.fixture(autouse=True)
def no_hang():
    """A hang (a FIFO opened for reading, a quadratic loop) fails the test instead of stopping the suite."""
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("took more than 60 s"))
    signal.alarm(60)
    yield
    signal.alarm(0)


# -- files: every kind of bad content --------------------------------------------------------------------


@pytest.mark.parametrize("name", list(CASES))
def test_reading_gives_a_code_and_a_dutch_message_or_a_letter(name):
    case = CASES[name]
    if case.code is None:
        letter = read_letter_bytes(case.data, case.name)
        assert letter.text.strip() and not readers.CONTROL.search(letter.text)
        return
    with pytest.raises(LetterError) as caught:
        read_letter_bytes(case.data, case.name)
    assert caught.value.code == case.code, caught.value.detail
    assert_dutch(caught.value)


@pytest.mark.parametrize("name", ["utf16-le-bom.txt", "utf16-be-bom.txt", "utf16-le.txt", "utf16-be.txt"])
def test_utf16_with_and_without_a_byte_order_mark_reads_the_same(name):
    assert read_letter_bytes(CASES[name].data, name).text == read_letter_bytes(LETTER.encode(), "brief.txt").text


def test_escapes_and_invisible_marks_do_not_stop_a_check(checker):
    for name in ("escapes.txt", "invisible.txt"):
        report = checker.check_bytes(CASES[name].data, name)
        assert report.error is None and report.findings
        assert not any("\x1b" in finding.text for finding in report.findings)


@pytest.mark.parametrize("base", ["docx", "dotx", "doc"])
def test_random_byte_flips_give_a_letter_or_a_letter_error(base):
    data = {"docx": letter_docx(), "dotx": CASES["template.dotx"].data, "doc": CASES["old.doc"].data}[base]
    codes = set()
    for seed in range(150):
        try:
            read_letter_bytes(flipped(data, seed), f"brief.{base}")
        except LetterError as error:
            assert_dutch(error)
            codes.add(error.code)
    assert codes


def test_entities_stay_unexpanded_even_without_the_dtd_check(monkeypatch):
    """Defence in depth: python-docx's parser resolves no entities, so XXE and entity bombs hold anyway."""
    monkeypatch.setattr(readers, "DTD_MARKS", (b"\0no mark\0",))
    for dtd, reference in ((XXE, "&xxe;"), (LAUGHS, "&lol9;")):
        data = package(paragraphs(f"Geachte heer {reference} Jansen,", "Wij schrijven u."),
                       dtd={"word/document.xml": dtd})
        try:
            text = read_letter_bytes(data, "brief.docx").text
        except LetterError as error:
            assert error.code == "corrupt"
            continue
        assert "root:" not in text and "lol" not in text and len(text) < 200


def test_read_stops_at_the_word_limit():
    with pytest.raises(LetterError) as caught:
        read_letter_bytes(package(paragraphs(*["Dit is een zin."] * 300)), "lang.docx", max_words=1000)
    assert caught.value.code == "too-long" and "1.000 woorden" in caught.value.message
    with pytest.raises(LetterError) as caught:
        read_letter_bytes(("x" * 20_000).encode(), "lang.txt", max_words=1000)
    assert caught.value.code == "too-long" and "10.000 tekens" in caught.value.message


def test_the_word_limit_is_a_checked_setting(checker):
    with pytest.raises(LetterError) as caught:
        load_config(None, max_words=10)
    assert caught.value.code == "config" and "max_words" in caught.value.message
    small = Checker(Config(max_words=100), nlp=checker.nlp)
    assert small.check_bytes(("Dit is een zin. " * 30).encode(), "lang.txt").error.code == "too-long"


# -- pathological shapes: linear pieces --------------------------------------------------------------------

SHAPES = list(shapes(0))


@pytest.mark.parametrize("name", SHAPES)
def test_pathological_shapes_are_checked_in_bounded_pieces(checker, name):
    if name in ("big-parts.docx", "many-headers.docx"):
        with pytest.raises(LetterError) as caught:
            read_letter_bytes(shapes(0.25)[name], name)
        assert caught.value.code == "too-long"
        return
    letter = read_letter_bytes(shapes(0.25)[name], name)
    result = checker.analyse(letter)
    assert max((len(s.span) for s in result.parsed.sentences), default=0) <= analysis.MAX_SENTENCE_TOKENS
    assert max((len(token) for token in result.doc if not token.is_space), default=0) <= analysis.MAX_TOKEN_CHARS
    assert len(result.doc.text) == len(letter.text)
    if name.startswith("paragraph-without-stops"):
        assert sum(f.rule == "long-sentence" for f in result.findings) >= 2


def test_a_long_letter_parses_in_pieces_like_a_short_one(checker, monkeypatch):
    letter = read_letter(SAMPLES / "aanmaning-slecht.txt")
    whole = analysis.parse_letter(letter, checker.nlp)
    monkeypatch.setattr(analysis, "PIECE_TOKENS", 50)
    pieces = analysis.parse_letter(letter, checker.nlp)
    assert pieces.doc.text == whole.doc.text
    assert [s.span.start for s in pieces.sentences] == [s.span.start for s in whole.sentences]
    # The tagger sees a few words of context: only next to a cut may a tag or head differ.
    same = sum(a.tag_ == b.tag_ and a.head.i == b.head.i for a, b in zip(whole.doc, pieces.doc, strict=True))
    assert same >= 0.9 * len(whole.doc)


# -- equivalence of the linear contact patterns -----------------------------------------------------

OLD_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
OLD_WEBSITE = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w-]+\.(?:nl|com|org|eu|info)(?:/\S*)?\b", re.I)


def test_contact_patterns_find_what_the_backtracking_ones_found():
    from lettercheck.rules.guidance import EMAIL, WEBSITE

    rng = random.Random(12)
    for _ in range(3000):
        text = "".join(rng.choices("ab-.@+ /nlcom", k=rng.randint(1, 30)))
        assert bool(EMAIL.search(text)) == bool(OLD_EMAIL.search(text)), text
        assert bool(WEBSITE.search(text)) == bool(OLD_WEBSITE.search(text)), text


def test_no_word_in_the_frequency_table_is_longer_than_the_lookup_bound():
    with TABLE.open("rb") as table:
        assert max(len(line.split(b"\t", 1)[0]) for line in table) <= MAX_KEY_BYTES


# -- paths ----------------------------------------------------------------------------------------------------


def test_paths_that_are_not_plain_files(tmp_path):
    codes = write_special(tmp_path)
    (tmp_path / "brief.txt").write_text(LETTER, encoding="utf-8")
    codes.update({"brief.txt/x.txt": "not-found", "a" * 300 + ".txt": "bad-path", ".": "not-a-file",
                  "ontbreekt.txt": "not-found"})
    for name, code in codes.items():
        with pytest.raises(LetterError) as caught:
            read_letter(tmp_path / name)
        assert caught.value.code == code, name
        assert_dutch(caught.value)
    with pytest.raises(LetterError) as caught:
        read_letter("brief\0.txt")
    assert caught.value.code == "bad-path"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_a_file_without_read_permission(tmp_path):
    path = tmp_path / "geheim.txt"
    path.write_text(LETTER, encoding="utf-8")
    path.chmod(0)
    with pytest.raises(LetterError) as caught:
        read_letter(path)
    assert caught.value.code == "no-access"


def test_folder_walk_is_iterative_skips_loops_and_lists_what_it_cannot_read(tmp_path):
    bottom = deep_folder(tmp_path / "diep", 1100)
    (tmp_path / "diep" / "terug").symlink_to(tmp_path)  # a loop back to the top
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "verborgen.txt").write_text(LETTER, encoding="utf-8")
    (tmp_path / "~$slot.docx").write_bytes(b"x")
    special = write_special(tmp_path / "vreemd")
    try:
        found = letter_paths([tmp_path])
        assert len(found) == len(set(found)) == 1 + len(special)
        assert any(os.path.samefile(path, bottom) for path in found if path.name == "brief.txt")
    finally:
        remove_deep(tmp_path / "diep")


# -- the engine: one bad letter costs only itself -------------------------------------------------------------


def test_an_unexpected_error_becomes_that_letters_internal_error(checker, monkeypatch, caplog, tmp_path):
    from lettercheck import engine

    real = engine.run_checks

    def breaks_on_the_secret(context, active):
        if SECRET in context.letter.text:
            raise ValueError(f"kapot op: {context.letter.text}")
        return real(context, active)

    monkeypatch.setattr(engine, "run_checks", breaks_on_the_secret)
    paths = [tmp_path / f"{name}.txt" for name in ("a", "b", "c")]
    for path, text in zip(paths, ("Wij schrijven u. Bel ons.", LETTER, "Wij schrijven u weer. Bel ons."), strict=True):
        path.write_text(text, encoding="utf-8")
    reports = list(checker.check_paths(paths))
    assert [r.error.code if r.error else None for r in reports] == [None, "internal", None]
    assert [r.path for r in reports] == [str(p) for p in paths]
    assert "internal error ValueError" in caplog.text and SECRET not in caplog.text


def test_an_unexpected_error_while_reading_becomes_an_internal_error(checker, monkeypatch, tmp_path):
    from lettercheck import engine

    monkeypatch.setattr(engine, "read_letter", lambda *args: 1 / 0)
    assert checker.check_path(tmp_path / "brief.txt").error.code == "internal"


def test_every_error_code_in_the_code_is_listed():
    used = {code for path in (ROOT / "lettercheck").rglob("*.py")
            for code in re.findall(r'LetterError\(\s*"([\w-]+)"', path.read_text(encoding="utf-8"))}
    assert used and used <= set(CODES), sorted(used - set(CODES))


def test_file_names_are_shown_safely():
    name = os.fsdecode(b"brief-\xff-\x1b[2J-\xe2\x80\xae.txt")
    assert display_path(name) == "brief-\\xff-\\x1b[2J-\\u202e.txt"
    assert display_path("één brief (2).docx") == "één brief (2).docx"


# -- the command line ------------------------------------------------------------------------------------------

CLI_SAMPLE = ("truncated.docx", "bad-crc.docx", "ratio.docx", "tags.docx", "xxe-word_document.xml.docx",
              "macro.docm", "elsewhere.docx", "encrypted.docx", "old.doc", "pdf.docx", "empty.txt",
              "invalid-utf8.txt", "ole-huge-numbers.doc", "utf16-le.txt", "escapes.txt", "nested.docx")
ODD_NAMES = {os.fsdecode(b"naam-\xff.txt"): "naam-\\xff.txt", "kleur-\x1b[31m.txt": "kleur-\\x1b[31m.txt"}


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory) -> tuple[Path, dict[str, str | None]]:
    """One file of each kind, two good letters, odd file names and special files; -> folder, path -> code."""
    folder = tmp_path_factory.mktemp("brieven")
    expected: dict[str, str | None] = {}
    for name in CLI_SAMPLE:
        case = CASES[name]
        (folder / case.group).mkdir(parents=True, exist_ok=True)
        (folder / case.group / name).write_bytes(case.data)
        expected[f"{case.group}/{name}"] = case.code
    for sample in ("aanmaning-goed.docx", "aanmaning-slecht.txt"):
        shutil.copy(SAMPLES / sample, folder / sample)
        expected[sample] = None
    for name, shown in ODD_NAMES.items():
        (folder / name).write_text(LETTER, encoding="utf-8")
        expected[shown] = None
    expected.update({f"speciaal/{name}": code for name, code in write_special(folder / "speciaal").items()})
    return folder, expected


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict", "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "lettercheck", *args], capture_output=True, timeout=300, env=env)


def test_cli_checks_every_good_letter_and_reports_every_bad_one(hostile_folder):
    folder, expected = hostile_folder
    result = _cli("check", "--format", "json", "--include", "*", str(folder))  # .doc and .docm too
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 2, stderr
    assert "Traceback" not in stderr and SECRET not in stderr
    documents = json.loads(result.stdout.decode("utf-8"))["documents"]
    codes = {str(Path(d["path"]).relative_to(folder)): (d.get("error") or {}).get("code") for d in documents}
    assert codes == expected


def test_cli_verbose_text_output_has_no_traceback_letter_text_or_raw_escapes(hostile_folder):
    folder, _ = hostile_folder
    result = _cli("-v", "check", "--include", "*", str(folder))
    stdout, stderr = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    assert result.returncode == 2
    assert "Traceback" not in stderr and SECRET not in stderr and "\x1b" not in stderr + stdout
    assert all(shown in stdout for shown in ODD_NAMES.values())
    assert "Dit Word-bestand is beschadigd en kan niet worden gelezen." in stdout


def test_cli_double_dash_ends_the_options(tmp_path):
    (tmp_path / "-streepje.txt").write_text(LETTER, encoding="utf-8")
    checked = subprocess.run([sys.executable, "-m", "lettercheck", "check", "--", "-streepje.txt"], cwd=tmp_path,
                             capture_output=True, text=True, timeout=300)
    assert checked.returncode in (0, 1) and "-streepje.txt" in checked.stdout, checked.stderr
