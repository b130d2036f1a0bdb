"""The offline site (``site.offline: true``) opened from disk in headless Debian Chromium, with
every request that is not for a file refused: menus lead to pages and search finds a word.

Chromium comes from Debian (`/usr/bin/chromium`); Playwright never downloads a browser here.
The iframe-worker polyfill comes from the npm registry (scripts/setup.sh installs it).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.commands.build import build
from generator.publish.offline import PROJECT, SHIM
from tests.commands.test_build_engines import example

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium not installed"),
    pytest.mark.skipif(
        not (PROJECT / SHIM).exists(), reason="iframe-worker not installed (scripts/setup.sh)"
    ),
]


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def offline_site(request, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example built offline (pages only) by each engine."""
    folder = tmp_path_factory.mktemp(f"offline-{request.param}")
    config = example(folder, engine=request.param, offline="true")
    return build(config, site_only=True)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def offline_page(browser):
    """A page whose every request but ``file://`` is aborted; ``page.refused`` lists them."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    refused: list[str] = []

    def only_files(route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context.route("**/*", only_files)
    page = context.new_page()
    page.refused = refused  # type: ignore[attr-defined]
    yield page
    context.close()


def test_menus_lead_to_pages_from_disk_with_no_request_leaving(offline_page, offline_site):
    page = offline_page
    page.goto((offline_site / "index.html").as_uri())
    page.locator(".md-tabs").get_by_role("link", name="Departments", exact=True).click()
    page.wait_for_url("**/departments/index.html")
    page.locator("nav.md-nav--primary").get_by_role("link", name="Sales", exact=True).click()
    page.wait_for_url("**/departments/sales.html")
    assert "Schedule" in page.locator("article").inner_text()
    page.locator(".md-tabs").get_by_role("link", name="Guide", exact=True).click()
    page.wait_for_url("**/guide/index.html")
    primary = page.locator("nav.md-nav--primary")
    primary.get_by_role("link", name="Ground rules", exact=True).click()
    page.wait_for_url("**/guide/ground-rules.html")
    assert page.locator("article h1").inner_text().startswith("Ground rules")
    assert page.refused == []  # type: ignore[attr-defined]


def test_search_finds_agreement_from_disk(offline_page, offline_site):
    from playwright.sync_api import expect

    page = offline_page
    page.goto((offline_site / "guide" / "index.html").as_uri())
    page.wait_for_timeout(500)  # the search worker indexes once the page has loaded
    if page.locator("input.md-search__input").count():  # Material's search box
        page.locator("input.md-search__input").click()
        page.keyboard.type("agreement", delay=30)
        results = page.locator(".md-search-result")
        expect(results.locator(".md-search-result__meta")).to_contain_text(
            "matching document", timeout=15_000
        )
    else:  # Zensical's: a button opens a dialog, drawn in a shadow root Playwright reads
        page.locator(".md-search__button").first.click()
        page.keyboard.type("agreement", delay=30)
        results = page.get_by_text(re.compile(r"^\d+ results?$"))
        expect(results).to_be_visible(timeout=15_000)
    texts = page.get_by_text("The mentoring agreement").first
    expect(texts).to_be_visible()
    assert page.refused == []  # type: ignore[attr-defined]
