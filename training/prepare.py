"""Split the shared UD Dutch treebanks into a training part and a fixed held-out part.

Every sentence is assigned by a hash of its ``sent_id``, so the split is the same on
every machine and never depends on file order. About 15 % of the sentences are held
out for evaluation and never trained on.

Alpino writes compound and separable-verb lemmas with underscores ("af_lopen",
"basis_niveau"); lettercheck matches word lists on lemmas as they are written in
running text, so the underscores are removed from the lemma column.

Usage: python training/prepare.py ../shared/ud-dutch training/corpus
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

HELD_OUT_PERCENT = 15
TREEBANKS = (
    "nl_alpino-ud-dev.conllu",
    "nl_alpino-ud-test.conllu",
    "nl_lassysmall-ud-dev.conllu",
    "nl_lassysmall-ud-test.conllu",
)


def read_sentences(path: Path) -> list[list[str]]:
    """Return the sentences of a CoNLL-U file, each as its list of lines."""
    sentences, lines = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            lines.append(line)
        elif lines:
            sentences.append(lines)
            lines = []
    if lines:
        sentences.append(lines)
    return sentences


def sentence_id(lines: list[str]) -> str:
    for line in lines:
        if line.startswith("# sent_id"):
            return line.split("=", 1)[1].strip()
    raise ValueError("sentence without sent_id: " + lines[0])


def is_held_out(sent_id: str) -> bool:
    digest = hashlib.sha1(sent_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 100 < HELD_OUT_PERCENT


def normalise_lemma(line: str) -> str:
    if line.startswith("#"):
        return line
    columns = line.split("\t")
    if len(columns) == 10 and columns[2] != "_":
        columns[2] = columns[2].replace("_", "") or columns[2]
    return "\t".join(columns)


def main(source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    parts: dict[str, list[list[str]]] = {"train": [], "heldout": []}
    for name in TREEBANKS:
        for lines in read_sentences(source / name):
            part = "heldout" if is_held_out(sentence_id(lines)) else "train"
            parts[part].append([normalise_lemma(line) for line in lines])
    for part, sentences in parts.items():
        text = "\n\n".join("\n".join(lines) for lines in sentences) + "\n\n"
        (target / f"{part}.conllu").write_text(text, encoding="utf-8")
        tokens = sum(1 for lines in sentences for line in lines if line[0].isdigit())
        print(f"{part}: {len(sentences)} sentences, {tokens} tokens")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
