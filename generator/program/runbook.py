"""runbook: the program lead's dated checklist, from the plan. Pure, no I/O.

Each step has a stable id, so a later tool can tick it off: ``playbook status`` (being built
apart from this) asks ``step_done`` with what the project can see (``Evidence``: the roster
`playbook collect` wrote from sign-ups, the approved pairs, the record of sent messages,
today's date) rather than each tool learning the runbook's rules.

The steps before the start fall the config's ``recruitment:`` days before the earliest start
of any department (a weekend moves a step back to the Friday); training, check-ins, the
mid-point and the celebration are the plan's own cohort events (one step per kind and date,
naming the departments it is for), so the runbook and the calendars cannot disagree; the
evaluation and the next round fall the configured days after the last session of any department.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from generator.config.recruitment_settings import RecruitmentSettings
from generator.program.plan import DepartmentPlan, ProgramPlan
from generator.program.schedule import (
    CELEBRATION,
    CHECKIN,
    DEBRIEF,
    MIDPOINT,
    TRAINING_JOINT,
    TRAINING_MENTEES,
    TRAINING_MENTORS,
)

#: The kinds of cohort event the runbook lists, and the verb the lead acts by.
EVENT_STEPS = {
    TRAINING_MENTORS: "Run the mentor training",
    TRAINING_MENTEES: "Run the mentee training",
    TRAINING_JOINT: "Run the joint training",
    CHECKIN: "Hold the mentors' check-in",
    DEBRIEF: "Hold the mid-point debrief",
    CELEBRATION: "Hold the celebration",
}
#: Ids of the steps whose completion files can show (see ``step_done``).
SIGNUP_CLOSED, PAIRED, APPROVED, INTRODUCED = (
    "close-signup", "pair", "approve-pairs", "send-introductions"
)  # fmt: skip


@dataclass(frozen=True)
class Step:
    """One dated step of the runbook."""

    id: str
    date: date
    title: str
    detail: str
    departments: tuple[str, ...] = ()  # names; empty: the whole program
    kind: str = ""  # a cohort event's kind, a session's ("midpoint"), or "" for a lead's task


@dataclass(frozen=True)
class Evidence:
    """What the project's files show has happened (gathered by the caller, which reads them)."""

    today: date
    signups: int = 0  # rows of <private>/recruitment/roster.csv
    proposed: bool = False  # <private>/pairing/ holds a proposal
    approved: frozenset[str] = frozenset()  # e-mails in the approved pairs.csv
    sent_to: frozenset[str] = field(default_factory=frozenset)  # every address in sent.json


def step_done(step: Step, evidence: Evidence) -> bool:
    """Whether the files show the step done; a step no file records is done once its day has
    passed (a training happened on its day, as far as the project can tell)."""
    if step.id == SIGNUP_CLOSED:
        return evidence.signups > 0 and evidence.today >= step.date
    if step.id == PAIRED:
        return evidence.proposed or bool(evidence.approved)
    if step.id == APPROVED:
        return bool(evidence.approved)
    if step.id == INTRODUCED:
        return bool(evidence.approved) and evidence.approved <= evidence.sent_to
    return evidence.today > step.date


def _before(start: date, days: int) -> date:
    """``days`` before ``start``, moved back to the Friday when it falls on a weekend."""
    day = start - timedelta(days=days)
    return day - timedelta(days=max(0, day.weekday() - 4))


def lead_steps(start: date, settings: RecruitmentSettings, lead: str) -> list[Step]:
    """The lead's own steps before the start."""
    at = {name: _before(start, getattr(settings, name.replace("-", "_"))) for name in (
        "open-signup", "close-signup", "brief-managers", "pair", "approve-pairs",
        "send-introductions",
    )}  # fmt: skip
    return [
        Step("open-signup", at["open-signup"], "Open sign-up",
             "Send the call for participants with the sign-up forms; say when sign-up closes."),
        Step(SIGNUP_CLOSED, at["close-signup"], "Close sign-up",
             "Run playbook collect on the returned sign-up forms: it writes the roster and "
             "lists who was left out."),
        Step("brief-managers", at["brief-managers"], "Brief the line managers",
             "Send the mentors' line managers the page for line managers: time away, "
             "confidentiality, no reporting back."),
        Step(PAIRED, at["pair"], "Pair", "Run playbook pair on the roster and read the "
             "pairing report."),
        Step(APPROVED, at["approve-pairs"], "Approve the pairs",
             "Edit pairs.csv if needed, then playbook pair --check; tell anyone not paired."),
        Step(INTRODUCED, at["send-introductions"], "Send the introductions",
             f"Rebuild, then send each pair its introduction and invitations from {lead}."),
    ]  # fmt: skip


def event_steps(plans: Iterable[DepartmentPlan]) -> list[Step]:
    """One step per kind and date of the plan's cohort events, with the departments it is for,
    and each department's mid-point review session when it has no debrief."""
    found: dict[str, Step] = {}
    for plan in plans:
        name = plan.department.name
        for event in plan.events:
            if event.kind in EVENT_STEPS:
                step_id = f"{event.kind}-{event.date:%Y%m%d}"
                _add(found, Step(step_id, event.date, EVENT_STEPS[event.kind],
                                 f"{event.title}, {event.time}, {event.minutes} minutes.",
                                 (name,), event.kind))  # fmt: skip
        if not any(event.kind == DEBRIEF for event in plan.events):
            for session in plan.schedule:
                if session.kind == MIDPOINT:
                    step_id = f"midpoint-{session.date:%Y%m%d}"
                    _add(found, Step(step_id, session.date, "Mid-point review",
                                     "The pairs' mid-point session; the mid-program review "
                                     "forms are due.", (name,), MIDPOINT))  # fmt: skip
    return list(found.values())


def _add(found: dict[str, Step], step: Step) -> None:
    """A step, or one more department on the step of the same id."""
    same = found.get(step.id)
    if same is None:
        found[step.id] = step
    else:
        departments = (*same.departments, *step.departments)
        found[step.id] = Step(same.id, same.date, same.title, same.detail, departments, same.kind)


def runbook(program: ProgramPlan) -> tuple[Step, ...]:
    """Every step of the program lead's runbook, in date order."""
    playbook = program.playbook
    settings = playbook.config.recruitment
    plans = program.departments
    start = min(plan.schedule[0].date for plan in plans)
    last = max(plan.end for plan in plans)
    steps = [
        *lead_steps(start, settings, playbook.config.organisation.lead.name),
        *event_steps(plans),
        Step("evaluation", last + timedelta(days=settings.evaluation), "Evaluate",
             "Run playbook collect on the end-of-program reviews; send the sponsor summary."),
        Step("next-round", last + timedelta(days=settings.next_round), "Plan the next round",
             "Agree changes with the sponsor; compare with playbook collect --compare."),
    ]  # fmt: skip
    order = {step.id: number for number, step in enumerate(steps)}
    return tuple(sorted(steps, key=lambda step: (step.date, order[step.id])))
