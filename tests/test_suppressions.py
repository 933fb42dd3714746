"""Inline suppressions for template authors: comment lines in a .txt template, Word comments in a .docx."""

from __future__ import annotations

import io
import json
import time

import docx
import pytest

from lettercheck.formats.text import Painter, summary_line
from lettercheck.readers import read_letter_bytes
from lettercheck.suppressions import parse_directive
from lettercheck.verdict import fails

TEMPLATE = """Geachte heer Jansen,

{marker}
Ingevolge artikel 4 vragen wij u het bedrag te voldoen.

Ingevolge de regels betaalt u het bedrag.

Bel ons op 14 020 als u vragen heeft.
"""


def check_text(checker, text: str):
    return checker.check_text(text, "sjabloon.txt")


@pytest.mark.parametrize("marker", ["lettercheck: negeer jargon", "# lettercheck: negeer jargon",
                                    "// Lettercheck: Negeer jargon", "{# lettercheck: negeer jargon #}",
                                    "<!-- lettercheck: negeer jargon, tone -->", "-- lettercheck: negeer jargon"])
def test_a_comment_line_switches_rules_off_in_the_next_paragraph(checker, marker):
    report = check_text(checker, TEMPLATE.format(marker=marker))
    assert [(f.rule, f.location.line) for f in report.suppressed if f.rule == "jargon"] == [("jargon", 4)] * 2
    assert ("jargon", 6) in [(f.rule, f.location.line) for f in report.findings]
    assert report.summary()["suppressed"] == len(report.suppressed) >= 2


def test_comment_lines_are_not_letter_text_and_lines_keep_their_numbers(checker):
    text = TEMPLATE.format(marker="# lettercheck: negeer")
    letter = read_letter_bytes(text.encode(), "sjabloon.txt")
    assert "lettercheck" not in letter.text and letter.original == text
    report = check_text(checker, text)
    assert all(f.category == "guidance" or f.location.line != 4 for f in report.findings)  # all rules: negeer alone
    second = next(f for f in report.findings if f.text == "Ingevolge")
    assert (second.location.line, second.location.column) == (6, 1)


def test_an_unknown_rule_name_is_warned_about_and_suppresses_nothing(checker, caplog):
    report = check_text(checker, TEMPLATE.format(marker="# lettercheck: negeer jargn, tone"))
    assert not [f for f in report.suppressed if f.rule == "jargon"]
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1 and "sjabloon.txt" in warnings[0] and "(jargn)" in warnings[0]
    caplog.clear()
    check_text(checker, TEMPLATE.format(marker="# lettercheck: negeer jargon, tone"))
    assert not [r for r in caplog.records if r.levelname == "WARNING"]


def test_uit_and_aan_switch_a_block_off(checker):
    text = ("Geachte heer Jansen,\n\nlettercheck: uit\nIngevolge artikel 4 dient u te betalen.\n\n"
            "Indien u niet betaalt, zien wij ons genoodzaakt.\nlettercheck: aan\n\nIngevolge de wet betaalt u.\n")
    report = check_text(checker, text)
    assert {f.location.line for f in report.suppressed} <= {4, 6} and report.suppressed
    assert not [f for f in report.findings if f.scope == "span" and f.location.line in (4, 6)]
    assert [f.location.line for f in report.findings if f.rule == "jargon"] == [9]
    unclosed = check_text(checker, text.replace("lettercheck: aan\n", ""))
    assert not [f for f in unclosed.findings if f.scope == "span"]


def test_a_finding_about_the_whole_letter_needs_its_rule_named(checker):
    letter = "Geachte heer Jansen,\n\nWij sturen u een rekening.\n"
    assert "missing-help" in {f.rule for f in check_text(checker, letter).findings}
    named = check_text(checker, "lettercheck: negeer missing-help\n" + letter)
    assert "missing-help" in {f.rule for f in named.suppressed}
    assert "missing-help" not in {f.rule for f in named.findings}
    unnamed = check_text(checker, "lettercheck: negeer\n" + letter)
    assert "missing-help" in {f.rule for f in unnamed.findings}


def test_suppressed_findings_do_not_fail_the_check_and_json_lists_them_apart(checker):
    text = ("Geachte heer Jansen,\n\n{marker}\nIndien u niet betaalt, zien wij ons genoodzaakt beslag te leggen.\n\n"
            "Betaal het bedrag vóór 1 juni 2027. Bel ons op 14 020 als u vragen heeft. Lukt betalen niet? Wij helpen "
            "u graag met een regeling.\n\nMet vriendelijke groet,\n\nGemeente\n")
    assert fails(check_text(checker, text.format(marker="")), "error")
    report = check_text(checker, text.format(marker="lettercheck: negeer threat"))
    assert {f.severity for f in report.suppressed} == {"error"} and not fails(report, "error")
    data = json.loads(json.dumps(report.as_dict()))
    assert data["summary"]["suppressed"] == len(data["suppressed"]) == len(report.suppressed)
    assert {f["category"] for f in data["suppressed"]} == {"threat"}
    assert "threat" not in {f["category"] for f in data["findings"]}
    line = summary_line(report, Painter(False))
    assert line.endswith(f"({len(report.suppressed)} onderdrukt met een lettercheck-opmerking)")


def word_letter(comment: str, *, across: bool = False) -> bytes:
    document = docx.Document()
    document.add_paragraph("Geachte heer Jansen,")
    first = document.add_paragraph()
    first.add_run("Ingevolge artikel 4 is het ")
    marked = first.add_run("verschuldigde bedrag")
    first.add_run(" hoog. Wij sturen u de rekening.")
    second = document.add_paragraph()
    last = second.add_run("Het verschuldigde bedrag aan precariobelasting is hoog. Derhalve vragen wij u te betalen.")
    document.add_paragraph("Bel ons op 14 020 als u vragen heeft.")
    document.add_comment([marked, last] if across else [marked], text=comment, author="Sjabloon", initials="S")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_word_comment_switches_rules_off_on_its_range(checker):
    report = checker.check_bytes(word_letter("lettercheck: negeer jargon"), "sjabloon.docx")
    assert [f.text for f in report.suppressed] == ["verschuldigde"]
    assert [f.text for f in report.findings if f.rule == "jargon"] == ["Ingevolge", "Derhalve"]
    across = checker.check_bytes(word_letter("Lettercheck: negeer jargon\nzie ons beleid", across=True), "s.docx")
    assert [f.text for f in across.suppressed] == ["verschuldigde", "Derhalve"]
    assert [f.text for f in across.findings if f.rule == "jargon"] == ["Ingevolge"]
    assert ("rare-word", 2) in [(f.rule, f.location.paragraph) for f in across.findings]  # not named: kept


def test_other_word_comments_change_nothing(checker):
    for comment in ("Graag nog eens naar kijken", "lettercheck: negeer tone"):
        report = checker.check_bytes(word_letter(comment), "sjabloon.docx")
        assert report.suppressed == [] and "verschuldigde" in {f.text for f in report.findings}


def test_a_long_directive_line_parses_in_linear_time():
    line = "# lettercheck: negeer " + " " * 200_000 + "x"
    start = time.perf_counter()
    assert parse_directive(line).names == frozenset({"x"})
    assert parse_directive(" " * 200_000 + "lettercheck" + " " * 200_000) is None
    assert time.perf_counter() - start < 1
