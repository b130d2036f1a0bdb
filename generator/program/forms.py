"""forms: every form of a department, built from the content model. Pure data, no I/O.

The content model (``config/content.yaml`` with the config's changes) says what each kind of
form asks and of whom; this module asks it of one department: its format, its focus areas, its
sessions and events. Templates draw their fields from here and ``playbook collect`` reads answers
back by the same names, so a field name, once published, must not change. Names read
``<form>-<key>``, e.g. ``end-mentee-recommend``: hyphens, not dots, because a dot in a PDF field
name means a parent/child hierarchy (PDF 32000-1 §12.7.3.2: a partial name "shall not contain a
period"), and viewers would split ``end.mentee.x`` into three nested fields. Keys use only
lower-case letters, digits and underscores, so the key is what follows the last hyphen.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.config.content import ContentSpec, FormSpec, QuestionSpec, wording
from generator.config.fields import ROLES
from generator.program.schedule import CohortEvent, Session, occasions

#: Field types, as the content model names them: a line of text, a box of text, a tick box,
#: a 1-5 scale, a 0-10 scale, one of a list of options.
TEXT, BOX, CHECK, RATING, NPS, CHOICE = "text", "box", "check", "rating", "nps", "choice"
#: The field type of the identity (kept for readers of older forms; no form asks it now).
IDENTITY = "identity"
FEEDBACK_KINDS = ("pulse", "mid", "end")
#: The kind of the sign-up forms, which belong to the program rather than to a department.
SIGNUP = "signup"
#: Kinds every person fills in on their own, one document per role.
PER_ROLE = ("goals", "self-assessment", "pulse", "mid", "end")


@dataclass(frozen=True)
class Question:
    """One fillable field: its PDF name, type, wording and (for scales) the labelled ends."""

    field: str
    type: str
    text: str
    low: str = ""
    high: str = ""
    options: tuple[str, ...] = ()
    value: str = ""  # pre-filled value (dates the plan already knows)
    topic: str = ""  # the focus area id of a question asked once per focus area
    rerate: str = ""  # the kind of form whose question of the same key this asks again

    @property
    def key(self) -> str:
        """The field name without its form prefix."""
        return self.field.rsplit("-", 1)[-1]

    @property
    def scale(self) -> tuple[str, ...]:
        """The values a rating, NPS or choice field can take."""
        if self.type == RATING:
            return tuple(str(n) for n in range(1, 6))
        if self.type == NPS:
            return tuple(str(n) for n in range(11))
        return self.options


@dataclass(frozen=True)
class Form:
    """A printable with fields: its id (``end-mentee``), kind, role and questions in order.

    ``role`` is ``mentee`` or ``mentor`` for a form each person fills in, ``pair`` or ``group``
    for one the pair or group shares, and the audience of a cohort event's notes.
    """

    id: str
    kind: str
    role: str
    title: str
    questions: tuple[Question, ...]
    session: Session | None = None  # the session an agenda is for
    event: CohortEvent | None = None  # the cohort event an agenda is for
    due: str = ""
    returned: bool = False  # it goes back to the department's return address
    minutes: int = 0  # about how long it takes to fill in
    intro: str = ""
    #: The content model's title of the kind, without the role (``End-of-program review``).
    heading: str = ""

    def __getitem__(self, key: str) -> Question:
        """The question whose field is ``<form id>-<key>``."""
        name = field_name(self.id, key)
        for question in self.questions:
            if question.field == name:
                return question
        raise KeyError(name)

    def get(self, key: str) -> Question | None:
        """The question of that key, or None when this form does not ask it."""
        try:
            return self[key]
        except KeyError:
            return None

    @property
    def fields(self) -> tuple[str, ...]:
        """Every field name, in order."""
        return tuple(q.field for q in self.questions)

    def each_area(self, key: str) -> tuple[Question, ...]:
        """The questions asked once per focus area under ``key``, in focus-area order."""
        prefix = field_name(self.id, f"{key}_")
        return tuple(q for q in self.questions if q.topic and q.field.startswith(prefix))


def agenda_id(session: Session) -> str:
    """The form id of a session's agenda: ``agenda-s03``."""
    return f"agenda-s{session.number:02d}"


def cohort_id(event: CohortEvent) -> str:
    """The form id of a cohort event's agenda: ``cohort-celebration-20270614``."""
    return f"cohort-{event.kind}-{event.date:%Y%m%d}"


def topic_key(topic_id: str) -> str:
    """A focus area's part of a field key: ``social-media`` -> ``social_media``."""
    return topic_id.replace("-", "_")


def field_name(form_id: str, key: str) -> str:
    """A field's PDF name: the form id, a hyphen, the key (see the module docstring)."""
    return f"{form_id}-{key}"


def feedback_id(kind: str, role: str) -> str:
    """The form id of a form each person fills in: ``pulse-mentee``, ``self-assessment-mentor``."""
    return f"{kind}-{role}"


#: Every feedback form id, in booklet order.
FEEDBACK_FORMS = tuple(feedback_id(kind, role) for kind in FEEDBACK_KINDS for role in ROLES)
#: The key of every form's identity field: ``<form id>-form``.
IDENTITY_KEY = "form"


def identity(form_id: str, department: str, program: str) -> str:
    """The value of a form's identity field."""
    return f"{IDENTITY_KEY}={form_id};department={department};program={program}"


def parse_identity(value: str) -> dict[str, str]:
    """``form=end-mentee;department=sales;program=x`` as a dict; {} if it is not one."""
    parts = [part.partition("=") for part in value.split(";")]
    if not all(sep for _, sep, _ in parts):
        return {}
    return {key.strip(): item.strip() for key, _, item in parts}


def identity_form_id(name: str) -> str | None:
    """The form id if ``name`` is an identity field's name (``end-mentee-form``), else None."""
    suffix = f"-{IDENTITY_KEY}"
    return name.removesuffix(suffix) if name.endswith(suffix) else None


@dataclass(frozen=True)
class Setting:
    """What a department's forms depend on, besides the content model."""

    program_name: str
    format: str
    topics: tuple[tuple[str, str], ...]  # (id, title) of each focus area
    schedule: tuple[Session, ...]
    extra: tuple[str, ...] = ()
    events: tuple[CohortEvent, ...] = ()
    #: values the plan knows, by the content model's ``fill`` name (cadence, last-session)
    fills: dict[str, str] = field(default_factory=dict)
    #: (id, title) of every skill a sign-up form offers (``each: skill``)
    skills: tuple[tuple[str, str], ...] = ()
    #: the department names a sign-up form offers (``fill: departments``)
    departments: tuple[str, ...] = ()


def questions(spec: FormSpec, form_id: str, role: str | None, setting: Setting) -> list[Question]:
    """The questions of one form, asked of ``role`` (None: shared) in this setting."""
    found: list[Question] = []
    for question in spec.questions:
        if setting.format not in question.formats:
            continue
        text = wording(question.text, role, setting.format)
        if text is None:
            continue
        text = text.replace("{program}", setting.program_name)
        found.extend(_expand(question, form_id, text, setting, spec.due))
    return found


def _expand(
    spec: QuestionSpec, form_id: str, text: str, setting: Setting, due: str
) -> Iterator[Question]:
    """One question, or one per focus area (``each``) or per number (``repeat``)."""
    options: tuple[str, ...] = tuple(spec.options)
    if spec.fill == "sessions":  # the sessions this form is filled in after
        options = tuple(str(s.number) for s in occasions(due, setting.schedule) if s)
    elif spec.fill == "departments":
        options = setting.departments
    value = setting.fills.get(spec.fill or "", "")
    common = {
        "type": spec.type,
        "low": spec.low,
        "high": spec.high,
        "options": options,
        "value": value,
        "rerate": spec.rerate or "",
    }
    if spec.each:
        for topic_id, title in setting.skills if spec.each == "skill" else setting.topics:
            key = f"{spec.key}_{topic_key(topic_id)}"
            yield Question(field_name(form_id, key), text=text.replace("{topic}", title),
                           topic=topic_id, **common)  # type: ignore[arg-type]  # fmt: skip
    elif spec.repeat:
        for number in range(1, spec.repeat + 1):
            key = f"{spec.key}_{number}"
            yield Question(field_name(form_id, key), text=text.replace("{n}", str(number)),
                           **common)  # type: ignore[arg-type]  # fmt: skip
    else:
        yield Question(field_name(form_id, spec.key), text=text, **common)  # type: ignore[arg-type]


def _extras(form_id: str, extra: tuple[str, ...]) -> list[Question]:
    """A department's own questions, added to each feedback form as boxes."""
    return [
        Question(field_name(form_id, f"extra_{number:02d}"), BOX, text)
        for number, text in enumerate(extra, start=1)
    ]


def _make(spec: FormSpec, form_id: str, role: str | None, setting: Setting, **at: object) -> Form:
    asked = questions(spec, form_id, role, setting)
    if spec.kind in FEEDBACK_KINDS:
        asked += _extras(form_id, setting.extra)
    title = wording(spec.title, role, setting.format) or spec.kind
    intro = wording(spec.intro, role, setting.format) or ""
    shared = "group" if setting.format == "group" else "pair"
    return Form(
        id=form_id,
        kind=spec.kind,
        role=role or str(at.pop("audience", shared)),
        title=f"{title}: {role}" if role else title,
        questions=tuple(asked),
        due=spec.due,
        returned=spec.returned,
        minutes=spec.minutes,
        intro=intro.replace("{program}", setting.program_name),
        heading=title,
        **at,  # type: ignore[arg-type]
    )


def catalogue(content: ContentSpec, setting: Setting) -> dict[str, Form]:
    """Every form of one department, by form id, in booklet order."""
    forms: dict[str, Form] = {}
    for spec in content.forms:
        if spec.kind == SIGNUP:
            continue  # the program's, not a department's: see ``signup_forms``
        if spec.kind in PER_ROLE:
            for role in ROLES:
                form_id = feedback_id(spec.kind, role)
                forms[form_id] = _make(spec, form_id, role, setting)
        elif spec.kind == "agenda":
            for session in setting.schedule:
                form = _make(spec, agenda_id(session), None, setting, session=session)
                forms[form.id] = Form(**{**form.__dict__, "title": session.title})
        elif spec.kind == "cohort":
            for event in setting.events:
                audience = event.audience.lower()
                form = _make(spec, cohort_id(event), None, setting, event=event, audience=audience)
                forms[form.id] = Form(**{**form.__dict__, "title": event.title})
        else:
            forms[spec.kind] = _make(spec, spec.kind, None, setting)
    return forms


def signup_forms(content: ContentSpec, setting: Setting) -> dict[str, Form]:
    """The program's sign-up forms, one per role (``signup-mentor``, ``signup-mentee``), asked
    before any department's program starts, so ``setting`` is the program's: every department
    and every skill on offer."""
    spec = content.form(SIGNUP)
    return {
        feedback_id(SIGNUP, role): _make(spec, feedback_id(SIGNUP, role), role, setting)
        for role in ROLES
    }


def field_names(forms: dict[str, Form]) -> list[str]:
    """All field names of a catalogue, in order; unique by construction (tests check it)."""
    return [name for form in forms.values() for name in form.fields]
