"""End-to-end: the built example site in headless Debian Chromium, driven by Playwright.

Chromium comes from Debian (`/usr/bin/chromium`, installed by scripts/setup.sh); Playwright
never downloads a browser here. axe-core comes from the npm registry (also set-up's job).
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).parent.parent / "node_modules" / "axe-core" / "axe.min.js"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium not installed")


@pytest.fixture(scope="module")
def site_url(example_site: Path) -> Iterator[str]:
    """The example site served on a free loopback port."""
    site = example_site
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # noqa: D102 - keep test output clean
        pass


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def test_every_department_is_reachable_from_the_nav(page, site_url):
    page.goto(f"{site_url}/")
    page.get_by_role("link", name="Departments", exact=True).first.click()
    page.wait_for_url("**/departments/")
    for name in ("Sales", "Engineering", "Finance", "Customer Care"):
        page.locator("nav.md-nav--primary").get_by_role("link", name=name, exact=True).click()
        page.wait_for_load_state()
        heading = page.locator("article h1").evaluate("h => h.firstChild.textContent.trim()")
        assert heading == name
        assert "Schedule" in page.locator("article").inner_text()


def test_search_finds_a_focus_area(page, site_url):
    from playwright.sync_api import expect

    with page.expect_response("**/search/search_index.json"):
        page.goto(f"{site_url}/")
    page.wait_for_timeout(500)  # the search worker indexes after the download
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("sustainability", delay=30)
    expect(page.locator(".md-search-result__meta")).to_contain_text(
        "matching document", timeout=15_000
    )
    texts = page.locator(".md-search-result").inner_text()
    assert "Sustainability in the supply chain" in texts
    assert "Sales" in texts


def test_print_media_hides_the_navigation(page, site_url):
    page.goto(f"{site_url}/departments/sales/")
    assert page.locator(".md-header").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert page.locator("article h1").is_visible()


@pytest.mark.skipif(not AXE.exists(), reason="axe-core not installed (scripts/setup.sh)")
@pytest.mark.parametrize("path", ["/", "/departments/sales/", "/guide/sessions/"])
def test_no_serious_accessibility_violations(page, site_url, path):
    page.goto(f"{site_url}{path}")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
