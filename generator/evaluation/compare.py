"""compare: this round's figures against the last round's ``aggregates.json``, per question.

The previous file is what `playbook collect` published last time: figures only, groups under
``min_group`` left out. So a question can be in one round only for three reasons: it was
added, it was removed, or last round's answers were too few to publish; each is listed as
such, never dropped. Only the whole program's figures (the ``overall`` group) are compared.

Reads one file; the comparison itself is pure.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import InputFileError
from generator.evaluation.stats import OVERALL, GroupStats

#: What ``aggregates.json`` says it is, so a file of another kind is refused by name.
FORMAT, VERSION = "playbook-aggregates", 1


@dataclass(frozen=True)
class Figure:
    """One question's mean and number of answers in one round."""

    form: str  # the form's title
    question: str
    mean: float
    n: int


@dataclass(frozen=True)
class Compared:
    """One question in both rounds, or in one only (the other None)."""

    form_id: str
    field: str
    then: Figure | None
    now: Figure | None
    hidden_then: bool = False  # in the previous file, but too few answers to publish

    @property
    def label(self) -> Figure | None:
        """The figure whose words to show: this round's, else the last round's."""
        return self.now or self.then

    @property
    def change(self) -> float | None:
        """Now minus then."""
        return None if self.then is None or self.now is None else self.now.mean - self.then.mean


@dataclass(frozen=True)
class Comparison:
    """Every question with a mean in either round; ``source`` names the previous file."""

    source: str
    program: str
    rows: tuple[Compared, ...]

    @property
    def both(self) -> tuple[Compared, ...]:
        """Questions with a figure in both rounds."""
        return tuple(row for row in self.rows if row.then and row.now)

    @property
    def only_now(self) -> tuple[Compared, ...]:
        """Questions with a figure this round only."""
        return tuple(row for row in self.rows if row.now and not row.then)

    @property
    def only_then(self) -> tuple[Compared, ...]:
        """Questions with a figure last round only."""
        return tuple(row for row in self.rows if row.then and not row.now)


def _refuse(path: Path, why: str) -> InputFileError:
    msg = f"{path}: not a previous round's aggregates.json ({why})"
    return InputFileError(msg)


def read_previous(path: Path) -> dict[str, Any]:
    """The overall group of a previous ``aggregates.json``; a clear error if it is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise _refuse(path, "no such file") from None
    except (OSError, UnicodeError, json.JSONDecodeError) as err:
        raise _refuse(path, f"not JSON: {type(err).__name__}") from None
    if not isinstance(data, dict) or not isinstance(data.get("groups"), list):
        raise _refuse(path, "no 'groups' list")
    if data.get("format", FORMAT) != FORMAT or data.get("version", VERSION) != VERSION:
        found = f"{data.get('format')} version {data.get('version')}"
        raise _refuse(path, f"{found}; expected {FORMAT} version {VERSION}")
    overall = next((g for g in data["groups"] if isinstance(g, dict) and g.get("slug") == OVERALL),
                   None)  # fmt: skip
    if overall is None or not isinstance(overall.get("forms"), list):
        raise _refuse(path, "no 'overall' group with its forms")
    return {"program": str(data.get("program", "")), "forms": overall["forms"]}


def _previous_figures(path: Path, forms: list[Any]) -> tuple[dict, set]:
    """(form id, field) -> Figure of every published question; and the hidden forms' ids."""
    figures, hidden = {}, set()
    try:
        for form in forms:
            form_id, title = str(form["form"]), str(form["title"])
            if form.get("suppressed"):
                hidden.add(form_id)
                continue
            for q in form.get("questions", []):
                if q.get("mean") is not None:
                    figure = Figure(title, str(q["question"]), float(q["mean"]), int(q["answers"]))
                    figures[(form_id, str(q["field"]))] = figure
    except (AttributeError, KeyError, TypeError, ValueError) as err:
        raise _refuse(path, f"a form or question without {err}") from None
    return figures, hidden


def current_figures(group: GroupStats, title: dict[str, str]) -> dict[tuple[str, str], Figure]:
    """(form id, field) -> Figure of every question with a mean in this round's group."""
    return {
        (form.form, s.question.field): Figure(title[form.form], s.question.text, s.mean, s.n)
        for form in group.forms
        for s in form.questions
        if s.mean is not None
    }


def compare(path: Path, group: GroupStats, title: dict[str, str]) -> Comparison:
    """This round's ``group`` (the overall one) against the previous aggregates at ``path``;
    ``title`` is each form's title by id."""
    previous = read_previous(path)
    then, hidden = _previous_figures(path, previous["forms"])
    now = current_figures(group, title)
    keys = list(now) + [key for key in then if key not in now]
    rows = tuple(
        Compared(form, field, then.get((form, field)), now.get((form, field)), form in hidden)
        for form, field in keys
    )
    return Comparison(str(path), previous["program"], rows)
