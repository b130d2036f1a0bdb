"""calendar: one department's sessions as an iCalendar file. Pure: text in, no clock, no I/O.

Every value comes from the plan, so the same config gives the same bytes: UIDs are built from
the department and program slugs (``sales-s03@mentor-up``), DTSTAMP is the program's epoch
(midnight UTC on its start) rather than now. Timed events are in the department's time zone
(TZID), each zone described by a VTIMEZONE built from the zone database for the years the
calendar covers, so a reader anywhere sees the hour in their own zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from icalendar import Calendar, Event

from generator.config.model import Contact
from generator.program.agenda import AgendaItem
from generator.program.plan import DepartmentPlan
from generator.program.schedule import session_span


@dataclass(frozen=True)
class _Stamp:
    """What every event of one department's calendar shares."""

    program: str
    department: str
    uid_suffix: str
    stamp: datetime

    def event(self, uid: str, summary: str, *categories: str) -> Event:
        event = Event()
        event.add("uid", f"{uid}@{self.uid_suffix}")
        event.add("dtstamp", self.stamp)
        event.add("summary", summary)
        event.add("categories", [self.program, self.department, *categories])
        return event


def calendar_ics(
    plan: DepartmentPlan, org: str, program: str, program_slug: str, stamp: datetime
) -> str:
    """The .ics text for a department: sessions, cohort events and form reminder days.

    Sessions and cohort events are timed; reminders are all-day and marked free (TRANSP) so
    they never block a diary.
    """
    department = plan.department
    cal = Calendar()
    # PRODID is written as it is (RFC 5545 3.7.3, no text escaping): one line, no slashes
    cal.add("prodid", f"-//{_one_line(org)}//{_one_line(program)} playbook//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _one_line(f"{program}: {department.name}"))
    common = _Stamp(program, department.name, program_slug, stamp)
    for event in (*_sessions(plan, common), *_cohort(plan, common), *_reminders(plan, common)):
        cal.add_component(event)
    years = [plan.schedule[0].date.year - 1, plan.end.year + 1]
    cal.add_missing_timezones(date(years[0], 1, 1), date(years[1], 12, 31))
    return cal.to_ical().decode("utf-8")


def _sessions(plan: DepartmentPlan, common: _Stamp) -> list[Event]:
    settings, slug = plan.department.settings, plan.department.slug
    events = []
    for session, agenda in zip(plan.schedule, plan.agendas, strict=True):
        start, end = session_span(settings, session)
        summary = f"{common.program} {session.number}/{len(plan.schedule)}: {session.title}"
        event = common.event(f"{slug}-s{session.number}", summary)
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("description", _items(agenda.items))
        events.append(event)
    return events


def _cohort(plan: DepartmentPlan, common: _Stamp) -> list[Event]:
    """Cohort events at their planned times, with who facilitates them and their agenda.

    The facilitator goes in the description, not in ORGANIZER: RFC 5545 (3.8.4.3) keeps
    ORGANIZER for group-scheduled entries, and this calendar is published, not an invitation.
    """
    slug = plan.department.slug
    events = []
    for cohort, items in zip(plan.events, plan.event_agendas, strict=True):
        summary = f"{common.program}: {cohort.title} ({cohort.audience.lower()})"
        event = common.event(f"{slug}-{cohort.kind}-{cohort.date:%Y%m%d}", summary, "Cohort")
        event.add("dtstart", cohort.start)
        event.add("dtend", cohort.end)
        event.add("description", f"{facilitated_by(cohort.facilitator)}\n\n{_items(items)}")
        events.append(event)
    return events


def facilitated_by(contact: Contact) -> str:
    """'Facilitated by Name, Title <email>', the line a cohort event's description opens with."""
    title = f", {contact.title}" if contact.title else ""
    return f"Facilitated by {contact.name}{title} <{contact.email}>"


def _items(items: tuple[AgendaItem, ...]) -> str:
    return "\n".join(f"{item.minutes} min  {item.title}" for item in items)


def _reminders(plan: DepartmentPlan, common: _Stamp) -> list[Event]:
    slug = plan.department.slug
    events = []
    for number, reminder in enumerate(plan.reminders, start=1):
        summary = f"{common.program}: {reminder.title}"
        event = common.event(f"{slug}-form{number:02d}", summary, "Feedback")
        event.add("dtstart", reminder.date)
        event.add("dtend", reminder.date + timedelta(days=1))
        event.add("description", reminder.description)
        event.add("transp", "TRANSPARENT")
        events.append(event)
    return events


def _one_line(text: str) -> str:
    """Config text for a value that must stay on one line: whitespace runs become one space."""
    return " ".join(text.split()).replace("//", "/")
