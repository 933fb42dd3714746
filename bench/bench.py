"""Speed and memory of lettercheck, printed as figures next to the targets.

    python bench/bench.py [--words 60000] [--runs 5]

Measures, on the bundled sample letters (repeated to --words words):
- pipeline load time: import spaCy and load the Dutch pipeline, in a fresh process;
- cold start: wall time of `lettercheck check <one sample>` as a new process;
- parse only: words/second of the spaCy pipeline alone (for reference);
- full check: words/second of parse + readability + all rules, in 1 process and in 2 processes;
- peak resident memory of a checking process;
- rewrite cost: the time of a whole-letter draft with every fix (analysis, draft, file) against the check alone.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "aanmaning-goed.docx"
TARGETS = {
    "cold_start_s": ("<", 2.0),
    "words_per_s_1": (">=", 6000),
    "words_per_s_2": (">=", 10000),
    "peak_rss_mb": ("<", 300),
    "rewrite_ratio": ("<", 2.0),
}


def corpus(words: int):
    from lettercheck.readers import read_letter
    from lettercheck.selection import letter_paths

    letters = [read_letter(path) for path in letter_paths([ROOT / "samples"])]
    size = sum(len(letter.text.split()) for letter in letters)
    return letters * max(1, round(words / size))


def count_words(letters) -> int:
    return sum(len(letter.text.split()) for letter in letters)


def load_time() -> float:
    code = (
        "import time; t = time.perf_counter(); from lettercheck.nlp import load_pipeline; "
        "load_pipeline(); print(time.perf_counter() - t)"
    )
    return float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)


def cold_start(runs: int) -> tuple[float, float]:
    """Median wall time of the CLI on one letter, and the peak RSS of those processes (MB)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "lettercheck", "check", str(SAMPLE)], capture_output=True)
        times.append(time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return statistics.median(times), peak


def parse_rate(letters) -> float:
    from lettercheck.analysis import parse_letters
    from lettercheck.nlp import load_pipeline

    nlp = load_pipeline()
    list(parse_letters(letters[:20], nlp))  # warm up
    start = time.perf_counter()
    for _ in parse_letters(letters, nlp):
        pass
    return count_words(letters) / (time.perf_counter() - start)


def _worker(letters, barrier, results) -> None:
    from lettercheck.engine import Checker

    checker = Checker()
    list(checker.check_letters(letters[:20]))  # warm up
    barrier.wait()
    start = time.perf_counter()
    for _ in checker.check_letters(letters):
        pass
    elapsed = time.perf_counter() - start
    results.put((count_words(letters), elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def check_rate(letters, processes: int) -> tuple[float, float]:
    """Words/second of the full check over ``processes`` processes, and their peak RSS (MB)."""
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(processes), context.Queue()
    shares = [letters[i::processes] for i in range(processes)]
    workers = [context.Process(target=_worker, args=(share, barrier, results)) for share in shares]
    for worker in workers:
        worker.start()
    outcomes = [results.get() for _ in workers]
    for worker in workers:
        worker.join()
    words = sum(words for words, _, _ in outcomes)
    return words / max(elapsed for _, elapsed, _ in outcomes), max(rss for _, _, rss in outcomes)


def rewrite_ratio(letters) -> tuple[float, float]:
    """Seconds to check ``letters``, and how many times that a full rewrite (draft with every fix, as a file) takes."""
    from lettercheck.draft import draft_file, make_draft
    from lettercheck.engine import Checker

    checker = Checker()
    list(checker.check_letters(letters[:10]))  # warm up
    start = time.perf_counter()
    for _ in checker.check_letters(letters):
        pass
    check = time.perf_counter() - start
    start = time.perf_counter()
    for analysis in checker.analyse_many(letters):
        draft_file(analysis, make_draft(analysis, include_proposed=True))
    return check, (time.perf_counter() - start) / check


def verdict(name: str, value: float) -> str:
    op, target = TARGETS[name]
    ok = value < target if op == "<" else value >= target
    return f"target {op} {target:g}: {'met' if ok else 'NOT MET'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=60000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    letters = corpus(args.words)
    from lettercheck.nlp import model_source

    print(f"model: {model_source()}")
    print(f"corpus: {len(letters)} letters, {count_words(letters)} words (bundled samples repeated)")
    print(f"pipeline load (import spaCy + load):  {load_time():.2f} s")
    cold, cold_rss = cold_start(args.runs)
    print(f"cold start `lettercheck check` 1 letter: {cold:.2f} s   {verdict('cold_start_s', cold)}")
    print(f"parse only, 1 process:                {parse_rate(letters):,.0f} words/s")
    one, rss_one = check_rate(letters, 1)
    print(f"full check, 1 process:                {one:,.0f} words/s   {verdict('words_per_s_1', one)}")
    two, rss_two = check_rate(letters, 2)
    print(f"full check, 2 processes:              {two:,.0f} words/s   {verdict('words_per_s_2', two)}")
    peak = max(cold_rss, rss_one, rss_two)
    print(f"peak RSS per process:                 {peak:.0f} MB   {verdict('peak_rss_mb', peak)}")
    check_seconds, ratio = rewrite_ratio(letters[: max(1, len(letters) // 4)])
    print(f"rewrite (draft + file) vs check:      {ratio:.2f} x ({check_seconds:.1f} s of checking)   "
          f"{verdict('rewrite_ratio', ratio)}")


if __name__ == "__main__":
    main()
