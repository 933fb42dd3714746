"""Pieces of sentences for rewrites: token texts with their safe replacements, noun phrases, joining."""

from __future__ import annotations

DETERMINERS = frozenset({
    "de", "het", "een", "uw", "je", "jouw", "onze", "ons", "mijn", "zijn", "haar", "hun", "deze", "dit", "die",
    "dat", "alle", "elke", "ieder", "iedere", "geen", "welk", "welke",
})
PRONOUNS = frozenset({"u", "ik", "wij", "we", "hij", "zij", "ze", "jij", "je", "ons", "mij", "me", "hem", "jou",
                      "hen", "hun", "jullie"})
NP_POS = frozenset({"ADJ", "NUM", "NOUN", "PROPN", "DET", "X"})
OBJECT_PRONOUNS = {"u": "u", "ik": "mij", "wij": "ons", "we": "ons", "hij": "hem", "jij": "jou", "je": "je"}
SUBJECT_PRONOUNS = {"ons": "wij", "mij": "ik", "me": "ik", "hem": "hij", "u": "u", "jou": "jij", "jullie": "jullie"}


def words(tokens) -> list:
    """The tokens that are not white space or the sentence's final punctuation."""
    found = [t for t in tokens if not t.is_space]
    while found and found[-1].is_punct:
        found.pop()
    return found


def render(ctx, tokens) -> str:
    """The tokens' letter text with its spacing, the word rewrites inside them applied.

    The letter's own text, not the Doc's: the Doc has placeholders masked and sentence openers lowercased.
    """
    pieces, position = [], 0
    indices = [t.i for t in tokens]
    while position < len(tokens):
        token = tokens[position]
        end, replacement = ctx.inner_edits.get(token.i, (0, None))
        last = position
        if replacement is not None and end - 1 in indices[position:]:
            last = indices.index(end - 1, position)
            pieces.append(replacement)
        else:
            pieces.append(original(ctx, token))
        if last < len(tokens) - 1:
            pieces.append(tokens[last].whitespace_ or "")
        position = last + 1
    return "".join(pieces)


def original(ctx, token) -> str:
    """A token as the letter writes it."""
    return ctx.letter.text[token.idx : token.idx + len(token)]


def noun_phrase_end(tokens, start: int) -> int:
    """End (exclusive) of the noun phrase at ``tokens[start]``, or ``start`` when none starts there.

    A pronoun or a name; or a determiner, adjectives and numbers ending in a noun, with a 'van' phrase
    after it ('de medewerkers van het team Inkomen'). 'ons' is a pronoun unless a noun follows.
    """
    first = tokens[start]
    if first.lower_ in PRONOUNS or (first.pos_ in ("PRON", "PROPN") and first.lower_ not in DETERMINERS):
        end = start + 1
        while first.pos_ == "PROPN" and end < len(tokens) and tokens[end].pos_ == "PROPN":
            end += 1
        if first.lower_ not in DETERMINERS or not _noun_follows(tokens, end):
            return end
    if first.lower_ not in DETERMINERS and first.pos_ not in ("NOUN", "ADJ", "NUM"):
        return start
    end, last_noun = start, None
    while end < len(tokens) and (end == start or tokens[end].pos_ in NP_POS) \
            and tokens[end].lower_ not in ("door", "van"):
        if tokens[end].pos_ in ("NOUN", "PROPN", "NUM", "X"):
            last_noun = end
        end += 1
    if last_noun is None and end - start > 1 and tokens[end - 1].pos_ == "ADJ" and first.lower_ not in PRONOUNS:
        last_noun = end - 1  # 'uw aanvraag' with the noun tagged as an adjective
    if last_noun is None:
        return start + 1 if first.lower_ in PRONOUNS else start
    end = last_noun + 1
    if end < len(tokens) - 1 and tokens[end].lower_ == "van":
        end = noun_phrase_end(tokens, end + 1) or end
    return end


def head_noun(tokens):
    """The head of a noun phrase: its first noun ('de commissie bezwaarschriften' -> 'commissie')."""
    return next((t for t in tokens if t.pos_ in ("NOUN", "PROPN")), tokens[-1])


def _noun_follows(tokens, end: int) -> bool:
    return end < len(tokens) and tokens[end].pos_ in ("NOUN", "ADJ")


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str, token) -> str:
    """Lowercase a sentence-initial word that is not a name (and not 'U', which is lowercased too)."""
    if token.pos_ == "PROPN" or (text[:2].isupper() and len(text) > 1 and text[1].isalpha()):
        return text
    return text[:1].lower() + text[1:]
