"""`playbook serve`: a live preview that regenerates when the config or a template changes.

MkDocs' own server watches the generated docs folder and reloads the browser. A small thread
here watches what MkDocs cannot see (the YAML, the user's and the built-in templates), renders
again on a change and rewrites only the files whose text changed, so the reload is quick.
A broken edit is logged and the last good preview stays up.
"""

from __future__ import annotations

import logging
import tempfile
import threading
from pathlib import Path

from generator.build import render_all
from generator.errors import PlaybookError
from generator.load import load
from generator.publish import Tree, write_tree
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
    """Generated docs that the new tree no longer has (a renamed department's old page)."""
    docs = root / "docs"
    keep = {root / relative for relative in tree}
    return [p for p in docs.rglob("*") if p.is_file() and p not in keep] if docs.is_dir() else []


def regenerate(config_path: Path, root: Path) -> int:
    """Render again, write what changed and drop what went; returns the files touched."""
    tree = render_all(load(config_path))
    changed = changed_files(tree, root)
    write_tree(changed, root)
    stale = stale_files(tree, root)
    for path in stale:
        path.unlink()
    return len(changed) + len(stale)


def _watch(config_path: Path, root: Path, stop: threading.Event) -> None:
    watch = watch_list(config_path)
    seen = watched_files(watch)
    while not stop.wait(POLL_SECONDS):
        now = watched_files(watch)
        if now == seen:
            continue
        seen = now
        try:
            count = regenerate(config_path, root)
        except PlaybookError as err:
            log.exception("Not updated; fix this and save again:\n%s", err.format_message())
            continue
        log.info("Regenerated %d file(s)", count)


def serve_program(config_path: Path, dev_addr: str) -> None:
    """Generate into a temporary folder and serve it with MkDocs' live-reload server."""
    from mkdocs.commands.serve import serve

    with tempfile.TemporaryDirectory(prefix="playbook-serve-") as folder:
        root = Path(folder)
        write_tree(render_all(load(config_path)), root)
        stop = threading.Event()
        watcher = threading.Thread(
            target=_watch, args=(config_path.resolve(), root, stop), daemon=True
        )
        watcher.start()
        try:
            serve(config_file=str(root / "mkdocs.yml"), dev_addr=dev_addr, livereload=True)
        finally:
            stop.set()
