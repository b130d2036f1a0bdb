"""The approved pairs file checked against every hard rule: one located message per broken row,
naming the rule; a clean file comes back explained like `pair`'s own pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config.load import load
from generator.config.resolved import DepartmentNames
from generator.pairing.approved import (
    NOT_APPROVED,
    ApprovedPairsError,
    check_approved,
    read_approved,
)  # fmt: skip
from generator.pairing.roster import read_roster
from tests.conftest import MINIMAL

ROSTER = """\
name,email,role,department,skills,manager,languages,capacity
Tom Senior,tom@x.example,mentee,Research,Python,,English,
Vera Senior,vera@x.example,mentee,Sales,Python,,English,
Pia Senior,pia@x.example,mentee,Sales,Python,,Portuguese,
Zoe Senior,zoe@x.example,mentee,Research,Python,,,
Ben Junior,ben@x.example,mentor,Sales,Python,tom@x.example,English,
Ana Silva,ana@x.example,mentor,Research,Python,,English;Spanish,1
Cy Junior,cy@x.example,mentor,Sales,Python,,,2
"""
HEADER = "mentor,mentor_email,mentee,mentee_email,mentor_department,mentee_department\n"
RULES = """\
pairing:
  forbidden: [{mentor: ana@x.example, mentee: vera@x.example}]
  pinned: [{mentor: cy@x.example, mentee: zoe@x.example}]
"""


@pytest.fixture
def cohort(write_config, tmp_path: Path):
    """Check a pairs.csv body (rows after the header) against the roster and RULES."""
    playbook = load(write_config(MINIMAL + RULES))
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    people = read_roster(roster, DepartmentNames(playbook.departments))

    def check(rows: str):
        path = tmp_path / "pairs.csv"
        path.write_text(HEADER + rows, encoding="utf-8")
        names = DepartmentNames(playbook.departments)
        return check_approved(read_approved(path), people, playbook.config.pairing, names)

    return check


PIN = "Cy Junior,cy@x.example,Zoe Senior,zoe@x.example,Sales,Research\n"


def refused(check, rows: str) -> list[str]:
    with pytest.raises(ApprovedPairsError) as caught:
        check(rows)
    return caught.value.message.splitlines()[1:]


def test_a_mentor_paired_with_their_own_manager_is_refused_at_the_row(cohort) -> None:
    lines = refused(cohort, PIN + "Ben Junior,ben@x.example,Tom Senior,tom@x.example,,\n")
    assert lines == [
        "  - pairs.csv:3: mentor_email: Tom Senior manages Ben Junior (reporting line)"
    ]


def test_each_rule_is_named(cohort) -> None:
    rows = (
        PIN.replace(",Sales,", ",Salez,")  # no such department
        + "Ana Silva,ana@x.example,Vera Senior,vera@x.example,Research,Sales\n"  # forbidden
        + "Ana Silva,ana@x.example,Tom Senior,tom@x.example,,\n"  # over Ana's capacity
        + "Ben Junior,ben@x.example,Pia Senior,pia@x.example,,\n"  # English / Portuguese
        + "X,nobody@x.example,Pia Senior,pia@x.example,,\n"  # not in the roster
        + "Vera,vera@x.example,Tom Senior,tom@x.example,,\n"  # a mentee as mentor
    )
    assert refused(cohort, rows) == [
        "  - pairs.csv:2: mentor_department: 'Salez' is not a department of the config; did "
        "you mean 'Sales'? (departments)",
        "  - pairs.csv:3: mentor_email: Ana Silva and Vera Senior are a forbidden pair "
        "(pairing.forbidden[0]) (forbidden)",
        "  - pairs.csv:4: mentor_email: Ana Silva can take 1 mentee(s) and is already paired "
        "on row 3 (capacity)",
        "  - pairs.csv:5: mentor_email: Ben Junior (English) and Pia Senior (Portuguese) share "
        "no language (shared language)",
        "  - pairs.csv:6: mentor_email: nobody@x.example is not in the roster (people)",
        "  - pairs.csv:7: mentor_email: Vera Senior is a mentee in the roster, not a mentor "
        "(people)",
    ]


def test_a_missing_pin_is_refused(cohort) -> None:
    lines = refused(cohort, "Ana Silva,ana@x.example,Tom Senior,tom@x.example,,\n")
    assert lines == [
        "  - pairs.csv: pairing.pinned[0]: cy@x.example -> zoe@x.example is not in the file (pins)"
    ]
    lines = refused(cohort, "Ana Silva,ana@x.example,Zoe Senior,zoe@x.example,,\n")
    assert lines == [
        "  - pairs.csv:2: mentee_email: zoe@x.example is pinned to cy@x.example "
        "(pairing.pinned[0]), not Ana Silva (pins)"
    ]


def test_a_mentee_in_two_rows_is_refused(cohort) -> None:
    rows = PIN + "Ana Silva,ana@x.example,Zoe Senior,zoe@x.example,,\n"
    assert refused(cohort, rows) == [
        "  - pairs.csv:3: mentee_email: Zoe Senior is already paired on row 2 "
        "(one mentor per mentee)"
    ]


def test_no_shared_language_is_allowed_when_the_config_says_so(write_config, tmp_path) -> None:
    playbook = load(write_config(MINIMAL + "pairing: {rules: {shared_language: false}}\n"))
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    names = DepartmentNames(playbook.departments)
    path = tmp_path / "pairs.csv"
    path.write_text(HEADER + ",ben@x.example,,pia@x.example,,\n", encoding="utf-8")
    result = check_approved(
        read_approved(path), read_roster(roster, names), playbook.config.pairing, names
    )
    (pair,) = result.pairs
    assert (pair.mentor.name, pair.mentee.name, pair.shared_languages) == (
        "Ben Junior", "Pia Senior", ()
    )  # fmt: skip


def test_a_clean_edited_file_is_explained_and_leaves_the_rest_unpaired(cohort) -> None:
    # The lead swapped Vera's mentor to Cy (capacity 2) and added a row by e-mail only.
    rows = PIN + "Cy Junior,cy@x.example,,vera@x.example,,\n"
    result = cohort(rows + ",ana@x.example,,tom@x.example,,\n")
    assert [(p.mentee.email, p.mentor.email) for p in result.pairs] == [
        ("tom@x.example", "ana@x.example"),
        ("vera@x.example", "cy@x.example"),
        ("zoe@x.example", "cy@x.example"),
    ]
    zoe = result.pairs[2]
    assert (zoe.pinned, zoe.shared_skills, zoe.rank) == (True, ("Python",), 1)
    assert {(u.person.name, u.reason) for u in result.unpaired} == {
        ("Pia Senior", NOT_APPROVED),
        ("Ben Junior", NOT_APPROVED),
    }


def test_a_file_without_the_identity_columns_is_refused(tmp_path) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text("mentor,mentee\nAna,Vera\n", encoding="utf-8")
    with pytest.raises(ApprovedPairsError, match=r"pairs.csv:1: missing column mentor_email"):
        read_approved(path)
