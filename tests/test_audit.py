"""lettercheck audit over a copy of the samples with an unreadable file, a template with suppressions and a
letter with markup in its text: every file is written, the tables agree, the page is self-contained."""

from __future__ import annotations

import csv
import json
import re
import shutil
from html.parser import HTMLParser

import pytest
from conftest import SAMPLES

from lettercheck.audit import FILES
from lettercheck.audit.aggregate import PHRASE_RULES, letter_columns
from lettercheck.catalogue import load_rules
from lettercheck.cli import main

BROKEN = "kapot.docx"
TEMPLATE = """Geachte heer Jansen,

# lettercheck: negeer jargon
Ingevolge artikel 4 vragen wij u het bedrag te voldoen.

Bel ons op 14 020 als u vragen heeft.
"""
MARKUP = ("Geachte mevrouw,\n\nIngevolge <script>alert('x')</script> artikel 4 van de wet vragen wij u om het bedrag "
          "van de aanslag die u van ons kreeg binnen veertien dagen aan ons over te maken op onze rekening.\n")
MARKUP_NAME = "opmaak <b>vet<b>.txt"


@pytest.fixture(scope="module")
def audit(tmp_path_factory):
    letters = tmp_path_factory.mktemp("brieven") / "samples"
    shutil.copytree(SAMPLES, letters)
    (letters / BROKEN).write_bytes(b"PK\x03\x04kapot")
    (letters / "sjabloon.txt").write_text(TEMPLATE, encoding="utf-8")
    (letters / MARKUP_NAME).write_text(MARKUP, encoding="utf-8")
    out = tmp_path_factory.mktemp("audit")
    assert main(["audit", str(letters), "--out", str(out), "-q"]) == 0
    return out


@pytest.fixture(scope="module")
def tables(audit):
    from openpyxl import load_workbook

    with (audit / "letters.csv").open(encoding="utf-8", newline="") as handle:
        letters = list(csv.DictReader(handle))
    with (audit / "findings.csv").open(encoding="utf-8", newline="") as handle:
        findings = list(csv.DictReader(handle))
    sheet = load_workbook(audit / "letters.xlsx", read_only=True)["brieven"]
    header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    workbook = [dict(zip(header, row, strict=True)) for row in rows]
    report = json.loads((audit / "report.json").read_text(encoding="utf-8"))
    return letters, findings, workbook, report


def test_every_file_is_written(audit):
    assert sorted(path.name for path in audit.iterdir()) == sorted(FILES)
    assert all((audit / name).stat().st_size > 0 for name in FILES)


def test_csv_xlsx_and_json_agree_on_the_counts(tables):
    letters, findings, workbook, report = tables
    documents = report["documents"]
    assert len(letters) == len(workbook) == len(documents) == report["audit"]["letters"]
    assert list(letters[0]) == list(workbook[0]) == letter_columns()
    for row, sheet_row, document in zip(letters, workbook, documents, strict=True):
        assert row["pad"] == sheet_row["pad"] == document["path"]
        if "error" in document:
            continue
        summary = document["summary"]
        for source in (row, sheet_row):
            assert int(source["bevindingen"]) == summary["total"] == len(document["findings"])
            assert int(source["onderdrukt"]) == summary["suppressed"] == len(document["suppressed"])
            assert int(source["ernst fout"]) == summary["by_severity"]["error"]
        shown = [f for f in findings if f["pad"] == document["path"]]
        assert sum(f["onderdrukt"] == "nee" for f in shown) == summary["total"]
        assert sum(f["onderdrukt"] == "ja" for f in shown) == summary["suppressed"]
    audit = report["audit"]
    assert sum(audit["by_severity"].values()) == sum(d["summary"]["total"] for d in documents if "summary" in d)
    assert audit["suppressed"] == sum(int(row["onderdrukt"] or 0) for row in letters) > 0


def test_an_unreadable_file_is_a_row_in_every_output(audit, tables):
    letters, findings, workbook, report = tables
    message = "Dit Word-bestand is beschadigd en kan niet worden gelezen."
    for rows in (letters, findings, workbook):
        broken = [row for row in rows if row["pad"].endswith(BROKEN)]
        assert len(broken) == 1 and broken[0]["foutmelding"] == message
    assert [d["error"]["message"] for d in report["documents"] if d["path"].endswith(BROKEN)] == [message]
    assert report["audit"]["unreadable"] == 1
    assert message in (audit / "report.html").read_text(encoding="utf-8")


def test_findings_csv_has_the_location(tables):
    _, findings, _, _ = tables
    in_text = [f for f in findings if f["pad"].endswith("aanmaning-slecht.txt") and f["bereik"] == "tekst"]
    assert in_text and all(f["deel"] == "text" and int(f["regelnummer"]) >= 1 and int(f["kolom"]) >= 1
                           and int(f["alinea"]) >= 1 for f in in_text)
    in_word = [f for f in findings if f["pad"].endswith("aanmaning-slecht.docx") and f["bereik"] == "tekst"]
    assert in_word and all(f["deel"] in ("body",) or f["deel"].startswith(("header:", "footer:")) for f in in_word)
    assert all(f["regelnummer"] == "" for f in in_word)


def test_checklist_and_phrases(tables):
    letters, _, _, report = tables
    bad = next(row for row in letters if row["pad"].endswith("aanmaning-slecht.txt"))
    assert bad["hoe de lezer contact opneemt"] == "nee" and bad["wat de lezer moet doen"] == "ja"
    phrases = report["audit"]["phrases"]
    assert phrases and phrases == sorted(phrases, key=lambda p: -p["count"])
    assert all(p["alternative"] for p in phrases)
    assert PHRASE_RULES <= set(load_rules())


class Links(HTMLParser):
    """Every src and href, and the tags that would load something."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[tuple[str, str]] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.targets += [(tag, value or "") for name, value in attrs if name in ("src", "href", "srcset", "data")]


def test_the_page_loads_nothing_from_elsewhere(audit):
    page = (audit / "report.html").read_text(encoding="utf-8")
    links = Links()
    links.feed(page)
    assert not links.tags & {"link", "img", "iframe", "object", "embed", "source", "audio", "video"}
    assert links.targets and all(value.startswith("#") for _, value in links.targets), links.targets[:5]
    assert not re.search(r"url\(|@import|@font-face|https?://|\bsrc=", page.split("<body>")[0])
    sections = set(re.findall(r'<section class="brief" id="(brief-\d+)"', page))
    assert {value[1:] for _, value in links.targets if value.startswith("#brief-")} <= sections


def test_letter_text_and_names_are_escaped(audit):
    page = (audit / "report.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page and "<script>alert" not in page
    assert "opmaak &lt;b&gt;vet&lt;b&gt;.txt" in page and "<b>" not in page
    assert page.count("<script>") == 1  # the page's own sorting script
