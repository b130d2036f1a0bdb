"""Filters that shape config text in prose (the escaping ones are tested with the pages)."""

from __future__ import annotations

import pytest

from generator.commands.build import render_tree
from generator.config.load import load
from generator.render.filters import possessive
from tests.conftest import MINIMAL


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Northwind", "Northwind's"),
        ("Northwind Traders", "Northwind Traders'"),
        ("ACME SYSTEMS", "ACME SYSTEMS'"),
        ("Acme Inc.", "Acme Inc.'s"),
        ("Grupo Bimbo", "Grupo Bimbo's"),
    ],
)
def test_possessive(name: str, expected: str):
    assert possessive(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Acme Analytics", "Acme Analytics' reverse-mentoring program"),
        ("Acme Group", "Acme Group's reverse-mentoring program"),
        ('"*Bold* Partners"', r"\*Bold\* Partners' reverse-mentoring program"),
    ],
)
def test_home_page_possessive_of_the_organisation(write_config, name: str, expected: str):
    text = MINIMAL.replace("  name: Acme Analytics\n", f"  name: {name}\n")
    home = render_tree(load(write_config(text)))["docs/index.md"]
    assert expected in home
    assert "s's " not in home
