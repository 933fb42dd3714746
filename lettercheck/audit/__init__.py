"""``lettercheck audit``: many letters in, one folder of overviews out.

Plain data in (the reports as the engine yields them), files out; nothing here imports spaCy. Memory stays
flat in the number of letters: the CSV and Excel rows and the JSON documents are written as each report
arrives, the HTML rows and sections go to temporary files, and only counters and the few letters that need
the most work are kept (:mod:`.aggregate`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Iterable
from pathlib import Path

from ..errors import LetterError, display_path
from ..formats import Run
from ..formats.text import Totals
from ..model import Report
from .aggregate import Aggregate
from .html import HtmlReport
from .tables import FindingsCsv, JsonReport, LettersCsv, LettersXlsx

WRITERS = (HtmlReport, LettersCsv, LettersXlsx, FindingsCsv, JsonReport)
FILES = tuple(writer.name for writer in WRITERS)


def write_audit(reports: Iterable[Report], out: Path, run: Run, rules: Collection[str]) -> Totals:
    """Write the audit files of ``reports`` into the folder ``out``; ``rules`` are the rule ids that were checked
    (a checklist item whose rule was off is left empty). Returns the totals of the run."""
    aggregate = Aggregate(run.target_level, rules)
    try:
        out.mkdir(parents=True, exist_ok=True)
        with contextlib.ExitStack() as stack:
            writers = [stack.enter_context(contextlib.closing(writer(out, run, rules))) for writer in WRITERS]
            for number, report in enumerate(reports, start=1):
                aggregate.add(number, report)
                for writer in writers:
                    writer.add(number, report)
            for writer in writers:
                writer.finish(aggregate)
    except OSError as error:
        raise LetterError("output", f"Kan het auditrapport niet schrijven in de map {display_path(out)}.",
                          type(error).__name__) from None
    return aggregate.totals
