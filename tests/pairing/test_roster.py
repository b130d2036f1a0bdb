"""Roster reading: the three formats, and one exact located message per kind of bad input."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.config.load import load
from generator.config.resolved import DepartmentNames
from generator.errors import RosterError
from generator.pairing.roster import Participant, read_roster
from tests.conftest import MINIMAL

EXAMPLE = Path(__file__).resolve().parents[2] / "playbook" / "roster.example.csv"
HEADER = "name,email,role,department,skills,manager,capacity"


def write(tmp_path: Path, text: str, name: str = "roster.csv") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(RosterError) as info:
        read_roster(path)
    return [line[4:] for line in info.value.message.splitlines()[1:]]


def test_example_roster_reads() -> None:
    people = read_roster(EXAMPLE)
    assert len(people) == 24
    assert {p.department for p in people} == {"Sales", "Engineering", "Finance", "Customer Care"}
    assert sum(p.role == "mentor" for p in people) == 14
    aisha = next(p for p in people if p.name == "Aisha Rahman")
    assert aisha.capacity == 2
    assert aisha.skills == ("Social media marketing", "TikTok", "CRM automation")
    assert aisha.extra == {"title": "Sales Associate"}
    assert aisha.row == 12


def test_csv_fields_and_defaults(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        Name,Email,Role,Department,Skills,Languages,Badge
        Ann,ANN@X.example,Mentor,Sales, Python ; SQL ;,en;fr,7
        Bob,bob@x.example,MENTEE,Finance,Python,,
        """,
    )
    ann, bob = read_roster(path)
    assert ann == Participant(
        "Ann", "ann@x.example", "mentor", "Sales", ("Python", "SQL"), languages=("en", "fr"), row=2
    )
    assert ann.extra == {"badge": "7"}
    assert (bob.role, bob.capacity, bob.manager, bob.row) == ("mentee", 1, None, 3)


def test_utf8_bom_and_blank_rows(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    text = (
        f"{HEADER}\nZoë,z@x.example,mentor,Sales,TikTok,,\n,,,,,,\n"
        "Al,a@x.example,mentee,HR,TikTok,,\n"
    )
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    zoe, al = read_roster(path)
    assert zoe.name == "Zoë"
    assert al.row == 4  # the blank spreadsheet row still counts


def test_yaml_roster(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        - {name: Ann, email: ann@x.example, role: mentor, department: Sales,
           skills: [Python, SQL], capacity: 2}
        - {name: Bob, email: bob@x.example, role: mentee, department: HR, skills: SQL,
           manager: ann@x.example}
        """,
        "roster.yaml",
    )
    ann, bob = read_roster(path)
    assert (ann.skills, ann.capacity, bob.manager) == (("Python", "SQL"), 2, "ann@x.example")


def test_yaml_roster_reads_yaml_1_2_like_the_config(tmp_path: Path) -> None:
    # YAML 1.1 (PyYAML's default) would make No/on/off booleans and 10:30 the number 630.
    path = write(
        tmp_path,
        """
        - name: Norway Team Lead
          email: n@x.example
          role: mentee
          department: No
          skills: [Yes, off]
          languages: on
          availability: 10:30
          location: 2027-01-11
        """,
        "roster.yaml",
    )
    (person,) = read_roster(path)
    assert (person.department, person.languages, person.skills) == ("No", ("on",), ("Yes", "off"))
    assert (person.availability, person.location) == ("10:30", "2027-01-11")


def test_yaml_roster_syntax_errors_and_tags_are_located(tmp_path: Path) -> None:
    path = write(tmp_path, "- {name: Ann, email: [a@x.example\n", "roster.yaml")
    with pytest.raises(RosterError, match=r"^roster\.yaml:2:1: YAML syntax error"):
        read_roster(path)
    path = write(tmp_path, "- name: !!python/object:os.system Ann\n", "roster.yaml")
    with pytest.raises(RosterError, match=r"^roster\.yaml:1:9: \[0\]\.name: the YAML tag"):
        read_roster(path)
    path = write(tmp_path, "- name: Ann\n  name: Bob\n", "roster.yaml")
    with pytest.raises(RosterError, match=r"^roster\.yaml:2:3: \[0\]\.name: duplicate key"):
        read_roster(path)


def test_yaml_cell_that_is_not_text_is_named(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        - {name: Ann, email: a@x.example, role: mentor, department: {name: Sales}, skills: [P]}
        - {name: Bob, email: b@x.example, role: mentee, department: Sales, skills: [[P, Q]]}
        """,
        "roster.yaml",
    )
    assert problems(path) == [
        'roster.yaml, entry 1, column "department": expected text or a list of text, got a mapping',
        'roster.yaml, entry 2, column "skills": expected text or a list of text, '
        "got a list inside a list",
    ]


def test_xlsx_roster(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["name", "email", "role", "department", "skills", "capacity"])
    sheet.append(["Ann", "ann@x.example", "mentor", "Sales", "Python;SQL", 3])
    sheet.append(["Bob", "bob@x.example", "mentee", "HR", "SQL", None])
    book.save(tmp_path / "roster.xlsx")
    ann, bob = read_roster(tmp_path / "roster.xlsx")
    assert (ann.capacity, ann.skills, bob.capacity) == (3, ("Python", "SQL"), 1)


def test_missing_column_suggests_near_name(tmp_path: Path) -> None:
    path = write(tmp_path, "name,emial,role,department,skils\nAnn,a@x.example,mentor,S,P\n")
    assert problems(path) == [
        'roster.csv, row 1: missing required column "email" (did you mean "emial"?); '
        "found columns: name, emial, role, department, skils",
        'roster.csv, row 1: missing required column "skills" (did you mean "skils"?); '
        "found columns: name, emial, role, department, skils",
    ]


def test_all_row_problems_are_collected(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        f"""
        {HEADER}
        Ann,ann@x.example,mentr,Sales,Python,,
        Bob,bob@x.example,mentor,Sales,Python,,0
        Cy,cy@x.example,mentor,Sales,Python,,two
        Di,di@x.example,mentee,Sales,,,2
        Ed,ANN@x.example,mentee,Sales,Python,,
        """,
    )
    assert problems(path) == [
        'roster.csv, row 2, column "role": must be mentee or mentor, got "mentr"',
        'roster.csv, row 3, column "capacity": must be 1 or more, got 0',
        'roster.csv, row 4, column "capacity": must be a whole number of mentees (1 or more), '
        'got "two"',
        'roster.csv, row 5, column "skills": is empty',
        'roster.csv, row 5, column "capacity": applies to mentors only; a mentee has one mentor '
        "(got 2)",
        'roster.csv, row 6, column "email": duplicate e-mail "ann@x.example", also on row 2 (Ann)',
    ]


def test_duplicate_email_names_both_rows(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        f"""
        {HEADER}
        Ann,ann@x.example,mentor,Sales,Python,,
        Bob,bob@x.example,mentee,Sales,Python,,
        Ann Two,Ann@X.example,mentee,Sales,Python,,
        """,
    )
    assert problems(path) == [
        'roster.csv, row 4, column "email": duplicate e-mail "ann@x.example", also on row 2 (Ann)'
    ]


def test_a_manager_outside_the_roster_is_kept_and_ends_the_chain(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        f"""
        {HEADER}
        Ann,ann@x.example,mentor,Sales,Python,Boss@x.example,
        """,
    )
    (ann,) = read_roster(path)
    assert ann.manager == "boss@x.example"


def test_management_cycle_names_the_chain(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        f"""
        {HEADER}
        Ann,a@x.example,mentor,Sales,Python,b@x.example,
        Bob,b@x.example,mentee,Sales,Python,c@x.example,
        Cy,c@x.example,mentee,Sales,Python,b@x.example,
        Self,s@x.example,mentee,Sales,Python,s@x.example,
        """,
    )
    assert problems(path) == [
        'roster.csv, row 3, column "manager": management cycle '
        "b@x.example -> c@x.example -> b@x.example",
        'roster.csv, row 5, column "manager": management cycle s@x.example -> s@x.example',
    ]


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(RosterError, match=r"^roster.csv: the roster is empty \(no header row"):
        read_roster(write(tmp_path, ""))


def test_header_only(tmp_path: Path) -> None:
    with pytest.raises(
        RosterError, match="^roster.csv: the roster has a header but no participants$"
    ):
        read_roster(write(tmp_path, f"{HEADER}\n"))


def test_wrong_encoding(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(f"{HEADER}\n".encode() + "Zoë,z@x.example,mentor,S,P,,\n".encode("cp1252"))
    with pytest.raises(RosterError) as info:
        read_roster(path)
    assert info.value.message == (
        "roster.csv, row 2: the file is not UTF-8 (byte 0xeb at offset 53); "
        "save it as 'CSV UTF-8' from your spreadsheet"
    )


def test_unsupported_extension(tmp_path: Path) -> None:
    with pytest.raises(RosterError, match=r"unsupported roster format '\.txt'"):
        read_roster(write(tmp_path, "x", "roster.txt"))


def test_yaml_must_be_a_list_of_mappings(tmp_path: Path) -> None:
    with pytest.raises(RosterError, match="must be a list of mappings"):
        read_roster(write(tmp_path, "name: Ann\n", "roster.yml"))


def test_yaml_problems_say_entry(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        - {name: Ann, email: ann@x.example, role: boss, department: Sales, skills: [Python]}
        """,
        "roster.yaml",
    )
    assert problems(path) == [
        'roster.yaml, entry 1, column "role": must be mentee or mentor, got "boss"'
    ]


def test_repeated_column(tmp_path: Path) -> None:
    path = write(tmp_path, "name,email,role,department,skills,Skills\nA,a@x.example,mentor,S,P,Q\n")
    assert problems(path) == ['roster.csv, row 1, column "skills": the column appears 2 times']


def test_problems_in_different_rows_are_all_reported(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        f"""
        {HEADER}
        Ann,ann@x.example,boss,Sales,Python,,
        Bob,bob@x.example,mentee,Sales,Python,ann@x.example,
        Cy,cy@x.example,mentee,Sales,Python,nobody@x.example,
        Ann2,ann@x.example,mentee,Sales,Python,,
        """,
    )
    assert problems(path) == [
        'roster.csv, row 2, column "role": must be mentee or mentor, got "boss"',
        'roster.csv, row 5, column "email": duplicate e-mail "ann@x.example", also on row 2 (Ann)',
    ]


def test_xlsx_without_openpyxl(tmp_path: Path, monkeypatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_openpyxl(name, *args, **kwargs):
        if name == "openpyxl":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_openpyxl)
    (tmp_path / "roster.xlsx").write_bytes(b"PK")
    with pytest.raises(RosterError) as info:
        read_roster(tmp_path / "roster.xlsx")
    assert info.value.message == (
        "roster.xlsx: reading .xlsx rosters needs openpyxl; run: pip install openpyxl"
    )


def test_damaged_xlsx(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    (tmp_path / "roster.xlsx").write_bytes(b"not a zip file")
    with pytest.raises(RosterError, match=r"^roster.xlsx: not a readable Excel workbook"):
        read_roster(tmp_path / "roster.xlsx")


def test_semicolon_separated_csv_gets_a_hint(tmp_path: Path) -> None:
    path = write(tmp_path, "name;email;role;department;skills\nAnn;a@x.example;mentor;S;P\n")
    assert problems(path) == [
        "roster.csv, row 1: the columns are separated by ';' but a roster CSV uses ',' "
        "(';' separates skills inside a cell); save it as 'CSV UTF-8 (comma delimited)'"
    ]


def test_yaml_missing_key_and_encoding(tmp_path: Path) -> None:
    path = write(
        tmp_path, "- {name: Ann, email: a@x.example, role: mentor, department: S}\n", "r.yaml"
    )
    assert problems(path) == [
        'r.yaml: missing required column "skills"; found columns: name, email, role, department'
    ]
    path.write_bytes("- {name: Zoë}\n".encode("latin-1"))
    with pytest.raises(RosterError) as info:
        read_roster(path)
    assert info.value.message == (
        "r.yaml, line 1: the file is not UTF-8 (byte 0xeb at offset 11); "
        "save it with UTF-8 encoding"
    )


def test_an_address_without_a_proper_domain_is_refused_where_it_stands(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        f"""
        {HEADER}
        Ann,ann@x.example,mentor,Sales,Python,,
        Bob,bob@b,mentee,Sales,Python,,
        """,
    )
    assert problems(path) == [
        'roster.csv, row 3, column "email": expected an e-mail address like name@example.org, '
        'got "bob@b"'
    ]


def departments(write_config, *names: str) -> DepartmentNames:
    """The departments of a config listing ``names``, loaded as ``playbook pair`` loads them."""
    listed = "".join(f"  - name: {name}\n" for name in names)
    text = MINIMAL.split("departments:\n")[0] + "departments:\n" + listed
    return DepartmentNames(load(write_config(text)).departments)


def test_a_department_matches_by_name_in_any_case_or_by_page_name(write_config, tmp_path):
    path = write(
        tmp_path,
        """
        name,email,role,department,skills
        Ann,ann@x.example,mentor,CUSTOMER CARE,x
        Bob,bob@x.example,mentee,customer-care,x
        Cy,cy@x.example,mentee, Sales ,x
        """,
    )
    people = read_roster(path, departments(write_config, "Customer Care", "Sales"))
    # Read as the config names it, so scores, counts and pairs.csv see one department.
    assert [p.department for p in people] == ["Customer Care", "Customer Care", "Sales"]


def test_unknown_departments_are_named_once_each_with_their_rows(write_config, tmp_path):
    rows = "".join(f"P{i},p{i}@x.example,mentee,Marketting,x\n" for i in range(6))
    path = write(
        tmp_path,
        "name,email,role,department,skills\n"
        "Ann,ann@x.example,mentor,Customer Services,x\n" + rows + "Al,al@x.example,mentor,,x\n",
    )
    names = departments(write_config, "Marketing", "Market Research", "Customer Care", "Sales")
    with pytest.raises(RosterError) as info:
        read_roster(path, names)
    assert info.value.message.splitlines() == [
        "roster.csv: 3 problems in the roster:",
        '  - roster.csv, row 9, column "department": is empty',
        '  - roster.csv, row 2, column "department": unknown department "Customer Services"; '
        'did you mean "Customer Care"?',
        '  - roster.csv, row 3, column "department": unknown department "Marketting" (also on '
        'rows 4, 5, 6 and 2 more); did you mean "Marketing"?',
    ]


def test_a_department_is_checked_only_against_a_config(write_config, tmp_path):
    path = write(tmp_path, "name,email,role,department,skills\nAnn,a@x.example,mentor,Legal,x\n")
    assert read_roster(path)[0].department == "Legal"
    names = departments(write_config, *(f"D{i}" for i in range(12)))
    with pytest.raises(
        RosterError,
        match=r"expected one of the config's departments, by name "
        r"or page name: D0, D1, D2, D3, D4, D5, D6, D7, D8, D9 and 2 more$",
    ):
        read_roster(path, names)
