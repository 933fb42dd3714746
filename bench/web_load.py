"""Load check of the served web app: 50 concurrent uploads of a one-page letter to `lettercheck serve` on 127.0.0.1.

    python bench/web_load.py [--workers 2] [--requests 50] [--letter samples/aanmaning-slecht.docx]

Measures the checker's own speed first, with no server running (one checker, then as many side by side as
the server will have workers: on a machine shared with other work, that is what the workers can reach at
best), then starts the app on a free port of 127.0.0.1 (never another host), sends one letter alone and then
all uploads at once, prints p50/p95 latency, throughput, errors and how throughput compares with the
checker's speed times the number of workers, and stops the server. Bounded: a fixed number of requests, each
with a timeout. Exit code 1 when an upload failed or throughput missed the target.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
REQUEST_TIMEOUT = 120
START_TIMEOUT = 90
START_LOAD = 10
"""Seconds the checker processes get to load before they all start counting at once."""
WARM_UP = 4
TARGET_SHARE = 0.8
"""Throughput under load should reach this share of the checker's own speed times the workers."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def served(workers: int):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "lettercheck", "serve", "--host", HOST, "--port", str(port),
                                "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not _healthy(url):
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("lettercheck serve did not start")
            time.sleep(0.2)
        yield url
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def multipart(data: bytes, name: str) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    head = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n").encode()
    return head + data + f"\r\n--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def upload(url: str, body: bytes, content_type: str) -> tuple[float, bytes | None]:
    """Seconds taken and the answer (None: the request failed). Parsing waits: this process shares the CPU."""
    request = urllib.request.Request(f"{url}/api/check", data=body, headers={"Content-Type": content_type})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
            answer = response.read()
    except (OSError, urllib.error.HTTPError):
        answer = None
    return time.perf_counter() - started, answer


def words_checked(answer: bytes) -> int | None:
    try:
        return json.loads(answer)["documents"][0]["readability"]["words"]
    except (ValueError, KeyError, TypeError):
        return None


def letters_checked(data: bytes, name: str, start_at: float, window: float) -> int:
    """Letters one checker reads and checks (no HTTP) in ``window`` seconds from the wall-clock time ``start_at``."""
    from lettercheck.engine import Checker
    from lettercheck.readers import read_letter_bytes

    checker = Checker()
    checker.analyse(read_letter_bytes(data, name))
    time.sleep(max(0.0, start_at - time.time()))
    done, stop = 0, time.perf_counter() + window
    while time.perf_counter() < stop:
        checker.analyse(read_letter_bytes(data, name)).report().as_dict()
        done += 1
    return done


def checker_speed(data: bytes, name: str, processes: int, window: float = 4.0) -> float:
    """Letters per second of ``processes`` checkers side by side, as many as the server has workers.

    On a machine that other work shares, this is the speed the workers can reach at best; alone on the
    machine, it is the checker's own speed times the processes.
    """
    start_at = time.time() + START_LOAD
    with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn")) as pool:
        counts = pool.map(letters_checked, *([value] * processes for value in (data, name, start_at, window)))
        return sum(counts) / window


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--letter", type=Path, default=ROOT / "samples" / "aanmaning-slecht.docx")
    args = parser.parse_args()
    data = args.letter.read_bytes()
    body, content_type = multipart(data, args.letter.name)

    own = 1 / checker_speed(data, args.letter.name, 1)
    side_by_side = checker_speed(data, args.letter.name, args.workers)
    with served(args.workers) as url:
        for _ in range(WARM_UP):  # every worker loads lazily what a first check needs
            upload(url, body, content_type)
        alone = statistics.median(upload(url, body, content_type)[0] for _ in range(5))
        started, client_cpu = time.perf_counter(), time.process_time()
        with ThreadPoolExecutor(max_workers=args.requests) as pool:
            results = list(pool.map(lambda _: upload(url, body, content_type), range(args.requests)))
        elapsed, client_cpu = time.perf_counter() - started, time.process_time() - client_cpu

    latencies = [seconds for seconds, _ in results]
    done = [words for words in map(words_checked, (answer for _, answer in results)) if words is not None]
    throughput = len(done) / elapsed
    ideal = args.workers / own
    workers = f"{args.workers} worker{'s' if args.workers > 1 else ''}"
    print(f"letter: {args.letter.name}, {done[0] if done else '?'} words; {args.requests} concurrent uploads, "
          f"{workers}")
    print(f"checker alone, in process: {own * 1000:.0f} ms per letter ({1 / own:.1f} letters/s); "
          f"as many checker processes as workers, side by side: {side_by_side:.1f} letters/s")
    print(f"one letter alone over HTTP: {alone * 1000:.0f} ms")
    print(f"latency under load: p50 {percentile(latencies, 0.5) * 1000:.0f} ms, "
          f"p95 {percentile(latencies, 0.95) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms")
    print(f"throughput: {throughput:.1f} letters/s, {sum(done) / elapsed:.0f} words/s ({elapsed:.2f} s in all)")
    print(f"errors: {args.requests - len(done)}")
    print(f"the load generator itself used {client_cpu / elapsed:.2f} of the machine's CPU cores meanwhile")
    share = throughput / ideal
    verdict = "meets" if share >= TARGET_SHARE else "misses"
    print(f"throughput is {share:.0%} of the checker's speed x {workers} ({ideal:.1f} letters/s), "
          f"{verdict} the {TARGET_SHARE:.0%} target; {throughput / side_by_side:.0%} of what the checker "
          "processes side by side reach on this machine now")
    return 0 if len(done) == args.requests and share >= TARGET_SHARE else 1


if __name__ == "__main__":
    sys.exit(main())
