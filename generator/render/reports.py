"""reports: the private reports as virtual trees, from templates in ``templates/report/``,
overridable like every page.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import jinja2

from generator.config.pairing_settings import PairingSettings
from generator.config.resolved import Playbook
from generator.evaluation.change import Change, change_aggregates
from generator.evaluation.collect import Catalogues, Collected
from generator.evaluation.compare import FORMAT, VERSION, Comparison
from generator.evaluation.report import AGGREGATES, answers_csv
from generator.evaluation.sponsor import SponsorSummary
from generator.evaluation.stats import FormStats, GroupStats, QuestionStats, aggregates
from generator.pairing.cohort import Pair, PairingResult
from generator.pairing.flags import flag_counts, pair_flags
from generator.pairing.packets import Packet, rhythm_department
from generator.pairing.report import aggregate_summary, score_breakdown, why
from generator.program.forms import NPS, RATING
from generator.render.charts import nps_chart, response_chart, stacked_chart, trend_chart
from generator.render.environment import render_template
from generator.render.tree import Tree


@dataclass(frozen=True)
class Section:
    """A form in a group, with its charts drawn."""

    form: FormStats
    ratings: str
    choices: list[str]
    nps: list[tuple[QuestionStats, str]]


def sections(env: jinja2.Environment, group: GroupStats, brand: str) -> list[Section]:
    """Every form of a group that had responses, its charts rendered to SVG text."""
    result = []
    for form in group.forms:
        if not form.responses:
            continue
        ratings = [s for s in form.questions if s.question.type == RATING and s.n]
        svg = ""
        if ratings:
            svg = render_template(env, "report/stacked.svg", chart=stacked_chart(ratings, brand))
        choices = [
            render_template(env, "report/stacked.svg", chart=stacked_chart([s], brand))
            for s in form.questions
            if s.question.type not in (RATING, NPS) and s.n and s.question.key != "session"
        ]
        nps = [
            (s, render_template(env, "report/nps.svg", chart=nps_chart(s, brand)))
            for s in form.questions
            if s.question.type == NPS and s.n
        ]
        result.append(Section(form, svg, choices, nps))
    return result


def report_tree(
    playbook: Playbook,
    collected: Collected,
    groups: list[GroupStats],
    change: Change,
    catalogues: Catalogues,
    env: jinja2.Environment,
    comparison: Comparison | None = None,
) -> Tree:
    """Every file of the evaluation folder but the sponsor summary, by relative path."""
    org = playbook.config.organisation
    brand = org.brand_colour
    charts: Tree = {}
    drawn = {g.slug: sections(env, g, brand) for g in groups}
    for slug, group_sections in drawn.items():
        for section in group_sections:
            if section.ratings:
                charts[f"charts/{slug}-{section.form.form}.svg"] = section.ratings
    trend = trend_chart(groups, brand)
    trend_svg = render_template(env, "report/trend.svg", chart=trend) if trend else ""
    responses = {
        g.slug: render_template(env, "report/responses.svg", chart=response_chart(g, brand))
        for g in groups
    }
    context = {
        "org": org,
        "groups": groups,
        "change": change,
        "sections": drawn,
        "trend_svg": trend_svg,
        "responses_svg": responses,
        "skipped": collected.skipped,
        "unmatched": collected.unmatched,
        "settings": playbook.config.evaluation,
        "brand": brand,
        "total": len(collected.responses),
        "rates_known": groups[0].forms[0].expected is not None,
        "zip": zip,
        "comparison": comparison,
    }
    published = {"format": FORMAT, "version": VERSION}
    published |= aggregates(groups, playbook.config.evaluation, org.program)
    published["change"] = change_aggregates(change)
    tree = {
        "report.html": render_template(env, "report/report.html", **context),
        "report.md": render_template(env, "report/report.md", **context),
        "answers.csv": answers_csv(collected.responses, catalogues),
        AGGREGATES: json.dumps(published, indent=2) + "\n",
    }
    return tree | charts


SPONSOR_SUMMARY = "sponsor-summary"


def sponsor_html(
    playbook: Playbook,
    summary: SponsorSummary,
    total: int,
    env: jinja2.Environment,
    created: str,
    tight: bool = False,
) -> str:
    """The sponsor summary as print HTML, on the program's paper (``program.paper_size``);
    ``tight`` sets it closer, for long quotes and adjustments."""
    org = playbook.config.organisation
    return render_template(
        env,
        "report/sponsor.html",
        org=org,
        brand=org.brand_colour,
        paper=playbook.config.program.paper_size,
        department={"name": "Sponsor summary"},  # the page footer of the print stylesheet
        summary=summary,
        total=total,
        created=created,
        tight=tight,
    )


PAIRING_REPORT = "pairing-report.html"
PAIRING_PAGES = {PAIRING_REPORT: "report/pairing.html", "pairing-report.md": "report/pairing.md"}


@dataclass(frozen=True)
class PairRow:
    """A pair as the pairing report shows it: the pair, its score's parts, why it was made,
    the soft preferences it does not meet and the department whose rhythm it follows."""

    template_name = "pair row"

    pair: Pair
    breakdown: str
    why: str
    flags: tuple[str, ...] = ()
    rhythm: str = ""


def pairing_report_tree(
    result: PairingResult,
    env: jinja2.Environment,
    settings: PairingSettings | None = None,
    *,
    approved: bool = False,
    packets: Sequence[Packet] = (),
) -> Tree:
    """The private pairing report, HTML and Markdown, by file name in the pairing folder.

    ``approved``: the pairs are the lead's approved file (``pair --check``), not a proposal.
    ``packets``: the packets made, so the report lists those that could not be.
    """
    settings = settings or PairingSettings()
    rows = [
        PairRow(
            p, score_breakdown(p), why(p), pair_flags(p, settings),
            rhythm_department(p, settings.rhythm),
        )
        for p in result.pairs
    ]  # fmt: skip
    context = {
        "summary": aggregate_summary(result),
        "pairs": rows,
        "unpaired": result.unpaired,
        "fairness_floor": result.fairness_floor,
        "approved": approved,
        "rhythm": settings.rhythm,
        "flag_counts": flag_counts(row.flags for row in rows),
        "flagged": [row for row in rows if row.flags],
        "skipped": [packet for packet in packets if packet.problem],
    }
    return {
        name: render_template(env, template, **context) for name, template in PAIRING_PAGES.items()
    }
