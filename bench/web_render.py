"""How long the page takes to draw a checked letter after the server's answer arrives, in Debian's Chromium.

    python bench/web_render.py [--runs 5] [--letter samples/aanmaning-slecht.docx]

Serves the app on 127.0.0.1 (as bench/web_load.py does), uploads the letter in a headless browser, and times
from the moment the /api/check response has arrived to the moment every finding is highlighted in place and
the gauge is drawn. Prints the median and the slowest run next to the target (under 1 s).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from web_load import served

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
TARGET_S = 1.0


def render_time(page, letter: Path) -> float:
    """Seconds from the check's response to the drawn letter (highlights and gauge)."""
    page.goto("/")
    with page.expect_response(lambda response: response.url.endswith("/api/check")) as answer:
        page.set_input_files("#file", str(letter))
    answer.value.finished()
    arrived = time.perf_counter()
    page.wait_for_selector("#workspace:not([hidden]) .mark--start")
    page.wait_for_function("() => document.querySelectorAll('.mark--start').length > 10")
    return time.perf_counter() - arrived


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--letter", type=Path, default=ROOT / "samples" / "aanmaning-slecht.docx")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with served(workers=1) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_context(viewport={"width": 1366, "height": 768}, base_url=url).new_page()
        render_time(page, args.letter)  # warm up: scripts and styles cached
        times = [render_time(page, args.letter) for _ in range(args.runs)]
        browser.close()
    median, slowest = statistics.median(times), max(times)
    verdict = "met" if slowest < TARGET_S else "NOT MET"
    print(f"letter: {args.letter.name}; page drawn after the response: median {median * 1000:.0f} ms, "
          f"slowest {slowest * 1000:.0f} ms of {args.runs} runs   target < {TARGET_S:g} s: {verdict}")
    return 0 if slowest < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
