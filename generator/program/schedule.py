"""schedule: pure functions from resolved settings to a dated program. No I/O.

Session dates step from the start date by the cadence. A date that lands on a weekend or in a
blackout moves forward to the next free working day; later sessions keep their own slots (they
do not drift), but never land on or before the session before them.

Cohort events keep their days (training a set number of days before the start, a check-in two
days after a session, ...) and take a time within working hours, 08:00 to 18:00, as near the
department's session time as they can, at least a break away from the department's sessions and
its other cohort events. A day without room moves the event to the next free working day
(training: the previous one), so no two of a department's events ever overlap.

Times are the department's wall-clock times in its ``timezone``: places are found on naive
datetimes (one department, one zone), and what leaves this module is aware (``session_span``,
``CohortEvent.start`` and ``end``), so a calendar can say which zone it means.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from generator.config.model import Contact
from generator.config.resolved import Cadence, Settings, Span, Topic

KICKOFF, TOPIC, MIDPOINT, WRAPUP = "kickoff", "topic", "midpoint", "wrapup"
TRAINING_MENTORS, TRAINING_MENTEES = "training-mentors", "training-mentees"
TRAINING_JOINT = "training-joint"
CHECKIN, DEBRIEF, CELEBRATION = "mentor-checkin", "midpoint-debrief", "celebration"
#: Each cohort event's key in ``cohort.facilitators`` (config.resolved.FACILITATED).
FACILITATOR_KEY = {
    TRAINING_MENTORS: "mentor_training",
    TRAINING_MENTEES: "mentee_training",
    TRAINING_JOINT: "joint_training",
    CHECKIN: "mentor_checkins",
    DEBRIEF: "midpoint_debrief",
    CELEBRATION: "celebration",
}
#: Cohort events happen within working hours, never before 08:00 or after 18:00.
WORKDAY_START, WORKDAY_END = dt.time(8, 0), dt.time(18, 0)
#: The least time between two of a department's events, cohort events and sessions alike.
BREAK_MINUTES = 30
BREAK = timedelta(minutes=BREAK_MINUTES)
TRAINING_MINUTES, JOINT_TRAINING_MINUTES = 90, 120

#: minutes: a shorter mid-point session is the review alone. Check-in, a fair review (15
#: minutes) and a close leave less than 20 minutes for a topic, too little for any activity,
#: so the review wins and the topic moves on to the next session.
REVIEW_ALONE_BELOW = 45


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
    time: str
    facilitator: Contact
    #: the IANA zone its time is in: its department's
    timezone: str = "UTC"

    @property
    def start(self) -> dt.datetime:
        """When it starts: its date at its time, in its department's zone."""
        time = dt.time.fromisoformat(self.time)
        return dt.datetime.combine(self.date, time, tzinfo=ZoneInfo(self.timezone))

    @property
    def end(self) -> dt.datetime:
        """When it ends: its start plus its minutes (on the wall clock)."""
        return self.start + timedelta(minutes=self.minutes)

    @property
    def end_time(self) -> str:
        """The time it ends, 24-hour 'HH:MM'."""
        return f"{self.end:%H:%M}"


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
    """The dated sessions for one set of settings; topics rotate through the focus areas.

    A mid-point session too short for both the review and a topic (``REVIEW_ALONE_BELOW``)
    takes no topic: the rotation carries on at the next session.
    """
    sessions = []
    topic_index = 0
    review_alone = settings.session_minutes < REVIEW_ALONE_BELOW
    for number, (kind, (day, moved)) in enumerate(
        zip(session_kinds(settings.sessions), session_dates(settings), strict=True), start=1
    ):
        topic = None
        if kind == TOPIC or (kind == MIDPOINT and not review_alone):
            topic = settings.focus_areas[topic_index % len(settings.focus_areas)]
            topic_index += 1
        title = _title(kind, topic, agreement=settings.agreement)
        sessions.append(Session(number, day, kind, topic, title, moved))
    return tuple(sessions)


def _title(kind: str, topic: Topic | None, *, agreement: bool = True) -> str:
    """A session's title. A topic title is a name, so it is set apart ("Mid-point review ·
    The view from the ground") rather than run into a sentence."""
    if kind == KICKOFF:
        return "Kick-off: goals and agreement" if agreement else "Kick-off: goals and ground rules"
    if kind == WRAPUP:
        return "Wrap-up and reflection"
    if kind == MIDPOINT:
        return f"Mid-point review · {topic.title}" if topic else "Mid-point review"
    assert topic is not None
    return topic.title


def session_span(settings: Settings, session: Session) -> tuple[dt.datetime, dt.datetime]:
    """When a session starts and ends: its date at the session time, for its minutes, in the
    department's zone."""
    start, end = _wall_span(settings, session)
    return start.replace(tzinfo=settings.zone), end.replace(tzinfo=settings.zone)


def _wall_span(settings: Settings, session: Session) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(session.date, dt.time.fromisoformat(settings.session_time))
    return start, start + timedelta(minutes=settings.session_minutes)


Busy = list[tuple[dt.datetime, dt.datetime]]


def _clear(start: dt.datetime, minutes: int, busy: Busy) -> bool:
    """Whether ``minutes`` from ``start`` keep a break's distance from every busy span."""
    end = start + timedelta(minutes=minutes)
    return all(end + BREAK <= begin or start >= until + BREAK for begin, until in busy)


def _starts(day: date, minutes: int, preferred: dt.time, busy: Busy) -> list[dt.datetime]:
    """Start times to try on ``day``, nearest the preferred time first.

    The nearest free start is the preferred time moved into working hours, a working-day edge,
    or a break's distance from a busy span, so those are the only ones worth trying.
    """
    length = timedelta(minutes=minutes)
    first = dt.datetime.combine(day, WORKDAY_START)
    last = dt.datetime.combine(day, WORKDAY_END) - length
    wanted = min(max(dt.datetime.combine(day, preferred), first), last)
    candidates = {wanted, first, last}
    for begin, until in busy:
        candidates |= {until + BREAK, begin - BREAK - length}
    inside = (start for start in candidates if first <= start <= last)
    return sorted(inside, key=lambda start: (abs(start - wanted), start))


def find_slot(
    day: date, minutes: int, settings: Settings, busy: Busy, *, earlier: bool = False
) -> dt.datetime:
    """The start of ``minutes`` on the first free working day from ``day`` with room for them.

    The time is the one nearest the session time within working hours, a break away from every
    busy span. Without room, the next free working day is tried (the previous one if
    ``earlier``). A day holds at most one session and the few events already placed, and a
    cohort event is far shorter than a working day, so a day with room comes within a few.
    """
    preferred = dt.time.fromisoformat(settings.session_time)
    step, move = (previous_free, -1) if earlier else (next_free, 1)
    day = step(day, settings.blackouts)
    while True:
        # only spans touching the day can come within a break of its working hours
        near = [span for span in busy if span[0].date() <= day <= span[1].date()]
        for start in _starts(day, minutes, preferred, near):
            if _clear(start, minutes, near):
                return start
        day = step(day + timedelta(days=move), settings.blackouts)


def _event(
    settings: Settings, kind: str, start: dt.datetime, title: str, audience: str, minutes: int
) -> CohortEvent:
    facilitator = settings.facilitators[FACILITATOR_KEY[kind]]
    return CohortEvent(
        kind,
        start.date(),
        title,
        audience,
        minutes,
        f"{start:%H:%M}",
        facilitator,
        settings.timezone,
    )


def _training(settings: Settings, busy: Busy) -> list[CohortEvent]:
    """Training before the first session: one for everyone, or one per role back to back."""
    day = settings.start - timedelta(days=settings.cohort.training_days_before)
    if settings.cohort.joint_training:
        minutes = JOINT_TRAINING_MINUTES
        start = find_slot(day, minutes, settings, busy, earlier=True)
        return [_event(settings, TRAINING_JOINT, start, "Joint training", "Everyone", minutes)]
    gap = timedelta(minutes=TRAINING_MINUTES) + BREAK
    block = 2 * TRAINING_MINUTES + BREAK_MINUTES
    start = find_slot(day, block, settings, busy, earlier=True)
    return [
        _event(settings, TRAINING_MENTORS, start, "Mentor training", "Mentors", TRAINING_MINUTES),
        _event(
            settings, TRAINING_MENTEES, start + gap, "Mentee training", "Mentees", TRAINING_MINUTES
        ),
    ]


def cohort_events(settings: Settings, sessions: tuple[Session, ...]) -> tuple[CohortEvent, ...]:
    """Training before the first session, mentor check-ins, mid-point debrief, celebration.

    Each is placed clear of the sessions and of the events placed before it (see the module
    docstring), in this order, so the same settings always give the same times.
    """
    cohort = settings.cohort
    busy: Busy = [_wall_span(settings, session) for session in sessions]
    events: list[CohortEvent] = []

    def add(kind: str, day: date, title: str, audience: str, minutes: int) -> None:
        start = find_slot(day, minutes, settings, busy)
        events.append(_event(settings, kind, start, title, audience, minutes))
        busy.append((start, start + timedelta(minutes=minutes)))

    if cohort.training:
        for event in _training(settings, busy):
            events.append(event)
            busy.append((event.start.replace(tzinfo=None), event.end.replace(tzinfo=None)))
    if cohort.mentor_checkins:
        for session in sessions[cohort.mentor_checkins - 1 : -1 : cohort.mentor_checkins]:
            title = f"Mentor check-in after session {session.number}"
            add(CHECKIN, session.date + timedelta(days=2), title, "Mentors", 45)
    midpoint = next((s for s in sessions if s.kind == MIDPOINT), None)
    if cohort.midpoint_debrief and midpoint is not None:
        day = midpoint.date + timedelta(days=3)
        add(DEBRIEF, day, "Mid-point cohort debrief", "Everyone", 60)
    if cohort.celebration:
        add(
            CELEBRATION,
            sessions[-1].date + timedelta(days=7),
            "Closing celebration",
            "Everyone",
            90,
        )
    return tuple(sorted(events, key=lambda event: event.start))


def occasions(due: str, schedule: tuple[Session, ...]) -> tuple[Session | None, ...]:
    """The sessions after which (or, for kick-off forms, at which) a form is due; None stands
    for "before the first session". Empty when the program has no such moment."""
    last = schedule[-1]
    if due == "before-kickoff":
        return (None,)
    if due == "kickoff":
        return (schedule[0],)
    if due == "each-session":
        return schedule
    if due == "after-each-session":
        return tuple(s for s in schedule if s != last)
    if due == "midpoint":
        return tuple(s for s in schedule if s.kind == MIDPOINT and s != last)
    if due == "end":
        return (last,)
    return ()  # "event": due at cohort events, which have their own dates
