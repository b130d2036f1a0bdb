"""The content model: the shipped file, and a program's changes with located errors."""

from __future__ import annotations

import pytest

from generator.config.content import KINDS, builtin_content, merged, wording
from generator.config.load import load
from generator.errors import ConfigError
from tests.conftest import MINIMAL


def test_the_shipped_model_has_every_kind_of_form_once() -> None:
    content = builtin_content()
    assert tuple(form.kind for form in content.forms) == KINDS
    assert content.agreement
    assert content.preparation_minutes > 0


def test_every_rerated_question_is_asked_at_the_start_too() -> None:
    content = builtin_content()
    start = {q.key: q for q in content.form("self-assessment").questions}
    for question in content.form("end").questions:
        if question.rerate:
            assert question.key in start
            assert question.text == start[question.key].text  # the same words both times
            assert (question.low, question.high) == (
                start[question.key].low,
                start[question.key].high,
            )


@pytest.mark.parametrize(
    ("role", "format", "expected"),
    [
        ("mentee", "one-to-one", "mentee"),
        ("mentee", "group", "group-mentee"),
        ("mentor", "group", "group"),
        ("mentor", "one-to-one", "all"),
        (None, "group", "group"),
    ],
)
def test_the_most_specific_wording_wins(role, format, expected) -> None:  # noqa: A002
    text = {"all": "all", "mentee": "mentee", "group": "group", "group-mentee": "group-mentee"}
    assert wording(text, role, format) == expected
    assert wording({"mentor": "only mentors"}, "mentee", "one-to-one") is None


def test_a_program_adds_replaces_and_removes_questions(write_config) -> None:
    text = (
        MINIMAL
        + """\
content:
  preparation_minutes: 20
  forms:
    pulse:
      remove: [fit]
      questions:
        - key: useful
          type: rating
          text: How much did today help you?
          low: Not at all
          high: A lot
        - key: energy
          type: rating
          text: How much energy did you leave with?
          low: None
          high: Plenty
"""
    )
    playbook = load(write_config(text))
    pulse = playbook.content.form("pulse")
    keys = [q.key for q in pulse.questions]
    assert "fit" not in keys
    assert keys[-1] == "energy"
    assert (
        next(q for q in pulse.questions if q.key == "useful").text == "How much did today help you?"
    )
    assert playbook.content.preparation_minutes == 20
    assert merged(playbook.config.content).form("end") == builtin_content().form("end")


def test_removing_a_question_that_is_not_there_is_a_located_error(write_config) -> None:
    text = MINIMAL + "content:\n  forms:\n    pulse:\n      remove: [fitt]\n"
    with pytest.raises(ConfigError) as caught:
        load(write_config(text))
    message = str(caught.value)
    assert "organisation.yaml:" in message
    assert "content.forms.pulse.remove[0]" in message
    assert "did you mean 'fit'" in message


def test_a_rating_without_its_scale_labels_is_a_located_error(write_config) -> None:
    text = MINIMAL + (
        "content:\n  forms:\n    mid:\n      questions:\n"
        "        - {key: energy, type: rating, text: How is your energy}\n"
    )
    with pytest.raises(ConfigError) as caught:
        load(write_config(text))
    assert "content.forms.mid.questions[0]" in str(caught.value)
    assert "`low` and `high`" in str(caught.value)


def test_an_unknown_kind_of_form_names_the_kinds(write_config) -> None:
    text = MINIMAL + "content:\n  forms:\n    pulsee:\n      remove: [fit]\n"
    with pytest.raises(ConfigError) as caught:
        load(write_config(text))
    assert "content.forms" in str(caught.value)
    assert "pulse" in str(caught.value)
