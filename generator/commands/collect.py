"""`playbook collect`: filled forms and survey exports to a private evaluation report."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from generator.config.load import load
from generator.config.resolved import Playbook
from generator.errors import PlaybookError
from generator.evaluation.change import Change, evaluate_change
from generator.evaluation.collect import Catalogues, Collected, collect
from generator.evaluation.report import FOLDER, pairs_per_department
from generator.evaluation.stats import GroupStats, evaluate
from generator.evaluation.survey import SurveyOptions
from generator.program.documents import program_slug
from generator.program.plan import ProgramPlan, plan_program
from generator.publish.files import replace_folder
from generator.render.environment import make_environment
from generator.render.reports import report_tree


def catalogues_of(program: ProgramPlan) -> Catalogues:
    """Every department's question catalogue, by slug."""
    return {plan.department.slug: plan.forms for plan in program.departments}


@dataclass(frozen=True)
class CollectOutcome:
    """What `playbook collect` read, skipped and wrote."""

    collected: Collected
    groups: list[GroupStats]
    folder: Path
    rates_known: bool
    change: Change | None = None


def survey_options(
    playbook: Playbook, department: str | None = None, role: str | None = None
) -> SurveyOptions:
    """Where a survey export's department and role come from: the config's column names, and
    ``--department`` / ``--role`` for an export without those columns."""
    evaluation = playbook.config.evaluation
    options = SurveyOptions.of(
        {d.slug: d.name for d in playbook.departments},
        role=role,
        department_column=evaluation.department_column,
        role_column=evaluation.role_column,
    )
    if department is None:
        return options
    slug = options.slug(department)
    if slug is None:
        names = ", ".join(d.name for d in playbook.departments)
        msg = f"--department {department}: not a department of the config (one of: {names})"
        raise PlaybookError(msg)
    return dataclasses.replace(options, department=slug)


def collect_program(
    config_path: Path, paths: list[Path], department: str | None = None, role: str | None = None
) -> CollectOutcome:
    """Read the forms under ``paths`` and write the evaluation to the private folder.

    ``department`` and ``role`` are those of a survey export's rows that do not name theirs.
    """
    playbook = load(config_path)
    config = playbook.config
    catalogues = catalogues_of(plan_program(playbook))
    options = survey_options(playbook, department, role)
    collected = collect(paths, catalogues, program_slug(config.organisation.program), options)
    private = playbook.resolve(config.site.private_output)
    folder = private / FOLDER
    if not collected.responses:
        return CollectOutcome(collected, [], folder, rates_known=False)
    pairs = pairs_per_department(playbook, private)
    names = {d.slug: d.name for d in playbook.departments}
    groups = evaluate(
        collected.responses,
        catalogues,
        names,
        pairs,
        {d.slug: d.settings.sessions for d in playbook.departments},
        config.evaluation,
    )
    topics = {t.id: t.title for d in playbook.departments for t in d.settings.focus_areas}
    change = evaluate_change(
        collected.responses, catalogues, names, topics, config.evaluation.min_group
    )
    env = make_environment(
        playbook.resolve(config.site.templates), locale=config.organisation.locale
    )
    replace_folder(report_tree(playbook, collected, groups, change, catalogues, env), folder)
    return CollectOutcome(collected, groups, folder, pairs is not None, change)
