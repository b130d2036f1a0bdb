"""signup: the program's sign-up forms, one per role, as printables. Pure, no I/O.

People sign up before anyone knows their department's pairs, so the sign-up forms belong to the
program, not to a department: they ask for the department (a choice of the config's), and offer
as skills every department's focus areas, then the rest of the topic library. Their print HTML
and PDFs live in a folder of their own beside the departments' (``printables/sign-up/``), and
carry the program's identity under the department name ``sign-up`` (see :mod:`pdfinfo`), which
``playbook collect`` recognises before it looks for a department.
"""

from __future__ import annotations

from generator.config.resolved import Playbook
from generator.program.documents import Document, program_slug
from generator.program.forms import SIGNUP, Form, Setting, signup_forms
from generator.program.pdfinfo import pdf_identity

#: The folder under ``printables/`` and the department name in the PDFs' identity.
SIGNUP_DIR = "sign-up"
TEMPLATE = "print/signup.html"
GROUP = "Sign-up forms"


def skills_offered(playbook: Playbook) -> tuple[tuple[str, str], ...]:
    """(id, title) of each skill a sign-up offers: the focus areas of every department in
    config order, then the rest of the topic library."""
    ids: dict[str, None] = {}
    for department in (playbook.defaults, *(d.settings for d in playbook.departments)):
        ids.update((topic.id, None) for topic in department.focus_areas)
    ids.update((topic_id, None) for topic_id in playbook.topics)
    return tuple((topic_id, playbook.topics[topic_id].title) for topic_id in ids)


def signup_setting(playbook: Playbook) -> Setting:
    """What the sign-up forms depend on besides the content model."""
    return Setting(
        program_name=playbook.config.organisation.program,
        format="one-to-one",
        topics=(),
        schedule=(),
        skills=skills_offered(playbook),
        departments=tuple(d.name for d in playbook.departments),
    )


def signup_catalogue(playbook: Playbook) -> dict[str, Form]:
    """The sign-up forms by form id: ``signup-mentee``, ``signup-mentor``."""
    return signup_forms(playbook.content, signup_setting(playbook))


def signup_documents(playbook: Playbook) -> tuple[Document, ...]:
    """The sign-up forms as printables, mentor first (they are asked first)."""
    forms = signup_catalogue(playbook)
    order = sorted(forms.values(), key=lambda form: form.role != "mentor")
    return tuple(Document(form.id, form.title, TEMPLATE, GROUP, form) for form in order)


def signup_identity(playbook: Playbook) -> str:
    """The value the sign-up PDFs carry under ``/playbook``."""
    return pdf_identity(SIGNUP_DIR, program_slug(playbook.config.organisation.program))


__all__ = ["SIGNUP", "SIGNUP_DIR", "signup_catalogue", "signup_documents", "signup_identity"]
