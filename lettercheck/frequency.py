"""Dutch word frequencies on the Zipf scale (log10 of occurrences per billion words).

The table is wordfreq's Dutch list, exported by ``tools/export_wordfreq.py`` to a
sorted text file. It is memory-mapped and binary-searched in place: nothing is
loaded up front, and a lookup costs a few microseconds.
"""

from __future__ import annotations

import functools
import mmap
from pathlib import Path

TABLE = Path(__file__).parent / "data" / "zipf_nl.tsv"
UNKNOWN_ZIPF = 1.0
"""Zipf value for a word wordfreq has never seen: its list stops at about 1."""
MIN_HEAD = 4
MIN_MODIFIER = 3
MAX_KEY_BYTES = 64
"""Longer than any word in the table (tests check): a longer word or compound head is not looked up, so a
long token costs a bounded number of lookups and the caches never hold its every suffix."""


@functools.cache
def _table() -> mmap.mmap:
    with TABLE.open("rb") as handle:
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)


def zipf(word: str) -> float | None:
    """Zipf frequency of a lowercase word; None when the list does not have it."""
    target = word.encode("utf-8")
    return _lookup(target) if len(target) <= MAX_KEY_BYTES else None


@functools.lru_cache(maxsize=1 << 16)
def _lookup(target: bytes) -> float | None:
    data = _table()
    low, high = 0, len(data)
    while low < high:
        start = data.rfind(b"\n", 0, (low + high) // 2) + 1
        tab = data.find(b"\t", start)
        end = data.find(b"\n", tab)
        key = data[start:tab]
        if key == target:
            return int(data[tab + 1 : end]) / 100
        if key < target:
            low = end + 1
        else:
            high = start
    return None


@functools.lru_cache(maxsize=1 << 16)
def compound_zipf(word: str) -> float:
    """Frequency of a word, or of its head when it is a compound of a more frequent head.

    Dutch writes compounds as one word ("betalingsregeling"); a reader who knows
    "regeling" can read it, so like LiNT the head's frequency counts for it.
    """
    own = zipf(word) or UNKNOWN_ZIPF
    for split in _splits(word):
        head = zipf(word[split:])
        if head is not None:
            return max(own, head)
    return own


LINKS = ("s", "en", "e", "")
"""Linking sounds between the parts of a compound: betaling-s-regeling, ziekte-kosten."""


@functools.lru_cache(maxsize=1 << 16)
def familiarity(word: str) -> float:
    """How well-known a word is: its own frequency, or for a compound that of its rarest part.

    'betalingsregeling' is rare as a whole but built from two common words; 'verwervingskosten'
    has a rare first part. Unlike :func:`compound_zipf`, the modifier counts too. Of all ways to
    split the word, the one with the most familiar rarest part wins.
    """
    best = zipf(word) or UNKNOWN_ZIPF
    for split in _splits(word):
        head = zipf(word[split:])
        if head is None or head <= best:
            continue
        modifier = word[:split]
        for link in LINKS:
            if modifier.endswith(link) and len(modifier) - len(link) >= MIN_MODIFIER:
                value = zipf(modifier[: len(modifier) - len(link)])
                if value is not None:
                    best = max(best, min(head, value))
    return best


def _splits(word: str) -> range:
    """Where a compound may split: a modifier of MIN_MODIFIER letters or more, a head that could be in the table."""
    return range(max(MIN_MODIFIER, len(word) - MAX_KEY_BYTES), len(word) - MIN_HEAD + 1)
