"""Pairing outputs: files, privacy of the public summary, determinism and atomic writes."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from generator.config.pairing_settings import PairingSettings
from generator.errors import BuildError
from generator.pairing import report as pair_report
from generator.pairing.report import aggregate_summary, run_pairing

EXAMPLE = Path(__file__).resolve().parents[2] / "playbook" / "roster.example.csv"
FILES = ["pairing-report.html", "pairing-report.md", "pairs.csv"]


def test_run_pairing_writes_the_three_files(tmp_path: Path) -> None:
    result = run_pairing(EXAMPLE, PairingSettings(), tmp_path / "private")
    assert sorted(p.name for p in (tmp_path / "private").iterdir()) == FILES
    rows = list(csv.DictReader(io.StringIO((tmp_path / "private" / "pairs.csv").read_text())))
    assert len(rows) == len(result.pairs) == 10
    assert list(rows[0]) == list(pair_report.CSV_COLUMNS)
    first = result.pairs[0]
    assert rows[0]["mentee_email"] == first.mentee.email
    assert rows[0]["rank"] == str(first.rank)
    assert rows[0]["mentor_department"] == first.mentor.department
    assert rows[0]["mentee_department"] == first.mentee.department


def test_reports_explain_pairs_and_unpaired(tmp_path: Path) -> None:
    result = run_pairing(EXAMPLE, PairingSettings(), tmp_path)
    markdown = (tmp_path / "pairing-report.md").read_text()
    page = (tmp_path / "pairing-report.html").read_text()
    for pair in result.pairs:
        assert pair.mentee.name in markdown
        assert pair_report.why(pair).replace("'", "&#x27;") in page
    for missing in result.unpaired:
        assert missing.reason in markdown
        assert missing.reason in page
    assert page.startswith("<!DOCTYPE html>")
    assert "<style>" in page
    assert "<script" not in page
    assert "http" not in page  # self-contained: no external resources


def test_outputs_are_deterministic(tmp_path: Path) -> None:
    run_pairing(EXAMPLE, PairingSettings(fairness=True), tmp_path / "one")
    run_pairing(EXAMPLE, PairingSettings(fairness=True), tmp_path / "two")
    for name in FILES:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_summary_has_counts_only(tmp_path: Path) -> None:
    result = run_pairing(EXAMPLE, PairingSettings(), tmp_path)
    summary = aggregate_summary(result)
    assert summary == {
        "pairs": 10,
        "departments": 4,
        "cross_department_pairs": summary["cross_department_pairs"],
        "unpaired": 4,
        "unpaired_mentees": 0,
        "unpaired_mentors": 4,
    }
    assert all(isinstance(v, int) for v in summary.values())


def test_markdown_escapes_roster_text(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "name,email,role,department,skills\n"
        "Ann | *Bold*,a@x.example,mentee,Sales,Python\n"
        "<b>Bob</b>,b@x.example,mentor,Eng,python\n",
        encoding="utf-8",
    )
    run_pairing(roster, PairingSettings(), tmp_path / "out")
    assert "Ann \\| \\*Bold\\*" in (tmp_path / "out" / "pairing-report.md").read_text()
    assert "&lt;b&gt;Bob&lt;/b&gt;" in (tmp_path / "out" / "pairing-report.html").read_text()


def test_failed_write_leaves_previous_files(tmp_path: Path, monkeypatch) -> None:
    run_pairing(EXAMPLE, PairingSettings(), tmp_path)
    before = {name: (tmp_path / name).read_bytes() for name in FILES}

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pair_report.os, "replace", broken)
    with pytest.raises(BuildError, match="cannot write the pairing reports: No space left"):
        run_pairing(EXAMPLE, PairingSettings(fairness=True), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == FILES  # no staging folder left behind
    assert {name: (tmp_path / name).read_bytes() for name in FILES} == before


def test_public_summary_names_only_on_opt_in(tmp_path: Path) -> None:
    result = run_pairing(EXAMPLE, PairingSettings(), tmp_path)
    private = pair_report.public_summary(result, PairingSettings())
    assert private == aggregate_summary(result)
    public = pair_report.public_summary(result, PairingSettings(publish_names=True))
    assert public["pair_names"][0] == {"mentor": "Priya Nair", "mentee": "Beatrice Lungu"}
    assert "@" not in repr(public)


def test_why_mentions_departments_by_role(tmp_path: Path) -> None:
    result = run_pairing(EXAMPLE, PairingSettings(), tmp_path)
    assert pair_report.why(result.pairs[0]) == (
        "shares Python, Data visualisation; different departments (mentor: Engineering, "
        "mentee: Sales); both in Toronto; both speak English; option 1 of 4"
    )
