"""evaluate: responses to figures. Pure functions, no I/O.

Per department and overall: responses and rates, each scale question's distribution and mean,
the NPS of the 0-10 recommend question, the mid-to-end trend, free text by question, and the
questions to adjust. ``aggregates`` then keeps only what may be published: no free text, and
no figure for a group of fewer than ``min_group`` respondents.

Only the feedback forms are counted here. Self-assessments are read too, but a start rating
means something only next to the same person's end rating: ``change`` compares them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.config.evaluation_settings import Evaluation
from generator.config.fields import ROLES
from generator.evaluation.collect import Catalogues, Response
from generator.program.forms import (
    BOX,
    CHOICE,
    FEEDBACK_FORMS,
    NPS,
    RATING,
    TEXT,
    Question,
    feedback_id,
)
from generator.program.labels import form_label

OVERALL = "overall"
SCALES = (RATING, NPS, CHOICE)


@dataclass(frozen=True)
class QuestionStats:
    """One scale question in one group: counts per scale value, mean and (0-10) NPS."""

    question: Question
    counts: tuple[int, ...]
    respondents: int

    @property
    def n(self) -> int:
        """Answers given."""
        return sum(self.counts)

    @property
    def mean(self) -> float | None:
        """Mean of a rating or 0-10 answer; None for a choice or no answers."""
        if self.question.type == CHOICE or not self.n:
            return None
        values = (int(v) * c for v, c in zip(self.question.scale, self.counts, strict=True))
        return sum(values) / self.n

    @property
    def nps(self) -> float | None:
        """% promoters (9-10) minus % detractors (0-6), for the 0-10 question."""
        if self.question.type != NPS or not self.n:
            return None
        promoters, detractors = sum(self.counts[9:]), sum(self.counts[:7])
        return 100 * (promoters - detractors) / self.n

    @property
    def shares(self) -> tuple[float, ...]:
        """Each scale value's share of the answers, 0-1."""
        return tuple(c / self.n if self.n else 0.0 for c in self.counts)


@dataclass(frozen=True)
class FormStats:
    """One feedback form in one group."""

    form: str
    title: str
    responses: int
    respondents: int
    expected: int | None
    questions: tuple[QuestionStats, ...]
    texts: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def rate(self) -> float | None:
        """Responses per expected response; None when nobody knows how many to expect."""
        return self.responses / self.expected if self.expected else None


@dataclass(frozen=True)
class Trend:
    """One role's pooled mean of every 1-5 answer on the mid form and on the end form."""

    role: str
    mid: float | None
    end: float | None
    mid_n: int
    end_n: int

    @property
    def change(self) -> float | None:
        """End minus mid."""
        return None if self.mid is None or self.end is None else self.end - self.mid


@dataclass(frozen=True)
class Flag:
    """A 1-5 question whose mean is below the threshold: something to adjust."""

    form: str
    question: str
    mean: float
    n: int


@dataclass(frozen=True)
class GroupStats:
    """A department, or the whole program."""

    slug: str
    name: str
    forms: tuple[FormStats, ...]
    trends: tuple[Trend, ...]
    pulse: tuple[tuple[str, int, float], ...]  # (session, answers, mean of 1-5 answers)
    adjust: tuple[Flag, ...]

    @property
    def responses(self) -> int:
        """Forms returned, all kinds."""
        return sum(form.responses for form in self.forms)


# --- Building blocks ------------------------------------------------------------------------


def respondents(responses: Sequence[Response], field: str = "") -> int:
    """How many people at least gave these responses (or answered ``field``).

    Forms are anonymous; a person returns one pulse per session, so for pulses the fewest
    possible people is the largest number returned for any one session.
    """
    chosen = [r for r in responses if not field or field in r.answers]
    if not chosen or chosen[0].kind != "pulse":
        return len(chosen)
    return max(Counter(r.session for r in chosen).values())


def question_stats(question: Question, responses: Sequence[Response]) -> QuestionStats:
    """Counts per scale value of one question."""
    given = Counter(r.answers.get(question.field) for r in responses)
    counts = tuple(given[value] for value in question.scale)
    return QuestionStats(question, counts, respondents(responses, question.field))


def free_texts(questions: Iterable[Question], responses: Sequence[Response]) -> tuple:
    """Free-text answers grouped by question wording, questions in form order."""
    grouped: dict[str, list[str]] = {}
    for question in questions:
        if question.type in (TEXT, BOX):
            answers = [r.answers[question.field] for r in responses if question.field in r.answers]
            if answers:
                grouped.setdefault(question.text, []).extend(answers)
    return tuple((text, tuple(answers)) for text, answers in grouped.items())


def form_questions(catalogues: Catalogues, departments: Iterable[str], form_id: str) -> list:
    """The form's questions across departments, by field then wording, first seen first."""
    seen: dict[tuple[str, str], Question] = {}
    for slug in departments:
        form = catalogues[slug].get(form_id)
        for question in form.questions if form else ():
            seen.setdefault((question.field, question.text), question)
    return list(seen.values())


def form_title(catalogues: Catalogues, departments: Iterable[str], form_id: str) -> str:
    """A form's name in reports, from the first department that uses it (``labels``)."""
    forms = (catalogues[slug][form_id] for slug in departments if form_id in catalogues[slug])
    return next((form_label(form) for form in forms), form_id)


def form_stats(
    form_id: str,
    title: str,
    questions: list[Question],
    responses: list[Response],
    expected: int | None,
) -> FormStats:
    """One form in one group."""
    mine = [r for r in responses if r.form.id == form_id]
    scales = tuple(question_stats(q, mine) for q in questions if q.type in SCALES)
    return FormStats(
        form_id, title, len(mine), respondents(mine), expected, scales, free_texts(questions, mine)
    )


def pooled_mean(responses: Iterable[Response]) -> tuple[float | None, int]:
    """Mean and number of every 1-5 answer in these responses, all questions together."""
    values = [
        int(r.answers[q.field])
        for r in responses
        for q in r.form.questions
        if q.type == RATING and q.field in r.answers
    ]
    return (sum(values) / len(values) if values else None), len(values)


def trends(responses: list[Response]) -> tuple[Trend, ...]:
    """Mid versus end, per role."""
    result = []
    for role in ROLES:
        mid = pooled_mean(r for r in responses if r.form.id == feedback_id("mid", role))
        end = pooled_mean(r for r in responses if r.form.id == feedback_id("end", role))
        result.append(Trend(role, mid[0], end[0], mid[1], end[1]))
    return tuple(result)


def pulse_by_session(responses: list[Response]) -> tuple[tuple[str, int, float], ...]:
    """The pulse's pooled 1-5 mean per session, in session order."""
    sessions = sorted({r.session for r in responses if r.kind == "pulse" and r.session}, key=int)
    result = []
    for session in sessions:
        mean, n = pooled_mean(r for r in responses if r.kind == "pulse" and r.session == session)
        if mean is not None:
            result.append((session, n, mean))
    return tuple(result)


def flags(forms: Iterable[FormStats], threshold: float) -> tuple[Flag, ...]:
    """Every 1-5 question whose mean is below ``threshold``, lowest first."""
    found = [
        Flag(form.title, stats.question.text, stats.mean, stats.n)
        for form in forms
        for stats in form.questions
        if stats.question.type == RATING and stats.mean is not None and stats.mean < threshold
    ]
    return tuple(sorted(found, key=lambda flag: flag.mean))


# --- Groups ---------------------------------------------------------------------------------


#: Participants per department slug and role: who is expected to return each role's forms.
Participants = dict[str, dict[str, int]]


def expected_responses(kind: str, people: int, sessions: int) -> int:
    """One form per participant of the role; a pulse after every session but the last (the
    end-of-program review follows the last)."""
    return people * max(sessions - 1, 0) if kind == "pulse" else people


def group_stats(
    slug: str,
    name: str,
    departments: list[str],
    catalogues: Catalogues,
    responses: list[Response],
    expected: dict[str, int | None],
    threshold: float,
) -> GroupStats:
    """Figures for the responses of the given departments."""
    mine = [r for r in responses if r.department in departments]
    forms = tuple(
        form_stats(
            form_id,
            form_title(catalogues, departments, form_id),
            form_questions(catalogues, departments, form_id),
            mine,
            expected.get(form_id),
        )
        for form_id in FEEDBACK_FORMS
        if any(form_id in catalogues[slug] for slug in departments)
    )
    return GroupStats(
        slug, name, forms, trends(mine), pulse_by_session(mine), flags(forms, threshold)
    )


def evaluate(
    responses: list[Response],
    catalogues: Catalogues,
    names: dict[str, str],
    participants: Participants | None,
    sessions: dict[str, int],
    settings: Evaluation,
) -> list[GroupStats]:
    """Overall first, then each department in config order.

    ``participants`` is the number of people per department slug and role (None: neither a
    pairing nor a roster says, rates are unknown); ``sessions`` the sessions per department.
    """

    def expected(slugs: list[str]) -> dict[str, int | None]:
        if participants is None:
            return {}
        return {
            form_id: sum(
                expected_responses(form.kind, participants.get(s, {}).get(form.role, 0),
                                   sessions[s])
                for s in slugs if (form := catalogues[s].get(form_id))
            )
            for form_id in FEEDBACK_FORMS
        }  # fmt: skip

    everyone = list(names)
    threshold = settings.adjust_below
    groups = [
        group_stats(OVERALL, "All departments", everyone, catalogues, responses,
                    expected(everyone), threshold)
    ]  # fmt: skip
    for slug, name in names.items():
        groups.append(
            group_stats(slug, name, [slug], catalogues, responses, expected([slug]), threshold)
        )
    return groups


# --- What may be published ------------------------------------------------------------------


def suppressed(overall: int, counts: dict[str, int], min_group: int) -> set[str]:
    """Groups whose figures must not be shown: ``overall`` or department slugs.

    A department under ``min_group`` is hidden; if it is the only one hidden while the overall
    figure is shown, the next smallest is hidden too, so no subtraction recovers it.
    """
    hidden = {slug for slug, n in counts.items() if 0 < n < min_group}
    if overall < min_group:
        hidden.add(OVERALL)
    elif len(hidden) == 1:
        others = sorted((n, slug) for slug, n in counts.items() if n and slug not in hidden)
        hidden.update(slug for _, slug in others[:1])
    return hidden


def _form(group: GroupStats, form_id: str) -> FormStats | None:
    """A group's figures for one form; None when none of its departments uses that form."""
    return next((form for form in group.forms if form.form == form_id), None)


def _hidden_forms(groups: list[GroupStats], min_group: int) -> dict[str, set[str]]:
    overall, departments = groups[0], groups[1:]
    hidden = {}
    for form in overall.forms:
        counts = {g.slug: found.respondents for g in departments if (found := _form(g, form.form))}
        hidden[form.form] = suppressed(form.respondents, counts, min_group)
    return hidden


def _hidden_questions(groups: list[GroupStats], min_group: int) -> dict[tuple, set[str]]:
    hidden = {}
    overall, departments = groups[0], groups[1:]
    for form in overall.forms:
        for stats in form.questions:
            key = (form.form, stats.question.field)
            counts = {
                g.slug: next(
                    (s.respondents for s in found.questions if s.question.field == key[1]), 0
                )
                for g in departments
                if (found := _form(g, form.form))
            }
            hidden[key] = suppressed(stats.respondents, counts, min_group)
    return hidden


def question_json(stats: QuestionStats) -> dict:
    """A question's published figures."""
    return {
        "field": stats.question.field,
        "question": stats.question.text,
        "type": stats.question.type,
        "scale": list(stats.question.scale),
        "counts": list(stats.counts),
        "answers": stats.n,
        "mean": stats.mean,
        "nps": stats.nps,
    }


def aggregates(groups: list[GroupStats], settings: Evaluation, program: str) -> dict:
    """What the site may show: figures only, each for at least ``min_group`` respondents."""
    min_group = settings.min_group
    hidden_forms = _hidden_forms(groups, min_group)
    hidden_questions = _hidden_questions(groups, min_group)
    result = []
    for group in groups:
        forms = []
        for form in group.forms:
            if group.slug in hidden_forms[form.form] or not form.responses:
                # "empty": no answers at all, which needs no hiding (``suppressed`` treats a
                # group of none as known), and reads differently from "too few to show".
                empty = not form.responses
                forms.append(
                    {"form": form.form, "title": form.title, "suppressed": True, "empty": empty}
                )
                continue
            shown = [
                question_json(s)
                for s in form.questions
                if group.slug not in hidden_questions[(form.form, s.question.field)] and s.n
            ]
            forms.append(
                {
                    "form": form.form,
                    "title": form.title,
                    "suppressed": False,
                    "empty": False,
                    "responses": form.responses,
                    "rate": form.rate,
                    "questions": shown,
                }
            )
        result.append({"slug": group.slug, "name": group.name, "forms": forms})
    return {"program": program, "min_group": min_group, "groups": result}
