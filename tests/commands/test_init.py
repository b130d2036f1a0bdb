"""`playbook init DIR`: a path it cannot use is a plain message, and nothing is written; the
program it writes is the organisation's own once renamed, with none of the example's people."""

from __future__ import annotations

import csv
import re
from html import unescape
from pathlib import Path

import pytest

from generator.cli import main
from generator.commands.build import build
from generator.commands.init import init_program
from generator.config.load import load
from generator.errors import PlaybookError
from tests.helpers import visible_text

HISTORY = re.compile(r'Procter &amp; Gamble\s+later ran a (&quot;|")Mentor-Up(&quot;|") program')


@pytest.mark.parametrize("below", ["", "program", "a/b/program"])
def test_a_file_in_the_way_writes_nothing(runner, tmp_path: Path, below: str):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("mine", encoding="utf-8")
    target = blocker / below if below else blocker
    result = runner.invoke(main, ["init", str(target)])
    assert result.exit_code == 1, result.output
    assert result.output.startswith(f"Error: {target}: cannot make the program folder here: ")
    where = "it" if not below else str(blocker)
    assert f"{where} is a file, not a folder" in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    assert blocker.read_text(encoding="utf-8") == "mine"


def test_init_makes_missing_parents(tmp_path: Path):
    written = init_program(tmp_path / "programs" / "2027")
    assert (tmp_path / "programs" / "2027" / "organisation.yaml") in written


def test_an_unwritable_folder_is_a_message(tmp_path: Path, monkeypatch):
    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(PlaybookError, match="cannot write the example: Permission denied"):
        init_program(tmp_path / "program")


def test_a_renamed_program_keeps_nothing_of_the_example_name(tmp_path: Path):
    """Rename the organisation and program in the config: the site says only the new names."""
    folder = tmp_path / "program"
    init_program(folder)
    config = folder / "organisation.yaml"
    text = config.read_text(encoding="utf-8")
    for old, new in (
        ("name: Northwind Traders\n", "name: Contoso Logistics\n"),
        ("program: Mentor-Up\n", "program: Bridge Builders\n"),
    ):
        assert text.count(old) == 1
        text = text.replace(old, new)
    config.write_text(text, encoding="utf-8")

    site = build(config, site_only=True)

    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        # The guide's history names Procter & Gamble's own "Mentor-Up" program: a fact, not ours.
        html = HISTORY.sub("", page.read_text(encoding="utf-8"))
        for old in ("Northwind Traders", "Mentor-Up"):
            assert old not in html, f"{page.relative_to(site)} still says {old!r}"
    home = (site / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", home, re.S)
    assert title is not None
    assert unescape(title.group(1)) == "Bridge Builders · Contoso Logistics"
    header = re.search(r'<div class="md-header__title"[^>]*>(.*?)</div>\s*</div>', home, re.S)
    assert header is not None
    assert "Bridge Builders · Contoso Logistics" in unescape(header.group(1))
    assert "Contoso Logistics' reverse-mentoring program" in visible_text(site / "index.html")


def test_a_new_program_carries_no_example_participants(tmp_path: Path):
    """The example roster comes along for its columns, unlinked: no pairs, no names on the site."""
    folder = tmp_path / "program"
    init_program(folder)
    text = (folder / "organisation.yaml").read_text(encoding="utf-8")
    assert "\nroster:" not in text
    assert "# roster: roster.csv\n" in text
    assert load(folder / "organisation.yaml").config.roster is None
    with (folder / "roster.example.csv").open(encoding="utf-8") as handle:
        people = [(row["name"], row["email"]) for row in csv.DictReader(handle)]
    assert len(people) >= 20

    site = build(folder / "organisation.yaml", site_only=True)

    assert "pairs made" not in visible_text(site / "index.html")
    for path in site.rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="replace")
            assert not [p for p in people if p[0] in text or p[1] in text], path
