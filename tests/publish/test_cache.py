"""The PDF cache: no-change rebuilds do no layout, an edit re-renders only what it touched, and
neither the cache nor the number of workers changes a byte of the output."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import progress_bar, show_progress
from generator.commands.build import build
from generator.publish.cache import CACHE_DIR, PdfCache, cache_key
from generator.publish.pdf import PdfRun
from tests.conftest import SMALL


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def departments(paths: list[str]) -> set[str]:
    return {path.split("/")[1] for path in paths}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cached")
    (folder / "organisation.yaml").write_text(SMALL, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def first(project: Path) -> tuple[PdfRun, dict[str, bytes]]:
    """The first build, on two workers, into an empty cache."""
    run = PdfRun()
    site = build(project / "organisation.yaml", jobs=2, run=run)
    return run, files(site)


def test_first_build_renders_every_pdf_and_fills_the_cache(
    first: tuple[PdfRun, dict[str, bytes]], project: Path
) -> None:
    run, _ = first
    assert run.rendered
    assert not run.reused
    assert departments(run.rendered) == {"sales", "finance", "sign-up"}  # sign-up: the program's
    assert sorted(run.departments) == ["finance", "sales"]
    cached = list((project / CACHE_DIR / "pdf").glob("*.pdf"))
    assert len(cached) == len(run.rendered)
    assert (project / CACHE_DIR / ".gitignore").is_file()


def test_no_change_rebuild_renders_nothing_and_is_identical(
    first: tuple[PdfRun, dict[str, bytes]], project: Path
) -> None:
    run = PdfRun()
    site = build(project / "organisation.yaml", jobs=2, run=run)
    assert run.rendered == []
    assert run.departments == []
    assert sorted(run.reused) == sorted(first[0].rendered)
    assert files(site) == first[1]


def test_no_cache_and_one_worker_give_the_same_bytes(
    first: tuple[PdfRun, dict[str, bytes]], project: Path, tmp_path: Path
) -> None:
    config = tmp_path / "organisation.yaml"
    config.write_bytes((project / "organisation.yaml").read_bytes())
    run = PdfRun()
    site = build(config, jobs=1, cache=False, run=run)
    assert sorted(run.rendered) == sorted(first[0].rendered)
    assert not (tmp_path / CACHE_DIR).exists()
    assert files(site) == first[1]


def test_editing_one_department_renders_only_its_pdfs(
    first: tuple[PdfRun, dict[str, bytes]], project: Path
) -> None:
    config = project / "organisation.yaml"
    config.write_text(SMALL.replace("session_minutes: 30", "session_minutes: 45"), "utf-8")
    try:
        run = PdfRun()
        build(config, jobs=2, run=run)
    finally:
        config.write_text(SMALL, encoding="utf-8")
    assert run.departments == ["finance"]
    assert run.rendered
    assert departments(run.rendered) == {"finance"}
    # finance documents the edit does not reach (its worksheets) are reused too
    assert "sales" in departments(run.reused)
    assert any(path.endswith("booklet.pdf") for path in run.rendered)
    # the old finance PDFs are pruned: the cache holds exactly this build's PDFs
    cached = {p.stem for p in (project / CACHE_DIR / "pdf").iterdir()}
    assert len(cached) == len(run.rendered) + len(run.reused)


def test_key_covers_linked_files(tmp_path: Path) -> None:
    html = tmp_path / "doc.html"
    html.write_text('<img src="logo.png"><a href="https://example.com/x.png">', "utf-8")
    (tmp_path / "logo.png").write_bytes(b"one")
    before = cache_key(html, "options")
    assert cache_key(html, "options") == before
    assert cache_key(html, "other options") != before
    (tmp_path / "logo.png").write_bytes(b"two")
    assert cache_key(html, "options") != before


def test_prune_keeps_only_used(tmp_path: Path) -> None:
    cache = PdfCache(tmp_path / "pdf")
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF")
    cache.store("keep", pdf)
    cache.store("drop", pdf)
    assert cache.prune({"keep"}) == 1
    assert [p.name for p in cache.folder.iterdir()] == ["keep.pdf"]


@pytest.mark.parametrize(
    ("tty", "ci", "shown"), [(True, None, True), (True, "1", False), (False, None, False)]
)
def test_progress_bar_only_on_a_terminal_outside_ci(monkeypatch, tty, ci, shown) -> None:
    monkeypatch.setattr("sys.stderr.isatty", lambda: tty)
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    assert show_progress() is shown


def test_progress_bar_counts_ticks(capsys) -> None:
    with progress_bar(3) as tick:
        for _ in range(3):
            tick()
    assert "PDFs" in capsys.readouterr().err
