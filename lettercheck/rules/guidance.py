"""Guidance rules: what to do, contact, help, a real deadline, the key message first."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.nl.stop_words import STOP_WORDS

from ..analysis import Sentence
from ..model import Finding
from ..placeholders import is_contact_placeholder, is_date_placeholder
from ..structure import DATE, SENTENCE_KINDS, Kind
from .context import LetterContext
from .registry import check

PHONE = re.compile(
    r"(?<![\w+])(?:\(?\+31\)?[\s-]*(?:\(0\)[\s-]*)?|\(?0)(?:\d[\s()-]*){8}\d(?!\d)|\b14[\s-]?0\d{2,3}\b"
    r"|\b0[89]00[\s-]?\d{4,7}\b"
)
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b")
"""Bank account numbers, masked before looking for phone numbers."""
# Possessive runs that start only where a run starts: no backtracking, and no new attempt at every character
# of a long token (60,000 characters took 15 s); they find what the plain patterns found.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+")
WEBSITE = re.compile(r"\b(?:https?://|www\.)\S+|(?<![\w-])-*+\w[\w-]*+\.(?:nl|com|org|eu|info)(?:/\S*)?\b", re.I)
CONTACT_HINT = re.compile(r"contact|vragen|vraag|klantenservice|formulier|chat|loket|bereik", re.I)
CONTACT_PAGE = re.compile(r"/\S*(contact|vragen|vraag|klantenservice|formulier|chat)|^(https?://)?contact\.", re.I)
"""A contact page's address: 'gemeente.nl/contact', 'contact.gemeente.nl'; not 'mijn.ggdcontact.nl' (a portal)."""
CONTACT_HINT_REACH = 60
ADDRESS_PLACEHOLDER = re.compile(r"address|adres", re.I)
"""How many characters before a web address may say it is for questions ('Heeft u vragen? Kijk op ...')."""
LAW_REFERENCE = re.compile(r"\b(artikel|art\.)\s*\d|\b\w*wet\b|\bAwb\b", re.I)
TIME_UNITS = frozenset({"dag", "dagen", "werkdag", "werkdagen", "week", "weken", "maand", "maanden"})
CONDITIONS = frozenset({"als", "indien", "wanneer", "zodra", "mits", "tenzij"})
VALIDITY_UNITS = TIME_UNITS | {"minuut", "minuten", "uur", "uren"}
EXPIRING = ("link", "code", "knop")
EXPIRING_VERBS = ("verloop", "verval")
"""Present forms of 'verlopen' and 'vervallen', by their start: the tagger misses the lemma of 'vervalt'."""
"""What a validity makes a deadline for: a link, a code or a button, not a pass that is 'vijf jaar geldig'."""
PERIOD_WORDS = frozenset({"de", "komende", "volgende", "eerstvolgende", "uiterlijk", "maximaal", "hooguit"})
"""Words between 'binnen' and the number of a period: 'binnen de komende 8 dagen'."""
POINTER_VERBS = frozenset({"bellen", "mailen", "e-mailen", "chatten", "kijken", "bekijken", "lezen", "gaan", "vinden",
                           "inloggen", "surfen", "bezoeken", "zien", "inzien"})
"""Verbs of a pointer: where to read more or how to reach the sender, not what to do about the letter."""
HEADING_OBJECT_STARTS = frozenset({"de", "het", "een", "uw", "je", "jouw", "ons", "onze", "dit", "deze", "hier",
                                   "naar"})
"""What follows the verb of an imperative heading ('Onderteken de akte', 'Ga naar Samenwerkingsplannen'), besides an
adverb ('Betaal tijdig'); a title goes on with a noun or a preposition ('Aanvraag in behandeling')."""
LOOKING_VERBS = frozenset({"bekijken", "kijken", "lezen", "inzien"})
SEEING_VERBS = POINTER_VERBS | {"zien", "weten", "lezen", "controleren", "nakijken"}
"""Verbs of a purpose that only informs: 'Bekijk de brief om te zien ...'."""
COMPLEMENTIZERS = frozenset({"of", "wat", "hoe", "welke", "wanneer", "waarom", "dat", "wie", "waar"})
CONTACT_PHRASE_VERBS = frozenset({"nemen", "opnemen", "hebben", "zoeken", "komen"})
"""With 'contact': 'neem contact op', 'als u contact heeft'."""
REFERENCE_WORDS = ("nummer", "kenmerk")
REFERENCE_VERBS = frozenset({"geven", "noemen", "vermelden", "houden", "gebruiken", "hebben"})
"""'Geef dan uw meldingnummer', 'Houd uw dossiernummer bij de hand': how to be found, not an action."""
AUXILIARIES = frozenset({"kunnen", "mogen", "moeten", "willen", "zullen", "worden", "zijn"})
SUBJECT_PRONOUNS = frozenset({"u", "je", "jij", "ik", "wij", "we", "hij"})
"""After a verb they are its subject ('Gaat u', 'Doen we'); 'het' and 'ze' may be objects ('Betaal het')."""
NOT_VERBS = frozenset({"tip", "let", "bedankt"})
"""Sentence openers the stem test takes for verbs ('tip' -> 'tippen'); stop words are never taken."""
QUESTION_WORDS = frozenset({"wat", "wie", "welk", "welke", "hoe", "hoeveel", "wanneer", "waar", "waarom", "waarmee",
                            "waarvoor", "waarover"})
READER = frozenset({"u", "je", "jij"})
SENDER = frozenset({"wij", "we", "ik"})
WISHED_FOR = frozenset({"ontvangen", "zien", "krijgen", "tegemoetzien"})
"""What the sender 'graag' receives of the reader: a request in the sender's words."""
WISHED_OBJECTS = frozenset({"uw", "je", "jouw", "de", "het"})
READER_POSSESSIVES = frozenset({"uw", "je", "jouw", "dit"})
"""Before a contact word, the reader's own address ('uw e-mailadres', 'Dit e-mailadres moet gecontroleerd worden')."""
OBLIGATION = frozenset({"moeten", "dienen"})
"""'Verhindering dient ... te worden gemeld': an obligation put on a thing is the reader's."""
RECEIVING = frozenset({"horen", "ontvangen", "krijgen", "verwachten"})
REPLIES = frozenset({"bericht", "besluit", "brief", "antwoord", "reactie", "beslissing", "uitnodiging"})
ASKING = frozenset({"vragen", "verzoeken", "stellen", "sommeren", "uitnodigen", "adviseren", "aanraden", "raden",
                    "aanbevelen"})
"""'Wij verzoeken u ...', 'Ik stel u in de gelegenheid ...', 'We raden je aan om ...': the reader is asked to act."""


@check("missing-action")
def missing_action(ctx: LetterContext) -> Iterator[Finding]:
    if not any(_tells_what_to_do(ctx, sentence) for sentence in ctx.wording):
        yield ctx.letter_finding("missing-action")


def _tells_what_to_do(ctx: LetterContext, sentence: Sentence) -> bool:
    """An action, a request, an option, or that nothing is needed; not a pointer to contact or more reading."""
    if _pointer(ctx, sentence) or _refused_option(sentence) or _open_question(sentence):
        return False
    return (ctx.cue_in("action", sentence) or _imperative(sentence) or _instrument(sentence)
            or _announces_reply(sentence))


def _pointer(ctx: LetterContext, sentence: Sentence) -> bool:
    """'Voor meer informatie kunt u bellen', 'Vermeld uw dossiernummer', 'Ga naar onze contactpagina'."""
    if ctx.cue_in("question", sentence) or ctx.cue_in("information", sentence) or _disclaims(ctx, sentence):
        return True
    if _answers_a_question(ctx, sentence):
        return True
    verbs = {t.lemma_ for t in sentence.span
             if (t.pos_ in ("VERB", "AUX") or t.tag_.startswith("WW")) and not t.tag_.startswith("WW|od")}
    verbs = (verbs | _coordinated_imperatives(sentence)) - AUXILIARIES  # 'de volgende link' has no verb 'volgen'
    if any(t.lemma_.endswith(REFERENCE_WORDS) for t in sentence.span) and verbs <= REFERENCE_VERBS:
        return True
    contact = any(t.lemma_.startswith("contact") for t in sentence.span)
    if bool(verbs) and verbs <= POINTER_VERBS | (CONTACT_PHRASE_VERBS if contact else frozenset()):
        return True
    return _look_and_see(sentence)


def _look_and_see(sentence: Sentence) -> bool:
    """'Bekijk het besluit om te zien of u de uitkering mag houden': an imperative to look, for reading's sake."""
    if not _imperative(sentence):
        return False
    words = _after_label(sentence.words)
    first = words[0]
    if first.lemma_ not in LOOKING_VERBS and _infinitive(first.lower_) not in LOOKING_VERBS:
        return False
    if _coordinated_imperatives(sentence) - POINTER_VERBS:
        return False
    purpose = False
    for token in words[1:]:
        if token.lower_ in COMPLEMENTIZERS and purpose:
            break  # what the reader will see: 'of u de uitkering mag houden'
        purpose = purpose or token.lower_ == "om"
        verb = token.pos_ in ("VERB", "AUX") and not token.tag_.startswith("WW|vd")
        allowed = SEEING_VERBS if purpose else POINTER_VERBS
        if verb and token.lemma_ not in AUXILIARIES and token.lemma_ not in allowed:
            return False
    return True


def _coordinated_imperatives(sentence: Sentence) -> set[str]:
    """A second imperative the tagger missed: 'Bekijk de brief en betaal het bedrag' ('betaal' tagged adjective)."""
    words = sentence.words
    return {_infinitive(token.lower_) for previous, token in zip(words, words[1:], strict=False)
            if previous.lower_ in ("en", "of") and token.pos_ not in ("VERB", "AUX") and _stem(token.lower_)}


def _infinitive(word: str) -> str | None:
    from ..conjugation import infinitive_of_stem

    return infinitive_of_stem(word)


def _answers_a_question(ctx: LetterContext, sentence: Sentence) -> bool:
    """'Hebt u vragen? Stuur dan een e-mail of bel ons.': how to reach the sender, not what to do about the letter."""
    previous = ctx.sentence_of(sentence.span.start - 1) if sentence.span.start else None
    if previous is None or previous.span[-1].text != "?" or not ctx.cue_in("question", previous):
        return False
    return ctx.contact_in(sentence) or ctx.cue_in("reply", sentence)


def _disclaims(ctx: LetterContext, sentence: Sentence) -> bool:
    """In or right after a notice to wrong recipients ('Bent u niet de geadresseerde? Geef dit aan ons door.') or a
    notice that the message takes no reply."""
    previous = ctx.sentence_of(sentence.span.start - 1) if sentence.span.start else None
    return any(s is not None and (ctx.cue_in("wrong_recipient", s) or ctx.cue_in("no_reply", s))
               for s in (sentence, previous))


def _open_question(sentence: Sentence) -> bool:
    """'Wat kunt u van ons verwachten?', 'Wat moet u doen?': a heading or link that asks, the answer follows."""
    words = sentence.words
    return bool(words) and sentence.span[-1].text == "?" and words[0].lower_ in QUESTION_WORDS


def _refused_option(sentence: Sentence) -> bool:
    """'U kunt niet reageren op deze e-mail', 'U kunt het bericht niet meer bekijken'."""
    tokens = list(sentence.span)
    for i, token in enumerate(tokens):
        if token.lower_ == "mocht" and (i == 0 or tokens[i - 1].text == ","):
            continue  # 'Mocht je geen behoefte hebben, ...' is a condition, not a refusal
        if token.lemma_ in ("kunnen", "mogen"):
            window = tokens[i + 1 : i + 6]
            cut = next((j for j, t in enumerate(window) if t.text == ","), len(window))
            if any(t.lower_ in ("niet", "geen") for t in window[:cut]):
                return True
    return False


def _imperative(sentence: Sentence) -> bool:
    """'Betaal het bedrag.', 'Bel ons.', 'Neemt u contact op.': a verb first, not a question or a condition; also
    the clause after a colon ('Dat kan ook in delen: bel ons op 14 020.') and the main clause after a condition
    ('Mocht je later weer willen meedoen, voel je dan vrij om ...')."""
    if sentence.span[-1].text == "?":
        return False
    words = sentence.words
    after_colon = [words[i + 1 :] for i in range(1, len(words) - 2) if words[i].nbor(1).text == ":"]
    if any(_verb_first(sentence, clause) for clause in [_after_label(words), *after_colon]):
        return True
    return any(_verb_first(sentence, clause) and not _told_not_asked(clause[0]) for clause in _after_condition(words))


def _told_not_asked(verb) -> bool:
    """A main clause after a condition that says what happens, not what to do: 'Als ..., ontvangt u een
    bevestiging', 'Indien ..., zal een dwangbevel worden betekend'."""
    return (verb.pos_ == "AUX" or verb.lemma_ in AUXILIARIES
            or _infinitive(verb.lower_.removesuffix("t")) in RECEIVING)


def _after_condition(words: list) -> list[list]:
    """The words after the comma that closes a fronted condition ('Als ..., ', 'Mocht ..., ')."""
    if not words or words[0].lower_ not in CONDITIONS | {"mocht"}:
        return []
    comma = next((i for i in range(1, len(words) - 2) if words[i].nbor(1).text == ","), None)
    return [] if comma is None else [words[comma + 1 :]]


def _verb_first(sentence: Sentence, words: list) -> bool:
    if len(words) < 2 or not words[0].is_alpha:
        return False
    first, second = words[0], words[1]
    if first.i + 1 < len(first.doc) and first.nbor(1).text == ":":
        return False  # 'Plaats: ...' is a label
    tagged = first.tag_.startswith("WW|pv|tgw")
    if first.lower_ in NOT_VERBS:
        return False
    heading = sentence.kind not in SENTENCE_KINDS
    if heading and second.lower_ not in HEADING_OBJECT_STARTS and second.pos_ not in ("ADV", "ADJ"):
        return False  # 'Meer regelingen van de gemeente', 'Bericht Kredietbank': a title, tagged as a verb
    word = first.lower_
    if second.lower_ == "je" and not word.endswith("t") and not _inverted_condition(words):
        return bool(tagged or _stem(word))  # 'Activeer je tegoed': 'je' is the possessive
    if second.lower_ == "u" and word.endswith("t"):
        polite = tagged or _stem(word[:-1])
        return bool(polite) and not _inverted_condition(words)
    return (tagged or _stem(word)) and second.lower_ not in SUBJECT_PRONOUNS


def _inverted_condition(words: list) -> bool:
    """'Krijg je een brief, dan ...': a condition opened by the verb, its consequence after 'dan'."""
    return any(t.lower_ == "dan" and t.nbor(-1).text == "," for t in words[2:])


def _after_label(words: list) -> list:
    """The words after a one-word label ('Tip: Lever de papieren in.')."""
    if len(words) > 2 and words[0].i + 1 < len(words[0].doc) and words[0].nbor(1).text == ":":
        return words[1:]
    return words


def _stem(word: str) -> bool:
    return word not in NOT_VERBS and word not in STOP_WORDS and _infinitive(word) is not None


def _instrument(sentence: Sentence) -> bool:
    """'Door op de knop te klikken, ...': how to do it, an instruction in an instrument clause."""
    words = sentence.words
    return bool(words) and words[0].lower_ == "door" and any(
        a.lower_ == "te" and b.tag_.startswith("WW|inf") for a, b in zip(words, words[1:], strict=False))


def _announces_reply(sentence: Sentence) -> bool:
    """'U krijgt daarover een brief van ons': nothing to do now, the reader hears again."""
    lemmas = {t.lemma_ for t in sentence.span}
    return any(t.lower_ == "u" for t in sentence.span) and bool(lemmas & RECEIVING) and bool(lemmas & REPLIES)


@check("missing-contact")
def missing_contact(ctx: LetterContext) -> Iterator[Finding]:
    cues = [m for m in ctx.cues("contact") if not ctx.portal_name(m) and not _readers_own(ctx, m)]
    if cues or "contact" in ctx.outside_cues or has_contact_details(ctx, 0, len(ctx.letter.text)):
        return
    yield ctx.letter_finding("missing-contact")


def _readers_own(ctx: LetterContext, match) -> bool:
    """'Bevestig uw e-mailadres': the reader's own address is no way to reach the sender; an address of the sender
    that the letter writes out is found by pattern."""
    return match.start > 0 and ctx.doc[match.start - 1].lower_ in READER_POSSESSIVES


def _contact_page(text: str, website: re.Match) -> bool:
    """A web address for questions: a contact page or form ('gemeente.nl/contact'), or one the text before it offers
    for questions ('Stel uw vraag via ...'); a portal or information page is no route to a person."""
    before = text[max(0, website.start() - CONTACT_HINT_REACH) : website.start()]
    return bool(CONTACT_PAGE.search(website.group()) or CONTACT_HINT.search(before))


def has_contact_details(ctx: LetterContext, start: int, end: int) -> bool:
    """A phone number, e-mail or web address, or a placeholder for one, in the letter text ``start:end``."""
    text = IBAN.sub(" ", ctx.masked_text[start:end])
    if PHONE.search(text) or EMAIL.search(text) or any(_contact_page(text, m) for m in WEBSITE.finditer(text)):
        return True
    return any((is_contact_placeholder(ctx.letter.text[a:b]) or _offered_address(ctx.letter.text, a, b))
               and not _salutes(ctx, a) for a, b in ctx.letter.placeholders if start <= a < end)


def _offered_address(text: str, start: int, end: int) -> bool:
    """'Neem contact op met {{org}} via {{fromAddress}}': an address the text before it offers for contact."""
    return bool(ADDRESS_PLACEHOLDER.search(text[start:end])
                and CONTACT_HINT.search(text[max(0, start - CONTACT_HINT_REACH) : start]))


def _salutes(ctx: LetterContext, offset: int) -> bool:
    """'Hallo %{email},': a placeholder in the salutation is the reader's own address."""
    index = ctx.parsed.segment_index(offset)
    return index >= 0 and ctx.parsed.segments[index].kind is Kind.SALUTATION


@check("missing-help")
def missing_help(ctx: LetterContext) -> Iterator[Finding]:
    if not ctx.help_offers and "help" not in ctx.outside_cues:
        yield ctx.letter_finding("missing-help")


@check("vague-deadline")
def vague_deadlines(ctx: LetterContext) -> Iterator[Finding]:
    """One finding per sentence that gives the reader a relative deadline and no date."""
    for start, end in reader_deadlines(ctx):
        yield ctx.span_finding("vague-deadline", ctx.doc[start:end])


def reader_deadlines(ctx: LetterContext) -> Iterator[tuple[int, int]]:
    """The token range of each sentence's relative deadline for the reader, where the letter gives no date.

    Not a deadline: the sender's own timeline ('wij beslissen binnen 8 weken', 'u hoort binnen 8 weken van ons'),
    and a period the letter has already tied to a date ('binnen 2 weken, dus uiterlijk 1 mei').
    """
    dated_periods: set[str] = set()
    for sentence in ctx.wording:
        spans = [(m.start, m.end) for m in ctx.cues("vague_deadline")
                 if sentence.span.start <= m.start < sentence.span.end]
        validity = _valid_for(sentence) + _before_a_loss(ctx, sentence)  # always the reader's: theirs to use
        spans += _within_days(sentence, ctx.parsed.placeholder_tokens) + validity
        relative = _before_a_date(sentence)
        spans += relative
        if not spans:
            continue
        periods = {ctx.doc[start:end].text.lower() for start, end in spans}
        if _dated(ctx, sentence, spans) and not relative:
            dated_periods |= periods
        elif periods <= dated_periods:
            continue
        elif validity or _in_condition(ctx, spans) or not (
            _sender_sets(ctx, spans) or _senders_timeline(ctx, sentence)
        ):
            yield min(s for s, _ in spans), max(e for _, e in spans)


def _dated(ctx: LetterContext, sentence: Sentence, periods: list[tuple[int, int]]) -> bool:
    """A date, or a placeholder or blank that holds one ('vóór {{ end_date }}', 'uiterlijk ..........'); not the
    number of a period ('binnen {{ termijn }} dagen')."""
    span = sentence.span
    if DATE.search(span.text):
        return True
    inside = [(ctx.doc[start].idx, ctx.doc[end - 1].idx + len(ctx.doc[end - 1])) for start, end in periods]
    return any(is_date_placeholder(ctx.letter.text[a:b]) for a, b in ctx.letter.placeholders
               if span.start_char <= a < span.end_char and not any(lo <= a < hi for lo, hi in inside))


def _senders_timeline(ctx: LetterContext, sentence: Sentence) -> bool:
    """The sender acts ('wij streven ernaar binnen 10 werkdagen ...') or the reader only receives ('u hoort ...').

    A condition, an imperative, a request ('wij verzoeken u') or 'u' doing something makes it the reader's.
    """
    if sentence.span.start in {s.span.start for s in ctx.conditional_sentences}:
        return False
    if _imperative(sentence) or ctx.cue_in("action", sentence) or _wished_for(sentence.span):
        return False
    reader = sender = False
    for token in sentence.span:
        asked = token.dep_ in ("obj", "iobj") and token.head.lemma_ in ASKING
        if token.lower_ in READER and (asked or token.dep_.startswith("nsubj")):
            reader = reader or asked or token.head.lemma_ not in RECEIVING
            sender = sender or token.head.lemma_ in RECEIVING
        elif token.dep_ in ("nsubj", "nsubj:pass"):  # a passive's subject is acted on by the sender ('wordt verwerkt')
            sender = True
            obliged = token.head.lemma_ in OBLIGATION or (token.dep_ == "nsubj:pass" and _obliged(sentence))
            reader = reader or (obliged and token.lower_ not in SENDER)
    passive = any(t.dep_ == "aux:pass" for t in sentence.span)
    return (sender and not reader) or (passive and not reader and not _obliged(sentence))


def _sender_sets(ctx: LetterContext, spans: list[tuple[int, int]]) -> bool:
    """Every period modifies a clause whose subject is the sender: 'Wij laten u op tijd weten wanneer ...'; not a
    polite request for the reader's act ('dan ontvangen we graag uw betaling binnen 10 dagen')."""
    return all((_clause_subject(ctx.doc[start]) in SENDER or _senders_stretch(ctx.doc[start]))
               and not _wished_for(ctx.doc[start].sent) and not _awaited(ctx.doc[start]) for start, _ in spans)


def _awaited(token) -> bool:
    """'Als we uw betaling niet binnen 5 dagen ontvangen, ...': the period inside a condition on the sender's
    receipt of the reader's act is the reader's to meet."""
    sentence = token.sent
    opener = next((t for t in reversed(sentence[: token.i - sentence.start]) if t.lower_ in CONDITIONS), None)
    if opener is None:
        return False
    clause = sentence.doc[opener.i : token.i]
    verb = next((t for t in sentence[token.i - sentence.start :] if t.lemma_ in WISHED_FOR or t.is_punct), None)
    return verb is not None and not verb.is_punct and any(t.lower_ in READER_POSSESSIVES - {"dit"} for t in clause)


def _wished_for(sentence) -> bool:
    """'We ontvangen graag uw betaling', 'Graag zien wij de betaling tegemoet': the sender wishes for the reader's
    act ('de betaling' in a letter to the reader is theirs)."""
    lowers = [t.lower_ for t in sentence]
    return "graag" in lowers and any(w in WISHED_OBJECTS for w in lowers) and any(
        t.lemma_ in WISHED_FOR for t in sentence)


def _senders_stretch(token) -> bool:
    """Where the parse is lost: the stretch of the clause before the period, from its last comma, has the sender
    as its only actor ('..., dan bellen wij u zo snel mogelijk'); not a request or an obligation."""
    start = token.sent.start
    for i in range(token.i - 1, token.sent.start - 1, -1):
        if token.doc[i].text == ",":
            start = i + 1
            break
    stretch = token.doc[start : token.i]
    if any(t.lemma_ in ASKING or t.lemma_ in OBLIGATION or (t.pos_ == "SCONJ" and t.lower_ != "dan") for t in stretch):
        return False  # a request, an obligation, or a clause of the reader's inside it ('Wij willen dat u ...')
    return any(t.lower_ in SENDER for t in stretch)


def _clause_subject(token) -> str | None:
    """The subject of the nearest clause above ``token`` that has one, in lowercase; none for a te-infinitive or a
    request, whose subject is whoever it asks ('Wij verzoeken u binnen 14 dagen te reageren')."""
    while True:
        if token.pos_ in ("VERB", "AUX") or any(c.dep_.startswith("nsubj") for c in token.children):
            after = token.nbor(1) if token.i + 1 < len(token.doc) else None
            if after is not None and after.lower_ in SENDER:
                return after.lower_  # 'dan bellen wij u': the subject right after the verb, however it is parsed
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
            if subject is not None:
                return None if token.lemma_ in ASKING else subject.lower_
            if any(c.dep_ == "mark" and c.lower_ in ("te", "om") for c in token.children):
                return None
        if token.head.i == token.i:
            return None
        token = token.head


def _in_condition(ctx: LetterContext, spans: list[tuple[int, int]]) -> bool:
    """'Indien betaling binnen 8 dagen uitblijft, ...': a period inside a condition is the reader's to meet."""
    for start, _ in spans:
        token = ctx.doc[start]
        while token.head.i != token.i:
            if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in token.children):
                return True
            token = token.head
    return False


def _obliged(sentence: Sentence) -> bool:
    """'Het formulier moet binnen 14 dagen worden ingeleverd': a passive that asks the reader to act."""
    return any(t.lemma_ in OBLIGATION for t in sentence.span)


def _before_a_date(sentence: Sentence) -> list[tuple[int, int]]:
    """'8 weken voor {{ einddatum }}', '14 dagen na 1 mei': a date the reader must count from."""
    tokens = list(sentence.span)
    return [
        (tokens[i].i, tokens[i].i + 3)
        for i in range(len(tokens) - 2)
        if tokens[i].like_num and tokens[i + 1].lower_ in TIME_UNITS and tokens[i + 2].lower_ in ("voor", "vóór", "na")
        and (i == 0 or tokens[i - 1].lower_ != "binnen")
    ]


def _within_days(sentence: Sentence, placeholders) -> list[tuple[int, int]]:
    """'binnen 14 dagen', 'binnen twee weken', 'binnen de komende 8 dagen', 'binnen {{ termijn }} dagen',
    'binnen {hours} uur'."""
    tokens = list(sentence.span)
    spans = []
    for i, token in enumerate(tokens):
        if token.lower_ != "binnen":
            continue
        j = i + 1
        while j < len(tokens) and j - i <= 2 and tokens[j].lower_ in PERIOD_WORDS:
            j += 1
        number = j < len(tokens) and (tokens[j].like_num or tokens[j].i in placeholders)
        if number and j + 1 < len(tokens) and tokens[j + 1].lower_ in VALIDITY_UNITS:
            spans.append((token.i, tokens[j + 1].i + 1))
    return spans


def _before_a_loss(ctx: LetterContext, sentence: Sentence) -> list[tuple[int, int]]:
    """'Het account wordt over 30 dagen verwijderd', 'Je kunt je gegevens opvragen, totdat ze na 30 dagen worden
    verwijderd': what the reader holds goes after a period, and until then they can act."""
    tokens = list(sentence.span)
    spans = [(tokens[i - 1].i, tokens[i + 1].i + 1) for i in range(1, len(tokens) - 1)
             if tokens[i - 1].lower_ in ("over", "na") and tokens[i].like_num and tokens[i + 1].lower_ in TIME_UNITS]
    if not spans or not ctx.takes_away(sentence):
        return []
    readers_option = ctx.cue_in("action", sentence)
    return spans if readers_option or ctx.revocation(sentence) is not None else []


def _valid_for(sentence: Sentence) -> list[tuple[int, int]]:
    """'Deze link is 24 uur geldig', 'De knop is 10 minuten geldig', 'De link verloopt over 24 uur': a link or
    code the reader must use in time."""
    tokens = list(sentence.span)
    if not any(t.lower_.endswith(EXPIRING) for t in tokens):
        return []
    expires = any(t.lower_.startswith(EXPIRING_VERBS) or (t.lower_ == "verlopen" and not t.tag_.startswith("WW|vd"))
                  for t in tokens)
    spans = []
    for i in range(len(tokens) - 1):
        if not (tokens[i].like_num and tokens[i + 1].lower_ in VALIDITY_UNITS):
            continue
        if i + 2 < len(tokens) and tokens[i + 2].lower_ == "geldig":
            spans.append((tokens[i].i, tokens[i + 2].i + 1))
        elif expires and i > 0 and tokens[i - 1].lower_ in ("over", "na", "binnen"):
            spans.append((tokens[i - 1].i, tokens[i + 1].i + 1))
    return spans


@check("key-message-late")
def key_message_late(ctx: LetterContext) -> Iterator[Finding]:
    """The first body paragraph opens with background or legal grounds."""
    if not ctx.body_prose_segments:
        return
    segment = ctx.body_prose_segments[0]
    first = next((s for s in ctx.prose if s.segment == segment), None)
    if first is None:
        return
    opening = first.span[: min(4, len(first.span))]
    opens_with_background = any(
        m.start < opening.end and first.span.start <= m.start for m in ctx.cues("background")
    )
    if opens_with_background or LAW_REFERENCE.search(first.span.text):
        yield ctx.span_finding("key-message-late", first.span)
