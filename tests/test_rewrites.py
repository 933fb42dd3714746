"""Rewrites: the exact better text each kind of finding offers, and when it offers none.

Each table holds real-shaped letter sentences with the text the rewrite must give
(None: no rewrite may be offered, because the result would not be sound).
"""

from __future__ import annotations

import pytest

from lettercheck.readers import read_letter_bytes

WE_LETTER = "Wij schrijven u over uw aanvraag."
PAYMENT_LETTER = "Uw belastingaanslag van € 300 is nog niet betaald. Betaal het bedrag vóór 1 april 2027."
DATED_LETTER = "Datum: 3 maart 2027\n\nGeachte heer Jansen,"
HELP = ("Lukt betalen niet, of heeft u zorgen over geld? Neem contact met ons op. Samen zoeken we een oplossing, "
        "bijvoorbeeld een betalingsregeling. U kunt ook gratis hulp krijgen bij geldzorgen.")


def rewritten(checker, sentence: str, rules: tuple[str, ...], opening: str = WE_LETTER) -> str | None:
    """The sentence as the first fix of a finding of ``rules`` leaves it; None when no such fix exists."""
    letter = read_letter_bytes(f"{opening}\n\n{sentence}".encode(), "brief.txt")
    analysis = checker.analyse(letter)
    start = letter.blocks[-1].start
    for finding in analysis.findings:
        if finding.rule in rules and finding.fixes and finding.start >= start:
            return finding.fixes[0].apply(letter.text)[start:]
    return None


PASSIVE = [
    ("Uw aanvraag wordt door de gemeente beoordeeld.", "De gemeente beoordeelt uw aanvraag."),
    ("Uw aanvraag wordt binnen acht weken beoordeeld.", "Wij beoordelen uw aanvraag binnen acht weken."),
    ("Binnen acht weken wordt uw aanvraag door ons beoordeeld.", "Binnen acht weken beoordelen wij uw aanvraag."),
    ("De formulieren moeten door u worden ingevuld.", "U moet de formulieren invullen."),
    ("Uw uitkering werd door het UWV stopgezet.", "Het UWV zette uw uitkering stop."),
    ("U wordt uitgenodigd voor een gesprek op het gemeentehuis.",
     "Wij nodigen u uit voor een gesprek op het gemeentehuis."),
    ("Het bedrag wordt door de gemeente op uw rekening gestort.", "De gemeente stort het bedrag op uw rekening."),
    ("De kosten worden door de deurwaarder bij u in rekening gebracht.",
     "De deurwaarder brengt de kosten bij u in rekening."),
    ("Uw gegevens worden door ons vertrouwelijk behandeld.", "Wij behandelen uw gegevens vertrouwelijk."),
    ("De beslissing wordt u binnen zes weken toegestuurd.", "Wij sturen u de beslissing binnen zes weken toe."),
    ("De aanvragen worden door de medewerkers van het team Inkomen beoordeeld.",
     "De medewerkers van het team Inkomen beoordelen de aanvragen."),
    ("Uw aanvraag is door de gemeente afgewezen.", "De gemeente heeft uw aanvraag afgewezen."),
    ("Het formulier kan door u worden opgestuurd.", "U kunt het formulier opsturen."),
    ("Uw aanvraag wordt door {{ behandelaar }} beoordeeld.", "{{ behandelaar }} beoordeelt uw aanvraag."),
    ("Dat uw aanvraag wordt beoordeeld, betekent niet dat u geld krijgt.", None),
]


@pytest.mark.parametrize(("sentence", "expected"), PASSIVE, ids=[s for s, _ in PASSIVE])
def test_passive_becomes_active(checker, sentence, expected):
    assert rewritten(checker, sentence, ("passive-voice",)) == expected


def test_passive_without_agent_gets_wij_only_in_a_letter_that_speaks_as_wij(checker):
    sentence = "Uw aanvraag wordt binnen acht weken beoordeeld."
    assert rewritten(checker, sentence, ("passive-voice",), opening="De gemeente schrijft u.") is None


SPLIT = [
    ("Wij hebben uw aanvraag voor bijzondere bijstand voor de aanschaf van een nieuwe wasmachine ontvangen en wij "
     "hebben na zorgvuldige beoordeling van uw gegevens besloten dat u hiervoor in aanmerking komt.",
     "Wij hebben uw aanvraag voor bijzondere bijstand voor de aanschaf van een nieuwe wasmachine ontvangen. Wij "
     "hebben na zorgvuldige beoordeling van uw gegevens besloten dat u hiervoor in aanmerking komt."),
    ("Wij hebben uw aanvraag voor bijzondere bijstand voor een nieuwe wasmachine ontvangen en hebben na zorgvuldige "
     "beoordeling van uw gegevens besloten dat u hiervoor in aanmerking komt.",
     "Wij hebben uw aanvraag voor bijzondere bijstand voor een nieuwe wasmachine ontvangen. Wij hebben na "
     "zorgvuldige beoordeling van uw gegevens besloten dat u hiervoor in aanmerking komt."),
    ("U heeft op 3 maart een aanvraag voor bijzondere bijstand bij ons ingediend voor de kosten van een nieuwe "
     "koelkast, maar wij kunnen deze aanvraag helaas niet toekennen omdat uw inkomen hoger is dan de grens.",
     "U heeft op 3 maart een aanvraag voor bijzondere bijstand bij ons ingediend voor de kosten van een nieuwe "
     "koelkast. Maar wij kunnen deze aanvraag helaas niet geven omdat uw inkomen hoger is dan de grens."),
    ("De gemeente heeft uw aanvraag voor een uitkering op grond van de Participatiewet ontvangen; wij nemen binnen "
     "acht weken een besluit over uw aanvraag en sturen u daarover een brief.",
     "De gemeente heeft uw aanvraag voor een uitkering volgens de Participatiewet ontvangen. Wij nemen binnen acht "
     "weken een besluit over uw aanvraag en sturen u daarover een brief."),
    ("Wij hebben uw bezwaarschrift tegen het besluit van 12 januari 2027 over de terugvordering van de bijstand "
     "ontvangen en wij zullen u binnen zes weken laten weten wat wij besluiten.",
     "Wij hebben uw bezwaarbrief tegen het besluit van 12 januari 2027 over de terugvordering van de bijstand "
     "ontvangen. Wij zullen u binnen zes weken laten weten wat wij besluiten."),
    ("U kunt het formulier invullen op de website van de gemeente, maar u kunt ook langskomen bij het loket in het "
     "gemeentehuis als u hulp nodig heeft bij het invullen.",
     "U kunt het formulier invullen op de website van de gemeente. Maar u kunt ook langskomen bij het loket in het "
     "gemeentehuis als u hulp nodig heeft bij het invullen."),
    ("Wij hebben uw aanvraag ontvangen en wij nemen binnen acht weken een besluit en wij sturen u dan een brief met "
     "de uitkomst van ons besluit over uw aanvraag.",
     "Wij hebben uw aanvraag ontvangen. Wij nemen binnen acht weken een besluit. Wij sturen u dan een brief met de "
     "uitkomst van ons besluit over uw aanvraag."),
    ("Wij hebben {{ datum_ontvangst }} uw aanvraag ontvangen en wij hebben besloten dat u recht heeft op een "
     "vergoeding van € 300 voor de kosten van uw verhuizing.",
     "Wij hebben {{ datum_ontvangst }} uw aanvraag ontvangen. Wij hebben besloten dat u recht heeft op een "
     "vergoeding van € 300 voor de kosten van uw verhuizing."),
    ("Het openstaande bedrag heeft betrekking op de onroerendezaakbelasting, de afvalstoffenheffing en de "
     "rioolheffing over het jaar 2026 voor uw woning aan de Kastanjelaan.", None),
    ("Als u niet voor de betaaldatum van 1 maart 2027 betaalt omdat u het niet eens bent met de aanslag, dan kunt u "
     "bezwaar maken bij de heffingsambtenaar.", None),
]


@pytest.mark.parametrize(("sentence", "expected"), SPLIT, ids=[s[:50] for s, _ in SPLIT])
def test_long_sentences_split_at_clause_boundaries(checker, sentence, expected):
    assert rewritten(checker, sentence, ("long-sentence",)) == expected


PRESSURE = [
    ("U dient de formulieren vóór 1 mei te sturen.", "Wilt u de formulieren vóór 1 mei sturen?"),
    ("U dient het formulier volledig in te vullen.", "Wilt u het formulier volledig invullen?"),
    ("U dient uw loonstroken van de afgelopen drie maanden op te sturen.",
     "Wilt u uw loonstroken van de afgelopen drie maanden opsturen?"),
    ("U dient {{ aantal }} formulieren in te leveren bij de balie.",
     "Wilt u {{ aantal }} formulieren inleveren bij de balie?"),
    ("U moet het formulier ondertekenen.", "Wilt u het formulier ondertekenen?"),
    ("Wij verzoeken u het formulier terug te sturen.", "Wilt u het formulier terugsturen?"),
    ("Wij verzoeken u om de ontbrekende bankafschriften aan te leveren.",
     "Wilt u de ontbrekende bankafschriften aanleveren?"),
    ("U bent verplicht om wijzigingen door te geven.", "Het is nodig dat u wijzigingen doorgeeft."),
    ("U bent verplicht uw inkomsten te melden.", "Het is nodig dat u uw inkomsten meldt."),
    ("U bent verplicht om alle wijzigingen in uw situatie binnen een week aan ons door te geven.",
     "Het is nodig dat u alle wijzigingen in uw situatie binnen een week aan ons doorgeeft."),
    ("Dit is uw laatste waarschuwing!", ""),
    ("U dient te betalen, anders volgt beslag.", None),
]


@pytest.mark.parametrize(("sentence", "expected"), PRESSURE, ids=[s for s, _ in PRESSURE])
def test_pressure_becomes_a_request_or_a_calm_rule(checker, sentence, expected):
    assert rewritten(checker, sentence, ("threat-pressure", "must-language")) == expected


THREATS = [
    ("Als u niet op tijd betaalt, dan leggen wij beslag op uw loon.",
     f"{HELP} Zonder betaling of afspraak leggen wij beslag op uw loon."),
    ("Indien u niet tijdig betaalt, zullen wij de vordering uit handen geven aan de deurwaarder.",
     f"{HELP} Zonder betaling of afspraak zullen wij de vordering uit handen geven aan de deurwaarder."),
    ("Wanneer u niet reageert, dan volgt een dwangbevel.", f"{HELP} Zonder reactie van u volgt een dwangbevel."),
    ("Indien u niet reageert, zal een dwangbevel worden uitgevaardigd.",
     f"{HELP} Zonder reactie van u zal een dwangbevel worden uitgevaardigd."),
    ("Als u de huur niet betaalt, dan vragen wij de rechter om ontruiming.",
     f"{HELP} Zonder betaling of afspraak vragen wij de rechter om ontruiming."),
    ("Betaalt u niet op tijd, dan volgt beslag op uw inkomen.",
     f"{HELP} Zonder betaling of afspraak volgt beslag op uw inkomen."),
    # The condition holds a fact (a date, a period, a name): it stays, behind the help.
    ("Betaalt u niet vóór 1 april, dan sturen wij een aanmaning.",
     f"{HELP} Betaalt u niet vóór 1 april, dan sturen wij een aanmaning."),
    ("Als u niet binnen 14 dagen betaalt, dan brengen wij incassokosten in rekening.",
     f"{HELP} Als u niet binnen 14 dagen betaalt, dan brengen wij incassokosten in rekening."),
    ("Als {{ naam }} niet betaalt, dan volgt een aanmaning.",
     f"{HELP} Als {{{{ naam }}}} niet betaalt, dan volgt een aanmaning."),
    # No neutral wording is known for this condition: the sentence stays as it is, behind the help.
    ("Wanneer u niet op de afspraak komt, dan krijgt u een boete.",
     f"{HELP} Wanneer u niet op de afspraak komt, dan krijgt u een boete."),
]


@pytest.mark.parametrize(("sentence", "expected"), THREATS, ids=[s for s, _ in THREATS])
def test_conditional_threats_put_help_first(checker, sentence, expected):
    assert rewritten(checker, sentence, ("conditional-threat",), opening=PAYMENT_LETTER) == expected


def test_a_threat_before_the_letters_own_help_moves_behind_it(checker):
    text = (f"{PAYMENT_LETTER}\n\nAls u niet op tijd betaalt, dan leggen wij beslag op uw loon. Lukt betalen niet? "
            "Bel ons, dan zoeken we samen een betalingsregeling.")
    analysis = checker.analyse(read_letter_bytes(text.encode(), "brief.txt"))
    (finding,) = [f for f in analysis.findings if f.rule == "conditional-threat"]
    neutral, as_it_was = finding.fixes
    assert all(len(fix.edits) == 2 for fix in finding.fixes)  # a move: out of its place, in behind the help
    assert neutral.apply(analysis.letter.text).endswith(
        "Lukt betalen niet? Bel ons, dan zoeken we samen een betalingsregeling. Zonder betaling of afspraak leggen "
        "wij beslag op uw loon.")
    assert as_it_was.apply(analysis.letter.text).endswith(
        "een betalingsregeling. Als u niet op tijd betaalt, dan leggen wij beslag op uw loon.")


DEADLINES = [
    ("Betaal het bedrag binnen 14 dagen na dagtekening.",
     "Betaal het bedrag vóór 17 maart 2027 (14 dagen na de datum van deze brief)."),
    ("Wilt u het formulier binnen twee weken na de datum van deze brief terugsturen?",
     "Wilt u het formulier vóór 17 maart 2027 (twee weken na de datum van deze brief) terugsturen?"),
    ("Stuur ons de papieren binnen 10 dagen.", "Stuur ons de papieren vóór 13 maart 2027 (10 dagen)."),
    ("Wilt u de formulieren binnen een maand na dagtekening terugsturen?",
     "Wilt u de formulieren vóór 3 april 2027 (een maand na de datum van deze brief) terugsturen?"),
    ("Betaal binnen 14 dagen na ontvangst van deze brief.",
     "Betaal vóór [datum] (14 dagen na ontvangst van deze brief)."),
    ("Wilt u zo spoedig mogelijk contact met ons opnemen?", "Wilt u vóór [datum] contact met ons opnemen?"),
    ("Wilt u het bedrag per omgaande betalen?", "Wilt u het bedrag vóór [datum] betalen?"),
    ("Stuur de gegevens binnen 5 werkdagen na dagtekening.",
     "Stuur de gegevens vóór [datum] (5 werkdagen na de datum van deze brief)."),
    ("U dient uiterlijk binnen 14 dagen na dagtekening te betalen.",
     "U dient vóór 17 maart 2027 (14 dagen na de datum van deze brief) te betalen."),
    ("Betaal het bedrag binnen 30 dagen na dagtekening.",
     "Betaal het bedrag vóór 2 april 2027 (30 dagen na de datum van deze brief)."),
]


@pytest.mark.parametrize(("sentence", "expected"), DEADLINES, ids=[s for s, _ in DEADLINES])
def test_vague_deadlines_get_a_date(checker, sentence, expected):
    assert rewritten(checker, sentence, ("vague-deadline",), opening=DATED_LETTER) == expected


def test_a_computed_date_is_safe_a_placeholder_is_not(checker):
    text = f"{DATED_LETTER}\n\nBetaal het bedrag binnen 14 dagen na dagtekening. Bel ons zo spoedig mogelijk."
    analysis = checker.analyse(read_letter_bytes(text.encode(), "brief.txt"))
    fixes = [f.fixes[0] for f in analysis.findings if f.rule == "vague-deadline"]
    assert [fix.applicability for fix in fixes] == ["safe", "proposed"]


def test_without_a_letter_date_the_date_is_a_placeholder(checker):
    assert rewritten(checker, "Betaal het bedrag binnen 14 dagen na dagtekening.", ("vague-deadline",)) == \
        "Betaal het bedrag vóór [datum] (14 dagen na de datum van deze brief)."


JARGON = [
    ("Indien u vragen heeft, kunt u ons bellen.", "Als u vragen heeft, kunt u ons bellen."),
    ("U kunt ons indien nodig bellen.", "U kunt ons als dat nodig is bellen."),
    ("Wij hebben uw brief reeds ontvangen.", "Wij hebben uw brief al ontvangen."),
    ("Uw aanvraag ligt thans bij de afdeling Inkomen.", "Uw aanvraag ligt nu bij de afdeling Inkomen."),
    ("Wij nodigen u uit teneinde uw situatie te bespreken.", "Wij nodigen u uit om uw situatie te bespreken."),
    ("Wij hebben de loonstroken, welke u op 3 mei stuurde, goed ontvangen.",
     "Wij hebben de loonstroken, die u op 3 mei stuurde, goed ontvangen."),
    ("In de bijlage zult u het ingevulde formulier aantreffen.",
     "In de bijlage zult u het ingevulde formulier vinden."),
    ("Wilt u de ontbrekende bankafschriften vóór 1 juli aanleveren?",
     "Wilt u de ontbrekende bankafschriften vóór 1 juli sturen?"),
    ("Wij verstrekken uw gegevens niet aan anderen.", "Wij geven uw gegevens niet aan anderen."),
    ("De gemeente verstrekte u een voorschot.", "De gemeente gaf u een voorschot."),
    ("U ontvangt hierbij het besluit.", "U ontvangt met deze brief het besluit."),
    ("Wij hebben de beschikkingen verzonden.", "Wij hebben de besluiten verzonden."),
    ("Derhalve heeft u geen recht op kwijtschelding.", "Daarom heeft u geen recht op kwijtschelding."),
    ("In de bijlage treft u het formulier aan.", "In de bijlage vindt u het formulier."),
    ("Wij leveren de stukken morgen aan.", "Wij sturen de stukken morgen."),
    ("De Belastingdienst stuurt u een invorderingsbeschikking.", None),
    ("Wij hebben de betaling van de huur ontvangen.", None),
]


@pytest.mark.parametrize(("sentence", "expected"), JARGON, ids=[s for s, _ in JARGON])
def test_officialese_becomes_the_plain_word_in_the_right_form(checker, sentence, expected):
    assert rewritten(checker, sentence, ("jargon", "nominalisation")) == expected


RARE_WORDS = [
    "Wij hebben uw verzoek geëndosseerd.",
    "Het reglement is geamendeerd.",
    "U ontvangt een voorschotbeschikkingsoverzicht.",
    "Dit betreft de legesverordeningsbepalingen.",
    "Wij verzoeken om een machtigingsformulierenset.",
    "Dit is een tegemoetkomingsregeling.",
    "De uitkeringsspecificatieoverzichten zijn bijgevoegd.",
    "U bent geëxcipieerd.",
    "Er is sprake van kostenverhaalbaarheid.",
    "De akte is geapostilleerd.",
]


@pytest.mark.parametrize("sentence", RARE_WORDS)
def test_rare_and_long_words_get_an_honest_explain_proposal(checker, sentence):
    letter = read_letter_bytes(f"{WE_LETTER}\n\n{sentence}".encode(), "brief.txt")
    findings = [f for f in checker.analyse(letter).findings if f.rule in ("rare-word", "long-word")]
    assert findings, sentence
    for finding in findings:
        (fix,) = finding.fixes
        assert fix.applicability == "proposed"
        assert fix.apply(letter.text)[finding.start :].startswith(f"{finding.text} [uitleg in gewone woorden]")
        assert finding.text in fix.description and "regeling om in delen te betalen" not in fix.description


SHOUTING = [
    ("BETAAL DE HUUR VÓÓR 1 MEI.", "Betaal de huur vóór 1 mei."),
    ("Betaal het bedrag vóór 1 mei!", "Betaal het bedrag vóór 1 mei."),
    ("DIT IS DE LAATSTE KANS OM ONTRUIMING TE VOORKOMEN!!", "Dit is de laatste kans om ontruiming te voorkomen."),
]


@pytest.mark.parametrize(("sentence", "expected"), SHOUTING, ids=[s for s, _ in SHOUTING])
def test_shouting_becomes_an_ordinary_sentence(checker, sentence, expected):
    letter = read_letter_bytes(f"{WE_LETTER}\n\n{sentence}".encode(), "brief.txt")
    analysis = checker.analyse(letter)
    from lettercheck.draft import make_draft

    assert expected in make_draft(analysis, include_proposed=True).text
    fixes = [f.fixes[0] for f in analysis.findings if f.rule == "shouting" and f.fixes]
    assert fixes and any(fix.apply(letter.text)[letter.blocks[-1].start :] == expected for fix in fixes)
