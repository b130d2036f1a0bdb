"""publish.calendar_state: the approved pairs read back from pairs.csv as `playbook pair` wrote
them, and the state written where the next build finds it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import BuildError
from generator.pairing.report import CSV_COLUMNS
from generator.publish.calendar_state import STATE, approved_pairs, load_state, save
from generator.render.calendar.invitations import ApprovedPair, Member
from generator.render.calendar.state import CalendarState, Issued
from generator.spreadsheet import csv_text


def test_no_pairs_file_means_no_invitations(tmp_path: Path) -> None:
    assert approved_pairs(tmp_path) is None
    assert load_state(tmp_path) == CalendarState()


def test_pairs_come_back_as_written_formula_guards_and_all(tmp_path: Path) -> None:
    rows = [["=Ana", "ana@x.example", "Ben", "ben@x.example", "Sales", "Finance", "0.5", "", 1]]
    (tmp_path / "pairing").mkdir()
    (tmp_path / "pairing" / "pairs.csv").write_text(csv_text(CSV_COLUMNS, rows), "utf-8")
    path, pairs = approved_pairs(tmp_path)
    assert path == tmp_path / "pairing" / "pairs.csv"
    assert pairs == [
        ApprovedPair(
            Member("=Ana", "ana@x.example", "Sales"), Member("Ben", "ben@x.example", "Finance"), 2
        )
    ]


def test_an_empty_cell_is_named_by_its_row(tmp_path: Path) -> None:
    rows = [["Ana", "", "Ben", "ben@x.example", "Sales", "Finance", "0.5", "", 1]]
    (tmp_path / "pairing").mkdir()
    (tmp_path / "pairing" / "pairs.csv").write_text(csv_text(CSV_COLUMNS, rows), "utf-8")
    with pytest.raises(BuildError, match=r"pairs.csv:2: mentor_email is empty; run `playbook"):
        approved_pairs(tmp_path)


def test_the_state_is_saved_where_it_is_loaded(tmp_path: Path) -> None:
    state = CalendarState({"a-s1@2027-01.x": Issued(2, "2027-01-11T10:00:00/2027-01-11T11:00:00")})
    save(tmp_path, state, {"ben--ana.ics": "BEGIN:VCALENDAR\r\n"})
    assert (tmp_path / STATE).is_file()
    assert load_state(tmp_path) == state
    assert (tmp_path / "invitations" / "ben--ana.ics").is_file()
    save(tmp_path, state, None)  # without approved pairs the invitations stay as they were
    assert (tmp_path / "invitations" / "ben--ana.ics").is_file()
