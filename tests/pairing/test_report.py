"""Pairing results as data: pairs.csv, the plain-text explanations and the public counts."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from generator.config.load import load
from generator.config.pairing_settings import PairingSettings
from generator.pairing import report as pair_report
from generator.pairing.cohort import PairingResult, pair_cohort
from generator.pairing.report import aggregate_summary, pairing_summary, pairs_csv
from generator.pairing.roster import read_roster
from tests.conftest import MINIMAL

EXAMPLE = Path(__file__).resolve().parents[2] / "playbook" / "roster.example.csv"


@pytest.fixture(scope="module")
def result() -> PairingResult:
    return pair_cohort(read_roster(EXAMPLE), PairingSettings())


def test_pairs_csv_has_a_row_per_pair_and_each_department_in_its_own_column(result) -> None:
    rows = list(csv.DictReader(io.StringIO(pairs_csv(result))))
    assert len(rows) == len(result.pairs) == 10
    assert tuple(rows[0]) == pair_report.CSV_COLUMNS
    assert "departments" not in rows[0]
    for row, pair in zip(rows, result.pairs, strict=True):
        assert row["mentee_email"] == pair.mentee.email
        assert row["rank"] == str(pair.rank)
        assert row["mentor_department"] == pair.mentor.department
        assert row["mentee_department"] == pair.mentee.department
    assert (rows[0]["mentor_department"], rows[0]["mentee_department"]) == ("Engineering", "Sales")


def test_pairs_csv_is_deterministic() -> None:
    one = pair_cohort(read_roster(EXAMPLE), PairingSettings(fairness=True))
    two = pair_cohort(read_roster(EXAMPLE), PairingSettings(fairness=True))
    assert pairs_csv(one) == pairs_csv(two)


def test_summary_has_counts_only(result) -> None:
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


def test_public_summary_names_only_on_opt_in(result) -> None:
    private = pair_report.public_summary(result, PairingSettings())
    assert private == aggregate_summary(result)
    public = pair_report.public_summary(result, PairingSettings(publish_names=True))
    assert public["pair_names"][0] == {"mentor": "Priya Nair", "mentee": "Beatrice Lungu"}
    assert "@" not in repr(public)


def test_why_mentions_departments_by_role(result) -> None:
    assert pair_report.why(result.pairs[0]) == (
        "shares Python, Data visualisation; different departments (mentor: Engineering, "
        "mentee: Sales); both in Toronto; both speak English; option 1 of 4"
    )


def test_score_breakdown_adds_up(result) -> None:
    pair = result.pairs[0]
    assert pair_report.score_breakdown(pair) == (
        "1.600 = 1.000 skills + 0.300 cross-department + 0.200 location + 0.100 language"
        " + 0.000 availability"
    )


def test_a_name_that_would_be_a_formula_is_text_in_pairs_csv(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "name,email,role,department,skills\n"
        '"=HYPERLINK(""http://x"",""y"")",v@x.example,mentee,@Sales,-Python\n'
        "Ana Junior,a@x.example,mentor,Finance,-Python\n",
        encoding="utf-8",
    )
    text = pairs_csv(pair_cohort(read_roster(roster), PairingSettings()))
    (row,) = csv.DictReader(io.StringIO(text))
    assert row["mentee"] == '\'=HYPERLINK("http://x","y")'
    assert (row["mentee_department"], row["shared_skills"]) == ("'@Sales", "'-Python")
    assert (row["mentor"], row["mentor_department"], row["rank"]) == ("Ana Junior", "Finance", "1")
    assert float(row["score"]) > 0  # a number, left alone


def test_the_public_counts_see_a_department_however_pairs_csv_writes_it(write_config, tmp_path):
    """'sales', 'SALES' and 'Sales' are one department: in the counts and in cross-department.
    The counts come from the approved pairs.csv, read as plain CSV (no roster, no solver)."""
    (tmp_path / "roster.csv").write_text("name,email,role,department,skills\n", encoding="utf-8")
    playbook = load(write_config(MINIMAL + "roster: roster.csv\n"))
    assert pairing_summary(playbook) == pair_report.NOT_YET_APPROVED
    approved = pair_report.approved_path(playbook)
    approved.parent.mkdir(parents=True)
    approved.write_text(
        "mentor,mentor_email,mentee,mentee_email,mentor_department,mentee_department\n"
        "Bob,bob@x.example,Ann,ann@x.example,SALES,sales\n"
        "Di,di@x.example,Cy,cy@x.example,research,Research\n"
        "Ed,ed@x.example,Flo,flo@x.example,Sales,Research\n",
        encoding="utf-8",
    )
    summary = pairing_summary(playbook)
    assert summary == {
        "approved": True, "pairs": 3, "departments": 2, "cross_department_pairs": 1
    }  # fmt: skip
