"""plan: the whole program, planned once. Pure, no I/O.

Every department's dated sessions, cohort events, agendas, form reminders, forms and printables
are computed here, once, and handed down. The site pages, the print documents, the PDFs, the
calendars, the design checks and the evaluation all read the same ``ProgramPlan``, so no two of
them can compute a date, an agenda or a field name differently.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from generator.config.content import ContentSpec
from generator.config.fields import ROLES
from generator.config.resolved import Playbook, ResolvedDepartment, Settings
from generator.config.spelling import DEFAULT
from generator.program.agenda import (
    AgendaItem,
    SessionAgenda,
    cohort_agenda,
    respelled,
    respelled_items,
    session_agendas,
)
from generator.program.documents import Document, department_forms, documents
from generator.program.due import Reminder, TimeCommitment, form_reminders, time_commitment
from generator.program.forms import Form
from generator.program.schedule import CohortEvent, Session, cohort_events, schedule


@dataclass(frozen=True)
class DepartmentPlan:
    """A department's dated program and everything computed from it."""

    department: ResolvedDepartment
    schedule: tuple[Session, ...]
    events: tuple[CohortEvent, ...]
    #: each session's agenda (timed items, conversation starters), in schedule order
    agendas: tuple[SessionAgenda, ...]
    #: each cohort event's timed items, in event order
    event_agendas: tuple[tuple[AgendaItem, ...], ...]
    reminders: tuple[Reminder, ...]
    forms: dict[str, Form]
    documents: tuple[Document, ...]
    #: what each role gives the program, by role
    commitment: dict[str, TimeCommitment]

    @property
    def end(self) -> date:
        """Date of the last session."""
        return self.schedule[-1].date

    def agenda(self, session: Session) -> SessionAgenda:
        """The agenda of one of this department's sessions."""
        return self.agendas[self.schedule.index(session)]

    def event_agenda(self, event: CohortEvent) -> tuple[AgendaItem, ...]:
        """The timed items of one of this department's cohort events."""
        return self.event_agendas[self.events.index(event)]

    def next_session(self, session: Session) -> Session | None:
        """The session after ``session``, or None after the last."""
        index = self.schedule.index(session) + 1
        return self.schedule[index] if index < len(self.schedule) else None


def commitments(
    settings: Settings,
    sessions: tuple[Session, ...],
    events: tuple[CohortEvent, ...],
    forms: dict[str, Form],
    content: ContentSpec,
) -> dict[str, TimeCommitment]:
    """Each role's time commitment, computed once for every page that states it."""
    return {
        role: time_commitment(
            role, sessions, settings.session_minutes, events, forms, content.preparation_minutes
        )
        for role in ROLES
    }


def plan_department(
    department: ResolvedDepartment, program: str, content: ContentSpec, locale: str = DEFAULT
) -> DepartmentPlan:
    """Plan one department of the program called ``program``, its agendas in ``locale``'s
    spelling."""
    settings = department.settings
    sessions = schedule(settings)
    events = cohort_events(settings, sessions)
    extra = department.extra_questions
    forms = department_forms(settings, extra, program, content, sessions, events)
    return DepartmentPlan(
        department=department,
        schedule=sessions,
        events=events,
        agendas=respelled(session_agendas(sessions, settings), sessions, locale),
        event_agendas=tuple(
            respelled_items(cohort_agenda(e.kind, e.minutes, settings.format), locale)
            for e in events
        ),
        reminders=form_reminders(settings, sessions, forms),
        forms=forms,
        documents=documents(forms),
        commitment=commitments(settings, sessions, events, forms, content),
    )


@dataclass(frozen=True)
class ProgramPlan:
    """The program defaults' own schedule and every department's plan."""

    playbook: Playbook
    schedule: tuple[Session, ...]
    events: tuple[CohortEvent, ...]
    departments: tuple[DepartmentPlan, ...]
    #: the defaults' session agendas, in schedule order (the guide's sessions page reads them)
    agendas: tuple[SessionAgenda, ...]
    #: the forms of a department that keeps every default, and what each role gives
    forms: dict[str, Form]
    commitment: dict[str, TimeCommitment]
    reminders: tuple[Reminder, ...]
    #: what the public site may show about the pairs (counts), or None without a roster
    pairing: dict[str, Any] | None = None

    @property
    def epoch(self) -> datetime:
        """The one fixed timestamp of every output (PDF dates, calendar stamps, the site's
        build date): midnight UTC on the program's start. Same config, same bytes."""
        return epoch(self.playbook)


def epoch(playbook: Playbook) -> datetime:
    """Midnight UTC on the program's start date; see ``ProgramPlan.epoch``."""
    return datetime.combine(playbook.defaults.start, time(0), tzinfo=UTC)


def plan_program(playbook: Playbook, pairing: dict[str, Any] | None = None) -> ProgramPlan:
    """Plan the defaults and every department; ``pairing`` is the public pairing summary."""
    program = playbook.config.organisation.program
    locale = playbook.config.organisation.locale
    plans = tuple(
        plan_department(d, program, playbook.content, locale) for d in playbook.departments
    )
    defaults, content = playbook.defaults, playbook.content
    sessions = schedule(defaults)
    events = cohort_events(defaults, sessions)
    agendas = respelled(session_agendas(sessions, defaults), sessions, locale)
    forms = department_forms(defaults, (), program, content, sessions, events)
    commitment = commitments(defaults, sessions, events, forms, content)
    reminders = form_reminders(defaults, sessions, forms)
    return ProgramPlan(
        playbook, sessions, events, plans, agendas, forms, commitment, reminders, pairing=pairing
    )
