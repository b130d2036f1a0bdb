"""mkdocs_config: the site's ``mkdocs.yml``: the user's theme settings with the generator's own
keys (nav, folders, brand stylesheet, logo) on top.
"""

from __future__ import annotations

import html
from typing import Any

import jinja2
import yaml

from generator.config.resolved import Playbook
from generator.errors import InputFileError, PlaybookError, TemplateError
from generator.program.plan import ProgramPlan
from generator.render.context import SiteContext
from generator.render.environment import render_template
from generator.render.tree import Tree

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


EVALUATION_PAGE = "evaluation-results.md"


def nav(program: ProgramPlan, pages: Tree | None = None) -> list[Any]:
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


def site_settings(playbook: Playbook, env: jinja2.Environment, context: SiteContext) -> dict:
    """The user's mkdocs.yml if there is one, else the built-in defaults.

    A bad settings file is an InputFileError (the config names it in ``site.settings``); a bad
    ``site/mkdocs.yml`` template, built-in or overridden, is a TemplateError.
    """
    own = settings_file(playbook)
    if own is not None:
        return own
    text = render_template(env, "site/mkdocs.yml", **context)
    return _settings_mapping(text, "site/mkdocs.yml", TemplateError)


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
    return _settings_mapping(text, str(path), InputFileError)


def _settings_mapping(text: str, origin: str, error: type[PlaybookError]) -> dict:
    try:
        data = yaml.load(text, Loader=SettingsLoader)  # noqa: S506 - safe loader subclass
    except yaml.YAMLError as err:
        msg = f"{origin}: not valid YAML: {err}"
        raise error(msg) from None
    if not isinstance(data, dict):
        msg = f"{origin}: expected a mapping of MkDocs settings"
        raise error(msg)
    return data


def mkdocs_config(
    program: ProgramPlan, env: jinja2.Environment, context: SiteContext, tree: Tree
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
