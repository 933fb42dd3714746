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


# The Dutch abbreviations common in letters and everyday text. spaCy's Dutch list has about 1,500
# (many from Belgian law journals); each costs start-up time, so the shipped tokenizer keeps these
# (and their capitalised forms) besides the letter abbreviations above (training/package.py).
COMMON_ABBREVIATIONS = (
    "a.s.", "a.u.b.", "aant.", "adv.", "afd.", "afl.", "al.", "alg.", "art.", "bijl.", "bijv.", "bijw.", "blz.",
    "bv.", "ca.", "cf.", "c.q.", "d.d.", "d.i.", "d.m.v.", "d.w.z.", "dhr.", "dr.", "drs.", "ds.", "e.a.", "e.d.",
    "e.e.a.", "e.g.", "e.v.", "enz.", "etc.", "evt.", "fig.", "geb.", "gem.", "hfdst.", "hfst.", "hr.", "i.c.m.",
    "i.e.", "i.h.a.", "i.o.m.", "i.p.v.", "i.s.m.", "i.v.m.", "ibid.", "incl.", "ing.", "inz.", "ir.", "jhr.", "jl.",
    "j.l.", "jr.", "kenm.", "m.a.w.", "m.b.t.", "m.b.v.", "m.i.v.", "max.", "mevr.", "mej.", "min.", "mln.", "mnd.",
    "mr.", "ms.", "mw.", "n.a.v.", "n.b.", "n.v.t.", "nl.", "no.", "nr.", "nrs.", "o.a.", "o.b.v.", "o.i.d.", "o.m.",
    "o.v.v.", "p.a.", "p.m.", "p.p.", "pct.", "plv.", "prof.", "resp.", "s.v.p.", "sr.", "st.", "t.a.v.", "t.b.v.",
    "t.e.m.", "t.m.", "t.o.v.", "t.w.", "t.z.t.", "tel.", "vgl.", "vlg.", "vlgs.", "vnl.", "vs.", "z.g.", "z.o.z.",
    "z.s.m.", "zg.", "zgn.", "m.n.", "o.g.v.", "t.g.v.", "t.l.v.",
    *(f"{letter}." for letter in "abcdefghijklmnopqrstuvwxyz"),  # initials: 'A. Jansen'
)


@spacy.registry.callbacks("lettercheck.letter_abbreviations.v1")
def create_letter_abbreviations():
    def add_letter_abbreviations(nlp):
        for abbreviation in LETTER_ABBREVIATIONS:
            for variant in {abbreviation, abbreviation.capitalize()}:
                nlp.tokenizer.add_special_case(variant, [{ORTH: variant}])
        return nlp

    return add_letter_abbreviations
