"""End-to-end: the built example site in headless Debian Chromium, driven by Playwright.

Chromium comes from Debian (`/usr/bin/chromium`, installed by scripts/setup.sh); Playwright
never downloads a browser here. axe-core comes from the npm registry (also set-up's job).
"""

from __future__ import annotations

import functools
import http.server
import itertools
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
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(browser, site_url, scheme):
    """Both colour schemes: the theme follows the reader's system setting (prefers-color-scheme)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    found = {}
    for path in PAGES:
        page.goto(f"{site_url}{path}")
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        found[path] = [
            f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
    context.close()
    assert found == dict.fromkeys(PAGES, [])


#: Home, a department, two guide pages (one with the timeline), downloads.
PAGES = ("/", "/departments/sales/", "/guide/sessions/", "/guide/evaluation/", "/downloads/")


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    yield page
    context.close()


def test_tables_scroll_inside_their_container_on_a_phone(phone, site_url):
    """A table wider than a phone scrolls in its own box; the page never scrolls sideways."""
    wider = {}
    for path in ("/departments/sales/", "/downloads/", "/guide/sessions/"):
        phone.goto(f"{site_url}{path}")
        assert phone.evaluate("document.documentElement.scrollWidth <= innerWidth"), path
        boxes = phone.evaluate(TABLE_BOXES)
        assert boxes, path
        for box in boxes:
            assert box is not None, f"{path}: a table outside a scroll container"
            assert box["right"] <= 390, path
            if box["scroll"] > box["client"]:
                assert box["overflow"] in ("auto", "scroll"), path
        wider[path] = sum(box["scroll"] > box["client"] for box in boxes)
    assert wider["/departments/sales/"] >= 1  # the schedule: six columns do not fit in 390 px


#: Each article table's scroll container (Material wraps tables in one), measured.
TABLE_BOXES = """() => [...document.querySelectorAll("article table")].map(table => {
    const box = table.closest(".md-typeset__scrollwrap");
    return box && {scroll: box.scrollWidth, client: box.clientWidth,
                   overflow: getComputedStyle(box).overflowX,
                   right: box.getBoundingClientRect().right};
})"""


def test_printables_buttons_keep_apart_on_a_phone(phone, site_url):
    phone.goto(f"{site_url}/departments/sales/")
    boxes = [button.bounding_box() for button in phone.locator("article .md-button").all()]
    assert len(boxes) >= 2
    for a, b in itertools.combinations(boxes, 2):
        apart_x = max(b["x"] - (a["x"] + a["width"]), a["x"] - (b["x"] + b["width"]))
        apart_y = max(b["y"] - (a["y"] + a["height"]), a["y"] - (b["y"] + b["height"]))
        assert max(apart_x, apart_y) >= 8, (a, b)


def test_timeline_is_legible_and_dated_on_a_phone(phone, site_url):
    """The picture's labels would shrink under 5 px at 390 px: its dated list stands in."""
    phone.goto(f"{site_url}/guide/evaluation/")
    figure = phone.locator("figure.timeline")
    assert not figure.locator("img").is_visible()
    items = figure.locator("figcaption li")
    assert items.count() == 6  # the example's sessions
    assert items.first.inner_text() == "Monday 11 January 2027: kick-off"
    sizes = figure.locator("figcaption li").evaluate_all(
        "items => items.map(li => parseFloat(getComputedStyle(li).fontSize))"
    )
    assert min(sizes) >= 11
    assert not any(text.endswith("…") for text in items.all_inner_texts())


def test_every_download_link_names_department_and_document(page, site_url):
    page.goto(f"{site_url}/downloads/")
    links = page.locator("article a[href$='.pdf'], article a[href$='.ics']")
    names = links.evaluate_all("all => all.map(a => a.textContent.replace(/\\s+/g, ' ').trim())")
    assert len(names) > 80
    departments = ("Sales", "Engineering", "Finance", "Customer Care")
    for name in names:  # the sign-up forms are the whole program's, named by their title
        assert name.startswith((*departments, "Sign-up: ")), name
        assert "PDF" in name or "iCalendar" in name, name
    assert "Sales: Goal worksheet: mentee, PDF" in names
    assert "Sales: calendar for mentors (iCalendar)" in names
    assert "Sign-up: mentor, PDF" in names
    # the words are the link's accessible name, as a screen reader announces it
    named = page.get_by_role("link", name="Sales: Goal worksheet: mentee, PDF", exact=True)
    assert named.get_attribute("href").endswith("/printables/sales/goals-mentee.pdf")
