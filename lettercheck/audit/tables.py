"""The audit's tables: letters.csv, letters.xlsx, findings.csv and report.json, each written as reports arrive.

Column names are Dutch, as the people who open the files read them; rule ids stay as the catalogue has them.
Every writer opens its file in the audit folder when made, takes one report at a time (``add``), writes its end
in ``finish``, and lets go of its file in ``close`` (also after an error).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Collection
from pathlib import Path

from ..catalogue import load_categories
from ..formats import Run
from ..model import SEVERITY_LABELS, Finding, Report
from .aggregate import Aggregate, alternative, letter_columns, letter_values

FINDING_COLUMNS = ["nummer", "pad", "regel-id", "categorie", "ernst", "onderdrukt", "bereik", "deel", "alinea",
                   "regelnummer", "kolom", "tekst", "melding", "alternatief", "foutmelding"]
"""``alinea`` counts from 1 as the text report does; ``regelnummer`` and ``kolom`` only for text files."""
SCOPES = {"span": "tekst", "letter": "hele brief"}
XLSX_WIDTHS = {"pad": 48, "foutmelding": 60}


class LettersCsv:
    name = "letters.csv"

    def __init__(self, folder: Path, run: Run, rules: Collection[str]) -> None:
        self.handle = (folder / self.name).open("w", encoding="utf-8", newline="")
        self.rules = rules
        self.writer = csv.DictWriter(self.handle, letter_columns())
        self.writer.writeheader()

    def add(self, number: int, report: Report) -> None:
        self.writer.writerow(letter_values(number, report, self.rules))

    def finish(self, aggregate: Aggregate) -> None:
        self.handle.close()

    def close(self) -> None:
        self.handle.close()


class FindingsCsv:
    """One row per finding, the suppressed ones marked; an unreadable letter is one row with its error."""

    name = "findings.csv"

    def __init__(self, folder: Path, run: Run, rules: Collection[str]) -> None:
        self.handle = (folder / self.name).open("w", encoding="utf-8", newline="")
        self.writer = csv.DictWriter(self.handle, FINDING_COLUMNS)
        self.writer.writeheader()
        self.labels = {category.id: category.label for category in load_categories().values()}

    def add(self, number: int, report: Report) -> None:
        if report.error is not None:
            self.writer.writerow({"nummer": number, "pad": report.path, "foutmelding": report.error.message})
            return
        for finding in report.findings:
            self.writer.writerow(self.row(number, report.path, finding, suppressed=False))
        for finding in report.suppressed:
            self.writer.writerow(self.row(number, report.path, finding, suppressed=True))

    def row(self, number: int, path: str, finding: Finding, suppressed: bool) -> dict[str, object]:
        place = finding.location
        return {
            "nummer": number, "pad": path, "regel-id": finding.rule, "categorie": self.labels[finding.category],
            "ernst": SEVERITY_LABELS[finding.severity], "onderdrukt": "ja" if suppressed else "nee",
            "bereik": SCOPES[finding.scope], "deel": place.part if place else "",
            "alinea": place.paragraph + 1 if place else "", "regelnummer": place.line if place else "",
            "kolom": place.column if place else "", "tekst": finding.text, "melding": finding.message,
            "alternatief": alternative(finding),
        }

    def finish(self, aggregate: Aggregate) -> None:
        self.handle.close()

    def close(self) -> None:
        self.handle.close()


class LettersXlsx:
    """letters.csv as a workbook, written row by row (openpyxl's write-only mode keeps rows on disk)."""

    name = "letters.xlsx"

    def __init__(self, folder: Path, run: Run, rules: Collection[str]) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        self.path, self.rules = folder / self.name, rules
        self.workbook = Workbook(write_only=True)
        self.sheet = self.workbook.create_sheet("brieven")
        self.columns = letter_columns()
        for number, column in enumerate(self.columns, start=1):
            self.sheet.column_dimensions[get_column_letter(number)].width = XLSX_WIDTHS.get(column, 14)
        self.sheet.freeze_panes = "C2"
        self.sheet.auto_filter.ref = f"A1:{get_column_letter(len(self.columns))}1"
        self.sheet.append([self.cell(column, Font(bold=True)) for column in self.columns])

    def cell(self, value: object, font=None):
        """A cell that never turns into a formula: a path or an error message may start with '='."""
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        if not isinstance(value, str):
            return value
        cell = WriteOnlyCell(self.sheet, value=ILLEGAL_CHARACTERS_RE.sub("\ufffd", value))
        cell.data_type = "s"
        if font is not None:
            cell.font = font
        return cell

    def add(self, number: int, report: Report) -> None:
        values = letter_values(number, report, self.rules)
        self.sheet.append([self.cell(values[column]) for column in self.columns])

    def finish(self, aggregate: Aggregate) -> None:
        self.workbook.save(self.path)

    def close(self) -> None:
        self.workbook.close()


class JsonReport:
    """The JSON format's layout (``lettercheck``, ``model``, ``documents``) and the audit's counts (``audit``),
    one document per line as it arrives."""

    name = "report.json"

    def __init__(self, folder: Path, run: Run, rules: Collection[str]) -> None:
        self.handle = (folder / self.name).open("w", encoding="utf-8", newline="\n")
        head = json.dumps({"lettercheck": run.version, "model": run.model}, ensure_ascii=False)
        self.handle.write(head[:-1] + ', "documents": [\n')
        self.first = True

    def add(self, number: int, report: Report) -> None:
        self.handle.write(("" if self.first else ",\n") + json.dumps(report.as_dict(), ensure_ascii=False))
        self.first = False

    def finish(self, aggregate: Aggregate) -> None:
        self.handle.write('\n], "audit": ' + json.dumps(aggregate.as_dict(), ensure_ascii=False, indent=2) + "}\n")
        self.handle.close()

    def close(self) -> None:
        self.handle.close()
