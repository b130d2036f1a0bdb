"""Participant data never reaches the published site unless the config opts in."""

from __future__ import annotations

import csv
from pathlib import Path

from generator.commands.build import render_tree
from generator.config.load import load

ROSTER = Path("playbook/roster.example.csv")


def participants() -> list[str]:
    with ROSTER.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [row["name"] for row in rows] + [row["email"] for row in rows]


def test_example_site_has_no_participant_name_or_email(example_site: Path):
    people = participants()
    assert len(people) >= 40
    for path in example_site.rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="replace")
            found = [p for p in people if p in text]
            assert found == [], f"{path.relative_to(example_site)} leaks {found}"


def test_site_shows_no_pairs_before_they_are_approved(example_site: Path):
    home = (example_site / "index.html").read_text(encoding="utf-8")
    assert "Pairs not yet approved" in home


def approved_example(tmp_path: Path, *, publish_names: bool) -> Path:
    """The example config in tmp_path/playbook with its pairs proposed (and so approved)."""
    from generator.commands.pair import pair_program

    text = Path("playbook/organisation.yaml").read_text(encoding="utf-8")
    if publish_names:
        text = text.replace("  fairness: false\n", "  fairness: false\n  publish_names: true\n")
    folder = tmp_path / "playbook"
    folder.mkdir()
    (folder / ROSTER.name).write_bytes(ROSTER.read_bytes())  # inputs sit beside the config
    config = folder / "organisation.yaml"
    config.write_text(text, encoding="utf-8")
    pair_program(config, None, None)
    return config


def test_site_shows_pair_counts_only(tmp_path: Path):
    home = render_tree(load(approved_example(tmp_path, publish_names=False)))["docs/index.md"]
    assert "__10 pairs made__" in home
    assert not [p for p in participants() if p in home]


def test_names_appear_only_when_opted_in(tmp_path: Path):
    home = render_tree(load(approved_example(tmp_path, publish_names=True)))["docs/index.md"]
    assert "## Who is paired with whom" in home
    assert "Margaret Okafor" in home
    assert "@northwind.example" not in home.replace("mentoring@northwind.example", "")
