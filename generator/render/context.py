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

from pydantic import BaseModel

from generator.config.content import ContentSpec, wording
from generator.config.model import Contact, CustomActivity, CustomTopic, Program
from generator.config.organisation_settings import Organisation
from generator.config.resolved import Activity, Cadence, Playbook, Settings, Span, Topic
from generator.config.zones import zone_label
from generator.program.agenda import AgendaItem, SessionAgenda
from generator.program.documents import BOOKLET, CALENDAR, PRINT_DIR, Document
from generator.program.due import Reminder, TimeCommitment
from generator.program.forms import Form, Question
from generator.program.plan import DepartmentPlan, ProgramPlan
from generator.program.schedule import CohortEvent, Session
from generator.program.signup import SIGNUP_DIR, signup_documents
from generator.render.calendar.events import CALENDAR_FILES, CalendarFile


def doc(text: str, **kwargs: Any) -> Any:
    """A dataclass field with its documentation for the template reference."""
    return field(metadata={"doc": text}, **kwargs)


@dataclass(frozen=True, kw_only=True)
class ProgramView(Settings):
    """A set of program settings as templates read them, with its schedule. Every setting
    passes through unchanged, so a new setting reaches templates without being listed here."""

    template_name = "program settings"

    end: dt.date = doc("Date of the last session.")
    schedule: list[Session] = doc("The dated sessions, in order.")
    agendas: list[SessionAgenda] = doc(
        "Each session's agenda, in schedule order: `agendas[i]` is `schedule[i]`'s."
    )
    events: list[CohortEvent] = doc("Cohort events (training, check-ins, debrief, celebration).")
    forms: dict[str, Form] = doc("Every form it uses, by form id, with its questions.")
    commitment: dict[str, TimeCommitment] = doc(
        "What each role gives, by role (mentee, mentor): sessions, preparation, events, forms "
        "and total, in minutes."
    )
    commitments: list[tuple[str, str]] = doc(
        "The agreement's commitments for its format, as (title, text)."
    )
    returns_to: Contact = doc("Where returned forms go, and who reads them.")
    reminders: list[Reminder] = doc("The days forms are due, with what each asks for.")
    zone_label: str = doc(
        "How its times name their zone ('London time', 'New York time', 'UTC') where the "
        "program's departments are in different zones; empty where they share one, so a "
        "time needs no zone. Add it with the `zoned` filter: `{{ time | zoned(department."
        "zone_label) }}`.",
        default="",
    )


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
    event: CohortEvent | None = doc(
        "The cohort event (its time and facilitator); none for a pair session.", default=None
    )
    agenda: SessionAgenda | None = doc("A session's agenda; none for a cohort event.", default=None)


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
    overrides: list[str] = doc("The settings whose value differs from the program's, by key.")
    calendar: list[CalendarRow] = doc("Sessions and cohort events in time order.")


class SiteContext(TypedDict):
    """The names every site template (and every print template) may use."""

    org: Organisation
    program: ProgramView
    schedule: list[Session]
    departments: list[DepartmentView]
    topics: list[Topic]
    printables: dict[str, tuple[Document, ...]]
    signup: tuple[Document, ...]
    signup_dir: str
    print_dir: str
    booklet: str
    calendar: str
    calendars: list[CalendarFile]
    pairing: dict[str, Any] | None
    pdfs: bool


#: The documentation of each SiteContext name, for the generated reference.
SITE_CONTEXT_DOCS = {
    "org": "The organisation: name, program, sponsor, lead, goals, support, logo, brand_colour.",
    "program": "The program defaults with their schedule (a program settings object).",
    "schedule": "The program defaults' dated sessions.",
    "departments": "Every department, in config order.",
    "topics": "The topic library: built-in topics, then the organisation's own.",
    "printables": "Each department's printables by department slug, in booklet order.",
    "signup": "The program's sign-up forms (mentor, then mentee) as printables.",
    "signup_dir": "The folder under print_dir that holds the sign-up forms.",
    "print_dir": "The folder under docs/ that holds the printables.",
    "booklet": "The booklet's file stem.",
    "calendar": "The file name of everyone's calendar in each department's printables folder.",
    "calendars": "Each department's calendars, by audience (mentors, mentees, everyone): "
    "`.file` in its printables folder, `.label` ('calendar for mentors').",
    "pairing": (
        "Public pairing counts from the approved pairs (approved, pairs, departments, "
        "cross_department_pairs; pair_names with publish_names), approved false while a "
        "roster has no approved pairs yet, or none without either."
    ),
    "pdfs": "Whether the build makes PDFs: false with `build --site-only`, so link the print HTML.",
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
    identity: str
    created: str
    paper: str
    logo: str


PRINT_CONTEXT_DOCS = {
    "department": "The department the printable is for.",
    "program_slug": "The program's name as a slug, as in form identities and calendar UIDs.",
    "identity": "Department and program slugs (`department=sales;program=mentor-up`) for "
    '`<meta name="playbook">`: the PDF keeps them in its document properties, out of sight, '
    "and `playbook collect` recognises a returned form by them.",
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
    prompts: NotRequired[list[str]]
    next_session: NotRequired[Session | None]
    event: NotRequired[CohortEvent]


DOCUMENT_CONTEXT_DOCS = {
    "doc": "The printable: slug, title, template, group, form, session, event.",
    "form": "Its fillable fields (the document's form).",
    "session": "The session a session agenda is for; none on every other printable.",
    "agenda": "Session and cohort agendas only: each timed item with its clock start (10:30).",
    "prompts": "Session agendas only: the session's conversation starters (may be empty).",
    "next_session": "Session agendas only: the session after this one, or none after the last.",
    "event": "Cohort agendas only: the training, check-in, debrief or celebration.",
}


class BookletContext(PrintContext):
    """The booklet (``print/booklet.html``) that binds a department's printables together."""

    documents: list[Document]


BOOKLET_CONTEXT_DOCS = {
    "documents": "The department's printables, in booklet order.",
}


#: Where a dataclass templates see takes its fields' documentation from the config model that
#: has the same fields: a program setting reads as the config describes it.
DESCRIBED_BY: dict[type, type[BaseModel]] = {
    Settings: Program,
    Topic: CustomTopic,
    Activity: CustomActivity,
}

#: The settings templates see in another shape than the config's, and what they see instead.
SETTINGS_DOCS = {
    "cadence": "How often sessions happen: `.weeks` between sessions (none when monthly) and "
    "`.label` as it reads ('weekly', 'every 2 weeks', 'monthly').",
    "focus_areas": "The focus areas as topics (not ids), in the order sessions take them up.",
    "blackouts": "The config's blackout_dates and the public holidays of `holidays` as "
    "spans, in date order; a single date has start == end.",
    "facilitators": "Who facilitates each cohort event, by cohort.facilitators key "
    "(mentor_training, ...): the contact the config names, else the program lead.",
}

#: The fields of objects templates reach through the context, by class, for the reference.
OBJECT_DOCS: dict[type, dict[str, str]] = {
    Settings: SETTINGS_DOCS,
    Cadence: {
        "weeks": "Weeks between sessions; none when sessions are monthly.",
        "label": "How it reads: 'weekly', 'every 2 weeks', 'every 3 weeks', 'monthly'.",
    },
    Span: {
        "start": "First day with no sessions.",
        "end": "Last day with no sessions (inclusive).",
        "label": "Why, e.g. 'Summer shutdown', or the holiday's name (may be empty).",
        "holiday": "True for a public holiday of `holidays`, false for a listed blackout.",
    },
    Topic: {"custom": "True for the organisation's own topics, false for built-in ones."},
    Session: {
        "number": "Its number, from 1.",
        "date": "The day it happens (after any move).",
        "kind": "kickoff, topic, midpoint or wrapup.",
        "topic": "The focus area it takes up; none for the kick-off, the wrap-up and a "
        "mid-point review that needs the whole session.",
        "title": "What it is called, e.g. 'Kick-off: goals and agreement'.",
        "moved_from": "The slot it moved from (weekend, blackout), or none.",
    },
    CohortEvent: {
        "kind": "training-mentors, training-mentees, training-joint, mentor-checkin, "
        "midpoint-debrief or celebration.",
        "date": "The day it happens.",
        "title": "What it is called.",
        "audience": "Mentors, Mentees or Everyone.",
        "minutes": "How long it lasts.",
        "time": "When it starts, 24-hour 'HH:MM', within working hours and clear of the "
        "department's sessions.",
        "timezone": "The IANA time zone its time is in: its department's.",
        "facilitator": "Who facilitates it: the contact cohort.facilitators names, else the "
        "program lead.",
    },
    Document: {
        "slug": "Its file stem, e.g. agenda-s01; also its form's id.",
        "title": "Its title, e.g. 'Agenda 1: Kick-off: goals and agreement'.",
        "template": "The template it is rendered from, e.g. print/agenda.html.",
        "group": "Its heading in tables and the booklet: Worksheets, Agreement, Session "
        "agendas, Cohort sessions or Feedback forms.",
        "form": "Its fillable fields.",
        "session": "The session a session agenda is for, else none.",
        "event": "The cohort event a cohort agenda is for, else none.",
    },
    CalendarFile: {
        "audience": "Who imports it: mentors, mentees or everyone.",
        "file": "Its file name in each department's printables folder, e.g. sessions-mentors.ics.",
        "label": "How links name it: 'calendar for mentors'.",
        "roles": "The roles whose sessions, cohort events and form reminders it holds.",
    },
    Form: {
        "id": "The form's id, e.g. end-mentee; every field name starts with it.",
        "kind": "goals, self-assessment, agreement, agenda, cohort, pulse, mid or end.",
        "role": "Who fills it in: mentee, mentor, pair, group, or a cohort event's audience.",
        "title": "Its title.",
        "questions": "Its fields in order.",
        "session": "The session an agenda is for, else none.",
        "event": "The cohort event an agenda is for, else none.",
        "due": "When it is filled in: before-kickoff, kickoff, each-session, "
        "after-each-session, midpoint, end or event.",
        "returned": "True when it goes back to the department's return address.",
        "minutes": "About how long it takes to fill in.",
        "intro": "A line introducing it (may be empty).",
        "heading": "The content model's title of its kind, without the role.",
    },
    Reminder: {
        "date": "The day participants are asked.",
        "title": "What it is, e.g. 'Feedback after session 3: session pulse and mid-program "
        "review'.",
        "description": "What to do, and by when.",
        "forms": "The kinds of form it asks for.",
        "answer_by": "The day answers are due (the next session; a week after the last).",
    },
    TimeCommitment: {
        "role": "mentee or mentor.",
        "sessions": "Minutes in sessions: sessions x session length.",
        "preparation": "Minutes preparing: sessions x the content model's preparation time.",
        "events": "Minutes at the cohort events this role attends.",
        "forms": "Minutes filling in this role's forms, each as often as it is due.",
        "total": "All of it, in minutes.",
    },
    Question: {
        "field": "Its PDF field name, `<form id>-<key>`; stable once published.",
        "type": "text (a line), box (a few lines), check (a tick), rating (1-5), nps (0-10) "
        "or choice.",
        "text": "Its wording.",
        "low": "A scale's label at the low end.",
        "high": "A scale's label at the high end.",
        "options": "A choice's options.",
        "value": "A pre-filled value (dates and cadence the plan already knows).",
        "topic": "The focus area id of a question asked once per focus area, else empty.",
        "rerate": "The kind of form whose question of the same key this asks again, else empty.",
    },
    AgendaItem: {
        "title": "The item's title.",
        "minutes": "How long it takes; a session's items add up to its length.",
        "notes": "What happens in it.",
        "kind": "'activity' (a topic activity), 'talk' (the conversation on the session's "
        "starters), 'review' (the mid-point review), or empty for any other item.",
    },
    SessionAgenda: {
        "items": "Its timed items, in order; their minutes add up to the session's length.",
        "prompts": "Its conversation starters; none is repeated within a department.",
    },
}


def _settings_values(settings: Settings) -> dict[str, Any]:
    return {f.name: getattr(settings, f.name) for f in dataclasses.fields(settings)}


def shown_zone(playbook: Playbook, timezone: str) -> str:
    """How pages name ``timezone`` (zone_label): only where the program spans zones, since in
    a program that shares one zone a bare time is plain and a named one is clutter."""
    zones = {playbook.defaults.timezone} | {d.settings.timezone for d in playbook.departments}
    return zone_label(timezone) if len(zones) > 1 else ""


def program_view(program: ProgramPlan) -> ProgramView:
    """The defaults as templates read them, with the schedule, agendas, events and end date."""
    playbook = program.playbook
    settings = playbook.defaults
    return ProgramView(
        zone_label=shown_zone(playbook, settings.timezone),
        **_settings_values(settings),
        end=program.schedule[-1].date,
        schedule=list(program.schedule),
        agendas=list(program.agendas),
        events=list(program.events),
        forms=program.forms,
        commitment=program.commitment,
        commitments=commitments_for(playbook.content, settings.format),
        returns_to=playbook.config.organisation.lead,
        reminders=list(program.reminders),
    )


def commitments_for(content: ContentSpec, format: str) -> list[tuple[str, str]]:  # noqa: A002
    """The agreement's commitments, worded for a format."""
    return [(c.title, wording(c.text, None, format) or "") for c in content.agreement]


def calendar_rows(
    sessions: tuple[Session, ...],
    events: tuple[CohortEvent, ...],
    agendas: tuple[SessionAgenda, ...],
    session_time: str,
) -> list[CalendarRow]:
    """Pair sessions and cohort events in time order, for schedule tables."""
    rows = [
        CalendarRow(s.date, s.number, s.title, "Pairs", s.moved_from, True, agenda=agenda)
        for s, agenda in zip(sessions, agendas, strict=True)
    ]
    rows += [CalendarRow(e.date, None, e.title, e.audience, None, False, e) for e in events]
    return sorted(rows, key=lambda row: (row.date, row.event.time if row.event else session_time))


def department_view(plan: DepartmentPlan, playbook: Playbook) -> DepartmentView:
    """A department flattened: its settings, identity, contact and schedule in one object."""
    department = plan.department
    content = playbook.content
    return DepartmentView(
        zone_label=shown_zone(playbook, department.settings.timezone),
        **_settings_values(department.settings),
        end=plan.end,
        schedule=list(plan.schedule),
        agendas=list(plan.agendas),
        events=list(plan.events),
        forms=plan.forms,
        commitment=plan.commitment,
        commitments=commitments_for(content, department.settings.format),
        returns_to=department.returns_to,
        reminders=list(plan.reminders),
        name=department.name,
        slug=department.slug,
        contact=department.contact,
        intro=department.intro,
        extra_questions=list(department.extra_questions),
        overrides=list(department.overrides),
        calendar=calendar_rows(
            plan.schedule, plan.events, plan.agendas, department.settings.session_time
        ),
    )


def base_context(program: ProgramPlan, *, pdfs: bool = True) -> SiteContext:
    """The names every template may use; ``pdfs`` is false when the build makes none."""
    playbook = program.playbook
    return SiteContext(
        org=playbook.config.organisation,
        program=program_view(program),
        schedule=list(program.schedule),
        departments=[department_view(plan, playbook) for plan in program.departments],
        topics=list(playbook.topics.values()),
        printables={plan.department.slug: plan.documents for plan in program.departments},
        signup=signup_documents(program.playbook),
        signup_dir=SIGNUP_DIR,
        print_dir=PRINT_DIR,
        booklet=BOOKLET,
        calendar=CALENDAR,
        calendars=list(CALENDAR_FILES),
        pairing=program.pairing,
        pdfs=pdfs,
    )
