"""documents: which printables a department gets, in booklet order. Pure, no I/O.

The list drives the print HTML, the PDFs, the department page's Printables table and the
Downloads page, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.config.content import ContentSpec
from generator.config.fields import slugify
from generator.config.resolved import Settings
from generator.program.forms import Form, Setting, catalogue
from generator.program.schedule import CohortEvent, Session, occasions

PRINT_DIR = "printables"
BOOKLET = "booklet"
CALENDAR = "sessions.ics"


@dataclass(frozen=True)
class Document:
    """One printable: its file stem, title, template and the form holding its fields."""

    slug: str
    title: str
    template: str
    group: str
    form: Form
    session: Session | None = None
    event: CohortEvent | None = None

    @property
    def html(self) -> str:
        """File name of the print HTML."""
        return f"{self.slug}.html"

    @property
    def pdf(self) -> str:
        """File name of the PDF rendered from it."""
        return f"{self.slug}.pdf"


TEMPLATES = {
    "goals": "print/goals-{role}.html",
    "self-assessment": "print/self-assessment.html",
    "agreement": "print/agreement.html",
    "agenda": "print/agenda.html",
    "cohort": "print/cohort.html",
}
GROUPS = {
    "goals": "Worksheets",
    "self-assessment": "Worksheets",
    "agreement": "Agreement",
    "agenda": "Session agendas",
    "cohort": "Cohort sessions",
}


def program_slug(program: str) -> str:
    """The program's name as a slug, for UIDs and form identities."""
    return slugify(program)


def department_forms(
    settings: Settings,
    extra: tuple[str, ...],
    program: str,
    content: ContentSpec,
    sessions: tuple[Session, ...],
    events: tuple[CohortEvent, ...],
) -> dict[str, Form]:
    """The forms of one department (or of the program defaults): every form it will use."""
    last = sessions[-1].date
    setting = Setting(
        program_name=program,
        format=settings.format,
        topics=tuple((t.id, t.title) for t in settings.focus_areas),
        schedule=sessions,
        extra=extra,
        events=events,
        fills={
            "cadence": f"{settings.cadence.label}, {settings.session_minutes} minutes, "
            f"at {settings.session_time}",
            "last-session": f"{last.day} {last:%B %Y}",
        },
    )
    forms = catalogue(content, setting)
    return {
        form_id: form
        for form_id, form in forms.items()
        if (form.kind != "agreement" or settings.agreement)
        and (form.due == "event" or occasions(form.due, sessions))
    }


def documents(forms: dict[str, Form]) -> tuple[Document, ...]:
    """Every printable of a department, in the order the booklet binds them."""
    result = []
    for form in forms.values():
        session = form.session
        title = f"Agenda {session.number}: {session.title}" if session else form.title
        template = TEMPLATES.get(form.kind, "print/feedback.html").format(role=form.role)
        group = GROUPS.get(form.kind, "Feedback forms")
        result.append(Document(form.id, title, template, group, form, session, form.event))
    return tuple(result)
