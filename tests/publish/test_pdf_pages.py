"""Page budgets, read from the PDFs as a person would: pages per document, how full each page is,
what sits on the page with the signatures, and how big the boxes to tick are.

The example is built on A4 (the shared ``example_site``) and again on Letter; a stress config adds
the longest department name and extra questions the config allows, 240- and 15-minute sessions,
and group departments, on both papers.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader

from generator.commands.build import build

MM = 72 / 25.4
#: @page margins in print.css: what lies outside them is the running head and foot.
TOP, BOTTOM = 20 * MM, 22 * MM
#: A page whose content stops within this share of the page holds a line or two: nearly empty.
NEARLY_EMPTY = 0.15

LONG_NAME = (
    "Regional Customer Operations, Logistics Planning and Distribution Centre Partnerships for "
    "Northern and Central Europe, the Baltic States and the Nordic Countries, and the Partners "
)
QUESTION = (
    "Thinking back over every session, which single conversation, question or piece of advice "
    "from the other person changed how you plan, prioritise or communicate the work of your team, "
    "and what, concretely, did you do differently in the weeks that followed because of it? "
    "Describe the situation, who was involved, what you tried, how the people around you "
    "responded, and what you would keep, change or stop if you started the program again "
    "tomorrow with a new partner, so that the next round can learn from it as well, please"
)


def department(n: int, minutes: int, paper: str, form: str) -> str:
    name = (LONG_NAME * 2)[: 200 - len(f" ({n})")] + f" ({n})" if minutes > 60 else f"Quick {n}"
    extras = "".join(f"      - {QUESTION[:497]} {i}.\n" for i in range(3))
    return (
        f'  - name: "{name}"\n    slug: stress-{n}\n    session_minutes: {minutes}\n'
        f"    paper_size: {paper}\n    format: {form}\n    sessions: 4\n"
        f"    extra_questions:\n{extras}"
    )


STRESS = (
    "organisation:\n  name: Northwind Traders\n  program: Mentor-Up\n"
    "  sponsor: {name: Dana Whitfield, title: COO}\n"
    "  lead: {name: Sam Okafor, email: mentoring@northwind.example}\n"
    "program:\n  start: 2027-03-01\n  sessions: 4\n  cadence: weekly\n"
    "  focus_areas: [technology, social-media, cultural-competence]\n"
    "departments:\n"
    + department(1, 240, "Letter", "one-to-one")
    + department(2, 240, "A4", "group")
    + department(3, 15, "Letter", "group")
    + department(4, 15, "A4", "one-to-one")
    + "site:\n  settings: no-such-mkdocs.yml\n  output: ../site\n"
)


@pytest.fixture(scope="module")
def letter_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example, copied, with ``paper_size: Letter`` in its program section."""
    root = tmp_path_factory.mktemp("letter")
    shutil.copytree("playbook", root / "playbook")
    config = root / "playbook" / "organisation.yaml"
    text = config.read_text(encoding="utf-8")
    assert "\n  paper_size: A4\n" in text
    config.write_text(text.replace("\n  paper_size: A4\n", "\n  paper_size: Letter\n"), "utf-8")
    return build(config, root / "site", site_only=False)


@pytest.fixture(scope="module")
def stress_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("stress")
    config = root / "playbook" / "organisation.yaml"
    config.parent.mkdir()
    config.write_text(STRESS, encoding="utf-8")
    return build(config, site_only=False)


@pytest.fixture(params=["a4", "letter", "stress"])
def site(request: pytest.FixtureRequest) -> Path:
    name = {"a4": "example_site", "letter": "letter_site", "stress": "stress_site"}
    return Path(request.getfixturevalue(name[request.param]))


def documents(site: Path) -> list[Path]:
    """Every printable's PDF but the booklets (bound from the others)."""
    files = sorted((site / "printables").glob("*/*.pdf"))
    assert len(files) > 20
    return [path for path in files if path.name != "booklet.pdf"]


def widgets(page: PageObject) -> Iterator[tuple[str, list[float]]]:
    """Each form field on the page: its name (a radio button's group) and its /Rect."""
    for ref in page.get("/Annots", []):
        widget = ref.get_object()
        if widget.get("/Subtype") == "/Widget":
            name = widget.get("/T") or widget["/Parent"].get_object()["/T"]
            yield str(name), [float(x) for x in widget["/Rect"]]


def fill(page: PageObject) -> float:
    """How far down the content area the page's text and fields reach, 0 to 1."""
    top, bottom = float(page.mediabox.height) - TOP, BOTTOM
    lows: list[float] = [min(rect[1], rect[3]) for _name, rect in widgets(page)]

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            lows.append(tm[5] * cm[3] + cm[5])

    page.extract_text(visitor_text=visit)
    body = [y for y in lows if bottom < y < top]
    return (top - min(body)) / (top - bottom) if body else 0.0


def test_agendas_take_one_page_and_other_documents_two(site: Path) -> None:
    over = {}
    for path in documents(site):
        pages = len(PdfReader(path).pages)
        budget = 1 if path.stem.startswith(("agenda-", "cohort-")) else 2
        if pages > budget:
            over[f"{path.parent.name}/{path.name}"] = pages
    assert over == {}


def test_no_page_holds_only_a_line_or_two(site: Path) -> None:
    thin = {}
    for path in documents(site):
        for number, page in enumerate(PdfReader(path).pages[1:], start=2):
            if (share := fill(page)) < NEARLY_EMPTY:
                thin[f"{path.parent.name}/{path.name} p{number}"] = round(share, 2)
    assert thin == {}


def last_commitment(agreement_pdf: Path) -> str:
    """The title of the agreement's last commitment, from the print HTML beside the PDF."""
    html = agreement_pdf.with_suffix(".html").read_text(encoding="utf-8")
    rules = html.split('<ol class="rules">', 1)[1].split("</ol>", 1)[0]
    return re.findall(r"<h3>(.*?)</h3>", rules)[-1]


def test_signatures_share_a_page_with_the_commitments_they_sign(site: Path) -> None:
    for path in sorted((site / "printables").glob("*/agreement.pdf")):
        pages = PdfReader(path).pages
        signing = [
            page
            for page in pages
            if any(re.search(r"-(mentee_signature|member_\d+)$", n) for n, _ in widgets(page))
        ]
        assert len(signing) == 1, path
        assert last_commitment(path) in signing[0].extract_text(), path


def headings(pdf: Path) -> set[str]:
    """The section headings of a printable, from the print HTML beside its PDF, spaces removed."""
    html = pdf.with_suffix(".html").read_text(encoding="utf-8")
    return {re.sub(r"<[^>]+>|\s", "", h2) for h2 in re.findall(r"<h2>(.*?)</h2>", html)}


def test_no_section_heading_ends_a_page(site: Path) -> None:
    """A section moves whole (or at least with its first lines) to the next page."""
    for path in documents(site):
        titles = headings(path)
        for number, page in enumerate(PdfReader(path).pages, start=1):
            lines = [re.sub(r"\s", "", line) for line in page.extract_text().splitlines()]
            body = [line for line in lines if line][:-2]  # the running head and foot come last
            assert not body or body[-1] not in titles, (path, number, body[-1])


@pytest.mark.parametrize("fixture", ["example_site", "letter_site"])
def test_tick_boxes_and_radio_buttons_are_at_least_10_pt(
    request: pytest.FixtureRequest, fixture: str
) -> None:
    site = Path(request.getfixturevalue(fixture))
    sizes = set()
    for path in documents(site):
        for page in PdfReader(path).pages:
            for ref in page.get("/Annots", []):
                widget = ref.get_object()
                if widget.get("/FT") == "/Btn":
                    x1, y1, x2, y2 = (float(x) for x in widget["/Rect"])
                    sizes.add((round(abs(x2 - x1), 1), round(abs(y2 - y1), 1)))
    assert sizes
    assert min(min(size) for size in sizes) >= 10, sizes


def scale_label_sizes(page: PageObject, labels: set[str]) -> set[float]:
    sizes: set[float] = set()

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip() in labels:
            sizes.add(round(size * abs(tm[3]) * abs(cm[3]), 1))

    page.extract_text(visitor_text=visit)
    return sizes


def test_scale_labels_are_at_least_8_pt(example_site: Path) -> None:
    path = example_site / "printables" / "sales" / "end-mentee.pdf"
    sizes = scale_label_sizes(PdfReader(path).pages[0], {"1", "5", "Not at all", "Poorly"})
    assert sizes
    assert min(sizes) >= 8, sizes


def contrast(colour: str) -> float:
    """WCAG 2 contrast ratio of a #rrggbb colour against white."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def test_scale_labels_pass_wcag_aa_contrast(example_site: Path) -> None:
    html = (example_site / "printables" / "sales" / "end-mentee.html").read_text(encoding="utf-8")
    for rule in (r"\.scale \.end \{([^}]*)\}", r"\.scale label \{([^}]*)\}"):
        body = re.search(rule, html)
        assert body, rule
        size = re.search(r"font-size: ([\d.]+)pt", body[1])
        colour = re.search(r"color: (#[0-9a-f]{6})", body[1])
        assert size, body[1]
        assert float(size[1]) >= 8, body[1]
        assert colour, body[1]
        assert contrast(colour[1]) >= 4.5, body[1]
