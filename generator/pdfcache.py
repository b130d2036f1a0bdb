"""pdfcache: PDFs kept by the hash of everything that makes their bytes.

A print HTML is self-contained (stylesheet inline) except for the files it links, such as the
organisation's logo. The key is the SHA-256 of the WeasyPrint version, the PDF options, the HTML
text and the name and bytes of every local file it links, so an edit anywhere that changes a
document changes its key, and a rebuild with nothing changed does no layout at all. The paper
size is in the inline ``@page`` rule, so it is part of the HTML.

The cache lives in its own folder beside the output (``.playbook-cache/pdf/``), not in the
staging folder that each build swaps away. A build prunes the entries it did not use, so the
folder holds one build's worth of PDFs.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

CACHE_DIR = ".playbook-cache"
#: ``src="..."``/``href="..."`` attributes and CSS ``url(...)``: the files a page may pull in.
LINK = re.compile(r"""(?:src|href)\s*=\s*["']([^"'#?]+)|url\(\s*["']?([^"')#?]+)""")


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
    digest = hashlib.sha256()
    for part in (f"weasyprint {weasyprint.__version__}", options, text):
        digest.update(part.encode("utf-8") + b"\0")
    for path in linked_files(html, text):
        digest.update(os.path.relpath(path, html.parent).encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


class PdfCache:
    """A folder of ``<key>.pdf`` files."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def beside(cls, output: Path) -> PdfCache:
        """The cache for a site folder: ``.playbook-cache/pdf`` in the folder that holds it."""
        return cls(output.resolve().parent / CACHE_DIR / "pdf")

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.pdf"

    def fetch(self, key: str, html: Path) -> bool:
        """Copy the cached PDF for ``key`` beside ``html``; False when there is none."""
        cached = self.path(key)
        if not cached.is_file():
            return False
        shutil.copyfile(cached, html.with_suffix(".pdf"))
        return True

    def store(self, key: str, pdf: Path) -> None:
        """Keep a copy of ``pdf``; written under a temporary name then renamed, so a reader
        (or a build cut off half-way) never sees a partial file."""
        self.folder.mkdir(parents=True, exist_ok=True)
        _ignore_folder(self.folder.parent)
        handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        os.close(handle)
        shutil.copyfile(pdf, temporary)
        os.replace(temporary, self.path(key))

    def prune(self, used: set[str]) -> int:
        """Delete entries the last build did not use; returns how many went."""
        if not self.folder.is_dir():
            return 0
        gone = 0
        for path in self.folder.iterdir():
            if path.suffix == ".tmp" or path.stem not in used:
                path.unlink(missing_ok=True)
                gone += 1
        if gone:
            log.info("PDF cache: pruned %d unused file(s)", gone)
        return gone


def _ignore_folder(folder: Path) -> None:
    """A ``.gitignore`` of ``*`` so the cache never shows up in the user's repository."""
    marker = folder / ".gitignore"
    if not marker.exists():
        marker.write_text("# playbook's PDF cache; safe to delete\n*\n", encoding="utf-8")
