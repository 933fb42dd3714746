"""Long sentences into two or three: split where a coordinated main clause starts, each with its own finite verb.

'Wij hebben uw aanvraag ontvangen en wij hebben besloten dat ...' ->
'Wij hebben uw aanvraag ontvangen. Wij hebben besloten dat ...'. A clause that
shares the first clause's subject gets it repeated ('... ontvangen en hebben
besloten ...' -> '... ontvangen. Wij hebben besloten ...'); a semicolon ends a
sentence too. Subordinate clauses stay where they are.
"""

from __future__ import annotations

from ..model import Edit, Finding, Fix
from . import rewriter
from .phrases import noun_phrase_end, render, sentence_case, words

JOINERS = {"en": "", "maar": "Maar ", "want": "Want ", ";": ""}
SUBJECTS = frozenset({"wij", "we", "u", "ik", "hij", "zij", "ze", "je", "jij"})
MAX_PARTS = 3
MIN_PART_WORDS = 4


@rewriter("long-sentence", "many-clauses")
def split_sentence(ctx, finding: Finding) -> tuple[Fix, ...]:
    sentence = ctx.sentence_of(ctx.token_range(finding.start, finding.end).start)
    if sentence is None:
        return ()
    parts = _parts(words(sentence.span))
    if len(parts) < 2:
        return ()
    end = sentence.span[-1].text if sentence.span[-1].is_punct else "."
    texts = [_clause_text(ctx, part, lead, subject) for part, lead, subject in parts]
    text = " ".join(text + ("." if index < len(texts) - 1 else end) for index, text in enumerate(texts))
    span = sentence.span
    return (Fix((Edit(span.start_char, span.end_char, text),), "proposed",
                f"Maak er {len(parts)} zinnen van, elk met één boodschap."),)


def _parts(tokens) -> list[tuple[list, str, list]]:
    """(clause tokens, opening word, repeated subject) for each sentence to make."""
    subject = _subject(tokens)
    parts, start, lead, repeated = [], 0, "", []
    for index, token in enumerate(tokens):
        if len(parts) == MAX_PARTS - 1 or token.lower_ not in JOINERS or index - start < MIN_PART_WORDS:
            continue
        if token.lower_ != ";" and not (_joins_clauses(token) or _pronoun_clause(tokens[index + 1 :])):
            continue
        rest = tokens[index + 1 :]
        if not _finite(tokens[start:index]) or len(rest) < MIN_PART_WORDS or not _main_clause(rest):
            continue
        shared = rest[0].tag_.startswith("WW|pv") and subject
        parts.append((tokens[start:index], lead, repeated))
        start, lead, repeated = index + 1, JOINERS[token.lower_], subject if shared else []
    parts.append((tokens[start:], lead, repeated))
    return parts if len(parts) > 1 else []


def _joins_clauses(conjunction) -> bool:
    """'en'/'maar' that joins two verbs (clauses), not two nouns of an enumeration."""
    conjunct = conjunction.head
    return conjunction.dep_ == "cc" and conjunct.dep_ == "conj" and conjunct.pos_ in ("VERB", "AUX") \
        and conjunct.head.pos_ in ("VERB", "AUX")


def _pronoun_clause(tokens) -> bool:
    """'wij hebben ...', 'u kunt ...': a clause, whatever the parse says."""
    return len(tokens) > 2 and tokens[0].lower_ in SUBJECTS and tokens[1].tag_.startswith("WW|pv")


def _subject(tokens) -> list:
    end = noun_phrase_end(tokens, 0)
    return tokens[:end] if end and end < len(tokens) and tokens[end].tag_.startswith("WW|pv") else []


def _finite(tokens) -> bool:
    return any(t.tag_.startswith("WW|pv") for t in tokens)


def _main_clause(tokens) -> bool:
    """A main clause: a finite verb first (subject shared) or second, after a subject or an adverb."""
    if tokens[0].tag_.startswith("WW|pv"):
        return True
    end = noun_phrase_end(tokens, 0) or (1 if tokens[0].pos_ == "ADV" else 0)
    return 0 < end < len(tokens) and tokens[end].tag_.startswith("WW|pv")


def _clause_text(ctx, tokens, lead: str, subject) -> str:
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]  # 'koelkast, maar ...' -> 'koelkast. Maar ...'
    text = render(ctx, tokens)
    if subject:
        text = render(ctx, subject) + " " + text
    if lead:
        return lead + text
    return sentence_case(text)
