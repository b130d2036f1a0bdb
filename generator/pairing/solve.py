"""The assignment step: a gain matrix over mentor slots, solved with linear_sum_assignment.

Rows are the free mentees (those not pinned), columns are mentor slots (a mentor's column is
repeated ``capacity`` times). Infeasible cells hold ``-big``, a value below any achievable total,
so the solver first pairs as many mentees as possible and only then maximises the total score.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_bipartite_matching

from generator.pairing.matrix import Problem, blocks

# Rows per chunk when scanning the finished gain matrix (keeps boolean temporaries small).
SCAN_CELLS = 4_000_000


@dataclass(frozen=True)
class Solution:
    """Chosen cells as mentee rows and mentor columns, with each pair's rank and options."""

    rows: np.ndarray
    cols: np.ndarray
    rank: np.ndarray  # 1 + how many feasible mentors would have scored higher for that mentee
    options: np.ndarray  # how many feasible mentors that mentee had
    mentor_feasible: np.ndarray  # per mentor: could any free mentee have been paired with them
    floor: float | None  # the raised minimum, in fairness mode


def solve(problem: Problem, free: np.ndarray, capacity: np.ndarray) -> Solution:
    """Assign free mentees to mentor slots (fairness mode first raises the weakest score)."""
    slot_mentor = np.repeat(np.arange(len(problem.mentors)), np.maximum(capacity, 0))
    mentor_feasible = np.zeros(len(problem.mentors), dtype=bool)
    if len(free) == 0 or len(slot_mentor) == 0:
        empty = np.zeros(0, dtype=np.intp)
        return Solution(empty, empty, empty, empty, mentor_feasible, None)
    gain, big = gain_matrix(problem, free, slot_mentor)
    first = np.flatnonzero(np.r_[True, slot_mentor[1:] != slot_mentor[:-1]])
    options, column_any = _feasible_counts(gain, big, first)
    mentor_feasible[slot_mentor[first]] = column_any
    floor = _maximin_floor(gain, big) if problem.settings.fairness else None
    if floor is not None:
        np.copyto(gain, -big, where=gain < floor)  # only pairs at or above the floor stay
    rows, cols = _assign(gain, big)
    rank = _ranks(gain, rows, cols, first)
    return Solution(free[rows], slot_mentor[cols], rank, options[rows], mentor_feasible, floor)


def gain_matrix(problem: Problem, free: np.ndarray, slot_mentor: np.ndarray):
    """Free mentees x mentor slots: the pair score, or ``-big`` where a pair is infeasible."""
    weights = problem.settings.weights
    top = weights.skill_overlap + weights.cross_department
    top += weights.same_location + weights.shared_language + weights.availability
    big = (min(len(free), len(slot_mentor)) + 1) * (top + 1.0) * 2.0
    gain = np.empty((len(free), len(slot_mentor)), dtype=np.float64)
    one_slot_each = len(slot_mentor) == len(problem.mentors)  # no column needs repeating
    start = 0
    for block in blocks(problem, free):
        target = gain[start : start + len(block.rows)]
        infeasible = block.infeasible()
        if one_slot_each:
            np.copyto(target, block.score)
        else:
            np.take(block.score, slot_mentor, axis=1, out=target)
            infeasible = infeasible[:, slot_mentor]
        np.copyto(target, -big, where=infeasible)
        start += len(block.rows)
    return gain, big


def _chunks(count: int, width: int) -> Iterator[slice]:
    step = max(1, SCAN_CELLS // max(1, width))
    for start in range(0, count, step):
        yield slice(start, start + step)


def _mentor_view(gain: np.ndarray, first: np.ndarray, part: slice | np.ndarray) -> np.ndarray:
    """Rows of the gain matrix with one column per mentor (its first slot)."""
    rows = gain[part]
    return rows if len(first) == gain.shape[1] else rows[:, first]


def _feasible_counts(gain: np.ndarray, big: float, first: np.ndarray):
    """Feasible mentors per row, and per mentor whether any row could take them."""
    counts = np.zeros(gain.shape[0], dtype=np.intp)
    column_any = np.zeros(len(first), dtype=bool)
    for part in _chunks(gain.shape[0], gain.shape[1]):
        ok = _mentor_view(gain, first, part) > -big
        counts[part] = ok.sum(axis=1)
        column_any |= ok.any(axis=0)
    return counts, column_any


def _ranks(gain: np.ndarray, rows: np.ndarray, cols: np.ndarray, first: np.ndarray):
    """1 + the number of mentors who would score strictly higher for each chosen mentee.

    In fairness mode the cells below the floor are already ``-big``; they score below the
    chosen pair anyway, so the rank is the same as against the untouched scores.
    """
    ranks = np.ones(len(rows), dtype=np.intp)
    for part in _chunks(len(rows), gain.shape[1]):
        chosen = gain[rows[part], cols[part]][:, None]
        ranks[part] += (_mentor_view(gain, first, rows[part]) > chosen).sum(axis=1)
    return ranks


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


def _maximin_floor(gain: np.ndarray, big: float) -> float | None:
    """The highest score t such that as many mentees as can be paired at all still can be,
    using only cells >= t (None when nobody can be paired).

    A bottleneck search: the number to keep is the size of a maximum matching on the feasible
    cells (exactly what the assignment pairs, since an infeasible cell costs more than any
    total can gain), then a binary search over the distinct feasible scores, each step a
    maximum bipartite matching (Hopcroft-Karp) on the cells at or above the candidate. One
    assignment follows on the cells above the floor, instead of a second full assignment.
    """
    values = _distinct_scores(gain, big)
    if not len(values):
        return None
    count = _matching_size(gain, values[0])
    low, high = 0, int(np.searchsorted(values, _top_bound(gain, count), side="right")) - 1
    while low < high:
        mid = (low + high + 1) // 2
        if _matching_size(gain, values[mid]) >= count:
            low = mid
        else:
            high = mid - 1
    return float(values[low])


def _top_bound(gain: np.ndarray, count: int) -> float:
    """No floor can beat the ``count``-th best row maximum: each paired mentee needs a cell at
    or above the floor. Cuts the binary search to the scores that could be the answer."""
    best = np.concatenate([gain[part].max(axis=1) for part in _chunks(*gain.shape)])
    return float(np.partition(best, len(best) - count)[len(best) - count])


def _distinct_scores(gain: np.ndarray, big: float) -> np.ndarray:
    found = [np.zeros(0)]
    for part in _chunks(gain.shape[0], gain.shape[1]):
        chunk = gain[part]
        found.append(np.unique(chunk[chunk > -big]))
    return np.unique(np.concatenate(found))


def _matching_size(gain: np.ndarray, threshold: float) -> int:
    """Size of a maximum matching using only cells scoring at least ``threshold``.

    The sparse graph is built in two passes (count, then fill) so that no more than one copy
    of its column indices exists at a time, however dense it is.
    """
    counts = np.zeros(gain.shape[0] + 1, dtype=np.int64)
    for part in _chunks(*gain.shape):
        counts[1:][part] = (gain[part] >= threshold).sum(axis=1)
    indptr = np.cumsum(counts)
    indices = np.empty(int(indptr[-1]), dtype=np.int32)
    for part in _chunks(*gain.shape):
        cols = np.nonzero(gain[part] >= threshold)[1]
        indices[indptr[part.start] : indptr[part.start] + len(cols)] = cols
    data = np.ones(len(indices), dtype=np.int8)
    allowed = csr_matrix((data, indices, indptr.astype(np.int32)), shape=gain.shape)
    matched = maximum_bipartite_matching(allowed, perm_type="column")
    return int((matched >= 0).sum())
