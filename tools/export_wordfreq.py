"""Export wordfreq's Dutch word frequencies to the compact table lettercheck reads.

wordfreq (https://github.com/rspeer/wordfreq, data CC BY-SA 4.0) is the source.
Loading it at run time costs about 0.5 s and 60 MB per process; the exported
table is a sorted text file that lettercheck searches in place (see
lettercheck/frequency.py), so a check loads nothing up front.

Usage: pip install wordfreq && python tools/export_wordfreq.py
"""

from __future__ import annotations

import math
import re
from importlib.metadata import version
from pathlib import Path

import wordfreq

TARGET = Path(__file__).resolve().parent.parent / "lettercheck" / "data" / "zipf_nl.tsv"
WORD = re.compile(r"[a-zà-öø-ÿ][a-zà-öø-ÿ'’-]*")


def main() -> None:
    frequencies = wordfreq.get_frequency_dict("nl", wordlist="large")
    rows = sorted(
        (word.encode("utf-8"), round(100 * math.log10(frequency * 1e9)))
        for word, frequency in frequencies.items()
        if WORD.fullmatch(word)
    )
    with TARGET.open("wb") as out:
        out.write(b"".join(word + b"\t" + str(zipf).encode() + b"\n" for word, zipf in rows))
    print(f"{len(rows)} words written to {TARGET} (wordfreq {version('wordfreq')})")


if __name__ == "__main__":
    main()
