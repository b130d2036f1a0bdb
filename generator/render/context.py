"""context: what templates see. Every template override depends on these names, so they are
typed here, frozen, and documented: ``playbook templates`` reference (docs/templates.md) is
generated from this module, so the reference cannot drift from the code.

A field's documentation is its ``doc`` metadata; settings fields take theirs from the config
model's descriptions, since they are the same settings.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, NotRequired, TypedDict

from markupsafe import Markup

from generator.config.model import Contact, Organisation
from generator.config.resolved import Settings, Topic
from generator.program.agenda import AgendaItem
from generator.program.documents import BOOKLET, CALENDAR, PRINT_DIR, Document
from generator.program.forms import Form
from generator.program.plan import DepartmentPlan, ProgramPlan
from generator.program.schedule import CohortEvent, Session


def doc(text: str, **kwargs: Any) -> Any:
    """A dataclass field with its documentation for the template reference."""
    return field(metadata={"doc": text}, **kwargs)


@dataclass(frozen=True, kw_only=True)
class ProgramView(Settings):
    """A set of program settings as templates read them, with its schedule.

    Every setting passes through unchanged, so a new setting reaches templates without being
    listed here.
    """

    template_name = "program settings"

    end: dt.date = doc("Date of the last session.")
    schedule: list[Session] = doc("The dated sessions, in order.")
    events: list[CohortEvent] = doc("Cohort events (training, check-ins, debrief, celebration).")


@dataclass(frozen=True)
class CalendarRow:
    """One row of a schedule table: a pair session or a cohort event."""

    template_name = "calendar row"

    date: dt.date = doc("The day.")
    number: int | None = doc("The session's number; none for a cohort event.")
    title: str = doc("What happens.")
    audience: str = doc("Pairs, Mentors, Mentees or Everyone.")
    moved_from: dt.date | None = doc("The slot a session moved from (weekend, blackout), if any.")
    session: bool = doc("True for a pair session, false for a cohort event.")


@dataclass(frozen=True, kw_only=True)
class DepartmentView(ProgramView):
    """A department: its own settings (program defaults under its overrides), identity,
    contact, schedule and calendar in one object."""

    template_name = "department"

    name: str = doc("The department's name.")
    slug: str = doc("Its page name, e.g. customer-care.")
    contact: Contact = doc("Who participants write to: name, email, title.")
    intro: str = doc("The department's welcome text (may be empty).")
    extra_questions: list[str] = doc("Questions added to its feedback forms.")
    overrides: list[str] = doc("The settings this department overrides, by key.")
    calendar: list[CalendarRow] = doc("Sessions and cohort events in one date order.")


class SiteContext(TypedDict):
    """The names every site template (and every print template) may use."""

    org: Organisation
    program: ProgramView
    schedule: list[Session]
    departments: list[DepartmentView]
    topics: list[Topic]
    printables: dict[str, tuple[Document, ...]]
    print_dir: str
    booklet: str
    calendar: str
    pairing: dict[str, Any] | None


#: The documentation of each SiteContext name, for the generated reference.
SITE_CONTEXT_DOCS = {
    "org": "The organisation: name, program, sponsor, lead, goals, support, logo, brand_colour.",
    "program": "The program defaults with their schedule (a program settings object).",
    "schedule": "The program defaults' dated sessions.",
    "departments": "Every department, in config order.",
    "topics": "The topic library: built-in topics, then the organisation's own.",
    "printables": "Each department's printables by department slug, in booklet order.",
    "print_dir": "The folder under docs/ that holds the printables.",
    "booklet": "The booklet's file stem.",
    "calendar": "The calendar's file name in each department's printables folder.",
    "pairing": "Public pairing counts (pairs, departments, unpaired...), or none without a roster.",
}


class DepartmentPageContext(SiteContext):
    """A department's page (``site/department.md``): the site's names, and its department."""

    department: DepartmentView


DEPARTMENT_PAGE_DOCS = {"department": "The department this page is about."}


class ResultsPageContext(SiteContext):
    """The evaluation results page (``site/evaluation-results.md``), when it is published."""

    results: dict[str, Any]


RESULTS_PAGE_DOCS = {
    "results": "The aggregates `playbook collect` wrote (figures only, small groups hidden).",
}


class PrintContext(SiteContext):
    """The names every print template may use: the site's, and these."""

    department: DepartmentView
    program_slug: str
    created: str
    paper: str
    logo: str


PRINT_CONTEXT_DOCS = {
    "department": "The department the printable is for.",
    "program_slug": "The program's name as a slug, as in form identities and calendar UIDs.",
    "created": "The build's one fixed timestamp (midnight UTC on the start date), ISO 8601.",
    "paper": "The department's paper size, A4 or Letter.",
    "logo": "The logo's path relative to the print HTML, or empty text without a logo.",
}


class DocumentContext(PrintContext):
    """What one printable's template reads, beside the print names."""

    doc: Document
    form: Form
    session: Session | None
    agenda: NotRequired[list[tuple[str, AgendaItem]]]
    next_session: NotRequired[Session | None]
    event: NotRequired[CohortEvent]


DOCUMENT_CONTEXT_DOCS = {
    "doc": "The printable: slug, title, template, group, form, session, event.",
    "form": "Its fillable fields (the document's form).",
    "session": "The session a session agenda is for; none on every other printable.",
    "agenda": "Session and cohort agendas only: each timed item with its clock start (10:30).",
    "next_session": "Session agendas only: the session after this one, or none after the last.",
    "event": "Cohort agendas only: the training, check-in, debrief or celebration.",
}


class BookletContext(PrintContext):
    """The booklet (``print/booklet.html``) that binds a department's printables together."""

    sections: list[tuple[Document, Markup]]
    documents: list[Document]


BOOKLET_CONTEXT_DOCS = {
    "sections": "Each printable with its rendered body block, in booklet order.",
    "documents": "The department's printables, in booklet order.",
}


def _settings_values(settings: Settings) -> dict[str, Any]:
    return {f.name: getattr(settings, f.name) for f in dataclasses.fields(settings)}


def program_view(
    settings: Settings, sessions: tuple[Session, ...], events: tuple[CohortEvent, ...]
) -> ProgramView:
    """Settings as templates read them, with the schedule, cohort events and end date."""
    return ProgramView(
        **_settings_values(settings),
        end=sessions[-1].date,
        schedule=list(sessions),
        events=list(events),
    )


def calendar_rows(
    sessions: tuple[Session, ...], events: tuple[CohortEvent, ...]
) -> list[CalendarRow]:
    """Pair sessions and cohort events in one date order, for schedule tables."""
    rows = [
        CalendarRow(s.date, s.number, s.title, "Pairs", s.moved_from, True) for s in sessions
    ]
    rows += [CalendarRow(e.date, None, e.title, e.audience, None, False) for e in events]
    return sorted(rows, key=lambda row: (row.date, row.session))


def department_view(plan: DepartmentPlan) -> DepartmentView:
    """A department flattened: its settings, identity, contact and schedule in one object."""
    department = plan.department
    return DepartmentView(
        **_settings_values(department.settings),
        end=plan.end,
        schedule=list(plan.schedule),
        events=list(plan.events),
        name=department.name,
        slug=department.slug,
        contact=department.contact,
        intro=department.intro,
        extra_questions=list(department.extra_questions),
        overrides=list(department.overrides),
        calendar=calendar_rows(plan.schedule, plan.events),
    )


def base_context(program: ProgramPlan) -> SiteContext:
    """The names every template may use."""
    playbook = program.playbook
    return SiteContext(
        org=playbook.config.organisation,
        program=program_view(playbook.defaults, program.schedule, program.events),
        schedule=list(program.schedule),
        departments=[department_view(plan) for plan in program.departments],
        topics=list(playbook.topics.values()),
        printables={plan.department.slug: plan.documents for plan in program.departments},
        print_dir=PRINT_DIR,
        booklet=BOOKLET,
        calendar=CALENDAR,
        pairing=program.pairing,
    )
