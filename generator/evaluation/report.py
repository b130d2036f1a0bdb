"""report: the data files of the evaluation (every answer as CSV) and the pairs each department
expected answers from. The report pages themselves are rendered in ``render.reports``.
"""

from __future__ import annotations

import csv
from pathlib import Path

from generator.config.fields import slugify
from generator.config.resolved import Playbook
from generator.errors import BuildError
from generator.evaluation.collect import EVALUATED_FORMS, Catalogues, Response
from generator.pairing import report as pairing
from generator.spreadsheet import cell_value, csv_text

FOLDER = "evaluation"
AGGREGATES = "aggregates.json"
CSV_HEAD = ("source", "form", "role", "department", "session")


def answers_csv(responses: list[Response], catalogues: Catalogues) -> str:
    """One row per response: where it came from and which form, then every field; an answer
    that would be a formula is text."""
    fields: dict[str, None] = {}
    for catalogue in catalogues.values():
        for form_id in EVALUATED_FORMS:
            form = catalogue.get(form_id)
            fields.update(dict.fromkeys(q.field for q in (form.questions if form else ())))
    rows = (
        [r.source, r.form.id, r.role, r.department, r.session]
        + [r.answers.get(name, "") for name in fields]
        for r in responses
    )
    return csv_text([*CSV_HEAD, *fields], rows)


def pairs_per_department(playbook: Playbook, private: Path) -> dict[str, int] | None:
    """Pairs per department slug from the pairing's pairs.csv (the mentee's department)."""
    path = private / pairing.FOLDER / pairing.PAIRS_CSV
    if not path.is_file():
        return None
    slugs = {d.name.casefold(): d.slug for d in playbook.departments}
    slugs |= {d.slug: d.slug for d in playbook.departments}
    counts = dict.fromkeys(slugs.values(), 0)
    column = pairing.MENTEE_DEPARTMENT
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if column not in (reader.fieldnames or ()):
            msg = f"{path}: no {column} column (an older `playbook pair` wrote it); pair again"
            raise BuildError(msg)
        for row in reader:
            department = cell_value(row[column]).strip()  # pairs.csv quotes a formula-like cell
            slug = slugs.get(department.casefold()) or slugs.get(slugify(department))
            if slug:
                counts[slug] += 1
    return counts
