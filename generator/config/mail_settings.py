"""The ``mail:`` section of the organisation config: the SMTP server `playbook send` delivers
the outbox through.

Only where and how to connect lives here. The user name and password never do: they come from
the environment (``PLAYBOOK_SMTP_USER``, ``PLAYBOOK_SMTP_PASSWORD``) so they stay out of git,
out of shell history and out of the config the site is built from; a ``user`` or ``password``
key is refused like any unknown key.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from generator.config.base import Strict

#: Hosts a plain (unencrypted) connection may go to: a relay on this machine.
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})

Security = Literal["starttls", "tls", "plain"]


class MailSettings(Strict):
    """Where `playbook send` delivers the outbox: an SMTP server and how to talk to it."""

    host: str = Field(
        "localhost",
        min_length=1,
        max_length=253,
        description="The SMTP server's host name or address; `playbook send --smtp HOST:PORT` "
        "overrides it.",
    )
    port: int = Field(
        587, ge=1, le=65535, description="The SMTP server's port: 587 for STARTTLS, 465 for TLS."
    )
    security: Security = Field(
        "starttls",
        description="starttls (upgrade the connection, port 587), tls (encrypted from the "
        "start, port 465), or plain (no encryption: only for a relay on localhost).",
    )
    per_minute: int = Field(
        30,
        ge=1,
        le=600,
        description="The most messages sent a minute; servers throttle or block faster senders.",
    )
    timeout: float = Field(
        30, gt=0, le=600, description="Seconds to wait for the server before giving up."
    )

    @field_validator("security")
    @classmethod
    def _plain_only_locally(cls, value: str, info: ValidationInfo) -> str:
        host = str(info.data.get("host", "")).strip("[]").casefold()
        if value == "plain" and host not in LOCAL_HOSTS:
            msg = (
                f"starttls or tls for '{host}': plain sends passwords and messages unencrypted, "
                "so it is only for a relay on this machine (localhost, 127.0.0.1 or ::1)"
            )
            raise ValueError(msg)
        return value
