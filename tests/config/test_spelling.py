"""One spelling: whole words change, keep their capital, and nothing that is not prose."""

from __future__ import annotations

import pytest

from generator.config.spelling import BRITISH_TO_AMERICAN, spell


@pytest.mark.parametrize(
    ("text", "british", "american"),
    [
        ("the program lead", "the programme lead", "the program lead"),
        ("Program lead: Sam", "Programme lead: Sam", "Program lead: Sam"),
        ("your end-of-program review.", "your end-of-programme review.", None),
        ("our organisation's colour", None, "our organization's color"),
        ("WELLBEING and well-being", "WELLBEING and wellbeing", "WELL-BEING and well-being"),
        ("agreed to practise<br>", None, "agreed to practice<br>"),
        ("what you learnt", None, "what you learned"),
    ],
)
def test_words_change_with_their_case(text: str, british: str | None, american: str | None):
    assert spell(text, "en-GB") == (british or text)
    assert spell(text, "en-US") == (american or text)


@pytest.mark.parametrize(
    "text",
    [
        "guide/wellbeing.md",
        "(roles.md#how-the-program-works)",
        "{program}",
        "department=sales;program=mentor-up",
        "org.program",
        "programming",
        "reprogrammed",
        "form_program",
    ],
)
def test_paths_anchors_placeholders_and_other_words_stay(text: str):
    assert spell(text, "en-GB") == text
    assert spell(text, "en-US") == text


def test_british_and_american_round_trip_for_every_listed_word():
    for british, american in BRITISH_TO_AMERICAN.items():
        if british.startswith("programme"):
            continue  # en-GB writes programme; the American word is the one we start from
        assert spell(british, "en-US") == american
        assert spell(british, "en-GB") in (british, "wellbeing")
