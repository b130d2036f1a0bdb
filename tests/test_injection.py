"""Hostile text in the config appears literally in the site, never as markup or template code."""

from __future__ import annotations

from pathlib import Path

from generator.commands.build import build
from tests.conftest import MINIMAL
from tests.helpers import visible_text

HOSTILE_NAME = "<script>alert('x')</script> [click](javascript:alert(1)) {{ 7 * 7 }} {% raw %}"
HOSTILE_INTRO = "**bold?** <img src=x onerror=alert(1)> | table | ![i](x.png) {% if 1 %}"


def hostile_config() -> str:
    text = MINIMAL.replace("  - name: Research\n", f'  - name: "{HOSTILE_NAME}"\n')
    text = text.replace("  - name: Sales\n", '  - name: "../../etc/passwd"\n')
    text = text.replace("    sessions: 3\n", f'    sessions: 3\n    intro: "{HOSTILE_INTRO}"\n')
    return text.replace("name: Acme Analytics", 'name: "Acme <b>&</b> {{ org }}"')


def test_hostile_strings_show_literally_and_slugs_stay_inside(write_config, tmp_path: Path):
    site = build(write_config(hostile_config()))
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    assert "departments/etc-passwd/index.html" in pages
    assert all(not p.startswith("..") for p in pages)
    assert not (tmp_path / "etc").exists()

    hostile_page = next(p for p in pages if p.startswith("departments/script-alert"))
    text = visible_text(site / hostile_page)
    assert HOSTILE_NAME in text
    html = (site / hostile_page).read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert 'href="javascript:' not in html

    intro = visible_text(site / "departments/etc-passwd/index.html")
    assert HOSTILE_INTRO in intro
    sales_html = (site / "departments/etc-passwd/index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in sales_html
    assert "<strong>bold" not in sales_html

    home = visible_text(site / "index.html")
    assert "Acme <b>&</b> {{ org }}" in home
    assert "49" not in home


def test_every_built_file_is_free_of_raw_script_injection(write_config):
    site = build(write_config(hostile_config()))
    for page in site.rglob("*.html"):
        assert "alert('x')</script>" not in page.read_text(encoding="utf-8"), page


def test_hostile_strings_stay_text_in_print_html_and_pdf(write_config, tmp_path: Path):
    from pypdf import PdfReader

    from generator.commands.build import render_tree
    from generator.config.load import load
    from generator.pairing.packets import quiet_pypdf
    from generator.publish.files import write_tree
    from generator.publish.pdf import render_pdf

    tree = render_tree(load(write_config(hostile_config())))
    slug = next(k.split("/")[2] for k in tree if k.startswith("docs/printables/script-alert"))
    html = tree[f"docs/printables/{slug}/goals-mentee.html"]
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    write_tree(tree, tmp_path / "src")
    pdf = render_pdf(tmp_path / "src" / "docs" / "printables" / slug / "goals-mentee.html")
    with quiet_pypdf():
        text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    # The department name is printed as text (some headings upper-case it).
    assert "<script>alert('x')</script>" in " ".join(text.split()).casefold()
