"""printables: each department's worksheets, agreement, agendas and forms as print HTML, plus
its booklet (its calendars come from ``calendar.published``). Part of the render stage: returns
text, writes nothing.

The PDFs are made later, from exactly this HTML, by the ``pdf`` publish step. Each print HTML is
self-contained (its stylesheet inline), so it renders the same from the site, from the staging
folder or from a test's temporary folder.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

import jinja2

from generator.program.agenda import timed
from generator.program.documents import BOOKLET, PRINT_DIR, Document, program_slug
from generator.program.pdfinfo import pdf_identity
from generator.program.plan import DepartmentPlan, ProgramPlan
from generator.program.signup import SIGNUP_DIR, signup_documents, signup_identity
from generator.render.context import (
    BookletContext,
    DepartmentView,
    DocumentContext,
    PrintContext,
    SiteContext,
    department_view,
)
from generator.render.environment import render_template
from generator.render.tree import Tree

#: Renders one department's printables when called; a cache may answer instead of calling it.
Memo = Callable[[DepartmentPlan, Callable[[], Tree]], Tree]


def print_context(
    program: ProgramPlan, site: SiteContext, department: DepartmentView
) -> PrintContext:
    """Names every print template may use: the site's, and the print names."""
    playbook = program.playbook
    org = playbook.config.organisation
    logo = org.logo and f"../../assets/logo{playbook.resolve(org.logo).suffix.lower()}"
    slug = program_slug(org.program)
    return PrintContext(
        **site,
        department=department,
        program_slug=slug,
        identity=pdf_identity(department.slug, slug),
        created=program.epoch.strftime("%Y-%m-%dT%H:%M:%SZ"),
        paper=department.paper_size,
        logo=logo or "",
    )


def document_context(doc: Document, plan: DepartmentPlan, base: PrintContext) -> DocumentContext:
    """What one document's template reads: the document, its form, and a session's agenda."""
    context = DocumentContext(**base, doc=doc, form=doc.form, session=doc.session)
    if doc.session is not None:
        start = base["department"].session_time
        agenda = plan.agenda(doc.session)
        context["agenda"] = timed(list(agenda.items), start)
        context["prompts"] = list(agenda.prompts)
        context["next_session"] = plan.next_session(doc.session)
    if doc.event is not None:
        context["event"] = doc.event
        context["agenda"] = timed(list(plan.event_agenda(doc.event)), doc.event.time)
    return context


def render_department(
    program: ProgramPlan, env: jinja2.Environment, plan: DepartmentPlan, site: SiteContext
) -> Tree:
    """One department's print HTML files and booklet."""
    department = department_view(plan, program.playbook)
    base = print_context(program, site, department)
    folder = f"docs/{PRINT_DIR}/{department.slug}"
    tree: Tree = {}
    for doc in plan.documents:
        context = document_context(doc, plan, base)
        tree[f"{folder}/{doc.html}"] = render_template(env, doc.template, **context)
    booklet = BookletContext(**base, documents=list(plan.documents))
    tree[f"{folder}/{BOOKLET}.html"] = render_template(env, "print/booklet.html", **booklet)
    return tree


def render_signup(program: ProgramPlan, env: jinja2.Environment, site: SiteContext) -> Tree:
    """The program's sign-up forms as print HTML, in ``printables/sign-up/`` (no booklet)."""
    playbook = program.playbook
    first = department_view(program.departments[0], playbook)
    view = dataclasses.replace(
        first,
        name="Sign-up",
        slug=SIGNUP_DIR,
        paper_size=playbook.defaults.paper_size,
        returns_to=playbook.config.organisation.lead,
    )
    base = print_context(program, site, view)
    base["identity"] = signup_identity(playbook)
    base["paper"] = view.paper_size
    folder = f"docs/{PRINT_DIR}/{SIGNUP_DIR}"
    return {
        f"{folder}/{doc.html}": render_template(
            env, doc.template, **DocumentContext(**base, doc=doc, form=doc.form, session=None)
        )
        for doc in signup_documents(playbook)
    }


def department_printables(
    program: ProgramPlan, env: jinja2.Environment, site: SiteContext, memo: Memo | None = None
) -> Iterator[Tree]:
    """The sign-up forms, then each department's printables in turn, rendered as the caller asks
    for the next.

    A caller that writes each one out before asking for the next holds one department's print
    HTML at a time, not the whole organisation's. A ``memo`` (a cache) may answer for one.
    """
    yield render_signup(program, env, site)
    for plan in program.departments:

        def make(plan: DepartmentPlan = plan) -> Tree:
            return render_department(program, env, plan, site)

        yield make() if memo is None else memo(plan, make)


def render_printables(
    program: ProgramPlan, env: jinja2.Environment, site: SiteContext, memo: Memo | None = None
) -> Tree:
    """Every department's printables as one tree; a ``memo`` (a cache) may answer for one."""
    tree: Tree = {}
    for files in department_printables(program, env, site, memo):
        tree.update(files)
    return tree
