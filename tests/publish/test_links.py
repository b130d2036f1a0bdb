from pathlib import Path

import pytest

from generator.errors import BuildError
from generator.publish.links import SHOWN, check_links, scan


def write(site: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return site


def test_links_to_pages_files_and_folders_resolve(tmp_path: Path):
    site = write(
        tmp_path / "site",
        {
            "index.html": '<a href="sales/">Sales</a> <a href="print/sales/agenda.pdf">PDF</a>'
            '<link rel="stylesheet" href="assets/a.css"><script src="assets/a.js"></script>'
            "<a href=guide/faq.html>bare</a> <a href='sales'>folder</a>",
            "sales/index.html": '<a href="../">Home</a> <a href="../sales.ics?x=1#top">ics</a>'
            '<img src="/assets/logo%20big.png"> <a href="./">here</a>',
            "print/sales/agenda.pdf": "%PDF",
            "assets/a.css": "",
            "assets/a.js": "",
            "assets/logo big.png": "",
            "guide/faq.html": "",
            "sales.ics": "",
        },
    )
    report = check_links(site)
    assert (report.pages, report.links, report.broken) == (3, 10, ())


def test_links_that_leave_the_site_or_stay_on_the_page_are_not_followed(tmp_path: Path):
    site = write(
        tmp_path / "site",
        {
            "index.html": '<a href="https://example.org/x.pdf">a</a> <a href="mailto:a@b.c">m</a>'
            '<a href="#top">t</a> <a href="//cdn.example/x.js">c</a> <img src="data:image/png;'
            'base64,AAAA"> <a href="tel:+441234">p</a> <a href="?q=1">q</a>',
        },
    )
    assert scan(site).links == 0


def test_a_broken_link_names_the_page_and_the_link(tmp_path: Path):
    site = write(
        tmp_path / "staged",
        {
            "sales/index.html": '<a href="../print/sales/agenda-s01.pdf">Agenda</a>'
            '<a href="../../outside.html">up</a> <a href="../finance/">Finance</a>',
        },
    )
    with pytest.raises(BuildError) as caught:
        check_links(site, "site")
    assert str(caught.value.message).splitlines() == [
        "site/sales/index.html: link '../print/sales/agenda-s01.pdf' leads nowhere",
        "site/sales/index.html: link '../../outside.html' leads nowhere",
        "site/sales/index.html: link '../finance/' leads nowhere",
        "The previous site was left as it was.",
    ]


def test_a_long_list_of_broken_links_is_cut_short_with_a_count(tmp_path: Path):
    links = "".join(f'<a href="missing-{n:02}.pdf">x</a>' for n in range(SHOWN + 5))
    site = write(tmp_path / "site", {"index.html": links})
    with pytest.raises(BuildError) as caught:
        check_links(site)
    lines = caught.value.message.splitlines()
    assert len(lines) == SHOWN + 2
    assert lines[-2] == "... and 5 more broken link(s)"


def test_escaped_ampersands_in_links_are_read_as_the_browser_reads_them(tmp_path: Path):
    site = write(
        tmp_path / "site",
        {"index.html": '<a href="a&amp;b.html">x</a>', "a&b.html": ""},
    )
    assert scan(site).broken == ()


def test_link_like_text_is_not_a_link(tmp_path: Path):
    """Config text shown on a page (escaped), code samples and scripts hold no links."""
    site = write(
        tmp_path / "staged",
        {
            "index.html": "<p>&lt;img src=x onerror=alert(1)&gt;</p>"
            '<pre><code>&lt;a href="nowhere.pdf"&gt;</code></pre>'
            "<script>var html = '<img src=missing.png>';</script>"
            '<img src=present.png alt="">',
            "present.png": "",
        },
    )
    report = check_links(site, "site")
    assert (report.pages, report.links, report.broken) == (1, 1, ())
