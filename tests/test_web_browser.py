"""The page in a real browser: Debian's chromium, driven by Playwright, against `lettercheck serve` on 127.0.0.1.

Screenshots of the checked letter go to a folder the tests print (run pytest with -s to see it) and to
/tmp/lettercheck-screenshots/.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import time
from pathlib import Path

import docx
import pytest
from conftest import SAMPLES
from playwright.sync_api import expect, sync_playwright
from test_web_api import LETTER, served_app

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium "
                                "(tools/run-tests.sh installs it)")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SLECHT = SAMPLES / "aanmaning-slecht.docx"
KEPT_SCREENSHOTS = Path("/tmp/lettercheck-screenshots")


@pytest.fixture(scope="module")
def server():
    with served_app(workers=1) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory):
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"\nscreenshots: {folder} (copies in {KEPT_SCREENSHOTS})")
    KEPT_SCREENSHOTS.mkdir(exist_ok=True)

    def take(page, name: str, **options) -> None:
        path = folder / f"{name}.png"
        page.screenshot(path=path, **options)
        shutil.copy(path, KEPT_SCREENSHOTS / path.name)

    return take


@pytest.fixture()
def page(browser, server):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True, base_url=server)
    page = context.new_page()
    problems: list[str] = []
    expected = re.compile(r"Failed to load resource: the server responded with a status of 4\d\d")  # refusals
    page.on("console", lambda message: message.type == "error" and not expected.match(message.text)
            and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto("/")
    yield page
    context.close()
    assert not problems, problems  # script errors and Content-Security-Policy violations both land here


def upload(page, path: Path = SLECHT) -> None:
    page.set_input_files("#file", str(path))
    page.wait_for_selector("#workspace:not([hidden]) .mark--start")


def status(page) -> str:
    return page.locator("#status").text_content()


def count(page, category: str) -> int:
    return int(page.locator(f'[data-count-category="{category}"]').text_content())


def letter_text(page) -> str:
    """The letter as drawn, without the category letters and part labels beside it."""
    return page.evaluate("""() => [...document.querySelectorAll('#letter .letter__block')].map((block) => {
        const copy = block.cloneNode(true);
        copy.querySelectorAll('.badge, .letter__part').forEach((label) => label.remove());
        return copy.textContent;
    }).join('\\n')""")


def mark(page, text: str):
    return page.locator(".mark--start", has_text=text).first


def accept(page, description: str) -> None:
    page.locator("#detail .fix", has_text=description).get_by_role("button", name="Overnemen").click()
    expect(page.locator("#status")).to_have_text(re.compile("^Herschrijving overgenomen"))


def api_check(page, path: Path = SLECHT) -> dict:
    response = page.request.post("/api/check", multipart={
        "file": {"name": path.name, "mimeType": "application/octet-stream", "buffer": path.read_bytes()}})
    return response.json()


def test_upload_shows_the_letter_with_its_findings_and_the_gauge(page, screenshots):
    screenshots(page, "intake")
    expected = api_check(page)["documents"][0]
    with page.expect_response("**/api/check") as answer:
        page.set_input_files("#file", str(SLECHT))
    answered = time.monotonic()
    assert answer.value.ok
    page.wait_for_selector("#workspace:not([hidden]) .mark--start")
    assert time.monotonic() - answered < 1.0, "the checked letter is drawn within a second of the answer"

    assert "Ingevolge artikel 11" in letter_text(page)
    span_findings = [f for f in expected["findings"] if f["scope"] == "span"]
    assert page.locator(".mark--start").count() == len({f["start"] for f in span_findings}), "a stop per start"
    assert page.locator(".mark.cat-threat").count() > 0 and page.locator(".mark.cat-jargon .badge").count() > 0
    assert page.locator(".gauge__step.is-level").get_attribute("data-level") == expected["readability"]["level"]
    assert page.locator(".gauge__step.is-target").get_attribute("data-level") == "B1"
    assert "Geschat taalniveau: C1" in page.locator("#level-text").text_content()
    for category, number in expected["summary"]["by_category"].items():
        assert count(page, category) == number
    fired = {f["rule"] for f in expected["findings"]}
    for item in page.locator("#checklist li").all():
        state = item.locator(".checklist__state").text_content()
        assert state == ("ontbreekt" if item.get_attribute("data-rule") in fired else "in orde")
    assert page.locator("#letter-wide-list li").count() == len(expected["findings"]) - len(span_findings)
    assert page.locator("#figures").inner_text().startswith("Woorden\n232")
    aside = page.locator(".letter__block--aside")
    assert aside.filter(has_text="Meidoornstraat 27").count() == 1, "the address block is drawn quieter"
    assert page.locator(".letter__block--aside", has_text="Ingevolge").count() == 0
    screenshots(page, "checked")
    screenshots(page, "checked-full", full_page=True)

    mark(page, "Ingevolge").click()
    assert page.locator("#detail").is_visible()
    assert "Vervang 'Ingevolge' door 'Volgens'." in page.locator("#detail").inner_text()
    screenshots(page, "finding-open")


def test_accepting_a_rewrite_changes_the_text_and_the_counts_and_undo_brings_it_back(page):
    upload(page)
    jargon, before = count(page, "jargon"), letter_text(page)
    mark(page, "Ingevolge").click()
    accept(page, "Vervang 'Ingevolge' door 'Volgens'.")
    assert "Volgens artikel 11" in letter_text(page) and "Ingevolge" not in letter_text(page)
    assert count(page, "jargon") == jargon - 1
    mark(page, "aangezien").click()
    accept(page, "Vervang 'aangezien' door 'omdat'.")
    assert "omdat de betaling" in letter_text(page)
    assert count(page, "jargon") == jargon - 2

    page.get_by_role("button", name="Ongedaan maken").click()
    assert "aangezien de betaling" in letter_text(page) and count(page, "jargon") == jargon - 1
    page.get_by_role("button", name="Ongedaan maken").click()
    assert letter_text(page) == before and count(page, "jargon") == jargon
    assert page.get_by_role("button", name="Ongedaan maken").is_disabled()


def download(page, label: str):
    with page.expect_download() as started:
        page.get_by_role("button", name=label).click()
    return started.value


def test_downloads_carry_the_accepted_rewrites(page):
    upload(page)
    mark(page, "Ingevolge").click()
    accept(page, "Vervang 'Ingevolge' door 'Volgens'.")
    shown = sum(int(cell.text_content()) for cell in page.locator("[data-count-severity]").all())

    commented = download(page, "Met opmerkingen (.docx)")
    assert commented.suggested_filename == "aanmaning-slecht-opmerkingen.docx"
    document = docx.Document(commented.path())
    assert len(document.comments) == shown + 1, "a comment per finding and one summary"
    assert all(comment.author == "lettercheck" for comment in document.comments)
    summary = min(document.comments, key=lambda comment: comment.comment_id)
    assert summary.text.startswith("Niveau C1, doel B1")
    assert "Volgens artikel 11" in "\n".join(p.text for p in document.paragraphs)

    draft = download(page, "Herschreven brief (.docx)")
    assert draft.suggested_filename == "aanmaning-slecht-herschreven.docx"
    assert "Volgens artikel 11" in "\n".join(p.text for p in docx.Document(draft.path()).paragraphs)

    report = json.loads(Path(download(page, "Rapport (.json)").path()).read_text())
    assert set(report) == {"lettercheck", "model", "documents"}
    assert len(report["documents"][0]["findings"]) == shown


def test_pasted_text_is_checked_and_stays_text(page):
    page.fill("#paste-text", LETTER + "\n\n<img src=x onerror=alert(1)> & <b>vet</b>")
    page.get_by_role("button", name="Controleer de tekst").click()
    page.wait_for_selector("#workspace:not([hidden]) .mark--start")
    assert page.locator("#letter-name").text_content() == "geplakte-tekst.txt"
    assert page.locator("#draft-download").text_content() == "Herschreven brief (.txt)"
    assert "<img src=x onerror=alert(1)> & <b>vet</b>" in letter_text(page)
    assert page.locator("#letter img, #letter b").count() == 0, "letter text is text, never HTML"
    mark(page, "Indien").click()
    accept(page, "Vervang 'Indien' door 'Als'.")
    draft = download(page, "Herschreven brief (.txt)")
    assert Path(draft.path()).read_text(encoding="utf-8").startswith("Geachte heer Jansen,\n\nAls u niet tijdig")


def test_all_safe_rewrites_at_once_and_undo(page):
    upload(page, SAMPLES / "aanmaning-slecht.txt")
    before, jargon = letter_text(page), count(page, "jargon")
    page.get_by_role("button", name="Veilige herschrijvingen overnemen").click()
    expect(page.locator("#status")).to_contain_text("herschrijvingen overgenomen")
    after = letter_text(page)
    assert "Ingevolge" not in after and "aangezien" not in after and "Volgens artikel" in after
    assert count(page, "jargon") < jargon
    draft = download(page, "Herschreven brief (.txt)")
    assert "Volgens artikel" in Path(draft.path()).read_text(encoding="utf-8")
    page.get_by_role("button", name="Ongedaan maken").click()
    assert letter_text(page) == before


def test_empty_paste_and_a_corrupt_file_get_a_dutch_message(page):
    page.get_by_role("button", name="Controleer de tekst").click()
    assert page.locator("#error").text_content() == "Plak eerst de tekst van een brief in het tekstvak."
    page.set_input_files("#file", files=[{"name": "kapot.docx", "mimeType": "application/octet-stream",
                                          "buffer": b"PK\x03\x04 dit is geen Word-bestand"}])
    expect(page.locator("#error")).to_contain_text("beschadigd")
    assert page.locator("#error").get_attribute("role") == "alert"
    assert page.locator("#workspace").is_hidden()
    page.set_input_files("#file", files=[{"name": "groot.docx", "mimeType": "application/octet-stream",
                                          "buffer": b"0" * (10 * 1048576 + 1)}])
    expect(page.locator("#error")).to_have_text("Het bestand is te groot. De grens is 10 MB.")


def test_a_dropped_file_is_checked(page):
    payload = list(SLECHT.read_bytes())
    transfer = page.evaluate_handle("""([bytes, name]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes)], name));
        return transfer;
    }""", [payload, SLECHT.name])
    page.dispatch_event("#upload-form", "drop", {"dataTransfer": transfer})
    page.wait_for_selector("#workspace:not([hidden]) .mark--start")
    assert page.locator("#letter-name").text_content() == SLECHT.name


def test_filters_hide_categories_and_severities(page):
    upload(page)
    assert page.locator(".mark.cat-jargon").count() > 0
    page.get_by_role("checkbox", name="ambtelijke taal").uncheck()
    assert page.locator(".mark.cat-jargon").count() == 0 and page.locator(".mark.cat-threat").count() > 0
    page.get_by_role("checkbox", name="fout").uncheck()
    assert page.locator(".mark.cat-threat").count() < page.locator(".mark").count()
    page.get_by_role("checkbox", name="waarschuwing").uncheck()
    page.get_by_role("checkbox", name="info").uncheck()
    assert page.locator(".mark").count() == 0 and "Ingevolge artikel 11" in letter_text(page)
    assert count(page, "jargon") > 0, "the counts stay those of the whole letter"


def tab_to(page, predicate: str, limit: int = 80) -> None:
    """Press Tab until ``predicate`` (JavaScript, about document.activeElement) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(element => {predicate})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached an element where {predicate}")


def test_the_page_works_with_the_keyboard_alone(page, screenshots):
    tab_to(page, "element.id === 'paste-text'")
    page.keyboard.insert_text(LETTER)
    tab_to(page, "element.textContent.trim() === 'Controleer de tekst'")
    page.keyboard.press("Enter")
    page.wait_for_selector("#workspace:not([hidden]) .mark--start")

    tab_to(page, "element.classList.contains('mark--start') && element.textContent.includes('Indien')")
    focused = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focused != "none", "focus is visible"
    screenshots(page, "keyboard-focus")
    page.keyboard.press("Enter")
    assert page.locator("#detail").is_visible()
    assert page.evaluate("document.activeElement.id") == "detail-title"
    tab_to(page, "element.textContent === 'Overnemen' && "
                 "element.closest('.fix').textContent.includes(\"door 'Als'\")", limit=20)
    page.keyboard.press("Enter")
    expect(page.locator("#status")).to_have_text(re.compile("^Herschrijving overgenomen"))
    assert "Als u niet tijdig" in letter_text(page)
    assert page.evaluate("document.activeElement.classList.contains('mark--start')"), "focus goes on to a finding"

    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    assert page.locator("#detail").is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('mark--start')"), "Escape returns focus"


def test_composed_edits_match_edits_applied_one_after_another(page):
    """The browser keeps accepted rewrites as edits of the original text; check that against plain application."""
    generator = random.Random(9)
    cases = []
    for _ in range(200):
        original = "".join(generator.choice("abcde ") for _ in range(40))
        text, steps = original, []
        for _ in range(generator.randint(1, 5)):
            fix = []
            for _ in range(generator.randint(1, 2)):
                start = generator.randint(0, len(text))
                end = min(len(text), start + generator.randint(0, 6))
                if all(end < e["start"] or start > e["end"] for e in fix):
                    fix.append({"start": start, "end": end, "replacement": "X" * generator.randint(0, 4)})
            steps.append(fix)
            for edit in sorted(fix, key=lambda e: e["start"], reverse=True):
                text = text[: edit["start"]] + edit["replacement"] + text[edit["end"]:]
        cases.append({"original": original, "steps": steps, "expected": text})
    results = page.evaluate("""async (cases) => {
        const { applyEdits, compose } = await import('/static/edits.js');
        return cases.map(({ original, steps }) => {
            let accepted = [];
            for (const fix of steps) accepted = compose(accepted, fix, applyEdits(original, accepted));
            const bounds = [0, ...accepted.flatMap((e) => [e.start, e.end]), original.length];
            const ordered = bounds.every((value, i) => i === 0 || bounds[i - 1] <= value);
            return { text: applyEdits(original, accepted), ordered };
        });
    }""", cases)
    for case, result in zip(cases, results, strict=True):
        assert result == {"text": case["expected"], "ordered": True}, case

