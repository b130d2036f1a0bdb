"""The ``recruitment:`` key: when the lead's runbook steps before the start fall.

Each value is a number of days before the program's first session (the earliest start of any
department), so moving the start moves the whole runbook. The defaults follow published
programs: sign-up open for three weeks, closing three weeks before the start, which leaves
time to brief line managers, pair, approve and introduce the pairs before training.
"""

from __future__ import annotations

from itertools import pairwise

from pydantic import Field, model_validator

from generator.config.base import Strict

#: The steps before the start, in the order they must fall.
BEFORE_START = (
    "open_signup", "close_signup", "brief_managers", "pair", "approve_pairs",
    "send_introductions",
)  # fmt: skip


class RecruitmentSettings(Strict):
    """Lead times of the runbook's steps, in days before (or after) the program."""

    open_signup: int = Field(42, ge=1, le=365, description="Sign-up opens this many days "
                             "before the start (default 42: six weeks).")  # fmt: skip
    close_signup: int = Field(21, ge=1, le=365, description="Sign-up closes this many days "
                              "before the start (default 21: three weeks).")  # fmt: skip
    brief_managers: int = Field(
        18, ge=0, le=365, description="Days before the start to brief the mentors' line managers."
    )
    pair: int = Field(16, ge=0, le=365, description="Days before the start to run `playbook pair`.")
    approve_pairs: int = Field(
        14, ge=0, le=365,
        description="Days before the start to approve the pairs (`playbook pair --check`).",
    )  # fmt: skip
    send_introductions: int = Field(
        12, ge=0, le=365, description="Days before the start to introduce each pair."
    )
    evaluation: int = Field(
        7, ge=0, le=120,
        description="Days after the last session to collect the end-of-program reviews.",
    )  # fmt: skip
    next_round: int = Field(
        28, ge=0, le=365, description="Days after the last session to plan the next round."
    )

    @model_validator(mode="after")
    def _in_order(self) -> RecruitmentSettings:
        for first, second in pairwise(BEFORE_START):
            earlier, later = getattr(self, first), getattr(self, second)
            if later > earlier or (first == "open_signup" and later == earlier):
                msg = (
                    f"`{second}` ({later} days before the start) must come after "
                    f"`{first}` ({earlier} days before)"
                )
                raise ValueError(msg)
        return self
