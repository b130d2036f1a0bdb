"""The ``cohort:`` setting: the gatherings around the pair sessions and who facilitates them.

A program setting (``program.cohort``) that a department may override, key by key (see
``load.merge_cohort``).
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from generator.config.base import Contact, Location, Strict


def _facilitator(event: str) -> Any:
    return Field(None, description=f"Who facilitates {event} (default: the program lead).")


class Facilitators(Strict):
    """Who facilitates each cohort event, when not the program lead (organisation.lead).

    The keys name the events; an event left out is facilitated by the lead.
    """

    mentor_training: Contact | None = _facilitator("the mentor training")
    mentee_training: Contact | None = _facilitator("the mentee training")
    joint_training: Contact | None = _facilitator("the joint training (with joint_training)")
    mentor_checkins: Contact | None = _facilitator("the mentor check-ins")
    midpoint_debrief: Contact | None = _facilitator("the mid-point debrief")
    celebration: Contact | None = _facilitator("the closing celebration")


class Cohort(Strict):
    """The cohort rhythm around the pair sessions: training, check-ins, debrief, celebration."""

    training: bool = Field(
        True,
        description="Induction sessions before the first pair session: one for mentors, one "
        "for mentees. Training both roles matters; training only mentors gives far less.",
    )
    joint_training: bool = Field(
        False,
        description="true: one training for mentors and mentees together, with an agenda "
        "written for a mixed room; false: one for each role, the same day, one after the other.",
    )
    training_days_before: int = Field(
        7, ge=1, le=60, description="How many days before the first pair session training is."
    )
    mentor_checkins: int = Field(
        2,
        ge=0,
        le=12,
        description="A group check-in (supervision) for mentors after every N pair sessions; "
        "0 turns them off.",
    )
    midpoint_debrief: bool = Field(
        True, description="A cohort debrief in the week after the mid-point session."
    )
    celebration: bool = Field(
        True, description="A closing celebration for the whole cohort after the last session."
    )
    location: Location = Field(
        "",
        description="Where the cohort events happen (a training room, a video link), one line; "
        "empty: where the sessions happen (`location`).",
    )
    facilitators: Facilitators = Field(
        default_factory=Facilitators,
        description="Who facilitates each event, by event: mentor_training, mentee_training, "
        "joint_training, mentor_checkins, midpoint_debrief, celebration; each a contact "
        "{name, email, title}. An event left out is facilitated by the program lead.",
    )
