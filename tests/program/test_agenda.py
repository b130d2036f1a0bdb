"""agenda: timed items add up to the session length, for every length and kind, and a
session's items come from its topic's own activities."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.config.resolved import Activity, Cadence, Settings, Topic
from generator.config.topics import builtin_topics
from generator.program.agenda import (
    COHORT_AGENDAS,
    NO_STARTERS,
    UNIT,
    SessionAgenda,
    cohort_agenda,
    session_agendas,
    shares,
    timed,
)
from generator.program.rotation import DEEP_DIVE_MINUTES, GENERAL_PROMPTS, SHOW_THEN_DO
from generator.program.schedule import MIDPOINT, REVIEW_ALONE_BELOW, schedule
from tests.helpers import make_settings

LIBRARY = {topic.id: topic for topic in builtin_topics()}
TECH = LIBRARY["technology"]

#: Words that belong to a pair and never to a group session's agenda.
PAIR_WORDING = re.compile(
    r"your partner|\bthe pair\b|\bthe mentee\b|mentee's|each of you|both of you|\bboth\b|"
    r"goal worksheets",
    re.I,
)


def settings(**changes) -> Settings:
    values = {"cadence": Cadence.parse("weekly"), "session_time": "10:30", "focus_areas": (TECH,)}
    return make_settings(**{**values, **changes})


def agendas(**changes) -> tuple[SessionAgenda, ...]:
    program = settings(**changes)
    return session_agendas(schedule(program), program)


def rows(agenda: SessionAgenda) -> list[tuple[str, int]]:
    return [(item.title, item.minutes) for item in agenda.items]


formats = st.sampled_from(["one-to-one", "group"])
focus = st.lists(st.sampled_from(sorted(LIBRARY)), min_size=1, max_size=4, unique=True)


@given(minutes=st.integers(15, 240), count=st.integers(1, 10), fmt=formats, ids=focus)
def test_minutes_add_up_exactly(minutes: int, count: int, fmt: str, ids: list[str]) -> None:
    topics = tuple(LIBRARY[i] for i in ids)
    for agenda in agendas(session_minutes=minutes, sessions=count, format=fmt, focus_areas=topics):
        assert sum(item.minutes for item in agenda.items) == minutes
        assert all(item.minutes >= UNIT for item in agenda.items)
        assert all(item.title and item.notes for item in agenda.items)
        assert 2 <= len(agenda.items) <= 8


@given(minutes=st.integers(15, 240), count=st.integers(1, 12), fmt=formats, ids=focus)
def test_nothing_repeats_within_a_department(
    minutes: int, count: int, fmt: str, ids: list[str]
) -> None:
    topics = tuple(LIBRARY[i] for i in ids)
    plan = agendas(session_minutes=minutes, sessions=count, format=fmt, focus_areas=topics)
    prompts = [prompt for agenda in plan for prompt in agenda.prompts]
    assert len(prompts) == len(set(prompts))
    done = [(a.title, a.notes) for agenda in plan for a in agenda.activities]
    again = [pair for pair in done if pair[0] != "Show, then do"]  # the one that may recur
    assert len(again) == len(set(again))


@given(minutes=st.integers(15, 240), count=st.integers(1, 10), ids=focus)
def test_group_agendas_speak_to_a_group(minutes: int, count: int, ids: list[str]) -> None:
    topics = tuple(LIBRARY[i] for i in ids)
    plan = agendas(session_minutes=minutes, sessions=count, format="group", focus_areas=topics)
    for agenda in plan:
        for text in (*(f"{i.title} {i.notes}" for i in agenda.items), *agenda.prompts):
            assert not PAIR_WORDING.search(text), text


def test_an_hour_takes_the_topics_next_activities() -> None:
    plan = agendas(focus_areas=(TECH,))
    assert rows(plan[1]) == [
        ("Check-in", 5),
        ("Talk it through", 10),
        ("Security walk-through", 30),
        ("Reflection", 10),
        ("Next steps", 5),
    ]
    assert plan[1].prompts == TECH.prompts[:3]
    assert [a.title for a in plan[2].activities] == [
        "Retire one e-mail habit",
        "Mentee drives, mentor talks",
    ]
    assert plan[2].activities[0].notes == TECH.activities[1].description


def test_odd_minutes_go_to_the_first_activity() -> None:
    plan = agendas(session_minutes=62)
    assert [i.minutes for i in plan[1].items] == [5, 10, 32, 10, 5]


def test_activities_keep_their_proportions_within_reason() -> None:
    """Guide minutes scale within reason: 25 + 20 in 40 minutes, never 45 in 10."""
    GUIDES = {a.title: a.minutes for a in (*TECH.activities, SHOW_THEN_DO)}  # noqa: N806
    for agenda in agendas(session_minutes=60, sessions=8):
        for item in agenda.activities:
            guide = GUIDES.get(item.title, DEEP_DIVE_MINUTES)
            assert 0.75 * guide <= item.minutes <= 1.5 * guide, item


def test_short_sessions_fold_the_close() -> None:
    plan = agendas(session_minutes=15, sessions=3)
    assert rows(plan[0]) == [
        ("Introductions", 5),
        ("Goals and the agreement", 5),
        ("Reflection and next steps", 5),
    ]
    assert rows(plan[1]) == [("Talk it through", 10), ("Reflection and next steps", 5)]
    assert not plan[1].activities  # no activity fits ten minutes; the first waits for later


def test_kickoff_and_wrapup_have_their_own_items() -> None:
    plan = agendas()
    assert [i.title for i in plan[0].items][:3] == [
        "Introductions",
        "Goals and hopes",
        "Mentoring agreement",
    ]
    assert [i.title for i in plan[-1].items] == [
        "Check-in",
        "Look back on the goals",
        "What carries on",
        "Thanks and feedback",
    ]
    assert "Ground rules" in [i.title for i in agendas(agreement=False)[0].items]


def test_the_midpoint_review_has_its_own_time() -> None:
    for minutes in (REVIEW_ALONE_BELOW, 60, 75, 120):
        midpoint = agendas(session_minutes=minutes)[3]
        review = next(i for i in midpoint.items if i.title == "Mid-point review")
        assert review.minutes >= 15
        assert midpoint.activities, minutes
        assert "whole session" not in review.notes


def test_a_short_midpoint_is_the_review_alone_and_the_topic_moves_on() -> None:
    program = settings(
        session_minutes=REVIEW_ALONE_BELOW - 5, focus_areas=(TECH, LIBRARY["innovation"])
    )
    sessions = schedule(program)
    plan = session_agendas(sessions, program)
    assert sessions[3].kind == MIDPOINT
    assert sessions[3].topic is None
    assert sessions[3].title == "Mid-point review"
    assert [i.title for i in plan[3].items] == [
        "Check-in",
        "Mid-point review",
        "Reflection and next steps",
    ]
    assert "the topics carry on next time" in plan[3].items[1].notes
    assert not plan[3].prompts
    assert [s.topic.id for s in sessions if s.topic] == ["technology", "innovation", "technology"]


def test_a_topic_that_runs_out_works_through_its_cover_points() -> None:
    small = Topic(
        "small",
        "Small",
        cover=("The first point.", "The second point"),
        prompts=("One?", "Two?", "Three?", "Four?"),
        activities=(Activity("Only one", 25, "The one activity."),),
    )
    plan = agendas(focus_areas=(small,), sessions=8, session_minutes=45)
    done = [(a.title, a.notes.split(".")[0]) for agenda in plan for a in agenda.activities]
    show = ("Show, then do", "The mentor shows one real task from their own work for five minutes")
    assert done == [
        ("Only one", "The one activity"),
        ("Deep dive", "The first point"),
        ("Deep dive", "The second point"),
        *[show] * 3,
    ]
    asked = [agenda.prompts for agenda in plan]
    assert asked[1] == ("One?", "Two?", "Three?")
    assert asked[2] == ("Four?", *GENERAL_PROMPTS[:2])
    assert asked[3] == GENERAL_PROMPTS[2:]
    assert asked[4:] == [(), (), (), ()]
    talks = [i for agenda in plan[-3:] for i in agenda.items if i.title == "Talk it through"]
    assert talks
    assert talks[-1].notes == NO_STARTERS


def test_custom_wording_reads_for_a_group() -> None:
    plan = agendas(format="group", focus_areas=(LIBRARY["social-media"],))
    notes = " ".join(i.notes for i in plan[1].activities)
    assert "Each leader notes three things" in notes
    assert plan[0].items[0].title == "Welcome and introductions"
    assert plan[1].items[0].title == "Welcome and lunch"


def test_a_session_needs_fifteen_minutes() -> None:
    program = settings(session_minutes=10)
    with pytest.raises(ValueError, match="at least 15 minutes"):
        session_agendas(schedule(replace(program, session_minutes=60)), program)


@given(
    weights=st.lists(st.integers(1, 50), min_size=1, max_size=8),
    total=st.integers(0, 500),
    floor=st.integers(0, 3),
)
def test_shares_are_exact_and_respect_the_floor(weights: list[int], total: int, floor: int) -> None:
    if floor * len(weights) > total:
        return
    result = shares(weights, total, floor)
    assert sum(result) == total
    assert all(value >= floor for value in result)


def test_shares_largest_remainder() -> None:
    assert shares([1, 1, 1], 10) == [4, 3, 3]
    assert shares([10, 35, 30, 15, 10], 12, floor=1) == [1, 4, 4, 2, 1]


def test_timed_items_start_at_the_session_time() -> None:
    items = list(agendas()[1].items)
    clocks = [clock for clock, _ in timed(items, "10:30")]
    assert clocks == ["10:30", "10:35", "10:45", "11:15", "11:25"]


@given(
    st.sampled_from(sorted(COHORT_AGENDAS)),
    st.integers(min_value=30, max_value=240),
)
def test_cohort_agendas_add_up_to_the_event_length(kind: str, minutes: int) -> None:
    items = cohort_agenda(kind, minutes)
    assert sum(item.minutes for item in items) == minutes
    assert all(item.minutes >= 5 for item in items)
