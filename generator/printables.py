"""printables: each department's worksheets, agreement, agendas and forms as print HTML, plus
its booklet and calendar. Part of the render stage: returns text, writes nothing.

The PDFs are made later, from exactly this HTML, by the ``pdf`` publish step. Each print HTML is
self-contained (its stylesheet inline), so it renders the same from the site, from the staging
folder or from a test's temporary folder.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
from markupsafe import Markup

import generator
from generator.agenda import agenda_items, cohort_agenda, timed
from generator.cache import RenderCache, digest, folder_fingerprint
from generator.documents import (
    BOOKLET,
    CALENDAR,
    PRINT_DIR,
    Document,
    documents,
    program_slug,
)
from generator.ical import calendar_ics
from generator.render import Program, Tree, department_view, render_template
from generator.resources import builtin_templates_dir


def print_context(program: Program, department: SimpleNamespace) -> dict[str, Any]:
    """Names every print template may use, beside the site's."""
    playbook = program.playbook
    org = playbook.config.organisation
    created = datetime.combine(playbook.defaults.start, time(0), tzinfo=UTC)
    logo = org.logo and f"../../assets/logo{playbook.resolve(org.logo).suffix.lower()}"
    return {
        "org": org,
        "department": department,
        "program_slug": program_slug(org.program),
        "created": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "paper": department.paper_size,
        "logo": logo or "",
    }


def document_context(doc: Document, department: SimpleNamespace) -> dict[str, Any]:
    """What one document's template reads: the document, its form, and a session's agenda."""
    context: dict[str, Any] = {"doc": doc, "form": doc.form, "session": doc.session}
    if doc.session is not None:
        items = agenda_items(doc.session, department.session_minutes, department.format)
        context["agenda"] = timed(items, department.session_time)
        later = [s for s in department.schedule if s.number == doc.session.number + 1]
        context["next_session"] = later[0] if later else None
    if doc.event is not None:
        items = cohort_agenda(doc.event.kind, doc.event.minutes)
        context["event"] = doc.event
        context["agenda"] = timed(items, department.session_time)
    return context


def render_body(env: jinja2.Environment, name: str, context: dict[str, Any]) -> Markup:
    """Only the ``body`` block of a print template, for binding into the booklet.

    Called after the full render of the same template and context succeeded, so it cannot
    fail where ``render_template`` would have reported the error.
    """
    template = env.get_template(name)
    return Markup("".join(template.blocks["body"](template.new_context(context))))


def render_department(
    program: Program, env: jinja2.Environment, plan: Any, site: dict[str, Any]
) -> Tree:
    """One department's print HTML files, booklet and calendar."""
    department = department_view(plan)
    org = program.playbook.config.organisation
    base = {**site, **print_context(program, department)}
    folder = f"docs/{PRINT_DIR}/{department.slug}"
    tree: Tree = {}
    sections = []
    docs = documents(plan, org.program)
    for doc in docs:
        context = {**base, **document_context(doc, department)}
        tree[f"{folder}/{doc.html}"] = render_template(env, doc.template, **context)
        sections.append((doc, render_body(env, doc.template, context)))
    tree[f"{folder}/{BOOKLET}.html"] = render_template(
        env, "print/booklet.html", sections=sections, documents=docs, **base
    )
    tree[f"{folder}/{CALENDAR}"] = calendar_ics(
        plan, org.name, org.program, program_slug(org.program)
    )
    return tree


def fingerprint(program: Program, user_templates: Path | None) -> str:
    """What every department's printables depend on besides its own plan.

    The generator's code, every template, the organisation, the defaults and the topics. A user's
    own template may read any name (another department, the whole config), so with user
    templates the whole config is part of the key and any edit renders every department again.
    """
    playbook = program.playbook
    code = folder_fingerprint(Path(generator.__file__).parent, builtin_templates_dir())
    parts = [code, repr(playbook.config.organisation), repr(playbook.defaults)]
    parts.append(repr(sorted(playbook.topics.items())))
    if user_templates is not None and any(p.is_file() for p in user_templates.rglob("*")):
        parts += [folder_fingerprint(user_templates), repr(playbook.config)]
    return digest(parts)


def render_printables(
    program: Program,
    env: jinja2.Environment,
    site: dict[str, Any],
    cache: RenderCache | None = None,
    user_templates: Path | None = None,
) -> Tree:
    """Every department's printables; with a cache, only departments whose inputs changed."""
    tree: Tree = {}
    shared = fingerprint(program, user_templates) if cache is not None else ""
    for plan in program.departments:
        if cache is None:
            tree.update(render_department(program, env, plan, site))
            continue
        key = digest([shared, repr(plan)])
        files: dict[str, Any] | None = cache.get(key)
        if files is None:
            files = render_department(program, env, plan, site)
            cache.put(key, files)
            cache.rendered.append(plan.department.slug)
        tree.update(files)
    return tree
