"""eval_report: the evaluation as a private HTML and Markdown report, SVG charts, a CSV of
every answer and the aggregates the site may publish; plus the API behind `playbook collect`.

Everything lands in ``<site.private_output>/evaluation/``: it is staged in a sibling folder and
swapped in only when complete, so an interrupted run leaves the last report as it was.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from generator.collect import Catalogues, Collected, Response, collect
from generator.documents import department_forms, program_slug
from generator.evaluate import (
    FEEDBACK_FORMS,
    FormStats,
    GroupStats,
    QuestionStats,
    aggregates,
    evaluate,
)
from generator.filters import tint
from generator.forms import NPS, RATING
from generator.load import load, slugify
from generator.model import Playbook
from generator.plan import plan_department
from generator.render import make_environment, render_template

FOLDER = "evaluation"
AGGREGATES = "aggregates.json"
CSV_HEAD = ("source", "form", "role", "department", "session")
LOW_COLOURS = ("#b4432f", "#e3a08a")  # 1 and 2: warm, darker for worse
NEUTRAL = "#c7cbd1"
DETRACTOR, PASSIVE = "#b4432f", "#c7cbd1"


# --- Charts: geometry here, drawing in templates/report/*.svg --------------------------------


def scale_colours(question_type: str, size: int, brand: str) -> list[str]:
    """Fill colours for a scale's values: warm for low, grey for neutral, brand for high."""
    if question_type == RATING:
        return [*LOW_COLOURS, NEUTRAL, tint(brand, 0.55), brand]
    # A choice (pairing fit): first option good, last bad.
    return [brand, NEUTRAL, LOW_COLOURS[0]][:size] if size <= 3 else [brand] * size


def ink(fill: str) -> str:
    """Black or white text, whichever reads better on ``fill``."""
    r, g, b = (int(fill.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return "#1d1d1f" if 0.299 * r + 0.587 * g + 0.114 * b > 150 else "#ffffff"


def stacked_chart(questions: list[QuestionStats], brand: str) -> dict[str, Any]:
    """One 100% bar per question: label left, segments per scale value, mean right."""
    label_w, bar_w, row_h, top = 300, 440, 46, 52
    first = questions[0].question
    colours = scale_colours(first.type, len(first.scale), brand)
    rows = []
    for index, stats in enumerate(questions):
        x: float = label_w
        segments = []
        for value, share, count, fill in zip(
            stats.question.scale, stats.shares, stats.counts, colours, strict=True
        ):
            width = share * bar_w
            label = f"{share:.0%}" if share >= 0.08 else ""
            segments.append(
                {"x": x, "w": width, "fill": fill, "ink": ink(fill), "label": label,
                 "title": f"{value}: {count} of {stats.n}"}
            )  # fmt: skip
            x += width
        lines = textwrap.wrap(stats.question.text, 40)[:2]
        rows.append({"y": top + index * row_h, "lines": lines, "segments": segments,
                     "mean": stats.mean, "n": stats.n})  # fmt: skip
    legend, x = [], label_w
    for value, fill in zip(first.scale, colours, strict=True):
        legend.append({"label": value, "fill": fill, "x": x})
        x += 24 + 7 * len(value)
    same_ends = len({(s.question.low, s.question.high) for s in questions}) == 1
    height = top + len(questions) * row_h + 26
    return {"width": label_w + bar_w + 110, "height": height, "label_w": label_w,
            "bar_w": bar_w, "row_h": row_h, "top": top, "rows": rows, "legend": legend,
            "low": first.low if same_ends else "", "high": first.high if same_ends else "",
            "means": any(s.mean is not None for s in questions), "axis_y": height - 22,
            "ticks": [(label_w + bar_w * t / 4, f"{25 * t}%") for t in range(5)]}  # fmt: skip


def nps_chart(stats: QuestionStats, brand: str) -> dict[str, Any]:
    """A column per 0-10 answer, coloured detractor, passive, promoter."""
    col_w, plot_h, left, top = 44, 150, 40, 36
    most = max(stats.counts) or 1
    columns = []
    for value, count in zip(stats.question.scale, stats.counts, strict=True):
        score = int(value)
        fill = DETRACTOR if score <= 6 else PASSIVE if score <= 8 else brand
        height = plot_h * count / most
        columns.append({"x": left + score * col_w + 6, "w": col_w - 12, "h": height,
                        "y": top + plot_h - height, "fill": fill, "value": value,
                        "count": count})  # fmt: skip
    return {"width": left + 11 * col_w + 20, "height": top + plot_h + 44, "left": left,
            "top": top, "plot_h": plot_h, "base": top + plot_h, "columns": columns,
            "nps": stats.nps, "n": stats.n, "right": left + 11 * col_w}  # fmt: skip


def trend_chart(groups: list[GroupStats], brand: str) -> dict[str, Any] | None:
    """A dumbbell per group and role: mid mean to end mean on the 1-5 axis."""
    rows = [(g.name, t) for g in groups for t in g.trends if t.mid is not None or t.end is not None]
    if not rows:
        return None
    label_w, plot_w, row_h, top = 220, 480, 34, 40

    def x(mean: float | None) -> float | None:
        return None if mean is None else label_w + plot_w * (mean - 1) / 4

    drawn = [
        {"y": top + i * row_h + row_h / 2, "label": f"{name} · {t.role}s", "mid": x(t.mid),
         "end": x(t.end), "mid_v": t.mid, "end_v": t.end, "change": t.change}
        for i, (name, t) in enumerate(rows)
    ]  # fmt: skip
    height = top + len(rows) * row_h + 34
    return {"width": label_w + plot_w + 110, "height": height, "rows": drawn, "top": top,
            "label_w": label_w, "plot_w": plot_w, "axis_y": height - 28, "brand": brand,
            "ticks": [(label_w + plot_w * (v - 1) / 4, v) for v in range(1, 6)]}  # fmt: skip


def response_chart(group: GroupStats, brand: str) -> dict[str, Any]:
    """A bar per form: responses returned, with the rate where it is known."""
    label_w, plot_w, row_h, top = 220, 400, 30, 14
    most = max((f.expected or f.responses for f in group.forms), default=1) or 1
    rows = []
    for i, form in enumerate(group.forms):
        rows.append({"y": top + i * row_h, "label": form.title, "w": plot_w * form.responses / most,
                     "expected_w": plot_w * (form.expected or 0) / most, "n": form.responses,
                     "expected": form.expected, "rate": form.rate})  # fmt: skip
    return {"width": label_w + plot_w + 150, "height": top + len(rows) * row_h + 10,
            "label_w": label_w, "rows": rows, "brand": brand, "row_h": row_h}  # fmt: skip


# --- Report ---------------------------------------------------------------------------------


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


def answers_csv(responses: list[Response], catalogues: Catalogues) -> str:
    """One row per response: where it came from and which form, then every field."""
    fields: dict[str, None] = {}
    for catalogue in catalogues.values():
        for form_id in FEEDBACK_FORMS:
            fields.update(dict.fromkeys(q.field for q in catalogue[form_id].questions[1:]))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*CSV_HEAD, *fields])
    for r in responses:
        head = [r.source, r.form.id, r.role, r.department, r.session]
        writer.writerow(head + [r.answers.get(name, "") for name in fields])
    return buffer.getvalue()


def report_tree(
    playbook: Playbook, collected: Collected, groups: list[GroupStats], env: jinja2.Environment
) -> dict[str, str]:
    """Every file of the evaluation folder, by relative path."""
    org = playbook.config.organisation
    brand = org.brand_colour
    charts: dict[str, str] = {}
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
        "sections": drawn,
        "trend_svg": trend_svg,
        "responses_svg": responses,
        "skipped": collected.skipped,
        "settings": playbook.config.evaluation,
        "brand": brand,
        "total": len(collected.responses),
        "rates_known": groups[0].forms[0].expected is not None,
        "zip": zip,
    }
    tree = {
        "report.html": render_template(env, "report/report.html", **context),
        "report.md": render_template(env, "report/report.md", **context),
        "answers.csv": answers_csv(collected.responses, catalogues_of(playbook)),
        AGGREGATES: json.dumps(
            aggregates(groups, playbook.config.evaluation, org.program), indent=2
        )
        + "\n",
    }
    return tree | charts


def write_atomic(tree: dict[str, str], target: Path) -> None:
    """Write the tree to a staging folder beside ``target``, then swap it in."""
    stage = target.with_name(f".{target.name}.staging")
    old = target.with_name(f".{target.name}.old")
    for folder in (stage, old):
        shutil.rmtree(folder, ignore_errors=True)
    for relative, text in tree.items():
        path = stage / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    if target.exists():
        target.rename(old)
    stage.rename(target)
    shutil.rmtree(old, ignore_errors=True)


# --- The API behind `playbook collect` ------------------------------------------------------


def catalogues_of(playbook: Playbook) -> Catalogues:
    """Every department's question catalogue, by slug."""
    program = playbook.config.organisation.program
    return {d.slug: department_forms(plan_department(d), program) for d in playbook.departments}


def pairs_per_department(playbook: Playbook, private: Path) -> dict[str, int] | None:
    """Pairs per department slug from the pairing's pairs.csv (the mentee's department)."""
    path = private / "pairing" / "pairs.csv"
    if not path.is_file():
        return None
    slugs = {d.name.casefold(): d.slug for d in playbook.departments}
    slugs |= {d.slug: d.slug for d in playbook.departments}
    counts = dict.fromkeys(slugs.values(), 0)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            mentee_department = row.get("departments", "").rpartition("->")[2].strip()
            slug = slugs.get(mentee_department.casefold()) or slugs.get(slugify(mentee_department))
            if slug:
                counts[slug] += 1
    return counts


@dataclass(frozen=True)
class CollectOutcome:
    """What `playbook collect` read, skipped and wrote."""

    collected: Collected
    groups: list[GroupStats]
    folder: Path
    rates_known: bool


def collect_program(config_path: Path, paths: list[Path]) -> CollectOutcome:
    """Read the forms under ``paths`` and write the evaluation to the private folder."""
    playbook = load(config_path)
    config = playbook.config
    catalogues = catalogues_of(playbook)
    collected = collect(paths, catalogues, program_slug(config.organisation.program))
    private = playbook.resolve(config.site.private_output)
    folder = private / FOLDER
    if not collected.responses:
        return CollectOutcome(collected, [], folder, rates_known=False)
    pairs = pairs_per_department(playbook, private)
    groups = evaluate(
        collected.responses,
        catalogues,
        {d.slug: d.name for d in playbook.departments},
        pairs,
        {d.slug: d.settings.sessions for d in playbook.departments},
        config.evaluation,
    )
    env = make_environment(playbook.resolve(config.site.templates))
    write_atomic(report_tree(playbook, collected, groups, env), folder)
    return CollectOutcome(collected, groups, folder, pairs is not None)
