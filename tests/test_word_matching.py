"""How list words are found in running text: numerals, separable verbs in pieces, and the officialese of real
letters (issue 11, the blind batch), each pinned with invented sentences of the same shape."""

from __future__ import annotations

import pytest

from lettercheck.analysis import parse_letter
from lettercheck.lexicon import _split_particle
from lettercheck.readers import read_letter_bytes


def parsed(checker, text: str):
    return parse_letter(read_letter_bytes(text.encode(), "x.txt"), checker.nlp).doc


def phrases(checker, text: str) -> set[str]:
    """The entries of every list the text matches, by the lexicon alone."""
    return {m.entry.phrase for m in checker.lexicon.match(parsed(checker, text)) if m.entry}


# -- a numeral is no verb ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["Betaal het bedrag binnen acht dagen.", "Wij beslissen binnen acht weken.",
                                  "Acht dagen na de datum van deze brief sturen wij een aanmaning.",
                                  "U heeft acht brieven van ons gekregen."])
def test_a_number_word_is_not_the_verb_it_looks_like(checker, text):
    assert "achten" not in phrases(checker, text)


@pytest.mark.parametrize("text", ["Wij achten het niet nodig dat u langskomt.", "Ik acht het niet nodig."])
def test_the_verb_is_still_found(checker, text):
    assert "achten" in phrases(checker, text)


# -- separable verbs in pieces ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "phrase"), [
    ("De termijn vangt aan op de dag na de verzending van deze brief.", "aanvangen"),
    ("Wij vangen om negen uur aan met het gesprek.", "aanvangen"),
    ("Wij schorten de invordering op.", "opschorten"),
    ("Wij schorten de invordering op tot wij uw bezwaar hebben behandeld.", "opschorten"),
    ("Wij schorten de betaling op, zodat u tijd heeft.", "opschorten"),
    ("U treft de formulieren in de bijlage aan.", "aantreffen"),
    ("In de bijlage treft u het formulier aan.", "aantreffen"),
    ("Wij hopen dat de termijn morgen aan zal vangen.", "aanvangen"),
    ("Wij zien uw betaling binnen acht dagen tegemoet.", "tegemoetzien"),
    ("Blijft betaling uit, dan sturen wij een aanmaning.", "uitblijven"),
])
def test_a_split_separable_verb_is_the_whole_verb(checker, text, phrase):
    assert phrase in phrases(checker, text)


@pytest.mark.parametrize(("text", "verb"), [
    ("Wij wachten op uw antwoord.", "wachten"),  # 'op' heads the noun phrase: a preposition
    ("U geeft het formulier aan de medewerker.", "geeft"),
    ("Wij rekenen op u.", "rekenen"),
    ("U dient het formulier vóór 1 mei in te leveren.", "dient"),  # 'in' belongs to 'te leveren'
])
def test_a_preposition_before_its_noun_phrase_is_no_particle(checker, text, verb):
    token = next(t for t in parsed(checker, text) if t.lower_ == verb)
    assert _split_particle(token) is None


# -- officialese of payment reminders and decisions ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "found"), [
    ("Maak het bedrag over onder vermelding van uw klantnummer.", "onder vermelding van"),
    ("Als u nu betaalt, kunnen verdere stappen achterwege blijven.", "achterwege blijven"),
    ("Wij kunnen de terugvordering in dit geval achterwege laten.", "achterwege laten"),
    ("Via deze weg laten wij u weten dat uw aanvraag is goedgekeurd.", "via deze weg"),
    ("Langs deze weg bedanken wij u voor uw geduld.", "langs deze weg"),
    ("Heeft u vragen, schroom dan niet om ons te bellen.", "schromen"),
    ("De onderstaande rekeningen zijn nog niet betaald.", "onderstaand"),
    ("Er staan nog drie vervallen posten open.", "vervallen post"),
    ("Het vervallen bedrag is nog niet binnen.", "vervallen bedrag"),
    ("Volgens ons zijn er twee openstaande posten.", "openstaande post"),
    ("Zonder betaling staken wij de levering.", "staken"),
    ("De hiermee gemoeide kosten zijn € 40,00.", "gemoeid"),
    ("De regels kunt u raadplegen op onze website.", "raadplegen"),
    ("Stuur het formulier, voorzien van uw handtekening, terug.", "voorzien van"),
    ("Na de eerdergenoemde termijn sturen wij een aanmaning.", "eerdergenoemd"),
    # participles of Latin verbs: ge- with a diaeresis, never a separable 'in-'
    ("Het geïncasseerde bedrag boeken wij terug.", "incasseren"),
    ("Op de door ons geincasseerde factuur is een storno gekomen.", "incasseren"),  # written without the diaeresis
    ("De betaling die op 3 mei is geïnitieerd, is mislukt.", "initiëren"),
])
def test_officialese_of_real_letters_is_jargon(checker, text, found):
    assert found in phrases(checker, text)
    assert [f for f in checker.check_text(text).findings if f.rule == "jargon"]


@pytest.mark.parametrize(("text", "phrase"), [
    ("Het formulier zit bij deze brief.", "bij deze"),
    ("De weg naar het gemeentehuis is afgesloten.", "via deze weg"),
    ("Klik op de link hieronder.", "onderstaand"),
])
def test_plain_wording_is_not_officialese(checker, text, phrase):
    assert phrase not in phrases(checker, text)


def test_a_function_word_is_no_head_of_a_compound(checker):
    assert "echter" not in phrases(checker, "De scheidsrechter is afgemeld.")
    assert "echter" in phrases(checker, "Dit is echter niet mogelijk.")



def test_of_two_entries_on_the_same_words_the_one_written_as_the_text_stands_is_reported(checker):
    """The tagger lemmatises 'indienen' as 'indien', so both entries match it; the report must not depend on the
    matcher's set order, which shifts whenever a row is added."""
    text = "U kunt binnen zes weken een beroepschrift indienen bij de rechtbank."
    doc = parsed(checker, text)
    word = next(t.i for t in doc if t.text == "indienen")
    assert {m.entry.phrase for m in checker.lexicon.match(doc) if m.entry and m.start == word} == {"indien", "indienen"}
    entry = next(e for e in checker.lexicon.entries if e.phrase == "indienen" and e.rule == "jargon")
    reported = [f for f in checker.check_text(text).findings if f.rule == "jargon" and f.text == "indienen"]
    assert [f.message for f in reported] == [entry.explanation]
