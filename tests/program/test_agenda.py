"""agenda: timed items add up to the session length, for every length and kind."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.config.resolved import Topic
from generator.program.agenda import (
    COHORT_AGENDAS,
    UNIT,
    AgendaItem,
    agenda_items,
    cohort_agenda,
    shares,
    timed,
)
from generator.program.schedule import KICKOFF, MIDPOINT, TOPIC, WRAPUP, Session

TECH = Topic("technology", "Technology")


def session(kind: str, number: int = 2) -> Session:
    topic = TECH if kind in (TOPIC, MIDPOINT) else None
    return Session(number, date(2027, 1, 11), kind, topic, "A session")


kinds = st.sampled_from([KICKOFF, TOPIC, MIDPOINT, WRAPUP])
formats = st.sampled_from(["one-to-one", "group"])


@given(minutes=st.integers(15, 240), kind=kinds, fmt=formats)
def test_minutes_add_up_exactly(minutes: int, kind: str, fmt: str) -> None:
    items = agenda_items(session(kind, 1 if kind == KICKOFF else 2), minutes, fmt)
    assert sum(item.minutes for item in items) == minutes
    assert all(item.minutes >= UNIT for item in items)
    assert all(item.title for item in items)
    assert 3 <= len(items) <= 5


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


def test_an_hour_reads_in_five_minute_steps() -> None:
    items = agenda_items(session(TOPIC), 60, "one-to-one")
    assert [(i.title, i.minutes) for i in items] == [
        ("Check-in", 5),
        ("Technology", 20),
        ("Practice or demo", 20),
        ("Reflection", 10),
        ("Next steps", 5),
    ]


def test_odd_minutes_go_to_the_main_item() -> None:
    items = agenda_items(session(TOPIC), 62, "one-to-one")
    assert items[1] == AgendaItem("Technology", 22, items[1].notes)


def test_short_sessions_merge_items() -> None:
    titles = [i.title for i in agenda_items(session(TOPIC), 15, "one-to-one")]
    assert titles == ["Technology", "Practice or demo", "Reflection and next steps"]


def test_kickoff_and_wrapup_have_their_own_items() -> None:
    kickoff = [i.title for i in agenda_items(session(KICKOFF, 1), 60, "one-to-one")]
    wrapup = [i.title for i in agenda_items(session(WRAPUP, 6), 60, "one-to-one")]
    assert kickoff[:3] == ["Introductions", "Goals and hopes", "Mentoring agreement"]
    assert "Look back on the goals" in wrapup


def test_group_sessions_get_a_group_agenda() -> None:
    titles = [i.title for i in agenda_items(session(TOPIC), 75, "group")]
    assert titles[0] == "Welcome and lunch"
    assert "Hands-on demo" in titles


def test_timed_items_start_at_the_session_time() -> None:
    items = agenda_items(session(TOPIC), 60, "one-to-one")
    clocks = [clock for clock, _ in timed(items, "10:30")]
    assert clocks == ["10:30", "10:35", "10:55", "11:15", "11:25"]


def test_zero_minutes_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one minute"):
        agenda_items(session(TOPIC), 0, "one-to-one")


@given(
    st.sampled_from(sorted(COHORT_AGENDAS)),
    st.integers(min_value=30, max_value=240),
)
def test_cohort_agendas_add_up_to_the_event_length(kind: str, minutes: int) -> None:
    items = cohort_agenda(kind, minutes)
    assert sum(item.minutes for item in items) == minutes
    assert all(item.minutes >= 5 for item in items)
