"""cache: build products kept by the hash of everything that makes them, so a rebuild redoes
only what an edit reached.

Two kinds, each in its own folder under ``.playbook-cache/`` beside the output (not in the
staging folder that each build swaps away):

- ``pdf/<key>.pdf``: a print HTML is self-contained (stylesheet inline) except for the files it
  links, such as the organisation's logo. The key is the SHA-256 of the WeasyPrint version, the
  PDF options, the HTML text and the name and bytes of every local file it links, so a rebuild
  with nothing changed does no layout at all. The paper size is in the inline ``@page`` rule.
- ``render/<key>.json``: one department's printables (print HTML and booklet). The key is the
  department's plan, the organisation, the generator's code and every template; a user's own
  print template may read any name, so with one the whole config is part of every key.

A whole build prunes the entries it did not use, so each folder holds one build's worth.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Self

import generator
from generator.program.plan import DepartmentPlan, ProgramPlan
from generator.publish.files import replace_file
from generator.render.tree import Tree
from generator.resources import builtin_templates_dir

log = logging.getLogger(__name__)

CACHE_DIR = ".playbook-cache"
#: ``src="..."``/``href="..."`` attributes and CSS ``url(...)``: the files a page may pull in.
LINK = re.compile(r"""(?:src|href)\s*=\s*["']([^"'#?]+)|url\(\s*["']?([^"')#?]+)""")


def digest(parts: Iterable[str | bytes]) -> str:
    """SHA-256 of the parts, each ended by a NUL so ``("ab", "c")`` and ``("a", "bc")`` differ."""
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update((part.encode("utf-8") if isinstance(part, str) else part) + b"\0")
    return hasher.hexdigest()


def linked_files(html: Path, text: str) -> list[Path]:
    """Local files the HTML links, that exist; remote URLs and anchors are not followed."""
    found = set()
    for match in LINK.finditer(text):
        target = match.group(1) or match.group(2)
        if ":" in target or not target.strip():  # http:, data:, mailto:
            continue
        path = (html.parent / target.strip()).resolve()
        if path.is_file():
            found.add(path)
    return sorted(found)


def cache_key(html: Path, options: str) -> str:
    """SHA-256 of the renderer, its options, the HTML and every local file it links."""
    import weasyprint

    text = html.read_text(encoding="utf-8")
    parts: list[str | bytes] = [f"weasyprint {weasyprint.__version__}", options, text]
    for path in linked_files(html, text):
        parts += [os.path.relpath(path, html.parent), path.read_bytes()]
    return digest(parts)


def folder_fingerprint(*folders: Path | None) -> str:
    """SHA-256 of every file's relative name and bytes under the folders that exist."""
    parts: list[str | bytes] = []
    for folder in folders:
        if folder is None or not folder.is_dir():
            continue
        files = (p for p in folder.rglob("*") if p.is_file() and p.suffix not in (".pyc", ".pyo"))
        for path in sorted(files):
            parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return digest(parts)


class FolderCache:
    """A folder of ``<key><suffix>`` files, written atomically and pruned to one build's use."""

    kind = "files"
    suffix = ""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def beside(cls, output: Path) -> Self:
        """The cache for a site folder: ``.playbook-cache/<kind>`` in the folder holding it."""
        return cls(output.resolve().parent / CACHE_DIR / cls.kind)

    def path(self, key: str) -> Path:
        return self.folder / f"{key}{self.suffix}"

    def write(self, key: str, data: bytes) -> None:
        """Keep ``data``; a reader (or a build cut off half-way) never sees a partial file."""
        replace_file(self.path(key), data)
        _ignore_folder(self.folder.parent)

    def prune(self, used: set[str]) -> int:
        """Delete entries the last build did not use; returns how many went."""
        if not self.folder.is_dir():
            return 0
        gone = 0
        for path in self.folder.iterdir():
            if path.suffix == ".tmp" or path.name.removesuffix(self.suffix) not in used:
                path.unlink(missing_ok=True)
                gone += 1
        if gone:
            log.info("%s cache: pruned %d unused file(s)", self.kind, gone)
        return gone


class PdfCache(FolderCache):
    """PDFs by the key of their print HTML."""

    kind = "pdf"
    suffix = ".pdf"

    def fetch(self, key: str, html: Path) -> bool:
        """Copy the cached PDF for ``key`` beside ``html``; False when there is none."""
        cached = self.path(key)
        if not cached.is_file():
            return False
        shutil.copyfile(cached, html.with_suffix(".pdf"))
        return True

    def store(self, key: str, pdf: Path) -> None:
        """Keep a copy of ``pdf``."""
        self.write(key, pdf.read_bytes())


class RenderCache(FolderCache):
    """Rendered text files (a department's printables) by the key of their inputs."""

    kind = "render"
    suffix = ".json"

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.used: set[str] = set()
        self.rendered: list[str] = []

    def get(self, key: str) -> dict[str, Any] | None:
        """The files stored under ``key``, or None."""
        try:
            files = json.loads(self.path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        self.used.add(key)
        return files

    def put(self, key: str, files: dict[str, Any]) -> None:
        """Store text files (bytes are not cached: the caller renders those each time)."""
        self.used.add(key)
        self.write(key, json.dumps(files, sort_keys=True).encode("utf-8"))

    def memo(
        self, program: ProgramPlan, user_templates: Path | None, *, pdfs: bool = True
    ) -> Callable[[DepartmentPlan, Callable[[], Tree]], Tree]:
        """A memo for ``render_printables``: a department's files come from here when its plan
        and everything shared (``fingerprint``) are unchanged, else from ``make``."""
        shared = fingerprint(program, user_templates, pdfs=pdfs)

        def memo(plan: DepartmentPlan, make: Callable[[], Tree]) -> Tree:
            key = digest([shared, repr(plan)])
            files: Tree | None = self.get(key)
            if files is None:
                files = make()
                self.put(key, files)
                self.rendered.append(plan.department.slug)
            return files

        return memo


def fingerprint(program: ProgramPlan, user_templates: Path | None, *, pdfs: bool = True) -> str:
    """What every department's printables depend on besides its own plan.

    The generator's code, every template, the organisation, the defaults and the topics. A user's
    own template may read any name (another department, the whole config, ``pdfs``), so with user
    templates the whole config is part of the key and any edit renders every department again.
    The built-in print templates do not read ``pdfs``, so a ``--site-only`` build shares their
    entries with a full one.
    """
    playbook = program.playbook
    code = folder_fingerprint(Path(generator.__file__).parent, builtin_templates_dir())
    parts = [code, repr(playbook.config.organisation), repr(playbook.defaults)]
    parts.append(repr(sorted(playbook.topics.items())))
    if user_templates is not None and any(p.is_file() for p in user_templates.rglob("*")):
        parts += [folder_fingerprint(user_templates), repr(playbook.config), f"pdfs={pdfs}"]
    return digest(parts)


def _ignore_folder(folder: Path) -> None:
    """A ``.gitignore`` of ``*`` so the cache never shows up in the user's repository."""
    marker = folder / ".gitignore"
    if not marker.exists():
        marker.write_text("# playbook's build cache; safe to delete\n*\n", encoding="utf-8")
