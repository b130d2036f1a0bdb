"""roster_columns: which column of a roster holds which field, and which row is the header.

A column is found, for each field, by the config's ``roster.columns`` mapping first, then by the
field's own name, then by the HR-export headers in ``hr_headers``; every comparison ignores case,
spaces and punctuation (``config.resolved.loose_key``). The header row is the row among the
first ``HEADER_SEARCH_ROWS`` that names the most fields, so title rows above it ("Mentoring
participants (exported 04/01/2027)") are passed over.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from generator.config.resolved import loose_key
from generator.config.roster_settings import RosterColumns
from generator.pairing.hr_headers import HR_HEADERS

#: Every field a roster column may hold, in the config's order.
FIELDS = tuple(RosterColumns.model_fields)
REQUIRED = ("name", "email", "role", "department", "skills")
#: How many rows from the top may hold the header (title rows and blank rows above it).
HEADER_SEARCH_ROWS = 20
#: The fewest fields a row must name to be taken for the header.
HEADER_MIN_FIELDS = 2
#: Loose header key -> the fields it may hold, in order of preference.
_KEYS: dict[str, list[str]] = {}
for _field in FIELDS:
    for _header in (_field, *HR_HEADERS.get(_field, ())):
        _KEYS.setdefault(loose_key(_header), []).append(_field)


@dataclass(frozen=True)
class Columns:
    """The header row as written and the column index of each field found in it."""

    header: Sequence[str]
    index: Mapping[str, int]
    #: Mapped fields whose column the header does not have: field -> the header the config gave.
    missing: Mapping[str, str] = field(default_factory=dict)

    def label(self, name: str) -> str:
        """The header of ``name``'s column as the file writes it, for messages."""
        if name == "name" and "name" not in self.index and "first_name" in self.index:
            return self.label("first_name")
        if name in self.index:
            return self.header[self.index[name]]
        return name

    def has(self, name: str) -> bool:
        """True if the file has the field (a full name may come from first and last names)."""
        if name == "name" and {"first_name", "last_name"} <= set(self.index):
            return True
        return name in self.index

    def used(self) -> set[int]:
        """The indexes of the columns that hold a field."""
        return set(self.index.values())


def find_columns(header: Sequence[str], mapping: Mapping[str, str]) -> Columns:
    """The columns of ``header`` for each field: mapped ones first, then recognised ones."""
    keys = [loose_key(cell) for cell in header]
    index: dict[str, int] = {}
    missing: dict[str, str] = {}
    for name, column in mapping.items():
        if loose_key(column) in keys:
            index[name] = keys.index(loose_key(column))
        else:
            missing[name] = column
    claimed = set(index.values())
    for name in FIELDS:
        if name in index or name in mapping:
            continue
        for header_key in (loose_key(name), *map(loose_key, HR_HEADERS.get(name, ()))):
            found = [i for i, key in enumerate(keys) if key == header_key and i not in claimed]
            if found:
                index[name] = found[0]
                claimed.add(found[0])
                break
    return Columns(list(header), index, missing)


def header_score(cells: Sequence[str], mapping: Mapping[str, str]) -> int:
    """How many fields a row names: a header names several, a title or data row hardly any."""
    keys = {loose_key(cell) for cell in cells if cell.strip()}
    named = {name for name, column in mapping.items() if loose_key(column) in keys}
    named |= {name for key in keys for name in _KEYS.get(key, ())}
    return len(named)


def find_header(records: Sequence[Sequence[str]], mapping: Mapping[str, str]) -> int | None:
    """The position in ``records`` of the header row, or None if no early row names two fields.

    The first of the rows that name the most fields wins, so a header repeated lower down (or
    a second label row, as in a SuccessFactors user data file) is read as data, not as header.
    """
    best, position = HEADER_MIN_FIELDS - 1, None
    for number, cells in enumerate(records[:HEADER_SEARCH_ROWS]):
        score = header_score(cells, mapping)
        if score > best:
            best, position = score, number
    return position


def looked_for(mapping: Mapping[str, str]) -> str:
    """What the header search looks for, for the message when no row is a header."""
    parts = []
    for name in REQUIRED:
        names = [mapping[name]] if name in mapping else [name, *HR_HEADERS.get(name, ())[:3]]
        parts.append(" or ".join(f'"{n}"' for n in names))
    return "; ".join(parts)


def near_header(column: str, header: Sequence[str]) -> str | None:
    """The header cell ``column`` is most likely a typo for, or None."""
    keys = {loose_key(cell): cell for cell in header if cell.strip()}
    close = difflib.get_close_matches(loose_key(column), list(keys), n=1, cutoff=0.6)
    return keys[close[0]] if close else None
