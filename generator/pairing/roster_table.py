"""roster_table: a roster file (CSV, XLSX or YAML) as raw cells, its header row found.

Only reading happens here: the participants and every check on them are ``roster``'s. Rows keep
the number a spreadsheet shows for them, so a message can name the row the lead sees.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.config.yamlsource import megabytes, parse_yaml
from generator.errors import ConfigError, RosterError
from generator.pairing.roster_columns import (
    HEADER_MIN_FIELDS,
    HEADER_SEARCH_ROWS,
    Columns,
    find_columns,
    find_header,
    header_score,
    looked_for,
)
from generator.pairing.roster_problems import Problem, raise_problems
from generator.spreadsheet import cell_value

#: The largest roster read at all, checked before parsing: 20 MB of CSV is some 200,000 people.
MAX_ROSTER_BYTES = 20_000_000

Record = tuple[int, list[str]]


@dataclass
class Table:
    """Raw cells: the header and each data row with the number a spreadsheet shows for it."""

    path: Path
    header: list[str]
    rows: list[Record]
    row_word: str = "row"
    #: The header's row number, or None where the file has no header row (YAML keys).
    header_row: int | None = 1
    #: Cells that cannot be read as text (a YAML mapping where text belongs): (row, column
    #: index) -> what was found; such a cell reads as empty.
    unreadable: dict[tuple[int, int], str] = field(default_factory=dict)
    columns: Columns = field(default_factory=lambda: Columns([], {}))


def where(table: Table, row: int | None, name: str | None = None) -> str:
    """``roster.csv, row 3, column "Cost Center"``: the column as the file heads it."""
    place = table.path.name if row is None else f"{table.path.name}, {table.row_word} {row}"
    return f'{place}, column "{table.columns.label(name)}"' if name else place


def read_table(path: Path, mapping: Mapping[str, str]) -> Table:
    """The file's cells, its header row found and its columns matched to roster fields."""
    suffix = path.suffix.casefold()
    readers = {".csv": _read_csv, ".xlsx": _read_xlsx}
    if suffix not in (*readers, ".yaml", ".yml"):
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
        table = _read_yaml(path) if suffix not in readers else _headed(path, readers[suffix](path))
    except OSError as err:
        msg = f"{path.name}: cannot read the roster: {err.strerror or err}"
        raise RosterError(msg) from err
    if table is None:
        msg = f"{path.name}: the roster is empty (no header row and no participants)"
        raise RosterError(msg)
    if table.header_row is not None and not table.header:
        table.header = _find_header(table, mapping)
    if not table.rows:
        msg = f"{path.name}: the roster has a header but no participants"
        raise RosterError(msg)
    table.columns = find_columns(table.header, mapping)
    return table


def _headed(path: Path, records: list[list[str]]) -> Table | None:
    """A table of numbered, non-blank records, its header still to be found."""
    numbered = [
        (number, [cell.strip() for cell in cells])
        for number, cells in enumerate(records, start=1)
        if any(cell.strip() for cell in cells)
    ]
    return Table(path, [], numbered) if numbered else None


def _find_header(table: Table, mapping: Mapping[str, str]) -> list[str]:
    """Take the header row out of ``table.rows``, with any title rows above it; return it."""
    position = find_header([cells for _, cells in table.rows], mapping)
    if position is None:
        raise_problems(table.path, [Problem(_no_header(table, mapping))])
    table.header_row, header = table.rows[position]
    rest = table.rows[position + 1 :]
    # SuccessFactors' user data file has a second header-like row (labels) below the keys.
    while rest and header_score(rest[0][1], mapping) >= HEADER_MIN_FIELDS:
        rest = rest[1:]
    table.rows = [(number, _padded(cells, len(header))) for number, cells in rest]
    return header


def _padded(cells: list[str], width: int) -> list[str]:
    return cells + [""] * (width - len(cells))


def _no_header(table: Table, mapping: Mapping[str, str]) -> str:
    number, first = table.rows[0]
    if len(first) == 1 and ";" in first[0] and table.path.suffix.casefold() == ".csv":
        return (
            f"{table.path.name}, row {number}: the columns are separated by ';' but a roster "
            "CSV uses ',' (';' separates skills inside a cell); save it as 'CSV UTF-8 (comma "
            "delimited)'"
        )
    return (
        f"{table.path.name}: no header row found in the first {HEADER_SEARCH_ROWS} rows; the "
        f"header row must name the columns, at least {HEADER_MIN_FIELDS} of: {looked_for(mapping)}"
        " (or map the file's own headers under `roster: columns:` in the config)"
    )


# --- the three formats ---------------------------------------------------------------------


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


def _read_csv(path: Path) -> list[list[str]]:
    """The CSV's cells; a cell a spreadsheet (or playbook) quoted against formulas, ``'=x``,
    reads as the text it stands for, ``=x``, so writing it out again quotes it once."""
    records = csv.reader(io.StringIO(_decode(path), newline=""))
    return [
        [cell_value(cell) if cell[:1] == "'" else cell for cell in record] for record in records
    ]


def _read_xlsx(path: Path) -> list[list[str]]:
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
        rows = book.worksheets[0].iter_rows(values_only=True)
        return [[cell_text(cell) for cell in row] for row in rows]
    finally:
        book.close()


def cell_text(value: Any) -> str:
    """A spreadsheet or YAML value as text: ``3.0`` is ``3``, nothing is empty."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_yaml(path: Path) -> Table | None:
    """A YAML roster, read with YAML 1.2 meanings like the config: ``No``, ``on`` and ``10:30``
    stay text (YAML 1.1, PyYAML's default, makes them booleans and a number). Its keys are the
    header; entries are numbered from 1."""
    try:
        data, _ = parse_yaml(_decode(path), Path(path.name))
    except ConfigError as err:
        raise RosterError(err.message) from None
    if data is None:
        return None
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        msg = f"{path.name}: a YAML roster must be a list of mappings (one per participant)"
        raise RosterError(msg)
    items = [{str(k).strip(): v for k, v in item.items()} for item in data]
    header: list[str] = []
    for item in items:
        header += [k for k in item if k not in header]
    table = Table(path, header, [], "entry", header_row=None)
    for number, item in enumerate(items, 1):
        cells = []
        for column, name in enumerate(header):
            value = item.get(name)
            if not _is_cell(value):
                kind = "mapping" if isinstance(value, dict) else "list inside a list"
                table.unreadable[number, column] = kind
                value = None
            cells.append(_yaml_cell(value))
        if any(cells) or any(row == number for row, _ in table.unreadable):
            table.rows.append((number, cells))
    return table if header else None


def _is_cell(value: Any) -> bool:
    """Text, a number or nothing; or a list of those (skills, languages)."""
    if isinstance(value, list):
        return all(not isinstance(item, list | dict) for item in value)
    return not isinstance(value, dict)


def _yaml_cell(value: Any) -> str:
    if isinstance(value, list):
        return ";".join(cell_text(v) for v in value)
    return cell_text(value)
