"""The approved pairs: pairs.csv as the lead reviewed and edited it, read back and checked.

``playbook pair`` proposes pairs and writes them to ``<private>/pairing/pairs.csv``; the lead
may delete rows, swap a mentor or add a row, and that file becomes the record every later step
reads (the build's counts, the packets, the evaluation). A pair is named by its two e-mail
columns (``mentor_email``, ``mentee_email``); the other columns are for people to read and are
filled in again from the roster once the file passes ``playbook pair --check``.

Every problem names the row as a spreadsheet shows it (the header is row 1), the column, and
the rule in brackets: ``pairs.csv:7: mentor_email: Ana Silva manages Vera Senior (reporting
line)``. Pure functions apart from reading the file; nothing here writes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from generator.config.pairing_settings import PairingSettings, normalise_skill
from generator.config.resolved import DepartmentNames
from generator.config.yamlsource import SourceMap, format_key_path
from generator.errors import PlaybookError
from generator.pairing.cohort import (
    Pair,
    PairingResult,
    Unpaired,
    explain,
    rank_cells,
    split_roles,
)
from generator.pairing.matrix import Problem, build_problem, management_chains
from generator.pairing.solve import Solution
from generator.spreadsheet import cell_value

MENTOR, MENTEE = "mentor_email", "mentee_email"
IDENTITY = (MENTOR, MENTEE)
DEPARTMENT_COLUMNS = ("mentor_department", "mentee_department")
NOT_APPROVED = "not in the approved pairs"


class ApprovedPairsError(PlaybookError):
    """The approved pairs file breaks a rule; the message lists every broken row."""


@dataclass(frozen=True)
class ApprovedFile:
    """The approved file's header and rows (row number as a spreadsheet shows it, cells)."""

    path: Path
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]


def read_approved(path: Path) -> ApprovedFile:
    """Read an approved pairs CSV; raise ApprovedPairsError if it cannot be one."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as err:
        msg = f"{path.name}: cannot read the approved pairs: {err.strerror or err}"
        raise ApprovedPairsError(msg) from err
    except UnicodeDecodeError as err:
        msg = f"{path.name}: the file is not UTF-8; save it as 'CSV UTF-8' from your spreadsheet"
        raise ApprovedPairsError(msg) from err
    records = list(csv.reader(io.StringIO(text, newline="")))
    header = [cell_value(cell).strip() for cell in records[0]] if records else []
    missing = [column for column in IDENTITY if column not in header]
    if missing:
        msg = (
            f"{path.name}:1: missing column {' and '.join(missing)}; the approved pairs name "
            f"each pair by {MENTOR} and {MENTEE} (found: {', '.join(header) or 'nothing'})"
        )
        raise ApprovedPairsError(msg)
    rows = []
    for number, cells in enumerate(records[1:], start=2):
        if any(cell.strip() for cell in cells):
            values = [cell_value(cell).strip() for cell in cells]
            rows.append((number, dict(zip(header, values, strict=False))))
    return ApprovedFile(path, header, rows)


def approved_summary(path: Path, *, publish_names: bool) -> dict:
    """The site's counts from an approved file, read as plain CSV (no roster, no solver).

    Departments come from the department columns, which ``pair`` and ``pair --check`` fill
    from the roster; a row added by hand and not yet checked counts as a pair all the same.
    """
    approved = read_approved(path)
    departments, cross = set(), 0
    for _, cells in approved.rows:
        mentor, mentee = (cells.get(c, "").casefold() for c in DEPARTMENT_COLUMNS)
        departments |= {d for d in (mentor, mentee) if d}
        cross += bool(mentor and mentee and mentor != mentee)
    summary: dict = {
        "approved": True,
        "pairs": len(approved.rows),
        "departments": len(departments),
        "cross_department_pairs": cross,
    }
    if publish_names:
        summary["pair_names"] = [
            {"mentor": cells.get("mentor", ""), "mentee": cells.get("mentee", "")}
            for _, cells in approved.rows
        ]
    return summary


# --- checking against the rules ---------------------------------------------------------------


@dataclass
class _Check:
    """What checking the rows found so far: the cells kept and the problems."""

    approved: ApprovedFile
    problem: Problem
    settings: PairingSettings
    departments: DepartmentNames
    rows: dict[str, int]
    cols: dict[str, int]
    cells: list[tuple[int, int]]
    problems: list[str]
    numbers: dict[int, int]  # mentee row -> the file's row that pairs them

    def say(self, number: int | None, column: str, text: str, rule: str) -> None:
        where = f"{self.approved.path.name}:{number}" if number else self.approved.path.name
        self.problems.append(f"{where}: {column}: {text} ({rule})")


def check_approved(
    approved: ApprovedFile,
    people: Sequence,
    settings: PairingSettings,
    departments: DepartmentNames,
    source: SourceMap | None = None,
) -> PairingResult:
    """The approved pairs, explained as ``pair`` explains its own; every broken rule raises
    one ApprovedPairsError listing each row and the rule it breaks."""
    mentees, mentors = split_roles(people)
    problem = build_problem(mentees, mentors, settings)
    check = _Check(
        approved,
        problem,
        settings,
        departments,
        {p.email: i for i, p in enumerate(mentees)},
        {p.email: j for j, p in enumerate(mentors)},
        [],
        [],
        {},
    )
    _check_rows(check, {p.email: p for p in people})
    _check_pins(check, source)
    if check.problems:
        count = len(check.problems)
        head = (
            f"{approved.path.name}: {count} problem{'s' if count > 1 else ''} in the approved pairs"
        )
        raise ApprovedPairsError(head + ":\n" + "\n".join(f"  - {p}" for p in check.problems))
    return _result(check)


def _check_rows(check: _Check, everyone: dict) -> None:
    chains = management_chains(list(everyone.values()))
    used: dict[int, list[int]] = {}
    seen = check.numbers
    for number, cells in check.approved.rows:
        _check_departments(check, number, cells)
        row = _person(check, number, cells, MENTEE, everyone)
        col = _person(check, number, cells, MENTOR, everyone)
        if row is None or col is None:
            continue
        mentee, mentor = check.problem.mentees[row], check.problem.mentors[col]
        if row in seen:
            check.say(
                number,
                MENTEE,
                f"{mentee.name} is already paired on row {seen[row]}",
                "one mentor per mentee",
            )
            continue
        seen[row] = number
        used.setdefault(col, []).append(number)
        if len(used[col]) > mentor.capacity:
            rows = ", ".join(str(n) for n in used[col][:-1])
            check.say(
                number,
                MENTOR,
                f"{mentor.name} can take {mentor.capacity} mentee(s) and "
                f"is already paired on row {rows}",
                "capacity",
            )
        _check_rules(check, number, row, col, chains)
        check.cells.append((row, col))


def _person(check: _Check, number: int, cells: dict, column: str, everyone: dict) -> int | None:
    """The matrix index of the row's mentor or mentee, or None after saying what is wrong."""
    email = cells.get(column, "").casefold()
    role = "mentor" if column == MENTOR else "mentee"
    index = (check.cols if column == MENTOR else check.rows).get(email)
    if not email:
        check.say(number, column, f"is empty; name the {role} by e-mail", "people")
    elif email not in everyone:
        check.say(number, column, f"{email} is not in the roster", "people")
    elif index is None:
        person = everyone[email]
        check.say(
            number,
            column,
            f"{person.name} is a {person.role} in the roster, not a {role}",
            "people",
        )
    return index


def _check_departments(check: _Check, number: int, cells: dict) -> None:
    for column in DEPARTMENT_COLUMNS:
        value = cells.get(column, "")
        if value and check.departments.find(value) is None:
            near = check.departments.near(value)
            hint = f"; did you mean {' or '.join(repr(n) for n in near)}?" if near else ""
            check.say(
                number, column, f"{value!r} is not a department of the config{hint}", "departments"
            )


def _check_rules(check: _Check, number: int, row: int, col: int, chains: dict) -> None:
    mentee, mentor = check.problem.mentees[row], check.problem.mentors[col]
    line = _reporting_line(mentor, mentee, chains) or _reporting_line(mentee, mentor, chains)
    if line:
        check.say(number, MENTOR, line, "reporting line")
    for k, ban in enumerate(check.settings.forbidden):
        if (ban.mentor, ban.mentee) == (mentor.email, mentee.email):
            check.say(
                number,
                MENTOR,
                f"{mentor.name} and {mentee.name} are a forbidden pair (pairing.forbidden[{k}])",
                "forbidden",
            )
    rules = check.settings.rules
    shared = {normalise_skill(t) for t in mentor.languages}
    shared &= {normalise_skill(t) for t in mentee.languages}
    listed = bool(mentor.languages and mentee.languages)
    if not shared and (rules.require_shared_language or (rules.shared_language and listed)):
        check.say(
            number,
            MENTOR,
            f"{mentor.name} ({_listed(mentor.languages)}) and "
            f"{mentee.name} ({_listed(mentee.languages)}) share no language",
            "shared language",
        )
    if not rules.allow_same_department and check.problem.dept_e[row] == check.problem.dept_m[col]:
        check.say(
            number,
            MENTOR,
            f"{mentor.name} and {mentee.name} both work in {mentee.department}",
            "same department",
        )


def _reporting_line(upper, lower, chains: dict) -> str:
    """'X manages Y' when ``upper`` is in ``lower``'s management chain, else ''."""
    chain = chains.get(lower.email, ())
    if upper.email not in chain:
        return ""
    if chain[0] == upper.email:
        return f"{upper.name} manages {lower.name}"
    return f"{upper.name} is above {lower.name} in the management chain"


def _listed(languages: Sequence[str]) -> str:
    return "; ".join(languages) or "no language listed"


def _check_pins(check: _Check, source: SourceMap | None) -> None:
    """Every pinned pair must be in the file, and its mentee with no one else."""
    paired = dict(check.cells)
    for k, pin in enumerate(check.settings.pinned):
        key = ("pairing", "pinned", k)
        name = format_key_path(key)
        row, col = check.rows.get(pin.mentee), check.cols.get(pin.mentor)
        if row is None or col is None or paired.get(row) == col:
            continue  # a pin naming someone unknown is `pair`'s error, already reported there
        if row in paired:
            mentor = check.problem.mentors[paired[row]]
            check.say(
                check.numbers[row],
                MENTEE,
                f"{pin.mentee} is pinned to {pin.mentor} ({name}), not {mentor.name}",
                "pins",
            )
            continue
        where = f" ({source.where(key)})" if source is not None else ""
        check.say(None, name, f"{pin.mentor} -> {pin.mentee}{where} is not in the file", "pins")


def _result(check: _Check) -> PairingResult:
    """The approved pairs explained (score, shared traits, rank among the mentee's options)
    and everyone the file leaves out."""
    problem = check.problem
    rows = np.array([r for r, _ in check.cells], dtype=np.intp)
    cols = np.array([c for _, c in check.cells], dtype=np.intp)
    rank, options = rank_cells(problem, rows, cols)
    solution = Solution(rows, cols, rank, options, np.zeros(0, dtype=bool), None)
    pinned = {check.rows[pin.mentee] for pin in check.settings.pinned if pin.mentee in check.rows}
    pairs: list[Pair] = explain(problem, solution, pinned)
    taken_rows = set(rows.tolist())
    taken_cols = set(cols.tolist())
    unpaired = [
        Unpaired(p, NOT_APPROVED) for i, p in enumerate(problem.mentees) if i not in taken_rows
    ]
    unpaired += [
        Unpaired(p, NOT_APPROVED) for j, p in enumerate(problem.mentors) if j not in taken_cols
    ]
    return PairingResult(pairs, unpaired)
