"""`playbook collect`: filled forms and survey exports to a private evaluation report and a
sponsor summary, optionally compared with the last round's aggregates."""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from pathlib import Path

import jinja2

from generator.commands.recruit import RecruitOutcome, recruit_program
from generator.config.load import load
from generator.config.quotes import all_quotes
from generator.config.resolved import Playbook
from generator.errors import PlaybookError
from generator.evaluation.change import Change, evaluate_change
from generator.evaluation.collect import Catalogues, Collected, collect
from generator.evaluation.compare import Comparison, compare
from generator.evaluation.report import FOLDER, participants_per_department
from generator.evaluation.sponsor import SponsorSummary, form_title, sponsor_summary
from generator.evaluation.stats import GroupStats, Participants, evaluate
from generator.evaluation.survey import SurveyOptions
from generator.program.documents import program_slug
from generator.program.plan import ProgramPlan, epoch, plan_program
from generator.publish.files import replace_folder
from generator.publish.pdf import report_pdf
from generator.render.environment import make_environment
from generator.render.reports import SPONSOR_SUMMARY, report_tree, sponsor_html
from generator.render.tree import Tree

log = logging.getLogger(__name__)

#: The pages the sponsor summary may take; more is logged as a warning (a long quote list).
SUMMARY_PAGES = 2


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
    summary: SponsorSummary | None = None
    summary_pages: int = 0
    recruitment: RecruitOutcome | None = None


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


def summary_of(
    playbook: Playbook,
    groups: list[GroupStats],
    change: Change,
    catalogues: Catalogues,
    participants: tuple[Participants | None, str],
    comparison: Comparison | None,
) -> SponsorSummary:
    """The sponsor summary's figures, with the lead's quotes and adjustments."""
    settings = playbook.config.evaluation
    notes = (all_quotes(playbook.config, playbook.folder), settings.adjustments,
             settings.min_group)  # fmt: skip
    sessions = {d.slug: d.settings.sessions for d in playbook.departments}
    return sponsor_summary(groups, change, catalogues, participants, sessions, notes, comparison)


def summary_files(
    playbook: Playbook, summary: SponsorSummary, total: int, env: jinja2.Environment
) -> tuple[Tree, int]:
    """The sponsor summary as HTML and PDF, and the PDF's number of pages."""
    created = epoch(playbook).strftime("%Y-%m-%dT%H:%M:%SZ")
    name = f"{FOLDER}/{SPONSOR_SUMMARY}.pdf"
    html = sponsor_html(playbook, summary, total, env, created)
    pdf, pages = report_pdf(html, name)
    if pages > SUMMARY_PAGES:  # long quotes and adjustments: set it closer, once
        html = sponsor_html(playbook, summary, total, env, created, tight=True)
        pdf, pages = report_pdf(html, name)
    if pages > SUMMARY_PAGES:
        log.warning("The sponsor summary takes %d pages (meant for %d)", pages, SUMMARY_PAGES)
    return {f"{SPONSOR_SUMMARY}.html": html, f"{SPONSOR_SUMMARY}.pdf": pdf}, pages


def collect_program(
    config_path: Path,
    paths: list[Path],
    department: str | None = None,
    role: str | None = None,
    previous: Path | None = None,
    roster: Path | None = None,
) -> CollectOutcome:
    """Read the forms under ``paths``: sign-up forms to the roster (merged with the HR export
    ``roster``, else the config's), the rest to the evaluation, in the private folder.

    ``department`` and ``role`` are those of a survey export's rows that do not name theirs;
    ``previous`` is the last round's ``aggregates.json`` to compare with.
    """
    playbook = load(config_path)
    config = playbook.config
    recruitment = recruit_program(playbook, paths, roster)
    catalogues = catalogues_of(plan_program(playbook))
    options = survey_options(playbook, department, role)
    collected = collect(paths, catalogues, program_slug(config.organisation.program), options)
    if recruitment is not None:  # read into the roster: not skipped feedback forms
        sources = recruitment.signups.sources
        collected.skipped = [item for item in collected.skipped if item.source not in sources]
    private = playbook.resolve(config.site.private_output)
    folder = private / FOLDER
    if not collected.responses:
        return CollectOutcome(collected, [], folder, rates_known=False, recruitment=recruitment)
    participants = participants_per_department(playbook, private)
    names = {d.slug: d.name for d in playbook.departments}
    groups = evaluate(
        collected.responses,
        catalogues,
        names,
        participants[0],
        {d.slug: d.settings.sessions for d in playbook.departments},
        config.evaluation,
    )
    titles = {f: form_title(catalogues, f) for c in catalogues.values() for f in c}
    comparison = compare(previous, groups[0], titles) if previous else None
    topics = {t.id: t.title for d in playbook.departments for t in d.settings.focus_areas}
    change = evaluate_change(
        collected.responses, catalogues, names, topics, config.evaluation.min_group
    )
    env = make_environment(
        playbook.resolve(config.site.templates), locale=config.organisation.locale
    )
    summary = summary_of(playbook, groups, change, catalogues, participants, comparison)
    tree = report_tree(playbook, collected, groups, change, catalogues, env, comparison)
    files, pages = summary_files(playbook, summary, len(collected.responses), env)
    replace_folder(tree | files, folder)
    return CollectOutcome(
        collected, groups, folder, participants[0] is not None, change, summary, pages,
        recruitment,
    )  # fmt: skip


def collect_lines(outcome: CollectOutcome, paths: int) -> list[tuple[str, bool]]:
    """What `playbook collect` prints, each line with whether it goes to stderr: what was
    skipped or not read, the recruitment summary, then the counts and where the files are.

    Raises PlaybookError when nothing at all could be read from the ``paths`` given.
    """
    collected = outcome.collected
    lines = [(f"  skipped {item.source}: {item.reason}", True) for item in collected.skipped]
    for export in collected.unmatched:
        columns = "; ".join(f'"{column}"' for column in export.columns)
        lines.append((f"  not a question, not read: {export.source}: {columns}", True))
    lines += outcome.recruitment.lines() if outcome.recruitment else []
    if not collected.responses:
        if outcome.recruitment:
            return lines
        msg = f"no feedback forms could be read from {paths} path(s); nothing written"
        raise PlaybookError(msg)
    overall = outcome.groups[0]
    rates = "" if outcome.rates_known else " (response rates unknown: no pairing made)"
    pages = f"{outcome.summary_pages} page{'' if outcome.summary_pages == 1 else 's'}"
    return [
        *lines,
        (
            f"{len(collected.responses)} form(s) read, {len(collected.skipped)} skipped; "
            f"{len(overall.adjust)} question(s) to adjust{rates}",
            False,
        ),
        (f"Report: {outcome.folder / 'report.html'}", False),
        (f"Sponsor summary ({pages}): {outcome.folder / 'sponsor-summary.pdf'}", False),
    ]
