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


def test_site_shows_pair_counts_only(example_site: Path):
    home = (example_site / "index.html").read_text(encoding="utf-8")
    assert "10 pairs made" in home


def test_names_appear_only_when_opted_in(tmp_path: Path):
    text = Path("playbook/organisation.yaml").read_text(encoding="utf-8")
    text = text.replace("  fairness: false\n", "  fairness: false\n  publish_names: true\n")
    (tmp_path / ROSTER.name).write_bytes(ROSTER.read_bytes())  # inputs sit beside the config
    config = tmp_path / "organisation.yaml"
    config.write_text(text, encoding="utf-8")
    home = render_tree(load(config))["docs/index.md"]
    assert "## Who is paired with whom" in home
    assert "Margaret Okafor" in home
    assert "@northwind.example" not in home.replace("mentoring@northwind.example", "")
