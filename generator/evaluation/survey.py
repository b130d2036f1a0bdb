"""survey: a survey tool's export (CSV or XLSX) whose columns are the question texts, read as
Response records like a filled PDF's.

Microsoft Forms, Google Forms, Qualtrics and SurveyMonkey all export one row per respondent and
one column per question, headed by the question as the survey asked it. A lead who pasted our
questions into the tool (``playbook forms export``) gets them back nearly as written, so a
column is matched to a question by its words, setting aside case, spaces, punctuation, quotes
and a leading number ("3. How useful ..."). The tools add their own columns too (an ID, start
and completion times, an e-mail, a name); those are known by name and set aside, so a person's
name or address from the tool never becomes an answer. Any other column that is not a question
is listed (``Collected.unmatched``), never dropped without a word.

The form is the one whose questions the columns match best (one per role: the end form asked of
mentees is not the one asked of mentors); when two match equally well, a Role column or
``--role`` decides. The department comes from a column (``evaluation.department_column``) or
``--department``. Answers are turned into what the form's field holds: a scale label or
"4 - Agree" into its number, an option by its words, a tick from yes/no.

Layouts: one header row (Microsoft Forms, Google Forms); Qualtrics adds a row of question texts
under its ids and a row of ``{"ImportId": ...}``; SurveyMonkey a row under the questions naming
each column's answer ("Response", "Open-Ended Response", or an option).

Reads files, writes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.config.fields import ROLES, slugify
from generator.evaluation.collect import (
    EVALUATED_KINDS,
    TICKED,
    UNTICKED,
    Catalogues,
    Collected,
    FormError,
    Skipped,
    Unmatched,
    response_of,
)
from generator.evaluation.survey_table import Table, normalise, records, table_of
from generator.program.forms import BOX, CHECK, CHOICE, NPS, RATING, TEXT, Form, Question
from generator.program.labels import form_label

#: Columns the survey tools add of their own, by normalised name (see ``normalise``).
TOOL_COLUMNS = frozenset(
    (
        # Microsoft Forms
        "id", "starttime", "completiontime", "email", "name", "lastmodifiedtime", "totalpoints",
        "quizfeedback",
        # Google Forms
        "timestamp", "emailaddress", "score", "totalscore",
        # Qualtrics
        "startdate", "enddate", "status", "ipaddress", "progress", "durationinseconds",
        "finished", "recordeddate", "responseid", "recipientlastname", "recipientfirstname",
        "recipientemail", "externalreference", "externaldatareference", "locationlatitude",
        "locationlongitude", "distributionchannel", "userlanguage",
        # SurveyMonkey
        "respondentid", "collectorid", "firstname", "lastname", "customdata",
    )
)  # fmt: skip
#: Tool columns numbered or prefixed: "Custom Data 1", Qualtrics' "Q_RecaptchaScore",
#: Microsoft Forms quiz columns "Points - <question>" and "Feedback - <question>".
TOOL_PATTERN = re.compile(r"^(?:custom\s*data\s*\d+|q_\w+|(?:points|feedback)\s+-\s.*)$", re.I)
#: Why an export is not read when none of its columns is one of our questions.
NOT_OURS = (
    "no column is a question of a feedback form (word the survey's questions as "
    "`playbook forms export` does)"
)
#: The leading whole number of an answer such as "4 - Agree" or "10 (Extremely likely)".
LEADING_NUMBER = re.compile(r"^\s*(\d{1,2})(?:\.0+)?(?!\d)")


@dataclass(frozen=True)
class SurveyOptions:
    """What `playbook collect` knows of a survey export besides its columns."""

    #: Every department by slug, and by each spelling a Department cell may use.
    departments: dict[str, str]
    department: str | None = None  # --department: the slug of every row without a column value
    role: str | None = None  # --role: mentee or mentor
    department_column: str = "Department"
    role_column: str = "Role"

    @classmethod
    def of(cls, names: dict[str, str], **options: Any) -> SurveyOptions:
        """Options from each department's name by slug."""
        spellings = {slug: slug for slug in names}
        spellings |= {normalise(name): slug for slug, name in names.items()}
        return cls(spellings, **options)

    def slug(self, value: str) -> str | None:
        """The department a cell or ``--department`` names, by slug or name in any case."""
        text = value.strip()
        return (
            self.departments.get(text)
            or self.departments.get(normalise(text))
            or (self.departments.get(slugify(text)) if text else None)
        )


# --- Columns --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Columns:
    """Which column is which: the department's, the role's, the tool's own, or a question's."""

    department: int | None
    role: int | None
    tool: frozenset[int]
    questions: tuple[int, ...]  # every other column with a header


def columns_of(table: Table, options: SurveyOptions) -> Columns:
    """Each column sorted by its header (and, for Qualtrics, its id)."""
    names = [(normalise(h), normalise(i)) for h, i in zip(table.headers, table.ids, strict=True)]

    def named(wanted: str) -> int | None:
        key = normalise(wanted)
        return next((n for n, pair in enumerate(names) if key and key in pair), None)

    department, role = named(options.department_column), named(options.role_column)
    tool = frozenset(
        n
        for n, (header, ident) in enumerate(names)
        if {header, ident} & TOOL_COLUMNS or TOOL_PATTERN.match(table.ids[n] or table.headers[n])
    )
    rest = tuple(
        n
        for n, header in enumerate(table.headers)
        if header and n not in tool and n not in (department, role)
    )
    return Columns(department, role, tool, rest)


def matched(table: Table, columns: Columns, form: Form) -> dict[int, Question]:
    """The columns that are questions of ``form``; two columns of the same words take the
    form's questions of those words in order."""
    waiting: dict[str, list[Question]] = {}
    for question in form.questions:
        if question.type in (TEXT, BOX, CHECK, RATING, NPS, CHOICE):
            waiting.setdefault(normalise(question.text), []).append(question)
    found = {}
    for n in columns.questions:
        queue = waiting.get(normalise(table.headers[n]))
        if queue:
            found[n] = queue.pop(0)
    return found


def recognise(
    table: Table, columns: Columns, catalogue: dict[str, Form], role: str | None, hint: str
) -> tuple[Form, dict[int, Question]]:
    """The feedback form (of ``role``, if known) whose questions the columns match best."""
    scored = [
        (len(found), form, found)
        for form in catalogue.values()
        if form.kind in EVALUATED_KINDS and role in (None, form.role)
        for found in [matched(table, columns, form)]
    ]
    best = max((score for score, _, _ in scored), default=0)
    if not best:
        raise FormError(NOT_OURS)
    tied = [(form, found) for score, form, found in scored if score == best]
    if len(tied) > 1:
        labels = " and ".join(form_label(form) for form, _ in tied)
        roles = {form.role for form, _ in tied}
        advice = hint if len(roles) > 1 else "keep more of the form's questions in the export"
        msg = f"its columns fit {labels} equally well; {advice}"
        raise FormError(msg)
    return tied[0]


# --- Answers --------------------------------------------------------------------------------


def answer(question: Question, raw: str) -> str:
    """A cell as the value the form's field holds ("" for no answer); FormError if it is not
    one of the question's answers."""
    value = " ".join(raw.split())
    if not value or question.type in (TEXT, BOX):
        return value
    if question.type == CHECK:
        return "" if value.casefold() in UNTICKED else "yes"  # a tool writes the option's words
    if question.type in (RATING, NPS):
        return scale_value(question, value)
    return choice_value(question, value)


def scale_value(question: Question, value: str) -> str:
    """A rating or 0-10 answer: its number, or an end's label ("Very useful" is 5)."""
    ends = {
        normalise(question.low): question.scale[0],
        normalise(question.high): question.scale[-1],
    }
    number = LEADING_NUMBER.match(value)
    found = number.group(1) if number else ends.get(normalise(value), "")
    found = str(int(found)) if found else ""
    if found not in question.scale:
        span = f"{question.scale[0]} to {question.scale[-1]}"
        msg = f"'{value}' is not a number from {span} (or '{question.low}' / '{question.high}')"
        raise FormError(msg)
    return found


def choice_value(question: Question, value: str) -> str:
    """A choice answer: the option of the same words, or (sessions) of the same number."""
    options = {normalise(option): option for option in question.options}
    if value.casefold() in TICKED and "yes" in options:
        return options["yes"]
    if normalise(value) in options:
        return options[normalise(value)]
    number = re.search(r"\d+", value)
    if number and all(o.isdigit() for o in question.options) and number.group() in options:
        return number.group()
    msg = f"'{value}' is not one of: {', '.join(question.options)}"
    raise FormError(msg)


# --- Rows -----------------------------------------------------------------------------------


def role_of(value: str) -> str | None:
    """The role a Role cell names: "Mentor", "mentees", "Mentee (senior leader)"."""
    text = value.casefold()
    found = [role for role in ROLES if role in text]
    return found[0] if len(found) == 1 else None


class Reader:
    """One export, read row by row; the form of each department and role is recognised once."""

    def __init__(self, path: Path, table: Table, catalogues: Catalogues, options: SurveyOptions):
        self.path, self.table, self.catalogues, self.options = path, table, catalogues, options
        self.columns = columns_of(table, options)
        self.known: dict[tuple[str, str | None], tuple[Form, dict[int, Question]] | str] = {}
        self.used: set[int] = set()

    def cell(self, row: list[str], column: int | None) -> str:
        return row[column].strip() if column is not None else ""

    def department(self, row: list[str]) -> str:
        value = self.cell(row, self.columns.department)
        if value:
            slug = self.options.slug(value)
            if slug is None or slug not in self.catalogues:
                names = ", ".join(sorted(self.catalogues))
                msg = f"department '{value}' is not in the config (one of: {names})"
                raise FormError(msg)
            return slug
        if self.options.department:
            return self.options.department
        if len(self.catalogues) == 1:
            return next(iter(self.catalogues))
        column = self.options.department_column
        msg = f"no department: add a '{column}' column or give --department"
        raise FormError(msg)

    def role(self, row: list[str]) -> str | None:
        value = self.cell(row, self.columns.role)
        if not value:
            return self.options.role
        role = role_of(value)
        if role is None:
            msg = f"role '{value}' is neither mentee nor mentor"
            raise FormError(msg)
        return role

    def form(self, department: str, role: str | None) -> tuple[Form, dict[int, Question]]:
        key = (department, role)
        if key not in self.known:
            hint = f"add a '{self.options.role_column}' column or give --role"
            try:
                self.known[key] = recognise(
                    self.table, self.columns, self.catalogues[department], role, hint
                )
            except FormError as err:
                self.known[key] = str(err)
        found = self.known[key]
        if isinstance(found, str):
            raise FormError(found)
        return found

    def response(self, number: int, row: list[str]) -> Any:
        department = self.department(row)
        form, questions = self.form(department, self.role(row))
        self.used |= questions.keys()
        answers = {}
        for column, question in questions.items():
            try:
                value = answer(question, row[column])
            except FormError as err:
                msg = f"column '{self.table.headers[column]}': {err}"
                raise FormError(msg) from None
            if value:
                answers[question.field] = value
        return response_of(f"{self.path}:{number}", form, department, answers)

    def unmatched(self) -> tuple[str, ...]:
        """The headers of every column that is neither the tool's own nor a question of the
        forms read, in any department (a survey may ask some departments more)."""
        ids = {form.id for found in self.known.values() if not isinstance(found, str)
               for form in found[:1]}  # fmt: skip
        known = {
            normalise(question.text)
            for catalogue in self.catalogues.values()
            for form_id in ids
            for question in (catalogue[form_id].questions if form_id in catalogue else ())
        }
        return tuple(
            self.table.headers[n]
            for n in self.columns.questions
            if n not in self.used and normalise(self.table.headers[n]) not in known
        )


def read_survey(path: Path, catalogues: Catalogues, options: SurveyOptions) -> Collected:
    """Every row of a survey export; a row that cannot be read is skipped with its reason, and
    a reason every row shares is given once, for the file."""
    result = Collected()
    try:
        table = table_of(records(path))
    except FormError as err:
        result.skipped.append(Skipped(str(path), str(err)))
        return result
    reader = Reader(path, table, catalogues, options)
    if not any(
        matched(table, reader.columns, form)
        for catalogue in catalogues.values()
        for form in catalogue.values()
        if form.kind in EVALUATED_KINDS
    ):
        result.skipped.append(Skipped(str(path), NOT_OURS))
        return result
    failed: list[Skipped] = []
    for number, row in table.rows:
        try:
            result.responses.append(reader.response(number, row))
        except FormError as err:
            failed.append(Skipped(f"{path}:{number}", str(err)))
    reasons = {item.reason for item in failed}
    if not result.responses and len(reasons) == 1:
        rows = f"{len(failed)} row{'' if len(failed) == 1 else 's'}"
        result.skipped.append(Skipped(str(path), f"{failed[0].reason} ({rows})"))
    else:
        result.skipped += failed
    if not table.rows:
        result.skipped.append(Skipped(str(path), "no answers (only the header row)"))
    if result.responses and reader.unmatched():
        result.unmatched.append(Unmatched(str(path), reader.unmatched()))
    return result
