"""Fit the map from wordfreq's Zipf values onto the SUBTLEX-NL scale LiNT-II was fitted with.

LiNT-II's coefficients expect SUBTLEX-NL frequencies (film and TV subtitles);
lettercheck uses wordfreq (a broader mix of sources), where words of written
Dutch, officialese included, come out more frequent. This script parses the
held-out UD sentences (text that never went into the pipeline's training or
lettercheck's calibration letters), pairs lettercheck's frequency of every
content word with lint-ii's, and fits subtlex = slope * wordfreq + intercept
by least squares. The result goes into lettercheck/readability.py.

Needs lint-ii (Python >= 3.12): pip install lint-ii==0.1.3
Usage: python tools/calibrate_frequency.py training/corpus/heldout.conllu
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from lint_ii import WordFeatures

from lettercheck.frequency import compound_zipf
from lettercheck.nlp import load_pipeline


def sentences(path: Path) -> list[str]:
    return [line.split("=", 1)[1].strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("# text =")]


def main(path: Path) -> None:
    nlp = load_pipeline()
    ours, theirs = [], []
    for doc in nlp.pipe(sentences(path), batch_size=256):
        for token in doc:
            reference = WordFeatures(token).word_frequency
            if reference is not None:
                ours.append(compound_zipf(token.lower_))
                theirs.append(reference)
    slope, intercept = statistics.linear_regression(ours, theirs)
    print(f"{len(ours)} content words; wordfreq mean {statistics.fmean(ours):.3f}, "
          f"SUBTLEX mean {statistics.fmean(theirs):.3f}, r = {statistics.correlation(ours, theirs):.3f}")
    print(f"SUBTLEX_SLOPE = {slope:.4f}\nSUBTLEX_INTERCEPT = {intercept:.4f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
