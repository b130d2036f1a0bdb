"""Large programs: `build --site-only`, the PDF-count limit, one department in memory at a time."""

from __future__ import annotations

import re

from generator.cli import main
from generator.commands import build as build_module
from generator.commands.build import build
from tests.helpers import snapshot


def test_a_site_only_build_makes_a_working_site_without_pdfs(runner, write_config, tmp_path):
    config = write_config()
    cache = tmp_path / ".playbook-cache" / "pdf"
    cache.mkdir(parents=True)
    (cache / f"{'0' * 64}.pdf").write_bytes(b"%PDF a full build's entry")
    before = snapshot(cache)

    result = runner.invoke(main, ["build", str(config), "--site-only"])

    assert result.exit_code == 0, result.output  # MkDocs is strict: every link resolved
    assert "without PDFs (--site-only)" in result.output
    site = tmp_path / "site"
    assert not list(site.rglob("*.pdf"))
    assert snapshot(cache) == before  # the full build's PDFs are neither used nor pruned
    page = (site / "departments" / "sales" / "index.html").read_text(encoding="utf-8")
    assert "A preview without PDFs" in page
    links = re.findall(r'href="(\.\./\.\./printables/[^"#]+)"', page)
    assert any(link.endswith("/booklet.html") for link in links)
    for link in links:  # the print HTML and the calendar the page links are in the site
        assert (site / "departments" / "sales" / link).resolve().is_file(), link
    downloads = (site / "downloads" / "index.html").read_text(encoding="utf-8")
    assert ".pdf" not in downloads
    assert "booklet.html" in downloads


def test_a_build_over_the_pdf_limit_is_refused_before_anything_is_written(
    runner, write_config, tmp_path
):
    config = write_config()
    before = snapshot(tmp_path)
    result = runner.invoke(main, ["build", str(config), "--max-pdfs", "5"])
    assert result.exit_code == 1, result.output
    assert re.search(r"would make \d+ PDFs for 2 departments, over the limit of 5", result.output)
    assert "--site-only" in result.output
    assert "--max-pdfs" in result.output
    assert snapshot(tmp_path) == before
    assert not (tmp_path / ".playbook-cache").exists()


def test_the_site_only_build_is_not_held_to_the_pdf_limit(runner, write_config):
    result = runner.invoke(main, ["build", str(write_config()), "--site-only", "--max-pdfs", "5"])
    assert result.exit_code == 0, result.output


def test_each_department_is_written_before_the_next_is_rendered(
    write_config, monkeypatch, tmp_path
):
    """The build holds one department's print HTML at a time, not the organisation's."""
    real = build_module.department_printables
    staging = tmp_path / ".playbook-build.tmp"
    seen: list[list[str]] = []

    def watched(*args, **kwargs):
        for files in real(*args, **kwargs):
            if seen:
                assert all((staging / name).is_file() for name in seen[-1])
            seen.append(list(files))
            yield files

    monkeypatch.setattr(build_module, "department_printables", watched)
    build(write_config(), site_only=True)
    assert len(seen) == 3  # the program's sign-up forms, then each department's printables
    assert (tmp_path / ".playbook-build" / seen[-1][0]).is_file()
