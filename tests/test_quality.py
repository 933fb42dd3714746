"""The failure modes found on real letters (issue 11), each pinned with invented sentences of the same shape."""

from __future__ import annotations

import pytest
from conftest import ROOT

from lettercheck.placeholders import find_placeholders
from lettercheck.readers import read_letter_bytes
from lettercheck.structure import Kind, segment

REAL = ROOT / "realletters"


def findings(checker, text: str) -> list[tuple[str, str]]:
    return [(f.rule, f.text) for f in checker.check_text(text).findings]


def rules(checker, text: str) -> set[str]:
    return {rule for rule, _ in findings(checker, text)}


def texts(checker, text: str, rule: str) -> list[str]:
    return [found for name, found in findings(checker, text) if name == rule]


# -- 1. template syntax -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "placeholders"), [
    ("Beste {!! $naam !!}, @if ($advies) tekst @endif", ["{!! $naam !!}", "@if ($advies)", "@endif"]),
    ("Op {$aanvraag->datum|date:'d-m-Y'} {if $partner}samen{/if}", ["{$aanvraag->datum|date:'d-m-Y'}", "{if $partner}",
                                                                    "{/if}"]),
    ("Beste :name, het is 08:00 uur.", [":name"]),
    ("<!--date_format(einddatum)--> NAAM: .......... DATUM ONDERTEKENING", ["<!--date_format(einddatum)-->", "NAAM",
                                                                         "..........", "DATUM ONDERTEKENING"]),
    ("U heeft ${aantal} facturen. ${n ? `Van ${n} ${meer ? 'facturen' : 'factuur'} kreeg u een herinnering.` : ''}",
     ["${aantal}", "${n ? ", "${n}", "${meer ? 'facturen' : 'factuur'}", " : ''}"]),
    ("Door {cfg:site_name}: {if:transfer.files>1}bestanden{endif} {transfer.files.first().path} ({size:file.size})",
     ["{cfg:site_name}", "{if:transfer.files>1}", "{endif}", "{transfer.files.first().path}", "{size:file.size}"]),
    ('Geachte {{p.initials & " " & (p.middlename ? p.middlename & " " & p.lastname : p.lastname)}},',
     ['{{p.initials & " " & (p.middlename ? p.middlename & " " & p.lastname : p.lastname)}}']),
    ("% if len(payins) == 1\nU betaalt 10 % meer.\n% endfor\n", ["% if len(payins) == 1", "% endfor"]),
])
def test_template_syntax_is_a_placeholder(text, placeholders):
    assert [text[a:b] for a, b in find_placeholders(text)] == placeholders


def test_template_syntax_raises_no_shouting_and_no_rare_words(checker):
    text = ("Beste :name,\n\nWij hebben uw aanvraag ontvangen. {!! $uitleg !!}\n<!-- TABLE START -->\n"
            "Uw kenmerk is {$zaak->kenmerk|upper}. NAAM: ..........\n\nHeeft u vragen? Bel ons op 14 020.")
    assert not {"shouting", "rare-word", "long-word"} & rules(checker, text)


def test_a_nested_template_literal_keeps_its_wording(checker):
    analysis = checker.analyse(read_letter_bytes(
        b"${n ? `Van ${n} ${meer ? 'facturen' : 'factuur'} heeft u een herinnering ontvangen.` : ''}", "x.txt"))
    assert "herinnering" in [t.lower_ for t in analysis.doc]


@pytest.mark.parametrize("text", [
    "Stuur de papieren binnen 14 dagen terug, uiterlijk {$aanvraag->deadline|date}.",
    "Upload de documenten binnen 2 weken, dus vóór {{ end_date }}.",
    "Betaal het bedrag binnen 14 dagen, uiterlijk op ..........",
])
def test_a_date_placeholder_or_blank_is_a_date(checker, text):
    assert "vague-deadline" not in rules(checker, text)


def test_a_salutation_with_a_long_name_expression_is_a_salutation(checker):
    text = ('Geachte heer/mevrouw {{person.initials & " " & (person.middlename ? person.middlename & " " & '
            'person.lastname : person.lastname)}},\n\nU krijgt een boete van € 50.')
    letter = read_letter_bytes(text.encode(), "brief.txt")
    assert segment(letter)[0].kind is Kind.SALUTATION
    assert "Geachte" not in texts(checker, text, "jargon")


def test_a_contact_placeholder_is_contact_and_the_word_e_mail_is_not(checker):
    assert "missing-contact" not in rules(checker, "Heeft u vragen? Bel {{ contact_phonenumber }}.")
    assert "missing-contact" in rules(checker, "In deze e-mail leest u wat er verandert.")


# -- 2. imperatives, inverted conditions, a final 'u.' --------------------------------------------------------------

@pytest.mark.parametrize("text", ["Klik hier.", "Betaal direct.", "Tip: Lever de papieren vóór 1 mei in.",
                                  "Neemt u contact met ons op om een afspraak te maken.",
                                  "Het staat u vrij om bezwaar te maken.", "U hoeft niets te doen.",
                                  "Door op de knop te klikken, geeft u toestemming."])
def test_an_action_is_recognised(checker, text):
    assert "missing-action" not in rules(checker, text)


@pytest.mark.parametrize("text", ["Voor meer informatie kunt u contact opnemen via 14 020.",
                                  "U kunt niet reageren op deze e-mail.",
                                  "Als u vragen heeft over deze melding, dan kunt u bellen met 14 020.",
                                  "Bent u niet de geadresseerde? Geef dit dan aan ons door.",
                                  "Wat kunt u van ons verwachten?"])
def test_a_pointer_is_no_action(checker, text):
    assert "missing-action" in rules(checker, text)


def test_an_inverted_condition_over_two_sentences_is_a_threat(checker):
    assert "conditional-threat" in rules(checker, "Doet u dit niet? Dan leggen wij beslag op uw loon.")
    assert not [r for r in rules(checker, "Heeft u al betaald? Dan kunt u deze brief als niet verzonden zien.")
                if r.startswith(("threat", "conditional"))]


def test_a_final_u_ends_the_sentence(checker):
    analysis = checker.analyse(read_letter_bytes("Wij schrijven u. Betaal het bedrag vóór 1 mei 2027.".encode(), "x"))
    assert len(analysis.parsed.sentences) == 2


# -- 3. template address blocks ---------------------------------------------------------------------------------

def test_a_template_address_block_is_no_wording():
    letter = read_letter_bytes(b"{{ naam }}\n{{ straat }} {{ huisnummer }}\n{{ postcode }} {{ woonplaats }}\n\nNaam:\n"
                               b"t.a.v. de afdeling Belastingen\n\nWij hebben uw brief ontvangen.", "x.txt")
    kinds = [seg.kind for seg in segment(letter)]
    assert kinds == [Kind.ADDRESS] * 5 + [Kind.PROSE]


# -- 4. copulas are no passive ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "passive"), [("U kunt actief worden in uw wijk.", False),
                                                ("Een uitkering aanvragen is een grote stap.", False),
                                                ("Het bedrag wordt hoger.", False),
                                                ("Uw aanvraag wordt beoordeeld.", True),
                                                ("De brief wordt morgen verstuurd.", True)])
def test_a_copula_is_no_passive(checker, text, passive):
    assert ("passive-voice" in rules(checker, text)) is passive


# -- 5. words in the wrong sense, labels, terms explained in place ------------------------------------------------

def test_voldoen_aan_is_comply_and_voldoen_is_pay(checker):
    comply = checker.check_text("U voldoet niet aan de voorwaarden voor deze regeling.").findings
    pay = checker.check_text("U kunt het bedrag voldoen via iDEAL.").findings
    assert "betalen" not in next(f for f in comply if f.rule == "jargon").suggestion
    assert "betalen" in next(f for f in pay if f.rule == "jargon").suggestion


def test_common_adverbs_and_domain_terms_are_not_officialese(checker):
    assert not texts(checker, "Eventueel kunt u uw vermogen en uw eigen bijdrage opgeven.", "jargon")


def test_a_verb_entry_is_no_compound_head(checker):
    assert not texts(checker, "Wat kunt u van ons verwachten?", "jargon")  # parsed as a noun ending in 'achten'
    assert texts(checker, "U ontvangt een invorderingsbeschikking.", "jargon")


@pytest.mark.parametrize(("text", "term", "flagged"), [
    ("Wij hebben besloten uw aanvraag af te wijzen.", "wijzen", False),  # the verb, not the plural of 'wijze'
    ("Dat kan op twee wijzen: per post of online.", "wijzen", True),
    ("In de bijlage leest u meer over onze werkwijze.", "werkwijze", False),  # a word of its own, not 'wijze'
    ("U ontvangt een invorderingsbeschikking.", "invorderingsbeschikking", True),
    ("Neem contact met ons op. Vermeld hierbij het kenmerk van uw aanvraag.", "hierbij", False),  # 'with it'
    ("Denk hierbij aan uw loonstrook en uw bankafschrift.", "hierbij", False),
    ("Hierbij ontvangt u het besluit over uw aanvraag.", "Hierbij", True),  # 'with this letter'
    ("Wij sturen u hierbij het besluit over uw aanvraag.", "hierbij", True),
])
def test_a_word_in_another_sense_is_not_the_entry(checker, text, term, flagged):
    assert (term in texts(checker, text, "jargon")) is flagged


def test_betreft_as_a_subject_label_is_no_officialese(checker):
    assert "Betreft" not in texts(checker, "Betreft: uw aanvraag bijzondere bijstand\n\nWij hebben uw brief.", "jargon")


@pytest.mark.parametrize(("text", "term"), [
    ("U kunt de rechter vragen om een voorlopige voorziening (een tijdelijke maatregel).", "voorlopige voorziening"),
    ("Als u te laat reageert, kunnen we uw verzoek niet behandelen. Het verzoek is dan niet-ontvankelijk.",
     "niet-ontvankelijk"),
    ("Wij vragen een moratorium aan, dat wil zeggen dat niemand een half jaar beslag mag leggen.", "moratorium"),
])
def test_a_term_explained_in_place_is_not_flagged(checker, text, term):
    assert term not in texts(checker, text, "jargon")


@pytest.mark.parametrize(("text", "flagged"), [
    ("Zo maakt u bezwaar\n\nBent u het niet eens met ons besluit? Dan kunt u bezwaar maken. Stuur uw bezwaar "
     "binnen zes weken naar ons.", False),
    ("Bezwaar: indien u het niet eens bent met deze aanslag, kunt u bezwaar maken bij de gemeente.", False),
    ("Wanneer je denkt dat dit een fout is, kun je bezwaar maken bij de medewerkers.", False),
    ("Wilt u dat wij opnieuw kijken naar ons besluit? Dan kunt u bezwaar maken.", False),
    ("Als u belang hebt bij dit besluit, kunt u bezwaar maken. Stuur uw bezwaar naar ons.", True),
])
def test_an_objection_explained_by_what_it_is_for_is_not_flagged(checker, text, flagged):
    """The term stays explained for the rest of the letter: the reader knows it from there on."""
    assert bool({"bezwaar", "Bezwaar"} & set(texts(checker, text, "jargon"))) is flagged


# -- 6. officialese in other categories, participles, split verbs, variants, closing formulas ------------------------

def test_officialese_inside_a_reproach_is_reported_as_well(checker):
    found = findings(checker, "Bij in gebreke blijven volgt een dwangbevel.")
    assert ("blaming", "in gebreke blijven") in found and ("jargon", "in gebreke") in found


@pytest.mark.parametrize(("text", "term"), [
    ("Aan deze eis is niet voldaan.", "voldaan"),
    ("Wij verzoeken u de stukken aan te leveren.", "aan te leveren"),
    ("Wij verzoeken u over te gaan tot betaling.", "over te gaan tot"),
    ("Het is niet toegestaan met de verbouwing aan te vangen.", "aan te vangen"),
    ("In de bijlage treft u het formulier aan.", "treft"),
    ("Naar aanleiding van uw brief dd. 3 maart bellen wij u.", "dd."),
    ("Wij bellen u ivm uw aanvraag.", "ivm"),
    ("Hierbij deel ik u mede dat uw aanvraag is toegekend.", "deel ik u mede"),
])
def test_officialese_in_its_letter_forms_is_found(checker, text, term):
    assert term in texts(checker, text, "jargon")


@pytest.mark.parametrize(("text", "found"), [
    ("Komt u in aanmerking voor een vergoeding?", "Komt u in aanmerking"),
    ("Wij nemen uw aanvraag in behandeling.", "nemen uw aanvraag in behandeling"),
    ("Uw aanvraag is in behandeling.", None),  # no verb of the phrase: a state, not 'in behandeling nemen'
])
def test_a_phrase_is_found_with_its_verb_in_front(checker, text, found):
    assert texts(checker, text, "nominalisation") == ([found] if found else [])


def test_officialese_between_a_fronted_verb_and_its_phrase_is_reported_once(checker):
    found = findings(checker, "Ik stel u thans nogmaals in de gelegenheid om te betalen.")
    assert ("jargon", "thans") in found
    assert [rule for rule, text in found if text.endswith("in de gelegenheid")] == ["nominalisation"]


@pytest.mark.parametrize(("text", "nominalisation"), [
    ("Het staat u vrij een aanvraag in te dienen bij de afdeling Wonen.", "aanvraag in te dienen"),
    ("Op 3 mei heeft u bij ons melding {{ nummer }} ingediend.", "melding {{ nummer }} ingediend"),
    ("U kunt tot zes weken na vandaag bezwaar bij ons indienen.", "bezwaar bij ons indienen"),
    ("Wij hebben uw aanvraag ontvangen, en u kunt de stukken bij ons indienen.", None),  # another clause's noun
])
def test_an_officialese_verb_with_the_noun_of_a_nominalisation_is_reported_once_under_it(checker, text,
                                                                                          nominalisation):
    found = findings(checker, text)
    assert [t for rule, t in found if rule == "nominalisation"] == ([nominalisation] if nominalisation else [])
    assert any(rule == "jargon" and "dien" in t for rule, t in found) == (nominalisation is None)


def test_a_phrase_ending_in_a_verb_is_found_with_te_and_rewritten_as_a_te_infinitive(checker):
    report = checker.check_text("Is uw betaling onderweg? Dan vragen wij u ons daarvan op de hoogte te stellen.")
    finding = next(f for f in report.findings if f.text == "op de hoogte te stellen")
    assert [edit.replacement for edit in finding.fixes[0].edits] == ["te laten weten"]


@pytest.mark.parametrize(("text", "term", "flagged"), [
    ("Bij deze willen we je eraan herinneren je lidmaatschap te verlengen.", "Bij deze", True),
    ("Bij deze brief vindt u een overzicht van uw betalingen.", "Bij deze", False),
    ("Mocht het inloggen niet lukken, bel dan met de servicelijn.", "Mocht het", True),
    ("Wij helpen u graag, mocht u vragen hebben.", "mocht u", True),
    ("Ik mocht u vorige week spreken over uw aanvraag.", "mocht u", False),
    ("Lees de uitleg om te weten hoe het werkt.", "te weten", False),
    ("Wij vragen twee stukken, te weten een loonstrook en een bankafschrift.", "te weten", True),
])
def test_a_formula_is_officialese_the_same_words_in_plain_use_are_not(checker, text, term, flagged):
    assert (term in texts(checker, text, "jargon")) is flagged


def test_a_closing_formula_is_officialese_with_a_safe_fix(checker):
    report = checker.check_text("Wij hebben uw brief ontvangen.\n\nHoogachtend,\n\nJ. de Vries")
    finding = next(f for f in report.findings if f.rule == "jargon")
    assert finding.text == "Hoogachtend"
    assert finding.fixes[0].applicability == "safe"
    assert finding.fixes[0].edits[0].replacement.startswith("Met vriendelijke groet")


def test_a_signature_line_that_is_a_formula_is_officialese_the_rest_of_the_signature_is_not(checker):
    letter = ("U krijgt de vergunning.\n\nMet vriendelijke groet,\n\nnamens dezen,\n\n"
              "J. de Vries\nteamleider Vergunningen, namens het college")
    assert texts(checker, letter, "jargon") == ["namens dezen"]



def test_formulas_of_addressing_are_officialese_in_address_lines_names_and_departments_are_not(checker):
    letter = ("Stuur het formulier naar:\nVereniging Anderwijs\nT.a.v. de penningmeester\nPostbus 12\n"
              "3500 AA Utrecht\nAfdeling Toezicht en Handhaving\nP.A. Jansen\n\n"
              "Rekeningnummer: NL68 TRIO 0198 4197 83 t.n.v. Vereniging Anderwijs\n\nDank u wel.")
    assert texts(checker, letter, "jargon") == ["T.a.v.", "t.n.v."]


def test_an_objection_footer_below_the_signature_is_checked_like_the_letter(checker):
    letter = ("U krijgt de subsidie.\n\nMet vriendelijke groet,\n\nL. van der Weij\n\nZo maakt u bezwaar\n\n"
              "U kunt op drie manieren bezwaar maken:\n\n- Per post: Ministerie van VWS, t.a.v. directie "
              "Wetgeving en Juridische Zaken, Postbus 20350, 2500 EJ Den Haag.")
    assert "t.a.v." in texts(checker, letter, "jargon")

# -- 7. the level --------------------------------------------------------------------------------------------------

def level(checker, text: str) -> str:
    return checker.check_text(text).readability.level


def test_a_short_notification_is_not_rated_like_a_legal_text(checker):
    notification = "Betaal op tijd. U heeft twee openstaande facturen. Bekijk uw facturen online."
    assert level(checker, notification) in ("A2", "B1")


def test_short_plain_sentences_read_at_a2(checker):
    text = ("Wij hebben goed nieuws voor u. U krijgt geld van ons. Het geld staat volgende week op uw rekening. "
            "U hoeft niets te doen. Heeft u vragen? Bel ons dan. Wij helpen u graag. Fijn dat u ons belde. "
            "Wij wensen u een goede week.")
    assert level(checker, text) == "A2"


@pytest.mark.parametrize(("text", "expected"), [
    ("Je betaling is gelukt. Dank je wel. Je krijgt nog een mail.", "A2"),
    ("Hallo Sanne,\n\nJe account is klaar. Log in met je e-mailadres. Veel plezier!", "A2"),
    ("Wij hebben uw aanvraag voor een tegemoetkoming in de kosten van de kinderopvang over het afgelopen jaar "
     "ontvangen en in behandeling genomen.", "B1"),
])
def test_a_short_notice_is_placed_by_its_sentence_length(checker, text, expected):
    assert level(checker, text) == expected


def test_officialese_raises_the_level_of_short_sentences(checker):
    text = ("Hierbij delen wij u mede dat uw aanvraag thans in behandeling is. Indien u reeds heeft betaald, behoeft u "
            "niets te doen. Derhalve verzoeken wij u de bescheiden te retourneren. Gaarne ontvangen wij deze middels "
            "bijgaande envelop. Voorts attenderen wij u op de navolgende regels.")
    assert level(checker, text) in ("B2", "C1")


# -- 8. one span, one finding ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "rule"), [
    ("Betaal het bedrag tijdig om extra kosten te voorkomen.", "vague-deadline"),
    ("Lever de stukken zo spoedig mogelijk in.", "vague-deadline"),
    ("Dit is een tijdige kennisgeving voor uw factuur.", "jargon"),  # no deadline: officialese all the same
    ("Wij informeren u tijdig over de verdere voortgang.", "jargon"),  # the sender's timeline
    ("Ik streef ernaar het bedrag zo spoedig mogelijk naar u over te maken.", "jargon"),
])
def test_a_vague_deadline_word_is_reported_once_as_deadline_or_as_officialese(checker, text, rule):
    words = ("tijdig", "tijdige", "zo spoedig mogelijk")
    assert [name for name, found in findings(checker, text) if found in words] == [rule]


def test_a_threat_word_is_not_also_a_rare_or_long_word(checker):
    found = findings(checker, "Dit is een aanmaning van de belastingdeurwaarder.")
    assert {rule for rule, text in found if text in ("aanmaning", "belastingdeurwaarder")} == {"threat-sanction"}


def test_a_word_reported_as_jargon_is_not_a_rare_word_further_on(checker):
    found = findings(checker, "Wij debiteren uw rekening op 1 mei. Daarna debiteren wij uw rekening elke maand.")
    assert [rule for rule, text in found if text.lower() == "debiteren"] == ["jargon"]


def test_a_shouted_threat_formula_is_reported_once(checker):
    found = [rule for rule, text in findings(checker, "LAATSTE WAARSCHUWING voor uw betaling.")
             if text == "LAATSTE WAARSCHUWING"]
    assert found == ["threat-pressure"]


# -- the verdicts by their definitions ------------------------------------------------------------------------------
# One table per verdict: an invented sentence of the shape a real letter had, and whether the reader is given it
# (a deadline that is vague; help, contact or an action that is there). Grouped by the failure the cases pin.

VAGUE_DEADLINES = [
    # a request in the first person, a wish for the reader's payment, and the sender's receipt as a condition
    ("Ik vraag je om je account zo snel mogelijk op te waarderen.", True),
    ("Graag zien wij de betaling binnen 14 dagen tegemoet.", True),
    ("Als we uw betaling niet binnen 5 dagen ontvangen, dragen wij de vordering over.", True),
    ("U ontvangt binnen 8 weken ons besluit als uw aanvraag compleet is.", False),
    # advice is a request: the period is the reader's
    ("Als jij dit niet was, raden we je aan om je wachtwoord zo snel mogelijk te wijzigen.", True),
    ("Wij raden u aan de brief te bewaren. Wij nemen zo snel mogelijk contact met u op.", False),
    # a validity of a link or code, and a period whose number is a placeholder
    ("Klik op de knop om in te loggen. De knop is 10 minuten geldig.", True),
    ("Bevestig je e-mailadres. Deze link is 24 uur geldig.", True),
    ("Betaal via de knop hierboven. Bovenstaande link verloopt over 24 uur.", True),
    ("Voer de code in. De code vervalt na 10 minuten.", True),
    ("Vraag een nieuwe link aan. De vorige link is na 2 dagen verlopen.", False),
    # what the reader holds goes after a period, and until then they can act
    ("Het account wordt over 30 dagen automatisch verwijderd.", True),
    ("Je kunt nog inloggen om een backup op te vragen, totdat deze na 30 dagen worden verwijderd.", True),
    ("Wij verwijderen uw gegevens na 30 dagen.", False),
    ("Uw nieuwe pas is vijf jaar geldig.", False),
    ("Betaal de factuur binnen {{ termijn }} dagen.", True),
    ("U kunt dit ticket verkrijgen binnen {hours} uur via de link.", True),
    # the reader's own deadline, not the sender's timeline
    ("Reageer binnen 10 dagen.", True),
    ("Stuur uw bezwaar binnen 6 weken na de datum van deze brief.", True),
    ("Betaal tijdig om extra kosten te voorkomen.", True),
    ("Wij streven ernaar het bedrag binnen 10 werkdagen uit te betalen.", False),
    ("Binnen 8 weken na uw aanvraag hoort u van ons.", False),
    ("Eén van onze medewerkers beantwoordt uw vraag zo snel mogelijk.", False),
    ("Om het zo snel mogelijk op te lossen hebben we uw melding daarom opgesplitst.", False),
    # a period in a condition, a passive or the sender's clause belongs to whoever acts
    ("Indien betaling binnen de komende 8 dagen uitblijft, geven wij de vordering uit handen.", True),
    ("Vraag op tijd een nieuwe vergunning aan.", True),
    ("Het formulier moet binnen 14 dagen worden ingeleverd.", True),
    ("Uw aanvraag wordt zo snel mogelijk verwerkt.", False),
    ("Als u een aanvraag doet, beslissen wij binnen 8 weken.", False),
    ("Wij betalen uw uitkering op tijd uit.", False),
    ("Met deze brief willen we u op tijd laten weten wanneer u bij ons terecht kunt.", False),
    ("Wij verzoeken u de facturen binnen 7 DAGEN over te maken.", True),
    ("Als u liever telefonisch contact wilt, mail uw naam, dan bellen wij u zo snel mogelijk.", False),
    ("Wij willen dat u binnen 14 dagen betaalt.", True),
    ("Zo niet, dan ontvangen we graag uw betaling binnen 10 dagen.", True),  # the sender's wish is a request
    ("Wij streven ernaar uw aanvraag binnen 10 dagen af te handelen.", False),
    # a period counted from a date
    ("Vraag de verlenging 8 weken voor {{ einddatum }} aan.", True),
    ("Geef wijzigingen direct door.", True),
    ("Vraag de verlenging aan vóór {{ einddatum }}.", False),
]

HELP = [
    # an invitation answered by a way to reach the sender, not a name
    ("Vragen of suggesties over dit project kun je naar {{EMAIL}} sturen.", True),
    ("Indien u fouten constateert, neem dan contact op met: {{ MAILADDR }}", True),
    ("Als je vragen hebt over je kosten, stuur ons dan een e-mail.", True),
    ("Was dit een vergissing? Neem contact op met {{ support_email }}.", True),
    ("Klopt dit niet? Neem contact op met {{ support_email }}.", True),
    ("Heeft u vragen? Neem dan contact met ons op via 14 020.", True),
    ("Als u vragen heeft over deze brief, dan kunt u bellen met 14 020.", True),
    ("Uw aanvraag voor financiële ondersteuning is afgewezen.", False),
    ("Contact opnemen\nGa naar onze contactpagina", False),
    ("Indien u nog vragen heeft, schroom dan niet om contact met ons op te nemen.", True),
    ("Aarzel niet om contact met ons op te nemen als u vragen heeft.", True),
    ("Voor vragen kunt u terecht bij onze klantenservice.", True),
    ("Heeft u vragen? Wij staan u graag te woord.", True),
    ("Dit bedrag is terecht bij u in rekening gebracht.", False),
    ("Voor vragen over de aanslag gaat u naar de website.", False),
    ("Als je vragen hebt, neem dan contact op met de organisatie die je pas uitgeeft.", True),
    ("Hebt u opmerkingen of vragen, dan kunt u ons bellen op 030 123 45 67.", True),
    # a problem, or wanting to know more, answered by contact; a portal is no contact
    ("Indien er een probleem is met de factuur, verzoeken wij u contact op te nemen met onze afdeling.", True),
    ("Neem contact met ons op als er iets niet klopt. Bel 020 123 45 67.", True),
    ("Mocht u meer willen weten, dan kunt u contact opnemen met de gemeente.", True),
    ("Voor meer informatie gaat u naar Mijn Loket.", False),
    # je-form questions and problems in other words
    ("Indien je hier vragen over hebt, neem dan contact op via info@x.nl.", True),
    ("Eventuele vragen kan je sturen naar info@x.nl.", True),
    ("Als je dit verzoek niet herkent, neem dan contact op via info@x.nl.", True),
    ("Vragen over je openstaand bedrag? Neem dan contact op met {{org}} via {{fromAddress}}", True),
    ("Vermoedt u dat iemand anders de code heeft aangevraagd, neem dan direct contact met ons op.", True),
    ("Mocht u vragen hebben naar aanleiding van deze brief, dan horen wij dit graag.", True),
    ("Heb je hier vragen over? Neem dan contact op met {{partner}} of stuur ons een bericht via WhatsApp.", True),
    ("Is er iets mis? Deze e-mail werd automatisch verstuurd, maar u kunt contact opnemen door te antwoorden.",
     True),
    # a question heading is answered by the paragraph under it
    ("Vragen?\n\nBereikbaar op werkdagen van 8.00 tot 22.00 uur. Op zaterdag van 9.00 tot 17.00 uur. Bel "
     "088 123 65 55.", True),
]

CONTACT = [
    # a route, not an invitation; not the reader's own address in the salutation
    ("Hallo %{email},\n\nJe bent uitgenodigd. Accepteren kan via de link.", False),
    ("Neem contact op met: {{ MAILADDR }}", True),
    ("Je bericht met onderwerp #{mail.subject} is te groot (#{mail.msg_size} MB).", False),
    ("Heeft u vragen? Neem contact met ons op via 14 020.", True),
    ("Heeft u vragen? Mail naar info@gemeente.nl.", True),
    ("Heeft u vragen? Neem dan contact met ons op.", False),
    ("Indien u vragen heeft, verzoek ik u contact op te nemen met mij.", False),
    # phone numbers in every format; not the reader's own address
    ("Bel ons op (+31)000 00 00 00.", True),
    ("Bel ons op (020) 123 45 67.", True),
    ("Bevestig uw e-mailadres met de code.", False),
    ("Dit e-mailadres moet gecontroleerd worden.", False),
    # a web address only when it is for questions; an appointment is no route
    ("Heeft u vragen? Kijk op www.gemeente.nl/contact.", True),
    ("Stuur uw documenten naar Antwoordnummer 9087, 1000 VV Amsterdam.", True),
    ("Lukt het openen niet? Ga dan naar mijn.ggdcontact.nl en gebruik de code.", False),
    ("Meer over de regeling leest u op www.gemeente.nl/pgb.", False),
    ("Maak een afspraak bij de GGD voor de keuring.", False),
    # a reply to the mail is a route; an address placeholder is one where the text offers it for contact
    ("Deze e-mail werd automatisch verstuurd, maar u kunt contact met ons opnemen door te antwoorden.", True),
    ("Vragen? Neem dan contact op met {{org}} via {{fromAddress}}", True),
    ("Uw pas wordt bezorgd op {{deliveryAddress}}.", False),
]

ACTIONS = [
    # an imperative after a colon is an action; a list after a colon is not
    ("Dat bedrag kan ook in delen: bel ons op 14 020 voor een regeling.", True),
    ("Onze openingstijden zijn: maandag tot en met vrijdag.", False),
    # polite and conditional requests, an announced next step, a permission
    ("Zou u dit willen nakijken en de betaling in orde willen maken?", True),
    ("Zou je het formulier willen invullen?", True),
    ("Wij zouden u willen vragen een e-mail terug te sturen.", True),
    ("Ik wil u verzoeken om contact met onze administratie op te nemen.", True),
    ("Wilt u het formulier terugsturen?", True),
    ("U moet meer informatie aanleveren.", True),
    ("Mocht je geen behoefte hieraan hebben dan staat het je vrij om dit bericht te negeren.", True),
    # the main clause after a condition, but not what the reader receives
    ("Mocht je later toch weer gebruik willen maken van de site, voel je dan vrij om een nieuw account aan te maken.",
     True),
    ("Indien u verhuist, geeft u dit dan door aan de gemeente.", True),
    ("Als de betaling is gelukt, ontvangt u een bevestiging.", False),
    ("Als u niet betaalt, sturen wij een aanmaning.", False),
    ("U wordt uitgenodigd voor een heroverweging.", True),
    ("Je hebt toestemming gekregen om het bestand te downloaden.", True),
    # looking is a pointer; a heading or a je-form imperative can be the action
    ("Bekijk het besluit om te zien of u de uitkering mag houden of moet terugbetalen.", False),
    ("Bekijk uw bericht.", False),
    ("Bekijk de brief en betaal het bedrag vóór 1 mei.", True),
    ("Ga naar het loket om uw pas op te halen.", True),
    ("Onderteken de akte voor bedrijfskapitaal\n\nWij kunnen de lening uitbetalen.", True),
    ("Aanvraag in behandeling\n\nWij hebben uw aanvraag ontvangen.", False),
    ("Meer regelingen van de gemeente\n\nWij hebben uw aanvraag ontvangen.", False),
    ("Betaal tijdig om extra kosten te voorkomen\n\nU heeft twee openstaande facturen.", True),
    ("Activeer je digitale tegoed in de app.", True),
    ("Ik vraag je om je saldo op te waarderen.", True),
    ("Wij verzoeken je vriendelijk om een nieuwe VOG aan te vragen.", True),
    ("Als jij dit niet was, raden we je aan om je beveiligingsinstellingen te controleren.", True),
    # thanks, a no-reply notice, seeing, the answer to a question and the sender's wish are none
    ("Bedankt voor uw betaling.", False),
    ("Je kunt de factuurgegevens zien via de volgende link.", False),
    ("Beantwoord deze e-mail niet.", False),
    ("Uw reservering is afgewezen. Hebt u vragen? Stuur dan een e-mail naar info@x.nl of bel 020 123 45 67.", False),
    ("Wij willen u graag een goed antwoord geven.", False),
]


@pytest.mark.parametrize(("text", "vague"), VAGUE_DEADLINES, ids=[text for text, _ in VAGUE_DEADLINES])
def test_vague_deadline_by_its_definition(checker, text, vague):
    assert ("vague-deadline" in rules(checker, text)) is vague


@pytest.mark.parametrize(("rule", "text", "given"),
                         [("missing-help", *case) for case in HELP] + [("missing-contact", *case) for case in CONTACT]
                         + [("missing-action", *case) for case in ACTIONS])
def test_help_contact_and_action_by_their_definitions(checker, rule, text, given):
    assert (rule not in rules(checker, text)) is given


@pytest.mark.parametrize("text", ["Als u te laat bent met uw bezwaar, kunnen we het niet meer behandelen.",
                                  "Betaal tijdig om extra kosten te voorkomen.",
                                  "Klik op de link om je betaalgegevens te updaten om schorsing te voorkomen.",
                                  "Om verdere stappen voor te zijn, verzoeken wij u over te gaan tot betaling."])
def test_a_consequence_of_failing_is_a_threat(checker, text):
    assert "conditional-threat" in rules(checker, text)


@pytest.mark.parametrize("text", [
    "Om misverstanden te voorkomen, verzoeken wij u de bon te bewaren.",  # no sanction avoided
    "Indien u dit bericht ten onrechte ontvangt, wordt u verzocht de inhoud niet te gebruiken en ons direct te "
    "informeren; openbaarmaking is niet toegestaan.",  # aimed at wrong recipients
])
def test_a_reason_without_a_sanction_or_a_notice_to_wrong_recipients_is_no_threat(checker, text):
    assert not any(f.category == "threat" for f in checker.check_text(text).findings)


def test_a_question_answered_by_contact_is_help_not_the_action(checker):
    found = rules(checker, "Over vier weken stopt de voedselhulp.\n\nHeb je hier vragen over? Neem dan contact op "
                           "met {{partner}} of stuur ons een bericht via WhatsApp.")
    assert "missing-help" not in found and "missing-action" in found


@pytest.mark.parametrize("text", ["Veel plezier ermee!", "Uw pas is klaar. HAAL HEM OP vóór 1 mei."])
def test_an_exclamation_mark_or_capitals_are_tone_not_a_threat(checker, text):
    findings = checker.check_text(text).findings
    assert any(f.rule == "shouting" for f in findings)
    assert not any(f.category == "threat" for f in findings)


@pytest.mark.parametrize(("text", "threat"), [
    ("Wij hebben uw uitkering stopgezet.", True),
    ("De deurwaarder heeft vorig jaar beslag gelegd, maar dat is voorbij.", False),
    ("Omdat u te laat betaalde, hebben wij de deurwaarder ingeschakeld.", True),
    ("Na de vervaldatum zullen wij contact met u opnemen en indien nodig passende acties ondernemen.", True),
    ("Wij hopen dat u passende maatregelen treft.", False),
    # a protective mention: the reader's situation, answered by what to do
    ("Staat er een deurwaarder aan de deur? Laat hem deze brief zien.", False),
    ("Krijgt u post van een incassobureau? Stuur die dan naar ons.", False),
    ("Komt de deurwaarder langs? Dan leggen wij beslag.", True),
    # done at the reader's own request
    ("Op uw verzoek hebben wij de inlogfunctie van uw rijbewijs geblokkeerd.", False),
    ("Wij hebben de inlogfunctie van uw rijbewijs geblokkeerd.", True),
])
def test_a_sanction_imposed_or_veiled_is_a_threat_one_told_as_history_is_not(checker, text, threat):
    assert ("threat-sanction" in rules(checker, text)) is threat


@pytest.mark.parametrize(("text", "claim"), [
    ("U moet (een deel van) uw uitkering terugbetalen. Bekijk de brief voor meer details.", True),
    ("U dient het bedrag van € 240 binnen zes weken terug te betalen.", True),
    ("In dit geval moet je de ontvangen subsidie terugstorten.", True),
    ("Bekijk het besluit om te zien of u de uitkering mag houden of moet terugbetalen.", False),
    ("Als u moet terugbetalen, dan krijgt u daarover een besluit.", False),
    ("Moet u geld terugbetalen? Dan kunt u een regeling treffen.", False),
    ("U hoeft niets terug te betalen.", False),
    ("U kunt het bedrag in delen terugbetalen.", False),
    ("Wij betalen u het geld terug.", False),
])
def test_money_the_reader_must_pay_back_is_a_claim_not_an_option_or_a_question(checker, text, claim):
    assert ("claim-back" in rules(checker, text)) is claim


@pytest.mark.parametrize(("text", "revoked"), [
    ("Wij hebben uw RVV ontheffing voor kenteken AB-12-CD ingetrokken.", True),
    ("We gaan je gast-account met nummer 1234 opheffen.", True),
    ("Je account werd geblokkeerd.", True),
    ("Omdat de registratie niet is afgerond, hebben we je gast-account verwijderd.", True),
    ("Wij beëindigen uw lidmaatschap per 1 mei.", True),
    ("Onderwerp: Jouw account %{acct} is opgeschort", True),
    ("Jouw account is nu beperkt: alleen je volgers kunnen het nog vinden.", True),
    ("Uw uitkering wordt niet opgeschort.", False),
    ("Het actieveledenaccount wordt over 30 dagen automatisch verwijderd, met alle data die jij nog had staan.",
     True),
    ("De subsidie voor het buurthuis wordt stopgezet.", False),
    ("Uw account is nu gedeactiveerd en u heeft geen toegang meer.", True),
    ("Wij willen u informeren dat uw account bij SudoSOS is gedeactiveerd.", True),
    ("Omdat u niet reageerde, hebben wij uw account verwijderd.", True),
    ("Als u wilt, kunt u uw account verwijderen.", False),
    ("U kunt uw account verwijderen via de instellingen.", False),
    ("Wilt u uw abonnement opzeggen? Bel ons.", False),
    ("Wij verwijderen uw account niet.", False),
    ("Uw account is vergrendeld na drie mislukte pogingen. Klik op de link om het te ontgrendelen.", False),
    ("De transfer is verwijderd door de verzender.", False),
])
def test_taking_away_what_the_reader_holds_is_a_threat_the_readers_own_choice_is_not(checker, text, revoked):
    assert ("revocation" in rules(checker, text)) is revoked


@pytest.mark.parametrize(("text", "threat"), [
    ("Log voor 1 mei in, anders verwijderen wij uw account.", True),
    ("Als u niet reageert, sluiten wij uw dossier.", True),
    ("Betaal je niet op tijd, dan wordt je lidmaatschap stopgezet.", True),
    ("Let op: doe je niets, dan wordt je Studiepas over drie weken verwijderd.", True),
    ("Reageert u niet, dan worden uw gegevens gewist.", True),
    ("Wilt u uw account niet meer gebruiken, dan kunt u uw account verwijderen.", False),
    ("Doe je niets, dan blijft je account gewoon bestaan.", False),
    ("Activeer uw DigiD vóór 1 mei. Anders vervalt de aanvraag en moet u een nieuwe aanvragen.", True),
    ("Herstel uw wachtwoord vóór 1 mei. Anders is de code niet meer geldig.", True),
    ("Activeer uw DigiD vóór 1 mei. Anders dan vorig jaar kan dat ook met de app.", False),
    ("Wij kunnen uw aanvraag alleen behandelen als alle stukken compleet zijn.", True),
    ("U kunt alleen inloggen als u uw DigiD bij de hand heeft.", False),  # the reader acts
    ("Zonder een nieuw bewijs wordt je bijdrage verhoogd.", True),
    ("Zonder afspraak kunt u bij ons langskomen.", False),
    ("De woning gaat naar de volgende kandidaat als u niet binnen vijf dagen reageert.", True),
])
def test_losing_what_is_the_readers_if_they_do_not_act_is_a_conditional_threat(checker, text, threat):
    assert ("conditional-threat" in rules(checker, text)) is threat


def test_real_letters_pin_their_clear_verdicts(checker):
    sommatie = {f.rule for f in next(checker.check_paths([REAL / "freshinvoice-sommatie.txt"])).findings}
    assert {"threat-pressure", "vague-deadline", "missing-help", "missing-contact"} <= sommatie
    plain = next(checker.check_paths([REAL / "dakkapel-b1.txt"]))
    assert not [f.rule for f in plain.findings if f.category in ("threat", "guidance")]
