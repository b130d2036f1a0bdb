"""Pair mentors (junior employees who teach) with mentees (senior leaders who learn).

Pure functions, no I/O. The cohort becomes a score matrix (``pair_matrix``); hard rules make
cells infeasible; each mentor's column is repeated ``capacity`` times; pins are fixed first; then
``scipy.optimize.linear_sum_assignment`` pairs as many mentees as possible and, among those
pairings, maximises the total score. Fairness mode first raises the weakest pair's score as far
as it can go without pairing fewer people. Every pair carries the reasons it was made.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from generator.config.load import report
from generator.config.pairing_settings import PairingSettings
from generator.config.yamlsource import KeyPath, SourceMap, format_key_path
from generator.errors import ConfigError, RosterError
from generator.pairing.availability import SLOTS
from generator.pairing.matrix import Block, Problem, blocks, build_problem, pair_parts
from generator.pairing.roster import Participant
from generator.pairing.solve import Solution, solve

logger = logging.getLogger(__name__)

CAPACITY_EXHAUSTED = "mentor capacity exhausted"
TAKEN = "every mentee they could teach is paired with another mentor"


@dataclass(frozen=True)
class ScoreParts:
    """The weighted contributions that add up to a pair's score."""

    skill_overlap: float
    cross_department: float
    same_location: float
    shared_language: float
    availability: float = 0.0


@dataclass(frozen=True)
class Pair:
    """One mentor and one mentee, with why they were paired."""

    mentor: Participant
    mentee: Participant
    score: float
    parts: ScoreParts
    shared_skills: tuple[str, ...]
    cross_department: bool
    same_location: bool
    shared_languages: tuple[str, ...]
    rules_passed: tuple[str, ...]
    rank: int  # 1 = the best-scoring feasible mentor for this mentee
    options: int  # how many feasible mentors the mentee had
    pinned: bool = False
    shared_slots: tuple[str, ...] = ()  # half-day slots both gave (availability.SLOTS)


@dataclass(frozen=True)
class Unpaired:
    """A participant left without a partner, and why."""

    person: Participant
    reason: str


@dataclass(frozen=True)
class PairingResult:
    """The pairs (sorted by mentee e-mail) and everyone left unpaired (mentees first)."""

    pairs: list[Pair]
    unpaired: list[Unpaired]
    fairness_floor: float | None = None  # the raised minimum score, in fairness mode


def pair_cohort(
    participants: Sequence[Participant],
    settings: PairingSettings | None = None,
    source: SourceMap | None = None,
) -> PairingResult:
    """Pair a cohort: the best total score among pairings that pair as many mentees as possible.

    Pinned pairs are fixed first and take a slot of their mentor's capacity; the optimiser (and
    the fairness floor) covers the remaining mentees. Raises ConfigError for a pin that names
    someone unknown, exceeds a capacity or breaks a hard rule. With the config's ``source``,
    each problem is located (``file:line:column: pairing.pinned[i]: ...``), as load's are.
    """
    settings = settings or PairingSettings()
    mentees, mentors = split_roles(participants)
    problem = build_problem(mentees, mentors, settings)
    _warn_stale_forbidden(problem, source)
    pinned = _pins(problem, source)
    capacity = np.array([m.capacity for m in mentors], dtype=np.intp)
    np.subtract.at(capacity, [j for _, j in pinned], 1)
    free = np.setdiff1d(np.arange(len(mentees)), [i for i, _ in pinned])
    solution = _with_pins(problem, pinned, solve(problem, free, capacity))
    pairs = explain(problem, solution, {i for i, _ in pinned})
    return PairingResult(pairs, _unpaired(problem, solution), solution.floor)


def check_pins(
    participants: Sequence[Participant],
    settings: PairingSettings | None = None,
    source: SourceMap | None = None,
) -> None:
    """What ``pair_cohort`` checks before it solves (pins, stale forbidden pairs), without
    solving: ``validate`` runs it, so a bad pin is found where the build no longer pairs."""
    mentees, mentors = split_roles(participants)
    problem = build_problem(mentees, mentors, settings or PairingSettings())
    _warn_stale_forbidden(problem, source)
    _pins(problem, source)


def split_roles(participants: Sequence[Participant]) -> tuple[list, list]:
    """Mentees and mentors, each sorted by e-mail so the same roster always pairs the same."""
    ordered = sorted(participants, key=lambda p: p.email)
    dupes = sorted(email for email, n in Counter(p.email for p in ordered).items() if n > 1)
    if dupes:
        msg = f"duplicate e-mail in the cohort: {', '.join(dupes)}"
        raise RosterError(msg)
    return [p for p in ordered if p.role == "mentee"], [p for p in ordered if p.role == "mentor"]


def _warn_stale_forbidden(problem: Problem, source: SourceMap | None = None) -> None:
    """A forbidden pair naming someone not in this roster is harmless but probably a typo."""
    mentees = {p.email for p in problem.mentees}
    mentors = {p.email for p in problem.mentors}
    for k, ban in enumerate(problem.settings.forbidden):
        if ban.mentee not in mentees or ban.mentor not in mentors:
            key: KeyPath = ("pairing", "forbidden", k)
            where = f"{source.where(key)}: " if source is not None else ""
            logger.warning(
                "%s%s: %s -> %s names someone who is not in the roster "
                "(as mentor and mentee respectively); ignored",
                where, format_key_path(key), ban.mentor, ban.mentee,
            )  # fmt: skip


# --- pins ------------------------------------------------------------------------------------


def _pins(problem: Problem, source: SourceMap | None = None) -> list[tuple[int, int]]:
    """Resolve ``pinned`` to (row, col) cells; every broken rule is a located ConfigError."""
    rows = {p.email: i for i, p in enumerate(problem.mentees)}
    cols = {p.email: j for j, p in enumerate(problem.mentors)}
    cells: list[tuple[int, int]] = []
    problems: list[tuple[KeyPath, str]] = []
    used: dict[int, int] = {}
    for k, pin in enumerate(problem.settings.pinned):
        where: KeyPath = ("pairing", "pinned", k)
        if pin.mentee not in rows or pin.mentor not in cols:
            problems.append((where, _unknown(pin, rows, cols)))
            continue
        cell = (rows[pin.mentee], cols[pin.mentor])
        if cell[0] in {i for i, _ in cells}:
            problems.append((where, f"mentee {pin.mentee} is already pinned"))
            continue
        used[cell[1]] = used.get(cell[1], 0) + 1
        if used[cell[1]] > problem.mentors[cell[1]].capacity:
            problems.append((where, f"more pins than mentor {pin.mentor}'s capacity"))
        broken = _broken_rules(problem, *cell)
        if broken:
            problems.append((where, f"{pin.mentor} -> {pin.mentee} breaks: {', '.join(broken)}"))
        cells.append(cell)
    if problems and source is not None:
        raise ConfigError(report(source, problems))
    if problems:
        lines = (f"  - {format_key_path(where)}: {text}" for where, text in problems)
        msg = "invalid pinned pairs:\n" + "\n".join(lines)
        raise ConfigError(msg)
    return cells


def _unknown(pin, rows: dict, cols: dict) -> str:
    if pin.mentee not in rows:
        return f"{pin.mentee} is not a mentee in the roster"
    return f"{pin.mentor} is not a mentor in the roster"


def _broken_rules(problem: Problem, row: int, col: int) -> list[str]:
    block = next(blocks(problem, np.array([row])))
    return [kind for kind, cells in block.blocked.items() if cells[0, col]]


def _with_pins(problem: Problem, pinned: list[tuple[int, int]], solved: Solution) -> Solution:
    """Add the pinned cells (with their rank among the mentee's options) to the solution."""
    if not pinned:
        return solved
    rows = np.array([i for i, _ in pinned], dtype=np.intp)
    cols = np.array([j for _, j in pinned], dtype=np.intp)
    rank, options = rank_cells(problem, rows, cols)
    return Solution(
        np.r_[rows, solved.rows], np.r_[cols, solved.cols],
        np.r_[rank, solved.rank], np.r_[options, solved.options],
        solved.mentor_feasible, solved.floor,
    )  # fmt: skip


def rank_cells(problem: Problem, rows: np.ndarray, cols: np.ndarray):
    """For chosen cells (a pin, a hand-approved pair): 1 + the feasible mentors who would
    score higher for that mentee, and how many feasible mentors the mentee had."""
    rank, options = np.ones(len(rows), dtype=np.intp), np.zeros(len(rows), dtype=np.intp)
    order = np.argsort(rows, kind="stable")
    start = 0
    for block in blocks(problem, rows[order]):
        scores = block.feasible_scores()
        picked = order[start : start + len(block.rows)]
        chosen = block.score[np.arange(len(block.rows)), cols[picked]][:, None]
        rank[picked] += (scores > chosen).sum(axis=1)
        options[picked] = np.isfinite(scores).sum(axis=1)
        start += len(block.rows)
    return rank, options


# --- explanations ----------------------------------------------------------------------------


def explain(problem: Problem, solution: Solution, pinned: set[int]) -> list[Pair]:
    """Build each Pair (sorted by mentee) with its score parts, shared traits, rules and rank."""
    order = np.argsort(solution.rows, kind="stable")
    rows, cols = solution.rows[order], solution.cols[order]
    parts = pair_parts(problem, rows, cols)
    weights, rules = problem.settings.weights, _rules_passed(problem)
    pairs = []
    for k, (row, col) in enumerate(zip(rows.tolist(), cols.tolist(), strict=True)):
        teaches = set(np.flatnonzero(problem.teach[col]).tolist())
        score_parts = ScoreParts(
            skill_overlap=weights.skill_overlap * float(parts.coverage[k]),
            cross_department=weights.cross_department * float(parts.cross[k]),
            same_location=weights.same_location * float(parts.same_location[k]),
            shared_language=weights.shared_language * float(parts.shared_language[k]),
            availability=weights.availability * float(parts.availability[k]),
        )
        pairs.append(
            Pair(
                mentor=problem.mentors[col],
                mentee=problem.mentees[row],
                score=float(parts.score[k]),
                parts=score_parts,
                shared_skills=_names(problem, [s for s in problem.want_ids[row] if s in teaches]),
                cross_department=bool(parts.cross[k]),
                same_location=bool(parts.same_location[k]),
                shared_languages=_shared_languages(problem, row, col),
                rules_passed=rules,
                rank=int(solution.rank[order[k]]),
                options=int(solution.options[order[k]]),
                pinned=row in pinned,
                shared_slots=_shared_slots(problem, row, col),
            )
        )
    return pairs


def _names(problem: Problem, ids: list[int]) -> tuple[str, ...]:
    return tuple(problem.skills.names[i] for i in ids)


def _shared_languages(problem: Problem, row: int, col: int) -> tuple[str, ...]:
    both = np.flatnonzero(problem.lang_e[row] * problem.lang_m[col])
    return tuple(problem.languages.names[i] for i in both.tolist())


def _shared_slots(problem: Problem, row: int, col: int) -> tuple[str, ...]:
    both = np.flatnonzero(problem.avail_e[row] * problem.avail_m[col])
    return tuple(SLOTS[i] for i in both.tolist())


def _rules_passed(problem: Problem) -> tuple[str, ...]:
    rules = ["not in the same reporting line", "not a forbidden pair"]
    if problem.settings.rules.require_shared_language:
        rules.append("share a language")
    elif problem.settings.rules.shared_language:
        rules.append("share a language where both list languages")
    if not problem.settings.rules.allow_same_department:
        rules.append("different departments")
    return tuple(rules)


# --- the unpaired and why --------------------------------------------------------------------


def _unpaired(problem: Problem, solution: Solution) -> list[Unpaired]:
    """Mentees without a mentor and mentors without any mentee, each with a reason."""
    rows = np.setdiff1d(np.arange(len(problem.mentees)), solution.rows)
    result = []
    for block in blocks(problem, rows):
        feasible = block.feasible()
        for k, row in enumerate(block.rows.tolist()):
            reason = _mentee_reason(problem, block, feasible, k)
            result.append(Unpaired(problem.mentees[row], reason))
    idle = np.setdiff1d(np.arange(len(problem.mentors)), solution.cols).tolist()
    return result + [
        Unpaired(problem.mentors[j], r) for j, r in _mentor_reasons(problem, solution, idle)
    ]


def _mentee_reason(problem: Problem, block: Block, feasible: np.ndarray, k: int) -> str:
    candidates = block.overlap[k] > 0
    if not candidates.any():
        wanted = ", ".join(_names(problem, problem.want_ids[block.rows[k]]))
        return f"no mentor teaches any of: {wanted}"
    if not feasible[k].any():
        kinds = [kind for kind, cells in block.blocked.items() if (cells[k] & candidates).any()]
        return f"every candidate conflicts ({' / '.join(kinds)})"
    return CAPACITY_EXHAUSTED


def _mentor_reasons(problem: Problem, solution: Solution, idle: list) -> list[tuple[int, str]]:
    """Why each idle mentor got nobody. Most reasons come from cheap skill-level checks; only a
    mentor whose every candidate conflicts needs a pass over the mentee rows to name the rules."""
    wanted = problem.want.sum(axis=0) > 0
    reasons: dict[int, str] = {}
    for col in idle:
        if not (problem.teach[col] @ wanted) > 0:
            taught = ", ".join(_names(problem, np.flatnonzero(problem.teach[col]).tolist()))
            reasons[col] = f"no mentee wants any of: {taught}"
        elif solution.mentor_feasible[col]:
            reasons[col] = TAKEN
    unclear = [j for j in idle if j not in reasons]
    for col, kinds in _conflict_kinds(problem, unclear).items():
        reasons[col] = (
            f"every candidate conflicts ({' / '.join(kinds)})" if kinds is not None else TAKEN
        )
    return [(col, reasons[col]) for col in idle]


def _conflict_kinds(problem: Problem, cols: list[int]) -> dict[int, list[str] | None]:
    """Per mentor: the rules blocking every candidate, or None if some mentee was feasible."""
    if not cols:
        return {}
    picked = np.array(cols, dtype=np.intp)
    feasible = np.zeros(len(picked), dtype=bool)
    hits: dict[str, np.ndarray] = {}
    for block in blocks(problem, np.arange(len(problem.mentees))):
        overlap = block.overlap[:, picked] > 0
        feasible |= block.feasible()[:, picked].any(axis=0)
        for kind, cells in block.blocked.items():
            hit = (cells[:, picked] & overlap).any(axis=0)
            hits[kind] = hits.get(kind, np.zeros(len(picked), dtype=bool)) | hit
    return {
        col: None if feasible[k] else [kind for kind, hit in hits.items() if hit[k]]
        for k, col in enumerate(cols)
    }


__all__ = [
    "CAPACITY_EXHAUSTED",
    "Pair",
    "PairingResult",
    "ScoreParts",
    "Unpaired",
    "check_pins",
    "explain",
    "pair_cohort",
    "rank_cells",
    "split_roles",
]
