"""`playbook collect`: filled forms and survey exports to a private evaluation report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.config.load import load
from generator.evaluation.change import Change, evaluate_change
from generator.evaluation.collect import Catalogues, Collected, collect
from generator.evaluation.report import FOLDER, pairs_per_department
from generator.evaluation.stats import GroupStats, evaluate
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


def collect_program(config_path: Path, paths: list[Path]) -> CollectOutcome:
    """Read the forms under ``paths`` and write the evaluation to the private folder."""
    playbook = load(config_path)
    config = playbook.config
    catalogues = catalogues_of(plan_program(playbook))
    collected = collect(paths, catalogues, program_slug(config.organisation.program))
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
