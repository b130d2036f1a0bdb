"""Rosters as HR systems export them: recognised and mapped headers, title rows, managers by
name or id, departments in other spellings, and messages fit for 10,000 rows."""

from __future__ import annotations

import csv
import textwrap
from pathlib import Path

import pytest

from generator.cli import main
from generator.config.load import load
from generator.errors import ConfigError, RosterError
from generator.pairing.hr_headers import HR_HEADERS
from generator.pairing.roster import read_config_roster, read_roster
from generator.pairing.roster_columns import FIELDS
from generator.spreadsheet import neutralise

CONFIG = """\
organisation:
  name: Acme Analytics
  program: Reverse Up
  sponsor: {name: Dana Whitfield, title: CEO}
  lead: {name: Lee Park, email: lead@acme.example}
program:
  start: 2027-03-01
  sessions: 4
  cadence: weekly
  focus_areas: [technology, social-media]
departments:
  - name: Sales
  - name: Customer Care
  - name: Research and Development
site:
  settings: no-such-settings.yml
"""

# A Workday-style export as it comes: a title row and a blank row above the header, the
# system's own headers, managers by name (Dana Whitfield, the CEO, is not in the program) and
# by employee id, departments in other casing and with "&" for "and", roles in any case.
HR_EXPORT = """\
Mentoring participants (exported 04/01/2027),,,,,,,,,
,,,,,,,,,
Employee ID,Worker,Email - Primary Work,Program Role,Cost Center,Manager,Skills,Location,Languages,Business Title
E1001,Margaret Okafor,margaret@acme.example,Mentee,sales,Dana Whitfield,TikTok;Data visualisation,London,English,VP Sales
E1002,Hiroshi Tanaka,hiroshi@acme.example,MENTEE,Research & Development,Margaret Okafor,Generative AI,Toronto,English,Director
E1003,Aisha Rahman,aisha@acme.example, mentor ,Customer care,Dana Whitfield,TikTok;Generative AI,Paris,English,Associate
E1004,Leo Park,leo@acme.example,Mentor,SALES,margaret okafor,Data visualisation;TikTok;Generative AI,Lisbon,English,Analyst
"""  # noqa: E501


def export(tmp_path: Path, text: str = HR_EXPORT, name: str = "hr-export.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def config(write_config, roster: str) -> Path:
    return write_config(CONFIG + roster)


def test_an_hr_export_validates_and_pairs_with_nothing_renamed(write_config, runner, tmp_path):
    export(tmp_path)
    path = config(write_config, "roster: hr-export.csv\n")
    checked = runner.invoke(main, ["validate", str(path)])
    assert checked.exit_code == 0, checked.output
    result = runner.invoke(main, ["pair", "-c", str(path)])
    assert result.exit_code == 0, result.output
    with (tmp_path / "private" / "pairing" / "pairs.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    pairs = {(row["mentor_email"], row["mentee_email"]) for row in rows}
    # Leo reports to Margaret (named in lower case), so never mentors her, although he
    # teaches everything she wants: he takes Hiroshi, and Aisha takes Margaret.
    assert pairs == {
        ("leo@acme.example", "hiroshi@acme.example"),
        ("aisha@acme.example", "margaret@acme.example"),
    }
    assert {row["mentee_department"] for row in rows} == {"Sales", "Research and Development"}
    assert {row["mentor_department"] for row in rows} == {"Sales", "Customer Care"}


def test_the_mapping_of_the_issue_reads_the_same_people(write_config, tmp_path):
    export(tmp_path)
    mapped = config(
        write_config,
        "roster:\n  file: hr-export.csv\n  columns: {name: Worker, email: Email - Primary Work, "
        "role: Program Role,\n    department: Cost Center, manager: Manager, skills: Skills, "
        "location: Location,\n    employee_id: Employee ID}\n",
    )
    people = read_config_roster(load(mapped))
    margaret, hiroshi, aisha, leo = people
    assert [p.row for p in people] == [4, 5, 6, 7]
    assert (margaret.name, margaret.employee_id, margaret.manager) == (
        "Margaret Okafor",
        "E1001",
        "dana whitfield",  # outside the roster: kept as written, the chain stops there
    )
    assert (hiroshi.manager, leo.manager) == ("margaret@acme.example", "margaret@acme.example")
    assert [p.role for p in people] == ["mentee", "mentee", "mentor", "mentor"]
    assert aisha.department == "Customer Care"
    assert hiroshi.department == "Research and Development"
    assert aisha.extra == {"business title": "Associate"}
    plain = read_config_roster(load(config(write_config, "roster: hr-export.csv\n")))
    assert plain == people


def test_a_mapped_column_wins_over_a_recognised_one(tmp_path):
    path = export(
        tmp_path,
        "name,email,role,Department,Cost Center,skills\n"
        "Ann,a@x.example,mentor,Engineering,Sales,x\n",
    )
    assert read_roster(path)[0].department == "Engineering"
    (ann,) = read_roster(path, columns={"department": "cost center"})
    assert ann.department == "Sales"


def test_a_mapped_column_the_file_lacks_is_a_located_config_error(write_config, tmp_path):
    export(tmp_path)
    path = config(
        write_config,
        "roster:\n  file: hr-export.csv\n  columns:\n    email: Email Primary\n"
        "    department: Cost Centre Name\n",
    )
    with pytest.raises(ConfigError) as info:
        read_config_roster(load(path))
    lines = info.value.message.splitlines()
    assert lines[0] == f"{path}: 2 problems found"
    listed = (
        '"Employee ID", "Worker", "Email - Primary Work", "Program Role", "Cost Center", '
        '"Manager", "Skills", "Location", "Languages", "Business Title"'
    )
    assert lines[1:] == [
        f'{path}:20:5: roster.columns.email: no column "Email Primary" in hr-export.csv, row 3 '
        f'(did you mean "Email - Primary Work"?); its columns: {listed}',
        f'{path}:21:5: roster.columns.department: no column "Cost Centre Name" in '
        f'hr-export.csv, row 3 (did you mean "Cost Center"?); its columns: {listed}',
    ]


def test_an_ambiguous_manager_name_names_both_rows(tmp_path):
    path = export(
        tmp_path,
        "Worker,Work Email,Role,Department,Reports To,Skills\n"
        "Alex Kim,alex.a@x.example,mentee,Sales,,x\n"
        "Sam Lee,sam@x.example,mentor,Sales,alex  kim,x\n"
        "Alex Kim,alex.b@x.example,mentee,Sales,,x\n",
    )
    with pytest.raises(RosterError) as info:
        read_roster(path)
    assert info.value.message.splitlines()[1:] == [
        '  - hr-export.csv, row 3, column "Reports To": "alex  kim" is the name on rows 2 and 4; '
        "give the manager's e-mail or employee id instead"
    ]


def test_a_header_below_title_rows_is_found_and_rows_keep_their_numbers(tmp_path):
    title = "Participants,,,,\n" * 5 + ",,,,\n"
    path = export(tmp_path, title + "name,email,role,department,skills\nAnn,a@x,mentr,S,x\n")
    with pytest.raises(RosterError) as info:
        read_roster(path)
    assert info.value.message.splitlines()[1:] == [
        '  - hr-export.csv, row 8, column "role": must be mentee or mentor, got "mentr"',
        '  - hr-export.csv, row 8, column "email": expected an e-mail address like '
        'name@example.org, got "a@x"',
    ]


def test_no_header_row_says_what_it_looked_for(tmp_path):
    path = export(tmp_path, "Report,,\nPerson,Mail,Kind\nAnn,a@x.example,mentor\n")
    with pytest.raises(RosterError) as info:
        read_roster(path)
    message = info.value.message
    assert "hr-export.csv: no header row found in the first 20 rows; the header row must name " in (
        message
    )
    assert '"email" or "Email - Primary Work" or "Primary Work Email" or "Work Email"' in message


# One export per HR system, with its delivered headers; the mentoring columns are the lead's.
SYSTEMS = {
    "workday": (
        "Worker,Employee ID,Email - Primary Work,Supervisory Organization,Manager,Location,"
        "Program Role,Skills\n"
        "Ann Boss,W1,ann@x.example,Sales,,London,mentee,x\n"
        "Bo Junior,W2,bo@x.example,Sales,Ann Boss,London,mentor,x\n"
    ),
    "successfactors": (
        "STATUS,USERID,USERNAME,FIRSTNAME,LASTNAME,EMAIL,MANAGER,DEPARTMENT,LOCATION,ROLE,SKILLS\n"
        "STATUS,USERID,Username,First Name,Last Name,Email,Manager,Department,Location,Role,"
        "Skills\n"
        "active,W1,aboss,Ann,Boss,ann@x.example,NO_MGR,Sales,London,mentee,x\n"
        "active,W2,bjunior,Bo,Junior,bo@x.example,W1,Sales,London,mentor,x\n"
    ),
    "bamboohr": (
        "Employee #,First Name,Last Name,Work Email,Department,Division,Location,Reporting to,"
        "Role,Skills\n"
        "W1,Ann,Boss,ann@x.example,Sales,EMEA,London,,mentee,x\n"
        "W2,Bo,Junior,bo@x.example,Sales,EMEA,London,Ann Boss,mentor,x\n"
    ),
    "hibob": (
        "Employee ID,Display name,Email,Department,Site,Reports to,Role,Skills\n"
        "W1,Ann Boss,ann@x.example,Sales,London,,mentee,x\n"
        "W2,Bo Junior,bo@x.example,Sales,London,Ann Boss,mentor,x\n"
    ),
    "personio": (
        "ID,First name,Last name,Email,Department,Office,Cost center,Supervisor,Role,Skills\n"
        "W1,Ann,Boss,ann@x.example,Sales,London,CC-1,,mentee,x\n"
        "W2,Bo,Junior,bo@x.example,Sales,London,CC-1,Ann Boss,mentor,x\n"
    ),
    "oracle": (
        "Person Number,Display Name,Work Email,Department Name,Location Name,Manager Name,Role,"
        "Skills\n"
        "W1,Ann Boss,ann@x.example,Sales,London,,mentee,x\n"
        "W2,Bo Junior,bo@x.example,Sales,London,Ann Boss,mentor,x\n"
    ),
}


@pytest.mark.parametrize("system", SYSTEMS)
def test_each_hr_systems_headers_are_recognised(system, tmp_path):
    ann, bo = read_roster(export(tmp_path, SYSTEMS[system]))
    assert (ann.name, ann.email, ann.department, ann.location) == (
        "Ann Boss",
        "ann@x.example",
        "Sales",
        "London",
    )
    assert (ann.employee_id, bo.employee_id) == ("W1", "W2")
    assert bo.manager == "ann@x.example"  # by name, or by id (SuccessFactors' USERID)
    assert ann.manager in (None, "no_mgr")


def test_every_field_the_config_may_map_is_one_the_reader_knows():
    assert set(HR_HEADERS) <= set(FIELDS)
    assert {"name", "email", "role", "department", "skills", "employee_id"} <= set(FIELDS)


def test_many_problems_of_one_kind_are_one_line_with_examples(write_config, tmp_path):
    typos = ["Slaes", "Sals", "Saless", "Reserch", "Resarch"]
    rows = [f"P{i},p{i}@x.example,mentee,{typos[i % 5]},x" for i in range(412)]
    rows += [f"Q{i},q{i}@x.example,mentor,Sales," for i in range(500)]
    path = export(tmp_path, "Worker,Email,Role,Cost Center,Skills\n" + "\n".join(rows) + "\n")
    with pytest.raises(RosterError) as info:
        read_config_roster(load(config(write_config, "")), path)
    lines = info.value.message.splitlines()
    assert lines == [
        "hr-export.csv: 505 problems in the roster:",
        '  - 500 rows leave column "Skills" empty, e.g.:',
        '      hr-export.csv, row 414, column "Skills": is empty',
        '      hr-export.csv, row 415, column "Skills": is empty',
        '      hr-export.csv, row 416, column "Skills": is empty',
        "  - 412 rows name a department the config does not have (5 different values), e.g.:",
        '      hr-export.csv, row 2, column "Cost Center": unknown department "Slaes" (also on '
        'rows 7, 12, 17 and 79 more); did you mean "Sales"?',
        '      hr-export.csv, row 3, column "Cost Center": unknown department "Sals" (also on '
        'rows 8, 13, 18 and 79 more); did you mean "Sales"?',
        '      hr-export.csv, row 4, column "Cost Center": unknown department "Saless" (also on '
        'rows 9, 14, 19 and 78 more); did you mean "Sales"?',
    ]


def test_validate_names_the_row_and_column_of_an_unknown_department(write_config, runner, tmp_path):
    export(tmp_path, HR_EXPORT.replace("Customer care", "Customer Service"))
    result = runner.invoke(main, ["validate", str(config(write_config, "roster: hr-export.csv\n"))])
    assert result.exit_code == 1
    assert (
        'hr-export.csv, row 6, column "Cost Center": unknown department "Customer Service"; '
        'did you mean "Customer Care"?'
    ) in result.output


def test_a_cell_quoted_against_formulas_reads_back_as_written_and_is_quoted_once_again(
    write_config, runner, tmp_path
):
    name = '=HYPERLINK("http://x","y")'
    text = textwrap.dedent(f"""\
        name,email,role,department,skills
        "{neutralise(name).replace('"', '""')}",a@x.example,mentor,Sales,x
        '-Bob,b@x.example,mentee,Sales,x
        """)
    export(tmp_path, text)
    ann, bob = read_roster(tmp_path / "hr-export.csv")
    assert (ann.name, bob.name) == (name, "-Bob")
    result = runner.invoke(
        main, ["pair", "-c", str(config(write_config, "roster: hr-export.csv\n"))]
    )
    assert result.exit_code == 0, result.output
    with (tmp_path / "private" / "pairing" / "pairs.csv").open(encoding="utf-8") as handle:
        (row,) = list(csv.DictReader(handle))
    assert (row["mentor"], row["mentee"]) == (neutralise(name), "'-Bob")
