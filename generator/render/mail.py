"""mail: one message `playbook outbox` writes, from its templates to standards-compliant bytes.

A message is planned as a ``Mail`` (who, what, when, the text of each part, its attachments);
``eml_bytes`` turns it into RFC 5322 bytes with the standard library's ``EmailMessage`` and the
SMTP policy (CRLF line ends, headers folded), a text part and an HTML alternative, attachments
after them. Nothing here reads a clock: the Date header is the day the plan says the message
is due, at 09:00 in the department's time zone, and the Message-ID is a hash of what the
message is, so the same plan writes the same bytes and ``playbook send`` can tell a message it
has already sent.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from zoneinfo import ZoneInfo

import jinja2

from generator.config.content import MessageSpec
from generator.render.environment import render_template

#: The hour of the day every message is dated, in the department's time zone.
SEND_HOUR = 9
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Recipient:
    """One person a message goes to."""

    name: str
    email: str


@dataclass(frozen=True)
class Attachment:
    """One attached file: its name, bytes and MIME type (``text/calendar; method=REQUEST``)."""

    filename: str
    data: bytes = field(repr=False)
    mimetype: str
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Mail:
    """One planned message: its kind (``introduction``), a key naming what it is about (a
    pair, a form), recipients, day, subject, both parts and attachments."""

    kind: str
    key: str
    to: tuple[Recipient, ...]
    day: dt.date
    zone: str
    subject: str
    text: str
    html: str
    attachments: tuple[Attachment, ...] = ()
    cc: tuple[Recipient, ...] = ()

    @property
    def sent_at(self) -> dt.datetime:
        """The Date header: the day it is due, at 09:00 in the department's time zone."""
        return dt.datetime.combine(self.day, dt.time(SEND_HOUR), tzinfo=ZoneInfo(self.zone))

    def message_id(self, domain: str) -> str:
        """The same message, the same Message-ID on every run: a hash of kind, recipients and
        key (never of the wording, so a corrected template does not send a message twice)."""
        people = ",".join(sorted(r.email.casefold() for r in self.to))
        digest = hashlib.sha256(f"{self.kind}\n{people}\n{self.key}".encode()).hexdigest()
        return f"<{digest[:20]}@{domain}>"

    def file_name(self, domain: str) -> str:
        """The .eml file's name: the day, the kind and the Message-ID's hash, in date order."""
        digest = self.message_id(domain)[1:].split("@")[0]
        return f"{self.day.isoformat()}-{self.kind}-{digest[:12]}.eml"


def fill(text: str, values: Mapping[str, str]) -> str:
    """``{name}`` replaced by its value; an unknown name (a program's own wording) stays as
    written, so a typo shows in the message instead of failing the outbox."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def wording(spec: MessageSpec, values: Mapping[str, str]) -> dict[str, str]:
    """A message kind's subject and sentences, placeholders filled in."""
    return {"subject": fill(spec.subject, values)} | {
        name: fill(text, values) for name, text in spec.sentences.items()
    }


def render_parts(
    env: jinja2.Environment, kind: str, context: Mapping[str, object]
) -> tuple[str, str]:
    """The text and HTML parts from ``mail/<kind>.txt`` and ``mail/<kind>.html`` (the HTML
    one autoescaped: names and config text are data)."""
    text = render_template(env, f"mail/{kind}.txt", **context)
    html = render_template(env, f"mail/{kind}.html", **context)
    return text, html


def eml_bytes(mail: Mail, sender: Recipient, domain: str) -> bytes:
    """The message as RFC 5322 bytes: text, HTML alternative, then the attachments."""
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = Address(sender.name, addr_spec=sender.email)
    message["To"] = [Address(r.name, addr_spec=r.email) for r in mail.to]
    if mail.cc:
        message["Cc"] = [Address(r.name, addr_spec=r.email) for r in mail.cc]
    message["Subject"] = mail.subject
    message["Date"] = format_datetime(mail.sent_at)
    message["Message-ID"] = mail.message_id(domain)
    message.set_content(mail.text)
    message.add_alternative(mail.html, subtype="html")
    if mail.attachments:
        message.make_mixed()
    for item in mail.attachments:
        maintype, subtype = item.mimetype.split("/")
        message.add_attachment(
            item.data,
            maintype=maintype,
            subtype=subtype,
            filename=item.filename,
            params=dict(item.params),
        )
    for number, part in enumerate(message.walk()):
        if part.is_multipart():  # the library draws boundaries at random: these are fixed
            part.set_boundary(f"=={mail.message_id(domain)[1:21]}.{number}==")
    return message.as_bytes(policy=policy.SMTP)
