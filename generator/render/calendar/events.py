"""events: what goes into a department's calendars, one ``CalendarEvent`` per session, cohort
event and form reminder, before any of it is written as iCalendar. Pure: no clock, no I/O.

Each event knows who it is for (``roles``), so the mentors' calendar, the mentees' and
everyone's are filters of one list and cannot disagree on a time. UIDs are ``<what>@<round>.
<program>`` (``sales-s3@2027-01.mentor-up``): the round is the year and month the program
starts (``round_of``), so next year's calendar adds events beside this year's instead of
overwriting them, while every department of one round shares it.

Times are taken from the plan as they are: naive (floating) today, zone-aware once the plan
carries zones; nothing here strips or adds tzinfo.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from generator.config.base import Contact
from generator.config.fields import ROLES
from generator.config.resolved import Playbook
from generator.program.agenda import AgendaItem
from generator.program.documents import CALENDAR, PRINT_DIR, Document, program_slug
from generator.program.due import Reminder, attends
from generator.program.plan import DepartmentPlan
from generator.program.schedule import session_span

#: Everyone who takes part; the roles one event is for are a subset.
EVERYONE = frozenset(ROLES)


@dataclass(frozen=True)
class CalendarEvent:
    """One entry of a department's calendars, as the plan gives it."""

    uid: str
    summary: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime
    description: str
    categories: tuple[str, ...]
    #: the roles (mentor, mentee) it is for
    roles: frozenset[str] = EVERYONE
    location: str = ""
    #: true for a reminder: shown, but never blocking a diary (TRANSP:TRANSPARENT)
    free: bool = False

    @property
    def when(self) -> str:
        """Its start and end as text; a change here is what raises its SEQUENCE."""
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


@dataclass(frozen=True)
class CalendarFile:
    """One of a department's calendars, as the pages link it."""

    audience: str
    file: str
    label: str
    #: the roles whose events it holds
    roles: frozenset[str]


#: Everyone's keeps the name the single calendar always had, so links already shared still work.
CALENDAR_FILES = (
    CalendarFile("mentors", "sessions-mentors.ics", "calendar for mentors", frozenset({"mentor"})),
    CalendarFile("mentees", "sessions-mentees.ics", "calendar for mentees", frozenset({"mentee"})),
    CalendarFile("everyone", CALENDAR, "calendar for everyone", EVERYONE),
)


@dataclass(frozen=True)
class Links:
    """Where a calendar's descriptions point an agenda's reader.

    ``base`` is the site's address with a trailing slash when the site settings give one
    (``site_url`` in mkdocs.yml), so the links are absolute and work from any calendar app;
    without it ``base`` is empty and the links are paths from the site's root
    (``printables/sales/agenda-s01.html``), which the reader opens on the program site. ``pdfs``
    is false for ``build --site-only``, which makes no PDFs to link.
    """

    base: str = ""
    pdfs: bool = True

    def to(self, slug: str, document: Document) -> str:
        """The lines linking a document's page, and its PDF when the build makes one."""
        folder = f"{self.base}{PRINT_DIR}/{slug}"
        where = "" if self.base else ", on the program site"
        lines = [f"Agenda{where}: {folder}/{document.html}"]
        if self.pdfs:
            lines.append(f"Agenda (PDF){where}: {folder}/{document.pdf}")
        return "\n".join(lines)


def round_of(playbook: Playbook) -> str:
    """The program round in UIDs: the year and month the program defaults start (``2027-01``).

    Derived rather than configured: a new round needs a new start date anyway, so there is no
    key to forget to change; moving the start within its month keeps every UID (the events are
    updated, with a higher SEQUENCE); two rounds starting in the same month would share UIDs.
    """
    return f"{playbook.defaults.start:%Y-%m}"


def uid_domain(playbook: Playbook) -> str:
    """The right-hand side of every UID of this round: ``2027-01.mentor-up``."""
    return f"{round_of(playbook)}.{program_slug(playbook.config.organisation.program)}"


def agenda_text(items: tuple[AgendaItem, ...]) -> str:
    """An agenda's timed items, one a line."""
    return "\n".join(f"{item.minutes} min  {item.title}" for item in items)


def facilitated_by(contact: Contact) -> str:
    """'Facilitated by Name, Title <email>', the line a cohort event's description opens with."""
    title = f", {contact.title}" if contact.title else ""
    return f"Facilitated by {contact.name}{title} <{contact.email}>"


def _document(plan: DepartmentPlan, **match: object) -> Document | None:
    key, value = next(iter(match.items()))
    return next((d for d in plan.documents if getattr(d, key) == value), None)


def _described(text: str, plan: DepartmentPlan, links: Links, document: Document | None) -> str:
    if document is None:
        return text
    return f"{text}\n\n{links.to(plan.department.slug, document)}"


def session_events(
    plan: DepartmentPlan, program: str, domain: str, links: Links
) -> list[CalendarEvent]:
    """The pair sessions: timed, for both roles, each with its agenda and where to find it."""
    settings, slug = plan.department.settings, plan.department.slug
    events = []
    for session, agenda in zip(plan.schedule, plan.agendas, strict=True):
        start, end = session_span(settings, session)
        description = _described(
            agenda_text(agenda.items), plan, links, _document(plan, session=session)
        )
        events.append(
            CalendarEvent(
                uid=f"{slug}-s{session.number}@{domain}",
                summary=f"{program} {session.number}/{len(plan.schedule)}: {session.title}",
                start=start,
                end=end,
                description=description,
                categories=(program, plan.department.name),
                location=settings.location,
            )
        )
    return events


def cohort_events(
    plan: DepartmentPlan, program: str, domain: str, links: Links
) -> list[CalendarEvent]:
    """Cohort events at their planned times, for the roles that attend them.

    A UID names the event by its kind and its place among events of that kind (the second
    mentor check-in), never by its date, so an event that moves keeps its UID and calendar apps
    move it instead of keeping the old one beside the new.

    The facilitator goes in the description, not in ORGANIZER: RFC 5545 (3.8.4.3) keeps
    ORGANIZER for group-scheduled entries, and these calendars are published, not invitations.
    """
    settings, slug = plan.department.settings, plan.department.slug
    events = []
    counted: Counter[str] = Counter()
    for cohort, items in zip(plan.events, plan.event_agendas, strict=True):
        text = f"{facilitated_by(cohort.facilitator)}\n\n{agenda_text(items)}"
        counted[cohort.kind] += 1
        events.append(
            CalendarEvent(
                uid=f"{slug}-{cohort.kind}-{counted[cohort.kind]}@{domain}",
                summary=f"{program}: {cohort.title} ({cohort.audience.lower()})",
                start=cohort.start,
                end=cohort.end,
                description=_described(text, plan, links, _document(plan, event=cohort)),
                categories=(program, plan.department.name, "Cohort"),
                roles=frozenset(role for role in ROLES if attends(cohort, role)),
                location=settings.cohort.location or settings.location,
            )
        )
    return events


def reminder_roles(plan: DepartmentPlan, reminder: Reminder) -> frozenset[str]:
    """Who a form reminder asks: the roles of the forms of its kinds (a pair's or a group's
    form asks both)."""
    roles: set[str] = set()
    for form in plan.forms.values():
        if form.kind in reminder.forms:
            roles |= EVERYONE if form.role not in ROLES else {form.role}
    return frozenset(roles) or EVERYONE


def reminder_events(plan: DepartmentPlan, program: str, domain: str) -> list[CalendarEvent]:
    """Form reminders: all-day and free, for the roles whose forms they ask for."""
    slug = plan.department.slug
    return [
        CalendarEvent(
            uid=f"{slug}-form{number:02d}@{domain}",
            summary=f"{program}: {reminder.title}",
            start=reminder.date,
            end=reminder.date + timedelta(days=1),
            description=reminder.description,
            categories=(program, plan.department.name, "Feedback"),
            roles=reminder_roles(plan, reminder),
            free=True,
        )
        for number, reminder in enumerate(plan.reminders, start=1)
    ]


def department_events(
    plan: DepartmentPlan, playbook: Playbook, links: Links
) -> list[CalendarEvent]:
    """Every event of a department's calendars: sessions, cohort events, form reminders."""
    program, domain = playbook.config.organisation.program, uid_domain(playbook)
    return [
        *session_events(plan, program, domain, links),
        *cohort_events(plan, program, domain, links),
        *reminder_events(plan, program, domain),
    ]
