"""spreadsheet: every CSV cell that a spreadsheet would run as a formula is written as text."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.spreadsheet import FORMULA_STARTS, cell_value, csv_text, neutralise

FORMULAS = [
    ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
    ("+1 555 0100", "'+1 555 0100"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ("'=1+1", "''=1+1"),  # a quote typed before a formula gets one more: the round trip holds
]
KEPT = ["Ana Junior", "Customer Care", "", "0.500", "-0.5", "+3", "-1e-05", "12", "'quoted", "a=b"]


@pytest.mark.parametrize(("text", "written"), FORMULAS)
def test_a_cell_that_would_be_a_formula_is_written_as_text(text: str, written: str):
    assert neutralise(text) == written
    assert cell_value(written) == text


@pytest.mark.parametrize("text", KEPT)
def test_text_and_plain_numbers_are_written_as_they_are(text: str):
    assert neutralise(text) == text
    assert cell_value(text) == text


def test_numbers_stay_numbers():
    assert [neutralise(v) for v in (3, -2, 0.5, -0.25)] == ["3", "-2", "0.5", "-0.25"]


@given(st.text(alphabet=st.sampled_from([*FORMULA_STARTS, "'", "1", ".", "e", "a", " "])))
def test_reading_back_gives_what_was_written(text: str):
    written = neutralise(text)
    assert cell_value(written) == text
    if written[:1] in FORMULA_STARTS:  # only a plain number may start like a formula
        assert written == text
        float(written)


def test_csv_text_neutralises_every_cell_and_the_csv_parses_back():
    text = csv_text(["name", "=score"], [['=HYPERLINK("http://x","y")', -0.5], ["Ana", 2]])
    assert text.splitlines()[0] == "name,'=score"
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1:] == [['\'=HYPERLINK("http://x","y")', "-0.5"], ["Ana", "2"]]
    assert [cell_value(cell) for cell in rows[1]] == ['=HYPERLINK("http://x","y")', "-0.5"]
