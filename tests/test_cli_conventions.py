"""Command-line conventions: stdin, --select/--ignore, --min-severity, the totals line, -q/-v after the
command, argparse in Dutch, --jobs validated, `rules ID` and `rules CATEGORY`."""

from __future__ import annotations

import argparse
import io
import json
import re
import subprocess
import sys

import pytest
from conftest import SAMPLES

from lettercheck.cli import main

BAD_TEXT = SAMPLES / "aanmaning-slecht.txt"
BAD_WORD = SAMPLES / "aanmaning-slecht.docx"
GOOD = SAMPLES / "aanmaning-goed.txt"
ENGLISH = ("usage:", "positional arguments", "options:", "show this help", "error:", "required", "invalid choice",
           "expected one argument", "show program")


def run_json(capsys, *args: str) -> tuple[int, list[dict]]:
    code = main(["check", *args, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)["documents"]


class Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_stdin_with_a_dash_and_stdin_filename(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", Stdin(BAD_TEXT.read_bytes()))
    code, [document] = run_json(capsys, "-")
    assert code == 1 and document["path"] == "-" and document["format"] == "text" and document["findings"]
    monkeypatch.setattr(sys, "stdin", Stdin(BAD_WORD.read_bytes()))
    _, [document] = run_json(capsys, "-", "--stdin-filename", "brieven/aanmaning.docx")
    assert document["path"] == "brieven/aanmaning.docx" and document["format"] == "docx"


def test_stdin_goes_alone(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["check", "-", str(GOOD)])
    assert stopped.value.code == 2
    assert "standaardinvoer" in capsys.readouterr().err


def test_select_and_ignore_take_rule_ids_and_categories(capsys):
    _, [document] = run_json(capsys, str(BAD_TEXT), "--select", "jargon,missing-help")
    assert {f["rule"] for f in document["findings"]} == {"jargon", "missing-help"}
    _, [document] = run_json(capsys, str(BAD_TEXT), "--select", "threat", "--ignore", "shouting")
    assert {f["category"] for f in document["findings"]} == {"threat"}
    assert "shouting" not in {f["rule"] for f in document["findings"]}
    _, [document] = run_json(capsys, str(BAD_TEXT), "--ignore", "sentence,word", "--ignore", "jargon")
    assert not {f["category"] for f in document["findings"]} & {"sentence", "word", "jargon"}


def test_unknown_rules_are_a_dutch_usage_error(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["check", str(GOOD), "--select", "jargon,bestaat-niet"])
    assert stopped.value.code == 2
    assert "--select: onbekende regel of categorie 'bestaat-niet'" in capsys.readouterr().err


def test_min_severity_hides_findings_but_the_exit_code_counts_them(capsys):
    code, [shown] = run_json(capsys, str(BAD_TEXT), "--select", "jargon", "--min-severity", "error",
                             "--fail-on", "warning")
    assert code == 1 and shown["findings"] == []  # jargon is a warning: hidden, and still failing
    _, [everything] = run_json(capsys, str(BAD_TEXT))
    _, [document] = run_json(capsys, str(BAD_TEXT), "--min-severity", "warning")
    assert document["findings"] == [f for f in everything["findings"] if f["severity"] in ("warning", "error")]


def test_a_folder_run_closes_with_totals(capsys):
    _, documents = run_json(capsys, str(SAMPLES))
    main(["check", str(SAMPLES)])
    last = capsys.readouterr().out.rstrip().splitlines()[-1]
    errors = sum(any(f["severity"] == "error" for f in d["findings"]) for d in documents)
    assert re.fullmatch(rf"{len(documents)} brieven: {errors} met fouten · niveau (A2|B1|B2|C1) \d+(, [A-C][12] \d+)*",
                        last), last
    levels = dict(re.findall(r"([A-C][12]) (\d+)", last))
    assert sum(map(int, levels.values())) == len(documents)
    main(["check", str(GOOD)])
    assert "brieven:" not in capsys.readouterr().out


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lettercheck", *args], capture_output=True, text=True)


def test_verbose_and_quiet_work_after_the_command(tmp_path):
    broken = tmp_path / "kapot.docx"
    broken.write_bytes(b"PK\x03\x04kapot")
    verbose = cli("check", str(GOOD), str(broken), "-v")
    assert "letters selected" in verbose.stderr and "settings:" in verbose.stderr
    quiet = cli("check", str(broken), "-q")
    assert quiet.returncode == 2 and quiet.stderr == "" and "beschadigd" in quiet.stdout


def help_text(capsys, *args: str) -> str:
    with pytest.raises(SystemExit) as stopped:
        main([*args, "--help"])
    assert stopped.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", [(), ("check",), ("audit",), ("rules",)])
def test_help_is_dutch(capsys, command):
    text = help_text(capsys, *command)
    assert text.startswith("gebruik: lettercheck") and "opties:" in text and "toon deze hulp en stop" in text
    assert not [word for word in ENGLISH if word in text]


@pytest.mark.parametrize(("args", "message"), [
    (["check"], "deze argumenten ontbreken: PAD"),
    (["check", "x", "--format", "xml"], "--format: ongeldige keuze: 'xml' (kies uit 'text', 'json'"),
    (["check", "x", "--format"], "--format: hier hoort één waarde bij"),
    (["check", "x", "--jobs", "0"], "--jobs/-j: moet 1 of meer zijn, niet 0"),
    (["check", "x", "--jobs", "-3"], "--jobs/-j: moet 1 of meer zijn, niet -3"),
    (["check", "x", "--jobs", "twee"], "--jobs/-j: 'twee' is geen geheel getal"),
    (["check", "x", "--onbekend"], "onbekende argumenten: --onbekend"),
    (["controleer"], "ongeldige keuze: 'controleer'"),
])
def test_usage_errors_are_dutch(capsys, args, message):
    with pytest.raises(SystemExit) as stopped:
        main(args)
    error = capsys.readouterr().err
    assert stopped.value.code == 2 and message in error and error.startswith("gebruik: lettercheck")
    assert not [word for word in ENGLISH if word in error]


def test_argparse_speaks_english_again_outside_lettercheck(capsys):
    help_text(capsys)
    assert argparse._("usage: ") == "usage: "


def test_rules_by_id_and_by_category(capsys):
    assert main(["rules", "missing-help"]) == 0
    assert "Waarom:" in capsys.readouterr().out
    assert main(["rules", "threat"]) == 0
    listed = capsys.readouterr().out
    assert "conditional-threat" in listed and "missing-help" not in listed
    assert main(["rules", "bestaat-niet"]) == 2
