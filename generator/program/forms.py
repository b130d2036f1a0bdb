"""forms: the catalogue of every fillable field of every printable. Pure data, no I/O.

Templates draw their fields from here and ``playbook collect`` will read answers back by the
same names, so a field name, once published, must not change. Names read
``<form>-<key>``, e.g. ``end-mentee-q05_nps``: hyphens, not dots, because a dot in a PDF field
name means a parent/child hierarchy (PDF 32000-1 §12.7.3.2: a partial name "shall not contain a
period"), and viewers would split ``end.mentee.q05`` into three nested fields.

Each form also carries an identity field, ``<form>-form``, whose value names the form kind, role,
department and program (``form=end-mentee;department=sales;program=mentor-up``), so a filled PDF
can be recognised without trusting its file name.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.config.fields import ROLES
from generator.program.schedule import CohortEvent, Session

#: Field types: a line of text, a box of text, a tick box, 1-5 scale, 0-10 scale, one of options.
TEXT, BOX, CHECK, RATING, NPS, CHOICE, IDENTITY = (
    "text",
    "textarea",
    "checkbox",
    "rating",
    "nps",
    "choice",
    "identity",
)
FEEDBACK_KINDS = ("pulse", "mid", "end")
PAIR_FIT = ("good fit", "still deciding", "not a good fit")
SUFFIX = {BOX: "text"}  # a box or a line is text to whoever reads the answers


@dataclass(frozen=True)
class Question:
    """One fillable field: its PDF name, type, wording and (for scales) the labelled ends."""

    field: str
    type: str
    text: str
    low: str = ""
    high: str = ""
    options: tuple[str, ...] = ()
    value: str = ""  # pre-filled value (identity, dates the plan already knows)

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
    """A printable with fields: its id (``end-mentee``), kind, role and questions in order."""

    id: str
    kind: str
    role: str
    title: str
    questions: tuple[Question, ...]
    session: Session | None = None  # the session an agenda is for
    event: CohortEvent | None = None  # the cohort event an agenda is for

    def __getitem__(self, key: str) -> Question:
        """The question whose field is ``<form id>-<key>``."""
        name = field_name(self.id, key)
        for question in self.questions:
            if question.field == name:
                return question
        raise KeyError(name)

    @property
    def fields(self) -> tuple[str, ...]:
        """Every field name, identity first."""
        return tuple(q.field for q in self.questions)


class _Builder:
    """Collects questions for one form, numbering the unnamed ones q01, q02, ..."""

    def __init__(self, form_id: str, identity: str) -> None:
        self.form_id = form_id
        identity_field = field_name(form_id, IDENTITY_KEY)
        self.questions = [Question(identity_field, IDENTITY, "Form", value=identity)]
        self.number = 0

    def add(self, kind: str, text: str, key: str = "", **extra: object) -> None:
        if not key:
            self.number += 1
            key = f"q{self.number:02d}_{SUFFIX.get(kind, kind)}"
        question = Question(field_name(self.form_id, key), kind, text, **extra)  # type: ignore[arg-type]
        self.questions.append(question)


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
    """The form id of a feedback form: ``pulse-mentee``, ``end-mentor``."""
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


def _rating(b: _Builder, text: str, low: str, high: str, key: str = "") -> None:
    b.add(RATING, text, key, low=low, high=high)


def goals_mentee(b: _Builder, topics: list[tuple[str, str]]) -> None:
    """The senior's goal worksheet: focus areas, why, what success looks like, a SMART goal."""
    b.add(TEXT, "Your name", "name")
    for topic_id, title in topics:
        key = topic_key(topic_id)
        b.add(CHECK, title, f"skill_{key}")
        b.add(BOX, f"Why {title} matters to you", f"why_{key}")
        b.add(BOX, "What success looks like", f"success_{key}")
    for part, text in SMART:
        b.add(BOX, text, f"smart_{part}")


SMART = (
    ("specific", "Specific: what exactly will you be able to do?"),
    ("measurable", "Measurable: how will you and your mentor know?"),
    ("achievable", "Achievable: what makes it realistic in this program?"),
    ("relevant", "Relevant: why it matters for your role"),
    ("timebound", "Time-bound: by when?"),
)
FEEDBACK_STYLES = (
    ("in_the_moment", "In the moment, as things come up"),
    ("end_of_session", "At the end of each session"),
    ("written", "In writing, after the session"),
    ("ask_first", "Only when I have asked for it"),
)


def goals_mentor(b: _Builder, topics: list[tuple[str, str]]) -> None:
    """The junior's worksheet: what they can teach, what they want back, how they give feedback."""
    b.add(TEXT, "Your name", "name")
    for topic_id, title in topics:
        b.add(CHECK, title, f"teach_{topic_key(topic_id)}")
    b.add(BOX, "Other things I do every day that my mentee may not", "teach_other")
    b.add(BOX, "What I want to learn from my mentee in return", "learn")
    for style, text in FEEDBACK_STYLES:
        b.add(CHECK, text, f"feedback_{style}")
    b.add(BOX, "Anything else about how I like to give and receive feedback", "feedback_notes")


def self_assessment(b: _Builder, topics: list[tuple[str, str]]) -> None:
    """The mentee's start-of-program confidence in each focus area."""
    b.add(TEXT, "Your name", "name")
    b.add(TEXT, "Date", "date")
    for topic_id, title in topics:
        key = topic_key(topic_id)
        _rating(b, title, "Not confident", "Very confident", f"confidence_{key}")
        b.add(TEXT, f"An example: {title}", f"example_{key}")


MAX_GOALS = 3
MODES = (("in_person", "In person"), ("video", "Video call"), ("phone", "Phone"))


def agreement(b: _Builder, cadence: str, end: str) -> None:
    """The pair's mentoring agreement; cadence and end date come pre-filled from the plan."""
    b.add(TEXT, "Mentee", "mentee_name")
    b.add(TEXT, "Mentor", "mentor_name")
    for number in range(1, MAX_GOALS + 1):
        b.add(TEXT, f"Goal {number}", f"goal_{number}")
    b.add(TEXT, "We meet", "cadence", value=cadence)
    for mode, text in MODES:
        b.add(CHECK, text, f"mode_{mode}")
    b.add(TEXT, "Where we meet", "where")
    b.add(TEXT, "We reply to each other's messages within", "response_time")
    b.add(BOX, "If one of us needs to cancel", "cancel")
    b.add(BOX, "How we give each other feedback", "feedback")
    b.add(BOX, "Off-limits: topics we agree not to discuss", "off_limits")
    b.add(TEXT, "Our last session", "end_date", value=end)
    for role in ROLES:
        b.add(TEXT, f"{role.title()} signature", f"{role}_signature")
        b.add(TEXT, "Date", f"{role}_date")


def cohort_notes(b: _Builder) -> None:
    """A cohort event's agenda: room for notes and one thing to try."""
    b.add(BOX, "Notes", "notes")
    b.add(TEXT, "One thing I will try", "try")


def agenda(b: _Builder) -> None:
    """A session agenda: notes and each partner's action."""
    b.add(BOX, "Notes", "notes")
    b.add(TEXT, "Mentee's action", "mentee_action")
    b.add(TEXT, "Mentor's action", "mentor_action")


def pulse(b: _Builder, role: str, sessions: int, extra: list[str]) -> None:
    """After each session: four quick answers, pair fit included."""
    b.add(CHOICE, "Session", "session", options=tuple(str(n) for n in range(1, sessions + 1)))
    _rating(b, "How useful was this session?", "Not useful", "Very useful")
    _rating(
        b,
        "How comfortable were you asking questions?"
        if role == "mentee"
        else "How comfortable were you giving your honest view?",
        "Not at all",
        "Completely",
    )
    b.add(CHOICE, "How is the pairing working?", options=PAIR_FIT)
    b.add(BOX, "One thing you will do differently after this session")
    _extras(b, extra)


def midpoint(b: _Builder, role: str, extra: list[str]) -> None:
    """Half-way: progress, rhythm, candour, pair fit, what to change."""
    _rating(b, "Progress towards your goals so far", "None yet", "A great deal")
    _rating(b, "Sessions happen as we agreed", "Rarely", "Always")
    _rating(
        b,
        "My mentor explains things at a pace that works for me"
        if role == "mentee"
        else "My mentee is open to a point of view unlike their own",
        "Strongly disagree",
        "Strongly agree",
    )
    _rating(b, "I feel safe being candid with my partner", "Strongly disagree", "Strongly agree")
    b.add(CHOICE, "How is the pairing working?", options=PAIR_FIT)
    b.add(BOX, "What has worked best so far?")
    b.add(BOX, "What should change in the second half?")
    _extras(b, extra)


def end(
    b: _Builder, role: str, program: str, topics: list[tuple[str, str]], extra: list[str]
) -> None:
    """The end-of-program review, with an NPS question and (mentee) confidence to compare."""
    _rating(b, "Overall, how valuable was the program for you?", "Not at all", "Extremely")
    _rating(
        b,
        "How much did you learn from your mentor?"
        if role == "mentee"
        else "How much more confident are you speaking up with senior leaders?",
        "Nothing new" if role == "mentee" else "No change",
        "A great deal",
    )
    _rating(b, "How well did you and your partner work together?", "Poorly", "Very well")
    _rating(b, "How well did the program team support you?", "Poorly", "Very well")
    b.add(
        NPS,
        f"How likely are you to recommend {program} to a colleague?",
        low="Not at all likely",
        high="Extremely likely",
    )
    if role == "mentee":
        for topic_id, title in topics:
            key = topic_key(topic_id)
            _rating(b, title, "Not confident", "Very confident", f"confidence_{key}")
    b.add(BOX, "The most important thing you learnt")
    b.add(
        BOX,
        "What you will do differently from now on"
        if role == "mentee"
        else "What you would tell next year's mentors",
    )
    b.add(BOX, "What should the program change next time?")
    _extras(b, extra)


def _extras(b: _Builder, extra: list[str]) -> None:
    for number, text in enumerate(extra, start=1):
        b.add(BOX, text, f"x{number:02d}_text")


TITLES = {
    "goals-mentee": "Goal worksheet: mentee",
    "goals-mentor": "Goal worksheet: mentor",
    "self-assessment": "Self-assessment",
    "agreement": "Mentoring agreement",
    "pulse": "Session pulse",
    "mid": "Mid-program review",
    "end": "End-of-program review",
}


def catalogue(
    department: str,
    program: str,
    program_name: str,
    topics: list[tuple[str, str]],
    schedule: tuple[Session, ...],
    cadence: str,
    extra: list[str],
    events: tuple[CohortEvent, ...] = (),
) -> dict[str, Form]:
    """Every form of one department, by form id, in booklet order."""
    forms: dict[str, Form] = {}

    def make(
        form_id: str, kind: str, role: str, title: str, fill: object, *args: object, **at: object
    ) -> None:
        builder = _Builder(form_id, identity(form_id, department, program))
        fill(builder, *args)  # type: ignore[operator]
        forms[form_id] = Form(form_id, kind, role, title, tuple(builder.questions), **at)  # type: ignore[arg-type]

    end_date = f"{schedule[-1].date.day} {schedule[-1].date:%B %Y}"
    make("goals-mentee", "goals", "mentee", TITLES["goals-mentee"], goals_mentee, topics)
    make("goals-mentor", "goals", "mentor", TITLES["goals-mentor"], goals_mentor, topics)
    make("self-assessment", "self-assessment", "mentee", TITLES["self-assessment"],
         self_assessment, topics)  # fmt: skip
    make("agreement", "agreement", "pair", TITLES["agreement"], agreement, cadence, end_date)
    for session in schedule:
        make(agenda_id(session), "agenda", "pair", session.title, agenda, session=session)
    for event in events:
        role = event.audience.lower()
        make(cohort_id(event), "cohort", role, event.title, cohort_notes, event=event)
    for role in ROLES:
        title = f"{TITLES['pulse']}: {role}"
        make(feedback_id("pulse", role), "pulse", role, title, pulse, role, len(schedule), extra)
    for role in ROLES:
        title = f"{TITLES['mid']}: {role}"
        make(feedback_id("mid", role), "mid", role, title, midpoint, role, extra)
    for role in ROLES:
        title = f"{TITLES['end']}: {role}"
        make(feedback_id("end", role), "end", role, title, end, role, program_name, topics, extra)
    return forms


def field_names(forms: dict[str, Form]) -> list[str]:
    """All field names of a catalogue, in order; unique by construction (tests check it)."""
    return [name for form in forms.values() for name in form.fields]
