"""labels: forms named by their titles, with the right article."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.commands.collect import catalogues_of
from generator.config.load import load
from generator.program.labels import form_label, kind_noun, with_article
from generator.program.plan import plan_program


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("agenda form", "an agenda form"),
        ("end form", "an end form"),
        ("goals form", "a goals form"),
        ("one-to-one pairing", "a one-to-one pairing"),
        ("hour", "an hour"),
        ("user survey", "a user survey"),
        ("8-week program", "an 8-week program"),
    ],
)
def test_the_article_goes_by_the_sound(phrase: str, expected: str) -> None:
    assert with_article(phrase) == expected


def test_forms_are_named_by_title_and_who_fills_them_in(small_config: Path) -> None:
    forms = catalogues_of(plan_program(load(small_config)))["sales"]
    assert form_label(forms["pulse-mentor"]) == "Session pulse (mentors)"
    assert form_label(forms["end-mentee"]) == "End-of-programme review (mentees)"  # en-GB
    assert form_label(forms["agreement"]) == "Mentoring agreement"
    agenda = next(form for form in forms.values() if form.kind == "agenda")
    assert with_article(kind_noun(agenda)) == "an agenda form"
