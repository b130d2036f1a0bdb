"""runbook: the program lead's runbook (``program.runbook``) as a private page and a calendar
of all-day entries for the lead. Part of the render stage: returns text, writes nothing; the
build writes both into the private output, never into the site.
"""

from __future__ import annotations

from datetime import timedelta

import jinja2

from generator.program.documents import PRINT_DIR
from generator.program.plan import ProgramPlan
from generator.program.runbook import SIGNUP_CLOSED, Step, runbook
from generator.program.signup import SIGNUP_DIR, signup_documents
from generator.render.calendar.events import CalendarEvent, uid_domain
from generator.render.calendar.ics import published
from generator.render.calendar.state import CalendarState
from generator.render.environment import render_template
from generator.render.filters import about_hours, longdate

RUNBOOK_HTML = "runbook.html"
RUNBOOK_ICS = "runbook.ics"
CALL = "call-for-participants.txt"


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


def call_values(program: ProgramPlan, steps: tuple[Step, ...]) -> dict[str, str]:
    """What the call for participants' placeholders stand for, from the plan."""
    playbook = program.playbook
    org, defaults = playbook.config.organisation, playbook.defaults
    forms = " and ".join(
        f"{PRINT_DIR}/{SIGNUP_DIR}/{doc.pdf}" for doc in signup_documents(playbook)
    )
    close = next(step.date for step in steps if step.id == SIGNUP_CLOSED)
    return {
        "program": org.program,
        "organisation": org.name,
        "lead": org.lead.name,
        "lead_email": org.lead.email,
        "start": longdate(min(plan.schedule[0].date for plan in program.departments)),
        "end": longdate(max(plan.end for plan in program.departments)),
        "sessions": str(defaults.sessions),
        "session_minutes": str(defaults.session_minutes),
        "cadence": defaults.cadence.label,
        "mentor_time": about_hours(program.commitment["mentor"].total),
        "mentee_time": about_hours(program.commitment["mentee"].total),
        "close": longdate(close),
        "signup": "The forms are on the Downloads page of the site, under Sign-up forms "
        f"({forms}): fill one in and send it back to {org.lead.email}.",
    }


def call_for_participants(program: ProgramPlan, steps: tuple[Step, ...]) -> str:
    """The call for participants as an e-mail's text: a Subject line, a blank line, the body,
    each paragraph on one line (the mail program wraps it). Placeholders are replaced one by
    one, so a brace in the config's own text stays as it is."""
    call = program.playbook.content.call
    subject, body = call.subject, call.body
    for name, value in call_values(program, steps).items():
        subject = subject.replace(f"{{{name}}}", value)
        body = body.replace(f"{{{name}}}", value)
    paragraphs = (" ".join(part.split()) for part in body.split("\n\n"))
    text = "\n\n".join(part for part in paragraphs if part)
    return f"Subject: {' '.join(subject.split())}\n\n{text}\n"


def runbook_files(program: ProgramPlan, env: jinja2.Environment) -> dict[str, str]:
    """``runbook.html``, ``runbook.ics`` and the call for participants, by file name."""
    steps = runbook(program)
    org = program.playbook.config.organisation
    html = render_template(
        env, "report/runbook.html", steps=steps, org=org, calendar=RUNBOOK_ICS, call=CALL
    )
    return {
        RUNBOOK_HTML: html,
        RUNBOOK_ICS: runbook_ics(program, steps),
        CALL: call_for_participants(program, steps),
    }
