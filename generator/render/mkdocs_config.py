"""mkdocs_config: the site's ``mkdocs.yml``: the user's theme settings with the generator's own
keys (nav, folders, brand stylesheet, logo) on top.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import jinja2
import yaml

from generator.config.resolved import Playbook
from generator.config.site_settings import (
    SettingsDumper,
    SettingsSyntaxError,
    assets,
    localised,
    parse_settings,
    path_problems,
    tag_problems,
)
from generator.config.spelling import spell
from generator.errors import InputFileError, PlaybookError, TemplateError
from generator.program.plan import ProgramPlan
from generator.render.context import SiteContext
from generator.render.engine import engine_settings
from generator.render.environment import render_template
from generator.render.tree import Tree

#: The guide section: (template under site/guide/, nav title), in reading order.
GUIDE_PAGES: tuple[tuple[str, str], ...] = (
    ("index.md", "What reverse mentoring is"),
    ("roles.md", "Roles and expectations"),
    ("pairing.md", "How pairing works"),
    ("line-managers.md", "For line managers"),
    ("ground-rules.md", "Ground rules"),
    ("wellbeing.md", "Wellbeing and sensitive conversations"),
    ("sessions.md", "Session by session"),
    ("topics.md", "Topic library"),
    ("training.md", "Training"),
    ("evaluation.md", "Evaluation"),
    ("faq.md", "FAQ"),
    ("quick-start-mentor.md", "Quick start: mentors"),
    ("quick-start-mentee.md", "Quick start: mentees"),
)


EVALUATION_PAGE = "evaluation-results.md"


#: Above this many departments the nav lists only their overview page, which links every one.
#: Each page carries the whole nav, so listing thousands of departments in it makes every page,
#: and so the build, grow with the square of their number.
NAV_DEPARTMENTS_MAX = 60
#: MkDocs' pattern for pages deliberately left out of the nav (so it does not report them).
DEPARTMENT_PAGES = "/departments/*.md"


def departments_in_nav(program: ProgramPlan) -> bool:
    """Whether each department has its own nav entry (see ``NAV_DEPARTMENTS_MAX``)."""
    return len(program.departments) <= NAV_DEPARTMENTS_MAX


def nav(program: ProgramPlan, pages: Tree | None = None) -> list[Any]:
    """The explicit navigation: Home, Guide, Departments, Downloads.

    The theme prints nav titles and the site name as raw HTML, so config text is escaped here.
    """
    locale = program.playbook.config.organisation.locale
    guide = [{spell(title, locale): f"guide/{page}"} for page, title in GUIDE_PAGES]
    departments: list[Any] = [{"Overview": "departments/index.md"}]
    if departments_in_nav(program):
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


def site_settings(playbook: Playbook, env: jinja2.Environment, context: SiteContext) -> dict:
    """The user's mkdocs.yml if there is one, else the built-in defaults.

    A bad settings file is an InputFileError (the config names it in ``site.settings``); a bad
    ``site/mkdocs.yml`` template, built-in or overridden, is a TemplateError. Either is held to
    the rules of ``config.site_settings`` (tags, paths), and its paths come back absolute.
    """
    own = settings_file(playbook)
    if own is not None:
        return own
    text = render_template(env, "site/mkdocs.yml", **context)
    return _settings_mapping(text, "site/mkdocs.yml", TemplateError, playbook.folder, playbook)


def settings_file(playbook: Playbook) -> dict | None:
    """The settings in the config's ``site.settings`` file, or None when there is no such file.

    Reads and checks the file only (no template renders), so ``validate`` runs it too.
    """
    path = playbook.resolve(playbook.config.site.settings)
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeError) as err:
        msg = f"{path}: cannot read the site settings (site.settings): {err}"
        raise InputFileError(msg) from None
    return _settings_mapping(text, str(path), InputFileError, path.parent, playbook)


def _settings_mapping(
    text: str, origin: str, error: type[PlaybookError], base: Path, playbook: Playbook
) -> dict:
    try:
        settings = parse_settings(text, origin)
    except SettingsSyntaxError as err:
        raise error(str(err)) from None
    private = [playbook.resolve(playbook.config.site.private_output)]
    if playbook.config.roster:
        private.append(playbook.resolve(playbook.config.roster.file))
    problems = [
        *tag_problems(settings),
        *path_problems(settings, base, playbook.folder, private),
    ]
    if problems:
        raise error("\n".join(problems))
    return localised(settings.data, base)


def settings_folder(playbook: Playbook) -> Path:
    """What relative paths in the settings resolve against: the settings file's folder, or the
    config's folder for the ``site/mkdocs.yml`` template."""
    path = playbook.resolve(playbook.config.site.settings)
    return path.parent if path.is_file() else playbook.folder


def mkdocs_config(
    program: ProgramPlan, env: jinja2.Environment, context: SiteContext, tree: Tree
) -> str:
    """mkdocs.yml: the site settings with the generator's own keys (nav, folders) on top."""
    playbook = program.playbook
    settings = site_settings(playbook, env, context)
    for asset in assets(settings, settings_folder(playbook)):
        target = f"docs/{asset.target}"
        if target not in tree:  # the generator's own files win
            tree[target] = _read_asset(asset.source, asset.target)
    org = playbook.config.organisation
    # Named from the config, so renaming the organisation or program renames the site; the
    # example's and the built-in settings leave site_name out for that reason. (First, where
    # a reader of the generated mkdocs.yml looks for it.)
    settings = {"site_name": html.escape(f"{org.program} · {org.name}"), **settings}
    settings["docs_dir"] = "docs"
    settings["site_dir"] = "site"
    settings["nav"] = nav(program, tree)
    if not departments_in_nav(program):
        settings["not_in_nav"] = DEPARTMENT_PAGES
    extra_css = list(settings.get("extra_css") or [])
    if "stylesheets/brand.css" not in extra_css:
        extra_css.insert(0, "stylesheets/brand.css")
    settings["extra_css"] = extra_css
    extra_js = list(settings.get("extra_javascript") or [])
    if "javascripts/a11y.js" not in extra_js:
        extra_js.append("javascripts/a11y.js")
    settings["extra_javascript"] = extra_js
    settings = engine_settings(settings, playbook.config.site)
    logo = next((path for path in tree if path.startswith("docs/assets/logo")), None)
    if logo is not None:
        theme = settings.setdefault("theme", {"name": "material"})
        theme["logo"] = theme["favicon"] = logo.removeprefix("docs/")
    return yaml.dump(
        settings, Dumper=SettingsDumper, sort_keys=False, allow_unicode=True, width=100
    )


def _read_asset(source: Path, name: str) -> bytes:
    try:
        return source.read_bytes()
    except OSError as err:
        msg = f"{source}: cannot read {name!r}, named in the site settings: {err.strerror}"
        raise InputFileError(msg) from None
