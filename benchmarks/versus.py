"""A cold one-worker build against bare WeasyPrint, side by side in one process.

    PYTHONPATH=. python benchmarks/run --versus [--repeat 3] [--repeat-large 1]

For the example and for 30 generated departments (``benchmarks/orgs.py``), alternating:

- build: ``playbook build --jobs 1 --no-cache`` into an empty folder (every PDF laid out);
- WeasyPrint: a bare loop, ``HTML(...).write_pdf`` with the same options, over each print HTML
  except the booklets, each laid out once: the least any build of these documents can take.

The ratio build/WeasyPrint is what the generator adds: loading, rendering, MkDocs, and the
booklets. The booklets' share is the time spent making them inside the build (timed by
wrapping the function that makes them, so it works on this tree and on an older checkout run
with ``PYTHONPATH`` pointing at it). Pages per second count every PDF the build made.
"""

from __future__ import annotations

import functools
import logging
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "playbook" / "organisation.yaml"


class BookletClock:
    """Adds up the seconds spent making booklets, on either generation of the PDF step."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def wrap(self, function: Any, is_booklet: Any) -> Any:
        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            if not is_booklet(*args):
                return function(*args, **kwargs)
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start

        return timed

    def install(self) -> None:
        try:  # bound from laid-out pages: generator.publish.bind.bind
            from generator.publish import bind

            bind.bind = self.wrap(bind.bind, lambda *_: True)
        except ImportError:  # laid out from its own HTML: render_pdf(booklet.html)
            from generator.publish import pdf

            pdf.render_pdf = self.wrap(pdf.render_pdf, lambda path: path.stem == "booklet")


def count_pages(folder: Path) -> tuple[int, int]:
    """(pages of every PDF, pages of the booklets) under ``folder``."""
    from pypdf import PdfReader

    every = booklets = 0
    for pdf in folder.rglob("*.pdf"):
        count = len(PdfReader(pdf).pages)
        every += count
        booklets += count if pdf.stem == "booklet" else 0
    return every, booklets


def cold_build(config: Path, scratch: Path, clock: BookletClock) -> dict[str, float]:
    from generator.commands.build import build

    site = scratch / "site"
    clock.seconds = 0.0
    start = time.perf_counter()
    build(config, output=site, jobs=1, cache=False)
    seconds = time.perf_counter() - start
    pages, booklet_pages = count_pages(site / "printables")
    return {"build": seconds, "booklets": clock.seconds, "pages": pages, "bpages": booklet_pages}


def documents(config: Path, scratch: Path) -> list[Path]:
    """Every print HTML but the booklets, written out for the bare loop (not timed)."""
    from generator.commands.build import render_tree
    from generator.config.load import load
    from generator.publish.files import write_tree

    tree = render_tree(load(config))
    write_tree({k: v for k, v in tree.items() if k.startswith("docs/printables/")}, scratch)
    files = sorted((scratch / "docs" / "printables").glob("*/*.html"))
    return [path for path in files if path.stem != "booklet"]


def bare(files: list[Path]) -> float:
    from weasyprint import HTML

    start = time.perf_counter()
    for path in files:
        HTML(filename=str(path)).write_pdf(
            path.with_suffix(".pdf"),
            pdf_forms=True,
            pdf_variant="pdf/ua-1",
            optimize_images=True,
            custom_metadata=True,
        )
    return time.perf_counter() - start


def one(name: str, config: Path, repeat: int, clock: BookletClock) -> dict[str, Any]:
    runs: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="versus-") as folder:
        files = documents(config, Path(folder) / "bare")
        for index in range(repeat):
            run = cold_build(config, Path(folder) / f"build{index}", clock)
            run["weasyprint"] = bare(files)
            runs.append(run)
    row: dict[str, Any] = {"name": name, "documents": len(files), "runs": runs}
    for key in ("build", "booklets", "weasyprint", "pages", "bpages"):
        row[key] = statistics.median(run[key] for run in runs)
    row["ratio"] = statistics.median(run["build"] / run["weasyprint"] for run in runs)
    return row


def versus(repeat: int, repeat_large: int) -> str:
    """Measure the example and 30 generated departments; returns a Markdown table."""
    from benchmarks.orgs import write_organisation

    logging.disable(logging.WARNING)
    clock = BookletClock()
    clock.install()
    import weasyprint  # noqa: F401 - imported before either side is timed

    rows = [one("example", EXAMPLE, repeat, clock)]
    with tempfile.TemporaryDirectory(prefix="versus-org-") as folder:
        config = write_organisation(Path(folder), 30)
        rows.append(one("30 departments", config, repeat_large, clock))
    lines = [
        "| organisation | documents | cold build, 1 worker | WeasyPrint alone | ratio "
        "| pages (booklets) | pages/s | booklets' share | runs |",
        "|" + "---|" * 9,
    ]
    for r in rows:
        ratios = ", ".join(f"{run['build'] / run['weasyprint']:.2f}" for run in r["runs"])
        lines.append(
            f"| {r['name']} | {r['documents']} | {r['build']:.1f} s | {r['weasyprint']:.1f} s "
            f"| {r['ratio']:.2f}x | {r['pages']:.0f} ({r['bpages']:.0f}) "
            f"| {r['pages'] / r['build']:.1f} | {r['booklets'] / r['build']:.0%} "
            f"| {len(r['runs'])} ({ratios}) |"
        )
    return "\n".join(lines)
