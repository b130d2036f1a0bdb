"""agenda: each session's timed items, whose minutes add up exactly to the session length.

Pure functions, no I/O. A session opens with a check-in and ends with a close; between them,
the kick-off sets goals and the agreement, the wrap-up looks back, and a topic session does
its topic's own activities (``rotation`` picks the next ones that fit the time left), with a
conversation on its prompts when there is time over. The mid-point review has its own item and
its own time; a mid-point too short for both is the review alone (``schedule.REVIEW_ALONE_BELOW``).
Everything is counted in five-minute units; activities share their part by their guide minutes
(``shares``), and any odd minutes (a 62-minute session) go to the main item.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta

from generator.config.resolved import Settings, Topic
from generator.config.spelling import spell
from generator.program.rotation import Rotation, for_group
from generator.program.schedule import KICKOFF, MIDPOINT, WRAPUP, Session

UNIT = 5  #: minutes: agendas read best in five-minute steps, and no item is shorter.
GROUP = "group"
SHORTEST = 15  #: minutes: the shortest session the config allows, and the shortest agenda.
#: Activities one session takes: one per 20 minutes of topic time, two at most. Fewer,
#: unhurried activities teach more; a long session gives them and the conversation more time
#: rather than use up a topic's library in one sitting (and its agenda stays on one page).
MINUTES_PER_ACTIVITY, MOST_ACTIVITIES = 20, 2

#: An item's kind, for templates: a topic activity, the conversation on the session's
#: starters, the mid-point review; other items (check-in, goals, close...) have none.
ACTIVITY, TALK, REVIEW = "activity", "talk", "review"


@dataclass(frozen=True)
class AgendaItem:
    """One timed block of a session."""

    title: str
    minutes: int
    notes: str = ""
    kind: str = ""

    @property
    def activity(self) -> bool:
        """A hands-on activity of the session's topic (from the library, or a deep dive)."""
        return self.kind == ACTIVITY


@dataclass(frozen=True)
class SessionAgenda:
    """One session's agenda: its timed items and the conversation starters it takes up."""

    items: tuple[AgendaItem, ...]
    prompts: tuple[str, ...] = ()

    @property
    def activities(self) -> tuple[AgendaItem, ...]:
        """The topic activities among the items, in order."""
        return tuple(item for item in self.items if item.activity)


#: Each item's (title, notes), for sessions in pairs and for group sessions.
PAIR_WORDS = {
    "intro": ("Introductions", "Who you are beyond the job title, and why each of you said yes."),
    "open": ("Check-in", "How the action from last time went, including if it did not happen."),
    "goals": (
        "Goals and hopes",
        "Each of you talks through your own goal worksheet. Then a skills map: the mentee lists "
        "what they want to learn, the mentor marks what they can help with and adds one idea; "
        "choose the order of topics for the sessions ahead.",
    ),
    "agreement": (
        "Mentoring agreement",
        "Confidentiality, cadence, cancelling and feedback; fill it in and sign it together.",
    ),
    "rules": ("Ground rules", "Confidentiality, cadence, cancelling and feedback; agree them."),
    "review": (
        "Mid-point review",
        "With your goal worksheets from the kick-off: which of the mentee's goals are moving, "
        "which are stuck? Are you meeting as agreed and keeping the agreement? Is anything "
        "being held back? Keep one thing, change one; both fill in the mid-program review "
        "afterwards.",
    ),
    "talk": (
        "Talk it through",
        "Take this session's conversation starters in turn; link each answer to a decision the "
        "mentee owns.",
    ),
    "reflect": (
        "Reflection",
        "What was new, what felt uncomfortable, what the mentee will try before next time.",
    ),
    "next": ("Next steps", "One action each, noted on the agenda; confirm the next date."),
    "last": ("Next steps", "One action each, noted on the agenda, to try in the weeks ahead."),
    "close": ("Reflection and next steps", "What was new; one action each, noted on the agenda."),
    "look_back": (
        "Look back on the goals",
        "Your goal worksheets from the kick-off: what changed, what surprised you. The mentee "
        "shows, without help, one thing they learned; the mentor notes what to refine.",
    ),
    "carry_on": (
        "What carries on",
        "Habits and tools the mentee keeps, and whether and how you stay in touch.",
    ),
    "thanks": (
        "Thanks and feedback",
        "One thing each of you valued in the other; both fill in the end-of-program review "
        "within the week.",
    ),
}
GROUP_WORDS = {
    "intro": (
        "Welcome and introductions",
        "Lunch; the mentor and each leader say who they are beyond the job title.",
    ),
    "open": ("Welcome and lunch", "Settle in; each leader says how last time's action went."),
    "goals": (
        "Goals and hopes",
        "Each leader shares one goal from their worksheet; the mentor marks what they can help "
        "with and notes the common threads, and the group picks the topics to start with.",
    ),
    "agreement": (
        "Group agreement",
        "Confidentiality, attendance, cancelling and feedback; the group fills it in and signs.",
    ),
    "rules": (
        "Ground rules",
        "Confidentiality, attendance, cancelling and feedback; the group agrees them.",
    ),
    "review": (
        "Mid-point review",
        "With each leader's goal worksheet from the kick-off: which goals are moving? Is the "
        "pace right, does everyone get a turn? The group keeps one thing and changes one; "
        "everyone fills in the mid-program review afterwards.",
    ),
    "talk": (
        "Group discussion",
        "The mentor takes this session's conversation starters in turn; each leader links one "
        "answer to a decision they own.",
    ),
    "reflect": (
        "Questions and reflection",
        "Open questions for the mentor; what was new, what each leader will try next.",
    ),
    "next": (
        "Next steps",
        "Each leader names one thing to try; the mentor confirms the next session's date.",
    ),
    "last": ("Next steps", "Each leader names one thing to try in the weeks ahead."),
    "close": ("Questions and next steps", "Open questions; each leader names one thing to try."),
    "look_back": (
        "Look back on the goals",
        "Each leader says what changed against their worksheet and what surprised them; one or "
        "two show, without help, something they learned.",
    ),
    "carry_on": (
        "What carries on",
        "Habits and tools each leader keeps, and who the group asks from now on.",
    ),
    "thanks": (
        "Thanks and feedback",
        "Each leader names one thing they will keep doing; everyone fills in the "
        "end-of-program review within the week.",
    ),
}
#: The title of two items that share too little time to stand apart.
MERGED = {
    ("goals", "agreement"): "Goals and the agreement",
    ("goals", "rules"): "Goals and ground rules",
    ("look_back", "carry_on"): "Look back and look ahead",
}
#: Said on a mid-point review that takes the whole session.
REVIEW_ALONE = " The review takes the whole session; the topics carry on next time."
#: Said on a conversation when the topic's prompts and the general ones are all used.
NO_STARTERS = "No new starters this time: pick up the questions left open in earlier sessions."


Words = dict[str, tuple[str, str]]


@dataclass(frozen=True)
class _Part:
    """An item before timing: its words and its five-minute units."""

    title: str
    notes: str
    units: int
    kind: str = ""
    main: bool = False  # receives the odd minutes


def session_agendas(sessions: Sequence[Session], settings: Settings) -> tuple[SessionAgenda, ...]:
    """Every session's agenda, in order; one rotation, so no activity or prompt repeats."""
    if settings.session_minutes < SHORTEST:
        msg = f"a session needs at least {SHORTEST} minutes, not {settings.session_minutes}"
        raise ValueError(msg)
    rotation = Rotation()
    return tuple(
        _agenda(s, settings, rotation, last=index == len(sessions) - 1)
        for index, s in enumerate(sessions)
    )


def _agenda(
    session: Session, settings: Settings, rotation: Rotation, *, last: bool
) -> SessionAgenda:
    group = settings.format == GROUP
    words = GROUP_WORDS if group else PAIR_WORDS
    units, odd = divmod(settings.session_minutes, UNIT)
    opening = _opening(session, units, words)
    closing = _closing(session, units, words, last=last)
    body = units - sum(p.units for p in (*opening, *closing))
    prompts: tuple[str, ...] = ()
    if session.kind == KICKOFF:
        middle = _pair_of(words, "goals", "agreement" if settings.agreement else "rules", body)
    elif session.kind == WRAPUP:
        middle = _pair_of(words, "look_back", "carry_on", body)
    else:
        middle, prompts = _topic_body(session, body, group, rotation)
    parts = [*opening, *middle, *closing]
    main = next((i for i, p in enumerate(parts) if p.main), len(opening))
    items = tuple(
        AgendaItem(p.title, UNIT * p.units + (odd if i == main else 0), p.notes, p.kind)
        for i, p in enumerate(parts)
    )
    return SessionAgenda(items, prompts)


def _opening(session: Session, units: int, words: Words) -> list[_Part]:
    """Introductions at the kick-off, a check-in later; none in a session under 30 minutes."""
    if session.kind == KICKOFF:
        return [_Part(*words["intro"], units=1 if units < 9 else 2)]
    if units < 6:
        return []
    return [_Part(*words["open"], units=1 if units < 15 else 2)]


def _closing(session: Session, units: int, words: Words, *, last: bool) -> list[_Part]:
    """Thanks at the wrap-up; otherwise reflection and next steps, one item under an hour."""
    if session.kind == WRAPUP:
        return [_Part(*words["thanks"], units=1 if units < 12 else 2)]
    if units < 12:
        return [_Part(*words["close"], units=1)]
    # a one-session program has no next date to confirm
    return [
        _Part(*words["reflect"], units=max(2, units // 8)),
        _Part(*words["last" if last else "next"], units=1),
    ]


def _pair_of(words: Words, first: str, second: str, body: int) -> list[_Part]:
    """Two items sharing the body 7:5, or one item holding both when there is no room."""
    if body < 2:
        notes = f"{words[first][1]} {words[second][1]}"
        return [_Part(MERGED[first, second], notes, body, main=True)]
    one, two = shares([7, 5], body, floor=1)
    return [_Part(*words[first], units=one, main=True), _Part(*words[second], units=two)]


def _topic_body(
    session: Session, body: int, group: bool, rotation: Rotation
) -> tuple[list[_Part], tuple[str, ...]]:
    """The mid-point review, if any, then the topic's conversation and activities."""
    words = GROUP_WORDS if group else PAIR_WORDS
    topic = session.topic
    parts: list[_Part] = []
    if session.kind == MIDPOINT:
        alone = topic is None or body < 3
        review = body if alone else min(max(3, body // 3), body - 2)
        title, notes = words["review"]
        notes += REVIEW_ALONE if alone else ""
        parts.append(_Part(title, notes, review, REVIEW, main=alone))
        body -= review
    if topic is None or body < 1:
        return parts, ()
    prompts = rotation.prompts(topic, 2 if session.kind == MIDPOINT else 3)
    return [*parts, *_topic_parts(topic, body, group, rotation, bool(prompts))], prompts


def _topic_parts(
    topic: Topic, body: int, group: bool, rotation: Rotation, starters: bool
) -> list[_Part]:
    """The conversation (time beyond the activities' guides) and the activities, timed.

    The conversation takes what the activities leave over when that is ten minutes or more,
    up to a third of the time (ten minutes at least); the activities share the rest by their
    guide minutes, so a longer activity keeps the larger part.
    """
    words = GROUP_WORDS if group else PAIR_WORDS
    most = min(MOST_ACTIVITIES, max(1, UNIT * body // MINUTES_PER_ACTIVITY))
    activities = rotation.activities(topic, UNIT * body, most=most)
    spare = UNIT * body - sum(a.minutes for a in activities)
    talk = min(spare // UNIT, max(2, body // 3)) if spare >= 2 * UNIT else 0
    if not activities:
        talk = body
    parts = []
    if talk:
        title, notes = words["talk"]
        notes = notes if starters else NO_STARTERS
        parts.append(_Part(title, notes, talk, TALK, main=not activities))
    if activities:
        counts = shares([a.minutes for a in activities], body - talk, floor=1)
        reword = for_group if group else str
        parts += [
            _Part(reword(a.title), reword(a.description), n, ACTIVITY, main=i == 0)
            for i, (a, n) in enumerate(zip(activities, counts, strict=True))
        ]
    return parts


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


def cohort_agenda(kind: str, minutes: int, format: str = "") -> list[AgendaItem]:  # noqa: A002
    """A cohort event's items in five-minute steps, shared by their planned lengths; worded for
    a group when the department meets as one."""
    items = COHORT_AGENDAS[kind]
    units = shares([length for _, length, _ in items], minutes // UNIT, floor=1)
    lengths = [count * UNIT for count in units]
    lengths[0] += minutes % UNIT
    words = for_group if format == GROUP else str
    return [
        AgendaItem(words(title), length, words(notes))
        for (title, _, notes), length in zip(items, lengths, strict=True)
    ]


def respelled(
    agendas: Sequence[SessionAgenda], sessions: Sequence[Session], locale: str
) -> tuple[SessionAgenda, ...]:
    """The agendas' own words in the organisation's spelling. A custom topic's activities and
    starters are the organisation's text and stay as the config wrote them."""
    result = []
    for agenda, session in zip(agendas, sessions, strict=True):
        own = session.topic is not None and session.topic.custom
        items = tuple(
            item if own and item.activity else _respell_item(item, locale) for item in agenda.items
        )
        prompts = agenda.prompts if own else tuple(spell(p, locale) for p in agenda.prompts)
        result.append(SessionAgenda(items, prompts))
    return tuple(result)


def respelled_items(items: Sequence[AgendaItem], locale: str) -> tuple[AgendaItem, ...]:
    """A cohort event's items (all the playbook's own words) in the organisation's spelling."""
    return tuple(_respell_item(item, locale) for item in items)


def _respell_item(item: AgendaItem, locale: str) -> AgendaItem:
    return replace(item, title=spell(item.title, locale), notes=spell(item.notes, locale))
