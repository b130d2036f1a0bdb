"""bind: a department's PDFs from one layout of each document, its booklet bound from those pages.

The booklet used to be a second HTML holding every document's body, laid out again: half the
pages a build made were laid out twice. Now a department is one unit of work:

1. each print HTML is laid out once (WeasyPrint ``HTML.render``, a ``Document`` of pages);
2. the documents not in the cache are written as PDFs of their own;
3. the booklet's cover and contents (``booklet.html``) are laid out, with each document's first
   page number given by a stylesheet, and ``Document.copy`` binds the cover's pages and every
   document's pages into one PDF, written with the same options as a single one.

WeasyPrint (70) draws a PDF from laid-out pages: the form fields (``page.forms``), the PDF/UA
structure tree (``add_tags`` walks each page's boxes), the links and the outline (``page.links``,
``page.bookmarks``) are all made while writing, page by page, so pages laid out in different
documents bind with their fields and tags. The bound PDF takes its metadata (title, language,
dates, the ``/playbook`` entry) from the cover, the first document.

``booklet.html`` names what it binds, in order, as ``<link rel="chapter" href="x.html"
title="...">``; the contents list holds an ``<a href="#x">`` per document whose page number
comes from the stylesheet made here (``a[href="#x"]::after``). A user's booklet template can
reorder or leave out documents by changing those links.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from generator.errors import BuildError
from generator.program.documents import BOOKLET

#: The PDF options of every document and booklet (see :data:`generator.publish.pdf.OPTIONS`).
PDF_OPTIONS: dict[str, Any] = {
    "pdf_forms": True,
    "pdf_variant": "pdf/ua-1",
    "optimize_images": True,
    "custom_metadata": True,
}
#: Rounds of laying out the cover until its own page count agrees with the numbers it prints.
COVER_ROUNDS = 3


@dataclass(frozen=True)
class Chapter:
    """One document the booklet binds: its print HTML's file name and its title."""

    html: str
    title: str

    @property
    def anchor(self) -> str:
        """The contents list's link target: the file stem."""
        return self.html.removesuffix(".html")


class _Chapters(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[Chapter] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") == "chapter" and values.get("href"):
            self.found.append(Chapter(values["href"] or "", values.get("title") or ""))


def chapters(booklet: Path) -> list[Chapter]:
    """The documents ``booklet.html`` binds, in order."""
    parser = _Chapters()
    parser.feed(booklet.read_text(encoding="utf-8"))
    return parser.found


def layout(html: Path, stylesheets: list[Any] | None = None, fonts: Any = None) -> Any:
    """Lay out one print HTML file: a WeasyPrint ``Document``."""
    from weasyprint import HTML

    try:
        source = HTML(string=html.read_text(encoding="utf-8"), base_url=str(html.parent) + os.sep)
        return source.render(font_config=fonts, stylesheets=stylesheets, **PDF_OPTIONS)
    except Exception as err:  # WeasyPrint raises many types; name the file whatever it is
        msg = f"{html}: cannot lay out a PDF: {err}"
        raise BuildError(msg) from err


def write(document: Any, pdf: Path) -> Path:
    """Write a laid-out document as ``pdf``."""
    try:
        document.write_pdf(pdf, **PDF_OPTIONS)
    except Exception as err:
        msg = f"{pdf}: cannot write the PDF: {err}"
        raise BuildError(msg) from err
    return pdf


def css_string(text: str) -> str:
    """``text`` as a CSS string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ") + '"'


def start_pages(chapter_list: list[Chapter], counts: list[int], cover: int) -> dict[str, int]:
    """The booklet page each document starts on, after ``cover`` pages of cover and contents."""
    starts, page = {}, cover + 1
    for chapter, count in zip(chapter_list, counts, strict=True):
        starts[chapter.anchor] = page
        page += count
    return starts


def numbers_css(starts: dict[str, int]) -> str:
    """A stylesheet printing each document's first page after its contents entry."""
    return "\n".join(
        f'a[href={css_string("#" + anchor)}]::after {{ content: leader(". ") "{page}"; }}'
        for anchor, page in starts.items()
    )


def cover_document(
    booklet: Path, chapter_list: list[Chapter], counts: list[int], fonts: Any
) -> Any:
    """The cover and contents, laid out with page numbers that count their own pages."""
    from weasyprint import CSS

    cover_pages = 1
    for _ in range(COVER_ROUNDS):
        css = CSS(string=numbers_css(start_pages(chapter_list, counts, cover_pages)))
        document = layout(booklet, [css], fonts)
        if len(document.pages) == cover_pages:
            return document
        cover_pages = len(document.pages)
    return document


def mark_chapter(document: Any, chapter: Chapter) -> None:
    """Give a document's first page an anchor for the contents and an outline entry of its own.

    The document's own headings move one level down, under its entry.
    """
    first = document.pages[0]
    first.anchors[chapter.anchor] = (0, 0, 0, 0)
    for page in document.pages:
        page.bookmarks = [(level + 1, *rest) for level, *rest in page.bookmarks]
    first.bookmarks.insert(0, (1, chapter.title, (0, 0), "closed"))


def bind(booklet: Path, documents: dict[str, Any], fonts: Any = None) -> Path:
    """Write ``booklet.pdf``: the cover and contents, then each chapter's laid-out pages."""
    chapter_list = chapters(booklet)
    missing = [chapter.html for chapter in chapter_list if chapter.html not in documents]
    if missing:
        msg = f"{booklet}: binds {', '.join(missing)}, which is not a printable of its folder"
        raise BuildError(msg)
    parts = [documents[chapter.html] for chapter in chapter_list]
    counts = [len(part.pages) for part in parts]
    cover = cover_document(booklet, chapter_list, counts, fonts)
    for part, chapter in zip(parts, chapter_list, strict=True):
        mark_chapter(part, chapter)
    for page in cover.pages:  # the cover's own headings are not chapters
        page.bookmarks = []
    cover.pages[min(1, len(cover.pages) - 1)].bookmarks = [(1, "Contents", (0, 0), "closed")]
    pages = list(cover.pages) + [page for part in parts for page in part.pages]
    return write(cover.copy(pages), booklet.with_suffix(".pdf"))


def make_department(folder: Path, todo: list[str], booklet: bool) -> list[Path]:
    """Lay out a department's print HTML once; write the PDFs of ``todo`` (file names) and,
    with ``booklet``, bind ``booklet.html`` from every document's pages.

    Without a booklet to bind, only the ``todo`` documents are laid out.
    """
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()  # one font set for the department: fonts load once
    bound = {chapter.html for chapter in chapters(folder / f"{BOOKLET}.html")} if booklet else set()
    documents: dict[str, Any] = {}
    made = []
    for name in sorted(set(todo) | bound):
        documents[name] = layout(folder / name, fonts=fonts)
        if name in todo:
            made.append(write(documents[name], (folder / name).with_suffix(".pdf")))
    if booklet:
        made.append(bind(folder / f"{BOOKLET}.html", documents, fonts))
    return made
