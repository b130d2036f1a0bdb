"""calendar: one department's sessions as an iCalendar file. Pure: text in, no clock, no I/O.

Every value comes from the plan, so the same config gives the same bytes: UIDs are built from
the department and program slugs (``sales-s03@mentor-up``), DTSTAMP is the program's epoch
(midnight UTC on its start) rather than now, and times are floating local times because the
config has no time zone (calendar apps show them at the written hour wherever the reader is).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from icalendar import Calendar, Event

from generator.program.plan import DepartmentPlan


def calendar_ics(
    plan: DepartmentPlan, org: str, program: str, program_slug: str, stamp: datetime
) -> str:
    """The .ics text for a department: sessions, cohort events and form reminder days.

    Sessions and cohort events are timed; reminders are all-day and marked free (TRANSP) so
    they never block a diary.
    """
    department = plan.department
    settings = department.settings
    cal = Calendar()
    cal.add("prodid", f"-//{org}//{program} playbook//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{program}: {department.name}")
    start_time = time.fromisoformat(settings.session_time)
    for session, items in zip(plan.schedule, plan.agendas, strict=True):
        start = datetime.combine(session.date, start_time)
        event = Event()
        event.add("uid", f"{department.slug}-s{session.number}@{program_slug}")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=settings.session_minutes))
        event.add("summary", f"{program} {session.number}/{len(plan.schedule)}: {session.title}")
        event.add("description", "\n".join(f"{i.minutes} min  {i.title}" for i in items))
        event.add("categories", [program, department.name])
        cal.add_component(event)
    for cohort_event in plan.events:
        start = datetime.combine(cohort_event.date, start_time)
        event = Event()
        event.add(
            "uid",
            f"{department.slug}-{cohort_event.kind}-{cohort_event.date:%Y%m%d}@{program_slug}",
        )
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=cohort_event.minutes))
        event.add("summary", f"{program}: {cohort_event.title} ({cohort_event.audience.lower()})")
        event.add("categories", [program, department.name, "Cohort"])
        cal.add_component(event)
    for number, reminder in enumerate(plan.reminders, start=1):
        event = Event()
        event.add("uid", f"{department.slug}-form{number:02d}@{program_slug}")
        event.add("dtstamp", stamp)
        event.add("dtstart", reminder.date)
        event.add("dtend", reminder.date + timedelta(days=1))
        event.add("summary", f"{program}: {reminder.title}")
        event.add("description", reminder.description)
        event.add("transp", "TRANSPARENT")
        event.add("categories", [program, department.name, "Feedback"])
        cal.add_component(event)
    return cal.to_ical().decode("utf-8")
