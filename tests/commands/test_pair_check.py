"""Propose -> review -> `pair --check` -> build: the approved pairs.csv is the record.

The lead edits the proposed pairs.csv; `--check` refuses a broken row with its row and rule and,
for a clean file, makes the report and the packets follow it. The build reads the approved
file for its counts and never solves the pairing.
"""

from __future__ import annotations

import csv
import io
import os

import pytest

from generator import pairing
from generator.cli import main
from generator.commands.build import render_tree
from generator.config.load import load
from tests.commands.test_pair import ROSTER
from tests.conftest import MINIMAL

HEADER = "mentor,mentor_email,mentee,mentee_email,mentor_department,mentee_department,notes\n"


@pytest.fixture
def roster(small_config):
    path = small_config.parent / "roster.csv"
    path.write_text(ROSTER, encoding="utf-8")
    return path


def run(runner, small_config, roster, *args):
    return runner.invoke(main, ["pair", str(roster), "-c", str(small_config), *args])


def test_a_mentor_paired_with_their_manager_is_refused_with_the_row(
    runner, small_config, built_site, roster
) -> None:
    assert run(runner, small_config, roster).exit_code == 0  # the proposal
    approved = small_config.parent / "private" / "pairing" / "pairs.csv"
    # Ben reports to Tom: the lead pairs them by hand anyway.
    with approved.open("a", encoding="utf-8") as handle:
        handle.write("Ben Junior,ben@acme.example,Tom Senior,tom@acme.example,Sales,Finance,,\n")
    before = sorted(p.name for p in approved.parent.rglob("*"))
    result = run(runner, small_config, roster, "--check")
    assert result.exit_code == 1
    assert (
        "pairs.csv:3: mentor_email: Tom Senior manages Ben Junior (reporting line)" in result.output
    )
    assert sorted(p.name for p in approved.parent.rglob("*")) == before  # nothing rewritten


def test_a_clean_edited_file_is_the_record(runner, small_config, built_site, roster) -> None:
    assert run(runner, small_config, roster).exit_code == 0
    folder = small_config.parent / "private" / "pairing"
    edited = small_config.parent / "approved.csv"
    # The lead swaps Vera's mentor from Ana to Cy (no shared skill: allowed, flagged) and
    # keeps a notes column of their own.
    edited.write_text(HEADER + "Cy,cy@acme.example,Vera,vera@acme.example,,,call first\n")
    os.utime(roster, (1, 1))  # the roster is older than the approved file: no warning
    result = run(runner, small_config, roster, "--check", str(edited))
    assert result.exit_code == 0, result.output
    assert "1 pairs approved and checked" in result.output
    assert "flagged, no shared skill: 1 pair(s)" in result.output
    assert "Warning" not in result.output
    rows = list(csv.DictReader(io.StringIO((folder / "pairs.csv").read_text())))
    assert [(r["mentor"], r["mentee"], r["mentee_department"], r["notes"]) for r in rows] == [
        ("Cy Junior", "Vera Senior", "Sales", "call first")
    ]  # completed from the roster, the lead's column kept
    assert sorted(p.name for p in (folder / "packets").iterdir()) == ["vera-senior--cy-junior"]
    report = (folder / "pairing-report.md").read_text()
    assert "These are the approved pairs" in report
    assert "| Ana Junior | mentor | not in the approved pairs |" in report
    assert "- no shared skill: 1 pair" in report


def test_an_approved_file_older_than_the_roster_is_reported(
    runner, small_config, built_site, roster
) -> None:
    assert run(runner, small_config, roster).exit_code == 0
    approved = small_config.parent / "private" / "pairing" / "pairs.csv"
    os.utime(approved, (1, 1))
    result = run(runner, small_config, roster, "--check")
    assert result.exit_code == 0, result.output
    assert "the approved pairs are older than the roster roster.csv" in result.output


@pytest.fixture
def no_solver(monkeypatch):
    """Make every way into the pairing engine fail loudly."""

    def refuse(*_args, **_kwargs):
        msg = "the build read the roster or solved the pairing"
        raise AssertionError(msg)

    monkeypatch.setattr(pairing.cohort, "pair_cohort", refuse)
    monkeypatch.setattr(pairing.cohort, "solve", refuse)
    monkeypatch.setattr(pairing.cohort, "build_problem", refuse)
    monkeypatch.setattr(pairing.solve, "linear_sum_assignment", refuse)
    monkeypatch.setattr(pairing.roster, "read_roster", refuse)
    monkeypatch.setattr(pairing.approved, "build_problem", refuse)


def test_the_build_reads_the_approved_file_and_never_solves(
    write_config, tmp_path, no_solver
) -> None:
    (tmp_path / "roster.csv").write_text(ROSTER, encoding="utf-8")
    playbook = load(write_config(MINIMAL + "roster: roster.csv\n"))
    home = render_tree(playbook)["docs/index.md"]
    assert "Pairs not yet approved" in home
    approved = tmp_path / "private" / "pairing" / "pairs.csv"
    approved.parent.mkdir(parents=True)
    approved.write_text(
        HEADER
        + "Ana,ana@acme.example,Vera,vera@acme.example,Finance,Sales,\n"
        + "Cy,cy@acme.example,Tom,tom@acme.example,Sales,Sales,\n",
        encoding="utf-8",
    )
    home = render_tree(playbook)["docs/index.md"]
    assert "__2 pairs made__" in home
    assert "1 of the 2 pairs cross" in " ".join(home.split())
    assert "Pairs not yet approved" not in home
