"""Read a roster of mentors and mentees from CSV, Excel or YAML into ``Participant`` records.

Every problem in the file is collected first and raised as one ``RosterError``, each line naming
the file, the row as a spreadsheet shows it (the header is row 1) and the column.
"""

from __future__ import annotations

import csv
import difflib
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator.config.fields import ROLES, check_email
from generator.config.resolved import DepartmentNames
from generator.config.yamlsource import megabytes, parse_yaml
from generator.errors import ConfigError, RosterError

REQUIRED = ("name", "email", "role", "department", "skills")
OPTIONAL = ("manager", "location", "languages", "availability", "capacity")
#: How many more rows with the same unknown department a message names before it counts them.
OTHER_ROWS_SHOWN = 3
#: How many of the config's departments a message lists when none is near the unknown one.
DEPARTMENTS_SHOWN = 10
#: The largest roster read at all, checked before parsing: 20 MB of CSV is some 200,000 people.
MAX_ROSTER_BYTES = 20_000_000


@dataclass(frozen=True)
class Participant:
    """One person in the roster. Mentors teach their ``skills``; mentees want to learn theirs."""

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


@dataclass
class _Table:
    """Raw cells: the header and each data row with the number a spreadsheet shows for it."""

    path: Path
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]
    row_word: str = "row"
    #: Cells that cannot be read as text (a YAML mapping where text belongs): (row, column)
    #: -> the problem, found on reading; such a cell reads as empty.
    unreadable: dict[tuple[int, str], str] = field(default_factory=dict)


def read_roster(path: Path, departments: DepartmentNames | None = None) -> list[Participant]:
    """Read and validate a roster file (.csv, .xlsx or .yaml/.yml); raise RosterError if bad.

    With ``departments`` (the config's), each participant's department must be one of them,
    and is read as its name in the config, so 'sales' and 'Sales' are one department in the
    scores, the counts and pairs.csv. Without, a department is taken as written (a roster read
    with no config at hand).
    """
    table = _read_table(Path(path))
    problems = _header_problems(table)
    if problems:
        _raise(table.path, problems)
    people, problems = _parse_rows(table)
    problems += _duplicate_problems(table)
    problems += _manager_problems(table, people)
    if departments is not None:
        problems += _department_problems(table, departments)
    if problems:
        _raise(table.path, problems)
    if departments is not None:
        people = [_in_department(person, departments) for person in people]
    return people


def _in_department(person: Participant, departments: DepartmentNames) -> Participant:
    """The participant with their department as the config names it (already checked known)."""
    department = departments.find(person.department)
    return replace(person, department=department.name) if department else person


def _raise(path: Path, problems: list[str]) -> None:
    count = f"{len(problems)} problem" + ("s" if len(problems) > 1 else "")
    msg = f"{path.name}: {count} in the roster:\n" + "\n".join(f"  - {p}" for p in problems)
    raise RosterError(msg)


# --- reading the three formats -------------------------------------------------------------


def _read_table(path: Path) -> _Table:
    suffix = path.suffix.casefold()
    readers = {".csv": _read_csv, ".xlsx": _read_xlsx, ".yaml": _read_yaml, ".yml": _read_yaml}
    if suffix not in readers:
        kind = suffix or "(none)"
        msg = f"{path.name}: unsupported roster format {kind!r}; use .csv, .xlsx or .yaml"
        raise RosterError(msg)
    try:
        size = path.stat().st_size
        if size > MAX_ROSTER_BYTES:
            msg = (
                f"{path.name}: the file is {megabytes(size)}, over the "
                f"{megabytes(MAX_ROSTER_BYTES)} limit for a roster; is this the right file?"
            )
            raise RosterError(msg)
        table = readers[suffix](path)
    except OSError as err:
        msg = f"{path.name}: cannot read the roster: {err.strerror or err}"
        raise RosterError(msg) from err
    if not table.header:
        msg = f"{path.name}: the roster is empty (no header row and no participants)"
        raise RosterError(msg)
    if not table.rows:
        msg = f"{path.name}: the roster has a header but no participants"
        raise RosterError(msg)
    return table


def _decode(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        byte = data[err.start]
        advice = "save it as 'CSV UTF-8' from your spreadsheet"
        if path.suffix.casefold() != ".csv":
            advice = "save it with UTF-8 encoding"
        word = "row" if path.suffix.casefold() == ".csv" else "line"
        msg = (
            f"{path.name}, {word} {line}: the file is not UTF-8 (byte 0x{byte:02x} at offset "
            f"{err.start}); {advice}"
        )
        raise RosterError(msg) from err


def _read_csv(path: Path) -> _Table:
    records = list(csv.reader(io.StringIO(_decode(path), newline="")))
    if not records or not any(cell.strip() for cell in records[0]):
        return _Table(path, [], [])
    header = [cell.strip() for cell in records[0]]
    return _Table(path, header, _rows(header, enumerate(records[1:], start=2)))


def _read_xlsx(path: Path) -> _Table:
    try:
        import openpyxl  # optional: only Excel rosters need it
    except ImportError as err:
        msg = f"{path.name}: reading .xlsx rosters needs openpyxl; run: pip install openpyxl"
        raise RosterError(msg) from err
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises several unrelated types for a damaged file
        msg = f"{path.name}: not a readable Excel workbook ({err})"
        raise RosterError(msg) from err
    try:
        records = [
            [_cell_text(c) for c in row] for row in book.worksheets[0].iter_rows(values_only=True)
        ]
    finally:
        book.close()
    if not records or not any(records[0]):
        return _Table(path, [], [])
    header = [cell.strip() for cell in records[0]]
    return _Table(path, header, _rows(header, enumerate(records[1:], start=2)))


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _rows(header: list[str], records: Iterable[tuple[int, list[str]]]) -> list:
    keys = [h.casefold() for h in header]
    rows = []
    for number, cells in records:
        if not any(str(c).strip() for c in cells):
            continue  # blank spreadsheet rows are skipped but still counted
        padded = list(cells) + [""] * (len(keys) - len(cells))
        rows.append((number, {k: str(v).strip() for k, v in zip(keys, padded, strict=False)}))
    return rows


def _read_yaml(path: Path) -> _Table:
    """A YAML roster, read with YAML 1.2 meanings like the config: ``No``, ``on`` and ``10:30``
    stay text (YAML 1.1, PyYAML's default, makes them booleans and a number)."""
    try:
        data, _ = parse_yaml(_decode(path), Path(path.name))
    except ConfigError as err:
        raise RosterError(err.message) from None
    if data is None:
        return _Table(path, [], [], "entry")
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        msg = f"{path.name}: a YAML roster must be a list of mappings (one per participant)"
        raise RosterError(msg)
    items = [{k.strip(): v for k, v in item.items()} for item in data]
    header: list[str] = []
    for item in items:
        header += [k for k in item if k not in header]
    table = _Table(path, header, [], "entry")
    records = []
    for number, item in enumerate(items, 1):
        cells = []
        for column in header:
            value = item.get(column)
            if not _is_cell(value):
                kind = "mapping" if isinstance(value, dict) else "list inside a list"
                table.unreadable[number, column.casefold()] = (
                    f"{_where(table, number, column.casefold())}: expected text or a list of "
                    f"text, got a {kind}"
                )
                value = None
            cells.append(_yaml_cell(value))
        records.append((number, cells))
    table.rows = _rows(header, records)
    return table


def _is_cell(value: Any) -> bool:
    """Text, a number or nothing; or a list of those (skills, languages)."""
    if isinstance(value, list):
        return all(not isinstance(item, list | dict) for item in value)
    return not isinstance(value, dict)


def _yaml_cell(value: Any) -> str:
    if isinstance(value, list):
        return ";".join(_cell_text(v) for v in value)
    return _cell_text(value)


# --- validation -------------------------------------------------------------------------------


def _header_problems(table: _Table) -> list[str]:
    found = [h.casefold() for h in table.header]
    if len(found) == 1 and ";" in found[0] and table.path.suffix.casefold() == ".csv":
        return [
            f"{_where(table, 1)}: the columns are separated by ';' but a roster CSV uses ',' "
            "(';' separates skills inside a cell); save it as 'CSV UTF-8 (comma delimited)'"
        ]
    problems = [
        f"{_where(table, 1, name)}: the column appears {found.count(name)} times"
        for name in dict.fromkeys(found)
        if name and found.count(name) > 1
    ]
    for column in REQUIRED:
        if column in found:
            continue
        near = difflib.get_close_matches(column, found, n=1, cutoff=0.6)
        hint = f' (did you mean "{near[0]}"?)' if near else ""
        listed = ", ".join(table.header)
        place = _where(table, 1) if table.row_word == "row" else table.path.name
        problems.append(
            f'{place}: missing required column "{column}"{hint}; found columns: {listed}'
        )
    return problems


def _where(table: _Table, row: int, column: str | None = None) -> str:
    place = f"{table.path.name}, {table.row_word} {row}"
    return f'{place}, column "{column}"' if column else place


def _parse_rows(table: _Table) -> tuple[list[Participant], list[str]]:
    people, problems = [], []
    for number, cells in table.rows:
        person, row_problems = _parse_row(table, number, cells)
        problems += row_problems
        if person is not None:
            people.append(person)
    return people, problems


def _parse_row(
    table: _Table, number: int, cells: dict[str, str]
) -> tuple[Participant | None, list]:
    problems = [problem for (row, _), problem in table.unreadable.items() if row == number]
    problems += [
        f"{_where(table, number, c)}: is empty"
        for c in REQUIRED
        if not cells.get(c, "") and (number, c) not in table.unreadable
    ]
    role = cells.get("role", "").casefold()
    if role and role not in ROLES:
        problems.append(
            f'{_where(table, number, "role")}: must be {" or ".join(ROLES)}, got "{cells["role"]}"'
        )
    email = cells.get("email", "")
    if email:
        try:
            check_email(email)
        except ValueError as err:
            problems.append(f'{_where(table, number, "email")}: expected {err}, got "{email}"')
    capacity, cap_problem = _capacity(cells.get("capacity", ""), role)
    if cap_problem:
        problems.append(f"{_where(table, number, 'capacity')}: {cap_problem}")
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
    known = set(REQUIRED) | set(OPTIONAL)
    return Participant(
        name=cells["name"],
        email=cells["email"].casefold(),
        role=role,
        department=cells["department"],
        skills=_split(cells["skills"]),
        manager=cells.get("manager", "").casefold() or None,
        location=cells.get("location", ""),
        languages=_split(cells.get("languages", "")),
        availability=cells.get("availability", ""),
        capacity=capacity,
        row=number,
        extra={k: v for k, v in cells.items() if k and k not in known},
    )


def _duplicate_problems(table: _Table) -> list[str]:
    first: dict[str, tuple[int, str]] = {}
    problems = []
    for number, cells in table.rows:
        email = cells.get("email", "").casefold()
        if not email:
            continue
        row, name = first.setdefault(email, (number, cells.get("name", "")))
        if row != number:
            problems.append(
                f'{_where(table, number, "email")}: duplicate e-mail "{email}", '
                f"also on {table.row_word} {row} ({name})"
            )
    return problems


def _department_problems(table: _Table, departments: DepartmentNames) -> list[str]:
    """Each department the config does not have, once, at the first row that names it."""
    unknown: dict[str, list[int]] = {}
    for number, cells in table.rows:
        value = cells.get("department", "")
        if value and departments.find(value) is None:
            unknown.setdefault(value, []).append(number)
    return [_unknown_department(table, value, rows, departments) for value, rows in unknown.items()]


def _unknown_department(
    table: _Table, value: str, rows: list[int], departments: DepartmentNames
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
    return f'{_where(table, first, "department")}: unknown department "{value}"{also}; {hint}'


def _manager_problems(table: _Table, people: list[Participant]) -> list[str]:
    """Managers must be in the roster (any row, even one with its own problems); no cycles."""
    listed = {cells.get("email", "").casefold() for _, cells in table.rows}
    problems = [
        f'{_where(table, p.row, "manager")}: "{p.manager}" matches nobody in the roster'
        for p in people
        if p.manager and p.manager not in listed
    ]
    return problems + _cycle_problems(table, people, {p.email: p for p in people})


def _cycle_problems(table: _Table, people: list[Participant], by_email: dict) -> list[str]:
    problems, reported = [], set()
    for person in people:
        chain = _chain_to_cycle(person, by_email)
        if chain is None or chain[-1] in reported:
            continue
        loop = chain[chain.index(chain[-1]) :]
        reported.update(loop)
        start = by_email[loop[0]]
        problems.append(
            f"{_where(table, start.row, 'manager')}: management cycle {' -> '.join(loop)}"
        )
    return problems


def _chain_to_cycle(person: Participant, by_email: dict) -> list[str] | None:
    """Follow managers upward; return the path ending at the first repeated e-mail, if any."""
    path, seen = [person.email], {person.email}
    current = person
    while current.manager and current.manager in by_email:
        path.append(current.manager)
        if current.manager in seen:
            return path
        seen.add(current.manager)
        current = by_email[current.manager]
    return None
