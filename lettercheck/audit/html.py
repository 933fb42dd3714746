"""report.html: one self-contained Dutch page, an overview with charts and tables, then a section per letter.

Nothing is loaded from elsewhere: the styles, the SVG charts and the small sorting script are in the page, so
it opens from disk and in a mail attachment. All letter text is escaped. The rows of the letters table and the
letter sections are written to temporary files as the reports arrive, and copied into the page at the end.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Collection
from datetime import datetime
from html import escape
from pathlib import Path

from ..catalogue import load_categories
from ..formats import Run
from ..formats.text import location_label, one_line, readability_line
from ..model import CEFR, SEVERITIES, SEVERITY_LABELS, Finding, Report, severity_rank
from .aggregate import CHECKLIST, NO_LEVEL, Aggregate, alternative, level_of
from .charts import Bar, bar_chart

MAX_FINDINGS_SHOWN = 200
"""Per letter; findings.csv and report.json have them all."""
MAX_QUOTE = 160
MISSING_SHORT = {"missing-action": "actie", "missing-contact": "contact", "missing-help": "hulp",
                 "vague-deadline": "termijn"}
"""Checklist items as the letters table names them."""
ASSETS = Path(__file__).with_name("assets")


class HtmlReport:
    name = "report.html"

    def __init__(self, folder: Path, run: Run, rules: Collection[str]) -> None:
        self.path, self.run, self.rules = folder / self.name, run, rules
        self.labels = {category.id: category.label for category in load_categories().values()}
        self.rows = tempfile.TemporaryFile("w+", encoding="utf-8")
        self.sections = tempfile.TemporaryFile("w+", encoding="utf-8")

    def add(self, number: int, report: Report) -> None:
        self.rows.write(letter_row(number, report, self.rules))
        self.sections.write(self.section(number, report))

    def finish(self, aggregate: Aggregate) -> None:
        with self.path.open("w", encoding="utf-8", newline="\n") as out:
            out.write(head(aggregate, self.run))
            out.write(overview(aggregate, self.run, self.labels))
            out.write('<h3 id="alle-brieven">Alle brieven</h3>\n<table class="sorteerbaar">\n<thead><tr>'
                      f'{_th("nr.")}<th>brief</th>{_th("niveau")}{_th("woorden")}'
                      f'{_th("fouten")}{_th("waarschuwingen")}{_th("info")}'
                      f'{_th("onderdrukt")}<th>ontbreekt</th></tr></thead>\n<tbody>\n')
            _copy(self.rows, out)
            out.write('</tbody></table>\n</section>\n<section id="brieven">\n<h2>Per brief</h2>\n')
            _copy(self.sections, out)
            out.write(f"</section>\n</main>\n<script>{(ASSETS / 'sort.js').read_text(encoding='utf-8')}</script>\n"
                      "</body>\n</html>\n")

    def close(self) -> None:
        self.rows.close()
        self.sections.close()

    def section(self, number: int, report: Report) -> str:
        title = f'<h3><span class="nummer">{number}</span> {escape(report.path)}</h3>\n'
        back = '<p class="terug"><a href="#overzicht">Terug naar het overzicht</a></p>\n'
        if report.error is not None:
            body = f'<p class="onleesbaar">Kan niet worden gecontroleerd: {escape(report.error.message)}</p>\n'
            return f'<section class="brief" id="brief-{number}">\n{title}{body}{back}</section>\n'
        parts = [title, f'<p class="kern">{level_badge(level_of(report), self.run.target_level)} '
                        f'{escape(readability_line(report, self.run.target_level))}</p>\n',
                 checklist(report, self.rules), self.findings_table(report.findings)]
        if report.suppressed:
            parts.append(f"<details><summary>{len(report.suppressed)} onderdrukt met een lettercheck-opmerking"
                         f"</summary>\n{self.findings_table(report.suppressed)}</details>\n")
        return f'<section class="brief" id="brief-{number}">\n{"".join(parts)}{back}</section>\n'

    def findings_table(self, findings: list[Finding]) -> str:
        if not findings:
            return '<p class="schoon">Geen bevindingen.</p>\n'
        rows = "".join(self.finding_row(finding) for finding in findings[:MAX_FINDINGS_SHOWN])
        more = len(findings) - MAX_FINDINGS_SHOWN
        note = f'<p class="meer">En nog {more} bevindingen: zie findings.csv.</p>\n' if more > 0 else ""
        return ('<table class="sorteerbaar bevindingen">\n<thead><tr><th>ernst</th><th>regel</th><th>categorie</th>'
                '<th>plaats</th><th>tekst</th><th>melding en advies</th></tr></thead>\n'
                f"<tbody>\n{rows}</tbody></table>\n{note}")

    def finding_row(self, finding: Finding) -> str:
        quote = one_line(finding.text, MAX_QUOTE) if finding.scope == "span" else ""
        advice = alternative(finding)
        advice_html = f'<br><span class="advies">→ {escape(one_line(advice, MAX_QUOTE))}</span>' if advice else ""
        return (f'<tr><td data-sort="{severity_rank(finding.severity)}"><span class="ernst {finding.severity}">'
                f"{SEVERITY_LABELS[finding.severity]}</span></td><td><code>{escape(finding.rule)}</code></td>"
                f"<td>{escape(self.labels[finding.category])}</td><td>{escape(location_label(finding))}</td>"
                f"<td>{escape(quote)}</td><td>{escape(finding.message)}{advice_html}</td></tr>\n")


def head(aggregate: Aggregate, run: Run) -> str:
    letters = aggregate.totals.letters
    title = f"lettercheck-audit: {letters} {'brief' if letters == 1 else 'brieven'}"
    meta = " · ".join(filter(None, [f"lettercheck {run.version}", run.model and f"taalmodel {Path(run.model).name}",
                                    f"doelniveau {run.target_level}", datetime.now().strftime("%d-%m-%Y %H:%M")]))
    return ('<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{(ASSETS / 'report.css').read_text(encoding='utf-8')}</style>\n"
            f"</head>\n<body>\n<header><h1>{escape(title)}</h1><p>{escape(meta)}</p></header>\n<main>\n")


def overview(aggregate: Aggregate, run: Run, labels: dict[str, str]) -> str:
    return "".join(['<section id="overzicht">\n<h2>Overzicht</h2>\n', key_figures(aggregate, run.target_level),
                    '<div class="grafieken">\n', level_chart(aggregate, run.target_level),
                    category_chart(aggregate, labels), missing_chart(aggregate), "</div>\n",
                    most_work_table(aggregate), phrases_table(aggregate, labels)])


def key_figures(aggregate: Aggregate, target: str) -> str:
    levelled = sum(aggregate.levels[level] for level in CEFR)
    on_target = sum(aggregate.levels[level] for level in CEFR[: CEFR.index(target) + 1])
    totals = aggregate.totals
    figures = [(totals.letters, "brieven"), (_percent(on_target, levelled), f"op of onder {target}"),
               (totals.with_errors, "met fouten"), (sum(aggregate.severities.values()), "bevindingen"),
               (aggregate.suppressed, "onderdrukt"), (totals.unreadable, "niet te lezen")]
    cards = "".join(f'<div class="cijfer"><strong>{escape(str(value))}</strong> {escape(label)}</div>'
                    for value, label in figures)
    return f'<div class="cijfers">{cards}</div>\n'


def level_chart(aggregate: Aggregate, target: str) -> str:
    bars = [Bar(level, aggregate.levels[level], str(aggregate.levels[level]),
                "binnen" if CEFR.index(level) <= CEFR.index(target) else "boven") for level in CEFR]
    if aggregate.levels[NO_LEVEL]:
        bars.append(Bar("geen lopende tekst", aggregate.levels[NO_LEVEL], str(aggregate.levels[NO_LEVEL]), "leeg"))
    chart = bar_chart(bars, f"Taalniveau van de brieven, doel {target}", line_after=CEFR.index(target),
                      line_label=f"doel {target}")
    return _figure("Taalniveau van de brieven", chart, f"Groen: op of onder het doel ({target}); rood: erboven.")


def category_chart(aggregate: Aggregate, labels: dict[str, str]) -> str:
    bars = [Bar(label, aggregate.categories[category], str(aggregate.categories[category]), "categorie")
            for category, label in labels.items()]
    return _figure("Bevindingen per soort", bar_chart(bars, "Bevindingen per soort"), "Alle brieven samen.")


def missing_chart(aggregate: Aggregate) -> str:
    shares = aggregate.missing_shares()
    bars = [Bar(label, shares[rule] or 0.0, _share_text(shares[rule]), "ontbreekt")
            for rule, label in CHECKLIST.items()]
    chart = bar_chart(bars, "Aandeel brieven zonder", scale=1.0)
    return _figure("Brieven zonder …", chart, "Aandeel van de brieven die te lezen waren.")


def most_work_table(aggregate: Aggregate) -> str:
    worst = [w for w in aggregate.most_work() if w.errors or w.warnings]
    if not worst:
        return "<h3>Brieven die het meeste werk vragen</h3>\n<p>Geen brieven met fouten of waarschuwingen.</p>\n"
    rows = "".join(
        f'<tr><td><a href="#brief-{w.number}">{escape(w.path)}</a></td>{_level_cell(w.level_label)}'
        f"{_td(w.errors)}{_td(w.warnings)}{_td(w.infos)}</tr>\n" for w in worst)
    return ('<h3>Brieven die het meeste werk vragen</h3>\n<p class="uitleg">Eerst de meeste fouten, dan de meeste '
            'waarschuwingen, dan het hoogste niveau.</p>\n<table class="sorteerbaar">\n<thead><tr><th>brief</th>'
            f'{_th("niveau")}{_th("fouten")}{_th("waarschuwingen")}{_th("info")}</tr>'
            f"</thead>\n<tbody>\n{rows}</tbody></table>\n")


def phrases_table(aggregate: Aggregate, labels: dict[str, str]) -> str:
    heading = "<h3>Ambtelijke taal en dreiging die het vaakst voorkomen</h3>\n"
    phrases = aggregate.top_phrases()
    if not phrases:
        return heading + "<p>Geen ambtelijke of dreigende woorden gevonden.</p>\n"
    rows = "".join(f"<tr><td>{escape(p.text)}</td><td>{escape(labels[p.category])}</td>{_td(p.count)}"
                   f"{_td(p.letters)}<td>{escape(one_line(p.alternative, MAX_QUOTE))}</td></tr>\n" for p in phrases)
    return (heading + '<table class="sorteerbaar">\n<thead><tr><th>woorden in de brief</th><th>soort</th>'
            f'{_th("keer")}{_th("in brieven")}<th>gewoon alternatief</th></tr></thead>\n'
            f"<tbody>\n{rows}</tbody></table>\n")


def letter_row(number: int, report: Report, rules: Collection[str]) -> str:
    link = f'<td><a href="#brief-{number}">{escape(report.path)}</a></td>'
    if report.error is not None:
        return (f'<tr class="onleesbaar">{_td(number)}{link}<td class="getal" data-sort="-2">—</td>'
                f'<td colspan="6">niet te lezen: {escape(report.error.message)}</td></tr>\n')
    counts = report.summary()["by_severity"]
    found = {finding.rule for finding in report.findings}
    missing = ", ".join(label for rule, label in MISSING_SHORT.items() if rule in found and rule in rules)
    words = report.readability.words if report.readability else 0
    cells = "".join(_td(counts[severity]) for severity in reversed(SEVERITIES))
    return (f"<tr>{_td(number)}{link}{_level_cell(level_of(report))}{_td(words)}{cells}"
            f"{_td(len(report.suppressed))}<td>{escape(missing)}</td></tr>\n")


def checklist(report: Report, rules: Collection[str]) -> str:
    found = {finding.rule for finding in report.findings}
    items = "".join(f'<li class="{"nee" if rule in found else "ja"}">{"ontbreekt" if rule in found else "staat erin"}:'
                    f" {escape(label)}</li>" for rule, label in CHECKLIST.items() if rule in rules)
    return f'<ul class="checklist">{items}</ul>\n' if items else ""


def level_badge(level: str, target: str) -> str:
    above = level in CEFR and CEFR.index(level) > CEFR.index(target)
    return f'<span class="niveau {"boven" if above else "binnen"}">{escape(level)}</span>'


def _level_cell(level: str) -> str:
    return f'<td class="getal" data-sort="{CEFR.index(level) if level in CEFR else -1}">{escape(level)}</td>'


def _th(label: str) -> str:
    """The header of a column of numbers."""
    return f'<th class="getal">{escape(label)}</th>'


def _td(value: int) -> str:
    return f'<td class="getal">{value}</td>'


def _figure(caption: str, chart: str, note: str) -> str:
    return f'<figure><figcaption>{escape(caption)}</figcaption>{chart}<p class="uitleg">{escape(note)}</p></figure>\n'


def _percent(part: int, whole: int) -> str:
    return _percent_text(part / whole) if whole else "–"


def _percent_text(share: float) -> str:
    return f"{share * 100:.0f}%"


def _share_text(share: float | None) -> str:
    return "niet gecontroleerd" if share is None else _percent_text(share)


def _copy(source, out) -> None:
    source.seek(0)
    shutil.copyfileobj(source, out)
