"""Speed and memory of `lettercheck audit` on 1,000 letters (the samples repeated), printed next to the targets.

    python bench/audit.py [--letters 1000]

For --jobs 1 and --jobs 2, each in a fresh process: words/s and letters/s of the whole audit (check and all
five files), and the peak resident memory after 100 letters and after the last (the checking processes
together: the audit's own and its workers). The peak must not grow more than 10 % from 100 letters on.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"words_per_s_1": 6000, "words_per_s_2": 10000}
MAX_GROWTH = 0.10
EARLY = 100


def letters(folder: Path, count: int) -> list[Path]:
    """``count`` letters in ``folder``: copies of the samples under new names."""
    from lettercheck.selection import letter_paths

    samples = letter_paths([ROOT / "samples"])
    paths = []
    for number in range(count):
        source = samples[number % len(samples)]
        path = folder / f"{number:05d}-{source.name}"
        shutil.copyfile(source, path)
        paths.append(path)
    return paths


def peak_rss_mb() -> float:
    """Peak resident memory of this process and its live workers (VmHWM), in MB."""
    pids = ["self", *(str(child.pid) for child in multiprocessing.active_children())]
    total = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))
    return total / 1024


def audit_once(folder: Path, jobs: int) -> dict:
    """One audit of every letter in ``folder``, measured as it streams."""
    from lettercheck import __version__
    from lettercheck.audit import write_audit
    from lettercheck.catalogue import load_rules
    from lettercheck.config import Config
    from lettercheck.formats import Run
    from lettercheck.parallel import check_paths

    paths = sorted(folder.iterdir())
    figures = {"letters": len(paths), "words": 0}

    def measured(reports):
        for number, report in enumerate(reports, start=1):
            figures["words"] += report.readability.words if report.readability else 0
            if number in (EARLY, len(paths)):
                figures[f"peak_rss_mb_{number}"] = peak_rss_mb()
            yield report

    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        write_audit(measured(check_paths(paths, Config(), jobs)), Path(out), Run(__version__), set(load_rules()))
    figures["seconds"] = time.perf_counter() - start
    return figures


def measure(folder: Path, jobs: int) -> dict:
    """``audit_once`` in a fresh process, so that each peak is its own."""
    code = f"import json, sys; sys.path.insert(0, {str(ROOT / 'bench')!r}); from audit import audit_once; " \
           f"from pathlib import Path; print(json.dumps(audit_once(Path({str(folder)!r}), {jobs})))"
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def show(jobs: int, figures: dict, count: int) -> None:
    words_per_s = figures["words"] / figures["seconds"]
    letters_per_s = figures["letters"] / figures["seconds"]
    target = TARGETS[f"words_per_s_{jobs}"]
    early, last = figures[f"peak_rss_mb_{EARLY}"], figures[f"peak_rss_mb_{count}"]
    growth = last / early - 1
    print(f"--jobs {jobs}: {figures['letters']} letters, {figures['words']} words in {figures['seconds']:.1f} s: "
          f"{words_per_s:,.0f} words/s (target >= {target:,}{'' if words_per_s >= target else ', MISSED'}), "
          f"{letters_per_s:.1f} letters/s")
    print(f"          peak RSS {early:.0f} MB after {EARLY} letters, {last:.0f} MB after {count} "
          f"({growth:+.1%}; at most +{MAX_GROWTH:.0%}{'' if growth <= MAX_GROWTH else ', MISSED'})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--letters", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        letters(Path(folder), args.letters)
        for jobs in (1, 2):
            show(jobs, measure(Path(folder), jobs), args.letters)


if __name__ == "__main__":
    main()
