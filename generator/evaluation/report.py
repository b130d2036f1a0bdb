"""report: the data files of the evaluation (every answer as CSV) and the people each department
expected answers from (the approved pairs, else the roster). The report pages themselves are
rendered in ``render.reports``.
"""

from __future__ import annotations

import csv
from pathlib import Path

from generator.config.fields import ROLES, slugify
from generator.config.resolved import DepartmentNames, Playbook
from generator.errors import BuildError
from generator.evaluation.collect import EVALUATED_FORMS, Catalogues, Response
from generator.evaluation.stats import Participants
from generator.pairing import report as pairing
from generator.pairing.roster import read_config_roster
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


#: Where the expected numbers of forms came from: the approved pairs, the roster, or nowhere.
PAIRS, ROSTER, UNKNOWN = "pairs", "roster", ""


def participants_per_department(
    playbook: Playbook, private: Path
) -> tuple[Participants | None, str]:
    """People per department and role, and where the numbers come from.

    The approved pairs (``pairing/pairs.csv``) first: one mentor and one mentee per pair, in
    the mentee's department. Without them, the roster's people by department and role; without
    a roster, nobody knows how many forms to expect.
    """
    pairs = pairs_per_department(playbook, private)
    if pairs is not None:
        return {slug: dict.fromkeys(ROLES, n) for slug, n in pairs.items()}, PAIRS
    if playbook.config.roster is None:
        return None, UNKNOWN
    names = DepartmentNames(playbook.departments)
    people = read_config_roster(playbook)
    counts: Participants = {d.slug: dict.fromkeys(ROLES, 0) for d in playbook.departments}
    for person in people:
        department = names.find(person.department)
        if department is not None:  # read_roster checked every department is known
            counts[department.slug][person.role] += 1
    return counts, ROSTER
