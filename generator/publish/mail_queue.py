"""mail_queue: the outbox as `playbook send` reads it, and the ``sent/`` folder it fills.

The outbox is ``<private>/outbox/``: one RFC 5322 ``.eml`` file per message, written by
`playbook outbox`, sent in the order of their names. Each file is read whole before anything is
sent, so a file that is no message stops the run before the first delivery, with its name.
A sent file moves to ``<private>/sent/`` after the record of sent messages has it.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import os
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import cast

from generator.errors import MailError

OUTBOX, SENT = "outbox", "sent"
RECIPIENT_HEADERS = ("To", "Cc", "Bcc")


@dataclass(frozen=True)
class Queued:
    """One message of the outbox, as the SMTP session needs it."""

    path: Path
    message: EmailMessage
    message_id: str
    sender: str
    recipients: tuple[str, ...]
    subject: str

    @property
    def shown(self) -> str:
        """The file as the user finds it: relative to the current folder where it is inside."""
        return shown(self.path)


def shown(path: Path) -> str:
    """A path relative to the current folder where it lies inside it, else absolute."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def read_outbox(private: Path) -> list[Queued]:
    """Every message waiting in ``<private>/outbox/``, by file name; none when there is none."""
    folder = private / OUTBOX
    if not folder.is_dir():
        return []
    return [read_message(path) for path in sorted(folder.glob("*.eml")) if path.is_file()]


def read_message(path: Path) -> Queued:
    """One .eml file; a message without a Message-ID, a sender or a recipient is refused."""
    try:
        data = path.read_bytes()
    except OSError as err:
        msg = f"{shown(path)}: cannot read it: {err.strerror or err}"
        raise MailError(msg) from None
    message = cast(EmailMessage, email.message_from_bytes(data, policy=email.policy.default))
    message_id = str(message.get("Message-ID", "")).strip()
    senders = _addresses(message, ("Sender",)) or _addresses(message, ("From",))
    recipients = _addresses(message, RECIPIENT_HEADERS)
    missing = [
        name
        for name, value in (("Message-ID", message_id), ("From", senders), ("To", recipients))
        if not value
    ]
    if missing:
        msg = (
            f"{shown(path)}: not a message playbook can send: no {' or '.join(missing)} "
            "header; write it again with `playbook outbox`"
        )
        raise MailError(msg)
    subject = " ".join(str(message.get("Subject", "")).split())
    return Queued(path, message, message_id, senders[0], recipients, subject)


def _addresses(message: EmailMessage, headers: tuple[str, ...]) -> tuple[str, ...]:
    """The addresses in these headers, each once, in order."""
    values = [str(value) for header in headers for value in message.get_all(header, [])]
    found = (address for _, address in email.utils.getaddresses(values) if "@" in address)
    return tuple(dict.fromkeys(found))


def sent_name(private: Path, path: Path) -> str:
    """Where a sent file goes, relative to the private folder: ``sent/<its name>``, with a
    number added when a different message of that name went before (the sent folder keeps
    every message, as a mail client's Sent folder does)."""
    folder = private / SENT
    stem, suffix, number = path.stem, path.suffix, 1
    name = path.name
    while (folder / name).exists() and (folder / name).read_bytes() != path.read_bytes():
        number += 1
        name = f"{stem}-{number}{suffix}"
    return f"{SENT}/{name}"


def move_to_sent(private: Path, path: Path, name: str) -> None:
    """Move an outbox file to ``sent/`` (same file system, so a rename: never half a file)."""
    target = private / name
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(path, target)
