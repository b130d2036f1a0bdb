"""The ``roster:`` key: which file holds the participants, and which of its columns say what.

Written as a plain path (``roster: people.csv``) or as a mapping with the columns an HR
system's export uses (``roster: {file: hr-export.csv, columns: {name: Worker, ...}}``); both
load as one ``RosterSource``, so callers read ``config.roster.file`` and
``config.roster.columns`` whichever form was written. Columns not mapped are recognised by
their header (``pairing.hr_headers``); a mapped column wins over recognition.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from generator.config.base import Strict

Column = Annotated[str, Field(min_length=1, max_length=200)]


class RosterColumns(Strict):
    """The header, as the file writes it, of the column holding each roster field.

    Each key is optional: a field not given here is found by its own name or by the headers
    the common HR systems export (Workday, SAP SuccessFactors, BambooHR, HiBob, Personio,
    Oracle HCM). Headers match regardless of case, spaces and punctuation.
    """

    name: Column | None = Field(None, description="The person's full name, e.g. `Worker`.")
    first_name: Column | None = Field(
        None, description="First name; with `last_name`, makes the full name when none is given."
    )
    last_name: Column | None = Field(None, description="Last name (see `first_name`).")
    email: Column | None = Field(
        None, description="Work e-mail address, e.g. `Email - Primary Work`."
    )
    employee_id: Column | None = Field(
        None,
        description="Employee number or id, e.g. `Employee ID`; managers may be given by it.",
    )
    role: Column | None = Field(None, description="`mentor` or `mentee`, e.g. `Program Role`.")
    department: Column | None = Field(
        None, description="The department, one of the config's, e.g. `Cost Center`."
    )
    skills: Column | None = Field(
        None, description="Skills to teach (mentors) or learn (mentees), separated by `;`."
    )
    manager: Column | None = Field(
        None,
        description="The manager, by e-mail, employee id or full name, e.g. `Reports To`.",
    )
    location: Column | None = Field(None, description="Where the person works, e.g. `Site`.")
    languages: Column | None = Field(None, description="Languages spoken, separated by `;`.")
    availability: Column | None = Field(None, description="When the person can meet.")
    capacity: Column | None = Field(None, description="How many mentees a mentor takes.")

    def given(self) -> dict[str, str]:
        """The mapped fields only: roster field -> column header."""
        return {key: value for key, value in self if value is not None}


class RosterSource(Strict):
    """The roster file, and which of its columns hold which field."""

    file: str = Field(
        min_length=1,
        description="The roster (CSV, XLSX or YAML), relative to this file.",
    )
    columns: RosterColumns = Field(
        default_factory=RosterColumns,
        description="The file's own column headers, by roster field; the rest are recognised.",
    )


def _path_as_source(value: Any) -> Any:
    """``roster: people.csv`` is short for ``roster: {file: people.csv}``."""
    return {"file": value} if isinstance(value, str) else value


def _either_form(schema: dict[str, Any]) -> None:
    """Let editors accept the short form too: the schema lists a path next to the mapping."""
    options = schema.get("anyOf", [])
    if options and {"type": "string"} not in options:
        options.insert(0, {"type": "string"})


RosterField = Annotated[RosterSource, BeforeValidator(_path_as_source)]
#: Pass to ``Field(json_schema_extra=...)`` of the config's ``roster`` key.
ROSTER_SCHEMA = _either_form
