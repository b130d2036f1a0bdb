"""sponsor: the figures of the sponsor summary, the two pages the executive sponsor reads.
Pure functions, no I/O.

Only the whole program's figures (no department, no name, no free text but the quotes the lead
picked): response rates by form, the NPS with its spread and, when there are enough answers,
an approximate 95% interval, the start-to-end change per focus area and role, the strongest and
weakest rated questions, and the lead's quotes and planned adjustments. Every figure carries its
n; a figure from fewer than ``min_group`` people is shown with a caveat mark, not hidden: the
sponsor reads the whole program, and the caveat says how far to trust it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from generator.config.fields import ROLES
from generator.evaluation.change import Change, ChangeStats, GroupChange
from generator.evaluation.collect import Catalogues
from generator.evaluation.compare import Comparison
from generator.evaluation.stats import GroupStats, Participants
from generator.program.forms import NPS, RATING, feedback_id
from generator.program.labels import form_label

#: z for a two-sided 95% interval.
Z95 = 1.96
#: How many questions each of the strongest and the weakest lists holds.
EXTREMES = 3


def form_title(catalogues: Catalogues, form_id: str) -> str:
    """How the reports name a form (``form_label``), from the first department that has it."""
    for catalogue in catalogues.values():
        if form_id in catalogue:
            return form_label(catalogue[form_id])
    return form_id


@dataclass(frozen=True)
class Rate:
    """One form: how many came back of how many expected (None: unknown)."""

    title: str
    returned: int
    expected: int | None

    @property
    def rate(self) -> float | None:
        """Returned per expected."""
        return self.returned / self.expected if self.expected else None


@dataclass(frozen=True)
class NetPromoter:
    """The 0-10 recommend question, both roles' end forms together (or one role's)."""

    counts: tuple[int, ...]

    @property
    def n(self) -> int:
        """Answers."""
        return sum(self.counts)

    @property
    def promoters(self) -> int:
        """Answers of 9 or 10."""
        return sum(self.counts[9:])

    @property
    def passives(self) -> int:
        """Answers of 7 or 8."""
        return sum(self.counts[7:9])

    @property
    def detractors(self) -> int:
        """Answers of 0 to 6."""
        return sum(self.counts[:7])

    @property
    def score(self) -> float | None:
        """% promoters minus % detractors, -100 to 100."""
        return 100 * (self.promoters - self.detractors) / self.n if self.n else None

    @property
    def interval(self) -> tuple[float, float] | None:
        """An approximate 95% interval (normal approximation, clipped to -100..100).

        Each answer scores +1, 0 or -1; the NPS is 100 times their mean, so its variance is
        (share of promoters + share of detractors - (their difference) squared) / n.
        """
        if self.n < 2 or self.score is None:
            return None
        p, d = self.promoters / self.n, self.detractors / self.n
        half = 100 * Z95 * math.sqrt(max(p + d - (p - d) ** 2, 0.0) / self.n)
        return max(-100.0, self.score - half), min(100.0, self.score + half)


@dataclass(frozen=True)
class Rated:
    """A 1-5 question's mean over the whole program."""

    question: str
    form: str
    mean: float
    n: int


@dataclass(frozen=True)
class AreaChange:
    """A focus area's start-to-end change: each role's, and both together."""

    label: str
    roles: tuple[tuple[str, ChangeStats | None], ...]
    both: ChangeStats


@dataclass(frozen=True)
class Headline:
    """The figures of the first glance."""

    participants: int | None
    pairs: int | None
    sessions: tuple[int, int]  # fewest and most sessions a department plans
    returned: int
    expected: int | None
    nps: NetPromoter | None
    change: float | None  # the mean change of every rating asked twice
    change_n: int  # people matched start to end

    @property
    def rate(self) -> float | None:
        """Forms returned per form expected."""
        return self.returned / self.expected if self.expected else None


@dataclass(frozen=True)
class SponsorSummary:
    """Everything the sponsor summary shows."""

    headline: Headline
    rates: tuple[Rate, ...]
    nps: NetPromoter | None
    nps_roles: tuple[tuple[str, NetPromoter], ...]
    areas: tuple[AreaChange, ...]
    strongest: tuple[Rated, ...]
    weakest: tuple[Rated, ...]
    quotes: tuple[str, ...]
    adjustments: tuple[str, ...]
    min_group: int
    source: str  # where the expected numbers come from: "pairs", "roster" or ""
    comparison: Comparison | None = None

    def small(self, n: int | None) -> bool:
        """Whether a figure from ``n`` answers or people needs the small-sample caveat."""
        return n is not None and 0 < n < self.min_group


# --- Parts ----------------------------------------------------------------------------------


def rates(
    overall: GroupStats, change: GroupChange, participants: Participants | None, titles: dict
) -> tuple[Rate, ...]:
    """Every form returned or expected: the self-assessments, then the feedback forms."""
    people = {role: sum(p.get(role, 0) for p in participants.values()) for role in ROLES} if (
        participants is not None) else None  # fmt: skip
    result = [
        Rate(titles[feedback_id("self-assessment", c.role)], c.starts,
             people[c.role] if people is not None else None)
        for c in change.roles
        if feedback_id("self-assessment", c.role) in titles
    ]  # fmt: skip
    result += [Rate(titles[f.form], f.responses, f.expected) for f in overall.forms]
    return tuple(r for r in result if r.returned or r.expected)


def nps_counts(overall: GroupStats, roles: Iterable[str]) -> NetPromoter | None:
    """The 0-10 answers of the given roles' forms pooled, or None when nobody answered."""
    counts = [0] * 11
    for form in overall.forms:
        if form.form.rsplit("-", 1)[-1] not in roles:
            continue
        for stats in form.questions:
            if stats.question.type == NPS:
                counts = [a + b for a, b in zip(counts, stats.counts, strict=True)]
    return NetPromoter(tuple(counts)) if sum(counts) else None


def pooled(rows: list[ChangeStats], label: str, role: str, topic: str) -> ChangeStats | None:
    """Several rows' ratings as one row; its people are the most any one row had."""
    ratings = tuple(pair for row in rows for pair in row.ratings)
    if not ratings:
        return None
    return ChangeStats(topic, label, role, topic, ratings, max(row.people for row in rows))


def area_changes(group: GroupChange) -> tuple[AreaChange, ...]:
    """Each focus area's change per role and both roles together, areas with answers only."""
    result = []
    for area in group.areas:
        if not area.n:
            continue
        roles = tuple(
            (role, pooled([q for q in group.questions if (q.role, q.topic) == (role, area.topic)],
                          area.label, role, area.topic))
            for role in ROLES
        )  # fmt: skip
        result.append(AreaChange(area.label, roles, area))
    return tuple(result)


def extremes(overall: GroupStats, titles: dict, min_group: int) -> tuple[tuple, tuple]:
    """The strongest and weakest 1-5 questions by mean, each with at least ``min_group``
    answers; a question is in one list only."""
    rated = sorted(
        (Rated(s.question.text, titles[f.form], s.mean, s.n)
         for f in overall.forms for s in f.questions
         if s.question.type == RATING and s.mean is not None and s.n >= min_group),
        key=lambda r: (-r.mean, r.form, r.question),
    )  # fmt: skip
    strongest = tuple(rated[:EXTREMES])
    weakest = tuple(reversed(rated[len(strongest) :][-EXTREMES:]))
    return strongest, weakest


def headline(
    overall: GroupStats,
    change: GroupChange,
    participants: Participants | None,
    source: str,
    sessions: dict[str, int],
    nps: NetPromoter | None,
) -> Headline:
    """The first glance: how many took part, came back, would recommend it and moved."""
    people = sum(sum(p.values()) for p in participants.values()) if participants else None
    pairs = sum(p.get(ROLES[0], 0) for p in participants.values()) if source == "pairs" and (
        participants) else None  # fmt: skip
    expected = [f.expected for f in overall.forms]
    known = None if any(e is None for e in expected) else sum(e or 0 for e in expected)
    ratings = [pair for row in change.questions for pair in row.ratings]
    mean = sum(e - s for s, e in ratings) / len(ratings) if ratings else None
    span = (min(sessions.values()), max(sessions.values())) if sessions else (0, 0)
    return Headline(people, pairs, span, overall.responses, known, nps, mean, change.matched)


def sponsor_summary(
    groups: list[GroupStats],
    change: Change,
    catalogues: Catalogues,
    participants: tuple[Participants | None, str],
    sessions: dict[str, int],
    notes: tuple[list[str], list[str], int],
    comparison: Comparison | None = None,
) -> SponsorSummary:
    """The summary's figures from the whole program's (``groups[0]``, ``change.groups[0]``).

    ``participants`` is the people per department and role and where that comes from;
    ``notes`` the lead's quotes, planned adjustments and ``min_group``.
    """
    overall, moved = groups[0], change.groups[0]
    quotes, adjustments, min_group = notes
    titles = {form_id: form_title(catalogues, form_id)
              for catalogue in catalogues.values() for form_id in catalogue}  # fmt: skip
    nps = nps_counts(overall, ROLES)
    by_role = tuple((role, found) for role in ROLES if (found := nps_counts(overall, (role,))))
    strongest, weakest = extremes(overall, titles, min_group)
    return SponsorSummary(
        headline=headline(overall, moved, participants[0], participants[1], sessions, nps),
        rates=rates(overall, moved, participants[0], titles),
        nps=nps,
        nps_roles=by_role,
        areas=area_changes(moved),
        strongest=strongest,
        weakest=weakest,
        quotes=tuple(quotes),
        adjustments=tuple(adjustments),
        min_group=min_group,
        source=participants[1],
        comparison=comparison,
    )
