"""`playbook send`: deliver the outbox (``<private>/outbox/*.eml``) through an SMTP server.

The server comes from the config's ``mail:`` section, or ``--smtp HOST:PORT``; the login from
the environment only. ``--dry-run`` reads the outbox and the record of sent messages and says
what a run would do, without connecting or changing anything.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.config.load import load
from generator.errors import MailError
from generator.publish.mail import Delivery, Queued, Server, credentials_from, deliver
from generator.publish.mail_queue import OUTBOX, read_outbox, shown
from generator.publish.sent import sent_ids


@dataclass(frozen=True)
class SendPlan:
    """What a run would do: where it connects, what it sends and what it only moves."""

    server: Server
    outbox: Path
    to_send: list[Queued]
    already_sent: list[Queued]


def parse_smtp(value: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:25`` for an IPv6 address) as a host and a port."""
    host, colon, port = value.rpartition(":")
    host = host.strip("[]") if host.startswith("[") else host
    if not colon or not host or not port.isdigit() or not 1 <= int(port) <= 65535:
        msg = f"--smtp {value}: expected HOST:PORT, e.g. 127.0.0.1:1025 or smtp.example.org:587"
        raise MailError(msg)
    return host, int(port)


def plan_send(config_path: Path, smtp: str | None = None) -> tuple[Path, SendPlan]:
    """The private folder and what a send would do; nothing is sent or changed."""
    playbook = load(config_path)
    server = Server.of(playbook.config.mail)
    if smtp is not None:
        host, port = parse_smtp(smtp)
        server = dataclasses.replace(server, host=host, port=port)
        if server.security == "plain" and not server.is_local:
            msg = (
                f"--smtp {smtp}: mail.security is plain, which is only for a relay on this "
                "machine (localhost, 127.0.0.1 or ::1); set it to starttls or tls"
            )
            raise MailError(msg)
    private = playbook.resolve(playbook.config.site.private_output)
    queue = read_outbox(private)
    done = sent_ids(private)
    return private, SendPlan(
        server,
        private / OUTBOX,
        [item for item in queue if item.message_id not in done],
        [item for item in queue if item.message_id in done],
    )


def send_outbox(
    config_path: Path,
    smtp: str | None = None,
    *,
    environ: Mapping[str, str] = os.environ,
    sleep: Callable[[float], None] | None = None,
    on_sent: Callable[[Queued], None] = lambda item: None,
) -> tuple[SendPlan, Delivery]:
    """Send what is waiting in the outbox; a failure is a MailError that also says how many
    went out before it (recorded) and how many are left in the outbox."""
    private, plan = plan_send(config_path, smtp)
    credentials = credentials_from(environ)
    delivery = Delivery()
    try:
        deliver(
            private,
            [*plan.already_sent, *plan.to_send],
            plan.server,
            credentials,
            sleep=sleep,
            on_sent=on_sent,
            delivery=delivery,
        )
    except MailError as err:
        left = len(plan.to_send) - len(delivery.sent)
        msg = f"{err.message}; {len(delivery.sent)} sent before it (recorded), {left} left in "
        msg += f"{shown(plan.outbox)}"
        raise MailError(msg) from None
    return plan, delivery


#: The most messages listed one a line; beyond, the summary gives the count.
LISTED = 20


def describe(item: Queued) -> str:
    """One message on one line: file, recipients, subject."""
    return f"{item.path.name} to {', '.join(item.recipients)}: {item.subject}"


def progress(echo: Callable[[str], None]) -> Callable[[Queued], None]:
    """An ``on_sent`` that prints the first :data:`LISTED` messages as they go out."""
    count = 0

    def sent(item: Queued) -> None:
        nonlocal count
        count += 1
        if count <= LISTED:
            echo(f"  sent {describe(item)}")

    return sent


def summary(plan: SendPlan, delivery: Delivery) -> str:
    """The last line of a run."""
    count = len(delivery.sent)
    if not count and not delivery.skipped:
        return f"Nothing to send in {shown(plan.outbox)}."
    text = f"Sent {count} message{'s' if count != 1 else ''} through {plan.server}"
    if count > LISTED:
        text += f" (the first {LISTED} listed)"
    if delivery.skipped:
        text += f"; {len(delivery.skipped)} already sent before, moved to sent/ unsent"
    return text + "."


def dry_run(config_path: Path, smtp: str | None = None) -> str:
    """What a run would do, as text; connects to nothing and changes nothing."""
    _, plan = plan_send(config_path, smtp)
    lines = [f"  would send {describe(item)}" for item in plan.to_send]
    lines += [f"  already sent, would move {describe(item)}" for item in plan.already_sent]
    count = len(plan.to_send)
    lines.append(
        f"Dry run: {count} message{'s' if count != 1 else ''} would be sent through "
        f"{plan.server} ({plan.server.security}) from {shown(plan.outbox)}; nothing was "
        "sent or changed."
    )
    return "\n".join(lines) + "\n"
