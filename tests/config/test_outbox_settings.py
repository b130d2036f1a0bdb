"""The `outbox:` key: defaults fill every value, a wrong one is a located error, and a
program's own wording of a message replaces ours sentence by sentence."""

from __future__ import annotations

import pytest

from generator.config.load import load
from generator.errors import ConfigError
from tests.conftest import MINIMAL


def test_defaults_fill_every_value(write_config) -> None:
    outbox = load(write_config()).config.outbox
    assert (outbox.remind_days_before, outbox.quiet_weeks, outbox.attach_max_kb) == (3, 4, 5000)


def test_a_wrong_value_and_a_typo_are_located(write_config) -> None:
    text = MINIMAL + "outbox:\n  remind_days_before: -1\n  quiet_week: 2\n"
    with pytest.raises(ConfigError) as caught:
        load(write_config(text))
    message = str(caught.value)
    assert ":20:3: outbox.remind_days_before: expected a number of at least 0, got -1" in message
    assert "outbox.quiet_week" in message
    assert "quiet_weeks" in message  # the near key


def test_a_program_rewords_one_sentence_and_keeps_the_others(write_config) -> None:
    text = MINIMAL + (
        "content:\n  messages:\n    introduction:\n"
        "      subject: '{program}: say hello to {mentor}'\n"
        "      closing: Have fun.\n"
    )
    messages = load(write_config(text)).content.messages
    intro = messages["introduction"]
    assert intro.subject == "{program}: say hello to {mentor}"
    assert intro.sentences["closing"] == "Have fun."
    assert "senior of the pair" in intro.sentences["booking"]
    assert messages["reminder"].subject.startswith("{program}:")


def test_a_message_kind_that_does_not_exist_is_located(write_config) -> None:
    text = MINIMAL + "content:\n  messages:\n    welcome:\n      subject: Hi\n"
    with pytest.raises(ConfigError, match=r"content\.messages"):
        load(write_config(text))


def test_the_wording_is_respelled_for_the_locale(write_config) -> None:
    us = load(write_config(MINIMAL.replace("organisation:\n", "organisation:\n  locale: en-US\n")))
    assert "program " in us.content.messages["overdue"].sentences["why"]
    gb = load(write_config(MINIMAL.replace("organisation:\n", "organisation:\n  locale: en-GB\n")))
    assert "programme " in gb.content.messages["overdue"].sentences["why"]
