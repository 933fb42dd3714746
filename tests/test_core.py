"""The core every front end builds on: plain reports, kept analyses, source maps, the rule registry, settings."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import tomllib

import pytest
from conftest import SAMPLES, docx_bytes

from lettercheck.config import Config, load_config
from lettercheck.engine import Checker
from lettercheck.errors import LetterError
from lettercheck.readers import read_letter, read_letter_bytes
from lettercheck.rules import CHECKS, LetterContext
from lettercheck.selection import letter_paths
from lettercheck.verdict import failures

TEXT_SAMPLES = [path for path in letter_paths([SAMPLES]) if path.suffix == ".txt"]
DOCX_SAMPLES = [path for path in letter_paths([SAMPLES]) if path.suffix == ".docx"]


@pytest.fixture(scope="module")
def sample_analyses(checker):
    paths = [*TEXT_SAMPLES, *DOCX_SAMPLES]
    return dict(zip(paths, checker.analyse_many(read_letter(p) for p in paths), strict=True))


# -- commands that do not check never import the language pipeline ------------


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["rules"], ["rules", "long-sentence"],
                                  ["rules", "threat"], ["rules", "--markdown"], ["check", "--help"]])
def test_commands_that_do_not_check_never_import_spacy(args):
    code = (
        "import sys\nfrom lettercheck.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'spacy', 'thinc', 'numpy', 'docx', 'lxml'})\n"
        "print(heavy, file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    assert result.stderr.strip().splitlines()[-1] == "[]", result.stderr


def test_rules_id_shows_the_rule_documentation():
    result = subprocess.run([sys.executable, "-m", "lettercheck", "rules", "passive-voice"],
                            capture_output=True, text=True)
    assert result.returncode == 0
    assert "Zo niet:" in result.stdout and "Uw aanvraag wordt binnen acht weken beoordeeld." in result.stdout
    unknown = subprocess.run([sys.executable, "-m", "lettercheck", "rules", "pasive-voice"],
                             capture_output=True, text=True)
    assert unknown.returncode == 2 and "Er is geen regel of categorie 'pasive-voice'" in unknown.stderr


# -- reports are plain data -------------------------------------------------------


def test_reports_pickle_and_serialise_without_losing_anything(sample_analyses):
    for analysis in sample_analyses.values():
        report = analysis.report()
        assert pickle.loads(pickle.dumps(report)) == report
        data = json.loads(json.dumps(report.as_dict()))
        assert len(data["findings"]) == len(report.findings)
        assert data["summary"]["total"] == len(report.findings)


def test_report_modules_do_not_need_spacy():
    code = "import sys, lettercheck.model, lettercheck.verdict, lettercheck.formats.json; print('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def test_analysis_keeps_the_letter_structure_doc_and_readability(checker):
    analysis = checker.analyse(read_letter(SAMPLES / "aanmaning-slecht.txt"))
    assert analysis.doc.text.__len__() == len(analysis.letter.text)
    assert analysis.segments and analysis.readability.words > 50
    assert {p.part for p in analysis.paragraphs} == {"text"}
    assert sum(p.readability.sentences for p in analysis.paragraphs) == analysis.readability.sentences
    assert analysis.report().findings == analysis.findings


# -- source maps ------------------------------------------------------------------


def _original_lines(path) -> list[str]:
    text = path.read_bytes().decode("utf-8-sig")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _text_at(lines: list[str], location) -> str:
    """The original file's text from (line, column) to (end_line, end_column), 1-based, end exclusive."""
    if location.line == location.end_line:
        return lines[location.line - 1][location.column - 1 : location.end_column - 1]
    parts = [lines[location.line - 1][location.column - 1 :]]
    parts += lines[location.line : location.end_line - 1]
    parts.append(lines[location.end_line - 1][: location.end_column - 1])
    return "\n".join(parts)


def test_text_samples_have_findings_to_locate(sample_analyses):
    assert sum(len(sample_analyses[path].findings) for path in TEXT_SAMPLES) > 100


@pytest.mark.parametrize("path", TEXT_SAMPLES, ids=lambda p: p.name)
def test_every_text_finding_points_at_its_text_in_the_original_file(sample_analyses, path):
    lines = _original_lines(path)
    for finding in sample_analyses[path].findings:
        assert _text_at(lines, finding.location) == finding.text, finding


def test_line_and_column_count_bom_crlf_and_blank_lines_as_in_the_file(tmp_path, checker):
    path = tmp_path / "brief.txt"
    text = ("Geachte heer,\r\n\r\n\r\n   \r\nIndien u vragen heeft, bel 14 030.\r\n\r\n"
            "\tDe € is ‘mooi’. Indien niet, dan niet.")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    report = checker.check_path(path)
    jargon = [f.location for f in report.findings if f.text == "Indien"]
    assert [(loc.line, loc.column, loc.end_line, loc.end_column) for loc in jargon] == [(5, 1, 5, 7), (7, 18, 7, 24)]


def test_docx_findings_map_to_the_runs_they_came_from(checker):
    data = docx_bytes(["Geachte heer Jansen,",
                       "Wij verzoeken u het bedrag te betalen. Indien u vragen heeft, bel ons."],
                      bold="Indien u vragen")
    analysis = checker.analyse(read_letter_bytes(data, "brief.docx"))
    finding = next(f for f in analysis.findings if f.text == "Indien")
    ((block, pieces),) = analysis.letter.run_pieces(finding.start, finding.end)
    assert (block.location.part, block.location.paragraph) == (finding.location.part, finding.location.paragraph)
    assert pieces == [(1, 0, 6)]  # the bold run, from its first character


def test_source_map_covers_every_character_of_every_docx_block():
    for path in DOCX_SAMPLES:
        letter = read_letter(path)
        for block in letter.blocks:
            assert sum(piece.length for piece in block.runs) == len(block.text), (path.name, block.location)


def test_merge_fields_hyperlinks_tables_and_text_boxes_have_runs():
    data = docx_bytes(["Beste «Voornaam», welkom."], merge_field=("Voornaam", "«Voornaam»"),
                      table=[("Bedrag", "€ 120,00")], textbox=["Bel ons op 14 030."], header=["Gemeente Ons Dorp"])
    letter = read_letter_bytes(data, "brief.docx")
    by_text = {block.text: block for block in letter.blocks}
    for text in ("Beste «Voornaam», welkom.", "€ 120,00", "Bel ons op 14 030.", "Gemeente Ons Dorp"):
        block = by_text[text]
        assert block.run_pieces(0, len(text)) and sum(p.length for p in block.runs) == len(text)


def test_letter_level_findings_are_anchored_on_the_salutation(checker):
    report = checker.check_text(
        "Geachte mevrouw De Vries,\n\nUw aanvraag is ontvangen.\n\nMet vriendelijke groet,\n\nGemeente")
    missing = [f for f in report.findings if f.scope == "letter"]
    assert {f.rule for f in missing} >= {"missing-contact", "missing-action"}
    for finding in missing:
        assert finding.text == "Geachte mevrouw De Vries,"
        assert (finding.location.line, finding.location.column) == (1, 1)


def test_letter_level_findings_are_anchored_on_the_first_wording_without_salutation(checker):
    report = checker.check_text("Uw aanvraag is ontvangen.")
    assert all(f.text == "Uw aanvraag is ontvangen." for f in report.findings if f.scope == "letter")


# -- the rule registry --------------------------------------------------------------


def test_every_check_reports_only_the_rule_ids_it_declares(checker, sample_analyses):
    """Run each registered check alone on every sample and on every rule's bad example."""
    from lettercheck.catalogue import load_rules

    letters = [a.parsed for a in sample_analyses.values()]
    letters += [checker.analyse(read_letter_bytes(r.bad.encode(), "voorbeeld.txt")).parsed
                for r in load_rules().values()]
    emitted: dict[str, set[str]] = {}
    for parsed in letters:
        context = LetterContext(parsed, checker.lexicon.match(parsed.doc), checker.lexicon, checker.rules,
                                checker.config)
        for entry in CHECKS:
            findings = list(entry.function(context, []) if entry.last else entry.function(context))
            emitted.setdefault(entry.function.__name__, set()).update(f.rule for f in findings)
            assert {f.rule for f in findings} <= set(entry.rule_ids), entry.function.__name__
    assert all(emitted.values()), [name for name, ids in emitted.items() if not ids]


def test_the_long_sentence_setting_drives_rule_message_and_readability(nlp):
    text = " ".join(["Wij hebben uw brief over de aanvraag van de bijzondere bijstand voor het nieuwe bed"] * 1) + "."
    words = len(text.split())
    for limit in (10, 12):
        report = Checker(Config(max_sentence_words=limit), nlp).check_text(text)
        (finding,) = [f for f in report.findings if f.rule == "long-sentence"]
        assert finding.message == f"Lange zin: {words} woorden; houd zinnen op {limit} woorden of minder."
        assert (report.readability.long_sentence_limit, report.readability.long_sentences) == (limit, 1.0)
    report = Checker(Config(max_sentence_words=words), nlp).check_text(text)
    assert "long-sentence" not in {f.rule for f in report.findings} and report.readability.long_sentences == 0.0


def test_severity_can_be_set_per_category(nlp):
    report = Checker(Config(severity={"jargon": "error", "threat": "info"}), nlp).check_text(
        "Indien u niet betaalt, leggen wij beslag op uw loon.")
    assert {f.severity for f in report.findings if f.category == "threat"} == {"info"}
    assert {f.severity for f in report.findings if f.rule == "jargon"} == {"error"}


# -- the pass/fail decision -------------------------------------------------------


def test_failures_say_why_a_letter_fails(checker):
    report = checker.check_path(SAMPLES / "aanmaning-slecht.txt")
    reasons = failures(report, "error", "B1")
    assert reasons[0].startswith("bevindingen vanaf 'fout' (--fail-on): ")
    assert reasons[1] == f"taalniveau {report.readability.level} is hoger dan B1 (--max-level)"
    assert failures(report, "error", "C1") == reasons[:1]


# -- strict settings --------------------------------------------------------------

BAD_SETTINGS = [
    ('disable = ["pasive-voice"]', "disable kent de regel of categorie 'pasive-voice' niet"),
    ('severity = { "long-sentense" = "error" }', "severity kent de regel of categorie 'long-sentense' niet"),
    ('severity = { "long-sentence" = "fatal" }', "severity voor 'long-sentence' moet de ernst een van"),
    ('rare_word_zipf = "high"', "rare_word_zipf moet een getal zijn"),
    ("long_word_letters = -5", "long_word_letters moet tussen 5 en 100 liggen"),
    ("max_sentence_words = 12.5", "max_sentence_words moet een geheel getal zijn"),
    ("max_file_mb = true", "max_file_mb moet een getal zijn"),
    ('fail_on = "fatal"', "fail_on moet een van info, warning, error zijn"),
    ('max_level = "B3"', "max_level moet een van A2, B1, B2, C1 zijn"),
    ('disable = "jargon"', "disable moet een lijst van regel-id's of categorieën zijn"),
    ("colour = true", "Onbekende instelling 'colour'"),
]


@pytest.mark.parametrize(("line", "message"), BAD_SETTINGS, ids=[line for line, _ in BAD_SETTINGS])
def test_bad_settings_are_a_dutch_error_naming_key_and_file(tmp_path, line, message):
    config = tmp_path / "lettercheck.toml"
    config.write_text(line + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "lettercheck", "check", str(SAMPLES / "aanmaning-goed.txt")],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr and str(config) in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and not result.stdout


def test_toml_syntax_error_names_the_line(tmp_path):
    config = tmp_path / "lettercheck.toml"
    config.write_text('fail_on = "warning"\nmax_level = B1\n', encoding="utf-8")
    with pytest.raises(LetterError) as error:
        load_config(config)
    assert f"{config} is geen geldige TOML (fout, regel 2)" in error.value.message


def test_settings_in_pyproject_are_validated_too(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.lettercheck]\ndisable = ["no-such-rule"]\n', encoding="utf-8")
    with pytest.raises(LetterError) as error:
        load_config(tmp_path / "pyproject.toml")
    assert "pyproject.toml: disable kent de regel of categorie 'no-such-rule' niet" in error.value.message


def test_good_settings_are_taken(tmp_path):
    config = tmp_path / "lettercheck.toml"
    config.write_text('disable = ["tone", "rare-word"]\nseverity = { "missing-help" = "error" }\n'
                      'max_sentence_words = 25\nrare_word_zipf = 2.5\nmax_level = "B2"\n', encoding="utf-8")
    loaded = load_config(config)
    assert loaded == Config(disable=["tone", "rare-word"], severity={"missing-help": "error"},
                            max_sentence_words=25, rare_word_zipf=2.5, max_level="B2")
    assert loaded.target_level == "B2"
    assert tomllib.loads(config.read_text())["max_level"] == "B2"


def test_text_report_prints_the_configured_target_level(tmp_path):
    (tmp_path / "lettercheck.toml").write_text('max_level = "B2"\n', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "lettercheck", "check", str(SAMPLES / "aanmaning-slecht.txt")],
                            capture_output=True, text=True, cwd=tmp_path)
    assert "(doel B2)" in result.stdout
    assert "Niet gehaald: bevindingen vanaf 'fout' (--fail-on)" in result.stdout
