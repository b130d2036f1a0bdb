"""ical: one department's sessions as an iCalendar file. Pure: text in, no clock, no I/O.

Every value comes from the plan, so the same config gives the same bytes: UIDs are built from
the department and program slugs (``sales-s03@mentor-up``), DTSTAMP is the program's start date
rather than now, and times are floating local times because the config has no time zone
(calendar apps show them at the written hour wherever the reader is).
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from icalendar import Calendar, Event

from generator.agenda import agenda_items
from generator.plan import DepartmentPlan


def calendar_ics(plan: DepartmentPlan, org: str, program: str, program_slug: str) -> str:
    """The .ics text for a department: one event per session, on the plan's dates."""
    department = plan.department
    settings = department.settings
    cal = Calendar()
    cal.add("prodid", f"-//{org}//{program} playbook//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{program}: {department.name}")
    stamp = datetime.combine(settings.start, time(0), tzinfo=UTC)
    start_time = time.fromisoformat(settings.session_time)
    for session in plan.schedule:
        start = datetime.combine(session.date, start_time)
        items = agenda_items(session, settings.session_minutes, settings.format)
        event = Event()
        event.add("uid", f"{department.slug}-s{session.number}@{program_slug}")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=settings.session_minutes))
        event.add("summary", f"{program} {session.number}/{len(plan.schedule)}: {session.title}")
        event.add("description", "\n".join(f"{i.minutes} min  {i.title}" for i in items))
        event.add("categories", [program, department.name])
        cal.add_component(event)
    return cal.to_ical().decode("utf-8")
