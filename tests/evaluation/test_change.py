"""change: matching a person's start to their end by name, and what may be published."""

from __future__ import annotations

import pytest

from generator.evaluation.change import (
    ChangeStats,
    GroupChange,
    RoleCount,
    change_aggregates,
    evaluate_change,
    hidden_rows,
    match,
    rerated,
    row_json,
)
from generator.evaluation.collect import Response
from generator.program.forms import CHOICE, RATING, TEXT, Form, Question

LOW_HIGH = {"low": "Low", "high": "High"}


def form(kind: str, role: str, *extra: Question) -> Form:
    form_id = f"{kind}-{role}"
    name = Question(f"{form_id}-name", TEXT, "Your name")
    rating = Question(f"{form_id}-confidence_asking", RATING, "Asking", **LOW_HIGH,
                      rerate="self-assessment" if kind == "end" else "")  # fmt: skip
    return Form(form_id, kind, role, kind.title(), (name, rating, *extra))


def returned(kind: str, name: str, rating: int, department: str = "sales", role: str = "mentee"):
    answers = {f"{kind}-{role}-name": name, f"{kind}-{role}-confidence_asking": str(rating)}
    source = f"{department}/{kind}-{role}-{name.strip()}-{rating}.pdf"
    return Response(
        source, form(kind, role), department, "", {k: v for k, v in answers.items() if v}
    )


def test_names_match_whatever_their_case_spaces_and_punctuation() -> None:
    matching = match([
        returned("self-assessment", "Ann Lee", 2),
        returned("end", "  ann   LEE ", 4),
        returned("self-assessment", "Jo O'Neil", 3),
        returned("end", "jo o neil", 3),
    ])  # fmt: skip
    assert [(m.start.source, m.end.source) for m in matching.matches] == [
        ("sales/self-assessment-mentee-Ann Lee-2.pdf", "sales/end-mentee-ann   LEE-4.pdf"),
        ("sales/self-assessment-mentee-Jo O'Neil-3.pdf", "sales/end-mentee-jo o neil-3.pdf"),
    ]
    assert matching.left_out == ()


def test_another_department_or_role_is_another_person() -> None:
    matching = match([
        returned("self-assessment", "Ann Lee", 2),
        returned("end", "Ann Lee", 4, department="finance"),
        returned("end", "Ann Lee", 4, role="mentor"),
    ])  # fmt: skip
    assert matching.matches == ()
    assert [(i.department, i.role, i.reason) for i in matching.left_out] == [
        ("finance", "mentee", "no self-assessment with this name"),
        ("sales", "mentee", "no end review with this name"),
        ("sales", "mentor", "no self-assessment with this name"),
    ]


def test_a_name_twice_on_end_forms_and_forms_without_a_name_are_left_out() -> None:
    matching = match([
        returned("self-assessment", "Bo", 2),
        returned("end", "Bo", 4),
        returned("end", "BO ", 1),
        returned("self-assessment", "", 3),
        returned("end", " ", 3),
        returned("end", "?!", 5),  # nothing left of the name once punctuation goes
    ])  # fmt: skip
    assert matching.matches == ()
    unnamed, ambiguous = matching.left_out
    assert (ambiguous.name, len(ambiguous.starts), len(ambiguous.ends)) == ("Bo", 1, 2)
    assert ambiguous.ambiguous
    assert ambiguous.reason == (
        "the name is on 1 self-assessment and 2 end reviews: two people, or a form sent twice"
    )
    assert (unnamed.name, len(unnamed.starts), len(unnamed.ends)) == ("", 1, 2)
    assert (unnamed.ambiguous, unnamed.reason) == (False, "no name on the form")


def test_only_a_question_asked_again_on_the_same_scale_is_compared() -> None:
    moved = Question("end-mentee-moved", RATING, "Moved", **LOW_HIGH, rerate="self-assessment")
    other = Question("self-assessment-mentee-moved", CHOICE, "Moved", options=("a", "b"))
    catalogue = {
        "self-assessment-mentee": form("self-assessment", "mentee", other),
        "end-mentee": form("end", "mentee", moved),
    }
    assert [(s.key, e.key) for s, e in rerated(catalogue, "mentee")] == [
        ("confidence_asking", "confidence_asking")
    ]
    assert rerated({"end-mentee": catalogue["end-mentee"]}, "mentee") == []


def row(role: str, key: str, people: int, topic: str = "") -> ChangeStats:
    return ChangeStats(key, key, role, topic, ((2, 3),) * people, people)


def group(slug: str, questions: list[ChangeStats], areas: list[ChangeStats]) -> GroupChange:
    return GroupChange(slug, slug, (RoleCount("mentee", 0, 0, 0),), tuple(questions), tuple(areas))


def test_small_groups_and_what_would_reveal_them_are_hidden() -> None:
    groups = [
        group("overall", [row("mentee", "q", 8), row("mentee", "t", 8, "tech"),
                          row("mentor", "t", 6, "tech")], [row("", "tech", 14, "tech")]),
        group("a", [row("mentee", "q", 6), row("mentee", "t", 8, "tech"),
                    row("mentor", "t", 6, "tech")], [row("", "tech", 14, "tech")]),
        group("b", [row("mentee", "q", 2)], []),
    ]  # fmt: skip
    assert hidden_rows(groups, 5) == {("a", "mentee", "q"), ("b", "mentee", "q")}
    # The mentors of 'a' fall to four: their row is hidden, and so is the area that pools them.
    groups[1] = group("a", [row("mentee", "t", 8, "tech"), row("mentor", "t", 4, "tech")],
                      [row("", "tech", 12, "tech")])  # fmt: skip
    groups[0] = group("overall", [row("mentee", "t", 8, "tech"), row("mentor", "t", 4, "tech")],
                      [row("", "tech", 12, "tech")])  # fmt: skip
    groups[2] = group("b", [], [])
    assert hidden_rows(groups, 5) == {
        ("overall", "mentor", "t"),
        ("a", "mentor", "t"),
        ("overall", "", "tech"),
        ("a", "", "tech"),
    }


def test_a_published_row_carries_the_change_but_not_the_means() -> None:
    stats = ChangeStats("q", "Asking", "mentee", "", ((2, 4), (3, 3), (4, 3)), 3)
    assert (stats.start, stats.end, stats.change) == (
        3.0,
        pytest.approx(10 / 3),
        pytest.approx(1 / 3),
    )
    assert (stats.up, stats.same, stats.down) == (1, 1, 1)
    assert row_json(stats) == {
        "role": "mentee", "key": "q", "label": "Asking", "topic": "", "suppressed": False,
        "people": 3, "change": pytest.approx(1 / 3), "up": 1, "same": 1, "down": 1,
    }  # fmt: skip
    hidden = ChangeStats("q", "Asking", "mentee", "", ((2, 4),), 1, published=False)
    assert row_json(hidden) == {
        "role": "mentee", "key": "q", "label": "Asking", "topic": "", "suppressed": True
    }  # fmt: skip


def test_every_row_knows_whether_it_is_published() -> None:
    catalogue = {
        kind: form(*kind.rsplit("-", 1)) for kind in ("self-assessment-mentee", "end-mentee")
    }
    answers = [returned("self-assessment", f"P{i}", 2) for i in range(3)]
    answers += [returned("end", f"P{i}", 3 + (i == 0)) for i in range(3)]
    change = evaluate_change(answers, {"sales": catalogue}, {"sales": "Sales"}, {}, 3)
    overall, sales = change.groups
    assert change.matched == 3
    assert overall.row("mentee", "confidence_asking") == sales.row("mentee", "confidence_asking")
    assert sales.row("mentee", "confidence_asking").published
    assert change_aggregates(change)[1]["questions"][0]["change"] == pytest.approx(4 / 3)
    small = evaluate_change(answers, {"sales": catalogue}, {"sales": "Sales"}, {}, 4)
    assert not small.groups[1].row("mentee", "confidence_asking").published
