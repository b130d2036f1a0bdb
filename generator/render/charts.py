"""charts: the geometry of the evaluation report's SVG charts; the drawing is in
``templates/report/*.svg``. Pure: figures in, numbers and colours out.
"""

from __future__ import annotations

import textwrap
from typing import Any

from generator.evaluation.stats import GroupStats, QuestionStats
from generator.program.forms import RATING
from generator.render.filters import tint

LOW_COLOURS = ("#b4432f", "#e3a08a")  # 1 and 2: warm, darker for worse
NEUTRAL = "#c7cbd1"
DETRACTOR, PASSIVE = "#b4432f", "#c7cbd1"


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
    label_w, plot_w, row_h, top = 260, 400, 30, 14  # "End-of-programme review (mentees)"
    most = max((f.expected or f.responses for f in group.forms), default=1) or 1
    rows = []
    for i, form in enumerate(group.forms):
        rows.append({"y": top + i * row_h, "label": form.title, "w": plot_w * form.responses / most,
                     "expected_w": plot_w * (form.expected or 0) / most, "n": form.responses,
                     "expected": form.expected, "rate": form.rate})  # fmt: skip
    return {"width": label_w + plot_w + 150, "height": top + len(rows) * row_h + 10,
            "label_w": label_w, "rows": rows, "brand": brand, "row_h": row_h}  # fmt: skip
