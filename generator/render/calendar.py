"""calendar: one department's sessions as an iCalendar file. Pure: text in, no clock, no I/O.

Every value comes from the plan, so the same config gives the same bytes: UIDs are built from
the department and program slugs (``sales-s03@mentor-up``), DTSTAMP is the program's epoch
(midnight UTC on its start) rather than now, and times are floating local times because the
config has no time zone (calendar apps show them at the written hour wherever the reader is).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from icalendar import Calendar, Event

from generator.program.plan import DepartmentPlan


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
    return cal.to_ical().decode("utf-8")


def _sessions(plan: DepartmentPlan, common: _Stamp) -> list[Event]:
    settings, slug = plan.department.settings, plan.department.slug
    start_time = time.fromisoformat(settings.session_time)
    events = []
    for session, agenda in zip(plan.schedule, plan.agendas, strict=True):
        start = datetime.combine(session.date, start_time)
        summary = f"{common.program} {session.number}/{len(plan.schedule)}: {session.title}"
        event = common.event(f"{slug}-s{session.number}", summary)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=settings.session_minutes))
        event.add("description", "\n".join(f"{i.minutes} min  {i.title}" for i in agenda.items))
        events.append(event)
    return events


def _cohort(plan: DepartmentPlan, common: _Stamp) -> list[Event]:
    settings, slug = plan.department.settings, plan.department.slug
    start_time = time.fromisoformat(settings.session_time)
    events = []
    for cohort in plan.events:
        start = datetime.combine(cohort.date, start_time)
        summary = f"{common.program}: {cohort.title} ({cohort.audience.lower()})"
        event = common.event(f"{slug}-{cohort.kind}-{cohort.date:%Y%m%d}", summary, "Cohort")
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=cohort.minutes))
        events.append(event)
    return events


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
