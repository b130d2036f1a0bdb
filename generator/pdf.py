"""pdf: the publish step that turns every print HTML into a fillable, tagged PDF beside it.

WeasyPrint is the slow part of a build, so documents render in a process pool (one worker per
CPU unless ``--jobs`` says otherwise). Each document is independent and the results are written
by file name, so the output does not depend on the order workers finish in.

The step runs on the staging sources before the site engine, so MkDocs copies the PDFs like any
other static file and its strict link check covers the links to them.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from generator.documents import PRINT_DIR
from generator.errors import BuildError

log = logging.getLogger(__name__)

#: PDF/UA-1 adds the structure tree screen readers need; WeasyPrint 70 keeps form fields in it.
VARIANT = "pdf/ua-1"


def render_pdf(html: Path) -> Path:
    """Render one print HTML file to ``<same name>.pdf``; returns the PDF's path."""
    from weasyprint import HTML

    pdf = html.with_suffix(".pdf")
    try:
        HTML(string=html.read_text(encoding="utf-8"), base_url=str(html.parent) + os.sep).write_pdf(
            pdf, pdf_forms=True, pdf_variant=VARIANT, optimize_images=True
        )
    except Exception as err:  # WeasyPrint raises many types; name the file whatever it is
        msg = f"{html}: cannot make a PDF: {err}"
        raise BuildError(msg) from err
    return pdf


def print_files(docs: Path) -> list[Path]:
    """Every print HTML under ``docs/printables/``, largest first.

    Booklets take as long as all their documents together; starting them first keeps the
    workers busy to the end instead of leaving one booklet running alone.
    """
    files = sorted((docs / PRINT_DIR).glob("*/*.html"))
    return sorted(files, key=lambda path: -path.stat().st_size)


def render_all(files: list[Path], jobs: int | None = None) -> list[Path]:
    """Render files to PDF with ``jobs`` worker processes (default: one per CPU)."""
    jobs = max(1, jobs or os.cpu_count() or 1)
    if jobs == 1 or len(files) < 2:
        return [render_pdf(path) for path in files]
    # forkserver: forking a process that may hold threads (MkDocs, a test runner) is unsafe
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=min(jobs, len(files)), mp_context=context) as pool:
        return list(pool.map(render_pdf, files))


def pdf_step(jobs: int | None = None) -> Callable[[Path], None]:
    """A publish step: PDFs for every print HTML of the staged sources."""

    def step(source: Path) -> None:
        files = print_files(source / "docs")
        pdfs = render_all(files, jobs)
        log.info("Rendered %d PDFs (%d workers)", len(pdfs), jobs or os.cpu_count() or 1)

    return step
