"""The bundled Dutch pipeline: its scores, the loader, sentences on letters, passive voice in the parse."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from conftest import SAMPLES
from test_structure import LETTER

from lettercheck import nlp as nlp_module
from lettercheck.analysis import parse_letter
from lettercheck.errors import LetterError
from lettercheck.readers import read_letter_bytes

MINIMUM_SCORES = {"pos_acc": 0.94, "dep_las": 0.74, "lemma_acc": 0.91, "sents_f": 0.85}


def test_bundled_model_records_held_out_scores_and_attribution():
    meta = json.loads((nlp_module.BUNDLED_MODEL / "meta.json").read_text(encoding="utf-8"))
    for key, minimum in MINIMUM_SCORES.items():
        assert meta["performance"][key] >= minimum, key
    names = " ".join(source["name"] for source in meta["sources"])
    assert "Alpino" in names and "LassySmall" in names
    assert {source["license"] for source in meta["sources"]} == {"CC BY-SA 4.0"}
    assert (nlp_module.BUNDLED_MODEL / "LICENSE").is_file()


def test_pipeline_has_the_components_the_checks_read(nlp):
    assert {"tagger", "morphologizer", "parser"} <= set(nlp.pipe_names)
    assert any("lemmatizer" in name for name in nlp.pipe_names)


def test_pipeline_is_loaded_once_per_process():
    assert nlp_module.load_pipeline() is nlp_module.load_pipeline()


def test_loader_order(monkeypatch):
    monkeypatch.delenv(nlp_module.ENV_MODEL, raising=False)
    monkeypatch.setattr("spacy.util.is_package", lambda name: False)
    assert nlp_module.model_source() == str(nlp_module.BUNDLED_MODEL)
    monkeypatch.setattr("spacy.util.is_package", lambda name: name == "nl_core_news_sm")
    assert nlp_module.model_source() == "nl_core_news_sm"
    monkeypatch.setenv(nlp_module.ENV_MODEL, "/pad/naar/eigen_model")
    assert nlp_module.model_source() == "/pad/naar/eigen_model"


def test_missing_named_model_gives_a_dutch_error(monkeypatch, caplog):
    monkeypatch.setenv(nlp_module.ENV_MODEL, "nl_bestaat_niet_sm")
    nlp_module.load_pipeline.cache_clear()
    try:
        with pytest.raises(LetterError) as caught:
            nlp_module.load_pipeline()
    finally:
        monkeypatch.delenv(nlp_module.ENV_MODEL)
        nlp_module.load_pipeline.cache_clear()
    assert caught.value.code == "model-missing"
    assert "taalmodel 'nl_bestaat_niet_sm' is niet gevonden" in caught.value.message
    assert "not found" in caplog.text


def test_model_named_by_path_is_loaded(monkeypatch):
    monkeypatch.setenv(nlp_module.ENV_MODEL, str(nlp_module.BUNDLED_MODEL))
    nlp_module.load_pipeline.cache_clear()
    try:
        loaded = nlp_module.load_pipeline()
    finally:
        monkeypatch.delenv(nlp_module.ENV_MODEL)
        nlp_module.load_pipeline.cache_clear()
    assert loaded.meta["name"] == "lettercheck_sm"


def test_letter_abbreviations_stay_one_token(nlp):
    words = [t.text for t in nlp.make_doc("Het bedrag is € 12,00 incl. btw. Bel tel. 14 030.")]
    assert "incl." in words and "tel." in words


def test_sentences_follow_the_letter_structure(nlp):
    """Only the letter's wording is parsed, sentence by sentence; address, date, salutation and
    signature lines never join a sentence (test_structure.py checks their segments)."""
    parsed = parse_letter(read_letter_bytes(LETTER.encode(), "brief.txt"), nlp)
    text = parsed.letter.text
    sentences = [" ".join(text[s.span.start_char : s.span.end_char].split()) for s in parsed.sentences]
    assert sentences == [
        "Onderwerp: Uw aanvraag bijzondere bijstand",
        "U krijgt € 350 voor een nieuwe koelkast.",
        "Wij maken het geld binnen vijf werkdagen over op uw rekening.",
        "Wat kunt u doen?",
        "- Bewaar de kassabon.",
        "- Stuur ons een foto van de bon als u de koelkast heeft gekocht.",
        "Heeft u vragen?",
        "Bel ons op 14 030.",
        "Wij zijn er van 9.00 tot 17.00 uur.",
    ]
    assert "Gemeente Voorbeeldstad" in parsed.outside_text and "Anna de Vries" in parsed.outside_text


@pytest.mark.parametrize(
    "sentence",
    [
        "Uw aanvraag wordt beoordeeld.",
        "Uw uitkering is stopgezet.",
        "Het bedrag wordt van uw uitkering ingehouden.",
        "Uw aanvraag is afgewezen.",
        "De kosten worden bij u in rekening gebracht.",
    ],
)
def test_passive_voice_is_visible_in_the_parse(nlp, sentence):
    doc = nlp(sentence)
    assert any(token.dep_ in ("aux:pass", "nsubj:pass") for token in doc), [(t.text, t.dep_) for t in doc]


def test_active_sentences_have_no_passive_labels(nlp):
    for sentence in ("Wij beoordelen uw aanvraag.", "U heeft het formulier gestuurd.", "De gemeente betaalt u."):
        assert not any(token.dep_ in ("aux:pass", "nsubj:pass") for token in nlp(sentence)), sentence


@pytest.mark.skipif(shutil.which("unshare") is None, reason="unshare is not installed")
def test_check_works_without_network():
    if subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode != 0:
        pytest.skip("this machine does not allow a network namespace")
    result = subprocess.run(
        ["unshare", "-n", sys.executable, "-m", "lettercheck", "check", str(SAMPLES / "aanmaning-goed.txt")],
        capture_output=True, text=True,
    )
    assert result.returncode in (0, 1), result.stderr
    assert "Leesbaarheid" in result.stdout
