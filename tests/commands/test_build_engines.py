"""The example with both site engines, and our own link check under each."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from generator.commands.build import build
from generator.errors import BuildError
from tests.conftest import MINIMAL
from tests.helpers import CHECKOUT, snapshot, visible_text

#: Pages compared between engines: home, a department, two guide pages.
COMPARED = (
    "index.html",
    "departments/sales/index.html",
    "guide/roles/index.html",
    "guide/sessions/index.html",
)


def example(folder: Path, **site: str) -> Path:
    """A copy of the example program in ``folder`` with ``site`` keys added."""
    shutil.copytree(CHECKOUT / "playbook", folder / "playbook")
    config = folder / "playbook" / "organisation.yaml"
    extra = "".join(f"  {key}: {value}\n" for key, value in site.items())
    text = config.read_text(encoding="utf-8")
    line = "  private_output: ../private\n"
    config.write_text(text.replace(line, line + extra), encoding="utf-8")
    return config


@pytest.fixture(scope="module")
def both_engines(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example built (pages only) by MkDocs and by Zensical."""
    sites = {}
    for engine in ("mkdocs", "zensical"):
        config = example(tmp_path_factory.mktemp(engine), engine=engine)
        sites[engine] = build(config, site_only=True)
    return sites


@pytest.mark.parametrize("page", COMPARED)
def test_both_engines_give_the_pages_the_same_text(both_engines, page):
    # visible_text collapses whitespace; nothing else differs (heading anchors "¶" included),
    # since both engines render the same Markdown with the same extensions.
    mkdocs, zensical = (visible_text(site / page) for site in both_engines.values())
    assert len(mkdocs) > 200
    assert mkdocs == zensical


def test_zensical_keeps_the_brand_header_and_writes_every_page(both_engines):
    site = both_engines["zensical"]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Mentor-Up · Northwind Traders" in home
    assert "stylesheets/brand.css" in home
    assert "assets/stylesheets/classic/" in home  # Material's look, not Zensical's modern one
    assert pages(site) == pages(both_engines["mkdocs"])


def pages(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("index.html")}


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
@pytest.mark.parametrize(
    ("override", "named"),
    [
        ('<a href="print/sales/agenda-s99.pdf">Agenda</a>\n', "link 'print/sales/agenda-s99.pdf'"),
        ("[Agenda](print/sales/agenda-s99.pdf)\n", "print/sales/agenda-s99.pdf"),
    ],
    ids=["html-link", "markdown-link"],
)
def test_a_broken_link_fails_the_build_and_keeps_the_previous_site(
    write_config, tmp_path: Path, engine, override, named
):
    config = write_config(f"{MINIMAL}  engine: {engine}\n")
    site = build(config, site_only=True)
    before = snapshot(site)
    (tmp_path / "templates" / "site").mkdir(parents=True)
    (tmp_path / "templates" / "site" / "index.md").write_text(f"# Home\n\n{override}")
    with pytest.raises(BuildError) as caught:
        build(config, site_only=True)
    message = caught.value.message
    assert named in message
    assert re.search(r"index\.(md|html)", message), message
    assert snapshot(site) == before
    assert not (tmp_path / ".playbook-build.tmp").exists()


def test_build_zip_gives_the_same_bytes_twice_and_opens(runner, write_config, tmp_path: Path):
    from generator.cli import main

    config = write_config(f"{MINIMAL}  offline: true\n")
    zipped = []
    for _ in range(2):
        result = runner.invoke(main, ["build", "--site-only", "--zip", str(config)])
        assert result.exit_code == 0, result.output
        assert f"Site packed into {tmp_path / 'site.zip'}" in result.output
        zipped.append((tmp_path / "site.zip").read_bytes())
    assert zipped[0] == zipped[1]
    with zipfile.ZipFile(tmp_path / "site.zip") as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert "site/departments/sales.html" in names  # offline: pages end in .html
        assert "site/assets/javascripts/iframe-worker.js" in names
        assert "site/.playbook-site" not in names
        home = archive.read("site/index.html").decode()
    assert 'href="departments/sales.html"' in home
    assert "https://unpkg.com" not in home
    assert "fonts.googleapis.com" not in home
