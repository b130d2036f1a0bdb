"""links: our own check of every link in the built site, whichever engine built it.

MkDocs' strict mode checks links between Markdown pages and to files in docs/; Zensical's does
not catch a link to a missing PDF. So after the engine has written the site, and before it is
swapped into place, every ``href`` and ``src`` in every HTML page is resolved against the built
folder: pages, PDFs, calendars, print HTML and the theme's assets. Links that leave the site
(``https:``, ``mailto:`` and any other scheme) and links to a place on the same page are not
followed. One walk of the folder makes the set of files; each link is then a set lookup.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from generator.errors import BuildError

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
#: How many broken links the message lists before it counts the rest.
SHOWN = 20


@dataclass(frozen=True)
class Broken:
    """A link in ``page`` (site-relative) that resolves to no file of the site."""

    page: str
    link: str


@dataclass
class LinkReport:
    """What a check looked at, and what it found broken."""

    pages: int = 0
    links: int = 0
    broken: tuple[Broken, ...] = ()


def check_links(site: Path, shown_as: str = "site") -> LinkReport:
    """Check every link in the site's HTML pages; BuildError naming each broken one.

    ``shown_as`` is the folder name the message gives pages (the live output's, not the
    staging folder's), e.g. ``site/sales/index.html: link 'x.pdf' leads nowhere``.
    """
    report = scan(site)
    if report.broken:
        lines = [
            f"{shown_as}/{item.page}: link {item.link!r} leads nowhere"
            for item in report.broken[:SHOWN]
        ]
        more = len(report.broken) - SHOWN
        if more > 0:
            lines.append(f"... and {more} more broken link(s)")
        lines.append("The previous site was left as it was.")
        raise BuildError("\n".join(lines))
    return report


def scan(site: Path) -> LinkReport:
    """Every link in every page of ``site`` resolved against the files there."""
    files, folders = _contents(site)
    report = LinkReport()
    broken: list[Broken] = []
    for page in sorted(path for path in files if path.endswith((".html", ".htm"))):
        report.pages += 1
        data = (site / page).read_bytes()
        base = PurePosixPath(page).parent
        for link in _links(data):
            target = _target(base, link)
            if target is None:
                continue
            report.links += 1
            if not _exists(target, files, folders):
                broken.append(Broken(page, link))
    report.broken = tuple(broken)
    return report


def _contents(site: Path) -> tuple[set[str], set[str]]:
    """The site's files and folders as site-relative POSIX paths ("" is the site itself)."""
    files: set[str] = set()
    folders: set[str] = {""}
    for root, dirs, names in os.walk(site):
        rel = Path(root).relative_to(site).as_posix()
        prefix = "" if rel == "." else f"{rel}/"
        folders.update(f"{prefix}{name}" for name in dirs)
        files.update(f"{prefix}{name}" for name in names)
    return files, folders


class _LinkParser(HTMLParser):
    """Collects the href and src of every tag, and nothing from text.

    A parser, not a pattern over the bytes: a page that shows config text such as
    ``<img src=x>`` (escaped, so it is text) or code with ``href="..."`` in it has no link
    there, and script and style contents are not tags either.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links += [value for name, value in attrs if name in ("href", "src") and value]


def _links(data: bytes) -> Iterator[str]:
    parser = _LinkParser()
    parser.feed(data.decode("utf-8", "replace"))
    parser.close()
    yield from parser.links


def _target(base: PurePosixPath, link: str) -> str | None:
    """The site-relative path a link leads to, or None for links this check does not follow."""
    link = link.strip()
    if not link or link.startswith(("#", "//")) or _SCHEME.match(link):
        return None
    path = unquote(urlsplit(link).path)
    if not path:
        return None  # "?query" alone: this page
    joined = PurePosixPath(path.lstrip("/")) if path.startswith("/") else base / path
    return _normalise(joined.parts, trailing=path.endswith("/"))


def _normalise(parts: Iterable[str], *, trailing: bool) -> str:
    kept: list[str] = []
    for part in parts:
        if part == "..":
            if not kept:
                return "../"  # above the site: leads nowhere in it
            kept.pop()
        elif part not in (".", ""):
            kept.append(part)
    return "/".join(kept) + ("/" if trailing and kept else "")


def _exists(target: str, files: set[str], folders: set[str]) -> bool:
    if target.startswith("../"):
        return False
    folder = target.rstrip("/")
    if target.endswith("/") or target == "":
        return f"{folder}/index.html".lstrip("/") in files
    return target in files or (target in folders and f"{target}/index.html" in files)
