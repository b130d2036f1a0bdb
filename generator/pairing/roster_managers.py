"""roster_managers: who manages whom, however the roster names the manager.

HR exports name a manager by e-mail, by employee id (SuccessFactors' ``MANAGER`` holds the
manager's USERID) or by full name (BambooHR's "Reports To", Workday's "Manager"). Each is
turned into the manager's e-mail when the manager is on some row of the roster, the one key the
pairing's reporting-line rule uses. A manager who is not in the roster (the CEO's office, a
manager outside the program) is normal: the chain stops there. A name that more than one row
carries cannot say who is meant, so it is an error naming those rows; so is a cycle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.pairing.roster_problems import Problem
from generator.pairing.roster_table import Table, where

if TYPE_CHECKING:
    from generator.pairing.roster import Participant

Records = list[tuple[int, dict[str, str]]]
#: How many rows an ambiguous-name message lists.
ROWS_SHOWN = 3


def name_key(name: str) -> str:
    """A full name as a lookup key: case and spacing do not matter."""
    return " ".join(name.casefold().split())


def resolve_managers(table: Table, records: Records) -> list[Problem]:
    """Write each row's manager as the manager's e-mail where the roster has them; return the
    rows whose manager's name more than one person has."""
    directory = _Directory(records)
    problems = []
    for number, cells in records:
        written = cells.get("manager", "")
        if not written:
            continue
        cells["manager"], rows = directory.find(written)
        if len(rows) > 1:
            problems.append(_ambiguous(table, number, written, rows))
    return problems


class _Directory:
    """Every row's e-mail, by e-mail, employee id and full name (any row, even one with
    problems of its own, so a typo on the manager's row does not make the manager vanish)."""

    def __init__(self, records: Records) -> None:
        self.emails: set[str] = set()
        self.ids: dict[str, list[tuple[int, str]]] = {}
        self.names: dict[str, list[tuple[int, str]]] = {}
        for number, cells in records:
            email = cells.get("email", "").casefold()
            self.emails.add(email)
            if cells.get("employee_id"):
                self.ids.setdefault(cells["employee_id"].casefold(), []).append((number, email))
            if cells.get("name"):
                self.names.setdefault(name_key(cells["name"]), []).append((number, email))

    def find(self, text: str) -> tuple[str, list[int]]:
        """The manager's e-mail (or ``text`` case-folded if not in the roster) and the rows
        that match it (several: ambiguous)."""
        key = text.casefold()
        if "@" in key or key in self.emails:
            return key, []
        matches = self.ids.get(key) or self.names.get(name_key(text), [])
        if len(matches) == 1:
            return matches[0][1], [matches[0][0]]
        return key, [row for row, _ in matches]


def _ambiguous(table: Table, number: int, written: str, rows: list[int]) -> Problem:
    shown = [str(row) for row in rows[:ROWS_SHOWN]]
    listed = ", ".join(shown[:-1]) + f" and {shown[-1]}"
    more = f" and {len(rows) - ROWS_SHOWN} more" if len(rows) > ROWS_SHOWN else ""
    return Problem(
        f'{where(table, number, "manager")}: "{written}" is the name on '
        f"{table.row_word}s {listed}{more}; give the manager's e-mail or employee id instead",
        "name a manager by a name more than one person has",
    )


def cycle_problems(table: Table, people: list[Participant]) -> list[Problem]:
    by_email = {p.email: p for p in people}
    problems, reported = [], set()
    for person in people:
        chain = _chain_to_cycle(person, by_email)
        if chain is None or chain[-1] in reported:
            continue
        loop = chain[chain.index(chain[-1]) :]
        reported.update(loop)
        start = by_email[loop[0]]
        problems.append(
            Problem(
                f"{where(table, start.row, 'manager')}: management cycle {' -> '.join(loop)}",
                "are in a management cycle",
                len(loop) - 1,
            )
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
