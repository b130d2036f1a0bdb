"""signup: returned sign-up forms (filled PDFs, or a survey tool's export) read as ``SignUp``
records, for the roster ``recruitment`` writes.

A sign-up PDF is known as a feedback form is, by what it carries: its document properties name
the program and, in place of a department, ``sign-up`` (:mod:`generator.program.signup`); its
field names name the role's form. A survey export is known by its columns, the sign-up form's
question texts (``playbook forms export`` writes them), matched as ``survey`` matches a feedback
form's. Files that are neither are left to the evaluation, which reads the rest.

Reads files, writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader

from generator.evaluation.collect import (
    FormError,
    Skipped,
    answers_of,
    find_files,
    forms_in,
    pdf_fields,
    pdf_identity_of,
)
from generator.evaluation.survey import SurveyOptions, answer, columns_of, matched
from generator.evaluation.survey_table import records, table_of
from generator.pairing.packets import quiet_pypdf
from generator.program.forms import Form
from generator.program.signup import SIGNUP_DIR

#: The share of a sign-up form's own questions (its skills aside) an export's columns must
#: match to be read as that form.
MIN_SHARE = 0.5


@dataclass(frozen=True)
class SignUp:
    """One person's sign-up: where it came from, the form (so the role), answers by key."""

    source: str
    form: Form
    answers: dict[str, str]

    @property
    def role(self) -> str:
        """mentor or mentee."""
        return self.form.role

    def get(self, key: str) -> str:
        """The answer to the question of that key ("" if unanswered or not asked)."""
        return self.answers.get(key, "")

    @property
    def email(self) -> str:
        """The e-mail, as a key: case and spaces set aside."""
        return self.get("email").strip().casefold()

    def ticked(self) -> list[str]:
        """The focus-area ids of the skills ticked, in the form's order."""
        return [q.topic for q in self.form.questions if q.topic and self.get(q.key) == "yes"]


@dataclass
class SignUps:
    """Every sign-up read, the sign-up files that could not be, and every file recognised."""

    people: list[SignUp] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)


def _by_key(form: Form, answers: dict[str, str]) -> dict[str, str]:
    return {name.removeprefix(f"{form.id}-"): value for name, value in answers.items()}


def read_signup_pdf(path: Path, forms: dict[str, Form], program: str) -> SignUp | None:
    """A sign-up PDF's answers; None when the file is not a sign-up form (or not a PDF we can
    read: the evaluation says why). FormError when it is one but cannot be used."""
    try:
        with quiet_pypdf():
            reader = PdfReader(path)
            fields = pdf_fields(reader)
            identity = pdf_identity_of(reader, fields)
    except Exception:  # noqa: BLE001 - any damage: the evaluation's reading names it
        return None
    if identity.get("department") != SIGNUP_DIR:
        return None
    if identity.get("program") != program:
        msg = f"a sign-up form of program '{identity.get('program', '')}', not '{program}'"
        raise FormError(msg)
    found = forms_in(fields, forms)
    if len(found) != 1:
        msg = "a sign-up form of an older config (its fields are not this program's)"
        raise FormError(msg)
    answers = answers_of(found[0], fields)
    if not answers:
        msg = "unfilled (no answers)"
        raise FormError(msg)
    return SignUp(str(path), found[0], _by_key(found[0], answers))


def _own_questions(form: Form) -> int:
    return sum(1 for question in form.questions if not question.topic)


def read_signup_table(path: Path, forms: dict[str, Form]) -> list[SignUp | Skipped] | None:
    """A survey export of a sign-up form, row by row; None when its columns are not one."""
    try:
        table = table_of(records(path))
    except FormError:
        return None
    columns = columns_of(table, SurveyOptions({}))
    scored = [(len(found), form, found) for form in forms.values()
              for found in [matched(table, columns, form)]]  # fmt: skip
    score, form, found = max(scored, key=lambda item: item[0])
    if score < MIN_SHARE * _own_questions(form):
        return None
    rows: list[SignUp | Skipped] = []
    for number, row in table.rows:
        source = f"{path}:{number}"
        try:
            answers = {q.key: answer(q, row[n]) for n, q in found.items()}
        except FormError as err:
            rows.append(Skipped(source, str(err)))
            continue
        answers = {key: value for key, value in answers.items() if value}
        if answers:
            rows.append(SignUp(source, form, answers))
    return rows


def read_signups(paths: Iterable[Path], forms: dict[str, Form], program: str) -> SignUps:
    """Every sign-up under ``paths``, in file order (a survey export's rows in its order)."""
    result = SignUps()
    for path in find_files(paths):
        if isinstance(path, Skipped):
            continue  # the evaluation lists it
        try:
            if path.suffix.lower() == ".pdf":
                found: list[SignUp | Skipped] | SignUp | None = read_signup_pdf(
                    path, forms, program
                )
            else:
                found = read_signup_table(path, forms)
        except FormError as err:
            result.sources.add(str(path))
            result.skipped.append(Skipped(str(path), str(err)))
            continue
        except OSError:
            continue  # the evaluation lists it
        if found is None:
            continue
        result.sources.add(str(path))
        for item in found if isinstance(found, list) else [found]:
            if isinstance(item, SignUp):
                result.people.append(item)
            else:
                result.skipped.append(item)
    return result
