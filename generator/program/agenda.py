"""agenda: timed items for one session whose minutes add up exactly to the session length.

Pure functions, no I/O. Each kind of session has a template of items with weights. Every item
gets a five-minute floor; the rest of the time is shared out in five-minute units by weight,
with largest-remainder rounding, and any odd minutes (a 62-minute session) go to the main item.
Short sessions cannot hold every item, so the least important items are merged into a
neighbour until each remaining item has its floor.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta

from generator.program.schedule import KICKOFF, MIDPOINT, WRAPUP, Session

UNIT = 5  #: minutes: agendas read best in five-minute steps, and no item is shorter.
GROUP = "group"


@dataclass(frozen=True)
class AgendaItem:
    """One timed block of a session."""

    title: str
    minutes: int
    notes: str = ""


@dataclass(frozen=True)
class _Slot:
    """An item before timing: its weight, how long it survives in a short session, and how."""

    title: str
    weight: int
    notes: str
    keep: int  # higher is kept longer when the session is short
    joins: str = ""  # "prev" or "next": the neighbour that absorbs it when dropped
    joined: str = ""  # how it reads inside the neighbour's title
    main: bool = False  # receives odd minutes


def _slots(session: Session, group: bool) -> list[_Slot]:
    """The items a session of this kind holds, before timing."""
    topic = session.topic.title if session.topic else ""
    first = session.number == 1
    check_in = _Slot(
        "Welcome and lunch" if group else ("Introductions" if first else "Check-in"),
        10,
        "Roles, backgrounds, what each of you hopes for."
        if first
        else "Settle in; one thing that went well since last time.",
        keep=2,
    )
    if session.kind == KICKOFF:
        body = [
            _Slot("Goals and hopes", 30, "Walk through both goal worksheets.", 5, main=True),
            _Slot(
                "Mentoring agreement",
                30,
                "Confidentiality, cadence, cancelling, feedback; sign it together.",
                3,
                "prev",
                " and the agreement",
            ),
        ]
    elif session.kind == WRAPUP:
        body = [
            _Slot("Look back on the goals", 35, "What changed; what surprised you.", 5, main=True),
            _Slot(
                "What carries on",
                20,
                "Habits and tools the mentee keeps; who to ask from now on.",
                3,
                "prev",
                " and what carries on",
            ),
        ]
    else:
        lead = f"Mid-point review, then {topic}" if session.kind == MIDPOINT else topic
        body = [
            _Slot(lead, 35, "Work through the topic's prompts; the mentor leads.", 5, main=True),
            _Slot(
                "Hands-on demo" if group else "Practice or demo",
                30,
                "Everyone tries it on their own device."
                if group
                else "The mentee tries it, the mentor alongside.",
                3,
                "prev",
                " with a quick demo",
            ),
        ]
    reflection = _Slot(
        "Questions and reflection" if group else "Reflection",
        15,
        "What was new, what felt uncomfortable, what to try before next time.",
        1,
        "next",
    )
    next_steps = _Slot("Next steps", 10, "One action each; confirm the next date.", 4)
    return [check_in, *body, reflection, next_steps]


def _merge(slots: list[_Slot], most: int) -> list[_Slot]:
    """Fold the least-kept slots into a neighbour until at most ``most`` remain."""
    slots = list(slots)
    while len(slots) > max(most, 1):
        index = min(range(len(slots)), key=lambda i: (slots[i].keep, -i))
        gone = slots.pop(index)
        if gone.joins == "prev" and index > 0:
            host = slots[index - 1]
            title = host.title + gone.joined
            slots[index - 1] = _absorb(host, gone, title)
        elif gone.joins == "next" and index < len(slots):
            host = slots[index]
            slots[index] = _absorb(host, gone, f"{gone.title} and {host.title.lower()}")
    return slots


def _absorb(host: _Slot, gone: _Slot, title: str) -> _Slot:
    notes = f"{host.notes} {gone.notes}" if host.main or gone.joins == "prev" else gone.notes
    notes = f"{gone.notes} {host.notes}" if gone.joins == "next" else notes
    return replace(host, title=title, weight=host.weight + gone.weight, notes=notes)


def shares(weights: list[int], total: int, floor: int = 0) -> list[int]:
    """Split ``total`` in proportion to ``weights``, each at least ``floor``; the sum is exact.

    Largest-remainder rounding (Hamilton's method). Items whose fair share falls below the
    floor get the floor, and the others share what is left (water-filling).
    """
    fixed: dict[int, int] = {}
    while True:
        free = [i for i in range(len(weights)) if i not in fixed]
        left = total - sum(fixed.values())
        weight_sum = sum(weights[i] for i in free)
        exact = {i: left * weights[i] / weight_sum for i in free}
        low = [i for i in free if exact[i] < floor]
        if not low:
            break
        fixed.update(dict.fromkeys(low, floor))
    result = {i: int(x) for i, x in exact.items()}
    order = sorted(free, key=lambda i: (-(exact[i] - result[i]), -weights[i], i))
    for i in order[: left - sum(result.values())]:
        result[i] += 1
    result.update(fixed)
    return [result[i] for i in range(len(weights))]


def agenda_items(session: Session, minutes: int, format: str) -> list[AgendaItem]:  # noqa: A002
    """Timed items for ``session``; their minutes add up to ``minutes`` exactly."""
    if minutes < 1:
        msg = f"a session needs at least one minute, not {minutes}"
        raise ValueError(msg)
    units, odd = divmod(minutes, UNIT)
    slots = _merge(_slots(session, format == GROUP), units)
    if units == 0:
        return [AgendaItem(slots[0].title, minutes, slots[0].notes)]
    counts = shares([s.weight for s in slots], units, floor=1)
    main = next((i for i, s in enumerate(slots) if s.main), 0)
    return [
        AgendaItem(s.title, UNIT * n + (odd if i == main else 0), s.notes)
        for i, (s, n) in enumerate(zip(slots, counts, strict=True))
    ]


def timed(items: list[AgendaItem], start: str) -> list[tuple[str, AgendaItem]]:
    """Each item with its clock start time ('10:30'), from the session's start time."""
    clock = datetime.combine(datetime(2000, 1, 1).date(), time.fromisoformat(start))
    result = []
    for item in items:
        result.append((f"{clock:%H:%M}", item))
        clock += timedelta(minutes=item.minutes)
    return result


#: Cohort events: (title, minutes, notes) that add up to the event's length.
COHORT_AGENDAS: dict[str, tuple[tuple[str, int, str], ...]] = {
    "training-mentors": (
        ("Welcome and why we do this", 10, "The sponsor or lead on what the program is for."),
        ("The reversed roles", 20, "You teach someone senior: what changes, what does not."),
        ("Teaching a skill to a leader", 25, "Show, then hand over the keyboard; small steps."),
        ("Practice: the first conversation", 20, "In threes: mentor, mentee, observer."),
        (
            "Ground rules, support and questions",
            15,
            "Confidentiality, ending without fault, who to call.",
        ),
    ),
    "training-mentees": (
        ("Welcome and why we do this", 10, "The sponsor on what the organisation hopes to learn."),
        ("Learning from someone junior", 20, "Curiosity over status; asking the 'basic' question."),
        ("Power in the room", 20, "How your seniority can silence your mentor, and what helps."),
        ("Practice: receiving feedback", 25, "Short role-plays with an observer."),
        ("Ground rules, the agreement and questions", 15, "You book the first session."),
    ),
    # one training for everyone: the exercises mix the roles, never a pair with its own partner
    "training-joint": (
        ("Welcome and why we do this", 10, "The sponsor on what each role gains, and why both."),
        (
            "The reversed roles, from both sides",
            20,
            "Mentors teach, mentees learn: what changes for each, and what does not.",
        ),
        ("Power in the room", 20, "How seniority can silence a mentor, and what each side can do."),
        (
            "Practice: the first conversation",
            30,
            "In threes of mentors and mentees, not with your own partner; swap roles each round.",
        ),
        ("Feedback both ways", 20, "Giving it upward and taking it from someone junior."),
        (
            "Ground rules, the agreement and questions",
            20,
            "Confidentiality, ending without fault, who to call; mentees book the first session.",
        ),
    ),
    "mentor-checkin": (
        ("Round: one highlight each", 10, "A minute each; no problem-solving yet."),
        ("One challenge, peer advice", 20, "One or two mentors bring a situation; others suggest."),
        ("A teaching tip", 10, "Something that worked, shared by one mentor."),
        ("Close: what you will try next", 5, "One sentence each."),
    ),
    "midpoint-debrief": (
        ("What is working", 15, "Pairs share one thing worth keeping."),
        ("What is stuck", 15, "Patterns only, no names: the facilitator takes notes."),
        ("Swap ideas across pairs", 20, "Mixed groups of mentors and mentees."),
        (
            "What changes for the second half",
            10,
            "The facilitator says what the program will adjust.",
        ),
    ),
    "celebration": (
        ("Welcome", 10, "The sponsor thanks both roles."),
        ("Pair stories", 40, "Each pair: one thing the mentee now does differently."),
        ("What the organisation will change", 20, "Ideas from the pairs the leadership takes up."),
        ("Thanks and certificates", 10, "Mentors first."),
        ("Time together", 10, "Keep the connections going."),
    ),
}


def cohort_agenda(kind: str, minutes: int) -> list[AgendaItem]:
    """A cohort event's items in five-minute steps, shared by their planned lengths."""
    items = COHORT_AGENDAS[kind]
    units = shares([length for _, length, _ in items], minutes // UNIT, floor=1)
    lengths = [count * UNIT for count in units]
    lengths[0] += minutes % UNIT
    return [
        AgendaItem(title, length, notes)
        for (title, _, notes), length in zip(items, lengths, strict=True)
    ]
