"""playbook forms export: each form as text for a survey tool, and its export read back."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from generator.cli import main
from generator.commands.collect import collect_program
from tests.conftest import SMALL

QUESTION = re.compile(r"^\d+\. (.+)$")


def questions_of(text: str) -> list[tuple[str, str]]:
    """(question, an answer of its type) of each numbered question of an exported form, as a
    lead copies them and a respondent answers."""
    lines = text.splitlines()
    return [
        (m.group(1), answer_to(lines[n + 1].strip()))
        for n, line in enumerate(lines)
        if (m := QUESTION.match(line))
    ]


def answer_to(kind: str) -> str:
    if kind.startswith("rating"):
        return "3"
    if kind.startswith("choice"):
        return kind.split(": ", 1)[1].split(" / ")[-1]
    return "Some words"


def test_export_then_collect_reads_every_column(runner, tmp_path: Path) -> None:
    config = tmp_path / "organisation.yaml"
    config.write_text(SMALL, encoding="utf-8")
    folder = tmp_path / "for-surveys"
    folder.mkdir()
    result = runner.invoke(main, ["forms", "export", str(config), "-o", str(folder)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(
        f"{kind}-{role}.txt"
        for kind in ("self-assessment", "pulse", "mid", "end", "signup")
        for role in ("mentee", "mentor")
    )
    text = (folder / "end-mentee.txt").read_text(encoding="utf-8")
    assert text.startswith("End-of-programme review (mentees)\n")
    assert (
        'a first question titled exactly "Department", choice, one answer: Sales / Finance' in text
    )
    assert "rating from 0 to 10 (0 = Not at all likely, 10 = Extremely likely)" in text
    assert "How well did the group work together?\n   rating from 1 to 5" in text
    assert "   only for: Finance" in text
    # A survey made from the text, answered once by someone in each department.
    asked = questions_of(text)
    headers = ["Timestamp", "Email address", "Department", *(q for q, _ in asked)]
    assert len(headers) == 3 + 18  # Sales' 15 questions and Finance's 3 of its own
    survey = tmp_path / "export.csv"
    with survey.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for department in ("Sales", "Finance"):
            writer.writerow(["t", "x@acme.example", department, *(a for _, a in asked)])
    collected = collect_program(config, [survey]).collected
    assert collected.unmatched == []
    assert [r.department for r in collected.responses] == ["sales", "finance"]
    # Every question a department asks is answered: no column was left out.
    for response in collected.responses:
        asked = [q.field for q in response.form.questions]
        assert sorted(response.answers) == sorted(asked), response.department
    assert collected.skipped == []


def test_export_writes_to_the_private_output_by_default(runner, tmp_path: Path) -> None:
    config = tmp_path / "organisation.yaml"
    config.write_text(SMALL, encoding="utf-8")
    result = runner.invoke(main, ["forms", "export", str(config)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "private" / "forms-for-surveys" / "pulse-mentor.txt").is_file()
    assert "10 form(s) in" in result.output  # 8 feedback forms and 2 sign-up forms
