"""Dutch verb and noun forms for rewrites: the form a plain word must take to fit the sentence.

Regular forms follow the spelling rules of Dutch; where the rules leave a choice
(a long or a short vowel: 'beoordeelt' or 'beoordelt', 'vullen' or 'vulen'), the
word-frequency list decides, since only the real form occurs in written Dutch.
The strong and irregular verbs common in letters are listed. Every function
returns None rather than guess: a rewrite that cannot be formed is not offered.
"""

from __future__ import annotations

from .frequency import zipf
from .inflection import SEPARABLE_PREFIXES, SOFT_ENDINGS, UNSTRESSED_PREFIXES, VOWELS, devoice, noun_forms

# lemma: present singular (3rd person), past singular, past plural, participle
IRREGULAR = {
    "zijn": ("is", "was", "waren", "geweest"),
    "hebben": ("heeft", "had", "hadden", "gehad"),
    "kunnen": ("kan", "kon", "konden", "gekund"),
    "zullen": ("zal", "zou", "zouden", ""),
    "willen": ("wil", "wilde", "wilden", "gewild"),
    "mogen": ("mag", "mocht", "mochten", "gemogen"),
    "moeten": ("moet", "moest", "moesten", "gemoeten"),
    "hoeven": ("hoeft", "hoefde", "hoefden", "gehoeven"),
    "worden": ("wordt", "werd", "werden", "geworden"),
    "gaan": ("gaat", "ging", "gingen", "gegaan"),
    "staan": ("staat", "stond", "stonden", "gestaan"),
    "doen": ("doet", "deed", "deden", "gedaan"),
    "zien": ("ziet", "zag", "zagen", "gezien"),
    "komen": ("komt", "kwam", "kwamen", "gekomen"),
    "geven": ("geeft", "gaf", "gaven", "gegeven"),
    "nemen": ("neemt", "nam", "namen", "genomen"),
    "krijgen": ("krijgt", "kreeg", "kregen", "gekregen"),
    "vinden": ("vindt", "vond", "vonden", "gevonden"),
    "zenden": ("zendt", "zond", "zonden", "gezonden"),
    "schrijven": ("schrijft", "schreef", "schreven", "geschreven"),
    "blijven": ("blijft", "bleef", "bleven", "gebleven"),
    "besluiten": ("besluit", "besloot", "besloten", "besloten"),
    "sluiten": ("sluit", "sloot", "sloten", "gesloten"),
    "bieden": ("biedt", "bood", "boden", "geboden"),
    "laten": ("laat", "liet", "lieten", "gelaten"),
    "houden": ("houdt", "hield", "hielden", "gehouden"),
    "vragen": ("vraagt", "vroeg", "vroegen", "gevraagd"),
    "brengen": ("brengt", "bracht", "brachten", "gebracht"),
    "denken": ("denkt", "dacht", "dachten", "gedacht"),
    "zoeken": ("zoekt", "zocht", "zochten", "gezocht"),
    "kopen": ("koopt", "kocht", "kochten", "gekocht"),
    "weten": ("weet", "wist", "wisten", "geweten"),
    "lezen": ("leest", "las", "lazen", "gelezen"),
    "helpen": ("helpt", "hielp", "hielpen", "geholpen"),
    "vangen": ("vangt", "ving", "vingen", "gevangen"),
    "beginnen": ("begint", "begon", "begonnen", "begonnen"),
    "treffen": ("treft", "trof", "troffen", "getroffen"),
    "wijzen": ("wijst", "wees", "wezen", "gewezen"),
    "kiezen": ("kiest", "koos", "kozen", "gekozen"),
    "lopen": ("loopt", "liep", "liepen", "gelopen"),
    "spreken": ("spreekt", "sprak", "spraken", "gesproken"),
    "roepen": ("roept", "riep", "riepen", "geroepen"),
    "dragen": ("draagt", "droeg", "droegen", "gedragen"),
    "heffen": ("heft", "hief", "hieven", "geheven"),
    "verliezen": ("verliest", "verloor", "verloren", "verloren"),
    "wegen": ("weegt", "woog", "wogen", "gewogen"),
    "trekken": ("trekt", "trok", "trokken", "getrokken"),
    "leggen": ("legt", "legde", "legden", "gelegd"),
    "zeggen": ("zegt", "zei", "zeiden", "gezegd"),
    "betreffen": ("betreft", "betrof", "betroffen", "betroffen"),
}
INSEPARABLE = ("be", "ge", "her", "ont", "ver", "er")
PARTICLES = tuple(sorted({*SEPARABLE_PREFIXES, "terug", "mee", "bij", "weg", "vast", "stop", "samen", "tegen",
                          "binnen"},
                         key=len, reverse=True))
"""Separable particles, longest first."""
MODALS = frozenset({"kunnen", "zullen", "willen", "mogen", "moeten"})
SECOND_PERSON = {"kunnen": "kunt", "zullen": "zult", "willen": "wilt"}
"""'u kunt', 'u zult', 'u wilt': the forms letters use (not 'u kan')."""
SHORT_STEMS = {"ga": "gaan", "sta": "staan", "doe": "doen", "zie": "zien"}
PRONOUN_PERSON = {
    "ik": "1sg", "je": "2sg", "jij": "2sg", "u": "u", "hij": "3sg", "zij": "3sg", "ze": "3sg", "het": "3sg",
    "wij": "pl", "we": "pl", "jullie": "pl",
}


def split_particle(lemma: str) -> tuple[str, str]:
    """'uitnodigen' -> ('uit', 'nodigen'); ('', lemma) for verbs without a separable particle.

    A particle counts only when the rest is a verb of its own ('opnemen': 'nemen'), so 'ontvangen'
    and 'betalen' keep their letters.
    """
    for particle in PARTICLES:
        rest = lemma[len(particle):]
        if lemma.startswith(particle) and len(rest) >= 4 and (rest in IRREGULAR or _known_verb(rest)):
            return particle, rest
    return "", lemma


def _known_verb(infinitive: str) -> bool:
    return infinitive.endswith("en") and (zipf(infinitive) or 0) >= 2.5


def _irregular(lemma: str) -> tuple[str, tuple[str, ...]] | None:
    """(prefix, forms) for an irregular verb, also with an inseparable prefix: 'ontvangen', 'verzenden'."""
    if lemma in IRREGULAR:
        return "", IRREGULAR[lemma]
    for prefix in INSEPARABLE:
        if lemma.startswith(prefix) and lemma[len(prefix):] in IRREGULAR:
            return prefix, IRREGULAR[lemma[len(prefix):]]
    return None


def lemma_of_auxiliary(form: str) -> str | None:
    """'wordt' -> 'worden', 'kunt' -> 'kunnen', 'was' -> 'zijn': the tagger is unsure of these."""
    if form in ("ben", "bent", "is"):
        return "zijn"
    for lemma, forms in IRREGULAR.items():
        if form == lemma or form in forms[:3] or form == SECOND_PERSON.get(lemma):
            return lemma
    return None


def stem(infinitive: str) -> str | None:
    """The stem of a regular verb: 'beoordelen' -> 'beoordeel', 'zetten' -> 'zet', 'leven' -> 'leef'."""
    if not infinitive.endswith("en") or len(infinitive) < 4:
        return None
    base = infinitive[:-2]
    candidates = []
    if len(base) > 2 and base[-1] == base[-2] and base[-1] not in VOWELS:
        candidates.append(base[:-1])
    elif len(base) > 2 and base[-2] in VOWELS and base[-3] not in VOWELS and base[-1] not in VOWELS:
        candidates += [base[:-1] + base[-2] + base[-1], base]
    else:
        candidates.append(base)
    candidates = [devoice(c) for c in candidates]
    if len(candidates) == 1:
        return candidates[0]
    return max(candidates, key=lambda c: zipf(c + "t") or zipf(c) or 0)


def _soft(infinitive: str) -> bool:
    """'t kofschip, on the stem before devoicing: 'werken' -> werkte, 'leven' -> leefde."""
    base = infinitive[:-2]
    return base[-1] in SOFT_ENDINGS or base.endswith("ch")


def present(lemma: str, person: str) -> str | None:
    """The present tense for person 1sg, 2sg, u, 3sg or pl, without the separable particle ('uitnodigen' -> 'nodigt').

    'u' takes the third person ('u heeft'), except for 'zijn' ('u bent').
    """
    lemma = split_particle(lemma)[1]
    if person == "pl":
        return lemma
    if lemma == "zijn":
        return {"1sg": "ben", "2sg": "bent", "u": "bent"}.get(person, "is")
    if person in ("u", "2sg") and lemma in SECOND_PERSON:
        return SECOND_PERSON[lemma]
    irregular = _irregular(lemma)
    if irregular and (person != "1sg" or lemma in MODALS):
        prefix, forms = irregular
        return prefix + forms[0]
    verb_stem = stem(lemma)
    if verb_stem is None:
        return None
    if person == "1sg" or verb_stem.endswith("t"):
        return verb_stem
    return verb_stem + "t"


def past(lemma: str, plural: bool) -> str | None:
    """The past tense, without the separable particle."""
    lemma = split_particle(lemma)[1]
    irregular = _irregular(lemma)
    if irregular:
        prefix, forms = irregular
        return prefix + forms[2 if plural else 1]
    verb_stem = stem(lemma)
    if verb_stem is None:
        return None
    return verb_stem + ("te" if _soft(lemma) else "de") + ("n" if plural else "")


def participle(lemma: str) -> str | None:
    """'beoordelen' -> 'beoordeeld', 'opnemen' -> 'opgenomen', 'ontvangen' -> 'ontvangen'."""
    particle, verb = split_particle(lemma)
    irregular = _irregular(verb)
    if irregular:
        prefix, forms = irregular
        if not forms[3]:
            return None
        form = forms[3] if not prefix else prefix + forms[3].removeprefix("ge")
        return particle + form
    verb_stem = stem(verb)
    if verb_stem is None:
        return None
    ending = "t" if _soft(verb) else "d"
    form = verb_stem if verb_stem.endswith(ending) else verb_stem + ending
    if not verb.startswith(UNSTRESSED_PREFIXES):
        form = "ge" + form
    return particle + form


def infinitive_of_participle(form: str) -> str | None:
    """'ingevuld' -> 'invullen', 'beoordeeld' -> 'beoordelen', 'opgenomen' -> 'opnemen'; by the frequency list."""
    for candidate in _infinitive_candidates(form):
        if (zipf(candidate) or 0) >= 2.0 and participle(candidate) == form:
            return candidate
    return None


def _infinitive_candidates(form: str) -> list[str]:
    splits = [("", form)]
    splits += [(p, form[len(p):]) for p in PARTICLES if form.startswith(p + "ge")]
    candidates = []
    for particle, rest in splits:
        core = rest[2:] if rest.startswith("ge") else rest
        candidates += [particle + verb for verb in _strong_infinitives(rest) + _weak_infinitives(core)]
    return candidates


def _weak_infinitives(core: str) -> list[str]:
    if not core.endswith(("d", "t")) or len(core) < 3:
        return []
    verb_stem = core[:-1]
    options = [verb_stem]
    if verb_stem.endswith("f"):
        options.append(verb_stem[:-1] + "v")
    if verb_stem.endswith("s"):
        options.append(verb_stem[:-1] + "z")
    options.append(core)  # 'gestort' from 'stort', whose stem ends in t
    return [infinitive for option in options for infinitive in (_open_infinitive(option), option + "en")]


def infinitive_of_stem(word: str) -> str | None:
    """The frequent verb whose stem ``word`` is: 'bel' -> 'bellen', 'betaal' -> 'betalen', 'lees' -> 'lezen'."""
    if word in SHORT_STEMS:
        return SHORT_STEMS[word]
    irregular = next((lemma for lemma, forms in IRREGULAR.items() if forms[0] == word + "t"), None)
    if irregular or len(word) < 3 or not word.isalpha():
        return irregular
    options = [word, word[:-1] + "v" if word.endswith("f") else "", word[:-1] + "z" if word.endswith("s") else ""]
    for option in filter(None, options):
        for candidate in (_open_infinitive(option), option + "en"):
            third = word if word.endswith("t") else word + "t"  # 'brieven' is frequent, 'brieft' is no verb
            if (zipf(candidate) or 0) >= 3.0 and stem(candidate) == word and (zipf(third) or 0) >= 2.0:
                return candidate
    return None


def _open_infinitive(verb_stem: str) -> str:
    """Stem to infinitive: 'beoordeel' -> 'beoordelen', 'vul' -> 'vullen', 'stuur' -> 'sturen'."""
    if len(verb_stem) > 2 and verb_stem[-2] == verb_stem[-3] and verb_stem[-2] in VOWELS:
        return verb_stem[:-2] + verb_stem[-1] + "en"
    if len(verb_stem) > 2 and verb_stem[-2] in VOWELS and verb_stem[-3] not in VOWELS and verb_stem[-1] not in VOWELS:
        return verb_stem + verb_stem[-1] + "en"
    return verb_stem + "en"


def _strong_infinitives(form: str) -> list[str]:
    found = []
    for lemma, forms in IRREGULAR.items():
        if forms[3] and form.endswith(forms[3].removeprefix("ge")):
            head = form[: len(form) - len(forms[3].removeprefix("ge"))]
            head = head.removesuffix("ge")
            found.append(head + lemma)
    return found


def person_of(words: list[str], plural: bool) -> str:
    """The grammatical person of a subject: a pronoun, or a noun phrase (plural or not)."""
    if len(words) == 1 and words[0].lower() in PRONOUN_PERSON:
        return PRONOUN_PERSON[words[0].lower()]
    return "pl" if plural else "3sg"


def plural(noun: str) -> str | None:
    """The plural of a noun, chosen from the regular candidates by the frequency list."""
    forms = noun_forms(noun) | {noun + "en"}  # 'bedragen': the rules would double the g of a short vowel
    candidates = [form for form in forms if not form.endswith("e") and form != noun + "'s"]
    scored = [(zipf(form) or 0, form) for form in candidates]
    best = max(scored, default=(0, None))
    return best[1] if best[0] >= 2.0 else None


def match_case(replacement: str, original: str) -> str:
    """Capitalise the replacement when the original starts with a capital (sentence start)."""
    return replacement[:1].upper() + replacement[1:] if original[:1].isupper() else replacement
