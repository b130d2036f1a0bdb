"""Flags: the soft preferences a pair does not meet, for the lead to look at.

A flag is never a reason to refuse a pair (the hard rules are that): a pair with no shared
skill was pinned or approved by hand, a pair across two cities may be the best there is. Each
kind is counted once on the terminal, and every flagged pair is listed in the pairing report,
so a roster of 10,000 people gives a few summary lines, not thousands.

A kind is only raised where the preference counts: the location flag when ``same_location``
has a weight, and only where the roster gives both people's locations, languages or
availability (a blank says nothing either way).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from generator.config.pairing_settings import PairingSettings
from generator.pairing.availability import read_slots
from generator.pairing.cohort import Pair

NO_SKILL = "no shared skill"
SAME_DEPARTMENT = "same department"
OTHER_LOCATION = "different locations"
NO_LANGUAGE = "no shared language"
NO_TIME = "no shared availability"
#: Every kind, in the order the terminal and the report list them.
KINDS = (NO_SKILL, NO_LANGUAGE, NO_TIME, OTHER_LOCATION, SAME_DEPARTMENT)


def pair_flags(pair: Pair, settings: PairingSettings) -> tuple[str, ...]:
    """The kinds of soft preference this pair does not meet, in ``KINDS`` order."""
    weights = settings.weights
    mentor, mentee = pair.mentor, pair.mentee
    found = set()
    if weights.skill_overlap and not pair.shared_skills:
        found.add(NO_SKILL)
    if weights.cross_department and not pair.cross_department:
        found.add(SAME_DEPARTMENT)
    located = mentor.location.strip() and mentee.location.strip()
    if weights.same_location and located and not pair.same_location:
        found.add(OTHER_LOCATION)
    if mentor.languages and mentee.languages and not pair.shared_languages:
        found.add(NO_LANGUAGE)
    both_free = read_slots(mentor.availability) and read_slots(mentee.availability)
    if both_free and not pair.shared_slots:
        found.add(NO_TIME)
    return tuple(kind for kind in KINDS if kind in found)


def flag_counts(flags: Iterable[tuple[str, ...]]) -> dict[str, int]:
    """How many pairs carry each kind of flag, in ``KINDS`` order, kinds with none left out."""
    counts = Counter(kind for kinds in flags for kind in kinds)
    return {kind: counts[kind] for kind in KINDS if counts[kind]}
