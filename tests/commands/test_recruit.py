"""From a call for participants to a roster: filled sign-up PDFs and a survey export of the
same form become ``<private>/recruitment/roster.csv``, which `playbook pair` reads unedited."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader, PdfWriter

from generator.cli import main
from generator.commands.collect import collect_program
from generator.config.load import load
from generator.evaluation.recruitment import COLUMNS
from generator.pairing.packets import quiet_pypdf
from generator.program.signup import SIGNUP_DIR, signup_catalogue
from tests.conftest import SMALL

SALES, FINANCE = "/0", "/1"  # the department radio's options, in config order
#: (name, role, department, ticked skills, own words, availability, consent)
PEOPLE = [
    ("Ada Mensah", "mentor", SALES, ["technology"], "TikTok ads", "Mon am; Tue pm", True),
    ("Ben Ito", "mentor", SALES, ["social_media"], "", "Tue pm", True),
    ("Cleo Park", "mentor", FINANCE, ["work_life"], "", "Wed", True),
    ("Dev Rao", "mentor", FINANCE, ["technology", "work_life"], "", "Thu am", True),
    ("Eve Stone", "mentor", SALES, ["social_media"], "", "Fri", True),
    ("Finn Lowe", "mentor", SALES, ["technology"], "", "Mon", False),  # no consent
    ("Gail Moss", "mentee", SALES, ["technology"], "", "Mon am", True),
    ("Hugo Vance", "mentee", SALES, ["social_media"], "", "Tue afternoons", True),
    ("Iris Holt", "mentee", FINANCE, ["work_life"], "", "Wed", True),
    ("Jon Kerr", "mentee", FINANCE, ["technology"], "", "Thu", True),
    ("Kim Ode", "mentee", SALES, [], "Podcasting", "Fri", True),
    ("Kim Ode", "mentee", SALES, ["social_media"], "", "Fri am", True),  # later: replaces
]


def email(name: str) -> str:
    return name.lower().replace(" ", ".") + "@acme.example"


def fill(source: Path, target: Path, values: dict[str, str]) -> Path:
    """Filled and saved anew, as a viewer's 'Save as' does."""
    with quiet_pypdf():
        writer = PdfWriter(clone_from=PdfReader(source))
        for page in writer.pages:
            writer.update_page_form_field_values(page, values, auto_regenerate=False)
        writer.write(target)
    return target


def filled(site: Path, folder: Path, number: int, person: tuple) -> Path:
    name, role, department, skills, own, availability, consent = person
    form = f"signup-{role}"
    values = {
        f"{form}-name": name,
        f"{form}-email": email(name),
        f"{form}-department": department,
        f"{form}-manager": "Pat Boss",
        f"{form}-skills_other": own,
        f"{form}-languages": "English, French",
        f"{form}-location": "London",
        f"{form}-timezone": "Europe/London",
        f"{form}-availability": availability,
        f"{form}-why": "To learn =1+1 things",
        **{f"{form}-skill_{skill}": "/on" for skill in skills},
    }
    if consent:
        values[f"{form}-consent"] = "/on"
    source = site / "printables" / SIGNUP_DIR / f"{form}.pdf"
    return fill(source, folder / f"{number:02d}-{role}.pdf", values)


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "organisation.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


@pytest.fixture
def returned(built_site: Path, tmp_path: Path, config: Path) -> Path:
    """A dozen filled sign-up PDFs and a survey export of the mentee form, in one folder."""
    folder = tmp_path / "returned"
    folder.mkdir()
    for number, person in enumerate(PEOPLE):
        filled(built_site, folder, number, person)
    form = signup_catalogue(load(config))["signup-mentee"]
    header = ["Timestamp", *(q.text for q in form.questions)]
    answers = {"name": "Lena Fox", "email": email("Lena Fox"), "department": "Sales",
               "languages": "English", "availability": "Mon pm", "consent": "Yes",
               "skill_technology": "Yes"}  # fmt: skip
    row = ["2027-01-10 10:00", *(answers.get(q.key, "") for q in form.questions)]
    with (folder / "survey.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([header, row])
    return folder


def roster_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_sign_ups_become_a_roster_that_pair_accepts(returned: Path, config: Path) -> None:
    outcome = collect_program(config, [returned])
    recruited = outcome.recruitment
    assert recruited is not None
    assert outcome.collected.skipped == []  # sign-ups are not skipped feedback forms
    rows = roster_rows(recruited.roster)
    assert tuple(rows[0]) == COLUMNS
    names = [row["name"] for row in rows]
    assert "Finn Lowe" not in names  # no consent
    assert names.count("Kim Ode") == 1
    assert "Lena Fox" in names  # from the survey export
    assert len(rows) == 11
    kim = next(row for row in rows if row["name"] == "Kim Ode")
    assert kim["availability"] == "Fri am"  # the later sign-up
    ada = next(row for row in rows if row["name"] == "Ada Mensah")
    assert ada["skills"] == "Everyday technology and digital tools;TikTok ads"
    assert ada["languages"] == "English;French"
    assert ada["department"] == "Sales"
    assert ada["role"] == "mentor"
    assert [n.name for n in recruited.result.left_out] == ["Finn Lowe"]
    assert [n.email for n in recruited.result.replaced] == [email("Kim Ode")]
    report = (recruited.folder / "recruitment-report.html").read_text(encoding="utf-8")
    assert "Finn Lowe" in report
    assert "no consent" in report
    result = CliRunner().invoke(main, ["pair", str(recruited.roster), "-c", str(config)])
    assert result.exit_code == 0, result.output
    assert (config.parent / "private" / "pairing" / "pairs.csv").is_file()


def test_the_hr_export_wins_on_department_and_manager(returned: Path, config: Path) -> None:
    hr = config.parent / "hr.csv"
    hr.write_text(
        "name,email,role,department,skills,manager\n"
        f"Ada Mensah,{email('Ada Mensah')},mentor,Finance,Excel,{email('Gail Moss')}\n"
        f"Gail Moss,{email('Gail Moss')},mentee,Sales,Excel,\n",
        encoding="utf-8",
    )
    recruited = collect_program(config, [returned], roster=hr).recruitment
    assert recruited is not None
    ada = next(row for row in roster_rows(recruited.roster) if row["name"] == "Ada Mensah")
    assert ada["department"] == "Finance"
    assert ada["manager"] == email("Gail Moss")
    texts = [note.text for note in recruited.result.conflicts]
    assert "department: the sign-up says 'Sales', the HR export 'Finance' (HR kept)" in texts
    markdown = (recruited.folder / "recruitment-report.md").read_text(encoding="utf-8")
    assert "Conflicts with the HR export (2)" in markdown


def test_cells_pass_the_formula_guard(returned: Path, config: Path) -> None:
    folder = returned
    filled_path = next(folder.glob("00-*.pdf"))
    with quiet_pypdf():
        writer = PdfWriter(clone_from=PdfReader(filled_path))
        for page in writer.pages:
            writer.update_page_form_field_values(
                page, {"signup-mentor-location": "=HYPERLINK(1)"}, auto_regenerate=False
            )
        writer.write(filled_path)
    recruited = collect_program(config, [folder]).recruitment
    assert recruited is not None
    text = recruited.roster.read_text(encoding="utf-8")
    assert "'=HYPERLINK(1)" in text


def test_collect_of_sign_ups_alone_succeeds_and_says_what_it_wrote(
    returned: Path, config: Path
) -> None:
    result = CliRunner().invoke(main, ["collect", str(returned), "-c", str(config)])
    assert result.exit_code == 0, result.output
    assert "13 sign-up(s) read: 5 mentor(s) and 6 mentee(s)" in result.output
    assert "1 left out, 1 replaced, 0 conflict(s)" in result.output
