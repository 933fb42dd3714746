"""Readability figures: textstat's Dutch formula, wordfreq's frequencies and LiNT-II as oracles."""

from __future__ import annotations

import random
import statistics
import sys
import tomllib

import pytest
from conftest import ROOT, SAMPLES

from lettercheck.analysis import parse_letter
from lettercheck.frequency import TABLE, zipf
from lettercheck.placeholders import find_placeholders
from lettercheck.readability import CEFR, sentence_features, syllables
from lettercheck.readers import read_letter, read_letter_bytes

PLAIN = (
    "Wij hebben uw brief goed ontvangen. U krijgt het geld binnen een week op uw rekening. "
    "Bel ons gerust als u vragen heeft. Wij helpen u graag verder."
)
EXPECTED = tomllib.loads((SAMPLES / "expected.toml").read_text(encoding="utf-8"))["letter"]


def test_flesch_douma_is_textstats_dutch_formula(checker):
    textstat = pytest.importorskip("textstat")
    report = checker.check_text(PLAIN)
    assert report.readability.sentences == 4
    assert report.readability.flesch_douma == pytest.approx(
        textstat.backend.metrics.flesch_reading_ease(PLAIN, "nl"), abs=1e-6)


def test_syllables_are_counted_as_textstat_counts_them(checker):
    textstat = pytest.importorskip("textstat")
    words = {token.text for entry in EXPECTED if entry["file"].endswith(".txt")
             for token in checker.nlp.make_doc((SAMPLES / entry["file"]).read_text(encoding="utf-8"))
             if any(ch.isalpha() for ch in token.text)}
    assert len(words) > 1000
    for word in words:
        assert syllables(word) == textstat.backend.counts.count_syllables(word, "nl"), word


def test_brouwer_from_the_same_counts(checker):
    r = checker.check_text(PLAIN).readability
    assert r.brouwer == pytest.approx(195 - 2 * r.avg_sentence_length - 66.67 * r.syllables_per_word)


def test_address_lines_and_placeholders_do_not_count_as_sentences(checker):
    letter = "Gemeente Voorbeeldstad\nPostbus 100\n1000 AA Voorbeeldstad\n\nGeachte {{ aanhef }},\n\n" + PLAIN
    r = checker.check_text(letter).readability
    assert (r.sentences, r.words) == (4, checker.check_text(PLAIN).readability.words)


def test_frequency_table_is_wordfreqs_dutch_zipf_scale():
    wordfreq = pytest.importorskip("wordfreq")
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    for line in random.Random(7).sample(lines, 500):
        word = line.split("\t")[0]
        assert zipf(word) == pytest.approx(wordfreq.zipf_frequency(word, "nl"), abs=0.011), word
    assert zipf("aanvraag") > zipf("dagtekening") > 0
    assert zipf("xqzwv") is None


def _letters():
    return [entry for entry in EXPECTED if entry["file"].endswith(".txt")]


def test_lint_features_agree_with_lint_ii(checker):
    """Per sentence: dependency length and content words per clause as LiNT-II computes them."""
    lint_ii = pytest.importorskip("lint_ii")
    same_sdl = same_content = total = 0
    ours_freq, theirs_freq = [], []
    for entry in _letters():
        parsed = parse_letter(read_letter(SAMPLES / entry["file"]), checker.nlp)
        for sentence in parsed.prose:
            ours = sentence_features(sentence, parsed, checker.lexicon)
            theirs = lint_ii.SentenceAnalysis(sentence.span)
            total += 1
            same_sdl += ours.max_dependency_length == theirs.max_sdl
            same_content += ours.content_words_per_clause == theirs.content_words_per_clause
            if ours.frequencies and theirs.mean_log_word_frequency is not None:
                ours_freq.append(statistics.fmean(ours.frequencies))
                theirs_freq.append(theirs.mean_log_word_frequency)
    assert total > 100
    assert same_sdl / total >= 0.97
    assert same_content / total >= 0.90
    assert statistics.correlation(ours_freq, theirs_freq) >= 0.6
    assert abs(statistics.fmean(ours_freq) - statistics.fmean(theirs_freq)) < 0.5


def test_lint_document_score_close_to_lint_ii(checker):
    """The LiNT-style score per letter, fed lint-ii's own features, lands near lint-ii's score."""
    lint_ii = pytest.importorskip("lint_ii")
    from lint_ii.core.readability_analysis import ReadabilityAnalysis

    differences, ours_scores, theirs_scores = [], [], []
    for entry in _letters():
        parsed = parse_letter(read_letter(SAMPLES / entry["file"]), checker.nlp)
        analysis = ReadabilityAnalysis([lint_ii.SentenceAnalysis(s.span) for s in parsed.prose])
        features = (analysis.mean_log_word_frequency, analysis.mean_max_sdl,
                    analysis.mean_content_words_per_clause, analysis.proportion_of_concrete_nouns)
        if None in features:
            continue
        freq, dep, content, concrete = features
        theirs = min(100, max(0, 100 - (-4.20782 + 17.283729 * freq - 1.624415 * dep - 2.536780 * content
                                        + 16.001231 * concrete)))
        ours = checker.analyse(parsed.letter).readability.lint_score
        differences.append(abs(ours - theirs))
        ours_scores.append(ours)
        theirs_scores.append(theirs)
    assert len(differences) >= 10
    assert statistics.median(differences) < 8
    assert statistics.correlation(ours_scores, theirs_scores) >= 0.8


def test_calibration_levels_are_ordered(checker):
    levels = {}
    for level in ("a2", "b1", "c1"):
        report = next(checker.check_paths([SAMPLES / "levels" / f"besluit-bijzondere-bijstand-{level}.txt"]))
        levels[level] = report.readability
    assert levels["a2"].lint_score < levels["b1"].lint_score < levels["c1"].lint_score
    assert levels["a2"].flesch_douma > levels["b1"].flesch_douma > levels["c1"].flesch_douma
    assert [levels[x].level for x in ("a2", "b1", "c1")] == ["A2", "B1", "C1"]


def test_good_rewrite_scores_a_better_level_than_the_bad_letter(checker):
    pairs = [(e["file"], e["pair"]) for e in EXPECTED if e["quality"] == "bad" and e.get("pair")]
    assert len(pairs) >= 5
    for bad, good in pairs:
        bad_report, good_report = checker.check_paths([SAMPLES / bad, SAMPLES / good])
        bad_level, good_level = bad_report.readability.level, good_report.readability.level
        assert CEFR.index(good_level) < CEFR.index(bad_level), (bad, bad_level, good, good_level)
        assert good_report.readability.lint_score < bad_report.readability.lint_score


def test_paragraph_figures_point_to_their_paragraph(checker):
    report = checker.check_text("Kop\n\nEen korte zin. Nog een zin.\n\nDeze alinea heeft maar één zin.")
    assert [(p.paragraph, p.readability.sentences) for p in report.paragraphs] == [(1, 2), (2, 1)]


def test_text_without_sentences_has_no_level(checker):
    r = checker.check_text("Gemeente Voorbeeldstad\nPostbus 100\n1000 AA Voorbeeldstad").readability
    assert r.words == 0 and r.level is None and r.lint_score is None


def test_readability_is_computed_for_word_files(checker):
    report = next(checker.check_paths([SAMPLES / "aanmaning-goed.docx"]))
    txt = next(checker.check_paths([SAMPLES / "aanmaning-goed.txt"]))
    assert report.readability.level == txt.readability.level
    assert report.readability.words >= txt.readability.words * 0.9


def test_unknown_words_do_not_break_the_measures(checker):
    data = b"Xqzwv blorf snirk plomp. Grabbelvlork trimpelt."
    r = checker.check_letters([read_letter_bytes(data, "brief.txt")])
    assert next(r).readability.words == 6


@pytest.mark.parametrize(("text", "placeholders"), [
    ("Datum: <?php echo \\esc_html( $brief->datum( 'd-m-Y' ) ); ?>",
     ["<?php echo \\esc_html( $brief->datum( 'd-m-Y' ) ); ?>"]),
    ("<?php foreach ( $posten as $post ) : ?>\n<?= $post->nummer ?>\n<?php endforeach; ?>",
     ["<?php foreach ( $posten as $post ) : ?>", "<?= $post->nummer ?>", "<?php endforeach; ?>"]),
    ("Beste \".$naam.\", uw nota van \".date(NOTA_FORMAAT,$rij['datum']).\" staat open.\n\".GROET",
     ["\".$naam.\"", "\".date(NOTA_FORMAAT,$rij['datum']).\"", "\".GROET"]),
    ("Kenmerk '.PREFIX.$rij['id'].' '.AFZENDER", ["'.PREFIX.$rij['id'].'", "'.AFZENDER"]),
    ("Zij zei \"ja\".Dan belde zij ons. Hij schreef \"nee\".\nDaarna niets.", []),
])
def test_php_template_code_is_a_placeholder(text, placeholders):
    assert [text[a:b] for a, b in find_placeholders(text)] == placeholders


def test_php_control_lines_vanish_and_an_echo_is_one_name(checker):
    php = ("Geachte \".$klantnaam.\",\n\n" + PLAIN
           + " U betaalt <?php echo \\esc_html( number_format( $bedrag, 2 ) ); ?>.\n"
           "<?php foreach ( $facturen as $factuur ) : ?>\n<?php endforeach; ?>\n")
    plain = "Geachte heer Jansen,\n\n" + PLAIN + " U betaalt Xxxxx.\n"
    assert checker.check_text(php).readability == checker.check_text(plain).readability
    assert not {"rare-word", "long-word", "long-sentence"} & {f.rule for f in checker.check_text(php).findings}


def test_officialese_density_counts_list_phrases_per_hundred_words(checker):
    stiff = "Indien u vragen heeft, kunt u ons bellen. Wij sturen u hierbij de brief. "
    plain = "U krijgt van ons een nieuwe pas. Die pas is vijf jaar geldig. "
    r = checker.check_text(stiff + plain * 6).readability
    assert r.officialese == pytest.approx(100 * 2 / r.words)
    assert checker.check_text(plain * 7).readability.officialese == 0


def test_a_short_text_counts_its_officialese_as_if_sixty_words_long(checker):
    r = checker.check_text("Indien u vragen heeft, kunt u ons bellen.").readability
    assert r.words < 60 and r.officialese == pytest.approx(100 / 60)


def test_level_fit_recovers_the_weight_and_bounds_of_a_known_rule():
    """tools/fit_level.py on invented figures whose level follows score = lint + 3 x officialese."""
    import numpy as np

    sys.path.insert(0, str(ROOT / "tools"))
    from fit_level import levels, raw_model

    grid = np.random.default_rng(7)
    x = np.column_stack([grid.uniform(10, 80, 400), grid.uniform(0, 15, 400)])
    y = levels(x, 3.0, (30.0, 60.0, 90.0))
    weight, bounds = raw_model(x, y, penalty=0.1)
    assert weight == pytest.approx(3.0, rel=0.15)
    assert bounds == pytest.approx([30.0, 60.0, 90.0], abs=4.0)
    assert np.mean(levels(x, weight, bounds) == y) > 0.95
