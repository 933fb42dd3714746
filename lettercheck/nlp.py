"""The Dutch spaCy pipeline: loaded once per process, never downloaded.

Order: the model named by ``LETTERCHECK_SPACY_MODEL`` (a package name or a
path), else an installed ``nl_core_news_sm``, else the pipeline lettercheck
trains itself from Universal Dependencies data and ships inside the package.
"""

from __future__ import annotations

import functools
import logging
import os
from pathlib import Path

from .errors import LetterError

ENV_MODEL = "LETTERCHECK_SPACY_MODEL"
OFFICIAL_MODEL = "nl_core_news_sm"
BUNDLED_MODEL = Path(__file__).parent / "models" / "nl_lettercheck_sm"
UNUSED_COMPONENTS = ["ner"]
"""Components of the official models that no check reads; not loading them saves time."""

log = logging.getLogger(__name__)


def serialized_tokenizer():
    """A tokenizer without the language's default rules, for pipelines whose tokenizer file has them all.

    spaCy's default factory first builds the Dutch exceptions (thousands of special cases) and then
    loads the same rules again from the pipeline; the bundled pipeline names this factory in its
    config (training/package.py) to build them once.
    """
    from spacy.tokenizer import Tokenizer

    def create(nlp):
        return Tokenizer(nlp.vocab)

    return create


def _register_tokenizer() -> None:
    import spacy

    if "lettercheck.serialized_tokenizer.v1" not in spacy.registry.tokenizers:
        spacy.registry.tokenizers("lettercheck.serialized_tokenizer.v1", func=serialized_tokenizer)


def model_source() -> str:
    """Name or path of the pipeline :func:`load_pipeline` will load."""
    import spacy.util

    named = os.environ.get(ENV_MODEL, "").strip()
    if named:
        return named
    if spacy.util.is_package(OFFICIAL_MODEL):
        return OFFICIAL_MODEL
    return str(BUNDLED_MODEL)


@functools.cache
def load_pipeline():
    """The process-wide spaCy pipeline."""
    import spacy

    _register_tokenizer()
    source = model_source()
    try:
        nlp = spacy.load(source, exclude=UNUSED_COMPONENTS)
    except OSError:
        log.error("spaCy model %r not found (set by %s or bundled)", source, ENV_MODEL)
        raise LetterError(
            "model-missing",
            f"Het taalmodel '{source}' is niet gevonden. Controleer de naam of het pad in {ENV_MODEL}, "
            "of laat die variabele leeg om het meegeleverde model te gebruiken.",
            f"spaCy model {source!r} not found",
        ) from None
    _drop_sentence_final_exceptions(nlp)
    _add_abbreviations(nlp)
    return nlp


NOT_ABBREVIATIONS = ("u.", "U.")
"""'u.' ends a sentence in letters ('Wij schrijven u.'), it is not an abbreviation."""


def _drop_sentence_final_exceptions(nlp) -> None:
    rules = nlp.tokenizer.rules
    if any(word in rules for word in NOT_ABBREVIATIONS):
        nlp.tokenizer.rules = {key: value for key, value in rules.items() if key not in NOT_ABBREVIATIONS}


ABBREVIATIONS = tuple(word for lower in ("dd.", "t.n.v.", "afz.", "b.g.g.", "i.o.v.", "m.m.v.", "m.u.v.", "n.t.b.",
                                          "z.i.", "m.i.", "jl.", "ll.", "e.k.", "c.c.", "n.m.", "n.n.b.", "n.o.t.k.",
                                          "o.i.", "p.d.", "p.o.", "p.w.", "v.v.", "artt.", "stb.", "stcrt.")
                      for word in (lower, lower[0].upper() + lower[1:]))
"""Letter abbreviations the tokenizer would cut before their full stop, which then ends a sentence."""


def _add_abbreviations(nlp) -> None:
    from spacy.symbols import ORTH

    for word in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])
