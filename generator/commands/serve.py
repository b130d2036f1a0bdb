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

import logging
import tempfile
import threading
from pathlib import Path

from generator.commands.build import render_tree
from generator.config.load import load
from generator.errors import PlaybookError
from generator.publish.cache import PdfCache, RenderCache, cache_key
from generator.publish.files import write_tree
from generator.publish.pdf import OPTIONS, PdfRun, make_pdfs, print_files
from generator.render.tree import Tree
from generator.resources import builtin_templates_dir

log = logging.getLogger(__name__)
POLL_SECONDS = 0.5


def watch_list(config_path: Path) -> list[Path]:
    """The config, its site settings, and the user's and built-in template folders."""
    playbook = load(config_path)
    site = playbook.config.site
    return [
        config_path.resolve(),
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
    return {p: p.stat().st_mtime for p in paths if p.exists()}


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


def pdf_cache(config_path: Path) -> PdfCache:
    """The cache ``playbook build`` uses for this config."""
    playbook = load(config_path)
    return PdfCache.beside(playbook.resolve(playbook.config.site.output))


def copy_cached_pdfs(root: Path, cache: PdfCache) -> int:
    """Copy every PDF the cache already has, so the first preview links resolve at once.

    Only copies: anything missing is laid out by the watcher thread after the server starts.
    """
    files = print_files(root / "docs")
    return sum(cache.fetch(cache_key(path, OPTIONS), path) for path in files)


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


def _watch(config_path: Path, root: Path, stop: threading.Event) -> None:
    watch = watch_list(config_path)
    seen = watched_files(watch)
    cache = pdf_cache(config_path)
    renders = RenderCache(cache.folder.parent / RenderCache.kind)
    try:  # the first pass: every PDF, copied from the last build's cache where it can be
        refresh_pdfs(root, render_tree(load(config_path)), cache, PdfRun())
    except PlaybookError as err:
        log.error("PDFs not made:\n%s", err.format_message())  # noqa: TRY400 - a user mistake
    while not stop.wait(POLL_SECONDS):
        now = watched_files(watch)
        if now == seen:
            continue
        seen = now
        try:
            count = regenerate(config_path, root, cache, renders=renders)
        except PlaybookError as err:
            log.error(  # noqa: TRY400 - a user mistake: the message, not a traceback
                "Not updated; fix this and save again:\n%s", err.format_message()
            )
            continue
        log.info("Regenerated %d file(s)", count)


def serve_program(config_path: Path, dev_addr: str) -> None:
    """Generate into a temporary folder and serve it with MkDocs' live-reload server."""
    from mkdocs.commands.serve import serve

    with tempfile.TemporaryDirectory(prefix="playbook-serve-") as folder:
        root = Path(folder)
        write_tree(render_tree(load(config_path)), root)
        copied = copy_cached_pdfs(root, pdf_cache(config_path))
        log.info("%d PDFs from the last build's cache", copied)
        stop = threading.Event()
        watcher = threading.Thread(
            target=_watch, args=(config_path.resolve(), root, stop), daemon=True
        )
        watcher.start()
        try:
            serve(config_file=str(root / "mkdocs.yml"), dev_addr=dev_addr, livereload=True)
        finally:
            stop.set()
