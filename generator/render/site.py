"""site: every page of the site, its assets and ``mkdocs.yml``, as a virtual tree."""

from __future__ import annotations

import json
from typing import Any

import jinja2

from generator.config.resolved import Playbook
from generator.errors import InputFileError
from generator.program.plan import ProgramPlan
from generator.render.context import (
    DepartmentPageContext,
    ResultsPageContext,
    SiteContext,
    base_context,
)
from generator.render.environment import guide_environment, render_template
from generator.render.mkdocs_config import EVALUATION_PAGE, GUIDE_PAGES, mkdocs_config
from generator.render.tree import Tree


def render_site(program: ProgramPlan, env: jinja2.Environment, *, pdfs: bool = True) -> Tree:
    """Every page of the site plus mkdocs.yml and the brand stylesheet.

    Without ``pdfs`` (``build --site-only``) the pages link each document's print HTML instead.
    """
    context = base_context(program, pdfs=pdfs)
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
        own = DepartmentPageContext(**context, department=department)
        tree[f"docs/departments/{department.slug}.md"] = render_template(
            env, "site/department.md", **own
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
        raise InputFileError(msg) from None


def aggregates(playbook: Playbook) -> Any | None:
    """The aggregates `playbook collect` wrote, when the config publishes them and they exist.

    Reads the file only (no template renders), so ``validate`` runs it too.
    """
    config = playbook.config
    source = playbook.resolve(config.site.private_output) / "evaluation" / "aggregates.json"
    if not config.evaluation.publish_aggregates or not source.is_file():
        return None
    try:
        return json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        msg = f"{source}: cannot read the evaluation aggregates: {err}"
        raise InputFileError(msg) from None


def evaluation_page(playbook: Playbook, env: jinja2.Environment, context: SiteContext) -> Tree:
    """The opt-in results page, from the aggregates `playbook collect` wrote (figures only)."""
    data = aggregates(playbook)
    if data is None:
        return {}
    page = ResultsPageContext(**context, results=data)
    return {f"docs/{EVALUATION_PAGE}": render_template(env, f"site/{EVALUATION_PAGE}", **page)}
