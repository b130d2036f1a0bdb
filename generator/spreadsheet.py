"""spreadsheet: CSV text that a spreadsheet opens as text, never as a live formula.

Every CSV the program writes (the pairing's pairs.csv, the evaluation's answers.csv) holds text
that people typed: names, departments, skills, free-text answers. Excel, LibreOffice and Google
Sheets read a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return as a
formula, so a roster name like ``=HYPERLINK("http://x","y")`` would become a live link, or
worse, in the coordinator's spreadsheet. Following OWASP's guidance on CSV injection, such a
cell is written with a single quote in front (``'=HYPERLINK(...``) and shows as the text it is.

One exception: a cell that is a plain number (``-0.5``, ``+3``, ``-1e-05``) is left alone, since
a spreadsheet reads it as that number and no formula can hide in it; a score or a rating stays
a number you can sum. Every other cell, whoever wrote it, goes through the same rule: the rule
needs no list of which columns came from people, and a column added later is covered too.

The quote is part of the file, so a reader of a CSV we wrote gets the value back with
``cell_value``; a cell that already began with quotes before such a character gets one more
on writing, so the round trip is exact.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

#: The first characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_STARTS = frozenset("=+-@\t\r")
#: A cell that is only a number, which a spreadsheet reads as that number.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")

Cell = str | int | float


def _would_be_a_formula(text: str) -> bool:
    """True if ``text``, or ``text`` without its leading quotes, starts like a formula."""
    return text.lstrip("'")[:1] in FORMULA_STARTS and not _NUMBER.fullmatch(text)


def neutralise(cell: Cell) -> str:
    """The cell as text a spreadsheet shows as text: ``'=1+2`` for ``=1+2``; ``-0.5`` as is."""
    text = str(cell)
    return f"'{text}" if text and _would_be_a_formula(text) else text


def cell_value(text: str) -> str:
    """The value ``neutralise`` was given, from the cell it wrote: ``'=1+2`` -> ``=1+2``."""
    if text.startswith("'") and text[1:].lstrip("'")[:1] in FORMULA_STARTS:
        return text[1:]
    return text


def csv_text(header: Iterable[str], rows: Iterable[Iterable[Cell]]) -> str:
    """CSV text, a header line then one line per row, every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([neutralise(name) for name in header])
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return buffer.getvalue()
