"""Code the training config refers to (``spacy train --code training/functions.py``)."""

from __future__ import annotations

import spacy
from spacy.attrs import ORTH

# Abbreviations common in Dutch letters that spaCy's Dutch tokenizer splits off
# their final full stop, which would end the "sentence" in the middle of a line.
LETTER_ABBREVIATIONS = (
    "incl.", "excl.", "tel.", "telnr.", "u.s.w.", "vnl.", "mob.", "fax.", "ing.",
    "drs.", "ir.", "bc.", "mw.", "hr.", "resp.", "kvk.", "ref.", "kenm.", "onderw.",
    "bijl.", "vlgs.", "m.b.v.", "o.b.v.", "t.b.v.", "i.o.m.", "p.p.", "i.c.m.",
)


@spacy.registry.callbacks("lettercheck.letter_abbreviations.v1")
def create_letter_abbreviations():
    def add_letter_abbreviations(nlp):
        for abbreviation in LETTER_ABBREVIATIONS:
            for variant in {abbreviation, abbreviation.capitalize()}:
                nlp.tokenizer.add_special_case(variant, [{ORTH: variant}])
        return nlp

    return add_letter_abbreviations
