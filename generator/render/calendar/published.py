"""published: each department's three calendars for the site, one per audience.

Mentors import the sessions, the cohort events mentors attend and the mentors' form reminders;
mentees the same for mentees, so nobody gets another role's check-ins and trainings as busy
time; everyone's holds it all (the lead's and the department's view).
"""

from __future__ import annotations

from generator.config.resolved import Playbook
from generator.program.documents import PRINT_DIR
from generator.program.plan import ProgramPlan
from generator.render.calendar.events import (
    CALENDAR_FILES,
    EVERYONE,
    CalendarEvent,
    CalendarFile,
    Links,
    department_events,
)
from generator.render.calendar.ics import published
from generator.render.calendar.state import CalendarState, advance
from generator.render.mkdocs_config import settings_file
from generator.render.tree import Tree


def site_links(playbook: Playbook, *, pdfs: bool = True) -> Links:
    """Links from calendar descriptions: absolute under the site settings' ``site_url`` (an
    http(s) address), else paths from the site's root (see ``Links``)."""
    url = (settings_file(playbook) or {}).get("site_url")
    if isinstance(url, str) and url.startswith(("https://", "http://")):
        return Links(url.rstrip("/") + "/", pdfs)
    return Links("", pdfs)


def for_audience(events: list[CalendarEvent], calendar: CalendarFile) -> list[CalendarEvent]:
    """The events of a calendar's audience: those for any of its roles."""
    return [event for event in events if event.roles & calendar.roles]


def department_calendars(
    program: ProgramPlan, state: CalendarState, links: Links
) -> tuple[Tree, CalendarState]:
    """Every department's calendars by site path, and the state with their SEQUENCEs."""
    playbook = program.playbook
    org = playbook.config.organisation
    planned = {
        plan.department.slug: department_events(plan, playbook, links)
        for plan in program.departments
    }
    state = advance(state, (event for events in planned.values() for event in events))
    tree: Tree = {}
    for plan in program.departments:
        department = plan.department
        for calendar in CALENDAR_FILES:
            suffix = "" if calendar.roles == EVERYONE else f" ({calendar.audience})"
            tree[f"docs/{PRINT_DIR}/{department.slug}/{calendar.file}"] = published(
                f"{org.program}: {department.name}{suffix}",
                for_audience(planned[department.slug], calendar),
                state,
                org=org.name,
                program=org.program,
                stamp=program.epoch,
            )
    return tree, state
