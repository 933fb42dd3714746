"""The word lists in ``wordlists/``: loaded, checked, and matched in one pass.

Every phrase of every list is one pattern, matched in one pass on NORM, which
:meth:`Lexicon.normalise` sets to the list word a token is a form of: by its
lemma (so ``dagtekening`` catches ``dagtekeningen``) or by the regular
inflections of the list words (for forms the lemmatiser gets wrong, see
``inflection.py``); and in one pass on the lowercase words, for phrases
written as they appear in letters. Single-word nouns also match as
the head of a Dutch compound (``beschikking`` in ``invorderingsbeschikking``).
"""

from __future__ import annotations

import csv
import tomllib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from .catalogue import data_dir
from .frequency import zipf
from .inflection import SEPARABLE_PREFIXES, word_forms
from .model import APPLICABILITIES, SEVERITIES

SOURCES = ("letter-guidelines", "seeds", "lettercheck", "rvo", "tscan", "languagetool")
"""Where an entry comes from; an entry named by several sources lists them all, comma-separated."""
NOUN_CLASSES = ("concrete", "abstract", "undefined")
FUNCTION_POS = frozenset({"ADP", "DET", "PRON", "CCONJ", "SCONJ", "PUNCT", "NUM", "SYM"})
COMPOUND_RULES = frozenset({"jargon", "threat-sanction"})
MIN_COMPOUND_HEAD = 5
MIN_COMPOUND_MODIFIER = 3
LEXICALISED_ZIPF = 3.5
"""A compound as common as this is a word of its own ('werkwijze' is no 'wijze', 'manner', in officialese)."""
GOVERNED_PREPOSITIONS = frozenset({"aan", "op", "om", "over", "tot", "met", "van", "voor", "naar", "in"})
"""Prepositions a verb entry may govern at a distance ('voldoen aan', 'overgaan tot', 'beschikken over')."""
SEPARABLE_PARTICLES = frozenset({*SEPARABLE_PREFIXES, "mede", "bij", "terug", "weg", "vast", "samen", "tegen",
                                 "tegemoet"})
GOVERNED_REACH = 12
"""How many tokens before or after the verb its preposition may stand ('Aan deze eis is voldaan')."""
FRONTED_REACH = 6
"""How far before the rest of a phrase its verb may stand in main-clause order ('stellen wij u hiervan op de
hoogte')."""
STANDALONE_DEMONSTRATIVES = frozenset({"deze", "dit"})
"""The demonstratives that end a formula on their own ('bij deze', 'ten deze')."""
SHORT_INFINITIVES = frozenset({"zijn", "doen", "gaan", "staan", "slaan", "zien"})
LETTER_ADVERBS = frozenset({"hierbij"})
"""'With this letter' ('Hierbij ontvangt u ...'); after an imperative they mean 'with it' ('Vermeld hierbij het
kenmerk', 'Denk hierbij aan ...')."""
CLAUSE_OPENERS = frozenset({",", ";", ":", "(", "-", "–", "en", "of", "maar"})
OBJECT_REACH = 6
"""How far before an officialese verb the noun of its nominalisation may stand ('een melding bij ons indienen')."""
CLAUSE_BOUNDARY_POS = frozenset({"PUNCT", "SCONJ", "CCONJ"})
ABSTRACT_SUFFIXES = ("heid", "iteit", "isme", "schap", "atie", "itie", "ntie", "sie", "nis", "ing")
"""Endings of nouns for ideas, states and procedures; used for nouns the concreteness list lacks."""


@dataclass(frozen=True, slots=True)
class ListFile:
    name: str
    columns: tuple[str, ...]
    rules: tuple[str, ...]
    """Allowed rule ids; a file with one rule has no ``rule`` column."""


LIST_FILES = (
    ListFile("jargon.tsv", ("phrase", "alternatives", "fix", "explanation", "source", "example"), ("jargon",)),
    ListFile(
        "nominalisations.tsv",
        ("phrase", "alternatives", "fix", "explanation", "source", "example"),
        ("nominalisation",),
    ),
    ListFile(
        "threats.tsv",
        ("phrase", "rule", "severity", "suggestion", "explanation", "source", "example"),
        ("threat-sanction", "threat-pressure"),
    ),
    ListFile(
        "tone.tsv",
        ("phrase", "rule", "suggestion", "explanation", "source", "example"),
        ("must-language", "us-versus-you", "blaming"),
    ),
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of a word list."""

    phrase: str
    rule: str
    explanation: str
    source: str
    example: str
    alternatives: tuple[str, ...] = ()
    fix: str | None = None
    severity: str | None = None
    suggestion: str = ""
    origin: str = ""
    """File and line, for error messages and reviews."""


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    entry: Entry | None = None
    cue: str | None = None
    rest: int | None = None
    """Where the rest of a phrase starts whose verb stands in front ('stellen wij u thans op de hoogte'): the words
    between the verb and the rest are not its own."""


def read_tsv(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """Rows of a word list as (line number, row); raises ValueError on a malformed line."""
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] | None = None
    with path.open(encoding="utf-8", newline="") as handle:
        for number, fields in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            if not fields or not "".join(fields).strip() or fields[0].startswith("#"):
                continue
            if header is None:
                header = fields
                if tuple(header) != columns:
                    raise ValueError(f"{path.name}:{number}: header must be {columns}, not {tuple(header)}")
                continue
            if len(fields) != len(columns):
                raise ValueError(f"{path.name}:{number}: {len(fields)} columns, expected {len(columns)}")
            rows.append((number, dict(zip(columns, (field.strip() for field in fields), strict=True))))
    return rows


def load_entries(directory: Path) -> list[Entry]:
    entries: list[Entry] = []
    seen: dict[tuple[str, str], str] = {}
    for spec in LIST_FILES:
        for number, row in read_tsv(directory / spec.name, spec.columns):
            origin = f"{spec.name}:{number}"
            entry = _entry(row, spec, origin)
            key = (entry.rule, entry.phrase)
            if key in seen:
                raise ValueError(f"{origin}: '{entry.phrase}' is already listed at {seen[key]}")
            seen[key] = origin
            entries.append(entry)
    return entries


def _entry(row: dict[str, str], spec: ListFile, origin: str) -> Entry:
    rule = row.get("rule", spec.rules[0])
    checks = {
        "rule": rule in spec.rules,
        "phrase": bool(row["phrase"]) and row["phrase"] == row["phrase"].lower(),
        "explanation": bool(row["explanation"]),
        "example": bool(row["example"]),
        "source": bool(row["source"]) and set(_sources(row["source"])) <= set(SOURCES),
        "fix": row.get("fix", APPLICABILITIES[0]) in APPLICABILITIES,
        "severity": row.get("severity", SEVERITIES[0]) in SEVERITIES,
        "alternatives": "alternatives" not in row or bool(row["alternatives"]),
        "suggestion": "suggestion" not in row or bool(row["suggestion"]),
    }
    wrong = [name for name, ok in checks.items() if not ok]
    if wrong:
        raise ValueError(f"{origin}: invalid {', '.join(wrong)}")
    return Entry(
        phrase=row["phrase"],
        rule=rule,
        explanation=row["explanation"],
        source=row["source"],
        example=row["example"],
        alternatives=tuple(a.strip() for a in row.get("alternatives", "").split("|") if a.strip()),
        fix=row.get("fix"),
        severity=row.get("severity"),
        suggestion=row.get("suggestion", ""),
        origin=origin,
    )


def _sources(column: str) -> list[str]:
    return [name.strip() for name in column.split(",")]


def load_nouns(directory: Path) -> dict[str, str]:
    nouns: dict[str, str] = {}
    for number, row in read_tsv(directory / "concreteness.tsv", ("noun", "class")):
        if row["class"] not in NOUN_CLASSES:
            raise ValueError(f"concreteness.tsv:{number}: class must be one of {NOUN_CLASSES}")
        nouns[row["noun"]] = row["class"]
    return nouns


def _governs(verb, preposition) -> bool:
    """The preposition heads a phrase of the verb ('voldoet ... aan de eisen') or hangs from its auxiliary."""
    head = preposition.head
    return head.i == verb.i or head.head.i == verb.i


def _has_object(verb) -> bool:
    """'het bedrag voldoen aan de gemeente' pays someone; 'voldoen aan de eisen' has no object."""
    return any(child.dep_ == "obj" for child in verb.children)


AFTER_PARTICLE_POS = frozenset({"PUNCT", "SCONJ", "CCONJ", "ADP"})
"""What may follow a particle split off after its verb: the clause's end or a phrase moved past it ('vangt aan op
de dag'); not the noun phrase of a preposition ('wacht op uw antwoord'), nor 'te' or a verb, whose particle it is
('dient het in te leveren')."""
CLAUSE_END_POS = frozenset({"PUNCT", "SCONJ", "CCONJ", "AUX", "VERB"})
"""Where the clause of a finite verb ends for its particle: a comma, a conjunction, the next verb."""


def _split_particle(verb) -> str | None:
    """The separable particle a verb stands apart from: at the end of its clause ('treft u het formulier aan'),
    before its verb cluster ('op zullen schorten') or before 'te' ('aan te vangen')."""
    labelled = next((c for c in verb.children if c.dep_ == "compound:prt" and _stands_apart(c, verb)), None)
    particle = labelled or _stranded_particle(verb) or _cluster_particle(verb)
    return particle.lower_ if particle is not None else _te_particle(verb)


def _stands_apart(particle, verb) -> bool:
    """Where Dutch puts a split particle: after the finite verb at the end of the clause, or before the cluster."""
    if particle.i > verb.i:
        return _ends_clause(particle)
    return all(t.pos_ in ("AUX", "VERB") for t in particle.doc[particle.i + 1 : verb.i])


def _ends_clause(particle) -> bool:
    doc = particle.doc
    if particle.i + 1 == len(doc):
        return True
    following = doc[particle.i + 1]
    return following.is_space or (following.pos_ in AFTER_PARTICLE_POS and following.lower_ != "te")


def _stranded_particle(verb) -> Token | None:
    """The parser often reads a clause-final particle as a preposition ('schorten de invordering op tot ...'): the
    first particle at the end of the finite verb's clause."""
    if not verb.tag_.startswith("WW|pv"):
        return None
    for token in verb.doc[verb.i + 1 : verb.sent.end]:
        if token.lower_ in SEPARABLE_PARTICLES and token.pos_ in ("ADP", "ADV") and _ends_clause(token):
            return token
        if token.pos_ in CLAUSE_END_POS:
            return None
    return None


def _cluster_particle(verb) -> Token | None:
    """'op' in 'dat wij de invordering op zullen schorten': an infinitive's particle before the verbs of its
    cluster (a finite verb in a subclause is written together with its particle)."""
    i = verb.i - 1
    while i > verb.sent.start and verb.doc[i].pos_ in ("AUX", "VERB"):
        i -= 1
    token = verb.doc[i]
    if verb.tag_.startswith("WW|pv") or i == verb.i - 1 or token.lower_ not in SEPARABLE_PARTICLES:
        return None
    return token


def _is_numeral(token) -> bool:
    """A number word used as a number ('binnen acht dagen'), also where the tagger reads it as a verb."""
    return token.like_num and (token.pos_ == "NUM" or token.dep_ == "nummod")


def _infinitive_like(word: str) -> bool:
    return word.endswith("en") or word in SHORT_INFINITIVES


def _fronted_verbs(doc: Doc, fronted: list[tuple[Entry, int, int]], whole: set) -> Iterator[Match]:
    """'Komt u in aanmerking voor ...', 'Wij stellen u hiervan op de hoogte': the verb of the phrase earlier in the
    clause, as a main clause puts it; the match runs from the verb to the end of the phrase."""
    for entry, start, end in fronted:
        if (start, entry) in whole:
            continue  # the whole phrase stands together ('in aanmerking komt')
        verb = entry.phrase.rsplit(" ", 1)[1]
        sentence_start = doc[start].sent.start
        for i in range(start - 1, max(sentence_start, start - FRONTED_REACH) - 1, -1):
            token = doc[i]
            if token.is_punct:
                break
            if token.pos_ in ("VERB", "AUX") and verb in (token.lemma_, token.norm_):
                yield Match(i, end, entry=entry, rest=start)
                break


def _with_te(words: list[str]) -> list[list[str]]:
    """A phrase, and a phrase that ends in a verb with 'te' before it: 'op de hoogte stellen' is also written
    'u ons op de hoogte te stellen'."""
    last = words[-1]
    if len(words) < 2 or "te" in words or not _infinitive_like(last):
        return [words]
    return [words, [*words[:-1], "te", last]]


def _te_particle(verb) -> str | None:
    """'aan' in 'aan te vangen': the tagger often reads the infinitive after 'te' as something else."""
    i = verb.i
    if i < 2 or verb.doc[i - 1].lower_ != "te" or not verb.lower_.endswith("n"):
        return None
    particle = verb.doc[i - 2].lower_
    return particle if particle in SEPARABLE_PARTICLES else None


class Lexicon:
    """All word lists and cues of one spaCy vocabulary, ready to match in one pass."""

    def __init__(self, nlp, directory: Path | None = None) -> None:
        directory = directory or data_dir()
        with (directory / "cues.toml").open("rb") as handle:
            cues = tomllib.load(handle)
        self.entries = load_entries(directory)
        self._order = {entry: number for number, entry in enumerate(self.entries)}
        self.cue_phrases: dict[str, list[str]] = cues["phrases"]
        self.words: dict[str, frozenset[str]] = {name: frozenset(words) for name, words in cues["words"].items()}
        self.explained_by: dict[str, str] = cues["explained_by"]
        """Terms a letter explains by what they are for, and the cue that says it."""
        self.nouns = load_nouns(directory)
        self._make_doc = nlp.make_doc
        self._payloads: dict[int, Entry | str] = {}
        self._fronted: dict[int, Entry] = {}
        """Keys of the words before the verb of a phrase that ends in one, found when the verb comes first."""
        self._by_norm = PhraseMatcher(nlp.vocab, attr="NORM")
        self._by_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._list_words: set[str] = set()
        self._compound_heads: dict[str, list[Entry]] = defaultdict(list)
        self._governed: dict[str, list[tuple[str, Entry]]] = defaultdict(list)
        self._nominal_objects: dict[str, dict[str, Entry]] = defaultdict(dict)
        """Per verb, the nouns of nominalisations with it ('indienen': 'aanvraag', 'melding', 'verzoek')."""
        for entry in self.entries:
            self._add(nlp, entry.phrase, entry)
            self._add_fronted(nlp, entry)
            if entry.rule in COMPOUND_RULES and self._noun_head(entry.phrase):
                self._compound_heads[entry.phrase].append(entry)
            verb, _, preposition = entry.phrase.partition(" ")
            if preposition in GOVERNED_PREPOSITIONS and verb.endswith("n") and len(verb) > 3:
                self._governed[verb].append((preposition, entry))
            noun, _, object_verb = entry.phrase.partition(" ")
            if entry.rule == "nominalisation" and " " not in object_verb and _infinitive_like(object_verb):
                self._nominal_objects[object_verb][noun] = entry
        single = {entry.phrase for entry in self.entries if " " not in entry.phrase}
        self._ambiguous = {entry for verb, pairs in self._governed.items() if verb in single for _, entry in pairs}
        """Verb-and-preposition entries whose bare verb is an entry too ('voldoen', pay): an object decides."""
        for name, phrases in self.cue_phrases.items():
            for phrase in phrases:
                self._add(nlp, phrase, name)
        self._forms: dict[str, str] = {}
        for word in sorted(self._list_words):
            for form in word_forms(word):
                self._forms.setdefault(form, word)

    def _add(self, nlp, phrase: str, payload: Entry | str) -> None:
        key = f"{len(self._payloads)}"
        words = phrase.split(" ")  # lists are written tokenised (tests/test_rules.py checks this)
        self._list_words.update(words)
        self._payloads[nlp.vocab.strings.add(key)] = payload
        patterns = [Doc(nlp.vocab, words=form) for form in _with_te(words)]
        for pattern in patterns:
            for token in pattern:
                token.norm_ = token.text
        self._by_norm.add(key, patterns)
        self._by_lower.add(key, patterns)

    def _add_fronted(self, nlp, entry: Entry) -> None:
        """'komt u in aanmerking voor': the words before the verb of 'in aanmerking komen', to find with the verb
        in front of them. Only two words or more: one noun ('contact' of 'contact opnemen') is too common alone."""
        words = entry.phrase.split(" ")
        if len(words) < 3 or not _infinitive_like(words[-1]) or "te" in words:
            return
        key = f"fronted {len(self._fronted)}"
        pattern = Doc(nlp.vocab, words=words[:-1])
        for token in pattern:
            token.norm_ = token.text
        self._fronted[nlp.vocab.strings.add(key)] = entry
        self._by_norm.add(key, [pattern])

    def normalise(self, doc: Doc) -> None:
        """Set each token's NORM to the list word it is a form of.

        A content word's lemma that is a list word stands for it ('voldaan' -> 'voldoen'); a verb with its
        particle split off stands for the whole verb ('treft ... aan' -> 'aantreffen'); else a known
        inflected form maps to its list word ('bewijsstukken' -> 'bewijsstuk'). Function words keep their
        own form ('ter' is not 'te').
        """
        forms, list_words = self._forms, self._list_words
        for token in doc:
            lower = token.lower_
            particle = _split_particle(token) if token.pos_ in ("VERB", "AUX") else _te_particle(token)
            particle_verb = self._particle_verb(particle, token) if particle else None
            if _is_numeral(token):  # 'acht' (eight) is no form of the verb 'achten'
                norm = lower
            elif token.pos_ in FUNCTION_POS:  # an inflected list word the tagger missed ('attendeer') still counts
                norm = lower if lower in STOP_WORDS else forms.get(lower, lower)
            elif particle_verb:
                norm = particle_verb
            elif token.lemma_ in list_words:
                norm = token.lemma_
            elif token.tag_.startswith("WW|inf") and forms.get(lower, "") + "n" == lower:
                norm = lower  # an infinitive, not the plural of an -e noun: 'af te wijzen' is no 'wijze'
            else:
                norm = forms.get(lower, lower)
            if token.norm_ != norm:
                token.norm_ = norm

    def _particle_verb(self, particle: str, token) -> str | None:
        """The list verb of a particle and its verb, by lemma or by form: the lemmatiser often misses these
        ('vangt' -> 'vangt', 'treft' -> 'treven'), the inflections do not ('aanvangt' -> 'aanvangen')."""
        for word in (particle + token.lemma_, particle + token.lower_):
            if word in self._list_words:
                return word
        return self._forms.get(particle + token.lower_)

    def match(self, doc: Doc) -> list[Match]:
        """Every word-list entry and cue found in ``doc``, sorted by position.

        Two passes: on the normalised words, and on the lowercase words for the phrases a list writes
        in their inflected form ('u bent verplicht').
        """
        self.normalise(doc)
        found = set(self._by_norm(doc)) | set(self._by_lower(doc))
        fronted = [(self._fronted[key], start, end) for key, start, end in found if key in self._fronted]
        matches = [self._match(self._payloads[key], start, end) for key, start, end in found if key in self._payloads]
        matches.extend(_fronted_verbs(doc, fronted, {(m.start, m.entry) for m in matches if m.entry}))
        matches.extend(self._compound_matches(doc, {(m.start, m.end) for m in matches}))
        matches = self._with_governed(doc, matches)
        matches = [self._with_split_particle(doc, m) for m in matches if not (m.entry and _plain_use(doc, m))]
        matches += self._nominalised_objects(doc, matches)
        matches.sort(key=lambda m: (m.start, -m.end, self._tie_break(doc, m)))
        return matches

    def _tie_break(self, doc: Doc, match: Match) -> tuple[int, int]:
        """Of two entries on the same words, the one written as the text stands comes first ('indienen' is no form
        of 'indien'), then the one earlier in the lists: which entry a span reports must not depend on the
        matcher's set order, which shifts whenever a row is added."""
        if not match.entry:
            return 2, 0
        written = " ".join(token.lower_ for token in doc[match.start : match.end])
        return (0 if match.entry.phrase == written else 1), self._order[match.entry]

    def _with_governed(self, doc: Doc, matches: list[Match]) -> list[Match]:
        """A verb without an object that governs the preposition further on is the phrase of both: 'U voldoet niet
        aan de eisen' is 'voldoen aan' (comply), not 'voldoen' (pay); 'het bedrag voldoen aan ons' still pays."""
        if not self._governed:
            return matches
        ambiguous = self._ambiguous
        matches = [m for m in matches if m.entry not in ambiguous or not _has_object(doc[m.start])]
        phrases = []
        contiguous = {(m.start, m.entry) for m in matches if m.entry}
        for token in doc:
            for preposition, entry in self._governed.get(token.norm_, ()):
                window = doc[max(0, token.i - GOVERNED_REACH) : token.i + GOVERNED_REACH]
                if (token.i, entry) not in contiguous and not (entry in ambiguous and _has_object(token)) and any(
                        _governs(token, other) for other in window if other.lower_ == preposition):
                    phrases.append(Match(token.i, token.i + 1, entry=entry))
        verbs = {m.start for m in phrases}
        kept = [m for m in matches if not (m.entry and m.end - m.start == 1 and m.start in verbs)]
        return kept + phrases

    def _nominalised_objects(self, doc: Doc, matches: list[Match]) -> list[Match]:
        """'een aanvraag in te dienen', 'melding 1234 ingediend': an officialese verb whose object is the noun of
        a nominalisation is that nominalisation, its words apart; the verb is reported once, under it."""
        if not doc.has_annotation("SENT_START"):
            return []  # closing lines, matched unparsed
        found = {(m.start, m.end, m.entry) for m in matches}
        split = []
        for match in matches:
            nouns = self._nominal_objects.get(match.entry.phrase) if match.entry else None
            if not nouns or match.entry.rule == "nominalisation":
                continue
            for i in range(match.start - 1, max(doc[match.start].sent.start, match.start - OBJECT_REACH) - 1, -1):
                token = doc[i]
                if token.pos_ in CLAUSE_BOUNDARY_POS:
                    break
                if token.pos_ == "NOUN" and token.norm_ in nouns:
                    if (i, match.end, nouns[token.norm_]) not in found:
                        split.append(Match(i, match.end, entry=nouns[token.norm_], rest=match.start))
                    break
        return split

    @staticmethod
    def _with_split_particle(doc: Doc, match: Match) -> Match:
        """'aan te leveren' matches 'aanleveren' on its verb, 'over te gaan tot' 'overgaan tot'; the finding covers
        the particle and 'te' as well."""
        start = match.start
        if start < 2 or not match.entry or match.rest is not None or doc[start - 1].lower_ != "te":
            return match
        particle, verb = doc[start - 2].lower_, match.entry.phrase.split(" ")[0]
        if verb.startswith(particle) and verb != doc[start].lower_:
            return Match(start - 2, match.end, entry=match.entry)
        return match

    def list_word(self, form: str) -> str:
        """The list word ``form`` is an inflected form of ('verleend' -> 'verlenen'); else ``form`` itself."""
        return self._forms.get(form, form)

    def match_text(self, text: str) -> list[tuple[int, int, Entry]]:
        """Word-list entries in text that was not parsed (closing lines), on its lowercase words; character offsets."""
        doc = self._make_doc(text)
        found = []
        for key, start, end in self._by_lower(doc):
            payload = self._payloads[key]
            if isinstance(payload, Entry):
                found.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), payload))
        return found

    def cue_names(self, text: str) -> set[str]:
        """The cues found in text that was not parsed (tokenised only, so matched on word forms)."""
        return {m.cue for m in self.match(self._make_doc(text)) if m.cue}

    @staticmethod
    def _match(payload: Entry | str, start: int, end: int) -> Match:
        if isinstance(payload, Entry):
            return Match(start, end, entry=payload)
        return Match(start, end, cue=payload)

    def _compound_matches(self, doc: Doc, taken: set[tuple[int, int]]) -> list[Match]:
        matches = []
        for token in doc:
            lemma = token.lemma_.lower()
            if token.pos_ != "NOUN" or len(lemma) < MIN_COMPOUND_HEAD + MIN_COMPOUND_MODIFIER:
                continue
            if (token.i, token.i + 1) in taken:
                continue
            head = self._compound_head(lemma, self._compound_heads)
            if head and (zipf(lemma) or 0.0) < LEXICALISED_ZIPF:
                matches.extend(Match(token.i, token.i + 1, entry=entry) for entry in self._compound_heads[head])
        return matches

    def _noun_head(self, phrase: str) -> bool:
        """One noun that can end a compound; not a verb or adverb in '-en' ('achten' in a misparsed 'verwachten'),
        nor a function word ('echter' in 'scheidsrechter')."""
        if " " in phrase or len(phrase) < MIN_COMPOUND_HEAD or phrase in STOP_WORDS:
            return False
        return not phrase.endswith("en") or phrase in self.nouns

    @staticmethod
    def _compound_head(word: str, known) -> str | None:
        """The longest known head of a compound word, leaving a modifier of a few letters."""
        for split in range(MIN_COMPOUND_MODIFIER, len(word) - MIN_COMPOUND_HEAD + 1):
            if word[split:] in known:
                return word[split:]
        return None

    def noun_class(self, text: str, lemma: str) -> str | None:
        """Concrete, abstract or undefined; None when unknown (left out of LiNT's share)."""
        for word in (text, lemma):
            if word in self.nouns:
                return self.nouns[word]
        head = self._compound_head(lemma, self.nouns)
        if head:
            return self.nouns[head]
        if lemma.endswith(ABSTRACT_SUFFIXES) and len(lemma) > 6:
            return "abstract"
        return None


def _plain_use(doc: Doc, match: Match) -> bool:
    """The words of a formula in plain use: a demonstrative that opens a noun phrase ('bij deze brief', not 'Bij
    deze willen wij ...'), 'mocht' inside a clause, the past of 'mogen' ('Ik mocht u spreken'), not the
    condition that opens one ('Mocht u vragen hebben, ...'), 'hierbij' after an imperative ('Vermeld hierbij het
    kenmerk': with it, not with this letter), and 'te' of an 'om te' clause ('om te weten', not the formula 'te
    weten')."""
    first, last = doc[match.start], doc[match.end - 1]
    if last.lower_ in STANDALONE_DEMONSTRATIVES and match.end < len(doc):
        return doc[match.end].pos_ in ("NOUN", "ADJ", "PROPN", "NUM")
    if first.lower_ in LETTER_ADVERBS and match.start > 0:
        opener = doc[match.start - 1]
        return opener.is_sent_start and opener.pos_ == "VERB" and not first.is_sent_start
    if first.lower_ == "mocht" and match.start > 0 and not first.is_sent_start:
        return doc[match.start - 1].lower_ not in CLAUSE_OPENERS
    return first.lower_ == "te" and match.start > 0 and doc[match.start - 1].lower_ == "om"  # 'om te weten'

