"""survey_forms: each form we evaluate as text a lead pastes into a survey tool, so that the
tool's export comes back with our questions as its columns (``survey`` reads it). Pure
functions, no I/O.

One text per form and role (one survey each), worded exactly as the content model words it.
Departments may ask a form a little differently (their own focus areas and extra questions, a
group-format department's wording, their number of sessions): the text holds every department's
questions once, and marks those only some departments ask, so the survey can show them to
those departments only. A form asked of both roles in the same words becomes one text with a
Role question.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.evaluation.collect import EVALUATED_KINDS, Catalogues
from generator.program.forms import BOX, CHECK, CHOICE, NPS, RATING, TEXT, Form, Question
from generator.program.labels import form_label

#: The question types a survey asks (an identity field is not one).
ASKED = (TEXT, BOX, CHECK, RATING, NPS, CHOICE)


@dataclass
class Asked:
    """One question of a survey: its first wording seen, the departments that ask it, and
    every option any of them offers (the sessions differ by department)."""

    question: Question
    departments: list[str]
    options: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SurveyForm:
    """One text to paste: a form of one kind, for one role or both."""

    name: str  # the file name without .txt: the form id, or the kind for both roles
    form: Form  # the first department's, for its title
    departments: tuple[str, ...]  # names of the departments that use it
    questions: tuple[Asked, ...]
    both_roles: bool = False


def survey_form(form_id: str, catalogues: Catalogues, names: dict[str, str]) -> SurveyForm:
    """A form as every department asks it: each wording once, in the order first asked."""
    asked: dict[str, Asked] = {}
    using = [slug for slug, catalogue in catalogues.items() if form_id in catalogue]
    for slug in using:
        for question in catalogues[slug][form_id].questions:
            if question.type not in ASKED:
                continue
            entry = asked.setdefault(question.text, Asked(question, []))
            entry.departments.append(names[slug])
            entry.options += [o for o in question.options if o not in entry.options]
    form = catalogues[using[0]][form_id]
    everyone = tuple(names[slug] for slug in using)
    return SurveyForm(form_id, form, everyone, tuple(asked.values()))


def wording(item: SurveyForm) -> tuple:
    """What a survey asks, word for word: every question's text, type, answers and askers."""
    return tuple(
        (a.question.text, a.question.type, tuple(a.options), a.question.low, a.question.high,
         tuple(a.departments))
        for a in item.questions
    )  # fmt: skip


def survey_forms(catalogues: Catalogues, names: dict[str, str]) -> list[SurveyForm]:
    """Every text to write, in form order; ``names`` is each department's name by slug."""
    ids: dict[str, None] = {}
    for catalogue in catalogues.values():
        ids.update((f.id, None) for f in catalogue.values() if f.kind in EVALUATED_KINDS)
    result: list[SurveyForm] = []
    for form_id in ids:
        item = survey_form(form_id, catalogues, names)
        twin = next((n for n, other in enumerate(result) if is_twin(other, item)), None)
        if twin is None:
            result.append(item)
        else:
            other = result[twin]
            result[twin] = SurveyForm(
                other.form.kind, other.form, other.departments, other.questions, both_roles=True
            )
    return result


def is_twin(one: SurveyForm, other: SurveyForm) -> bool:
    """The same kind of form, asked of the other role in the same words."""
    same_kind = one.form.kind == other.form.kind and one.form.role != other.form.role
    return same_kind and one.departments == other.departments and wording(one) == wording(other)


def kind_of_answer(question: Question, options: list[str]) -> str:
    """How the survey should ask for the answer, in the survey tools' own terms."""
    if question.type in (RATING, NPS):
        low, high = question.scale[0], question.scale[-1]
        return (
            f"rating from {low} to {high} ({low} = {question.low}, {high} = {question.high}); "
            "the export may give the number or a label starting with it"
        )
    if question.type == CHOICE:
        return "choice, one answer: " + " / ".join(options)
    return {TEXT: "short text", BOX: "long text", CHECK: "yes / no"}.get(question.type, "text")


def survey_text(item: SurveyForm, department_column: str, role_column: str) -> str:
    """The text of one form: how to use it, the Department (and Role) question, then every
    question, numbered, with its type and answers."""
    title = form_label(item.form)
    if item.both_roles:
        title = item.form.heading or item.form.title
    lines = [
        title,
        "=" * len(title),
        f"For: {', '.join(item.departments)}",
        "",
        "Copy each question into the survey tool word for word (the number in front is not "
        "needed). `playbook collect` reads the tool's export (CSV or XLSX) by matching its "
        "column headers to these questions; a column it does not know is listed, not read. "
        "Show a question marked 'only for' to those departments only (the survey tool's "
        "branching on the Department question).",
        "",
        f'{department_column}: a first question titled exactly "{department_column}", '
        f"choice, one answer: {' / '.join(item.departments)}. (Or leave it out and run "
        "`playbook collect --department NAME` on the export.)",
    ]
    if item.both_roles:
        lines.append(
            f'{role_column}: a question titled exactly "{role_column}", choice, one answer: '
            "mentee / mentor. (Or one survey per role and `playbook collect --role`.)"
        )
    lines.append("")
    for number, asked in enumerate(item.questions, start=1):
        lines += [f"{number}. {asked.question.text}"]
        lines += [f"   {kind_of_answer(asked.question, asked.options)}"]
        if len(asked.departments) < len(item.departments):
            lines += [f"   only for: {', '.join(asked.departments)}"]
        lines += [""]
    return "\n".join(lines)


def signup_text(form: Form) -> str:
    """A sign-up form as text to paste: how to use it, then every question, numbered, with its
    type and answers. Its department is a question of its own, not the survey's branching."""
    lines = [
        form.title,
        "=" * len(form.title),
        "",
        "Copy each question into the survey tool word for word (the number in front is not "
        "needed). `playbook collect` reads the tool's export (CSV or XLSX) by matching its "
        "column headers to these questions.",
        "",
    ]
    for number, question in enumerate(form.questions, start=1):
        lines += [
            f"{number}. {question.text}",
            f"   {kind_of_answer(question, list(question.options))}",
            "",
        ]
    return "\n".join(lines)
