"""The record of sent messages: written whole, read back, and a damaged one refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import BuildError
from generator.publish.sent import SENT_STATE, SentMessage, load_sent, record_sent, sent_ids


def test_nothing_is_sent_before_the_first_send(tmp_path: Path) -> None:
    assert load_sent(tmp_path) == {}
    assert sent_ids(tmp_path) == set()


def test_each_recorded_message_comes_back(tmp_path: Path) -> None:
    first = SentMessage(("ana@example.org", "ben@example.org"), "Meet Ben", "001-intro.eml")
    second = SentMessage(("ana@example.org",), "Reminder", "002-reminder.eml")
    record_sent(tmp_path, "<a@mentor-up>", first)
    record_sent(tmp_path, "<b@mentor-up>", second)
    assert load_sent(tmp_path) == {"<a@mentor-up>": first, "<b@mentor-up>": second}
    assert sent_ids(tmp_path) == {"<a@mentor-up>", "<b@mentor-up>"}


@pytest.mark.parametrize(
    "text", ["{", '{"format": "other", "version": 1, "sent": {}}', '{"format": "playbook-sent"}']
)
def test_a_damaged_record_stops_rather_than_send_twice(tmp_path: Path, text: str) -> None:
    path = tmp_path / SENT_STATE
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BuildError, match="sent again"):
        load_sent(tmp_path)
