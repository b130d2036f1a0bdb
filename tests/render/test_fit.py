"""The agenda's notes box: it takes the room the rest of the sheet leaves, within bounds."""

from __future__ import annotations

from types import SimpleNamespace

from generator.render.fit import NOTES_MAX, NOTES_MIN, fit_agenda


def item(notes: str, kind: str = "") -> tuple[str, SimpleNamespace]:
    return ("10:30", SimpleNamespace(title="Item", notes=notes, kind=kind))


HEAD = ("Mentor-Up · Sales · Session 1 of 4", "Kick-off: goals and agreement")


def test_a_short_agenda_gets_the_largest_box() -> None:
    fit = fit_agenda("A4", HEAD, [item("Say hello.")] * 3)
    assert fit.notes_mm == NOTES_MAX
    assert not fit.tight


def test_longer_text_leaves_a_smaller_box_and_letter_less_than_a4() -> None:
    agenda = [item("A long activity description, several lines of it. " * 6)] * 5
    a4, letter = fit_agenda("A4", HEAD, agenda), fit_agenda("Letter", HEAD, agenda)
    assert NOTES_MIN <= letter.notes_mm < a4.notes_mm < NOTES_MAX


def test_an_agenda_with_no_room_left_is_set_tight_at_the_smallest_box() -> None:
    agenda = [item("Every minute of a long day, described at length. " * 10)] * 8
    panels = [("Bring to this session", ["Your goal worksheet, filled in."] * 4)]
    fit = fit_agenda("Letter", HEAD, agenda, panels=panels)
    assert fit.notes_mm == NOTES_MIN
    assert fit.tight
