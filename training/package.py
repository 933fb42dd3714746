"""Evaluate a trained pipeline on the held-out sentences and ship it in the package.

Writes lettercheck/models/nl_lettercheck_sm/ with a meta.json whose
``performance`` holds the held-out scores, and the UD attribution and licence.

Usage: python training/package.py training/output/run1/model-last
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import spacy
from functions import COMMON_ABBREVIATIONS, LETTER_ABBREVIATIONS  # training/functions.py
from spacy.tokens import DocBin
from spacy.training import Example

from lettercheck.nlp import load_pipeline

ROOT = Path(__file__).resolve().parent.parent
HELD_OUT = ROOT / "training" / "corpus" / "heldout.spacy"
TARGET = ROOT / "lettercheck" / "models" / "nl_lettercheck_sm"
UD = ROOT.parent / "shared" / "ud-dutch"
SCORES = ("token_acc", "pos_acc", "tag_acc", "morph_acc", "dep_uas", "dep_las", "lemma_acc", "sents_p",
          "sents_r", "sents_f")
CLITIC = re.compile(r"['’][a-z]{1,3}", re.I)
SOURCES = [
    {
        "name": "UD Dutch Alpino (dev and test files)",
        "url": "https://github.com/UniversalDependencies/UD_Dutch-Alpino",
        "license": "CC BY-SA 4.0",
        "author": "Gosse Bouma, Gertjan van Noord, Daniel Zeman, Zdeněk Žabokrtský",
    },
    {
        "name": "UD Dutch LassySmall (dev and test files)",
        "url": "https://github.com/UniversalDependencies/UD_Dutch-LassySmall",
        "license": "CC BY-SA 4.0",
        "author": "Gosse Bouma, Gertjan van Noord",
    },
]


def evaluate(nlp) -> dict[str, float]:
    docs = list(DocBin().from_disk(HELD_OUT).get_docs(nlp.vocab))
    examples = [Example(nlp.make_doc(doc.text), doc) for doc in docs]
    scores = nlp.evaluate(examples)
    return {key: round(float(scores[key]), 4) for key in SCORES if scores.get(key) is not None}


def lean_tokenizer_rules(rules: dict) -> dict:
    """The tokenizer exceptions worth their load time in letters.

    Each special case costs about 0.15 ms at every start, and spaCy's Dutch list holds about
    4,500 (emoticons, all-capital spellings, hundreds of Belgian law-journal abbreviations).
    Kept: white space, clitics ('s, 't), and the common and letter abbreviations of functions.py
    with their capitalised forms. Any other abbreviation is split off its full stop; the
    sentence splitter then still reads on when a lowercase word follows.
    """
    keep = {form for abbreviation in (*COMMON_ABBREVIATIONS, *LETTER_ABBREVIATIONS)
            for form in (abbreviation, abbreviation.capitalize())}
    return {key: value for key, value in rules.items() if key.isspace() or CLITIC.fullmatch(key) or key in keep}


def main(model_dir: Path) -> None:
    nlp = spacy.load(model_dir)
    nlp.tokenizer.rules = lean_tokenizer_rules(nlp.tokenizer.rules)
    performance = evaluate(nlp)
    nlp.meta.update(
        name="lettercheck_sm",
        version="1.0.0",
        description=(
            "Small Dutch CNN pipeline (tokenizer with letter abbreviations, tagger, morphologizer, "
            "parser, trainable lemmatizer) trained by lettercheck on 85% of the UD Dutch Alpino and "
            "LassySmall dev/test sentences; scores are on the fixed held-out 15%."
        ),
        author="lettercheck contributors",
        license="CC BY-SA 4.0",
        sources=SOURCES,
        performance=performance,
    )
    if TARGET.exists():
        shutil.rmtree(TARGET)
    nlp.to_disk(TARGET)
    config = (TARGET / "config.cfg").read_text(encoding="utf-8")
    (TARGET / "config.cfg").write_text(
        config.replace('@tokenizers = "spacy.Tokenizer.v1"', '@tokenizers = "lettercheck.serialized_tokenizer.v1"'),
        encoding="utf-8",
    )
    load_pipeline.cache_clear()
    assert load_pipeline().tokenizer.rules == nlp.tokenizer.rules, "shipped tokenizer differs"
    shutil.copyfile(UD / "UD_Dutch-Alpino.LICENSE.txt", TARGET / "LICENSE")
    (TARGET / "ATTRIBUTION.md").write_text(
        "This pipeline was trained by lettercheck on data from Universal Dependencies:\n\n"
        + "".join(f"- {s['name']}, {s['author']}, {s['url']} ({s['license']})\n" for s in SOURCES)
        + "\nReferences: Gosse Bouma and Gertjan van Noord, Increasing return on annotation investment: the "
        "automatic construction of a Universal Dependency treebank for Dutch, UDW 2017; van Noord et al., "
        "Large Scale Syntactic Annotation of Written Dutch: Lassy, 2013.\n"
        "\nThe trained pipeline is distributed under the same licence, CC BY-SA 4.0 (see LICENSE).\n",
        encoding="utf-8",
    )
    print(json.dumps(performance, indent=2))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
