"""Check many letters on several cores: one checker per worker process."""

from __future__ import annotations

import math
import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from .config import Config
from .engine import CHUNK, Checker, error_report, internal_error
from .model import Report

_worker: Checker | None = None


def _start_worker(config: Config) -> None:
    global _worker
    _worker = Checker(config)


def _check_chunk(paths: Sequence[Path]) -> list[Report]:
    return list(_worker.check_paths(paths))


def check_paths(paths: Sequence[Path], config: Config, jobs: int = 1) -> Iterator[Report]:
    """Reports in the order of ``paths``, computed by ``jobs`` processes."""
    if jobs <= 1 or len(paths) < 2:
        yield from Checker(config).check_paths(paths)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    size = max(1, min(CHUNK, math.ceil(len(paths) / (2 * jobs))))
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    done = 0
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(config,)) as pool:
        try:
            for reports in pool.map(_check_chunk, chunks):
                yield from reports
                done += 1
        except BrokenProcessPool as error:  # a worker was killed (out of memory, a signal): the run goes on
            for path in (path for chunk in chunks[done:] for path in chunk):
                yield error_report(str(path), internal_error(str(path), error))
