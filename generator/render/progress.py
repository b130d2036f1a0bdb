"""progress: who has returned which form, from what `playbook collect` recorded. Pure.

A returned form names its department, role and form (and a pulse its session); the
self-assessment and the end-of-program review also carry the respondent's name, so they are
matched to a person (department, role and name or e-mail, as written). The pulse and mid-point
forms are anonymous by promise ("your partner never sees your answers"), so they are counted
per department, role and session: when the department's pairs returned none, each of them is
overdue; when they returned them all, no one is; in between, nobody can be named and the count
is all that is told. Nothing is inferred that would unmask an anonymous answer.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from generator.program.forms import Form
from generator.program.plan import DepartmentPlan
from generator.render.calendar.invitations import ApprovedPair, Member

RETURNED, OVERDUE, DUE, UNKNOWN = "returned", "overdue", "due", "unknown"
#: The answer of the fit question that flags a pair.
NOT_A_GOOD_FIT = "not a good fit"


@dataclass(frozen=True)
class Returned:
    """One returned form, as collect recorded it (evaluation/answers.csv)."""

    form: str  # its form id: pulse-mentee
    role: str
    department: str  # the department's slug
    session: str = ""
    name: str = ""  # the name the respondent wrote, or "" on an anonymous form
    fit: str = ""  # the answer to "how is the pairing working?", if asked


@dataclass(frozen=True)
class FormDue:
    """One form one person owes: which, for which session, by when, and what is known of it."""

    person: Member
    role: str
    form: Form
    session: int  # 0 before the first session
    due: dt.date
    state: str  # returned, overdue, due (not yet) or unknown (anonymous, some returned)

    @property
    def label(self) -> str:
        after = f" (session {self.session})" if self.session and self.form.kind == "pulse" else ""
        return f"{self.form.heading or self.form.title}{after}"


def same_person(written: str, member: Member) -> bool:
    """A name as written on a form against a pair member: the name or e-mail, any case and
    spacing."""
    text = " ".join(written.split()).casefold()
    return bool(text) and text in (
        " ".join(member.name.split()).casefold(),
        member.email.casefold(),
    )


def named(form: Form) -> bool:
    """Whether the form asks the respondent's name (so a returned copy names its person)."""
    return any(question.field == f"{form.id}-name" for question in form.questions)


def occurrences(plan: DepartmentPlan) -> list[tuple[int, dt.date, tuple[str, ...]]]:
    """(session, due date, kinds) of each day forms are due in a department's plan; session 0
    is before the first session."""
    start = plan.department.settings.start
    found = []
    for reminder in plan.reminders:
        due = reminder.answer_by or reminder.date
        before = [s.number for s in plan.schedule if s.date < reminder.date]
        session = 0 if due == start or not before else max(before)
        found.append((session, due, reminder.forms))
    return found


def forms_owed(
    plan: DepartmentPlan,
    members: Sequence[tuple[str, Member]],
    returned: Sequence[Returned],
    pairs_in_department: int,
    as_of: dt.date,
) -> list[FormDue]:
    """Every returned-kind form the members owe in ``plan``, with its state on ``as_of``."""
    slug = plan.department.slug
    mine = [r for r in returned if r.department == slug]
    counts = Counter((r.form, r.session) for r in mine)
    owed = []
    for session, due, kinds in occurrences(plan):
        for role, member in members:
            for form in plan.forms.values():
                if form.kind not in kinds or form.role != role or not form.returned:
                    continue
                state = _state(form, member, session, mine, counts, pairs_in_department)
                if state != RETURNED and due >= as_of:
                    state = DUE
                owed.append(FormDue(member, role, form, session, due, state))
    return owed


def _state(
    form: Form,
    member: Member,
    session: int,
    mine: Sequence[Returned],
    counts: Counter,
    expected: int,
) -> str:
    if named(form):
        found = any(r.form == form.id and same_person(r.name, member) for r in mine)
        return RETURNED if found else OVERDUE
    key = (form.id, str(session) if form.kind == "pulse" else "")
    count = (
        counts[key]
        if form.kind == "pulse"
        else sum(n for (f, _), n in counts.items() if f == form.id)
    )
    if count == 0:
        return OVERDUE
    return RETURNED if count >= expected else UNKNOWN


def fit_flags(
    plan: DepartmentPlan, members: Sequence[tuple[str, Member]], returned: Sequence[Returned]
) -> list[Returned]:
    """The pair's members' named answers of 'not a good fit'."""
    return [
        r
        for r in returned
        if r.department == plan.department.slug
        and r.fit.casefold() == NOT_A_GOOD_FIT
        and any(r.role == role and same_person(r.name, m) for role, m in members)
    ]


def anonymous_flags(returned: Sequence[Returned]) -> Counter:
    """(department, form, session) -> how many anonymous answers said 'not a good fit'."""
    return Counter(
        (r.department, r.form, r.session)
        for r in returned
        if not r.name and r.fit.casefold() == NOT_A_GOOD_FIT
    )


@dataclass(frozen=True)
class PairProgress:
    """Where one pair stands on a day: sessions passed, forms owed, flags, and whether it has
    gone quiet."""

    pair: ApprovedPair
    name: str
    plan: DepartmentPlan
    sessions_passed: int
    forms: tuple[FormDue, ...]
    flags: tuple[Returned, ...]
    quiet: bool

    def count(self, state: str) -> int:
        return sum(form.state == state for form in self.forms)

    @property
    def overdue(self) -> list[FormDue]:
        return [form for form in self.forms if form.state == OVERDUE]


def pair_progress(
    pairs: Sequence[tuple[ApprovedPair, DepartmentPlan, str]],
    returned: Sequence[Returned],
    as_of: dt.date,
    quiet_weeks: int,
) -> list[PairProgress]:
    """Each pair's progress on ``as_of``: forms owed are counted against the pairs that follow
    the same department's rhythm (they fill in that department's forms)."""
    per_department = Counter(plan.department.slug for _, plan, _ in pairs)
    progress = []
    for pair, plan, name in pairs:
        members = (("mentee", pair.mentee), ("mentor", pair.mentor))
        owed = forms_owed(plan, members, returned, per_department[plan.department.slug], as_of)
        passed = sum(session.date < as_of for session in plan.schedule)
        window = as_of - dt.timedelta(weeks=quiet_weeks)
        recent = [form for form in owed if window <= form.due < as_of]
        started = plan.schedule[0].date <= window
        quiet = started and bool(recent) and all(form.state == OVERDUE for form in recent)
        flags = tuple(fit_flags(plan, members, returned))
        progress.append(PairProgress(pair, name, plan, passed, tuple(owed), flags, quiet))
    return progress
