"""sent: the private record of every message that has gone out, by its Message-ID.

``playbook send`` records a message here the moment the server accepts it, one at a time, so a
second run, or a run resumed after a failure, never sends a message twice; ``playbook outbox``
reads it so it never writes again what has gone out. The file lives in the private output
(``<private>/state/sent.json``), never in the site:

    {"format": "playbook-sent", "version": 1,
     "sent": {"<message-id>": {"to": ["a@example.org"], "subject": "...", "file": "..."}}}
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from generator.errors import BuildError
from generator.publish.files import replace_file

SENT_STATE = "state/sent.json"
FORMAT, VERSION = "playbook-sent", 1


@dataclass(frozen=True)
class SentMessage:
    """What the record keeps of a message that went out: enough to answer 'did X get Y?'."""

    to: tuple[str, ...]
    subject: str
    file: str


def load_sent(private: Path) -> dict[str, SentMessage]:
    """Message-ID -> what was sent, or nothing before the first send.

    A file that is not one stops the command with its name: guessing could send a message twice.
    """
    path = private / SENT_STATE
    if not path.is_file():
        return {}
    try:
        return _parse(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeError, ValueError, KeyError, TypeError, AttributeError) as err:
        msg = (
            f"{path}: cannot read the record of sent messages ({err}); restore it from a "
            "backup: without it, messages already sent would be sent again"
        )
        raise BuildError(msg) from None


def _parse(data: dict) -> dict[str, SentMessage]:
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        msg = f"not a {FORMAT} file of version {VERSION}"
        raise ValueError(msg)
    return {
        message_id: SentMessage(tuple(item["to"]), item["subject"], item["file"])
        for message_id, item in data["sent"].items()
    }


def sent_ids(private: Path) -> set[str]:
    """The Message-IDs that have gone out."""
    return set(load_sent(private))


def save_sent(private: Path, sent: Mapping[str, SentMessage]) -> None:
    """Write the whole record at once (renamed into place, so a crash never leaves half)."""
    data = {
        "format": FORMAT,
        "version": VERSION,
        "sent": {
            message_id: {**asdict(item), "to": list(item.to)}
            for message_id, item in sorted(sent.items())
        },
    }
    text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    path = private / SENT_STATE
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        replace_file(path, text.encode("utf-8"))
    except OSError as err:
        msg = f"{path}: cannot record the sent messages: {err.strerror or err}"
        raise BuildError(msg) from err


def record_sent(private: Path, message_id: str, message: SentMessage) -> None:
    """Add one message to the record, straight after the server accepted it."""
    sent = load_sent(private)
    sent[message_id] = message
    save_sent(private, sent)
