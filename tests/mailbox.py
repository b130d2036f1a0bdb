"""A real SMTP server on 127.0.0.1 (aiosmtpd) and an outbox of real messages, for the tests of
`playbook send`: messages with text and HTML parts, a PDF made by WeasyPrint and an invitation
made by icalendar, as `playbook outbox` writes them."""

from __future__ import annotations

import email
import email.policy
import functools
import socket
import ssl
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any, cast
from zoneinfo import ZoneInfo

import icalendar
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

LEAD = "Lee Park <lead@acme.example>"


@dataclass
class Inbox:
    """An aiosmtpd handler that keeps every message it accepts.

    ``refuse`` holds addresses it refuses at RCPT (550); after ``close_after`` messages it
    answers every further one with 421, as a server going down does.
    """

    received: list[Any] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)
    close_after: int | None = None
    logins: list[Any] = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, options) -> str:  # noqa: N802
        if address in self.refuse:
            return f"550 5.1.1 <{address}>: mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802
        if self.close_after is not None and len(self.received) >= self.close_after:
            return "421 4.3.2 shutting down, try again later"
        self.received.append(envelope)
        self.logins.append(session.auth_data if session.authenticated else None)
        return "250 Message accepted for delivery"

    def messages(self) -> list[EmailMessage]:
        """What arrived, parsed with the standard library."""
        return [
            cast(EmailMessage, email.message_from_bytes(e.content, policy=email.policy.default))
            for e in self.received
        ]

    def ids(self) -> list[str]:
        return [str(m["Message-ID"]) for m in self.messages()]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def smtp_server(handler: Inbox, **options: Any) -> Iterator[Controller]:
    """A running SMTP server on 127.0.0.1 and a free port, stopped afterwards."""
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(), **options)
    controller.start()
    try:
        yield controller
    finally:
        if controller._thread is not None:  # a test may have stopped it halfway
            controller.stop()


def login_as(user: str, password: str) -> Any:
    """An aiosmtpd authenticator that accepts only this login."""

    def check(server, session, envelope, mechanism, auth_data) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
            user.encode(),
            password.encode(),
        )
        return AuthResult(success=ok, handled=False, auth_data=auth_data)

    return check


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, made by the openssl command."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def server_context(cert: Path, key: Path) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


@functools.cache
def packet_pdf() -> bytes:
    """A real one-page PDF, made by WeasyPrint."""
    from weasyprint import HTML

    return cast(bytes, HTML(string="<h1>Your packet</h1><p>Ana &amp; Ben</p>").write_pdf())


def invitation(uid: str) -> bytes:
    """A one-event calendar, as the invitations are."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//playbook tests//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("summary", "First session: Ana and Ben")
    start = datetime(2027, 3, 1, 9, 15, tzinfo=ZoneInfo("Europe/London"))
    event.add("dtstart", start)
    event.add("dtend", start.replace(hour=10, minute=5))
    event.add("dtstamp", datetime(2027, 1, 1, tzinfo=ZoneInfo("UTC")))
    calendar.add_component(event)
    return calendar.to_ical()


def message(number: int, to: list[str], subject: str, cc: list[str] | None = None) -> EmailMessage:
    """A message with text and HTML parts, a PDF and an invitation attached."""
    msg = EmailMessage()
    msg["From"] = LEAD
    msg["To"] = ", ".join(to)
    if cc:
        msg["Cc"] = ", ".join(cc)
    msg["Subject"] = subject
    msg["Date"] = "Fri, 01 Jan 2027 09:00:00 +0000"
    msg["Message-ID"] = f"<{number:03d}.test@mentor-up.acme.example>"
    msg.set_content(f"Hello,\n\n{subject}. Meet your partner — see you soon.\n")
    msg.add_alternative(f"<p>Hello,</p><p>{subject}. Meet your partner &mdash; soon.</p>", "html")
    msg.add_attachment(packet_pdf(), "application", "pdf", filename="packet.pdf")
    msg.add_attachment(
        invitation(f"{number}@mentor-up"), "text", "calendar", filename="invitation.ics"
    )
    return msg


def write_outbox(private: Path, count: int = 3) -> list[Path]:
    """``count`` messages in ``<private>/outbox/``, each to two people of a pair, one with a Cc."""
    outbox = private / "outbox"
    outbox.mkdir(parents=True, exist_ok=True)
    (outbox / "mail-merge.csv").write_text("to,subject\n", encoding="utf-8")
    paths = []
    for number in range(1, count + 1):
        to = [f"mentor{number}@acme.example", f"mentee{number}@acme.example"]
        cc = ["lead@acme.example"] if number == 1 else None
        path = outbox / f"{number:03d}-introduction.eml"
        path.write_bytes(message(number, to, f"Introduction {number}", cc).as_bytes())
        paths.append(path)
    return paths
