"""schedule: pure functions from resolved settings to a dated program. No I/O.

Session dates step from the start date by the cadence. A date that lands on a weekend or in a
blackout moves forward to the next free working day; later sessions keep their own slots (they
do not drift), but never land on or before the session before them.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from datetime import date, timedelta

from generator.config.resolved import Cadence, Settings, Span, Topic

KICKOFF, TOPIC, MIDPOINT, WRAPUP = "kickoff", "topic", "midpoint", "wrapup"
TRAINING_MENTORS, TRAINING_MENTEES = "training-mentors", "training-mentees"
CHECKIN, DEBRIEF, CELEBRATION = "mentor-checkin", "midpoint-debrief", "celebration"


@dataclass(frozen=True)
class Session:
    """One session of a program, dated and with its purpose."""

    number: int
    date: dt.date
    kind: str
    topic: Topic | None
    title: str
    moved_from: dt.date | None = None


@dataclass(frozen=True)
class CohortEvent:
    """A gathering around the pair sessions: training, check-in, debrief or celebration."""

    kind: str
    date: date
    title: str
    audience: str
    minutes: int


def nominal_date(start: date, cadence: Cadence, index: int) -> date:
    """The slot of the ``index``-th session (0-based) before any blackout shift."""
    if cadence.weeks is not None:
        return start + timedelta(weeks=cadence.weeks * index)
    month = start.month - 1 + index
    year, month = start.year + month // 12, month % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def is_free(day: date, blackouts: tuple[Span, ...]) -> bool:
    """A working day (Monday to Friday) outside every blackout."""
    return day.weekday() < 5 and not any(day in span for span in blackouts)


def next_free(day: date, blackouts: tuple[Span, ...]) -> date:
    """The first free working day on or after ``day``.

    A blackout is stepped over whole rather than day by day, so a span of years costs no more
    than a span of days. (The config bounds blackout dates, ``FIRST_BLACKOUT`` to
    ``LAST_BLACKOUT`` in config.model, so the step never leaves the calendar.)
    """
    while not is_free(day, blackouts):
        span = next((s for s in blackouts if day in s), None)
        day = span.end + timedelta(days=1) if span else day + timedelta(days=1)
    return day


def previous_free(day: date, blackouts: tuple[Span, ...]) -> date:
    """The last free working day on or before ``day``, stepping back over blackouts whole."""
    while not is_free(day, blackouts):
        span = next((s for s in blackouts if day in s), None)
        day = span.start - timedelta(days=1) if span else day - timedelta(days=1)
    return day


def session_dates(settings: Settings) -> list[tuple[date, date | None]]:
    """Each session's date, and the slot it moved from when a blackout or weekend got in the way."""
    dates: list[tuple[date, date | None]] = []
    previous: date | None = None
    for index in range(settings.sessions):
        slot = nominal_date(settings.start, settings.cadence, index)
        earliest = slot if previous is None else max(slot, previous + timedelta(days=1))
        actual = next_free(earliest, settings.blackouts)
        dates.append((actual, slot if actual != slot else None))
        previous = actual
    return dates


def session_kinds(count: int) -> list[str]:
    """Kick-off first, wrap-up last, a mid-point review in the middle of longer programs."""
    if count == 1:
        return [KICKOFF]
    kinds = [KICKOFF] + [TOPIC] * (count - 2) + [WRAPUP]
    if count >= 4:
        kinds[count // 2] = MIDPOINT
    return kinds


def schedule(settings: Settings) -> tuple[Session, ...]:
    """The dated sessions for one set of settings; topics rotate through the focus areas."""
    sessions = []
    topic_index = 0
    for number, (kind, (day, moved)) in enumerate(
        zip(session_kinds(settings.sessions), session_dates(settings), strict=True), start=1
    ):
        topic = None
        if kind in (TOPIC, MIDPOINT):
            topic = settings.focus_areas[topic_index % len(settings.focus_areas)]
            topic_index += 1
        sessions.append(Session(number, day, kind, topic, _title(kind, topic), moved))
    return tuple(sessions)


def _title(kind: str, topic: Topic | None) -> str:
    if kind == KICKOFF:
        return "Kick-off: goals and agreement"
    if kind == WRAPUP:
        return "Wrap-up and reflection"
    assert topic is not None
    if kind == MIDPOINT:
        return f"Mid-point review and {topic.title}"
    return topic.title


def cohort_events(settings: Settings, sessions: tuple[Session, ...]) -> tuple[CohortEvent, ...]:
    """Training before the first session, mentor check-ins, mid-point debrief, celebration."""
    cohort, blackouts = settings.cohort, settings.blackouts
    events: list[CohortEvent] = []
    if cohort.training:
        day = previous_free(settings.start - timedelta(days=cohort.training_days_before), blackouts)
        events.append(CohortEvent(TRAINING_MENTORS, day, "Mentor training", "Mentors", 90))
        events.append(CohortEvent(TRAINING_MENTEES, day, "Mentee training", "Mentees", 90))
    if cohort.mentor_checkins:
        for session in sessions[cohort.mentor_checkins - 1 : -1 : cohort.mentor_checkins]:
            day = next_free(session.date + timedelta(days=2), blackouts)
            title = f"Mentor check-in after session {session.number}"
            events.append(CohortEvent(CHECKIN, day, title, "Mentors", 45))
    midpoint = next((s for s in sessions if s.kind == MIDPOINT), None)
    if cohort.midpoint_debrief and midpoint is not None:
        day = next_free(midpoint.date + timedelta(days=3), blackouts)
        events.append(CohortEvent(DEBRIEF, day, "Mid-point cohort debrief", "Everyone", 60))
    if cohort.celebration:
        day = next_free(sessions[-1].date + timedelta(days=7), blackouts)
        events.append(CohortEvent(CELEBRATION, day, "Closing celebration", "Everyone", 90))
    return tuple(sorted(events, key=lambda event: event.date))
