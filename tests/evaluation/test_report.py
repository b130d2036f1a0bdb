"""The evaluation's data files: answers.csv as text a spreadsheet cannot run, and pairs.csv
read back as it was meant."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from generator.commands.collect import catalogues_of
from generator.config.load import load
from generator.config.pairing_settings import PairingSettings
from generator.evaluation.collect import Response
from generator.evaluation.report import answers_csv, pairs_per_department
from generator.pairing import report as pairing
from generator.pairing.cohort import pair_cohort
from generator.pairing.roster import read_roster
from generator.program.plan import plan_program
from tests.conftest import MINIMAL

# A department whose name a spreadsheet would run; its page name is given, so only reading
# pairs.csv back as written can find it (the name's own slug, 'sum', is not it).
FORMULA_DEPARTMENT = MINIMAL.replace("  - name: Research\n", "  - name: '=Sum'\n    slug: totals\n")


def test_answers_that_would_be_formulas_are_text_in_answers_csv(write_config) -> None:
    catalogues = catalogues_of(plan_program(load(write_config())))
    form = catalogues["sales"]["end-mentee"]
    fields = {q.key: q.field for q in form.questions}
    rating, text = fields["value"], fields["example"]
    answers = {rating: "4", text: "+1 555 0100, call me =1+1"}
    written = answers_csv([Response("=evil.pdf", form, "sales", "", answers)], catalogues)
    (row,) = csv.DictReader(io.StringIO(written))
    assert row[text] == "'+1 555 0100, call me =1+1"
    assert row["source"] == "'=evil.pdf"
    assert (row[rating], row["department"], row["form"]) == ("4", "sales", "end-mentee")


def test_pairs_csv_is_read_back_as_it_was_written(write_config, tmp_path: Path) -> None:
    playbook = load(write_config(FORMULA_DEPARTMENT))
    roster = tmp_path / "roster.csv"
    rows = ["name,email,role,department,skills"]
    rows += [f"Senior {i},s{i}@x.example,mentee,=Sum,Python" for i in range(3)]
    rows += [f"Junior {i},j{i}@x.example,mentor,Sales,Python" for i in range(3)]
    roster.write_text("\n".join(rows) + "\n", encoding="utf-8")
    text = pairing.pairs_csv(pair_cohort(read_roster(roster), PairingSettings()))
    assert "'=Sum" in text
    folder = tmp_path / "private" / pairing.FOLDER
    folder.mkdir(parents=True)
    (folder / pairing.PAIRS_CSV).write_text(text, encoding="utf-8")
    assert pairs_per_department(playbook, tmp_path / "private") == {"totals": 3, "sales": 0}
