"""due: when each form is filled in, the reminders that ask for it, and the time it all takes.

Pure, no I/O. A form's ``due`` in the content model names a moment of the program; here it meets
a department's dated sessions. The printables a department gets, the reminders in its calendar,
the guide's "when each form arrives" table and the time commitment all ask ``occasions``, so a
form is never printed for a moment the program does not have, nor counted twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date, timedelta

from generator.config.resolved import Settings
from generator.program.forms import Form
from generator.program.schedule import CohortEvent, Session, next_free, occasions, previous_free

#: A form due before the first session is asked for this many days ahead.
DAYS_BEFORE_KICKOFF = 3


@dataclass(frozen=True)
class Reminder:
    """A day on which participants are asked to fill in forms."""

    date: date
    title: str
    description: str
    forms: tuple[str, ...] = ()  # the kinds of form it asks for
    #: the day answers are due: the next session, a week after the last, the kick-off itself
    answer_by: dt.date | None = None


def due_kinds(forms: dict[str, Form]) -> dict[str, Form]:
    """One form of each kind participants are asked for (returned, or prepared before the
    kick-off), by kind, in booklet order."""
    kinds: dict[str, Form] = {}
    for form in forms.values():
        if form.returned or form.due == "before-kickoff":
            kinds.setdefault(form.kind, form)
    return kinds


def form_reminders(
    settings: Settings, schedule: tuple[Session, ...], forms: dict[str, Form]
) -> tuple[Reminder, ...]:
    """A reminder for each moment some form is due: before the kick-off, then after sessions."""
    kinds = due_kinds(forms)
    moments: dict[int, list[Form]] = {}  # by session number; 0 is before the first session
    for form in kinds.values():
        for moment in occasions(form.due, schedule):
            moments.setdefault(moment.number if moment else 0, []).append(form)
    reminders = []
    if 0 in moments:
        day = previous_free(
            settings.start - timedelta(days=DAYS_BEFORE_KICKOFF), settings.blackouts
        )
        due = moments.pop(0)
        kept = _names([f for f in due if not f.returned])
        handed = _names([f for f in due if f.returned])
        text = " ".join(
            part
            for part in (
                f"Fill in your {kept} and bring it to the kick-off session." if kept else "",
                f"Fill in your {handed} and hand it in as the form says, before the kick-off; "
                "it goes to the person who reads it, not to your partner."
                if handed
                else "",
            )
            if part
        )
        reminders.append(
            Reminder(
                day,
                f"Before the kick-off: {_names(due)}",
                text,
                tuple(f.kind for f in due),
                settings.start,
            )
        )
    for session in schedule:
        if session.number not in moments:
            continue
        due = moments[session.number]
        following = next((s for s in schedule if s.number == session.number + 1), None)
        answer_by = following.date if following else session.date + timedelta(days=7)
        by = f" Please answer by {answer_by:%d %B %Y}."
        day = next_free(session.date + timedelta(days=1), settings.blackouts)
        names = _names(due)
        reminders.append(
            Reminder(
                day,
                f"Feedback after session {session.number}: {names}",
                f"Fill in your {names}; it takes about {sum(f.minutes for f in due)} minutes.{by}",
                tuple(f.kind for f in due),
                answer_by,
            )
        )
    return tuple(reminders)


def _names(forms: list[Form]) -> str:
    if not forms:
        return ""
    titles = [form.title.split(":")[0].lower() for form in forms]
    return titles[0] if len(titles) == 1 else f"{', '.join(titles[:-1])} and {titles[-1]}"


@dataclass(frozen=True)
class TimeCommitment:
    """What one role gives the program, in minutes, each part computed from the plan."""

    role: str
    sessions: int
    preparation: int
    events: int
    forms: int

    @property
    def total(self) -> int:
        """Every part added up."""
        return self.sessions + self.preparation + self.events + self.forms


def attends(event: CohortEvent, role: str) -> bool:
    """Whether someone of ``role`` (mentee, mentor) is expected at a cohort event."""
    audience = event.audience.lower()
    return audience in ("everyone", f"{role}s") or role in audience.split()


def time_commitment(
    role: str,
    schedule: tuple[Session, ...],
    session_minutes: int,
    events: tuple[CohortEvent, ...],
    forms: dict[str, Form],
    preparation_minutes: int,
) -> TimeCommitment:
    """Sessions x minutes + the cohort events the role attends + preparation + its forms."""
    mine = [f for f in forms.values() if f.role in (role, "pair", "group")]
    return TimeCommitment(
        role=role,
        sessions=len(schedule) * session_minutes,
        preparation=len(schedule) * preparation_minutes,
        events=sum(e.minutes for e in events if attends(e, role)),
        forms=sum(f.minutes * len(occasions(f.due, schedule)) for f in mine),
    )
