"""Pair mentors (junior employees who teach) with mentees (senior leaders who learn).

Pure functions, no I/O. The cohort becomes a score matrix (``pair_matrix``); hard rules make
cells infeasible; each mentor's column is repeated ``capacity`` times; pins are fixed first; then
``scipy.optimize.linear_sum_assignment`` pairs as many mentees as possible and, among those
pairings, maximises the total score. Fairness mode first raises the weakest pair's score as far
as it can go without pairing fewer people. Every pair carries the reasons it was made.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_bipartite_matching

from generator.errors import ConfigError, RosterError
from generator.pair_matrix import DEPARTMENT, LANGUAGE, Block, Problem, blocks, build_problem
from generator.pairing_settings import PairingSettings
from generator.roster import Participant

CAPACITY_EXHAUSTED = "mentor capacity exhausted"


@dataclass(frozen=True)
class ScoreParts:
    """The weighted contributions that add up to a pair's score."""

    skill_overlap: float
    cross_department: float
    same_location: float
    shared_language: float


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
    participants: Sequence[Participant], settings: PairingSettings | None = None
) -> PairingResult:
    """Pair a cohort: the best total score among pairings that pair as many mentees as possible."""
    settings = settings or PairingSettings()
    mentees, mentors = _split_roles(participants)
    problem = build_problem(mentees, mentors, settings)
    pinned = _pins(problem)
    capacity = np.array([m.capacity for m in mentors], dtype=np.intp)
    np.subtract.at(capacity, [j for _, j in pinned], 1)
    free = np.setdiff1d(np.arange(len(mentees)), [i for i, _ in pinned])
    rows, cols, floor = _solve(problem, free, capacity)
    chosen = [*pinned, *zip(rows.tolist(), cols.tolist(), strict=True)]
    pairs = _explain(problem, chosen, {i for i, _ in pinned})
    return PairingResult(pairs, _unpaired(problem, chosen), floor)


def _split_roles(participants: Sequence[Participant]) -> tuple[list, list]:
    """Mentees and mentors, each sorted by e-mail so the same roster always pairs the same."""
    ordered = sorted(participants, key=lambda p: p.email)
    emails = [p.email for p in ordered]
    if len(set(emails)) != len(emails):
        dupes = sorted({e for e in emails if emails.count(e) > 1})
        msg = f"duplicate e-mail in the cohort: {', '.join(dupes)}"
        raise RosterError(msg)
    return [p for p in ordered if p.role == "mentee"], [p for p in ordered if p.role == "mentor"]


# --- pins ------------------------------------------------------------------------------------


def _pins(problem: Problem) -> list[tuple[int, int]]:
    """Resolve ``pinned`` to (row, col) cells; every broken rule is a located ConfigError."""
    rows = {p.email: i for i, p in enumerate(problem.mentees)}
    cols = {p.email: j for j, p in enumerate(problem.mentors)}
    cells, problems, used = [], [], {}
    for k, pin in enumerate(problem.settings.pinned):
        where = f"pairing.pinned[{k}]"
        if pin.mentee not in rows or pin.mentor not in cols:
            problems.append(f"{where}: {_unknown(pin, rows, cols)}")
            continue
        cell = (rows[pin.mentee], cols[pin.mentor])
        if cell[0] in {i for i, _ in cells}:
            problems.append(f"{where}: mentee {pin.mentee} is already pinned")
            continue
        used[cell[1]] = used.get(cell[1], 0) + 1
        if used[cell[1]] > problem.mentors[cell[1]].capacity:
            problems.append(f"{where}: more pins than mentor {pin.mentor}'s capacity")
        broken = _broken_rules(problem, *cell)
        if broken:
            problems.append(f"{where}: {pin.mentor} -> {pin.mentee} breaks: {', '.join(broken)}")
        cells.append(cell)
    if problems:
        msg = "invalid pinned pairs:\n" + "\n".join(f"  - {p}" for p in problems)
        raise ConfigError(msg)
    return cells


def _unknown(pin, rows: dict, cols: dict) -> str:
    if pin.mentee not in rows:
        return f"{pin.mentee} is not a mentee in the roster"
    return f"{pin.mentor} is not a mentor in the roster"


def _broken_rules(problem: Problem, row: int, col: int) -> list[str]:
    block = next(blocks(problem, np.array([row])))
    return [kind for kind, cells in block.blocked.items() if cells[0, col]]


# --- solving ---------------------------------------------------------------------------------


def _solve(problem: Problem, free: np.ndarray, capacity: np.ndarray):
    """Assign free mentees to mentor slots; return mentee rows, mentor cols and fairness floor."""
    slot_mentor = np.repeat(np.arange(len(problem.mentors)), np.maximum(capacity, 0))
    empty = np.zeros(0, dtype=np.intp)
    if len(free) == 0 or len(slot_mentor) == 0:
        return empty, empty, None
    gain, big = _gain_matrix(problem, free, slot_mentor)
    rows, cols = _assign(gain, big)
    floor = None
    if problem.settings.fairness and len(rows):
        floor = _maximin_floor(gain, big, len(rows))
        gain[gain < floor] = -big  # only pairs at or above the floor stay possible
        rows, cols = _assign(gain, big)
    return free[rows], slot_mentor[cols], floor


def _gain_matrix(problem: Problem, free: np.ndarray, slot_mentor: np.ndarray):
    """Free mentees x mentor slots: the pair score, or ``-big`` where a pair is infeasible.

    ``big`` exceeds any achievable total, so the assignment first avoids infeasible cells (pairs
    as many mentees as possible) and only then maximises the score.
    """
    weights = problem.settings.weights
    top = weights.skill_overlap + weights.cross_department
    top += weights.same_location + weights.shared_language
    big = (min(len(free), len(slot_mentor)) + 1) * (top + 1.0) * 2.0
    gain = np.empty((len(free), len(slot_mentor)), dtype=np.float64)
    start = 0
    for block in blocks(problem, free):
        scores = np.where(block.feasible(), block.score, -big)
        gain[start : start + len(block.rows)] = scores[:, slot_mentor]
        start += len(block.rows)
    return gain, big


def _assign(gain: np.ndarray, big: float) -> tuple[np.ndarray, np.ndarray]:
    """Maximise the total gain; drop cells the solver could only fill with an infeasible pair."""
    # Negating in place and passing a C-contiguous float64 array lets scipy skip its own copy
    # (maximize=True would allocate a second full matrix).
    np.negative(gain, out=gain)
    try:
        rows, cols = linear_sum_assignment(gain)
    finally:
        np.negative(gain, out=gain)
    keep = gain[rows, cols] > -big
    return rows[keep], cols[keep]


def _maximin_floor(gain: np.ndarray, big: float, count: int) -> float:
    """The highest score t such that ``count`` mentees can still be paired using cells >= t.

    Binary search over the distinct feasible scores; each step checks feasibility with a maximum
    bipartite matching on the cells at or above the candidate.
    """
    values = _distinct_scores(gain, big)
    low, high = 0, len(values) - 1  # values[low] is always achievable (every feasible cell)
    while low < high:
        mid = (low + high + 1) // 2
        if _matching_size(gain >= values[mid]) >= count:
            low = mid
        else:
            high = mid - 1
    return float(values[low])


def _distinct_scores(gain: np.ndarray, big: float) -> np.ndarray:
    step = max(1, 4_000_000 // max(1, gain.shape[1]))
    found = [np.unique(chunk[chunk > -big]) for chunk in _chunks(gain, step)]
    return np.unique(np.concatenate(found))


def _chunks(matrix: np.ndarray, step: int):
    for start in range(0, matrix.shape[0], step):
        yield matrix[start : start + step]


def _matching_size(allowed: np.ndarray) -> int:
    matched = maximum_bipartite_matching(csr_matrix(allowed), perm_type="column")
    return int((matched >= 0).sum())


# --- explanations ----------------------------------------------------------------------------


def _explain(problem: Problem, chosen: list[tuple[int, int]], pinned: set[int]) -> list[Pair]:
    """Build each Pair with its score parts, shared traits, rules passed and rank."""
    if not chosen:
        return []
    mentor_of = dict(chosen)
    rows = np.array(sorted(mentor_of), dtype=np.intp)
    pairs = []
    for block in blocks(problem, rows):
        options = block.feasible_scores()
        for k, row in enumerate(block.rows.tolist()):
            pairs.append(_pair(problem, block, k, mentor_of[row], options[k], row in pinned))
    return pairs


def _pair(
    problem: Problem, block: Block, k: int, col: int, options: np.ndarray, pinned: bool
) -> Pair:
    weights = problem.settings.weights
    mentee, mentor = problem.mentees[block.rows[k]], problem.mentors[col]
    score = float(block.score[k, col])
    parts = ScoreParts(
        skill_overlap=weights.skill_overlap * float(block.coverage[k, col]),
        cross_department=weights.cross_department * float(block.cross[k, col]),
        same_location=weights.same_location * float(block.same_location[k, col]),
        shared_language=weights.shared_language * float(block.shared_language[k, col]),
    )
    teaches = set(np.flatnonzero(problem.teach[col]).tolist())
    return Pair(
        mentor=mentor,
        mentee=mentee,
        score=score,
        parts=parts,
        shared_skills=_names(problem, [s for s in problem.want_ids[block.rows[k]] if s in teaches]),
        cross_department=bool(block.cross[k, col]),
        same_location=bool(block.same_location[k, col]),
        shared_languages=_shared_languages(problem, block.rows[k], col),
        rules_passed=_rules_passed(problem),
        rank=int((options > score).sum()) + 1,
        options=int(np.isfinite(options).sum()),
        pinned=pinned,
    )


def _names(problem: Problem, ids: list[int]) -> tuple[str, ...]:
    return tuple(problem.skills.names[i] for i in ids)


def _shared_languages(problem: Problem, row: int, col: int) -> tuple[str, ...]:
    both = np.flatnonzero(problem.lang_e[row] * problem.lang_m[col])
    return tuple(problem.languages.names[i] for i in both.tolist())


def _rules_passed(problem: Problem) -> tuple[str, ...]:
    rules = ["not in the same reporting line", "not a forbidden pair"]
    if problem.settings.rules.require_shared_language:
        rules.append("share a language")
    if not problem.settings.rules.allow_same_department:
        rules.append("different departments")
    return tuple(rules)


# --- the unpaired and why --------------------------------------------------------------------


def _unpaired(problem: Problem, chosen: list[tuple[int, int]]) -> list[Unpaired]:
    """Mentees without a mentor and mentors without any mentee, each with a reason."""
    paired_rows = {i for i, _ in chosen}
    rows = np.array([i for i in range(len(problem.mentees)) if i not in paired_rows], np.intp)
    result = []
    for block in blocks(problem, rows):
        feasible = block.feasible()
        for k, row in enumerate(block.rows.tolist()):
            reason = _mentee_reason(problem, block, feasible, k)
            result.append(Unpaired(problem.mentees[row], reason))
    busy = {j for _, j in chosen}
    idle = [j for j in range(len(problem.mentors)) if j not in busy]
    if idle:
        reasons = _mentor_reasons(problem)
        result += [Unpaired(problem.mentors[j], reasons(j)) for j in idle]
    return result


def _mentee_reason(problem: Problem, block: Block, feasible: np.ndarray, k: int) -> str:
    candidates = block.overlap[k] > 0
    if not candidates.any():
        wanted = ", ".join(_names(problem, problem.want_ids[block.rows[k]]))
        return f"no mentor teaches any of: {wanted}"
    if not feasible[k].any():
        kinds = [kind for kind, cells in block.blocked.items() if (cells[k] & candidates).any()]
        return f"every candidate conflicts ({' / '.join(kinds)})"
    return CAPACITY_EXHAUSTED


def _mentor_reasons(problem: Problem):
    """One pass over every mentee row, then a lookup giving the reason an idle mentor got nobody."""
    n = len(problem.mentors)
    candidates, feasible = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    kinds: dict[str, np.ndarray] = {}
    for block in blocks(problem, np.arange(len(problem.mentees))):
        overlap = block.overlap > 0
        candidates |= overlap.any(axis=0)
        feasible |= block.feasible().any(axis=0)
        for kind, cells in block.blocked.items():
            kinds[kind] = kinds.get(kind, np.zeros(n, dtype=bool)) | (cells & overlap).any(axis=0)

    def reason(col: int) -> str:
        if not candidates[col]:
            taught = ", ".join(_names(problem, np.flatnonzero(problem.teach[col]).tolist()))
            return f"no mentee wants any of: {taught}"
        if not feasible[col]:
            found = [kind for kind, hit in kinds.items() if hit[col]]
            return f"every candidate conflicts ({' / '.join(found)})"
        return "every mentee they could teach is paired with another mentor"

    return reason


__all__ = [
    "CAPACITY_EXHAUSTED",
    "DEPARTMENT",
    "LANGUAGE",
    "Pair",
    "PairingResult",
    "ScoreParts",
    "Unpaired",
    "pair_cohort",
]
