"""report.html in a real browser (Debian's chromium through Playwright): it renders from disk without loading
anything, the sorting works, the overview links reach the letter sections. The screenshots' folder is printed
(pytest -s); copies go to /tmp/lettercheck-screenshots/."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright
from test_audit import audit  # noqa: F401  (the fixture)

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium "
                                "(tools/run-tests.sh installs it)")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
KEPT_SCREENSHOTS = Path("/tmp/lettercheck-screenshots")


@dataclass
class Browsed:
    page: Page
    folder: Path
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def shoot(self, name: str) -> None:
        path = self.folder / f"{name}.png"
        self.page.screenshot(path=path)
        shutil.copy(path, KEPT_SCREENSHOTS / path.name)
        print(f"screenshot: {path}")


@pytest.fixture(scope="module")
def browsed(audit, tmp_path_factory):  # noqa: F811
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"\naudit screenshots: {folder} (copies in {KEPT_SCREENSHOTS})")
    KEPT_SCREENSHOTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        browsed = Browsed(browser.new_page(viewport={"width": 1280, "height": 1600}), folder)
        browsed.page.on("request", lambda request: browsed.requests.append(request.url))
        browsed.page.on("pageerror", lambda error: browsed.errors.append(str(error)))
        browsed.page.goto((audit / "report.html").as_uri())
        yield browsed
        browser.close()


def test_the_page_renders_from_disk_alone(browsed):
    page = browsed.page
    browsed.shoot("audit")
    expect(page.get_by_role("heading", name="Overzicht")).to_be_visible()
    assert page.locator("svg.grafiek").count() == 3
    assert page.locator("section.brief").count() == page.locator("#alle-brieven + table tbody tr").count()
    assert all(url.startswith("file://") for url in browsed.requests), browsed.requests
    assert browsed.errors == []


def test_tables_sort_by_a_column(browsed):
    table = browsed.page.locator("#alle-brieven + table")
    header = table.locator("th", has_text="fouten")
    header.click()
    ascending = [int(text) for text in table.locator("tbody tr:not(.onleesbaar) td:nth-child(5)").all_inner_texts()]
    assert ascending == sorted(ascending)
    header.click()
    descending = [int(text) for text in table.locator("tbody tr:not(.onleesbaar) td:nth-child(5)").all_inner_texts()]
    assert descending == sorted(ascending, reverse=True) and header.get_attribute("aria-sort") == "descending"


def test_the_overview_links_to_each_letter(browsed):
    page = browsed.page
    link = page.locator("h3:has-text('meeste werk') + p + table a").first
    target = link.get_attribute("href")
    link.click()
    section = page.locator(target)
    expect(section).to_be_in_viewport()
    expect(section.locator("table.bevindingen")).to_be_visible()
    browsed.shoot("audit-brief")
