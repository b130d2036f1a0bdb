"""survey: exports of the survey tools, with the question texts as column headers, read as
responses. Each file is written here as the tool lays it out (Microsoft Forms' XLSX, Google
Forms' CSV, Qualtrics' three header rows, SurveyMonkey's two)."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from generator.commands.collect import catalogues_of
from generator.config.load import load
from generator.evaluation.collect import Catalogues, Collected, collect
from generator.evaluation.survey import SurveyOptions, normalise
from generator.program.plan import plan_program

PROGRAM = "mentor-up"
NAMES = {"sales": "Sales", "finance": "Finance"}
# The end form as a lead pasted it, with the small changes a survey tool or a person makes.
VALUE = "overall, how valuable was the programme for you"  # case, no "?"
RECOMMEND = "How likely are you to recommend “Mentor-Up” to a colleague?"  # curly quotes
LEARNING = "3. How much did you learn from your  mentor?"  # a number in front, two spaces
EXAMPLE = "Something you can do now that you could not do before"
AGAIN = "Would you take part again?"
PACE = "My mentor explains things at a pace that works for me"  # mentees only
MS_TOOL = ["ID", "Start time", "Completion time", "Email", "Name"]


@pytest.fixture(scope="module")
def catalogues(small_config: Path) -> Catalogues:
    return catalogues_of(plan_program(load(small_config)))


def options(**given: str) -> SurveyOptions:
    return SurveyOptions.of(NAMES, **given)


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        csv.writer(handle).writerows(rows)
    return path


def read(path: Path, catalogues: Catalogues, **given: str) -> Collected:
    return collect([path], catalogues, PROGRAM, options(**given))


def test_headers_match_whatever_the_case_punctuation_and_quotes() -> None:
    assert normalise(RECOMMEND) == normalise(
        "How likely are you to recommend Mentor-Up to a colleague"
    )
    assert normalise(LEARNING) == normalise("How much did you learn from your mentor?")
    assert normalise("Q12: It’s fine") == normalise("it's fine")


def test_a_microsoft_forms_workbook_is_read_and_its_unknown_column_listed(
    catalogues: Catalogues, tmp_path: Path
) -> None:
    head = [*MS_TOOL, "Department", VALUE, RECOMMEND, LEARNING, EXAMPLE, AGAIN, "Favourite colour"]
    rows = [
        [1, "5/1/27 9:00", "5/1/27 9:05", "ann@acme.example", "Ann Lee", "Sales",
         4, 9, "5 - A great deal", "Ask better questions", "Yes", "blue"],
        [2, "5/1/27 9:10", "5/1/27 9:15", "bo@acme.example", "Bo Kim", "sales",
         "Extremely", "10 (Extremely likely)", 3, "", "maybe", ""],
    ]  # fmt: skip
    path = write_xlsx(tmp_path / "End review.xlsx", [head, *rows])
    collected = read(path, catalogues)
    assert collected.skipped == []
    first, second = collected.responses
    assert (first.source, first.form.id, first.department) == (f"{path}:2", "end-mentee", "sales")
    assert first.answers == {
        "end-mentee-value": "4",
        "end-mentee-recommend": "9",
        "end-mentee-learning": "5",
        "end-mentee-example": "Ask better questions",
        "end-mentee-again": "yes",
    }
    assert second.answers["end-mentee-value"] == "5"  # the high end's label
    assert second.answers["end-mentee-recommend"] == "10"
    assert second.answers["end-mentee-again"] == "maybe"
    words = " ".join(v for r in collected.responses for v in r.answers.values())
    assert "Ann Lee" not in words  # the tool's own columns are not answers
    assert "acme.example" not in words
    (unmatched,) = collected.unmatched
    assert unmatched.columns == ("Favourite colour",)


def test_a_google_forms_csv_takes_its_department_from_the_option(
    catalogues: Catalogues, tmp_path: Path
) -> None:
    """Finance works in groups: its end form asks "How well did the group work together?"."""
    group = ["How well did the group work together?", "How much did you learn from the mentor?"]
    head = ["Timestamp", "Email address", VALUE, *group, AGAIN]
    rows = [["2027/05/01 9:00:00", "x@acme.example", "2", "4", "3", "no"]] * 3
    path = write_csv(tmp_path / "end.csv", [head, *rows])
    collected = read(path, catalogues, department="finance")
    assert len(collected.responses) == 3
    assert {(r.form.id, r.department) for r in collected.responses} == {("end-mentee", "finance")}
    assert collected.responses[0].answers["end-mentee-together"] == "4"
    assert collected.unmatched == []
    without = read(path, catalogues)
    assert [(Path(s.source).name, s.reason) for s in without.skipped] == [
        ("end.csv", "no department: add a 'Department' column or give --department (3 rows)")
    ]


def test_questions_both_roles_are_asked_need_a_role(catalogues: Catalogues, tmp_path: Path) -> None:
    head = ["Timestamp", "Department", VALUE, AGAIN]
    path = write_csv(tmp_path / "both.csv", [head, ["t", "Sales", "3", "yes"]])
    (skipped,) = read(path, catalogues).skipped
    assert skipped.reason == (
        "its columns fit End-of-programme review (mentees) and End-of-programme review "
        "(mentors) equally well; add a 'Role' column or give --role (1 row)"
    )
    assert read(path, catalogues, role="mentor").responses[0].form.id == "end-mentor"
    path = write_csv(tmp_path / "roles.csv", [[*head, "Role"], ["t", "Sales", "3", "yes", "Mentee"],
                                             ["t", "Sales", "4", "no", "mentors"]])  # fmt: skip
    assert [r.form.id for r in read(path, catalogues).responses] == ["end-mentee", "end-mentor"]


def test_a_qualtrics_export_with_three_header_rows(catalogues: Catalogues, tmp_path: Path) -> None:
    ids = ["StartDate", "EndDate", "IPAddress", "ResponseId", "Q1", "Q2", "Q3", "Q4"]
    texts = ["Start Date", "End Date", "IP Address", "Response ID", "Department",
             "How useful was this session?", "Which session are you rating?",
             "How comfortable were you giving your honest view?"]  # fmt: skip
    imports = [f'{{"ImportId":"{i}"}}' for i in ids]
    row = ["2027-03-02", "2027-03-02", "10.0.0.1", "R_1", "Sales", "Very useful", "Session 2", "4"]
    path = write_csv(tmp_path / "qualtrics.csv", [ids, texts, imports, row])
    (found,) = read(path, catalogues).responses
    assert (found.form.id, found.session, found.source) == ("pulse-mentor", "2", f"{path}:4")
    assert found.answers["pulse-mentor-useful"] == "5"


def test_a_surveymonkey_export_with_two_header_rows(catalogues: Catalogues, tmp_path: Path) -> None:
    first = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
             "Email Address", "First Name", "Last Name", "Custom Data 1", "Department",
             PACE, "How is the pairing working?", ""]  # fmt: skip
    second = ["", "", "", "", "", "", "", "", "", "Response", "Response", "Response", "Other"]
    row = ["11", "22", "x", "y", "1.2.3.4", "a@b.c", "Ann", "Lee", "", "Sales", "2", "good fit",
           "we meet rarely"]  # fmt: skip
    path = write_csv(tmp_path / "monkey.csv", [first, second, row])
    collected = read(path, catalogues)
    (found,) = collected.responses
    assert (found.form.id, found.source) == ("mid-mentee", f"{path}:3")
    assert found.answers == {"mid-mentee-pace": "2", "mid-mentee-fit": "good fit"}
    assert collected.unmatched[0].columns == ("How is the pairing working? - Other",)


def test_an_answer_that_is_not_on_the_scale_skips_its_row(
    catalogues: Catalogues, tmp_path: Path
) -> None:
    head = ["Department", "Role", VALUE, AGAIN]
    path = write_csv(tmp_path / "bad.csv", [head, ["Sales", "mentee", "7", "yes"],
                                            ["Legal", "mentee", "3", "yes"],
                                            ["Sales", "mentee", "3", "often"]])  # fmt: skip
    collected = read(path, catalogues)
    assert len(collected.responses) == 0
    assert [(s.source.rsplit(":", 1)[1], s.reason) for s in collected.skipped] == [
        ("2", f"column '{VALUE}': '7' is not a number from 1 to 5 (or 'Not at all' / 'Extremely')"),
        ("3", "department 'Legal' is not in the config (one of: finance, sales)"),
        ("4", "column 'Would you take part again?': 'often' is not one of: yes, maybe, no"),
    ]


def test_a_file_that_is_no_survey_of_ours_says_so(catalogues: Catalogues, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "other.csv", [["Timestamp", "Lunch?"], ["t", "pizza"]])
    assert [s.reason for s in read(path, catalogues).skipped] == [
        "no column is a question of a feedback form (word the survey's questions as "
        "`playbook forms export` does)"
    ]
