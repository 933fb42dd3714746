"""The sample letters: bad letters fire what was written into them, good letters come out clean."""

from __future__ import annotations

import tomllib

import pytest
from conftest import SAMPLES

from lettercheck.selection import letter_paths

EXPECTED = tomllib.loads((SAMPLES / "expected.toml").read_text(encoding="utf-8"))["letter"]
BY_FILE = {entry["file"]: entry for entry in EXPECTED}


@pytest.fixture(scope="module")
def reports(checker):
    paths = [SAMPLES / entry["file"] for entry in EXPECTED]
    return {entry["file"]: report for entry, report in zip(EXPECTED, checker.check_paths(paths), strict=True)}


def test_every_sample_has_expectations():
    files = {str(path.relative_to(SAMPLES)) for path in letter_paths([SAMPLES])}
    assert files == set(BY_FILE)
    assert len(files) >= 12
    assert sum(1 for e in EXPECTED if e["quality"] == "good") >= 3
    assert {path.suffix for path in letter_paths([SAMPLES])} == {".txt", ".docx"}


@pytest.mark.parametrize("name", list(BY_FILE))
def test_sample_fires_expected_categories_and_rules(reports, name):
    entry, report = BY_FILE[name], reports[name]
    assert report.error is None
    categories = {f.category for f in report.findings}
    rules = {f.rule for f in report.findings}
    assert set(entry["expect"]) <= categories, sorted(set(entry["expect"]) - categories)
    assert set(entry.get("rules", [])) <= rules, sorted(set(entry.get("rules", [])) - rules)
    forbidden = set(entry.get("absent", [])) & categories
    assert not forbidden, [(f.rule, f.text) for f in report.findings if f.category in forbidden]


@pytest.mark.parametrize("name", [e["file"] for e in EXPECTED if e["quality"] in ("good", "neutral")])
def test_good_letters_have_no_threat_or_guidance_finding(reports, name):
    flagged = [(f.rule, f.text) for f in reports[name].findings if f.category in ("threat", "guidance")]
    assert not flagged


@pytest.mark.parametrize("name", [e["file"] for e in EXPECTED if e["quality"] == "good"])
def test_good_letters_are_almost_clean(reports, name):
    report = reports[name]
    assert not [f for f in report.findings if f.severity == "error"]
    assert report.summary()["by_severity"]["warning"] <= 3
    assert report.readability.level in ("A2", "B1")


@pytest.mark.parametrize("name", [e["file"] for e in EXPECTED if e["quality"] == "bad"])
def test_bad_letters_fail_the_default_bar(reports, name):
    from lettercheck.verdict import fails

    assert fails(reports[name])
