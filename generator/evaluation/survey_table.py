"""survey_table: a survey export's rows and column headers, whichever tool made it (see
``survey``). Reads files, writes nothing."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.evaluation.collect import FormError

#: A question number a tool may put in front: "3. ", "Q3: ", "3) ".
NUMBERING = re.compile(r"^\s*(?:q\s*)?\d{1,3}\s*[.):]\s+", re.I)
#: SurveyMonkey's second header row names the answer in each column.
MONKEY_ANSWERS = frozenset({"response", "openendedresponse", "other", "otherpleasespecify"})


def normalise(text: str) -> str:
    """A header or answer with only what a survey tool does not change: letters and digits.

    Case, spaces, punctuation and quotes (straight or curly) go, and so does a question number
    in front: "3. How useful was this session" is "howusefulwasthissession".
    """
    text = NUMBERING.sub("", unicodedata.normalize("NFKC", text)).casefold()
    return "".join(char for char in text if char.isalnum())


@dataclass
class Table:
    """A survey export: each column's header (with its id, for Qualtrics) and the data rows."""

    headers: list[str]
    ids: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # (row number, cells)


def records(path: Path) -> list[list[str]]:
    """Every row of a CSV or XLSX file as text; FormError if it cannot be read."""
    if path.suffix.lower() == ".xlsx":
        return xlsx_records(path)
    data = path.read_bytes()
    try:
        text = data.decode("utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else None
        text = text if text is not None else data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        msg = f"not a UTF-8 CSV file (byte {err.start}); export it again as CSV UTF-8"
        raise FormError(msg) from None
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), dialect)]


def xlsx_records(path: Path) -> list[list[str]]:
    """The first sheet of a workbook (Microsoft Forms' "Open results in Excel")."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises several unrelated types for a damaged file
        msg = f"not a readable Excel workbook ({type(err).__name__})"
        raise FormError(msg) from err
    try:
        return [
            [cell_text(c) for c in row] for row in book.worksheets[0].iter_rows(values_only=True)
        ]
    finally:
        book.close()


def cell_text(value: object) -> str:
    """A spreadsheet cell as text: 4.0 is "4", nothing is ""."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def table_of(rows: list[list[str]]) -> Table:
    """The headers and data rows of an export, whichever of the tools' layouts it has."""
    width = max((len(row) for row in rows), default=0)
    rows = [row + [""] * (width - len(row)) for row in rows]
    if not rows:
        return Table([], [])
    first = rows[0]
    if len(rows) > 2 and any(cell.startswith('{"ImportId"') for cell in rows[2]):  # Qualtrics
        return Table(rows[1], first, numbered(rows, 4))
    if len(rows) > 1 and is_monkey_answers(first, rows[1]):  # SurveyMonkey
        headers, above = [], ""
        for top, below in zip(first, rows[1], strict=True):
            above = top or above
            headers.append(top or (f"{above} - {below}" if below else ""))
        return Table(headers, headers, numbered(rows, 3))
    return Table(first, first, numbered(rows, 2))


def is_monkey_answers(first: list[str], second: list[str]) -> bool:
    """Whether the second row names each column's answer, as SurveyMonkey's does."""
    # A first data row starts with the tool's ID or timestamp; this row is blank under them.
    named = [normalise(cell) for cell in second if cell]
    return not second[0] and bool(first[0]) and any(cell in MONKEY_ANSWERS for cell in named)


def numbered(rows: list[list[str]], first: int) -> list[tuple[int, list[str]]]:
    """The rows from row number ``first`` (1-based) on, blank ones left out."""
    return [(n, row) for n, row in enumerate(rows[first - 1 :], start=first) if any(row)]
