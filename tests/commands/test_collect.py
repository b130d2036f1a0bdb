"""playbook collect: filled PDFs and a CSV export in, every reported figure checked by hand."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfWriter

from generator.cli import main
from generator.commands.build import build, render_tree
from generator.commands.collect import collect_program
from generator.commands.pair import pair_program
from generator.config.load import load
from generator.errors import BuildError
from generator.evaluation.collect import pdf_fields
from tests.conftest import SMALL

SECRET = "SECRET-ANSWER"
# Sales, end-mentee: q01 ratings and 0-10 recommend scores, one form each.
END_Q01, END_NPS = [5, 4, 4, 3, 2], [10, 9, 8, 6, 3]
MID_Q01 = [2, 2, 3, 3, 1]  # Sales, mid-mentee: mean 2.2, below the 3.0 threshold
FIN_END_Q01 = [4, 5]  # Finance, end-mentee: two forms, a group too small to publish


def fill(site: Path, department: str, form: str, values: dict[str, str], target: Path) -> None:
    """A copy of a built form with answers; a scale value v is button index v-1 (0-10: v)."""
    writer = PdfWriter(clone_from=site / "printables" / department / f"{form}.pdf")
    named = {f"{form}-{key}": value for key, value in values.items()}
    for page in writer.pages:
        writer.update_page_form_field_values(page, named, auto_regenerate=False)
    target.parent.mkdir(parents=True, exist_ok=True)
    writer.write(target)


@pytest.fixture
def program(tmp_path: Path, built_site: Path) -> tuple[Path, Path]:
    """A config of its own (private output in tmp_path) and a folder of returned forms."""
    config = tmp_path / "organisation.yaml"
    config.write_text(SMALL, encoding="utf-8")
    forms = tmp_path / "returned"
    for i, (rating, nps) in enumerate(zip(END_Q01, END_NPS, strict=True)):
        values = {"value": f"/{rating - 1}", "recommend": f"/{nps}", "example": f"{SECRET}{i}"}
        fill(built_site, "sales", "end-mentee", values, forms / "sales" / "deep" / f"e{i}.pdf")
    for i, rating in enumerate(MID_Q01):
        values = {"progress": f"/{rating - 1}", "fit": "/0"}
        fill(built_site, "sales", "mid-mentee", values, forms / "sales" / f"m{i}.pdf")
    for i, rating in enumerate(FIN_END_Q01):
        fill(built_site, "finance", "end-mentee", {"value": f"/{rating - 1}"},
             forms / f"finance-{i}.pdf")  # fmt: skip
    fill(built_site, "sales", "pulse-mentor", {"session": "/1", "useful": "/4"},
         forms / "pulse.pdf")  # fmt: skip
    with (forms / "survey.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Timestamp", "end-mentor-form", "end-mentor-value",
                         "end-mentor-recommend", "end-mentor-example"])  # fmt: skip
        identity = "form=end-mentor;department=sales;program=mentor-up"
        writer.writerow(["2027-05-01", identity, "2", "10", "From the survey"])
        writer.writerow(["2027-05-02", identity, "7", "10", "rating out of range"])
    shutil.copy(built_site / "printables" / "sales" / "end-mentor.pdf", forms / "unfilled.pdf")
    foreign = PdfWriter()
    foreign.add_blank_page(200, 200)
    foreign.write(forms / "foreign.pdf")
    whole = (built_site / "printables" / "sales" / "mid-mentor.pdf").read_bytes()
    (forms / "damaged.pdf").write_bytes(whole[: len(whole) // 2])
    return config, forms


def test_reads_radio_text_and_checkbox_fields(built_site: Path, tmp_path: Path) -> None:
    target = tmp_path / "goals.pdf"
    fill(built_site, "sales", "goals-mentee", {"skill_technology": "/on", "name": "Ann"}, target)
    fields = pdf_fields(target)
    assert fields["goals-mentee-skill_technology"] == "/on"
    assert fields["goals-mentee-skill_social_media"] == "/Off"
    assert fields["goals-mentee-name"] == "Ann"
    fill(built_site, "sales", "end-mentee", {"recommend": "/9", "value": "/3"}, target)
    fields = pdf_fields(target)
    assert fields["end-mentee-recommend"] == "9"
    assert fields["end-mentee-value"] == "4"
    assert fields["end-mentee-learning"] == ""


def test_reads_every_form_and_names_every_skipped_file(program: tuple[Path, Path]) -> None:
    outcome = collect_program(*program[:1], [program[1]])
    collected = outcome.collected
    assert len(collected.responses) == 5 + 5 + 2 + 1 + 1
    reasons = {Path(s.source.split(":")[0]).name: s.reason for s in collected.skipped}
    assert reasons == {
        "unfilled.pdf": "unfilled (no answers)",
        "foreign.pdf": "not a playbook feedback form (no form fields)",
        "damaged.pdf": "not a complete PDF (the file may be cut short or still downloading)",
        "survey.csv": "end-mentor-value: '7' is not one of 1, 2, 3, 4, 5",
    }
    assert next(s.source for s in collected.skipped if "survey" in s.source).endswith(":3")


def test_figures_match_a_hand_computation(program: tuple[Path, Path]) -> None:
    groups = {g.slug: g for g in collect_program(program[0], [program[1]]).groups}
    sales_end = next(f for f in groups["sales"].forms if f.form == "end-mentee")
    assert sales_end.responses == 5
    assert sales_end.expected is None  # no pairing made: rate unknown
    q01, nps = sales_end.questions[0], sales_end.questions[4]
    assert q01.counts == (0, 1, 1, 2, 1)
    assert q01.mean == pytest.approx(18 / 5)
    assert nps.counts == (0, 0, 0, 1, 0, 0, 1, 0, 1, 1, 1)
    assert nps.mean == pytest.approx(36 / 5)
    assert nps.nps == pytest.approx(100 * (2 - 2) / 5)
    assert sales_end.texts == (
        (
            "Something you can do now that you could not do before",
            tuple(f"{SECRET}{i}" for i in range(5)),
        ),
    )
    overall_end = next(f for f in groups["overall"].forms if f.form == "end-mentee")
    assert overall_end.questions[0].mean == pytest.approx(27 / 7)
    assert overall_end.questions[0].counts == (0, 1, 1, 3, 2)
    trend = groups["sales"].trends[0]
    assert (trend.role, trend.mid, trend.end) == ("mentee", pytest.approx(2.2), 3.6)
    assert trend.change == pytest.approx(1.4)
    flagged = [(f.form, f.question, f.mean) for f in groups["sales"].adjust]
    assert flagged == [
        (
            "End-of-programme review (mentors)",
            "Overall, how valuable was the programme for you?",
            2.0,
        ),
        (
            "Mid-programme review (mentees)",
            "Progress towards your goals so far",
            pytest.approx(2.2),
        ),
    ]
    csv_end = next(f for f in groups["sales"].forms if f.form == "end-mentor")
    assert csv_end.responses == 1
    assert csv_end.questions[4].nps == 100.0
    assert groups["sales"].pulse == (("2", 1, 5.0),)


HEAD = "mentor,mentor_email,mentee,mentee_email,mentor_department,mentee_department,score,"
HEAD += "shared_skills,rank"


def write_pairs(config: Path, rows: list[str]) -> Path:
    pairs = config.parent / "private" / "pairing" / "pairs.csv"
    pairs.parent.mkdir(parents=True)
    pairs.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return pairs


def assert_rates_of_four_sales_pairs_and_one_finance_pair(groups: dict) -> None:
    forms = {f.form: f for f in groups["sales"].forms}
    assert forms["end-mentee"].expected == 4
    assert forms["end-mentee"].rate == pytest.approx(5 / 4)
    assert forms["pulse-mentor"].expected == 4 * 3  # a pulse after each session but the last of 4
    overall = {f.form: f for f in groups["overall"].forms}
    assert overall["end-mentee"].rate == pytest.approx(7 / 5)
    assert overall["pulse-mentee"].expected == 4 * 3 + 1 * 1  # Finance: 2 sessions, 1 pulse


def test_rates_come_from_the_pairs(program: tuple[Path, Path]) -> None:
    rows = [HEAD, *(f"a,a@x.org,b,b@x.org,Finance,Sales,0.5,,{i}" for i in range(4))]
    rows += ["a,a@x.org,b,b@x.org,Sales,finance,0.5,,5"]  # a department by slug works too
    write_pairs(program[0], rows)
    groups = {g.slug: g for g in collect_program(program[0], [program[1]]).groups}
    assert_rates_of_four_sales_pairs_and_one_finance_pair(groups)


def test_rates_come_from_the_pairs_playbook_pair_wrote(program: tuple[Path, Path]) -> None:
    config = program[0]
    roster = ["name,email,role,department,skills"]
    roster += [f"Senior {i},s{i}@x.org,mentee,Sales,Python" for i in range(4)]
    roster += ["Finn Senior,f@x.org,mentee,Finance,Python"]
    # The mentors' department is not the group: the mentee's is (every department in the config).
    roster += [f"Junior {i},j{i}@x.org,mentor,Finance,Python" for i in range(5)]
    (config.parent / "roster.csv").write_text("\n".join(roster) + "\n", encoding="utf-8")
    outcome = pair_program(config, config.parent / "roster.csv", None)
    assert len(outcome.result.pairs) == 5
    with (outcome.folder / "pairs.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert "departments" not in rows[0]
    assert {(r["mentor_department"], r["mentee_department"]) for r in rows} == {
        ("Finance", "Sales"),
        ("Finance", "Finance"),
    }
    groups = {g.slug: g for g in collect_program(config, [program[1]]).groups}
    assert_rates_of_four_sales_pairs_and_one_finance_pair(groups)


def test_pairs_csv_without_the_department_column_is_an_error(program: tuple[Path, Path]) -> None:
    pairs = write_pairs(program[0], ["mentor,mentee,departments", "a,b,Finance -> Sales"])
    with pytest.raises(BuildError, match=f"{pairs}: no mentee_department column"):
        collect_program(program[0], [program[1]])


def test_outputs_and_small_group_suppression(program: tuple[Path, Path]) -> None:
    outcome = collect_program(program[0], [program[1]])
    folder = outcome.folder
    assert sorted(p.name for p in folder.iterdir() if p.is_file()) == [
        "aggregates.json", "answers.csv", "report.html", "report.md",
        "sponsor-summary.html", "sponsor-summary.pdf",
    ]  # fmt: skip
    html = (folder / "report.html").read_text(encoding="utf-8")
    assert "<svg" in html
    assert f"{SECRET}0" in html
    assert "#8b1f4f" in html
    rows = list(csv.DictReader(io.StringIO((folder / "answers.csv").read_text(encoding="utf-8"))))
    assert len(rows) == 14
    assert sum(r["end-mentee-recommend"] == "10" for r in rows) == 1
    text = (folder / "aggregates.json").read_text(encoding="utf-8")
    assert SECRET not in text
    assert "From the survey" not in text
    data = json.loads(text)
    groups = {g["slug"]: {f["form"]: f for f in g["forms"]} for g in data["groups"]}
    assert groups["finance"]["end-mentee"]["suppressed"]  # 2 < 5
    # Overall (7) is shown, so Sales (5) is hidden too: 7 - 5 would reveal Finance.
    assert groups["sales"]["end-mentee"]["suppressed"]
    assert not groups["overall"]["end-mentee"]["suppressed"]
    assert groups["overall"]["end-mentee"]["questions"][0]["counts"] == [0, 1, 1, 3, 2]
    assert not groups["sales"]["mid-mentee"]["suppressed"]  # 5 respondents, none elsewhere
    assert groups["sales"]["end-mentor"]["suppressed"]  # 1 respondent


def test_site_page_shows_aggregates_only(program: tuple[Path, Path]) -> None:
    config = program[0]
    collect_program(config, [program[1]])
    assert "docs/evaluation-results.md" not in render_tree(load(config))  # opt-in
    config.write_text(SMALL + "evaluation:\n  publish_aggregates: true\n", encoding="utf-8")
    tree = render_tree(load(config))
    page = str(tree["docs/evaluation-results.md"])
    assert "Results: evaluation-results.md" in str(tree["mkdocs.yml"])
    assert SECRET not in page
    assert "From the survey" not in page
    assert "Not shown" not in page
    assert page.count("fewer than 5 respondents") == 1  # explained once, not per form
    text = page.replace("\\", "")  # as it reads, without the Markdown escapes
    assert "- Finance: End-of-programme review (mentees)\n" in text
    assert "No answers yet: Session pulse (mentees), Mid-programme review (mentors)." in text
    assert "pulse-mentee" not in page
    assert ": mentee" not in page
    assert "## Finance" not in page  # nothing of Finance's is shown
    assert "| Overall, how valuable was the programme for you? | 7 | 3.86 |" in page
    site = build(config, config.parent / "site-with-results")  # strict MkDocs build
    assert "3.86" in (site / "evaluation-results" / "index.html").read_text(encoding="utf-8")


def test_cli_summary_and_exit_codes(runner, program: tuple[Path, Path]) -> None:
    config, forms = program
    result = runner.invoke(main, ["collect", str(forms), "-c", str(config)])
    assert result.exit_code == 0, result.output
    assert "14 form(s) read, 4 skipped" in result.output
    assert "damaged.pdf: not a complete PDF" in result.output
    result = runner.invoke(main, ["collect", str(forms / "foreign.pdf"), "-c", str(config)])
    assert result.exit_code == 1
    assert "no feedback forms could be read" in result.output


def test_a_survey_export_adds_to_the_pdfs(runner, program: tuple[Path, Path]) -> None:
    """Five end forms of Sales came back as PDFs; three more answered a Microsoft Forms survey."""
    config, forms = program
    learned = "How much did you learn from your mentor?"
    example = "Something you can do now that you could not do before"
    value = "Overall, how valuable was the programme for you"
    head = ["ID", "Start time", "Completion time", "Email", "Name", "Department", value,
            learned, example, "Shoe size"]  # fmt: skip
    book = openpyxl.Workbook()
    book.active.append(head)
    for i, value in enumerate([5, 4, "Extremely"]):
        book.active.append([i, "t", "t", f"p{i}@acme.example", f"Person {i}", "Sales", value, 3,
                            f"{SECRET}-survey"])  # fmt: skip
    book.save(forms / "ms-forms.xlsx")
    result = runner.invoke(main, ["collect", str(forms), "-c", str(config)])
    assert result.exit_code == 0, result.output
    assert "17 form(s) read, 4 skipped" in result.output
    assert f'not a question, not read: {forms / "ms-forms.xlsx"}: "Shoe size"' in result.output
    outcome = collect_program(config, [forms])
    groups = {g.slug: {f.form: f for f in g.forms} for g in outcome.groups}
    end = groups["sales"]["end-mentee"]
    assert end.responses == 5 + 3
    assert end.questions[0].counts == (0, 1, 1, 3, 3)  # the PDFs' 2,3,4,4,5 and 5,4,5
    html = (outcome.folder / "report.html").read_text(encoding="utf-8")
    assert "Shoe size" in html
    assert "Survey columns not read" in html
    published = (outcome.folder / "aggregates.json").read_text(encoding="utf-8")
    assert "acme.example" not in published
    assert "Person 0" not in published
    assert "Person 0" not in (outcome.folder / "answers.csv").read_text(encoding="utf-8")


def test_the_department_of_a_survey_without_the_column(runner, program: tuple[Path, Path]) -> None:
    config, forms = program
    survey = config.parent / "finance-end.csv"
    survey.write_text(
        "Timestamp,How much did you learn from the mentor?,How well did the group work together?\n"
        "2027-05-01,4,5\n",
        encoding="utf-8",
    )
    outcome = collect_program(config, [survey], department="Finance")
    (found,) = outcome.collected.responses
    assert (found.department, found.form.id) == ("finance", "end-mentee")
    result = runner.invoke(main, ["collect", str(survey), "-c", str(config), "--department", "HR"])
    assert result.exit_code == 1
    assert (
        "--department HR: not a department of the config (one of: Sales, Finance)" in result.output
    )
