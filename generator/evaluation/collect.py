"""collect: filled feedback forms and self-assessments (PDF or a survey tool's CSV export) to
Response records.

Forms are recognised by what they carry, never by their file names, so files may arrive in any
folder structure:

- a PDF's document properties name its department and program (``/playbook``, written by the
  build: :mod:`generator.program.pdfinfo`), and its field names name its forms, since every field
  name starts with its form id (``end-mentee-q05_nps``). So one reading serves a single form and
  a booklet that binds all of a department's forms: every feedback form in it with answers is a
  response of its own (source ``booklet.pdf#end-mentee``). A PDF built before the properties held
  this shows a visible identity field (``<form>-form``) instead, which is still read.
- a CSV export has no document properties, so its rows name their form, department and program
  in an identity column, ``end-mentor-form`` = ``form=end-mentor;department=sales;program=x``,
  which the survey fills in as a hidden or pre-set answer.
- a survey tool's export (CSV or XLSX) without that column, whose columns are the question
  texts, is read by :mod:`generator.evaluation.survey`.

The forms read are the feedback forms (pulse, mid-point, end) and the self-assessment, which
the end form rates again so that ``change`` can compare a person's start and end. Anything else
(a goal worksheet, an agreement, a file that is not ours) becomes a ``Skipped`` record with the
reason; one bad file never stops the others.

Reads files, writes nothing.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pypdf import PdfReader

from generator.config.fields import ROLES
from generator.pairing.packets import quiet_pypdf
from generator.program.forms import (
    BOX,
    CHECK,
    FEEDBACK_KINDS,
    IDENTITY_KEY,
    TEXT,
    Form,
    feedback_id,
    field_name,
    identity_form_id,
    parse_identity,
)
from generator.program.labels import form_label, kind_noun, with_article
from generator.program.pdfinfo import INFO_KEY, parse_pdf_identity

if TYPE_CHECKING:
    from generator.evaluation.survey import SurveyOptions

log = logging.getLogger(__name__)

#: The kinds of form read: the feedback forms, and the self-assessment the end form rates again.
EVALUATED_KINDS = ("self-assessment", *FEEDBACK_KINDS)
#: Every form id read, in the order they are filled in.
EVALUATED_FORMS = tuple(feedback_id(kind, role) for kind in EVALUATED_KINDS for role in ROLES)

#: Department slug -> form id -> Form: the question catalogue of every department.
Catalogues = dict[str, dict[str, Form]]
SUFFIXES = (".pdf", ".csv", ".xlsx")
RADIO_FLAG = 1 << 15  # PDF 32000-1 table 226: bit 16 of /Ff marks a radio button group
TICKED = {"/on", "on", "yes", "y", "true", "1", "x", "/yes"}
UNTICKED = {"", "/off", "off", "no", "n", "false", "0"}


@dataclass(frozen=True)
class Response:
    """One returned form: where it came from, which form, and its answers."""

    source: str
    form: Form
    department: str
    session: str = ""
    answers: dict[str, str] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        """self-assessment, pulse, mid or end."""
        return self.form.kind

    @property
    def role(self) -> str:
        """mentor or mentee."""
        return self.form.role


@dataclass(frozen=True)
class Skipped:
    """A file (or CSV row) that was not read, and why."""

    source: str
    reason: str


@dataclass(frozen=True)
class Unmatched:
    """A survey export's columns that are neither a question of its form nor the tool's own."""

    source: str
    columns: tuple[str, ...]


@dataclass
class Collected:
    """Everything read from the files given, in file order."""

    responses: list[Response] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)

    def add(self, other: Collected) -> None:
        """Take in what another reading found."""
        self.responses += other.responses
        self.skipped += other.skipped
        self.unmatched += other.unmatched


class FormError(Exception):
    """Why a file or row cannot be read as one of our feedback forms."""


# --- Finding files --------------------------------------------------------------------------


def find_files(paths: Iterable[Path]) -> Iterator[Path | Skipped]:
    """Each PDF and CSV named, or found (recursively) in a folder named, in sorted order."""
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
            yield from (p for p in found if p.is_file())
        elif path.is_file():
            yield path
        else:
            yield Skipped(str(path), "no such file or folder")


# --- Recognising a form ---------------------------------------------------------------------


def identity_of(fields: dict[str, str]) -> dict[str, str]:
    """The identity of a set of fields: the value of the one field named ``<form>-form``."""
    for name, value in fields.items():
        form_id = identity_form_id(name)
        if form_id is not None:
            identity = parse_identity(value)
            if identity.get(IDENTITY_KEY) == form_id:
                return identity
    msg = "not a playbook feedback form (no identity field)"
    raise FormError(msg)


def department_of(identity: dict[str, str], catalogues: Catalogues, program: str) -> str:
    """The department an identity names, if it is one of this program's."""
    department = identity.get("department", "")
    if identity.get("program") != program:
        msg = f"belongs to program '{identity.get('program', '')}', not '{program}'"
        raise FormError(msg)
    if department not in catalogues:
        msg = f"department '{department}' is not in the config"
        raise FormError(msg)
    return department


def evaluated_only(form: Form) -> Form:
    """``form`` if it is a feedback form or a self-assessment, else why it is not evaluated."""
    if form.kind not in EVALUATED_KINDS:
        msg = f"'{form_label(form)}' is {with_article(kind_noun(form))}, not a feedback form"
        raise FormError(msg)
    return form


def recognise(identity: dict[str, str], catalogues: Catalogues, program: str) -> Form:
    """The catalogue form an identity names, or why it is not one we evaluate."""
    department = department_of(identity, catalogues, program)
    form_id = identity.get(IDENTITY_KEY, "")
    form = catalogues[department].get(form_id)
    if form is None:
        msg = f"form '{form_id}' is not in the {department} catalogue"
        raise FormError(msg)
    return evaluated_only(form)


def answers_of(form: Form, raw: dict[str, str]) -> dict[str, str]:
    """The form's answered fields (maybe none), values checked against each question's scale."""
    answers = {}
    for question in form.questions:
        if question.field == field_name(form.id, IDENTITY_KEY):
            continue  # a CSV export's identity column, or an old PDF's identity field
        value = str(raw.get(question.field) or "").strip()
        if question.type == CHECK:
            if value.casefold() not in TICKED | UNTICKED:
                msg = f"{question.field}: '{value}' is not a tick (yes/no)"
                raise FormError(msg)
            value = "yes" if value.casefold() in TICKED else ""
        elif question.type not in (TEXT, BOX) and value and value not in question.scale:
            msg = f"{question.field}: '{value}' is not one of {', '.join(question.scale)}"
            raise FormError(msg)
        if value:
            answers[question.field] = value
    return answers


def response_of(source: str, form: Form, department: str, answers: dict[str, str]) -> Response:
    """A Response from checked answers; a pulse form's session is one of them."""
    if not answers:
        msg = "unfilled (no answers)"
        raise FormError(msg)
    session = answers.get(field_name(form.id, "session"), "")
    return Response(source, form, department, session, answers)


def response(source: str, fields: dict[str, str], catalogues: Catalogues, program: str) -> Response:
    """One Response from a CSV row's fields, named by its identity column."""
    identity = identity_of(fields)
    form = recognise(identity, catalogues, program)
    return response_of(source, form, identity["department"], answers_of(form, fields))


# --- PDF ------------------------------------------------------------------------------------


def pdf_fields(source: Path | PdfReader) -> dict[str, str]:
    """Top-level form fields of a PDF by name; a radio group reads as its chosen option.

    WeasyPrint 70 lists each radio button both as a kid of its group and as a field of its own
    under the group's name, so fields with a /Parent are skipped. A chosen button's state is
    its index into the group's /Opt list (``/3`` is the fourth option).
    """
    with quiet_pypdf():
        reader = source if isinstance(source, PdfReader) else PdfReader(source)
        root: Any = reader.trailer["/Root"]
        if "/AcroForm" not in root:
            msg = "not a playbook feedback form (no form fields)"
            raise FormError(msg)
        refs = root["/AcroForm"].get_object().get("/Fields", [])
        fields = (ref.get_object() for ref in refs)
        return {str(f["/T"]): _field_value(f) for f in fields if "/Parent" not in f and "/T" in f}


def _field_value(field: Any) -> str:
    if field.get("/FT") != "/Btn":
        value = field.get("/V", "")
        return value if isinstance(value, str) else ""
    state = str(field.get("/V", "/Off"))
    if state == "/Off" and "/Kids" in field:
        kids = [str(kid.get_object().get("/AS", "/Off")) for kid in field["/Kids"]]
        state = next((kid for kid in kids if kid != "/Off"), "/Off")
    if not int(field.get("/Ff", 0)) & RADIO_FLAG:
        return state  # a checkbox: its on-state name, or /Off
    if state == "/Off":
        return ""
    options = [str(option) for option in field.get("/Opt", [])]
    index = state.removeprefix("/")
    if index.isdigit() and int(index) < len(options):
        return options[int(index)]
    return index


def pdf_identity_of(reader: PdfReader, fields: dict[str, str]) -> dict[str, str]:
    """The department and program a PDF's document properties name (``/playbook``).

    A PDF built before they did carries a visible identity field instead; a file saved in a way
    that dropped its properties (printed to PDF, merged into another file) carries neither.
    """
    info = reader.metadata
    value = info.get(INFO_KEY) if info is not None else None
    identity = parse_pdf_identity(str(value)) if isinstance(value, str) else {}
    if identity:
        return identity
    try:
        return identity_of(fields)
    except FormError:
        msg = "not a playbook form (no department and program in its document properties)"
        raise FormError(msg) from None


def forms_in(fields: dict[str, str], catalogue: dict[str, Form]) -> list[Form]:
    """The catalogue's forms that have a field in ``fields``, in catalogue order."""
    return [form for form in catalogue.values() if any(name in fields for name in form.fields)]


def pdf_responses(
    source: str,
    fields: dict[str, str],
    identity: dict[str, str],
    catalogues: Catalogues,
    program: str,
) -> Collected:
    """A response for each answered form we evaluate in a PDF: one form, or a whole booklet.

    A booklet holds every feedback form of its department and a participant fills in one or
    two, so its unanswered forms are passed over; only a PDF with no answers at all is skipped.
    """
    department = department_of(identity, catalogues, program)
    forms = forms_in(fields, catalogues[department])
    if not forms:
        msg = f"no field of any {department} form (a form of an older config?)"
        raise FormError(msg)
    if len(forms) == 1:
        form = evaluated_only(forms[0])
        return Collected([response_of(source, form, department, answers_of(form, fields))])
    result = Collected()
    for form in (form for form in forms if form.kind in EVALUATED_KINDS):
        try:
            answers = answers_of(form, fields)
        except FormError as err:
            result.skipped.append(Skipped(f"{source}#{form.id}", str(err)))
            continue
        if answers:
            result.responses.append(response_of(f"{source}#{form.id}", form, department, answers))
    if not result.responses and not result.skipped:
        msg = "unfilled (no answers in any of its feedback forms)"
        raise FormError(msg)
    return result


def read_pdf(path: Path, catalogues: Catalogues, program: str) -> Collected:
    """The responses in one filled PDF; FormError says why it holds none we can read."""
    if not path.read_bytes()[-1024:].rstrip().endswith(b"%%EOF"):
        # pypdf can rebuild a cut-off file's cross-reference table and read half a form as if
        # it were whole; a file without its end marker is damaged, whatever it still holds.
        msg = "not a complete PDF (the file may be cut short or still downloading)"
        raise FormError(msg)
    try:
        with quiet_pypdf():
            reader = PdfReader(path)
            fields = pdf_fields(reader)
            identity = pdf_identity_of(reader, fields)
    except FormError:
        raise
    except Exception as err:  # a damaged file can make pypdf raise almost anything
        msg = f"not a readable PDF (damaged: {type(err).__name__})"
        raise FormError(msg) from err
    return pdf_responses(str(path), fields, identity, catalogues, program)


# --- CSV ------------------------------------------------------------------------------------


def csv_rows(text: str) -> list[dict[str, str]]:
    """A survey export's rows; the delimiter (comma, semicolon or tab) is sniffed."""
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.DictReader(io.StringIO(text), dialect=dialect))


def read_csv(path: Path, catalogues: Catalogues, program: str, survey: SurveyOptions) -> Collected:
    """Every row of a CSV export with field names as columns; bad rows are skipped. An export
    without an identity column is a survey tool's, with question texts as columns."""
    from generator.evaluation.survey import read_survey  # it builds on this module

    result = Collected()
    try:
        rows = csv_rows(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, csv.Error):
        return read_survey(path, catalogues, survey)  # which says why, or reads UTF-16
    if not rows or not any(identity_form_id(str(name)) for name in rows[0]):
        return read_survey(path, catalogues, survey)
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
            continue
        source = f"{path}:{number}"
        fields = {str(k): v for k, v in row.items() if isinstance(v, str) and k is not None}
        try:
            result.responses.append(response(source, fields, catalogues, program))
        except FormError as err:
            result.skipped.append(Skipped(source, str(err)))
    return result


# --- Everything -----------------------------------------------------------------------------


def collect(
    paths: Iterable[Path],
    catalogues: Catalogues,
    program: str,
    survey: SurveyOptions | None = None,
) -> Collected:
    """Read every form under ``paths``; what cannot be read is listed, never fatal.

    ``survey`` says where a survey export's department and role come from (default: a
    Department and a Role column, departments by slug).
    """
    from generator.evaluation.survey import SurveyOptions, read_survey

    survey = survey or SurveyOptions({slug: slug for slug in catalogues})
    result = Collected()
    for path in find_files(paths):
        if isinstance(path, Skipped):
            result.skipped.append(path)
            continue
        suffix = path.suffix.lower()
        try:
            if suffix == ".csv":
                result.add(read_csv(path, catalogues, program, survey))
            elif suffix == ".xlsx":
                result.add(read_survey(path, catalogues, survey))
            else:
                result.add(read_pdf(path, catalogues, program))
        except FormError as err:
            result.skipped.append(Skipped(str(path), str(err)))
        except OSError as err:
            result.skipped.append(Skipped(str(path), f"cannot read: {err.strerror}"))
    log.info("Read %d responses, skipped %d", len(result.responses), len(result.skipped))
    return result
