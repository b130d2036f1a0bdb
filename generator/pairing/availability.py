"""The roster's ``availability`` column, read as half-day slots of the week.

The format, documented in the README: items separated by ``;`` or ``,``, each one or more
weekdays (``Mon``, ``Tuesday``, ``Thursdays``; several joined by ``/``, ``&`` or ``and``) with
an optional part of the day (``am``/``morning(s)`` or ``pm``/``afternoon(s)``) that applies to
every day of the item. A day without a part means the whole day. ``Mon am; Tue pm; Thu`` is
three items; ``Tue/Thu mornings`` is Tuesday and Thursday mornings. A blank cell means the
person gave no availability, which scores nothing and flags nothing.

Times are local to each person: time zones come with the calendar's time-zone work (a later
issue), so a London morning and a Toronto morning count as the same slot for now.
"""

from __future__ import annotations

import re

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PARTS = ("am", "pm")
#: Every slot as ``mon am`` .. ``sun pm``, in week order: the columns of the slot matrices.
SLOTS = tuple(f"{day} {part}" for day in DAYS for part in PARTS)
_DAY_WORDS = {
    **{day: day for day in DAYS},
    "monday": "mon", "tues": "tue", "tuesday": "tue", "wednesday": "wed", "thur": "thu",
    "thurs": "thu", "thursday": "thu", "friday": "fri", "saturday": "sat", "sunday": "sun",
}  # fmt: skip
_PART_WORDS = {
    "am": ("am",), "morning": ("am",), "mornings": ("am",),
    "pm": ("pm",), "afternoon": ("pm",), "afternoons": ("pm",),
}  # fmt: skip
_FILLER = {"and", "&", "/", "-"}
_ITEM = re.compile(r"[;,]")
_WORD = re.compile(r"[a-z]+|&|/")


def _day(word: str) -> str | None:
    """The day a word names: ``mon``, ``monday`` and ``mondays`` alike."""
    return _DAY_WORDS.get(word) or _DAY_WORDS.get(word.removesuffix("s"))


def parse_availability(text: str) -> tuple[str, ...]:
    """The slots a cell names, in week order; raises ValueError naming a word it cannot read."""
    slots: set[str] = set()
    for item in _ITEM.split(text.casefold()):
        days: list[str] = []
        parts: tuple[str, ...] = PARTS
        for word in _WORD.findall(item):
            if (day := _day(word)) is not None:
                days.append(day)
            elif word in _PART_WORDS:
                parts = _PART_WORDS[word]
            elif word not in _FILLER:
                msg = (
                    f'"{word}" is not a weekday or a part of the day; expected e.g. '
                    '"Mon am; Tue pm; Thu"'
                )
                raise ValueError(msg)
        if not days and item.strip():
            msg = f'"{item.strip()}" names no weekday; expected e.g. "Mon am; Tue pm; Thu"'
            raise ValueError(msg)
        slots.update(f"{day} {part}" for day in days for part in parts)
    return tuple(slot for slot in SLOTS if slot in slots)


def read_slots(text: str) -> tuple[str, ...]:
    """The slots a cell names, or none for a cell that cannot be read (checked elsewhere)."""
    try:
        return parse_availability(text)
    except ValueError:
        return ()


def availability_problems(people, file_name: str) -> list[str]:
    """One located line per participant whose availability cannot be read."""
    problems = []
    for person in people:
        try:
            parse_availability(person.availability)
        except ValueError as err:
            problems.append(f'{file_name}, row {person.row}, column "availability": {err}')
    return problems
