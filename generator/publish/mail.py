"""mail: deliver queued messages through an SMTP server, one at a time, never one twice.

The standard library's smtplib is the client. STARTTLS and implicit TLS verify the server's
certificate with ``ssl.create_default_context()`` (the system's trusted authorities, or the
file ``SSL_CERT_FILE`` names). The user name and password come from the environment only
(:func:`credentials_from`), and no message here ever shows the password.

Each message is recorded as sent (``publish.sent``) the moment the server accepts it, then moved
to ``sent/``; a message whose Message-ID is already recorded is moved without being sent. So a
second run sends nothing, and a run resumed after a failure sends only what is left.

A message goes to all its recipients or to none: when the server refuses one address, the run
stops before the message is handed over (the session quits before DATA), naming that address,
and the message stays in the outbox. Sending to the others and recording it would make the
corrected message (the same Message-ID once the address is fixed and the outbox written again)
count as sent, and an introduction that reaches one person of a pair is worse than none.
"""

from __future__ import annotations

import logging
import smtplib
import socket
import ssl
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.generator import BytesGenerator
from io import BytesIO
from pathlib import Path

from generator.config.mail_settings import LOCAL_HOSTS, MailSettings
from generator.errors import MailError
from generator.publish.mail_queue import Queued, move_to_sent, sent_name
from generator.publish.sent import SentMessage, record_sent, sent_ids

log = logging.getLogger(__name__)

USER_VARIABLE, PASSWORD_VARIABLE = "PLAYBOOK_SMTP_USER", "PLAYBOOK_SMTP_PASSWORD"


@dataclass(frozen=True)
class Server:
    """Where to connect and how; ``str()`` is the ``host:port`` every message starts with."""

    host: str
    port: int
    security: str = "starttls"
    timeout: float = 30.0
    per_minute: int = 30

    @classmethod
    def of(cls, settings: MailSettings) -> Server:
        return cls(
            settings.host, settings.port, settings.security, settings.timeout, settings.per_minute
        )

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def is_local(self) -> bool:
        return self.host.strip("[]").casefold() in LOCAL_HOSTS


@dataclass(frozen=True)
class Credentials:
    """A login; the password is left out of ``repr()`` so no log or traceback shows it."""

    user: str
    password: str = field(repr=False)


def credentials_from(environ: Mapping[str, str]) -> Credentials | None:
    """The login from PLAYBOOK_SMTP_USER and PLAYBOOK_SMTP_PASSWORD, or none without both."""
    user, password = environ.get(USER_VARIABLE, ""), environ.get(PASSWORD_VARIABLE, "")
    if bool(user) != bool(password):
        have, lack = (
            (USER_VARIABLE, PASSWORD_VARIABLE) if user else (PASSWORD_VARIABLE, USER_VARIABLE)
        )
        msg = f"{have} is set but {lack} is not: set both to log in, or neither"
        raise MailError(msg)
    return Credentials(user, password) if user else None


@dataclass
class Delivery:
    """What a run did: the messages sent and those skipped as already sent, in order."""

    sent: list[Queued] = field(default_factory=list)
    skipped: list[Queued] = field(default_factory=list)


def deliver(
    private: Path,
    queue: Sequence[Queued],
    server: Server,
    credentials: Credentials | None,
    *,
    sleep: Callable[[float], None] | None = None,
    on_sent: Callable[[Queued], None] = lambda item: None,
    delivery: Delivery | None = None,
) -> Delivery:
    """Send every queued message not yet recorded, at most ``server.per_minute`` a minute.

    ``sleep`` is the pause between two messages (``time.sleep``, looked up when it is needed so
    a test can replace it). ``delivery`` is filled as the run goes, so a caller still knows
    what went out when a :class:`MailError` stops it.
    """
    delivery = delivery if delivery is not None else Delivery()
    done = sent_ids(private)
    for item in [item for item in queue if item.message_id in done]:
        log.info("%s: already sent (%s), moved to sent/", item.shown, item.message_id)
        move_to_sent(private, item.path, sent_name(private, item.path))
        delivery.skipped.append(item)
    waiting = _unique([item for item in queue if item.message_id not in done])
    if not waiting:
        return delivery
    with session(server, credentials) as smtp:
        for index, item in enumerate(waiting):
            if index:
                (sleep or time.sleep)(60 / server.per_minute)
            _send_one(smtp, server, item)
            name = sent_name(private, item.path)
            record_sent(private, item.message_id, SentMessage(item.recipients, item.subject, name))
            move_to_sent(private, item.path, name)
            delivery.sent.append(item)
            on_sent(item)
    return delivery


def _unique(queue: list[Queued]) -> list[Queued]:
    """The first file of each Message-ID: two files of one message are one message."""
    first: dict[str, Queued] = {}
    for item in queue:
        first.setdefault(item.message_id, item)
    return list(first.values())


@contextmanager
def session(server: Server, credentials: Credentials | None) -> Iterator[smtplib.SMTP]:
    """A connected, encrypted (unless plain) and logged-in SMTP session, closed afterwards."""
    context = ssl.create_default_context()
    smtp = _connect(server, context)
    try:
        _secure_and_login(smtp, server, credentials, context)
        yield smtp
    finally:
        _close(smtp)


def _connect(server: Server, context: ssl.SSLContext) -> smtplib.SMTP:
    try:
        if server.security == "tls":
            return smtplib.SMTP_SSL(
                server.host, server.port, timeout=server.timeout, context=context
            )
        return smtplib.SMTP(server.host, server.port, timeout=server.timeout)
    except OSError as err:  # smtplib's own errors are OSErrors too
        msg = f"{server}: cannot connect: {reason(err, server)}"
        raise MailError(msg) from None


def _secure_and_login(
    smtp: smtplib.SMTP, server: Server, credentials: Credentials | None, context: ssl.SSLContext
) -> None:
    try:
        smtp.ehlo_or_helo_if_needed()
        if server.security == "starttls":
            smtp.starttls(context=context)
            smtp.ehlo()  # what the server offers changes once the connection is encrypted
    except smtplib.SMTPNotSupportedError:
        msg = f"{server}: the server offers no STARTTLS; set mail.security to tls or plain"
        raise MailError(msg) from None
    except OSError as err:
        msg = f"{server}: STARTTLS failed: {reason(err, server)}"
        raise MailError(msg) from None
    if credentials is None:
        return
    try:
        smtp.login(credentials.user, credentials.password)
    except smtplib.SMTPNotSupportedError:
        msg = f"{server}: the server offers no login (AUTH); unset {USER_VARIABLE}"
        raise MailError(msg) from None
    except OSError as err:
        msg = f"{server}: login refused for user '{credentials.user}' ({reason(err, server)})"
        raise MailError(msg) from None


def _close(smtp: smtplib.SMTP) -> None:
    try:
        smtp.quit()
    except OSError:  # the server went away already: nothing left to close politely
        smtp.close()


def _send_one(smtp: smtplib.SMTP, server: Server, item: Queued) -> None:
    """MAIL, every RCPT, then DATA only if every recipient was accepted."""
    data = _flatten(item)
    options = _mail_options(smtp, item, data)
    try:
        _check(smtp.mail(item.sender, options), f"{item.shown}: the server refused the sender")
        for address in item.recipients:
            _check(smtp.rcpt(address), f"{item.shown}: the server refused {address}")
        _check(smtp.data(data), f"{item.shown}: the server refused the message")
    except smtplib.SMTPDataError as err:
        msg = f"{item.shown}: the server refused the message ({reason(err, server)})"
        raise MailError(msg) from None
    except MailError:
        raise
    except OSError as err:
        msg = f"{server}: the connection broke while sending {item.shown}: {reason(err, server)}"
        raise MailError(msg) from None


def _check(reply: tuple[int, bytes], what: str) -> None:
    """Stop at a refusal: the session then quits before DATA, so no recipient gets it."""
    code, text = reply
    if code not in (250, 251):
        msg = f"{what} ({code} {one_line(text)})"
        raise MailError(msg)


def _flatten(item: Queued) -> bytes:
    """The message as it goes over the wire: CRLF lines, Bcc removed (as send_message does)."""
    message = item.message
    for header in ("Bcc", "Resent-Bcc"):
        del message[header]
    buffer = BytesIO()
    BytesGenerator(buffer, policy=message.policy.clone(linesep="\r\n")).flatten(message)
    return buffer.getvalue()


def _mail_options(smtp: smtplib.SMTP, item: Queued, data: bytes) -> list[str]:
    """8BITMIME for a body that is not ASCII, SMTPUTF8 for an address that is not."""
    options = []
    if not data.isascii() and smtp.has_extn("8bitmime"):
        options.append("BODY=8BITMIME")
    if not all(a.isascii() for a in (item.sender, *item.recipients)):
        if not smtp.has_extn("smtputf8"):
            msg = f"{item.shown}: the server cannot take addresses that are not ASCII (SMTPUTF8)"
            raise MailError(msg)
        options.append("SMTPUTF8")
    return options


def reason(err: OSError, server: Server) -> str:
    """One line saying why, from the server's reply or the system's error."""
    if isinstance(err, smtplib.SMTPServerDisconnected) and isinstance(
        err.__context__, TimeoutError
    ):  # smtplib reports a reply that never came as a closed connection
        err = err.__context__
    if isinstance(err, smtplib.SMTPResponseException):
        return f"{err.smtp_code} {one_line(err.smtp_error)}"
    if isinstance(err, ssl.SSLCertVerificationError):
        return f"certificate not trusted: {err.verify_message}"
    if isinstance(err, ssl.SSLError):
        return f"TLS failed: {err.reason or err}"
    if isinstance(err, socket.gaierror):
        return f"unknown host ({err.strerror})"
    if isinstance(err, TimeoutError):
        return f"no answer within {server.timeout:g} seconds"
    return err.strerror or str(err) or type(err).__name__


def one_line(text: bytes | str) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    return " ".join(text.split())
