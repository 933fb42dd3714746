"""Inflected forms of word-list words, for when the lemmatiser gets a word wrong.

The lemmatiser is trained on 68,000 words and misses rare forms ("behoeft" ->
"behoven", "bewijsstukken" -> "bewijsstukk"). So the words of the lists are
also recognised in the forms they take in letters, generated with the regular
rules of Dutch spelling: noun plurals, verb forms and participles.
Overgenerating is harmless: a generated form that is not a real word never
occurs in a letter.
"""

from __future__ import annotations

VOWELS = "aeiouy"
LOAN_ENDINGS = ("iseren", "sseren", "steren", "lleren", "rmeren", "ueren")
"""Latin verbs stressed on -eren: 'incasseren' -> 'geïncasseerd', 'informeren' -> 'geïnformeerd', never 'ingecasseerd';
'inleveren' and 'invorderen' keep their separable 'in-'."""
DIAERESIS = {"e": "ë", "i": "ï"}
"""After ge- a vowel that would join the e of ge- takes a diaeresis: 'geëist', 'geïnformeerd'."""
UNSTRESSED_PREFIXES = ("be", "ge", "er", "her", "ont", "ver")
"""Participles of verbs with these prefixes take no extra ge-: 'verleend', 'betaald'."""
SEPARABLE_PREFIXES = ("aan", "af", "in", "mee", "na", "op", "terug", "toe", "uit", "voor", "door", "over")
"""Participles of these verbs put ge- after the prefix: 'ingediend', 'aangevraagd'."""
SOFT_ENDINGS = set("ptkfs")
"""'t kofschip (and -ch): after these the past takes -te/-t, otherwise -de/-d."""


def word_forms(word: str) -> set[str]:
    """Verb forms of an infinitive, plural and inflected forms of anything else."""
    if len(word) < 4 or not word.isalpha():
        return set()
    if word.endswith("n") and word[-2] in VOWELS:
        return verb_forms(word) | irregular_forms(word)
    return noun_forms(word)


def irregular_forms(infinitive: str) -> set[str]:
    """The forms of a strong or irregular verb, also with a prefix: 'voldoen' -> 'voldeed', 'voldaan';
    'aantreffen' -> 'aangetroffen'. The lemmatiser often keeps such a participle as it stands."""
    from .conjugation import IRREGULAR

    for lemma, forms in IRREGULAR.items():
        if not infinitive.endswith(lemma):
            continue
        prefix = infinitive[: len(infinitive) - len(lemma)]
        participle = forms[3]
        if prefix and prefix not in SEPARABLE_PREFIXES:  # 'voldoen', 'ontnemen': no ge-
            participle = participle.removeprefix("ge")
        return {prefix + form for form in (*forms[:3], participle) if form}
    return set()


def noun_forms(word: str) -> set[str]:
    """Plurals and inflected adjectives: -en, -s, -'s, -e, with doubling and vowel spelling."""
    if word.endswith("heid"):
        return {word[:-4] + "heden"}
    if word[-1] in VOWELS:
        return {word + "s", word + "'s", word + "n"}
    stem = _open_syllable(word)
    unstressed = len(word) > 4 and word[-2] == "e" and word[-3] not in VOWELS and word[-1] in "lrmn"
    stems = {stem, word} if unstressed else {stem}  # an unstressed -el keeps one consonant: regel -> regelen
    forms = {word + "s", *(base + ending for base in stems for ending in ("en", "e"))}
    if stem.endswith("f"):
        forms |= {stem[:-1] + "ven", stem[:-1] + "ve"}
    if stem.endswith("s"):
        forms |= {stem[:-1] + "zen", stem[:-1] + "ze"}
    return forms


def _open_syllable(word: str) -> str:
    """The stem before -en/-e: 'aanvraag' -> 'aanvrag', 'stuk' -> 'stukk', 'termijn' -> 'termijn'."""
    last, before, third = word[-1], word[-2], word[-3] if len(word) > 2 else ""
    if last in VOWELS or before not in VOWELS:
        return word
    if third == before:  # long vowel written double: aanvraag -> aanvragen
        return word[:-2] + last
    if third in VOWELS:  # a vowel pair that stays: crediteur -> crediteuren
        return word
    return word + last  # short vowel: stuk -> stukken


def verb_forms(infinitive: str) -> set[str]:
    """Present, past and participle forms of a regular verb, and ge- + infinitive for strong verbs."""
    if infinitive[-3] in VOWELS:  # doen, gaan, zien: the stem is the infinitive without -n
        long = infinitive[:-1]
        short = long[:-1] if long[-1] == long[-2] else long
        return {short, long + "t", _with_ge(infinitive)}
    base = infinitive[:-2]
    soft = base[-1] in SOFT_ENDINGS or base.endswith("ch")  # 't kofschip, on the unvoiced stem: leven -> leefde
    past = "te" if soft else "de"
    ending = "t" if soft else "d"
    loan = base.endswith("ër") or infinitive.endswith(LOAN_ENDINGS)  # stressed Latin endings: no separable prefix
    forms = {infinitive + "d", _with_ge(infinitive, loan)}
    for stem in _verb_stems(base):
        participle = _with_ge(stem if stem.endswith(ending) else stem + ending, loan)
        present = stem if stem.endswith("t") else stem + "t"
        forms |= {stem, present, stem + past, stem + past + "n", participle, participle + "e"}
    plain = {form.replace("geï", "gei").replace("geë", "gee") for form in forms}
    return forms | plain  # templates often drop the diaeresis: 'geincasseerde' for 'geïncasseerde'


def _verb_stems(base: str) -> set[str]:
    """'stell' -> 'stel', 'tred' -> 'treed', 'behoev' -> 'behoef'; 'weiger' and 'verlen' are
    ambiguous (an unstressed or a long e: weigert, verleent), so both spellings are given."""
    stems = {base}
    if base.endswith("ër") and len(base) > 3:  # 'initiër' -> 'initieer', 'creër' -> 'creëer'
        stems = {base[:-2] + ("eer" if base[-3] == "i" else "ëer")}
    elif len(base) > 2 and base[-1] == base[-2] and base[-1] not in VOWELS:
        stems = {base[:-1]}
    elif len(base) > 2 and base[-2] in VOWELS and base[-3] not in VOWELS and base[-1] not in VOWELS \
            and base[-2] != "i":
        doubled = base[:-1] + base[-2] + base[-1]
        stems = {base, doubled} if base[-2] == "e" else {doubled}
    return {devoice(stem) for stem in stems}


def devoice(stem: str) -> str:
    """A Dutch stem ends unvoiced: 'leev' -> 'leef', 'reiz' -> 'reis'."""
    if stem.endswith("v"):
        return stem[:-1] + "f"
    if stem.endswith("z"):
        return stem[:-1] + "s"
    return stem


def _with_ge(form: str, loan: bool = False) -> str:
    if _has_prefix(form, UNSTRESSED_PREFIXES):
        return form
    for prefix in () if loan else SEPARABLE_PREFIXES:
        if _has_prefix(form, (prefix,)):
            rest = form[len(prefix):]
            return prefix + (rest if _has_prefix(rest, UNSTRESSED_PREFIXES) else "ge" + rest)
    return "ge" + DIAERESIS.get(form[0], form[0]) + form[1:]  # 'geïnitieerd', 'geëist'


def _has_prefix(form: str, prefixes: tuple[str, ...]) -> bool:
    """A prefix, not just the same letters: 'betalen' has be-, 'geven' has no ge-."""
    return any(form.startswith(p) and len(form) - len(p) >= 4 for p in prefixes)
