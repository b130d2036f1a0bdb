from datetime import date

from generator.config.model import FIRST_BLACKOUT, LAST_BLACKOUT
from generator.config.resolved import Cadence, Settings, Span, Topic
from generator.program.schedule import (
    REVIEW_ALONE_BELOW,
    cohort_events,
    nominal_date,
    previous_free,
    schedule,
    session_dates,
    session_kinds,
)
from tests.helpers import make_settings

TOPICS = (Topic("a", "Alpha"), Topic("b", "Beta"))


def settings(**changes) -> Settings:
    return make_settings(**{"focus_areas": TOPICS, **changes})


def test_cadence_phrases():
    assert Cadence.parse("weekly") == Cadence(1, "weekly")
    assert Cadence.parse("fortnightly") == Cadence(2, "every 2 weeks")
    assert Cadence.parse("every 3 weeks") == Cadence(3, "every 3 weeks")
    assert Cadence.parse("monthly") == Cadence(None, "monthly")


def test_monthly_keeps_the_day_and_clips_short_months():
    monthly = Cadence.parse("monthly")
    assert nominal_date(date(2027, 1, 31), monthly, 1) == date(2027, 2, 28)
    assert nominal_date(date(2027, 1, 31), monthly, 2) == date(2027, 3, 31)
    assert nominal_date(date(2027, 11, 15), monthly, 2) == date(2028, 1, 15)


def test_every_two_weeks():
    days = [d for d, _ in session_dates(settings())]
    assert days == [
        date(2027, 1, 11),
        date(2027, 1, 25),
        date(2027, 2, 8),
        date(2027, 2, 22),
        date(2027, 3, 8),
        date(2027, 3, 22),
    ]


def test_blackout_moves_a_session_to_the_next_free_working_day():
    blackout = Span(date(2027, 1, 25), date(2027, 1, 29), "Stock-take")
    dates = session_dates(settings(blackouts=(blackout,)))
    assert dates[1] == (date(2027, 2, 1), date(2027, 1, 25))
    assert dates[2] == (date(2027, 2, 8), None)  # later sessions keep their own slots


def test_weekend_slot_moves_to_monday():
    dates = session_dates(settings(start=date(2027, 1, 30), cadence=Cadence.parse("monthly")))
    assert dates[0] == (date(2027, 2, 1), date(2027, 1, 30))


def test_sessions_never_collide_after_a_long_blackout():
    blackout = Span(date(2027, 1, 12), date(2027, 1, 22))
    days = [
        d
        for d, _ in session_dates(settings(cadence=Cadence.parse("weekly"), blackouts=(blackout,)))
    ]
    assert days[:3] == [date(2027, 1, 11), date(2027, 1, 25), date(2027, 1, 26)]
    assert len(set(days)) == len(days)
    assert days == sorted(days)


def test_session_kinds():
    assert session_kinds(1) == ["kickoff"]
    assert session_kinds(2) == ["kickoff", "wrapup"]
    assert session_kinds(3) == ["kickoff", "topic", "wrapup"]
    assert session_kinds(6) == ["kickoff", "topic", "topic", "midpoint", "topic", "wrapup"]


def test_topics_rotate_through_focus_areas():
    sessions = schedule(settings())
    assert [s.topic.id if s.topic else None for s in sessions] == [None, "a", "b", "a", "b", None]
    assert sessions[3].title == "Mid-point review · Alpha"
    assert sessions[0].title == "Kick-off: goals and agreement"
    assert sessions[-1].title == "Wrap-up and reflection"


def test_a_midpoint_too_short_for_a_topic_is_the_review_alone():
    sessions = schedule(settings(session_minutes=REVIEW_ALONE_BELOW - 1))
    assert [s.topic.id if s.topic else None for s in sessions] == [None, "a", "b", None, "a", None]
    assert sessions[3].title == "Mid-point review"
    at_the_bound = schedule(settings(session_minutes=REVIEW_ALONE_BELOW))
    assert at_the_bound[3].title == "Mid-point review · Alpha"


def test_without_an_agreement_the_kickoff_sets_ground_rules():
    assert schedule(settings(agreement=False))[0].title == "Kick-off: goals and ground rules"


def test_a_blackout_to_the_last_allowed_day_moves_the_program_past_it():
    # the config's bounds: the scheduler steps over a span whole and lands inside the calendar
    rest = Span(date(2027, 1, 12), LAST_BLACKOUT, "Forever")
    longest = settings(sessions=52, cadence=Cadence.parse("every 99 weeks"), blackouts=(rest,))
    sessions = schedule(longest)
    days = [s.date for s in sessions]
    assert days[0] == date(2027, 1, 11)
    assert days[1] == date(2201, 1, 1)  # the day after the blackout, a Thursday
    assert days == sorted(set(days))
    assert all(day.weekday() < 5 for day in days)
    events = cohort_events(longest, sessions)
    assert max(e.date for e in events) < date(2201, 12, 31)


def test_a_blackout_from_the_first_allowed_day_puts_training_before_it():
    start = date(2000, 1, 3)
    early = Span(FIRST_BLACKOUT, date(1999, 12, 31))
    plan = settings(start=start, blackouts=(early,))
    assert previous_free(date(1999, 11, 4), (early,)) == date(1998, 12, 31)
    assert schedule(plan)[0].date == start
