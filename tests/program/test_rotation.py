"""rotation: a topic's next activities and prompts, and pair wording read for a group."""

from __future__ import annotations

from generator.config.resolved import Activity, Topic
from generator.program.rotation import SHOW_THEN_DO, Rotation, deep_dive, for_group

TOPIC = Topic(
    "t",
    "T",
    cover=("A point worth a session",),
    prompts=("First?", "Second?"),
    activities=(
        Activity("Long", 40, "Forty minutes."),
        Activity("Medium", 20, "Twenty minutes."),
        Activity("Short", 15, "Fifteen minutes."),
    ),
)


def titles(activities: list[Activity]) -> list[str]:
    return [activity.title for activity in activities]


def test_activities_come_in_order_while_they_fit() -> None:
    rotation = Rotation()
    assert titles(rotation.activities(TOPIC, 55, most=3)) == ["Long", "Medium"]
    assert titles(rotation.activities(TOPIC, 55, most=3)) == ["Short", "Deep dive", "Show, then do"]


def test_one_too_long_waits_for_a_longer_session() -> None:
    rotation = Rotation()
    assert titles(rotation.activities(TOPIC, 25, most=3)) == ["Medium"]
    assert titles(rotation.activities(TOPIC, 40, most=3)) == ["Long"]
    assert titles(rotation.activities(TOPIC, 45, most=2)) == ["Short", "Deep dive"]


def test_an_activity_is_squeezed_to_four_fifths_at_most() -> None:
    rotation = Rotation()
    assert titles(rotation.activities(TOPIC, 32, most=1)) == ["Long"]  # 40 x 0.8 = 32
    assert titles(Rotation().activities(TOPIC, 31, most=1)) == ["Medium"]


def test_rotations_are_separate_per_department() -> None:
    one, two = Rotation(), Rotation()
    assert one.activities(TOPIC, 40, most=1) == two.activities(TOPIC, 40, most=1)


def test_prompts_move_on_and_then_general_ones_follow_once() -> None:
    rotation = Rotation()
    assert rotation.prompts(TOPIC, 1) == ("First?",)
    second = rotation.prompts(TOPIC, 3)
    assert second[0] == "Second?"
    assert len(second) == 3
    asked = [*second, *rotation.prompts(TOPIC, 3), *rotation.prompts(TOPIC, 3)]
    assert len(asked) == len(set(asked))


def test_a_deep_dive_names_its_cover_point() -> None:
    activity = deep_dive("The sustainability claims customers check.")
    assert activity.description.startswith("The sustainability claims customers check. The")
    assert SHOW_THEN_DO.title == "Show, then do"


def test_pair_wording_reads_for_a_group() -> None:
    assert for_group("The mentee drafts a post; the mentor edits.") == (
        "Each leader drafts a post; the mentor edits."
    )
    assert for_group("Open the mentee's calendar.") == "Open each leader's calendar."
    assert for_group("The pair compares; then the pair decides.") == (
        "The group compares; then the group decides."
    )
    assert for_group("Mentee drives, mentor talks") == "Mentee drives, mentor talks"
    assert for_group("Other mentees watch.") == "Other leaders watch."
