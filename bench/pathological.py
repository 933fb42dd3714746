"""Time and peak memory of the pathological letter shapes of issue 12, at 1x, 2x and 4x their base size.

    python bench/pathological.py [--shape NAME ...] [--timeout SECONDS]

The shapes come from tests/hostile.py (at 4x each is about as large as the case that hung or passed 1 GB
in issue 12). Every measurement runs in a fresh process: it writes the letter to a temporary folder, loads
the checker (not timed), checks the letter as the command line does, and reports the wall time of the
check, its outcome and the process's peak resident memory. Figures only, nothing is asserted: time should
grow at most linearly with the size, and peak memory stay under 500 MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
SCALES = (1, 2, 4)


def measure(name: str, scale: float) -> dict:
    """In this process: check one shape at one scale."""
    from hostile import shapes

    from lettercheck.engine import Checker

    checker = Checker()
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(shapes(scale)[name])
        start = time.perf_counter()
        [report] = checker.check_paths([path])
        seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    outcome = report.error.code if report.error else f"{len(report.findings)} findings"
    return {"seconds": seconds, "loaded_mb": loaded, "peak_mb": peak, "outcome": outcome}


def run(name: str, scale: float, timeout: float) -> dict:
    command = [sys.executable, __file__, "--one", name, str(scale)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return {"outcome": f"TIMEOUT after {timeout:.0f} s"}
    except subprocess.CalledProcessError as error:
        return {"outcome": f"FAILED: {error.stderr.strip().splitlines()[-1:]}"}
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    from hostile import shapes

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shape", action="append", choices=sorted(shapes(0)), help="only these shapes")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per measurement")
    parser.add_argument("--one", nargs=2, metavar=("SHAPE", "SCALE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one[0], float(args.one[1]))))
        return
    print(f"{'shape':30} {'x':>2} {'size KB':>8} {'check s':>8} {'vs 1x':>6} {'peak MB':>8} {'loaded MB':>9}  outcome")
    for name in args.shape or shapes(0):
        first = None
        for scale in SCALES:
            row = run(name, scale, args.timeout)
            first = first or row.get("seconds")
            print(_line(name, scale, row, first), flush=True)


def _line(name: str, scale: int, row: dict, first: float | None) -> str:
    from hostile import shapes

    start = f"{name:30} {scale:>2} {len(shapes(scale)[name]) / 1024:8.0f}"
    if "seconds" not in row:
        return f"{start} {'-':>8} {'-':>6} {'-':>8} {'-':>9}  {row['outcome']}"
    return (f"{start} {row['seconds']:8.2f} {row['seconds'] / first:6.1f} {row['peak_mb']:8.0f} "
            f"{row['loaded_mb']:9.0f}  {row['outcome']}")

if __name__ == "__main__":
    main()
