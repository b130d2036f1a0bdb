"""Read a roster of mentors and mentees from CSV, Excel or YAML into ``Participant`` records.

The file may be an HR system's export as it comes: title rows above the header are passed over,
its own column headers are recognised or mapped in the config (``roster_columns``), roles match
in any case, managers are named by e-mail, employee id or unique full name (a manager outside
the roster is fine: the reporting chain stops there) and departments match the config's names
regardless of case, spacing and "&"/"and". Every problem in the file is collected first and
raised as one ``RosterError``, each line naming the file, the row as a spreadsheet shows it and
the column as the file heads it; many problems of one kind are summarised (``roster_problems``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from generator.config.fields import ROLES, check_email
from generator.config.load import report
from generator.config.resolved import DepartmentNames, Playbook, ResolvedDepartment, loose_key
from generator.config.yamlsource import SourceMap
from generator.errors import ConfigError
from generator.pairing.roster_columns import FIELDS, REQUIRED, near_header
from generator.pairing.roster_managers import cycle_problems, resolve_managers
from generator.pairing.roster_problems import Problem, raise_problems
from generator.pairing.roster_table import MAX_ROSTER_BYTES, Table, read_table, where

__all__ = ["MAX_ROSTER_BYTES", "Participant", "read_config_roster", "read_roster"]

FindDepartment = Callable[[str], ResolvedDepartment | None]
#: How many more rows with the same unknown department a message names before it counts them.
OTHER_ROWS_SHOWN = 3
#: How many of the config's departments a message lists when none is near the unknown one.
DEPARTMENTS_SHOWN = 10


@dataclass(frozen=True)
class Participant:
    """One person in the roster. Mentors teach their ``skills``; mentees want to learn theirs.

    ``manager`` is the manager's e-mail when the manager is in the roster (however the file
    named them), else what the file wrote, case-folded: a chain stops at a manager outside it.
    """

    name: str
    email: str
    role: str
    department: str
    skills: tuple[str, ...]
    manager: str | None = None
    location: str = ""
    languages: tuple[str, ...] = ()
    availability: str = ""
    capacity: int = 1
    row: int = 0
    extra: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)
    employee_id: str = ""


def read_config_roster(playbook: Playbook, path: Path | None = None) -> list[Participant]:
    """The config's roster (or the file at ``path``, read with the config's column mapping),
    every department checked against the config's."""
    source = playbook.config.roster
    if path is None:
        if source is None:
            msg = (
                f"{playbook.config_path}: no roster given; name one or set `roster:` in the config"
            )
            raise ConfigError(msg)
        path = playbook.resolve(source.file)
    columns = source.columns.given() if source else {}
    departments = DepartmentNames(playbook.departments)
    return read_roster(path, departments, columns, playbook.source)


def read_roster(
    path: Path,
    departments: DepartmentNames | None = None,
    columns: Mapping[str, str] | None = None,
    source: SourceMap | None = None,
) -> list[Participant]:
    """Read and validate a roster file (.csv, .xlsx or .yaml/.yml); raise RosterError if bad.

    ``columns`` maps roster fields to the file's own headers (the config's ``roster.columns``,
    whose positions ``source`` holds for messages). With ``departments`` (the config's), each
    participant's department must be one of them, and is read as its name in the config, so
    'sales' and 'Sales' are one department in the scores, the counts and pairs.csv. Without, a
    department is taken as written (a roster read with no config at hand).
    """
    table = read_table(Path(path), dict(columns or {}))
    if table.columns.missing:
        _raise_unmapped(table, source)
    problems = _header_problems(table)
    if problems:
        raise_problems(table.path, problems, table.row_word)
    records = [(number, _fields(table, cells)) for number, cells in table.rows]
    manager_problems = resolve_managers(table, records)
    # asked once per distinct value: 10,000 rows name a handful of departments
    find = functools.cache(departments.find) if departments is not None else None
    people, row_problems = _parse_rows(table, records, find)
    problems = row_problems + _duplicate_problems(table, records, "email", "e-mail")
    problems += _duplicate_problems(table, records, "employee_id", "employee id")
    problems += manager_problems + cycle_problems(table, people)
    if find is not None and departments is not None:
        problems += _department_problems(table, records, find, departments)
    if problems:
        raise_problems(table.path, problems, table.row_word)
    return people


# --- columns -------------------------------------------------------------------------------


def _raise_unmapped(table: Table, source: SourceMap | None) -> NoReturn:
    """A ``roster.columns`` entry names a column the file does not have: a config error."""
    header = where(table, table.header_row)
    listed = ", ".join(f'"{cell}"' for cell in table.header if cell)
    found = []
    for name, column in table.columns.missing.items():
        near = near_header(column, table.header)
        hint = f' (did you mean "{near}"?)' if near else ""
        found.append((name, f'no column "{column}" in {header}{hint}; its columns: {listed}'))
    if source is not None:
        raise ConfigError(report(source, [(("roster", "columns", n), text) for n, text in found]))
    raise_problems(table.path, [Problem(f"columns.{n}: {text}") for n, text in found])


def _header_problems(table: Table) -> list[Problem]:
    columns = table.columns
    keys = [loose_key(cell) for cell in table.header]
    place = where(table, table.header_row)
    problems = [
        Problem(
            f'{place}, column "{table.header[i]}": the column appears {keys.count(keys[i])} times'
        )
        for i in sorted(columns.used())
        if keys.count(keys[i]) > 1
    ]
    listed = ", ".join(table.header)
    for name in REQUIRED:
        if columns.has(name):
            continue
        near = near_header(name, [h for i, h in enumerate(table.header) if i not in columns.used()])
        hint = f' (did you mean "{near}"?)' if near else ""
        problems.append(
            Problem(f'{place}: missing required column "{name}"{hint}; found columns: {listed}')
        )
    return problems


def _fields(table: Table, cells: list[str]) -> dict[str, str]:
    """One row's cells by roster field, plus the other columns by their header, case-folded."""
    index = table.columns.index
    values = {name: cells[i] for name, i in index.items()}
    if "name" not in values and "first_name" in values:
        values["name"] = " ".join(filter(None, (values["first_name"], values.get("last_name"))))
    used = table.columns.used()
    extra = {
        header.casefold(): cells[i]
        for i, header in enumerate(table.header)
        if header and i not in used
    }
    return extra | values


# --- rows ------------------------------------------------------------------------------------


def _parse_rows(
    table: Table, records: list[tuple[int, dict[str, str]]], find: FindDepartment | None
) -> tuple[list[Participant], list[Problem]]:
    """The participants of the rows without problems, and the problems of the others.

    With ``find`` (the config's departments), a department is read as the config names it, so
    'sales' and 'Sales' are one department in the scores, the counts and pairs.csv.
    """
    people, problems = [], []
    for number, cells in records:
        if find is not None and (department := find(cells.get("department", ""))):
            cells["department"] = department.name
        person, row_problems = _parse_row(table, number, cells)
        problems += row_problems
        if person is not None:
            people.append(person)
    return people, problems


def _parse_row(
    table: Table, number: int, cells: dict[str, str]
) -> tuple[Participant | None, list[Problem]]:
    unreadable = {i for row, i in table.unreadable if row == number}
    problems = [
        Problem(
            f'{where(table, number)}, column "{table.header[i]}": expected text or a list of '
            f"text, got a {table.unreadable[number, i]}",
            "hold a cell that is not text",
        )
        for i in sorted(unreadable)
    ]
    problems += [
        Problem(
            f"{where(table, number, c)}: is empty", f'leave column "{table.columns.label(c)}" empty'
        )
        for c in REQUIRED
        if not cells.get(c, "") and table.columns.index.get(c) not in unreadable
    ]
    role = cells.get("role", "").casefold()
    role = role if role in ROLES else loose_key(role)
    if role and role not in ROLES:
        problems.append(
            Problem(
                f"{where(table, number, 'role')}: must be {' or '.join(ROLES)}, got "
                f'"{cells["role"]}"',
                f"have a role other than {' or '.join(ROLES)}",
            )
        )
    email = cells.get("email", "")
    if email:
        try:
            check_email(email)
        except ValueError as err:
            problems.append(
                Problem(
                    f'{where(table, number, "email")}: expected {err}, got "{email}"',
                    "have an e-mail address that is not one",
                )
            )
    capacity, cap_problem = _capacity(cells.get("capacity", ""), role)
    if cap_problem:
        problems.append(
            Problem(f"{where(table, number, 'capacity')}: {cap_problem}", "have a bad capacity")
        )
    if problems:
        return None, problems
    return _participant(number, cells, role, capacity), []


def _capacity(text: str, role: str) -> tuple[int, str]:
    if not text:
        return 1, ""
    try:
        value = int(text)
    except ValueError:
        return 1, f'must be a whole number of mentees (1 or more), got "{text}"'
    if value < 1:
        return 1, f"must be 1 or more, got {value}"
    if role == "mentee" and value != 1:
        return 1, f"applies to mentors only; a mentee has one mentor (got {value})"
    return value, ""


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(";") if part.strip())


def _participant(number: int, cells: dict[str, str], role: str, capacity: int) -> Participant:
    return Participant(
        name=cells["name"],
        email=cells["email"].casefold(),
        role=role,
        department=cells["department"],
        skills=_split(cells["skills"]),
        manager=cells.get("manager", "") or None,
        location=cells.get("location", ""),
        languages=_split(cells.get("languages", "")),
        availability=cells.get("availability", ""),
        capacity=capacity,
        row=number,
        extra={k: v for k, v in cells.items() if k and k not in FIELDS},
        employee_id=cells.get("employee_id", ""),
    )


def _duplicate_problems(
    table: Table, records: list[tuple[int, dict[str, str]]], name: str, what: str
) -> list[Problem]:
    first: dict[str, tuple[int, str]] = {}
    problems = []
    for number, cells in records:
        value = cells.get(name, "").casefold()
        if not value:
            continue
        row, person = first.setdefault(value, (number, cells.get("name", "")))
        if row != number:
            problems.append(
                Problem(
                    f'{where(table, number, name)}: duplicate {what} "{value}", '
                    f"also on {table.row_word} {row} ({person})",
                    f"repeat an {what} given on an earlier {table.row_word}",
                )
            )
    return problems


# --- departments -----------------------------------------------------------------------------


def _department_problems(
    table: Table,
    records: list[tuple[int, dict[str, str]]],
    find: FindDepartment,
    departments: DepartmentNames,
) -> list[Problem]:
    """Each department the config does not have, once, at the first row that names it."""
    unknown: dict[str, list[int]] = {}
    for number, cells in records:
        value = cells.get("department", "")
        if value and find(value) is None:
            unknown.setdefault(value, []).append(number)
    return [
        Problem(
            _unknown_department(table, value, rows, departments),
            "name a department the config does not have",
            len(rows),
        )
        for value, rows in unknown.items()
    ]


def _unknown_department(
    table: Table, value: str, rows: list[int], departments: DepartmentNames
) -> str:
    first, *others = rows
    also = ""
    if others:
        shown = ", ".join(str(row) for row in others[:OTHER_ROWS_SHOWN])
        more = len(others) - OTHER_ROWS_SHOWN
        word = table.row_word
        if others[1:]:
            word = "entries" if word == "entry" else f"{word}s"
        also = f" (also on {word} {shown}{f' and {more} more' if more > 0 else ''})"
    near = departments.near(value)
    if near:
        hint = "did you mean " + " or ".join(f'"{name}"' for name in near) + "?"
    else:
        names = [department.name for department in departments.departments]
        listed = ", ".join(names[:DEPARTMENTS_SHOWN])
        rest = len(names) - DEPARTMENTS_SHOWN
        hint = (
            f"expected one of the config's departments, by name or page name: {listed}"
            f"{f' and {rest} more' if rest > 0 else ''}"
        )
    place = where(table, first, "department")
    return f'{place}: unknown department "{value}"{also}; {hint}'
