"""The numeric side of pairing: skill incidence matrices, hard-rule masks and score blocks.

Everything here is vectorised. Mentees are rows and mentors columns; a score block for a set of
mentee rows is computed against every mentor at once (an incidence-matrix product for the skill
overlap, broadcast comparisons for department, location and language), so the cost stays a few
BLAS calls per block rather than a Python loop over mentees x mentors.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from generator.config.pairing_settings import PairingSettings, normalise_skill
from generator.pairing.availability import SLOTS, read_slots
from generator.pairing.roster import Participant

REPORTING = "reporting line"
FORBIDDEN = "forbidden"
LANGUAGE = "language"
DEPARTMENT = "same department"

# Cells per block of rows: ~8 MB per float64 temporary. Blocks of 2M cells measured 2-4x slower
# (fresh pages faulted in for every block); much smaller blocks add per-call overhead.
BLOCK_CELLS = 1_000_000


@dataclass
class Vocabulary:
    """Normalised term -> column index, keeping the first display spelling of each term."""

    index: dict[str, int] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)

    def add(self, key: str, display: str) -> int:
        """Return the column of ``key``, creating it (shown as ``display``) when new."""
        if key not in self.index:
            self.index[key] = len(self.names)
            self.names.append(display)
        return self.index[key]


@dataclass
class Problem:
    """A cohort in matrix form. Row i is ``mentees[i]``, column j is ``mentors[j]``."""

    mentees: list[Participant]
    mentors: list[Participant]
    settings: PairingSettings
    skills: Vocabulary
    want: np.ndarray  # mentees x skills, 0/1 float64
    teach: np.ndarray  # mentors x skills, 0/1 float64
    want_ids: list[list[int]]  # each mentee's skills in the order they listed them
    lang_e: np.ndarray
    lang_m: np.ndarray
    languages: Vocabulary
    dept_e: np.ndarray
    dept_m: np.ndarray
    loc_e: np.ndarray
    loc_m: np.ndarray
    avail_e: np.ndarray  # mentees x week slots (availability.SLOTS), 0/1 float64
    avail_m: np.ndarray  # mentors x week slots
    conflicts: dict[str, tuple[np.ndarray, np.ndarray]]  # kind -> (mentee rows, mentor cols)


def build_problem(
    mentees: Sequence[Participant], mentors: Sequence[Participant], settings: PairingSettings
) -> Problem:
    """Turn sorted mentees and mentors into incidence matrices, codes and conflict lists."""
    skills, synonyms = Vocabulary(), settings.synonym_map()
    canon = {normalise_skill(c): c for c in settings.synonyms}
    for canonical in sorted(canon):
        skills.add(canonical, canon[canonical])
    want_ids = _incidence(mentees, skills, synonyms)
    teach_ids = _incidence(mentors, skills, synonyms)
    languages = Vocabulary()
    lang_e = _incidence(mentees, languages, {}, attr="languages")
    lang_m = _incidence(mentors, languages, {}, attr="languages")
    depts, locs = _codes(mentees, mentors, "department"), _codes(mentees, mentors, "location")
    return Problem(
        list(mentees), list(mentors), settings, skills,
        _pad(want_ids, len(skills.names)), _pad(teach_ids, len(skills.names)), want_ids,
        _pad(lang_e, len(languages.names)), _pad(lang_m, len(languages.names)), languages,
        depts[0], depts[1], locs[0], locs[1], _slots(mentees), _slots(mentors),
        _conflicts(mentees, mentors, settings),
    )  # fmt: skip


def _incidence(people, vocab: Vocabulary, synonyms: dict[str, str], attr: str = "skills"):
    """Term ids per person, in the order they listed them, without repeats."""
    ids: list[list[int]] = []
    for person in people:
        row: list[int] = []
        for text in getattr(person, attr):
            key = normalise_skill(text)
            key = synonyms.get(key, key)
            if key and (col := vocab.add(key, text.strip())) not in row:
                row.append(col)
        ids.append(row)
    return ids


def _pad(ids: list[list[int]], width: int) -> np.ndarray:
    """Dense 0/1 incidence matrix from per-row term ids."""
    matrix = np.zeros((len(ids), width), dtype=np.float64)
    rows = np.repeat(np.arange(len(ids)), [len(r) for r in ids])
    cols = np.fromiter((c for r in ids for c in r), dtype=np.intp, count=len(rows))
    matrix[rows, cols] = 1.0
    return matrix


def _slots(people: Sequence[Participant]) -> np.ndarray:
    """People x week slots from the availability column (an unreadable cell gives none)."""
    column = {slot: k for k, slot in enumerate(SLOTS)}
    return _pad([[column[s] for s in read_slots(p.availability)] for p in people], len(SLOTS))


def _codes(mentees, mentors, attr: str) -> tuple[np.ndarray, np.ndarray]:
    """Integer code per person for a free-text attribute (case-folded); -1 when blank."""
    vocab = Vocabulary()

    def code(person: Participant) -> int:
        key = " ".join(getattr(person, attr).casefold().split())
        return vocab.add(key, key) if key else -1

    e = np.fromiter((code(p) for p in mentees), dtype=np.int64, count=len(mentees))
    m = np.fromiter((code(p) for p in mentors), dtype=np.int64, count=len(mentors))
    return e, m


def _conflicts(mentees, mentors, settings: PairingSettings) -> dict:
    """Reporting-line and forbidden cells as (row, col) arrays sorted by row."""
    row_of = {p.email: i for i, p in enumerate(mentees)}
    col_of = {p.email: j for j, p in enumerate(mentors)}
    chains = management_chains([*mentees, *mentors])
    line = [(row_of[p.email], col_of[a]) for p in mentees for a in chains[p.email] if a in col_of]
    line += [(row_of[a], col_of[p.email]) for p in mentors for a in chains[p.email] if a in row_of]
    banned = [
        (row_of[f.mentee], col_of[f.mentor])
        for f in settings.forbidden
        if f.mentee in row_of and f.mentor in col_of
    ]
    return {REPORTING: _sorted_cells(line), FORBIDDEN: _sorted_cells(banned)}


def _sorted_cells(cells: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    if not cells:
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
    unique = np.unique(np.asarray(cells, dtype=np.intp), axis=0)
    return unique[:, 0].copy(), unique[:, 1].copy()


def management_chains(people: Sequence[Participant]) -> dict[str, tuple[str, ...]]:
    """Each person's managers upward (direct manager first), reusing chains already computed.

    Managers outside ``people`` end a chain; a cycle (rejected by the roster reader) is cut.
    """
    manager = {p.email: p.manager for p in people}
    chains: dict[str, tuple[str, ...]] = {}
    for email in manager:
        path: list[str] = []
        current = manager[email]
        while current in manager and current != email and current not in path:
            path.append(current)
            if current in chains:
                path += [a for a in chains[current] if a != email and a not in path]
                break
            current = manager[current]
        chains[email] = tuple(path)
    return chains


@dataclass
class Block:
    """Score parts for some mentee rows against every mentor (each array rows x mentors)."""

    rows: np.ndarray
    overlap: np.ndarray
    coverage: np.ndarray
    cross: np.ndarray
    same_location: np.ndarray
    shared_language: np.ndarray
    availability: (
        np.ndarray
    )  # share of the mentee's slots the mentor shares (0 if either gave none)
    score: np.ndarray
    blocked: dict[str, np.ndarray]  # hard-rule kind -> cells that break it

    def infeasible(self) -> np.ndarray:
        """Cells that share no skill or break a hard rule."""
        bad = self.overlap <= 0
        for cells in self.blocked.values():
            bad |= cells
        return bad

    def feasible(self) -> np.ndarray:
        """Cells that share a skill and break no hard rule."""
        return ~self.infeasible()

    def feasible_scores(self) -> np.ndarray:
        """Scores with ``-inf`` wherever the pair may not be made."""
        scores = self.score.copy()
        np.copyto(scores, -np.inf, where=self.infeasible())
        return scores


def score_block(problem: Problem, rows: np.ndarray) -> Block:
    """Compute every score part and hard-rule mask for ``rows`` against all mentors."""
    rules = problem.settings.rules
    overlap = problem.want[rows] @ problem.teach.T
    counts = np.maximum(problem.want[rows].sum(axis=1), 1.0)[:, None]
    coverage = overlap / counts
    cross = problem.dept_e[rows, None] != problem.dept_m[None, :]
    loc_e = problem.loc_e[rows, None]
    same_location = (loc_e == problem.loc_m[None, :]) & (loc_e >= 0)
    shared_language = (problem.lang_e[rows] @ problem.lang_m.T) > 0
    availability = _availability_share(problem.avail_e[rows], problem.avail_m, block=True)
    score = _combine(problem, coverage, cross, same_location, shared_language, availability)
    blocked = {kind: _cell_mask(problem, rows, kind) for kind in (REPORTING, FORBIDDEN)}
    if rules.require_shared_language:
        blocked[LANGUAGE] = ~shared_language
    elif rules.shared_language:
        listed_e = np.asarray(problem.lang_e[rows].any(axis=1))[:, None]
        listed_m = np.asarray(problem.lang_m.any(axis=1))[None, :]
        blocked[LANGUAGE] = ~shared_language & listed_e & listed_m
    if not rules.allow_same_department:
        blocked[DEPARTMENT] = ~cross
    return Block(
        rows, overlap, coverage, cross, same_location, shared_language, availability, score,
        blocked,
    )  # fmt: skip


def _availability_share(avail_e: np.ndarray, avail_m: np.ndarray, *, block: bool) -> np.ndarray:
    """Shared slots over the mentee's slots, for rows x mentors (``block``) or cell by cell."""
    shared = avail_e @ avail_m.T if block else (avail_e * avail_m).sum(axis=1)
    offered = avail_e.sum(axis=1)
    shared /= np.maximum(offered, 1.0)[:, None] if block else np.maximum(offered, 1.0)
    return shared


@dataclass
class Parts:
    """Score parts for a list of single (mentee row, mentor col) cells, as 1-D arrays."""

    coverage: np.ndarray
    cross: np.ndarray
    same_location: np.ndarray
    shared_language: np.ndarray
    availability: np.ndarray
    score: np.ndarray


def pair_parts(problem: Problem, rows: np.ndarray, cols: np.ndarray) -> Parts:
    """The same parts ``score_block`` computes, for chosen cells only (same arithmetic)."""
    want = problem.want[rows]
    overlap = (want * problem.teach[cols]).sum(axis=1)
    coverage = overlap / np.maximum(want.sum(axis=1), 1.0)
    cross = problem.dept_e[rows] != problem.dept_m[cols]
    loc_e = problem.loc_e[rows]
    same_location = (loc_e == problem.loc_m[cols]) & (loc_e >= 0)
    shared_language = (problem.lang_e[rows] * problem.lang_m[cols]).sum(axis=1) > 0
    availability = _availability_share(problem.avail_e[rows], problem.avail_m[cols], block=False)
    score = _combine(problem, coverage, cross, same_location, shared_language, availability)
    return Parts(coverage, cross, same_location, shared_language, availability, score)


def _combine(
    problem: Problem, coverage, cross, same_location, shared_language, availability
) -> np.ndarray:
    """Weighted sum of the parts. The three yes/no bonuses become a 3-bit code and one table
    lookup, which is a single pass over the block instead of three float passes."""
    w = problem.settings.weights
    bits = np.arange(8)
    table = (
        w.cross_department * (bits & 1 > 0)
        + w.same_location * (bits & 2 > 0)
        + w.shared_language * (bits & 4 > 0)
    )
    code = cross.view(np.uint8) | (same_location.view(np.uint8) << 1)
    code |= shared_language.view(np.uint8) << 2
    score = coverage * w.skill_overlap
    score += table[code]
    if w.availability:
        score += availability * w.availability
    return score


def _cell_mask(problem: Problem, rows: np.ndarray, kind: str) -> np.ndarray:
    """Boolean rows x mentors mask of the listed conflict cells of ``kind``."""
    mask = np.zeros((len(rows), len(problem.mentors)), dtype=bool)
    cell_rows, cell_cols = problem.conflicts[kind]
    if len(cell_rows):
        position = np.full(len(problem.mentees), -1, dtype=np.intp)
        position[rows] = np.arange(len(rows))
        hit = position[cell_rows] >= 0
        mask[position[cell_rows[hit]], cell_cols[hit]] = True
    return mask


def blocks(problem: Problem, rows: np.ndarray) -> Iterator[Block]:
    """Score blocks over ``rows`` in chunks small enough to keep temporaries bounded."""
    step = max(1, BLOCK_CELLS // max(1, len(problem.mentors)))
    for start in range(0, len(rows), step):
        yield score_block(problem, rows[start : start + step])
