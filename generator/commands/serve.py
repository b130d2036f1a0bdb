"""`playbook serve`: a live preview that regenerates when the config or a template changes.

MkDocs' own server watches the generated docs folder and reloads the browser. A small thread
here watches what MkDocs cannot see (the YAML, the user's and the built-in templates), renders
again on a change and rewrites only the files whose text changed, so the reload is quick.
A broken edit is logged and the last good preview stays up.

PDFs come from the same cache as ``playbook build`` (``.playbook-cache/`` beside the configured
output), after the pages: an edit shows in the browser as soon as its pages are written (about a
second), and only the print HTML it changed is laid out again, in the background, while the
preview already shows the new text; the PDF links work once that pass ends. A preview started
after a build copies every PDF from the cache instead of laying any out.
"""

from __future__ import annotations

import contextlib
import errno
import ipaddress
import logging
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.commands.build import render_tree
from generator.config.load import load
from generator.config.resolved import Playbook
from generator.errors import PlaybookError
from generator.publish.cache import PdfCache, RenderCache
from generator.publish.files import write_tree
from generator.publish.pdf import PdfRun, make_pdfs, pdf_keys, print_files
from generator.render.tree import Tree
from generator.resources import builtin_templates_dir

log = logging.getLogger(__name__)
POLL_SECONDS = 0.5


def watch_list(playbook: Playbook) -> list[Path]:
    """The config, its site settings, and the user's and built-in template folders."""
    site = playbook.config.site
    return [
        playbook.config_path.resolve(),
        playbook.resolve(site.settings),
        playbook.resolve(site.templates),
        builtin_templates_dir(),
    ]


def watched_files(watch: list[Path]) -> dict[Path, float]:
    """Modification times of every watched file, looking inside watched folders."""
    paths = [p for p in watch if p.is_file()]
    for folder in (p for p in watch if p.is_dir()):
        if folder.is_dir():
            paths.extend(p for p in folder.rglob("*") if p.is_file())
    times = {}
    for path in paths:
        with contextlib.suppress(OSError):  # saved away (an editor's swap file) since listed
            times[path] = path.stat().st_mtime
    return times


def changed_files(tree: Tree, root: Path) -> Tree:
    """The part of a tree whose content differs from what is on disk."""
    changed: Tree = {}
    for relative, content in tree.items():
        target = root / relative
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        if not target.is_file() or target.read_bytes() != data:
            changed[relative] = content
    return changed


def stale_files(tree: Tree, root: Path) -> list[Path]:
    """Generated docs that the new tree no longer has (a renamed department's old page).

    A PDF stays while its print HTML does.
    """
    docs = root / "docs"
    keep = {root / relative for relative in tree}
    keep |= {path.with_suffix(".pdf") for path in keep if path.suffix == ".html"}
    return [p for p in docs.rglob("*") if p.is_file() and p not in keep] if docs.is_dir() else []


def pdf_cache(playbook: Playbook) -> PdfCache:
    """The cache ``playbook build`` uses for this config."""
    return PdfCache.beside(playbook.resolve(playbook.config.site.output))


def copy_cached_pdfs(root: Path, cache: PdfCache) -> int:
    """Copy every PDF the cache already has, so the first preview links resolve at once.

    Only copies: anything missing is laid out by the watcher thread after the server starts.
    """
    keys = pdf_keys(print_files(root / "docs"))
    return sum(cache.fetch(key, path) for path, key in keys.items())


def refresh_pdfs(root: Path, changed: Tree, cache: PdfCache | None, run: PdfRun) -> None:
    """PDFs for the print HTML files in ``changed``: from the cache, else laid out again."""
    html = [
        root / relative
        for relative in sorted(changed)
        if relative.startswith("docs/printables/") and relative.endswith(".html")
    ]
    if html:
        make_pdfs(root / "docs", None, cache, run, files=html)
        log.info("PDFs: %d rendered, %d from the cache", len(run.rendered), len(run.reused))


def regenerate(
    config_path: Path,
    root: Path,
    cache: PdfCache | None = None,
    run: PdfRun | None = None,
    renders: RenderCache | None = None,
) -> int:
    """Render again, write what changed and drop what went; returns the files touched.

    With a ``cache``, the PDFs of the print HTML that changed are then made (pages first, so
    the browser shows the edit before any layout starts). With ``renders``, departments whose
    inputs did not change are not rendered again either.
    """
    tree = render_tree(load(config_path), renders)
    changed = changed_files(tree, root)
    write_tree(changed, root)
    stale = stale_files(tree, root)
    for path in stale:
        path.unlink()
    if cache is not None:
        refresh_pdfs(root, changed, cache, run or PdfRun())
    return len(changed) + len(stale)


class Stopped(Exception):  # noqa: N818 - a signal to unwind, not an error
    """The preview is closing: the watcher thread leaves what it is doing."""


def stoppable(stop: threading.Event) -> PdfRun:
    """A PdfRun whose progress tick raises Stopped once ``stop`` is set, so a long PDF pass
    ends (its workers with it) when the preview closes instead of writing into a removed
    folder."""

    @contextlib.contextmanager
    def progress(total: int) -> Iterator[Callable[[], None]]:
        def tick() -> None:
            if stop.is_set():
                raise Stopped

        yield tick

    return PdfRun(progress=progress)


def attempt(work: Callable[[], object], failed: str) -> bool:
    """Run one step of the watcher; a failure is logged as a message and the preview stays up.

    A user's mistake shows its located message; anything else (a bug) one line, with the
    traceback only under ``--verbose``.
    """
    try:
        work()
    except PlaybookError as err:
        log.error("%s:\n%s", failed, err.format_message())  # noqa: TRY400 - a message, not a bug
    except Stopped:
        raise
    except Exception as err:
        log.error(  # noqa: TRY400 - the traceback only with --verbose
            "%s: internal error: %s: %s",
            failed,
            type(err).__name__,
            err,
            exc_info=log.isEnabledFor(logging.INFO),
        )
    else:
        return True
    return False


def _watch(
    config_path: Path,
    root: Path,
    stop: threading.Event,
    watch: list[Path],
    cache: PdfCache,
    written: Tree,
) -> None:
    """The watcher thread: never raises, and returns soon after ``stop`` is set.

    ``written`` is the tree the preview started with; its PDFs are made first.
    """
    seen = watched_files(watch)
    renders = RenderCache(cache.folder.parent / RenderCache.kind)

    def first_pass() -> None:  # every PDF, copied from the last build's cache where it can be
        refresh_pdfs(root, written, cache, stoppable(stop))

    def again() -> None:
        count = regenerate(config_path, root, cache, stoppable(stop), renders)
        log.info("Regenerated %d file(s)", count)

    try:
        attempt(first_pass, "PDFs not made")
        while not stop.wait(POLL_SECONDS):
            now = watched_files(watch)
            if now != seen:
                seen = now
                attempt(again, "Not updated; fix this and save again")
    except Stopped:
        return


#: Errors binding the preview's address: the user's to fix, not a bug.
ADDRESS_ERRORS = (errno.EADDRINUSE, errno.EADDRNOTAVAIL)


def serve_program(config_path: Path, dev_addr: str) -> None:
    """Generate into a temporary folder and serve it with MkDocs' live-reload server.

    The folder goes when the preview ends, however it ends (Ctrl-C, or SIGTERM, which the CLI
    turns into SystemExit): the watcher is stopped and waited for first, so nothing writes
    into the folder while it is removed.
    """
    from mkdocs.commands.serve import serve

    playbook = load(config_path)
    watch, cache = watch_list(playbook), pdf_cache(playbook)
    with tempfile.TemporaryDirectory(prefix="playbook-serve-") as folder:
        root = Path(folder)
        tree = render_tree(playbook)
        write_tree(tree, root)
        copied = copy_cached_pdfs(root, cache)
        log.info("%d PDFs from the last build's cache", copied)
        stop = threading.Event()
        watcher = threading.Thread(
            target=_watch,
            args=(config_path.resolve(), root, stop, watch, cache, tree),
            daemon=True,
        )
        watcher.start()
        try:
            serve(config_file=str(root / "mkdocs.yml"), dev_addr=dev_addr, livereload=True)
        except OSError as err:
            if err.errno not in ADDRESS_ERRORS:
                raise
            msg = (
                f"cannot serve on {dev_addr}: {err.strerror}; stop the other preview or choose "
                "another address with --dev-addr"
            )
            raise PlaybookError(msg) from None
        finally:
            stop.set()
            watcher.join()


def address_problem(value: str) -> str | None:
    """What is wrong with a HOST:PORT for MkDocs' server (an IP address or localhost), or None.

    Checked before anything is written: MkDocs would leave its own temporary folder behind on
    a bad one.
    """
    host, _, port = value.rpartition(":")
    try:
        if host != "localhost":
            ipaddress.ip_address(host.removeprefix("[").removesuffix("]"))
        valid = 0 < int(port) < 65536
    except ValueError:
        valid = False
    return None if valid else f"{value!r}: expected IP:PORT, e.g. 127.0.0.1:8000 or localhost:8001"
