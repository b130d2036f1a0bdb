"""The ``outbox:`` key: when `playbook outbox` writes reminders and nudges, and what it attaches."""

from __future__ import annotations

from pydantic import Field

from generator.config.base import Strict


class OutboxSettings(Strict):
    """How `playbook outbox` times its reminders and nudges."""

    remind_days_before: int = Field(
        3,
        ge=0,
        le=30,
        description="Days before a form is due that each participant is reminded of it "
        "(0: on the day).",
    )
    quiet_weeks: int = Field(
        4,
        ge=1,
        le=26,
        description="Weeks with nothing returned after which the lead's note lists a pair.",
    )
    attach_max_kb: int = Field(
        5000,
        ge=0,
        le=50000,
        description="A pair's packet larger than this (in kilobytes, all its PDFs together) "
        "is linked by its path instead of attached; most mail servers refuse over 10 MB.",
    )
