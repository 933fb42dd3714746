"""The command line: output formats, exit codes, settings, folders."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import SAMPLES, docx_bytes

GOOD = SAMPLES / "aanmaning-goed.txt"
BAD = SAMPLES / "aanmaning-slecht.docx"


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lettercheck", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture(scope="module")
def samples_json():
    result = run("check", str(SAMPLES), "--format", "json")
    return result, json.loads(result.stdout)


def test_json_over_the_samples_folder(samples_json):
    result, data = samples_json
    assert result.returncode == 1
    documents = data["documents"]
    assert len(documents) == len([p for p in SAMPLES.rglob("*") if p.suffix in (".txt", ".docx")])
    for document in documents:
        assert {"path", "readability", "findings", "summary"} <= set(document)
        assert document["readability"]["level"] in ("A2", "B1", "B2", "C1")
        for finding in document["findings"]:
            assert {"rule", "category", "severity", "message", "text", "start", "end", "location",
                    "suggestion"} <= set(finding)
        summary = document["summary"]
        assert summary["total"] == len(document["findings"])
        assert sum(summary["by_category"].values()) == sum(summary["by_severity"].values()) == summary["total"]


def test_json_findings_point_into_the_letter(samples_json):
    from lettercheck.readers import read_letter

    _, data = samples_json
    document = next(d for d in data["documents"] if d["path"].endswith("aanmaning-slecht.docx"))
    letter = read_letter(document["path"])
    for finding in document["findings"]:
        assert letter.text[finding["start"] : finding["end"]] == finding["text"]
        if finding["location"]:
            block = next(b for b in letter.blocks if b.location.part == finding["location"]["part"]
                         and b.location.paragraph == finding["location"]["paragraph"])
            assert block.text[finding["location"]["start"] : finding["location"]["end"]] == finding["text"]


def test_clean_letter_exits_0_and_bad_letter_exits_1():
    good = run("check", str(GOOD))
    assert good.returncode == 0, good.stdout
    assert "Leesbaarheid" in good.stdout
    bad = run("check", str(BAD))
    assert bad.returncode == 1
    assert "fout" in bad.stdout


def test_fail_on_warning_and_max_level_raise_the_bar():
    assert run("check", str(GOOD), "--fail-on", "info").returncode == 1
    assert run("check", str(SAMPLES / "levels" / "besluit-bijzondere-bijstand-c1.txt"),
               "--fail-on", "error", "--max-level", "B1").returncode == 1


def test_settings_file_is_read(tmp_path):
    (tmp_path / "lettercheck.toml").write_text('fail_on = "info"\n', encoding="utf-8")
    assert run("check", str(GOOD), cwd=tmp_path).returncode == 1
    (tmp_path / "lettercheck.toml").write_text('fail_on = "heel erg"\n', encoding="utf-8")
    wrong = run("check", str(GOOD), cwd=tmp_path)
    assert wrong.returncode == 2
    assert "Ongeldige instelling" in wrong.stderr


def test_pyproject_table_is_read(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.lettercheck]\ndisable = ["guidance", "threat"]\n')
    result = run("check", str(BAD), "--format", "json", cwd=tmp_path)
    categories = {f["category"] for f in json.loads(result.stdout)["documents"][0]["findings"]}
    assert not categories & {"guidance", "threat"}


def test_input_errors_exit_2_with_a_dutch_message(tmp_path):
    broken = tmp_path / "kapot.docx"
    broken.write_bytes(docx_bytes(["Brief"])[:500])
    result = run("check", str(broken), str(GOOD))
    assert result.returncode == 2
    assert "beschadigd" in result.stdout
    assert "Traceback" not in result.stderr
    missing = run("check", str(tmp_path / "bestaat-niet.txt"))
    assert missing.returncode == 2 and "bestaat niet" in missing.stdout
    empty = run("check", str(tmp_path / "leeg"))
    assert empty.returncode == 2


def test_usage_error_exits_2():
    result = run("check", str(GOOD), "--format", "xml")
    assert result.returncode == 2


def test_letter_text_never_reaches_the_log(tmp_path):
    secret = tmp_path / "brief.txt"
    secret.write_text("Geachte heer Geheimnaam,\n\nUw BSN 123456782 staat in ons systeem.", encoding="utf-8")
    result = run("--verbose", "check", str(secret), "--format", "json")
    assert "Geheimnaam" not in result.stderr and "123456782" not in result.stderr


def test_rules_command_lists_every_rule():
    from lettercheck.catalogue import load_rules

    output = run("rules").stdout
    assert all(rule_id in output for rule_id in load_rules())


def test_parallel_check_gives_the_same_reports():
    one = json.loads(run("check", str(SAMPLES), "--format", "json").stdout)["documents"]
    two = json.loads(run("check", str(SAMPLES), "--format", "json", "--jobs", "2").stdout)["documents"]
    assert one == two


def test_model_command_shows_the_pipeline_and_its_scores():
    result = run("model")
    assert result.returncode == 0
    assert "lettercheck_sm" in result.stdout and "dep_las" in result.stdout
