"""Word rewrites: officialese and jargon to the word list's plain alternative, in the form the sentence needs.

The alternative takes the matched word's capital, its verb form (finite, past,
participle, infinitive; a split-off particle of the old verb is removed) or its
plural. Rare and long words without a listed alternative get an honest
proposal: explain the word in place.
"""

from __future__ import annotations

from .. import conjugation
from ..model import Edit, Finding, Fix
from . import rewriter

EXPLAIN = " [uitleg in gewone woorden]"
OMIT = "(weglaten)"
ARTICLES = frozenset({"de", "het", "een"})
GENDERED = frozenset({"de", "het", "die", "dat", "deze", "dit"})
PLURAL_DETERMINERS = frozenset({"de", "die", "deze"})
"""Every plural noun takes these, whatever its gender."""


def _gendered(token) -> bool:
    """A determiner whose form depends on the noun's gender."""
    return token is not None and token.lower_ in GENDERED


@rewriter("jargon", "nominalisation")
def plain_word(ctx, finding: Finding) -> tuple[Fix, ...]:
    entry = ctx.entry_at(finding)
    if entry is None or not entry.alternatives or (entry.rule == "nominalisation" and not _verb_phrase(entry.phrase)):
        return ()
    span = ctx.doc.char_span(finding.start, finding.end, alignment_mode="expand")
    fixes = []
    for alternative in entry.alternatives[:2]:
        if alternative == OMIT:
            fixes.append(_omission(ctx, finding))
            continue
        if "..." in alternative or alternative.startswith("("):
            continue  # a pattern or an instruction for the writer, not a text to paste
        if entry.phrase.startswith(", ") and not alternative.startswith(","):
            alternative = ", " + alternative
        edits = _inflected(ctx, span, entry.phrase, alternative)
        if edits:
            applicability = "safe" if entry.fix == "safe" and alternative == entry.alternatives[0] else "proposed"
            fixes.append(Fix(edits, applicability, f"Vervang '{finding.text}' door '{edits[0].replacement}'."))
    return tuple(fixes)


def _verb_phrase(phrase: str) -> bool:
    """'in behandeling nemen' can become 'behandelen'; 'beoordeling van' is part of a noun phrase."""
    last = phrase.split(" ")[-1]
    verb = last in conjugation.IRREGULAR or conjugation.stem(last) is not None
    return " " in phrase and last.endswith("n") and verb


def _omission(ctx, finding: Finding) -> Fix:
    """Leave the words out, with the space after them."""
    text = ctx.letter.text
    end = finding.end + (text[finding.end : finding.end + 1] == " ")
    return Fix((Edit(finding.start, end, ""),), "proposed", f"Laat '{finding.text}' weg.")


def _inflected(ctx, span, phrase: str, alternative: str) -> tuple[Edit, ...]:
    """Edits that put ``alternative`` in the place of ``span`` in the form the sentence needs.

    Nothing for the head of a compound ('invorderingsmaatregel' is no 'maatregel'), for a word of
    another class than its alternative ('betaling' -> 'betalen'), or for a noun after an article
    whose gender the alternative may not share ('het aanslagbiljet' -> 'de belastingbrief').
    """
    text = ctx.letter.text[span.start_char : span.end_char]
    if len(span) > 1:
        preceded = span.start > 0 and ctx.doc[span.start - 1].lower_ in GENDERED | ARTICLES
        if text.lower() == _with_te(phrase) and (infinitive := _with_te(alternative, leading=True)):
            return (Edit(span.start_char, span.end_char, conjugation.match_case(infinitive, text)),)
        if text.lower() != phrase or (preceded and alternative.split(" ")[0] not in ARTICLES):
            return ()  # 'de betaling van de huur' is no 'de betalen de huur'
        return (Edit(span.start_char, span.end_char, conjugation.match_case(alternative, text)),)
    token = span[0]
    before = ctx.doc[token.i - 1] if token.i > 0 else None
    if phrase not in (token.lower_, token.lemma_, token.norm_):
        return ()
    if alternative.split(" ")[0] in ARTICLES and before is not None and before.lower_ in ARTICLES:
        return (Edit(before.idx, span.end_char, conjugation.match_case(alternative, before.text)),)
    plural = "Plur" in token.morph.get("Number")
    gendered = token.pos_ == "NOUN" and _gendered(before) and not (plural and before.lower_ in PLURAL_DETERMINERS)
    if text.lower() == phrase and not gendered:
        return (Edit(span.start_char, span.end_char, conjugation.match_case(alternative, text)),)
    if gendered:
        return ()
    form = _verb_form(token, alternative) if token.pos_ in ("VERB", "AUX") else _noun_form(token, alternative)
    if form is None:
        return ()
    edits = [Edit(token.idx, token.idx + len(token), conjugation.match_case(form, text))]
    particle = next((c for c in token.children if c.dep_ == "compound:prt"), None)
    if particle is not None and particle.i > token.i:
        edits.append(Edit(ctx.doc[particle.i - 1].idx + len(ctx.doc[particle.i - 1]), particle.idx + len(particle), ""))
    return tuple(edits)


def _with_te(phrase: str, leading: bool = False) -> str | None:
    """The phrase as a 'te' infinitive: 'op de hoogte stellen' -> 'op de hoogte te stellen'; with ``leading``, an
    alternative that starts with its verb: 'laten weten' -> 'te laten weten', 'opsturen' -> 'op te sturen'."""
    words = phrase.split(" ")
    verb = words[0] if leading else words[-1]
    if conjugation.stem(verb) is None and verb not in conjugation.IRREGULAR:
        return None
    particle, rest = conjugation.split_particle(verb)
    te_verb = f"{particle} te {rest}" if particle else f"te {verb}"
    return " ".join([te_verb, *words[1:]] if leading else [*words[:-1], te_verb])


def _verb_form(token, alternative: str) -> str | None:
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if token.lower_.endswith("e") and following is not None and following.pos_ == "NOUN":
        return None  # 'de verstrekte gegevens': an inflected participle, whatever the tagger calls it
    words = alternative.split(" ")
    verb, rest = words[0], words[1:]
    if not verb.endswith("en"):
        return None
    tag = token.tag_
    if tag.startswith("WW|inf"):
        form = verb
    elif tag.startswith("WW|vd"):
        form = conjugation.participle(verb)
    elif tag.startswith("WW|pv"):
        form = _finite(token, verb)
    else:
        return None
    if form is None:
        return None
    particle = conjugation.split_particle(verb)[0] if tag.startswith("WW|pv") else ""
    # A finite verb in a main clause sends its particle to the end; keep plain alternatives without one.
    if particle:
        return None
    return " ".join([form, *rest])


def _finite(token, verb: str) -> str | None:
    morph = token.morph
    plural = "Plur" in morph.get("Number")
    if "Past" in morph.get("Tense"):
        return conjugation.past(verb, plural)
    subject = next((c.lower_ for c in token.children if c.dep_.startswith("nsubj")), None)
    person = "pl" if plural else conjugation.PRONOUN_PERSON.get(subject or "", "3sg")
    return conjugation.present(verb, person)


def _noun_form(token, alternative: str) -> str | None:
    if token.pos_ != "NOUN" or " " in alternative:
        return None
    if "Plur" in token.morph.get("Number"):
        return conjugation.plural(alternative)
    return alternative


@rewriter("rare-word", "long-word")
def explain_word(ctx, finding: Finding) -> tuple[Fix, ...]:
    """No listed alternative: propose to explain the word where it stands, never an unrelated example."""
    return (Fix((Edit(finding.end, finding.end, EXPLAIN),), "proposed",
                f"Leg uit wat '{finding.text}' betekent, of kies een gewoner woord."),)
