"""Whole-letter drafts: the kind of letter, the generated blocks, overlap resolution, facts kept, the files written."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest
from conftest import SAMPLES

from lettercheck.draft import apply, draft_file, make_draft
from lettercheck.facts import facts, missing_facts
from lettercheck.model import CEFR, Edit, Fix
from lettercheck.readers import read_letter, read_letter_bytes
from lettercheck.rewrites.blocks import block_text, familiar
from lettercheck.rules import LetterContext

EXPECTED = tomllib.loads((SAMPLES / "expected.toml").read_text(encoding="utf-8"))["letter"]
BAD = [entry["file"] for entry in EXPECTED if entry["quality"] == "bad"]


def context(checker, text: str) -> LetterContext:
    parsed = checker.analyse(read_letter_bytes(text.encode(), "brief.txt")).parsed
    return LetterContext(parsed, checker.lexicon.match(parsed.doc), checker.lexicon, checker.rules, checker.config)


KINDS = [
    ("U heeft de aanslag van € 245,60 nog niet betaald. Betaal het bedrag vóór 1 maart 2027 op ons rekeningnummer.",
     "payment"),
    ("Wij hebben uw aanvraag voor bijzondere bijstand afgewezen. U heeft geen recht op bijstand.", "refusal"),
    ("Goed nieuws: wij hebben uw aanvraag goedgekeurd. U krijgt € 300 voor een wasmachine.", "grant"),
    ("Wij missen nog papieren. Stuur ons een kopie van uw loonstroken en bankafschriften.", "documents"),
    ("Wij nodigen u uit voor een gesprek. De afspraak is op 3 mei om 10.00 uur.", "invitation"),
    ("Vanaf 1 januari 2027 is het gemeentehuis op vrijdag open tot 20.00 uur.", "information"),
]


@pytest.mark.parametrize(("text", "kind"), KINDS, ids=[kind for _, kind in KINDS])
def test_the_kind_of_letter_is_recognised_from_its_wording(checker, text, kind):
    assert context(checker, text).profile.kind == kind


def test_help_fits_the_kind_of_letter(checker):
    texts = {kind: block_text("help", context(checker, text).profile) for text, kind in KINDS}
    assert "betalingsregeling" in texts["payment"] and "geldzorgen" in texts["payment"]
    assert "papieren" in texts["documents"]
    assert "bezwaar" in texts["refusal"]
    for kind in ("information", "grant", "invitation", "refusal", "documents"):
        assert "betal" not in texts[kind], kind


def test_blocks_reuse_the_letters_contact_details(checker):
    text = ("Ons kenmerk: ZK-2027-0042\n\nU krijgt € 300 voor een wasmachine. Wij maken het geld over op "
            "NL12 BANK 0345 6789 01. Mail ons op inkomen@voorbeeldstad.nl of bel 14 030.")
    profile = context(checker, text).profile
    assert block_text("contact", profile) == (
        "Heeft u vragen? Bel ons op 14 030 of mail naar inkomen@voorbeeldstad.nl. Noem dan het kenmerk ZK-2027-0042.")


def test_blocks_have_placeholders_where_the_letter_gives_no_details(checker):
    profile = context(checker, "Vanaf 1 januari 2027 is het gemeentehuis op vrijdag open tot 20.00 uur.").profile
    assert block_text("contact", profile) == "Heeft u vragen? Bel ons op [telefoonnummer] of mail naar [e-mailadres]."
    assert block_text("action", profile) == "Wat kunt u nu doen?\nU hoeft niets te doen."


def test_blocks_speak_as_the_letter_does(checker):
    profile = context(checker, "Hoi Sam, je hebt nog een rekening open staan. Betaal je die vóór 1 mei?").profile
    assert profile.address == "je"
    for block in ("action", "help", "contact"):
        text = block_text(block, profile)
        assert " u " not in f" {text} " and "Wat kun je" in block_text("action", profile), text
    assert familiar("Heeft u vragen? Wilt u hulp?") == "Heb je vragen? Wil je hulp?"


def test_missing_blocks_go_before_the_closing(checker):
    text = ("Geachte mevrouw Smit,\n\nVanaf 1 januari is het loket op vrijdag dicht.\n\nMet vriendelijke groet,"
            "\n\nTeam Burgerzaken")
    analysis = checker.analyse(read_letter_bytes(text.encode(), "brief.txt"))
    draft = make_draft(analysis, include_proposed=True)
    assert draft.text.index("Wat kunt u nu doen?") < draft.text.index("Met vriendelijke groet")
    assert draft.text.index("Heeft u vragen of wilt u hulp?") < draft.text.index("Met vriendelijke groet")
    assert draft.added and all(block in draft.text for block in draft.added)


def test_overlapping_edits_are_resolved_one_wins_one_is_reported(checker):
    text = "Wij schrijven u.\n\nUw aanvraag wordt door de gemeente middels een formulier beoordeeld."
    analysis = checker.analyse(read_letter_bytes(text.encode(), "brief.txt"))
    draft = make_draft(analysis, include_proposed=True)
    assert "De gemeente beoordeelt uw aanvraag met een formulier." in draft.text
    (dropped,) = [c for c in draft.dropped if c.rule == "jargon"]
    assert dropped.reason == "overlapt met een andere herschrijving"
    safe = make_draft(analysis)
    assert "Uw aanvraag wordt door de gemeente met een formulier beoordeeld." in safe.text


def test_a_fix_that_loses_a_fact_is_refused():
    text = "Betaal € 120,00 vóór 1 maart 2027 op NL12 BANK 0345 6789 01, kenmerk {{ kenmerk }}."
    for lost, replacement in (("€ 120,00", "het bedrag"), ("1 maart 2027", "snel"), ("{{ kenmerk }}", "het kenmerk")):
        start = text.index(lost)
        fix = Fix((Edit(start, start + len(lost), replacement),), "proposed", "test")
        assert lost in missing_facts(text, fix)
    kept = Fix((Edit(0, 6, "Wilt u"),), "proposed", "test")
    assert missing_facts(text, kept) == []


def test_apply_keeps_the_order_of_insertions_at_one_place():
    assert apply("ab", [Edit(1, 1, "X"), Edit(1, 1, "Y"), Edit(0, 1, "A")]) == "AXYb"


@pytest.fixture(scope="module")
def drafts(checker):
    found = {}
    for name in BAD:
        analysis = checker.analyse(read_letter(SAMPLES / name))
        draft = make_draft(analysis, include_proposed=True)
        found[name] = (analysis, draft, checker.check_text(draft.text))
    return found


@pytest.mark.parametrize("name", BAD)
def test_draft_of_a_bad_letter_has_fewer_threats_jargon_and_gaps(drafts, name):
    analysis, _, after = drafts[name]
    for categories in (("threat", "tone"), ("jargon",), ("guidance",)):
        before = sum(f.category in categories for f in analysis.findings)
        assert sum(f.category in categories for f in after.findings) < before, categories


@pytest.mark.parametrize("name", BAD)
def test_draft_of_a_bad_letter_reads_at_least_as_well(drafts, name):
    analysis, _, after = drafts[name]
    assert CEFR.index(after.readability.level) <= CEFR.index(analysis.readability.level)


@pytest.mark.parametrize("name", BAD)
def test_draft_keeps_every_fact_of_the_letter(drafts, name):
    analysis, draft, _ = drafts[name]
    original = read_letter(SAMPLES / name).text
    names = frozenset(t.text for s in analysis.parsed.sentences for t in s.span[1:] if t.pos_ == "PROPN" and t.is_title)
    assert facts(original, names) - facts(draft.text, names) == {}
    if "bezwaar" in original.lower():
        assert "bezwaar" in draft.text.lower()


def test_text_draft_keeps_the_files_blank_lines_and_layout(checker):
    path = SAMPLES / "aanmaning-slecht.txt"
    analysis = checker.analyse(read_letter(path))
    data, suffix = draft_file(analysis, make_draft(analysis))
    assert suffix == ".txt"
    original, rewritten = path.read_text(encoding="utf-8").split("\n"), data.decode("utf-8").split("\n")
    assert len(rewritten) == len(original)
    assert [i for i, line in enumerate(original) if not line.strip()] == \
        [i for i, line in enumerate(rewritten) if not line.strip()]
    assert "Volgens artikel 11" in data.decode() and "Ingevolge" not in data.decode()


def test_rewrite_command_writes_a_text_draft_and_a_diff(tmp_path):
    letter = tmp_path / "brief.txt"
    letter.write_text((SAMPLES / "betalingsherinnering-slecht.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "lettercheck", "rewrite", str(letter), "--diff"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("--- brief.txt (origineel)\n+++ brief.txt (herschreven)\n")
    assert "-Ingevolge het bepaalde" in result.stdout and "+Volgens het bepaalde" in result.stdout
    draft = (tmp_path / "brief.herschreven.txt").read_text(encoding="utf-8")
    assert "Volgens het bepaalde" in draft and "Herschreven brief geschreven naar" in result.stderr
    everything = subprocess.run([sys.executable, "-m", "lettercheck", "rewrite", str(letter), "--all", "-o",
                                 str(tmp_path / "alles.txt")], capture_output=True, text=True)
    assert everything.returncode == 0 and "Lukt betalen niet" in (tmp_path / "alles.txt").read_text("utf-8")


def _soffice() -> str | None:
    import shutil

    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.parametrize("tracked", [False, True], ids=["plain", "tracked"])
def test_word_draft_keeps_the_letter_and_converts_with_libreoffice(checker, tmp_path, tracked):
    import io
    import zipfile

    import docx

    path = SAMPLES / "aanmaning-slecht.docx"
    analysis = checker.analyse(read_letter(path))
    draft = make_draft(analysis, include_proposed=True)
    data, suffix = draft_file(analysis, draft, tracked=tracked)
    assert suffix == ".docx"
    document, original = docx.Document(io.BytesIO(data)), docx.Document(path)
    assert [s.header.paragraphs[0].text for s in document.sections] == \
        [s.header.paragraphs[0].text for s in original.sections]
    assert len(document.tables) == len(original.tables)
    original_zip, draft_zip = zipfile.ZipFile(path), zipfile.ZipFile(io.BytesIO(data))
    media = {n for n in original_zip.namelist() if n.startswith("word/media/")}
    assert all(draft_zip.read(n) == original_zip.read(n) for n in media)
    paragraphs = read_letter_bytes(data, "herschreven.docx").text.split("\n")  # tracked insertions included
    assert draft.added and all(line in paragraphs for block in draft.added for line in block.split("\n"))
    if not tracked:
        assert read_letter_bytes(data, "herschreven.docx").text == draft.text
    if _soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: tools/run-tests.sh installs it")
    target = tmp_path / "herschreven.docx"
    target.write_bytes(data)
    result = subprocess.run([_soffice(), f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                             "--convert-to", "pdf", "--outdir", str(tmp_path), str(target)],
                            capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "herschreven.pdf"
    assert result.returncode == 0 and pdf.exists() and pdf.read_bytes().startswith(b"%PDF"), result.stderr


def test_guidance_suggestions_fit_the_kind_of_letter(checker):
    notification = checker.check_text("De gemeente heeft een besluit genomen over de openingstijden.")
    payment = checker.check_text("U heeft de aanslag van € 245,60 nog niet betaald. Betaal vóór 1 maart 2027.")
    help_for = {name: next(f.suggestion for f in report.findings if f.rule == "missing-help")
                for name, report in (("notification", notification), ("payment", payment))}
    assert "betal" not in help_for["notification"].lower()
    assert "betalingsregeling" in help_for["payment"]
