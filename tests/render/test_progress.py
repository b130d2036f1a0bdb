"""progress: named forms are matched to their person; anonymous forms are only counted, so a
person is named overdue only when it is certain, and never unmasked."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.config.load import load
from generator.program.plan import DepartmentPlan, plan_program
from generator.render.calendar.invitations import ApprovedPair, Member
from generator.render.progress import DUE, OVERDUE, RETURNED, UNKNOWN, Returned, pair_progress

ANA = Member("Ana Ruiz", "ana@acme.example", "Research")
BEN = Member("Ben Ng", "ben@acme.example", "Research")
CAL = Member("Cal Dee", "cal@acme.example", "Research")
DEB = Member("Deb Kaur", "deb@acme.example", "Research")
PAIRS = [ApprovedPair(BEN, ANA), ApprovedPair(DEB, CAL)]  # mentor, mentee


@pytest.fixture(scope="module")
def research(tmp_path_factory) -> DepartmentPlan:
    from tests.conftest import MINIMAL

    path = tmp_path_factory.mktemp("progress") / "organisation.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    return plan_program(load(path)).departments[0]


def states(research, returned, as_of) -> dict[tuple[str, str], str]:
    progress = pair_progress([(p, research, p.mentee.name) for p in PAIRS], returned, as_of, 4)
    return {(f.person.name, f.label): f.state for p in progress for f in p.forms}


def test_a_named_form_is_matched_by_name_or_email_in_any_case(research) -> None:
    returned = [
        Returned("self-assessment-mentee", "mentee", "research", name="  ana   RUIZ "),
        Returned("self-assessment-mentor", "mentor", "research", name="ben@acme.example"),
        Returned("self-assessment-mentee", "mentee", "sales", name="Cal Dee"),  # not theirs
    ]
    found = states(research, returned, dt.date(2027, 3, 2))
    assert found[("Ana Ruiz", "Self-assessment")] == RETURNED
    assert found[("Ben Ng", "Self-assessment")] == RETURNED
    assert found[("Cal Dee", "Self-assessment")] == OVERDUE
    assert found[("Deb Kaur", "Self-assessment")] == OVERDUE
    assert found[("Ana Ruiz", "Session pulse (session 1)")] == DUE


def test_an_anonymous_pulse_is_counted_never_traced(research) -> None:
    after_two = dt.date(2027, 3, 16)  # session 1's pulse was due at session 2 (8 March)
    none = states(research, [], after_two)
    assert {none[(p, "Session pulse (session 1)")] for p in ("Ana Ruiz", "Cal Dee")} == {OVERDUE}
    one = [Returned("pulse-mentee", "mentee", "research", session="1")]
    some = states(research, one, after_two)
    assert {some[(p, "Session pulse (session 1)")] for p in ("Ana Ruiz", "Cal Dee")} == {UNKNOWN}
    both = one * 2
    every = states(research, both, after_two)
    assert {every[(p, "Session pulse (session 1)")] for p in ("Ana Ruiz", "Cal Dee")} == {RETURNED}
    assert every[("Ben Ng", "Session pulse (session 1)")] == OVERDUE  # no mentor returned one


def test_a_named_not_a_good_fit_flags_its_pair_and_quiet_pairs_are_found(research) -> None:
    flagged = [Returned("end-mentee", "mentee", "research", name="Cal Dee", fit="Not a good fit")]
    progress = pair_progress([(p, research, "x") for p in PAIRS], flagged, dt.date(2027, 4, 5), 4)
    assert [bool(p.flags) for p in progress] == [False, True]
    # forms fell due in the last four weeks: none came back from the first pair, one from the second
    assert [p.quiet for p in progress] == [True, False]
    returned = [Returned("pulse-mentee", "mentee", "research", session="3")]
    progress = pair_progress([(p, research, "x") for p in PAIRS], returned, dt.date(2027, 4, 5), 4)
    assert not any(p.quiet for p in progress)  # someone may have: nobody is called quiet
