"""Booklets bound from their documents' laid-out pages, read back with pypdf as a reader would:
pages, fields, outline, contents page numbers, properties and the PDF/UA structure tree."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.program.pdfinfo import INFO_KEY
from generator.publish.bind import Chapter, chapters, numbers_css, start_pages

DEPARTMENTS = ("sales", "finance")  # one department of pairs, one of groups


def folder(site: Path, slug: str) -> Path:
    return site / "printables" / slug


def documents(site: Path, slug: str) -> list[tuple[str, PdfReader]]:
    """The booklet's documents in the order it binds them: (title, their own PDF)."""
    source = folder(site, slug) / "booklet.html"
    return [
        (chapter.title, PdfReader(folder(site, slug) / chapter.html.replace(".html", ".pdf")))
        for chapter in chapters(source)
    ]


@pytest.mark.parametrize("slug", DEPARTMENTS)
def test_the_booklet_is_its_cover_contents_and_every_documents_pages(
    built_site: Path, slug: str
) -> None:
    booklet = PdfReader(folder(built_site, slug) / "booklet.pdf")
    parts = documents(built_site, slug)
    assert len(parts) > 10
    assert len(booklet.pages) == 2 + sum(len(reader.pages) for _, reader in parts)
    assert "participant booklet" in booklet.pages[0].extract_text()
    assert booklet.pages[1].extract_text().startswith("Contents")


@pytest.mark.parametrize("slug", DEPARTMENTS)
def test_every_field_of_every_document_is_in_the_booklet_once(built_site: Path, slug: str) -> None:
    booklet = set(PdfReader(folder(built_site, slug) / "booklet.pdf").get_fields() or {})
    expected: list[str] = []
    for _, reader in documents(built_site, slug):
        expected += list(reader.get_fields() or {})
    assert len(expected) == len(set(expected)) > 50
    assert booklet == set(expected)


@pytest.mark.parametrize("slug", DEPARTMENTS)
def test_the_contents_and_the_outline_give_the_page_each_document_starts_on(
    built_site: Path, slug: str
) -> None:
    booklet = PdfReader(folder(built_site, slug) / "booklet.pdf")
    contents = booklet.pages[1].extract_text()
    outline = {item.title: booklet.get_destination_page_number(item) for item in booklet.outline
               if not isinstance(item, list)}  # fmt: skip
    page = 3
    for title, reader in documents(built_site, slug):
        assert re.search(rf"{re.escape(title)}[ .]*\s{page}\b", contents), title
        assert outline[title] == page - 1  # pypdf counts from 0
        assert booklet.pages[page - 1].extract_text() == reader.pages[0].extract_text()
        page += len(reader.pages)
    assert outline["Contents"] == 1


def test_the_booklet_keeps_its_properties_and_structure_tree(built_site: Path) -> None:
    booklet = PdfReader(folder(built_site, "sales") / "booklet.pdf")
    assert booklet.metadata is not None
    assert booklet.metadata[INFO_KEY].startswith("department=sales;")
    assert booklet.metadata["/Title"].startswith("Participant booklet")
    root = booklet.trailer["/Root"]
    tree = root["/StructTreeRoot"].get_object()
    document = tree["/K"][0].get_object()
    assert document["/S"] == "/Document"
    assert len(document["/K"]) >= len(booklet.pages)  # each page's content is tagged
    # the parent tree maps every page's marked content and every widget and link to its element
    keys = set(tree["/ParentTree"].get_object()["/Nums"][::2])
    widgets = sum(1 for page in booklet.pages for _ in page.get("/Annots", []))
    assert set(range(len(booklet.pages))) <= keys
    assert len(keys) == len(booklet.pages) + widgets
    assert root["/MarkInfo"]["/Marked"]


def test_page_numbers_count_the_cover_and_each_documents_pages() -> None:
    parts = chapters_of("<link rel=chapter href=a.html title=A>", "b")
    assert [c.html for c in parts] == ["a.html", "b.html"]
    starts = start_pages(parts, [2, 1], cover=2)
    assert starts == {"a": 3, "b": 5}
    assert 'a[href="#b"]::after { content: leader(". ") "5"; }' in numbers_css(starts)


def chapters_of(links: str, extra: str) -> list[Chapter]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "booklet.html"
        path.write_text(
            f'{links}<p>x</p><link rel="chapter" href="{extra}.html" title="B">', "utf-8"
        )
        return chapters(path)
