"""change: each person's self-assessment matched to their end-of-program review, and what moved.
Pure functions, no I/O.

The forms are anonymous but for the name each person writes on both ("Your name"), so a start
and an end are one person's when they come from the same department and role and their names
read the same once case, spaces and punctuation are set aside (``slugify``: ' Ann  LEE' is
'ann-lee'). A name on two self-assessments, or on two end forms, of one department and role may
be two people or one person twice; either way nobody knows which start goes with which end, so
every form with that name is left out, and so is a form without a name. The report lists them.

For every question the end form asks again (``rerate: self-assessment``: the same key and scale
as at the start), per role, per department and overall: the people who answered it both times,
their mean at the start and at the end, the mean change (end minus start) and how many went up,
stayed and went down; and per focus area, both roles together.

What may be published follows the small-group rule of ``stats.suppressed``, with two more
limits: a focus area's row, which pools the roles, is published only when each role's row is
(else the pooled figure less the shown role's would give the hidden one), and a published row
carries the change, never the means at the start and the end: the end mean of the matched
people next to the end form's own published figures would give away the answers of the people
who were not matched.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.config.fields import ROLES, slugify
from generator.evaluation.collect import Catalogues, Response
from generator.evaluation.stats import OVERALL, suppressed
from generator.program.forms import NPS, RATING, Form, Question, feedback_id, field_name

START, END = "self-assessment", "end"
#: The key of the name field both forms ask.
NAME = "name"


def name_of(response: Response) -> str:
    """The name written on a form, its spaces tidied: '  Ann   Lee ' is 'Ann Lee'."""
    return " ".join(response.answers.get(field_name(response.form.id, NAME), "").split())


# --- Matching -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """One person's self-assessment and end-of-program review."""

    department: str
    role: str
    start: Response
    end: Response


@dataclass(frozen=True)
class LeftOut:
    """The forms of one name (or of no name) in one department and role that match nothing."""

    department: str
    role: str
    name: str  # as first written; "" for forms without a name
    starts: tuple[str, ...]  # where each self-assessment came from
    ends: tuple[str, ...]  # where each end-of-program review came from

    @property
    def ambiguous(self) -> bool:
        """The name is on more than one form of a kind."""
        return bool(self.name) and (len(self.starts) > 1 or len(self.ends) > 1)

    @property
    def reason(self) -> str:
        """Why these forms are not matched, in a few words."""
        if not self.name:
            return "no name on the form"
        if self.ambiguous:
            starts, ends = _count(self.starts, "self-assessment"), _count(self.ends, "end review")
            return f"the name is on {starts} and {ends}: two people, or a form sent twice"
        if not self.ends:
            return "no end review with this name"
        return "no self-assessment with this name"


def _count(items: Sequence[object], noun: str) -> str:
    return f"{len(items)} {noun}{'' if len(items) == 1 else 's'}"


@dataclass(frozen=True)
class Matching:
    """Every matched person, and every form left out, by department, role and name."""

    matches: tuple[Match, ...]
    left_out: tuple[LeftOut, ...]


def match(responses: Iterable[Response]) -> Matching:
    """Self-assessments and end forms paired by department, role and name."""
    forms: dict[tuple[str, str, str], tuple[list[Response], list[Response]]] = {}
    names: dict[tuple[str, str, str], str] = {}
    for response in responses:
        if response.kind not in (START, END):
            continue
        name = name_of(response)
        key = (response.department, response.role, slugify(name))
        names.setdefault(key, name)
        starts, ends = forms.setdefault(key, ([], []))
        (ends if response.kind == END else starts).append(response)
    matches, left_out = [], []
    for key in sorted(forms):
        department, role, person = key
        starts, ends = forms[key]
        if person and len(starts) == 1 and len(ends) == 1:
            matches.append(Match(department, role, starts[0], ends[0]))
        else:
            sources = tuple(r.source for r in starts), tuple(r.source for r in ends)
            left_out.append(LeftOut(department, role, names[key] if person else "", *sources))
    return Matching(tuple(matches), tuple(left_out))


# --- Figures --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChangeStats:
    """One question of one role, or one focus area of both roles, in one group: each matched
    person's rating at the start and at the end."""

    key: str  # the question's key, or the focus area's id
    label: str  # the question's words, or the focus area's title
    role: str  # mentee or mentor; "" for a focus area
    topic: str  # the focus area the question is about, if any
    ratings: tuple[tuple[int, int], ...]  # (start, end), one per person and question
    people: int
    published: bool = True  # False: kept out of the aggregates (a group too small to show)

    @property
    def n(self) -> int:
        """Ratings compared (one per person, unless a focus area has several questions)."""
        return len(self.ratings)

    @property
    def start(self) -> float | None:
        """Mean at the start."""
        return sum(s for s, _ in self.ratings) / self.n if self.n else None

    @property
    def end(self) -> float | None:
        """Mean at the end."""
        return sum(e for _, e in self.ratings) / self.n if self.n else None

    @property
    def change(self) -> float | None:
        """Mean change, end minus start."""
        return sum(e - s for s, e in self.ratings) / self.n if self.n else None

    @property
    def up(self) -> int:
        """Ratings higher at the end."""
        return sum(e > s for s, e in self.ratings)

    @property
    def same(self) -> int:
        """Ratings that stayed."""
        return sum(e == s for s, e in self.ratings)

    @property
    def down(self) -> int:
        """Ratings lower at the end."""
        return sum(e < s for s, e in self.ratings)


@dataclass(frozen=True)
class RoleCount:
    """One role in one group: the forms read and the people matched."""

    role: str
    starts: int
    ends: int
    matched: int


@dataclass(frozen=True)
class GroupChange:
    """A department, or the whole program."""

    slug: str
    name: str
    roles: tuple[RoleCount, ...]
    questions: tuple[ChangeStats, ...]  # per role, in the end form's order
    areas: tuple[ChangeStats, ...]  # per focus area, both roles together

    @property
    def matched(self) -> int:
        """People matched, both roles."""
        return sum(count.matched for count in self.roles)

    def row(self, role: str, key: str) -> ChangeStats | None:
        """The figures of one role's question (role ""): of one focus area)."""
        rows = self.questions if role else self.areas
        return next((r for r in rows if (r.role, r.key) == (role, key)), None)


@dataclass(frozen=True)
class Change:
    """Start-to-end change: overall first, then each department in config order."""

    groups: tuple[GroupChange, ...]
    matching: Matching
    names: dict[str, str]  # department slug -> name, for the left-out forms

    @property
    def matched(self) -> int:
        """People matched in the whole program."""
        return self.groups[0].matched if self.groups else 0


def rerated(form_of: dict[str, Form], role: str) -> list[tuple[Question, Question]]:
    """(start, end) question pairs of a role: each end question that asks a start question
    again on the same numeric scale."""
    start, end = form_of.get(feedback_id(START, role)), form_of.get(feedback_id(END, role))
    if start is None or end is None:
        return []
    pairs = []
    for question in end.questions:
        before = start.get(question.key) if question.rerate == START else None
        numeric = question.type in (RATING, NPS)
        if before is not None and numeric and before.type == question.type:
            pairs.append((before, question))
    return pairs


def rerated_in(catalogues: Catalogues, departments: Iterable[str], role: str) -> list:
    """A role's rerated question pairs across departments, by key, first seen first."""
    seen: dict[str, tuple[Question, Question]] = {}
    for slug in departments:
        for before, after in rerated(catalogues[slug], role):
            seen.setdefault(after.key, (before, after))
    return list(seen.values())


def answered(
    matches: Iterable[Match], before: Question, after: Question
) -> list[tuple[str, tuple[int, int]]]:
    """(person, (start, end)) of each matched person who answered the question both times."""
    return [
        (m.start.source, (int(m.start.answers[before.field]), int(m.end.answers[after.field])))
        for m in matches
        if before.field in m.start.answers and after.field in m.end.answers
    ]


def stats_of(key: str, label: str, role: str, topic: str, found: list) -> ChangeStats:
    """Figures from (person, (start, end)) pairs."""
    people = len({person for person, _ in found})
    return ChangeStats(key, label, role, topic, tuple(pair for _, pair in found), people)


def group_change(
    slug: str,
    name: str,
    departments: list[str],
    catalogues: Catalogues,
    responses: list[Response],
    matching: Matching,
    topics: dict[str, str],
) -> GroupChange:
    """Figures for the given departments."""
    mine = [m for m in matching.matches if m.department in departments]
    forms = [r for r in responses if r.department in departments]
    roles, questions = [], []
    by_topic: dict[str, list] = {}
    for role in ROLES:
        people = [m for m in mine if m.role == role]
        kinds = [r.kind for r in forms if r.role == role]
        roles.append(RoleCount(role, kinds.count(START), kinds.count(END), len(people)))
        for before, after in rerated_in(catalogues, departments, role):
            found = answered(people, before, after)
            questions.append(stats_of(after.key, after.text, role, after.topic, found))
            if after.topic:
                by_topic.setdefault(after.topic, []).extend(found)
    areas = tuple(
        stats_of(topic, topics.get(topic, topic), "", topic, found)
        for topic, found in by_topic.items()
    )
    return GroupChange(slug, name, tuple(roles), tuple(questions), areas)


def evaluate_change(
    responses: list[Response],
    catalogues: Catalogues,
    names: dict[str, str],
    topics: dict[str, str],
    min_group: int,
) -> Change:
    """Start-to-end change for the whole program, then each department.

    ``names`` is each department's name by slug, in config order; ``topics`` each focus area's
    title by id. Every row knows whether it may be published (``min_group``).
    """
    matching = match(responses)
    everyone = list(names)
    groups = [
        group_change(OVERALL, "All departments", everyone, catalogues, responses, matching, topics)
    ]
    for slug, name in names.items():
        groups.append(group_change(slug, name, [slug], catalogues, responses, matching, topics))
    hidden = hidden_rows(groups, min_group)
    return Change(tuple(marked(group, hidden) for group in groups), matching, dict(names))


# --- What may be published ------------------------------------------------------------------


def hidden_rows(groups: Sequence[GroupChange], min_group: int) -> set[tuple[str, str, str]]:
    """(group slug, role, key) of every row kept out of what is published.

    A role's question follows ``suppressed`` across the departments; a focus area (role "")
    is shown only when it has ``min_group`` people and no role's row it pools is hidden.
    """
    overall, departments = groups[0], groups[1:]
    hidden = set()
    for row in overall.questions:
        counts = {g.slug: r.people for g in departments if (r := g.row(row.role, row.key))}
        hidden |= {(s, row.role, row.key) for s in suppressed(row.people, counts, min_group)}
    for group in groups:
        for area in group.areas:
            parts = [r for r in group.questions if r.topic == area.topic and r.people]
            if area.people < min_group or any((group.slug, r.role, r.key) in hidden for r in parts):
                hidden.add((group.slug, "", area.key))
    return hidden


def marked(group: GroupChange, hidden: set[tuple[str, str, str]]) -> GroupChange:
    """The group with each row marked published or not."""

    def mark(row: ChangeStats) -> ChangeStats:
        return dataclasses.replace(row, published=(group.slug, row.role, row.key) not in hidden)

    questions, areas = tuple(map(mark, group.questions)), tuple(map(mark, group.areas))
    return dataclasses.replace(group, questions=questions, areas=areas)


def row_json(row: ChangeStats) -> dict:
    """A row's published figures: the change, never the means (see the module docstring)."""
    head = {"role": row.role, "key": row.key, "label": row.label, "topic": row.topic}
    if not row.published:
        return head | {"suppressed": True}
    figures = {"people": row.people, "change": row.change}
    return head | {"suppressed": False, **figures, "up": row.up, "same": row.same, "down": row.down}


def change_aggregates(change: Change) -> list[dict]:
    """Each group's published change: rows with people only, small ones marked suppressed."""
    return [
        {
            "slug": group.slug,
            "name": group.name,
            "questions": [row_json(r) for r in group.questions if r.people],
            "areas": [row_json(r) for r in group.areas if r.people],
        }
        for group in change.groups
    ]
