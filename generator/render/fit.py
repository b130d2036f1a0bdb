"""fit: how tall an agenda's notes box can be for the sheet to stay on one page.

An agenda is one sheet of paper. Its timed items, conversation starters and "bring" list differ
in length from session to session (a 15-minute check-in against a 240-minute workshop with long
activity notes), and Letter is 18 mm shorter than A4. CSS cannot size a box to the space left on
a page, so the print template asks here: the text above the notes is estimated in millimetres
(lines of wrapped text at the stylesheet's sizes) and the notes box gets what is left, within
bounds. Past the lower bound the sheet is set tighter (``tight``) rather than spill a line onto
a second page. The estimate errs long: a box a few millimetres short is better than a page two.

The figures mirror ``templates/print/print.css``; change them together.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

#: Page height minus the @page top and bottom margins (20 mm + 22 mm), in mm.
CONTENT_HEIGHT = {"A4": 297 - 42, "Letter": 279.4 - 42}
#: Page width minus the side margins (2 x 18 mm), in mm.
CONTENT_WIDTH = {"A4": 210 - 36, "Letter": 215.9 - 36}
PT = 25.4 / 72
#: Average advance of a Liberation Sans character, in em (errs wide so lines wrap early).
CHAR_EM = 0.55
NOTES_MIN, NOTES_MAX = 14.0, 40.0
#: Left over at the foot of the page for what the estimate misses (mm).
SAFETY = 3.0


@dataclass(frozen=True)
class AgendaFit:
    """The notes box height (mm) and whether the sheet is set tighter to make room for it."""

    notes_mm: int
    tight: bool


def lines(text: str, width_mm: float, size_pt: float) -> int:
    """How many lines ``text`` wraps to in a column ``width_mm`` wide at ``size_pt``."""
    per_line = max(1, int(width_mm / (CHAR_EM * size_pt * PT)))
    return max(1, math.ceil(len(" ".join(text.split())) / per_line))


def block(texts: Iterable[str], width_mm: float, size_pt: float, leading: float) -> float:
    """Height in mm of paragraphs (or list items) set at ``size_pt`` with ``leading``."""
    return sum(lines(text, width_mm, size_pt) * size_pt * leading * PT for text in texts)


def agenda_rows(agenda: Sequence[tuple[str, Any]], starters: Sequence[str], width: float) -> float:
    """The timed table: header, one row per item (title, notes, starters), the total."""
    column = width - 41  # clock and length columns, cell padding
    height = 6.5 + 7.0 + 5.0  # header row, total row, the space under the table
    for _clock, item in agenda:
        height += 4.0 + block([item.title], column, 10.5, 1.45)
        height += block([item.notes], column, 8.5, 1.3) if item.notes else 0
        if item.kind == "talk":
            height += block(starters, column - 5, 8.5, 1.3) + 1.6 * len(starters)
    return height


def panel(title: str, items: Sequence[str], width: float) -> float:
    """A tinted box of starters or things to bring: heading and a bulleted list."""
    return 11.0 + block([title], width - 8, 10.5, 1.45) + block(items, width - 13, 9, 1.45)


def fit_agenda(
    paper: str,
    head: Sequence[str],
    agenda: Sequence[tuple[str, Any]],
    starters: Sequence[str] = (),
    panels: Sequence[tuple[str, Sequence[str]]] = (),
) -> AgendaFit:
    """The notes box for an agenda sheet: ``head`` is its eyebrow and title, ``panels`` the
    boxes under the table (two side by side), ``starters`` those listed inside the table."""
    width = CONTENT_WIDTH[paper]
    eyebrow, title = head
    # padding, rule and space under the head, and its empty facts line
    used = 17.0 + block([eyebrow], width, 7.5, 1.6) + block([title], width, 19, 1.15)
    used += 9.5  # the facts line under the head
    used += agenda_rows(agenda, starters, width)
    if panels:
        side = width if len(panels) == 1 else width / 2 - 2.5
        used += 5.0 + max(panel(title, items, side) for title, items in panels)
    used += 8.5 + 17.0 + 6.0  # notes label and margin, the two action lines, the closing line
    room = CONTENT_HEIGHT[paper] - used - SAFETY
    return AgendaFit(int(min(NOTES_MAX, max(NOTES_MIN, room))), room < NOTES_MIN)
