"""render: a planned program to a virtual tree ``{relative path: text or bytes}``. No writing.

Templates are found along a search path, like a theme's custom_dir: the user's own templates
folder first, then the built-in ones, so a file of the same name replaces a built-in template.
``{% extends "!default/site/department.md" %}`` reaches the built-in version from an override,
so a user can replace one block instead of copying a whole page.
"""

from __future__ import annotations

import dataclasses
import html
import json
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import yaml

from generator.documents import BOOKLET, CALENDAR, PRINT_DIR, documents
from generator.errors import TemplateError
from generator.filters import FILTERS
from generator.model import Playbook, Settings
from generator.plan import (
    CohortEvent,
    DepartmentPlan,
    Session,
    cohort_events,
    plan_department,
    schedule,
)
from generator.resources import builtin_templates_dir

Tree = dict[str, str | bytes]

#: The guide section: (template under site/guide/, nav title), in reading order.
GUIDE_PAGES: tuple[tuple[str, str], ...] = (
    ("index.md", "What reverse mentoring is"),
    ("roles.md", "Roles and expectations"),
    ("pairing.md", "How pairing works"),
    ("ground-rules.md", "Ground rules"),
    ("wellbeing.md", "Well-being and sensitive conversations"),
    ("sessions.md", "Session by session"),
    ("topics.md", "Topic library"),
    ("training.md", "Training"),
    ("evaluation.md", "Evaluation"),
    ("faq.md", "FAQ"),
    ("quick-start-mentor.md", "Quick start: mentors"),
    ("quick-start-mentee.md", "Quick start: mentees"),
)


@dataclass(frozen=True)
class Program:
    """Everything the render stage needs: the playbook and each department's plan."""

    playbook: Playbook
    schedule: tuple[Session, ...]
    departments: tuple[DepartmentPlan, ...]
    events: tuple[CohortEvent, ...] = ()
    pairing: dict[str, Any] | None = None


def plan_program(playbook: Playbook, pairing: dict[str, Any] | None = None) -> Program:
    """Plan the defaults and every department; ``pairing`` is the public pairing summary."""
    plans = tuple(plan_department(d) for d in playbook.departments)
    sessions = schedule(playbook.defaults)
    events = cohort_events(playbook.defaults, sessions)
    return Program(playbook, sessions, plans, events, pairing)


# --- Environment ----------------------------------------------------------------------------


def make_environment(
    user_templates: Path | None, bytecode: Path | None = None
) -> jinja2.Environment:
    """One environment: user templates first, then built-in; ``!default/`` is always built-in.

    ``bytecode`` is a folder where compiled templates are kept between builds (jinja checks
    each against its source, so an edited template is compiled again).
    """
    builtin = jinja2.FileSystemLoader(str(builtin_templates_dir()))
    loaders: list[jinja2.BaseLoader] = [jinja2.PrefixLoader({"!default": builtin})]
    if user_templates is not None and user_templates.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(user_templates)))
    loaders.append(builtin)
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(["html", "xml", "svg"]),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=_bytecode_cache(bytecode),
    )
    env.filters.update(FILTERS)
    return env


def _bytecode_cache(folder: Path | None) -> jinja2.BytecodeCache | None:
    if folder is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))


def guide_environment(env: jinja2.Environment) -> jinja2.Environment:
    """The environment for guide pages: prose where every newline matters.

    Guide templates are written with explicit whitespace control (``{%- -%}``) rather than
    trim_blocks/lstrip_blocks, so they render through an overlay without those two settings.
    """
    bytecode = env.bytecode_cache
    if isinstance(bytecode, jinja2.FileSystemBytecodeCache):
        # jinja keys compiled templates by name only, not by these settings: keep them apart
        bytecode = jinja2.FileSystemBytecodeCache(bytecode.directory, "__guide_%s.cache")
    return env.overlay(trim_blocks=False, lstrip_blocks=False, bytecode_cache=bytecode)


def render_template(env: jinja2.Environment, name: str, **context: Any) -> str:
    """Render one template; any failure becomes a TemplateError naming template and line."""
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as err:
        msg = f"template {err.filename or err.name}:{err.lineno}: {err.message}"
        raise TemplateError(msg) from None
    except jinja2.TemplateNotFound as err:
        msg = f"template {err.name} not found (while rendering {name})"
        raise TemplateError(msg) from None
    except (jinja2.UndefinedError, TypeError, ValueError, AttributeError) as err:
        msg = f"template {_where(err, name)}: {err}"
        raise TemplateError(msg) from None


def _where(err: Exception, name: str) -> str:
    """The innermost template frame of a rendering error, as ``path:line``."""
    for frame in reversed(traceback.extract_tb(err.__traceback__)):
        if frame.filename.endswith((".md", ".html", ".yml", ".css", ".svg", ".ics", ".js")):
            return f"{frame.filename}:{frame.lineno}"
    return name


# --- Views: flat objects for templates ------------------------------------------------------


def settings_view(
    settings: Settings, sessions: tuple[Session, ...], events: tuple[CohortEvent, ...]
) -> SimpleNamespace:
    """Settings as templates read them, with the schedule, cohort events and end date.

    Every Settings field passes through unchanged, so a new setting reaches templates without
    being listed here.
    """
    values = {field.name: getattr(settings, field.name) for field in dataclasses.fields(settings)}
    return SimpleNamespace(
        **values, end=sessions[-1].date, schedule=list(sessions), events=list(events)
    )


def calendar_rows(sessions: tuple[Session, ...], events: tuple[CohortEvent, ...]) -> list:
    """Pair sessions and cohort events in one date order, for schedule tables."""
    rows = [
        SimpleNamespace(
            date=s.date,
            number=s.number,
            title=s.title,
            audience="Pairs",
            moved_from=s.moved_from,
            session=True,
        )
        for s in sessions
    ]
    rows += [
        SimpleNamespace(
            date=e.date,
            number=None,
            title=e.title,
            audience=e.audience,
            moved_from=None,
            session=False,
        )
        for e in events
    ]
    return sorted(rows, key=lambda row: (row.date, row.session))


def department_view(plan: DepartmentPlan) -> SimpleNamespace:
    """A department flattened: its settings, identity, contact and schedule in one object."""
    department = plan.department
    view = settings_view(department.settings, plan.schedule, plan.events)
    view.__dict__.update(
        name=department.name,
        slug=department.slug,
        contact=department.contact,
        intro=department.intro,
        extra_questions=list(department.extra_questions),
        overrides=list(department.overrides),
        calendar=calendar_rows(plan.schedule, plan.events),
    )
    return view


def base_context(program: Program) -> dict[str, Any]:
    """The names every template may use."""
    config = program.playbook.config
    return {
        "org": config.organisation,
        "program": settings_view(program.playbook.defaults, program.schedule, program.events),
        "schedule": list(program.schedule),
        "departments": [department_view(plan) for plan in program.departments],
        "topics": list(program.playbook.topics.values()),
        "printables": {
            plan.department.slug: documents(plan, config.organisation.program)
            for plan in program.departments
        },
        "print_dir": PRINT_DIR,
        "booklet": BOOKLET,
        "calendar": CALENDAR,
        "pairing": program.pairing,
    }


# --- The site tree --------------------------------------------------------------------------


def render_site(program: Program, env: jinja2.Environment) -> Tree:
    """Every page of the site plus mkdocs.yml and the brand stylesheet."""
    context = base_context(program)
    tree: Tree = {
        "docs/index.md": render_template(env, "site/index.md", **context),
        "docs/departments/index.md": render_template(env, "site/departments.md", **context),
        "docs/downloads.md": render_template(env, "site/downloads.md", **context),
        "docs/stylesheets/brand.css": render_template(env, "site/brand.css", **context),
        "docs/javascripts/a11y.js": render_template(env, "site/a11y.js", **context),
        "docs/assets/timeline.svg": render_template(env, "site/timeline.svg", **context),
    }
    guide_env = guide_environment(env)
    for page, _ in GUIDE_PAGES:
        tree[f"docs/guide/{page}"] = render_template(guide_env, f"site/guide/{page}", **context)
    for department in context["departments"]:
        tree[f"docs/departments/{department.slug}.md"] = render_template(
            env, "site/department.md", department=department, **context
        )
    tree.update(_logo(program.playbook))
    tree.update(evaluation_page(program.playbook, env, context))
    tree["mkdocs.yml"] = mkdocs_config(program, env, context, tree)
    return tree


def _logo(playbook: Playbook) -> Tree:
    logo = playbook.config.organisation.logo
    if not logo:
        return {}
    path = playbook.resolve(logo)
    try:
        return {f"docs/assets/logo{path.suffix.lower()}": path.read_bytes()}
    except OSError as err:
        msg = f"{playbook.config_path}: organisation.logo: cannot read {path}: {err.strerror}"
        raise TemplateError(msg) from None


EVALUATION_PAGE = "evaluation-results.md"


def evaluation_page(playbook: Playbook, env: jinja2.Environment, context: dict) -> Tree:
    """The opt-in results page, from the aggregates `playbook collect` wrote (figures only)."""
    config = playbook.config
    source = playbook.resolve(config.site.private_output) / "evaluation" / "aggregates.json"
    if not config.evaluation.publish_aggregates or not source.is_file():
        return {}
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        msg = f"{source}: cannot read the evaluation aggregates: {err}"
        raise TemplateError(msg) from None
    page = render_template(env, f"site/{EVALUATION_PAGE}", results=data, **context)
    return {f"docs/{EVALUATION_PAGE}": page}


def nav(program: Program, pages: Tree | None = None) -> list[Any]:
    """The explicit navigation: Home, Guide, Departments, Downloads.

    The theme prints nav titles and the site name as raw HTML, so config text is escaped here.
    """
    guide = [{title: f"guide/{page}"} for page, title in GUIDE_PAGES]
    departments: list[Any] = [{"Overview": "departments/index.md"}]
    departments += [
        {html.escape(plan.department.name): f"departments/{plan.department.slug}.md"}
        for plan in program.departments
    ]
    entries = [
        {"Home": "index.md"},
        {"Guide": guide},
        {"Departments": departments},
        {"Downloads": "downloads.md"},
    ]
    if pages and f"docs/{EVALUATION_PAGE}" in pages:
        entries.append({"Results": EVALUATION_PAGE})
    return entries


# --- mkdocs.yml -----------------------------------------------------------------------------


class Tagged:
    """A YAML value with a custom tag (``!!python/name:...``, ``!ENV``) kept verbatim."""

    def __init__(self, tag: str, value: Any) -> None:
        self.tag, self.value = tag, value


class SettingsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml files, keeping tags it does not know as Tagged values."""


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        return Tagged(node.tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(node.tag, loader.construct_sequence(node, deep=True))
    return Tagged(node.tag, loader.construct_mapping(node, deep=True))  # type: ignore[arg-type]


SettingsLoader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
SettingsLoader.add_multi_constructor("!", _construct_tagged)


class SettingsDumper(yaml.SafeDumper):
    """Writes mkdocs.yml, restoring Tagged values."""


def _represent_tagged(dumper: yaml.SafeDumper, value: Tagged) -> yaml.Node:
    if isinstance(value.value, list):
        return dumper.represent_sequence(value.tag, value.value)
    if isinstance(value.value, dict):
        return dumper.represent_mapping(value.tag, value.value)
    return dumper.represent_scalar(value.tag, str(value.value))


SettingsDumper.add_representer(Tagged, _represent_tagged)


def site_settings(playbook: Playbook, env: jinja2.Environment, context: dict[str, Any]) -> dict:
    """The user's mkdocs.yml if there is one, else the built-in defaults."""
    path = playbook.resolve(playbook.config.site.settings)
    if path.is_file():
        text, origin = path.read_text(encoding="utf-8"), str(path)
    else:
        text, origin = render_template(env, "site/mkdocs.yml", **context), "site/mkdocs.yml"
    try:
        data = yaml.load(text, Loader=SettingsLoader)  # noqa: S506 - safe loader subclass
    except yaml.YAMLError as err:
        msg = f"{origin}: not valid YAML: {err}"
        raise TemplateError(msg) from None
    if not isinstance(data, dict):
        msg = f"{origin}: expected a mapping of MkDocs settings"
        raise TemplateError(msg)
    return data


def mkdocs_config(
    program: Program, env: jinja2.Environment, context: dict[str, Any], tree: Tree
) -> str:
    """mkdocs.yml: the site settings with the generator's own keys (nav, folders) on top."""
    playbook = program.playbook
    settings = site_settings(playbook, env, context)
    org = playbook.config.organisation
    settings.setdefault("site_name", html.escape(f"{org.program} · {org.name}"))
    settings["docs_dir"] = "docs"
    settings["site_dir"] = "site"
    settings["nav"] = nav(program, tree)
    extra_css = list(settings.get("extra_css") or [])
    if "stylesheets/brand.css" not in extra_css:
        extra_css.insert(0, "stylesheets/brand.css")
    settings["extra_css"] = extra_css
    extra_js = list(settings.get("extra_javascript") or [])
    if "javascripts/a11y.js" not in extra_js:
        extra_js.append("javascripts/a11y.js")
    settings["extra_javascript"] = extra_js
    logo = next((path for path in tree if path.startswith("docs/assets/logo")), None)
    if logo is not None:
        theme = settings.setdefault("theme", {"name": "material"})
        theme["logo"] = theme["favicon"] = logo.removeprefix("docs/")
    return yaml.dump(
        settings, Dumper=SettingsDumper, sort_keys=False, allow_unicode=True, width=100
    )
