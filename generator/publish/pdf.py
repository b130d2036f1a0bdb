"""pdf: the publish step that turns every print HTML into a fillable, tagged PDF beside it.

WeasyPrint is the slow part of a build, so two things keep it off the critical path:

- a content-hash cache (:mod:`generator.publish.cache`): a print HTML whose text, linked files and
  renderer are unchanged gets the PDF made last time, byte for byte, without layout;
- a process pool for the rest (one worker per CPU unless ``--jobs`` says otherwise), a department
  to a worker (its booklet is bound from the pages its documents were laid out to, see
  :mod:`generator.publish.bind`), fed the longest first, each worker importing WeasyPrint once.

Each document is independent and the results are written by file name, so the output does not
depend on the order workers finish in, nor on whether a PDF came from the cache.

The step runs on the staging sources before the site engine, so MkDocs copies the PDFs like any
other static file and its strict link check covers the links to them.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import BuildError
from generator.program.documents import BOOKLET, PRINT_DIR
from generator.publish.bind import PDF_OPTIONS, layout, make_department, write
from generator.publish.cache import PdfCache, cache_key, digest

log = logging.getLogger(__name__)

#: PDF/UA-1 adds the structure tree screen readers need; WeasyPrint 70 keeps form fields in it.
VARIANT = PDF_OPTIONS["pdf_variant"]
#: Everything besides the HTML that changes the bytes WeasyPrint writes; part of the cache key.
#: custom_metadata keeps ``<meta name="playbook">`` (see :mod:`generator.program.pdfinfo`).
OPTIONS = ";".join(f"{key}={value}" for key, value in sorted(PDF_OPTIONS.items()))

#: Called once per finished PDF, cached or rendered, so a caller can draw a progress bar.
Tick = Callable[[], None]


@dataclass
class PdfRun:
    """What a build's printables step did, for logs, tests and progress bars.

    PDFs are named relative to the docs folder, departments by slug.

    ``progress(total)`` may return a context manager yielding a :data:`Tick`; the CLI passes a
    click progress bar on a terminal and nothing elsewhere.
    """

    rendered: list[str] = field(default_factory=list)
    #: departments whose print HTML was rendered again (not taken from the render cache)
    departments: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    seconds: float = 0.0
    progress: Callable[[int], object] | None = None


def report_pdf(html: str, name: str) -> tuple[bytes, int]:
    """A self-contained report page (no linked files, no form fields) as a tagged PDF, and its
    number of pages; ``name`` names it in an error."""
    from weasyprint import HTML

    try:
        document = HTML(string=html).render(**PDF_OPTIONS)
        return document.write_pdf(**PDF_OPTIONS), len(document.pages)
    except Exception as err:  # WeasyPrint raises many types; name the file whatever it is
        msg = f"{name}: cannot make the PDF: {err}"
        raise BuildError(msg) from err


def render_pdf(html: Path) -> Path:
    """Render one print HTML file to ``<same name>.pdf``; returns the PDF's path."""
    return write(layout(html), html.with_suffix(".pdf"))


#: One unit of work: a department's folder, the documents whose PDFs to write, whether to bind
#: its booklet.
Job = tuple[Path, list[str], bool]


def department_jobs(files: list[Path]) -> list[Job]:
    """The PDFs to make as one unit of work per department folder, the longest first.

    A booklet binds the pages of every document of its department as laid out for their own
    PDFs, so a department is laid out in one process; a document whose PDF came from the cache
    is not written again, but it is laid out when its booklet is bound.
    """
    folders: dict[Path, list[Path]] = {}
    for path in files:
        folders.setdefault(path.parent, []).append(path)
    jobs: list[Job] = []
    for folder, paths in folders.items():
        names = sorted(path.name for path in paths if path.stem != BOOKLET)
        jobs.append((folder, names, len(names) < len(paths)))

    def work(job: Job) -> int:
        laid_out = folder_html(job[0]) if job[2] else [job[0] / name for name in job[1]]
        return sum(path.stat().st_size for path in laid_out)

    return sorted(jobs, key=lambda job: (-work(job), job[0]))


def folder_html(folder: Path) -> list[Path]:
    """A department's print HTML documents, the booklet's cover left out."""
    return sorted(path for path in folder.glob("*.html") if path.stem != BOOKLET)


def _make(job: tuple[Path, list[str], bool]) -> list[Path]:
    return make_department(*job)


def _warm_worker() -> None:
    """Import WeasyPrint (pydyf, fontTools, Pango through cffi) once, as the worker starts.

    Ctrl-C reaches every process of the terminal's group; a worker ignores it (instead of
    printing its own traceback) and the parent, which gets it too, stops the pool.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import weasyprint  # noqa: F401


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """End a pool now: drop the queued documents and end the ones being laid out.

    Waiting would let running workers finish (a booklet takes seconds) and write their PDFs
    into a staging folder the caller is about to remove; ended and joined, they write nothing
    more, so the caller's cleanup is the last word.
    """
    processes = list((pool._processes or {}).values())  # noqa: SLF001 - no public way before 3.14
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join()


def print_files(docs: Path) -> list[Path]:
    """Every print HTML under ``docs/printables/``, by name."""
    return sorted((docs / PRINT_DIR).glob("*/*.html"))


def render_pdfs(files: list[Path], jobs: int | None = None, tick: Tick | None = None) -> list[Path]:
    """Make the PDFs of ``files`` (print HTML; a ``booklet.html`` binds its whole folder) with
    ``jobs`` worker processes (default: one per CPU), a department to a worker."""
    units = department_jobs(files)
    jobs = max(1, jobs or os.cpu_count() or 1)
    done: list[Path] = []
    if jobs == 1 or len(units) < 2:
        for unit in units:
            made = _make(unit)
            done += made
            if tick:
                for _ in made:
                    tick()
        return sorted(done)
    # forkserver: forking a process that may hold threads (MkDocs, a test runner) is unsafe
    context = multiprocessing.get_context("forkserver")
    workers = min(jobs, len(units))
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_warm_worker) as pool:
        try:
            # submitted longest first; workers take the next one when free
            futures = [pool.submit(_make, unit) for unit in units]
            for future in as_completed(futures):
                for _ in future.result():  # re-raises a worker's BuildError at once
                    if tick:
                        tick()
        except BaseException:  # a failed PDF, Ctrl-C, SIGTERM (see cli), a stopped preview
            _stop_workers(pool)
            raise
        return sorted(path for future in futures for path in future.result())


def _with_progress(run: PdfRun, total: int, work: Callable[[Tick | None], object]) -> None:
    bar = run.progress(total) if run.progress and total else None
    if bar is None:
        work(None)
        return
    with bar as tick:  # type: ignore[attr-defined]
        work(tick)


def _name(html: Path, docs: Path) -> str:
    return html.with_suffix(".pdf").relative_to(docs).as_posix()


def pdf_keys(files: list[Path]) -> dict[Path, str]:
    """Each file's cache key; a booklet's also covers every document of its folder, which it
    binds, so an edit to any of them binds it again."""
    keys = {}
    for path in files:
        key = cache_key(path, OPTIONS)
        if path.stem == BOOKLET:
            key = digest([key, *(cache_key(doc, OPTIONS) for doc in folder_html(path.parent))])
        keys[path] = key
    return keys


def with_booklets(files: list[Path]) -> list[Path]:
    """``files`` and the booklet of every folder they are in, which binds them."""
    booklets = {path.parent / f"{BOOKLET}.html" for path in files}
    return sorted(set(files) | {path for path in booklets if path.is_file()})


def make_pdfs(
    docs: Path,
    jobs: int | None,
    cache: PdfCache | None,
    run: PdfRun,
    files: list[Path] | None = None,
) -> None:
    """PDFs for every print HTML under ``docs`` (or just ``files`` and their booklets), from the
    cache where it can.

    Only a whole build prunes the cache: a partial one (the preview's) has not seen every key.
    """
    whole = files is None
    files = print_files(docs) if files is None else with_booklets(files)
    keys = pdf_keys(files) if cache else {}
    todo = [path for path in files if not (cache and cache.fetch(keys[path], path))]
    run.reused = [_name(path, docs) for path in files if path not in todo]
    run.rendered = [_name(path, docs) for path in todo]
    _with_progress(run, len(todo), lambda tick: render_pdfs(todo, jobs, tick))
    if cache:
        for path in todo:
            cache.store(keys[path], path.with_suffix(".pdf"))
        if whole:
            cache.prune(set(keys.values()))


def pdf_step(
    jobs: int | None = None, cache: PdfCache | None = None, run: PdfRun | None = None
) -> Callable[[Path], None]:
    """A publish step: PDFs for every print HTML of the staged sources."""
    run = run if run is not None else PdfRun()

    def step(source: Path) -> None:
        start = time.perf_counter()
        make_pdfs(source / "docs", jobs, cache, run)
        run.seconds = time.perf_counter() - start
        log.info(
            "PDFs: %d rendered (%d workers), %d from the cache",
            len(run.rendered),
            jobs or os.cpu_count() or 1,
            len(run.reused),
        )

    return step
