"""The availability column: the documented format, its score and its flag."""

from __future__ import annotations

import pytest

from generator.config.pairing_settings import PairingSettings
from generator.pairing.availability import parse_availability
from generator.pairing.cohort import pair_cohort
from generator.pairing.flags import NO_TIME, pair_flags
from generator.pairing.roster import Participant


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("Mon am; Tue pm; Thu", ("mon am", "tue pm", "thu am", "thu pm")),
        ("Tue/Thu mornings", ("tue am", "thu am")),
        ("Wednesdays, Friday afternoon", ("wed am", "wed pm", "fri pm")),
        ("", ()),
    ],
)
def test_the_format(text: str, slots: tuple[str, ...]) -> None:
    assert parse_availability(text) == slots


def test_an_unreadable_word_is_named() -> None:
    with pytest.raises(ValueError, match='"evenings" is not a weekday or a part of the day'):
        parse_availability("Mon evenings")


def one(email: str, role: str, availability: str) -> Participant:
    return Participant(
        name=email, email=email, role=role, department="S" if role == "mentee" else "E",
        skills=("python",), availability=availability,
    )  # fmt: skip


def test_shared_slots_score_and_no_overlap_is_flagged_not_forbidden() -> None:
    people = [
        one("ann@x.example", "mentee", "Mon am; Tue am"),
        one("bob@x.example", "mentor", "Tue"),
        one("cat@x.example", "mentor", "Fri"),
    ]
    settings = PairingSettings(weights={"availability": 0.4})
    (pair,) = pair_cohort(people, settings).pairs
    assert (pair.mentor.email, pair.shared_slots) == ("bob@x.example", ("tue am",))
    assert pair.parts.availability == pytest.approx(0.4 * 1 / 2)  # one of Ann's two slots
    alone = pair_cohort([people[0], people[2]], settings).pairs
    assert [p.mentor.email for p in alone] == ["cat@x.example"]  # still paired
    assert NO_TIME in pair_flags(alone[0], settings)
    assert NO_TIME not in pair_flags(pair, settings)
