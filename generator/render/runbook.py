"""runbook: the program lead's runbook (``program.runbook``) as a private page and a calendar
of all-day entries for the lead. Part of the render stage: returns text, writes nothing; the
build writes both into the private output, never into the site.
"""

from __future__ import annotations

from datetime import timedelta

import jinja2

from generator.program.plan import ProgramPlan
from generator.program.runbook import Step, runbook
from generator.render.calendar.events import CalendarEvent, uid_domain
from generator.render.calendar.ics import published
from generator.render.calendar.state import CalendarState
from generator.render.environment import render_template

RUNBOOK_HTML = "runbook.html"
RUNBOOK_ICS = "runbook.ics"


def step_event(step: Step, program: str, domain: str) -> CalendarEvent:
    """A step as an all-day entry that does not block the lead's diary."""
    where = f" ({', '.join(step.departments)})" if step.departments else ""
    return CalendarEvent(
        uid=f"runbook-{step.id}@{domain}",
        summary=f"{program}: {step.title}{where}",
        start=step.date,
        end=step.date + timedelta(days=1),
        description=step.detail,
        categories=(program, "Runbook"),
        free=True,
    )


def runbook_ics(program: ProgramPlan, steps: tuple[Step, ...]) -> str:
    """The runbook as an iCalendar file for the lead."""
    org = program.playbook.config.organisation
    domain = uid_domain(program.playbook)
    events = [step_event(step, org.program, domain) for step in steps]
    name = f"{org.program}: lead's runbook"
    return published(
        name, events, CalendarState(), org=org.name, program=org.program, stamp=program.epoch
    )


def runbook_files(program: ProgramPlan, env: jinja2.Environment) -> dict[str, str]:
    """``runbook.html`` and ``runbook.ics``, by file name."""
    steps = runbook(program)
    org = program.playbook.config.organisation
    html = render_template(env, "report/runbook.html", steps=steps, org=org, calendar=RUNBOOK_ICS)
    return {RUNBOOK_HTML: html, RUNBOOK_ICS: runbook_ics(program, steps)}
