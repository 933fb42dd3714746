"""Every rule is documented, has a check, fires on its bad example and not on its good one."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

from lettercheck.analysis import parse_letter
from lettercheck.catalogue import load_rules
from lettercheck.config import Config
from lettercheck.docs import rules_markdown
from lettercheck.engine import Checker
from lettercheck.lexicon import Lexicon, data_dir, load_entries
from lettercheck.readers import read_letter_bytes
from lettercheck.rules import registered_rule_ids

RULES = load_rules()
ENTRIES = load_entries(data_dir())


def rules_fired(checker, text: str) -> set[str]:
    return {f.rule for f in checker.check_text(text).findings}


def test_every_rule_has_a_check_and_every_check_a_rule():
    assert set(RULES) == registered_rule_ids()


def test_issue_rule_ids_exist():
    required = {"long-sentence", "passive-voice", "missing-action", "missing-contact", "missing-help",
                "vague-deadline", "key-message-late"}
    assert required <= set(RULES)


def test_generated_rule_docs_are_up_to_date():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown() + "\n"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_bad_example_fires(checker, rule_id):
    assert rule_id in rules_fired(checker, RULES[rule_id].bad)


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_good_example_does_not_fire(checker, rule_id):
    assert rule_id not in rules_fired(checker, RULES[rule_id].good)


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.origin for e in ENTRIES])
def test_word_list_entry_matches_its_own_example(checker, entry):
    doc = parse_letter(read_letter_bytes(entry.example.encode(), "voorbeeld.txt"), checker.nlp).doc
    matched = [m for m in checker.lexicon.match(doc) if m.entry == entry]
    assert matched, f"{entry.phrase!r} not found in {entry.example!r} (lemmas: {[t.lemma_ for t in doc]})"


def test_word_list_phrases_are_written_tokenised(nlp):
    """The matcher splits phrases on spaces; that must be how the tokenizer splits them too."""
    from lettercheck.lexicon import Lexicon

    phrases = [entry.phrase for entry in ENTRIES]
    phrases += [phrase for cues in Lexicon(nlp).cue_phrases.values() for phrase in cues]
    wrong = [p for p in phrases if [t.text for t in nlp.tokenizer(p)] != p.split(" ")]
    assert not wrong


def test_word_lists_are_large_enough():
    counts = {}
    for entry in ENTRIES:
        counts[entry.rule] = counts.get(entry.rule, 0) + 1
    assert counts["jargon"] >= 300
    assert counts["threat-sanction"] >= 40 and counts["threat-pressure"] >= 30
    assert counts["nominalisation"] >= 50


def test_malformed_word_list_is_refused_with_its_line(tmp_path, nlp):
    for name in ("cues.toml", "rules.toml", "concreteness.tsv", "nominalisations.tsv", "threats.tsv", "tone.tsv"):
        (tmp_path / name).write_bytes((data_dir() / name).read_bytes())
    (tmp_path / "jargon.tsv").write_text(
        "phrase\talternatives\tfix\texplanation\tsource\texample\n"
        "indien\tals\tmaybe\tAmbtelijk.\tlettercheck\tIndien u wilt.\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"jargon.tsv:2: invalid fix"):
        Lexicon(nlp, tmp_path)


def test_safe_fix_offers_a_replacement_in_the_right_case(checker):
    finding = next(f for f in checker.check_text("Indien u vragen heeft, bel ons.").findings if f.rule == "jargon")
    (fix,) = finding.fixes
    assert (finding.text, fix.applicability, [e.replacement for e in fix.edits]) == ("Indien", "safe", ["Als"])
    assert fix.apply("Indien u vragen heeft, bel ons.") == "Als u vragen heeft, bel ons."


def test_jargon_inside_a_compound(checker):
    findings = checker.check_text("Tegen deze invorderingsbeschikking kunt u bezwaar maken.").findings
    assert any(f.rule == "jargon" and f.text == "invorderingsbeschikking" for f in findings)


def test_neutral_mentions_of_sanctions_are_not_threats(checker):
    for text in (
        "Goed nieuws: de boete is kwijtgescholden.",
        "U kunt hulp krijgen van schuldhulpverlening.",
        "De deurwaarder heeft vorig jaar beslag gelegd, maar dat is nu voorbij.",
    ):
        assert not [f for f in checker.check_text(text).findings if f.category == "threat"], text


def test_threat_before_help_or_at_the_top_weighs_more(checker):
    help_line = "Lukt betalen niet? Bel ons op 14 030, dan zoeken we samen een oplossing."
    threat_first = f"Wij leggen een boete op.\n\n{help_line}"
    help_first = (f"{help_line}\n\nWat kunt u doen?\nBetaal vóór 1 maart 2027.\n\n"
                  "Wij sturen u elke maand een overzicht.\n\nDe gemeente kan een boete opleggen.")

    def severity(text):
        return [f.severity for f in checker.check_text(text).findings if f.rule == "threat-sanction"]

    assert severity(threat_first) == ["error"]
    assert severity(help_first) == ["warning"]


def test_placeholders_are_never_flagged(checker):
    text = ("Geachte {{ aanhef_ontvanger_volledig }},\n\nU krijgt «Bedrag_Toegekend_Bijzondere_Bijstand» "
            "op [rekeningnummer_ontvanger]. Bel %CONTACTPERSOON_AFDELING% op 14 030.")
    report = checker.check_text(text)
    for finding in report.findings:
        if finding.scope == "span":
            assert not any(mark in finding.text for mark in "{«[%"), finding


def test_config_disables_rules_and_categories_and_overrides_severity(nlp):
    text = "Indien u vragen heeft, moet u het formulier onverwijld terugsturen."
    default = {f.rule: f.severity for f in Checker(Config(), nlp).check_text(text).findings}
    assert {"jargon", "threat-pressure", "must-language"} <= set(default)
    tuned = Checker(Config(disable=["jargon", "tone"], severity={"threat-pressure": "info"}), nlp)
    findings = {f.rule: f.severity for f in tuned.check_text(text).findings}
    assert "jargon" not in findings and "must-language" not in findings
    assert findings["threat-pressure"] == "info"


def test_word_list_sources_are_the_sources_that_name_each_entry():
    """A `source` column names exactly the open sources in wordlists/sources/ that list the term."""
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "attribute_sources.py"), "--check"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_open_sources_name_the_stiff_words_they_list(checker):
    named = {entry.phrase: entry.source for entry in ENTRIES}
    assert "languagetool" in named["middels"] and "rvo" in named["conform"] and "tscan" in named["t.a.v."]
