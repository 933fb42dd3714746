"""Record in the word lists which open sources name each entry.

    python tools/attribute_sources.py [--check]

``wordlists/sources/<source>.tsv`` holds the terms an open source names (see the README there). An entry is
attributed to a source when one of that source's terms, parsed like a letter, is matched by the entry over its
whole length, a copula or 'u' around it aside: 'u gelieve' in a source names the entry 'gelieven'. The tool
rewrites the ``source`` column of the phrase lists: the open sources that name the entry, beside
'letter-guidelines' or 'seeds' where the entry had them, or 'lettercheck' when no source names it. ``--check``
changes nothing and exits 1 when a column is out of date (the tests run it).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lettercheck.lexicon import LIST_FILES, SOURCES, Entry, Lexicon, data_dir, read_tsv  # noqa: E402
from lettercheck.nlp import load_pipeline  # noqa: E402

OPEN_SOURCES = ("rvo", "tscan", "languagetool")
FRAME_WORDS = frozenset({"zijn", "hebben", "u", "zich"})
"""Words a source writes around a term that an entry leaves out: 'woonachtig zijn' names 'woonachtig'."""
OWN_SOURCES = tuple(name for name in SOURCES if name not in OPEN_SOURCES and name != "lettercheck")


def source_terms(directory: Path) -> dict[str, list[str]]:
    """The terms each open source names, from ``sources/<source>.tsv``."""
    return {name: [row["term"] for _, row in read_tsv(directory / "sources" / f"{name}.tsv", ("term", "where"))]
            for name in OPEN_SOURCES}


def naming_sources(lexicon: Lexicon, nlp, terms: dict[str, list[str]]) -> dict[str, set[str]]:
    """For each entry's origin, the open sources with a term that the entry matches whole."""
    named: dict[str, set[str]] = defaultdict(set)
    by_phrase: dict[str, list[Entry]] = defaultdict(list)
    for entry in lexicon.entries:
        by_phrase[entry.phrase].append(entry)
    for source, words in terms.items():
        for term, doc in zip(words, nlp.pipe(words), strict=True):
            for entry in by_phrase.get(term, ()):
                named[entry.origin].add(source)
            content = {t.i for t in doc if not t.is_punct and t.lemma_.lower() not in FRAME_WORDS}
            for match in lexicon.match(doc):
                if match.entry and content <= set(range(match.start, match.end)):
                    named[match.entry.origin].add(source)
    return named


def source_column(entry: Entry, named: set[str]) -> str:
    kept = [name for name in OWN_SOURCES if name in entry.source.split(", ")]
    names = kept + [name for name in OPEN_SOURCES if name in named]
    return ", ".join(names) or "lettercheck"


def rewritten(directory: Path, lexicon: Lexicon, named: dict[str, set[str]]) -> dict[Path, str]:
    """The phrase lists whose source column changes, with their new text."""
    entries = {entry.origin: entry for entry in lexicon.entries}
    changed = {}
    for spec in LIST_FILES:
        path = directory / spec.name
        column = spec.columns.index("source")
        lines = path.read_text(encoding="utf-8").split("\n")
        for number, _ in read_tsv(path, spec.columns):
            entry = entries[f"{spec.name}:{number}"]
            fields = lines[number - 1].split("\t")
            fields[column] = source_column(entry, named.get(entry.origin, set()))
            lines[number - 1] = "\t".join(fields)
        text = "\n".join(lines)
        if text != path.read_text(encoding="utf-8"):
            changed[path] = text
    return changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report out-of-date source columns, change nothing")
    args = parser.parse_args()
    directory = data_dir()
    nlp = load_pipeline()
    lexicon = Lexicon(nlp, directory)
    named = naming_sources(lexicon, nlp, source_terms(directory))
    changed = rewritten(directory, lexicon, named)
    for path, text in changed.items():
        if args.check:
            print(f"{path.name}: source column out of date; run python tools/attribute_sources.py")
        else:
            path.write_text(text, encoding="utf-8")
    entries = lexicon.entries
    open_named = sum(1 for entry in entries if named.get(entry.origin))
    per_source = ", ".join(f"{name} {sum(1 for e in entries if name in named.get(e.origin, ()))}"
                           for name in OPEN_SOURCES)
    print(f"{open_named} of {len(entries)} entries are named by an open source ({per_source})")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
