"""Cohort events: each at a time within working hours, facilitated by someone, and never
overlapping another of the department's events (its pair sessions or its other cohort events)."""

from __future__ import annotations

import datetime as dt
from datetime import date, timedelta
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.config.base import Contact
from generator.config.cohort_settings import Cohort, Facilitators
from generator.config.resolved import FACILITATED, Cadence, Span
from generator.program.schedule import (
    BREAK,
    CHECKIN,
    FACILITATOR_KEY,
    TRAINING_JOINT,
    TRAINING_MENTEES,
    TRAINING_MENTORS,
    WORKDAY_END,
    WORKDAY_START,
    cohort_events,
    find_slot,
    is_free,
    schedule,
    session_span,
)
from tests.helpers import LEAD
from tests.program.test_schedule import settings as make_settings

TRAINER = Contact(name="Grace Liu", email="grace@acme.example", title="Learning Designer")


def spans(plan, sessions, events) -> list[tuple[dt.datetime, dt.datetime]]:
    return [session_span(plan, s) for s in sessions] + [(e.start, e.end) for e in events]


def test_every_event_kind_has_a_facilitator_key():
    assert sorted(FACILITATOR_KEY.values()) == sorted(FACILITATED)
    assert tuple(Facilitators.model_fields) == FACILITATED


def test_trainings_are_one_after_the_other_with_a_break():
    plan = make_settings(session_time="10:30")
    mentors, mentees = cohort_events(plan, schedule(plan))[:2]
    assert (mentors.kind, mentees.kind) == (TRAINING_MENTORS, TRAINING_MENTEES)
    assert mentors.date == mentees.date == date(2027, 1, 4)  # a week before the start
    assert (mentors.time, mentors.end_time) == ("10:30", "12:00")
    assert (mentees.time, mentees.end_time) == ("12:30", "14:00")


def test_trainings_stay_in_working_hours_when_sessions_do_not():
    late = make_settings(session_time="17:00")
    late = cohort_events(late, schedule(late))
    assert [(e.time, e.end_time) for e in late[:2]] == [("14:30", "16:00"), ("16:30", "18:00")]
    early = make_settings(session_time="06:45")
    early = cohort_events(early, schedule(early))
    assert [(e.time, e.end_time) for e in early[:2]] == [("08:00", "09:30"), ("10:00", "11:30")]


def test_a_joint_training_is_one_event_for_everyone():
    plan = make_settings(cohort=Cohort(joint_training=True))
    events = cohort_events(plan, schedule(plan))
    training = [e for e in events if e.kind.startswith("training")]
    assert [(e.kind, e.audience, e.minutes) for e in training] == [
        (TRAINING_JOINT, "Everyone", 120)
    ]


def test_an_event_on_a_session_day_takes_another_time():
    # Thursday session 4: its check-in (two days on) and the mid-point debrief (three days on)
    # both land on the Monday after, the check-in first at the session time, the debrief after it
    plan = make_settings(start=date(2027, 1, 14), sessions=6)
    events = cohort_events(plan, schedule(plan))
    monday = [e for e in events if e.date == date(2027, 3, 1)]
    assert [(e.kind, e.time, e.end_time) for e in monday] == [
        (CHECKIN, "10:00", "10:45"),
        ("midpoint-debrief", "11:15", "12:15"),
    ]


def test_a_day_without_room_moves_the_event_to_the_next_free_working_day():
    # one session and a few events never fill a working day, so fill one by hand
    plan = make_settings(session_time="10:30")
    monday = date(2027, 1, 18)
    busy = [(dt.datetime(2027, 1, 18, 8, 0), dt.datetime(2027, 1, 18, 16, 45))]
    assert find_slot(monday, 45, plan, busy) == dt.datetime(2027, 1, 18, 17, 15)  # to 18:00
    assert find_slot(monday, 90, plan, busy) == dt.datetime(2027, 1, 19, 10, 30)
    # training looks back instead, over the weekend
    assert find_slot(monday, 90, plan, busy, earlier=True) == dt.datetime(2027, 1, 15, 10, 30)


def test_each_event_names_its_facilitator():
    named = dict.fromkeys(FACILITATED, LEAD) | {"mentor_training": TRAINER}
    plan = make_settings(facilitators=named)
    events = cohort_events(plan, schedule(plan))
    assert {e.kind: e.facilitator for e in events}[TRAINING_MENTORS] == TRAINER
    assert all(e.facilitator == LEAD for e in events if e.kind != TRAINING_MENTORS)


# --- the property: across many settings, nothing a department holds overlaps ---------------

times = st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.integers(0, 59))
cadences = st.sampled_from(["weekly", "every 2 weeks", "every 3 weeks", "monthly"]).map(
    Cadence.parse
)
days = st.dates(date(2027, 1, 1), date(2027, 12, 31))
blackouts = st.lists(
    st.builds(lambda d, n: Span(d, d + timedelta(days=n)), days, st.integers(0, 12)),
    max_size=4,
)
cohorts = st.builds(
    Cohort,
    training=st.booleans(),
    joint_training=st.booleans(),
    training_days_before=st.integers(1, 60),
    mentor_checkins=st.integers(0, 12),
    midpoint_debrief=st.booleans(),
    celebration=st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(
    start=days,
    sessions=st.integers(1, 30),
    cadence=cadences,
    minutes=st.integers(15, 240),
    time=times,
    spans_off=blackouts,
    cohort=cohorts,
)
def test_no_two_events_of_a_department_overlap(
    start, sessions, cadence, minutes, time, spans_off, cohort
):
    plan = make_settings(
        start=start,
        sessions=sessions,
        cadence=cadence,
        session_minutes=minutes,
        session_time=time,
        blackouts=tuple(spans_off),
        cohort=cohort,
    )
    planned = schedule(plan)
    events = cohort_events(plan, planned)
    ordered = sorted(spans(plan, planned, events))
    for (_, first_end), (second_start, _) in zip(ordered, ordered[1:], strict=False):
        assert first_end <= second_start
    for event, other in combinations(events, 2):
        assert event.end + BREAK <= other.start or other.end + BREAK <= event.start
    for event in events:
        assert event.start.time() >= WORKDAY_START
        assert event.end.time() <= WORKDAY_END
        assert event.end.date() == event.date
        assert is_free(event.date, plan.blackouts)
        assert event.facilitator == LEAD
        for session in planned:
            begin, until = session_span(plan, session)
            assert event.end + BREAK <= begin or until + BREAK <= event.start
    trainings = [e for e in events if e.kind.startswith("training")]
    assert all(e.end.date() < planned[0].date for e in trainings)
    assert len(trainings) == (0 if not cohort.training else 1 if cohort.joint_training else 2)
