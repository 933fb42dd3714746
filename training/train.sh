#!/usr/bin/env bash
# Train lettercheck's Dutch pipeline from ../shared/ud-dutch and ship it in the package.
# Takes about an hour on one CPU core. CI never runs this: the result is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
python training/prepare.py ../shared/ud-dutch training/corpus
for part in train heldout; do
  python -m spacy convert "training/corpus/$part.conllu" training/corpus --converter conllu --n-sents 10
done
python -m spacy train training/config.cfg --code training/functions.py --output training/output/pipeline
python training/package.py training/output/pipeline/model-last
