"""The ``evaluation:`` section of the organisation config: how `playbook collect` reads the
returned forms and what it may publish (out of ``model`` to keep that module small)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from generator.config.base import Strict

#: The most quotes the sponsor summary shows (``evaluation.quotes``).
MAX_QUOTES = 5
#: A quote: one answer, or a sentence of one.
Quote = Annotated[str, Field(min_length=1, max_length=240)]


class Evaluation(Strict):
    """How `playbook collect` reads the feedback forms and what it may publish."""

    adjust_below: float = Field(
        3.0,
        ge=1,
        le=5,
        description="A 1-5 rating question whose mean falls below this is listed under "
        "'what to adjust' in the evaluation report.",
    )
    min_group: int = Field(
        5,
        ge=1,
        le=1000,
        description="The fewest respondents a group may have before its figures are shown on "
        "the site; smaller groups are suppressed so no answer can be traced to a person.",
    )
    publish_aggregates: bool = Field(
        False,
        description="true: `playbook build` adds an evaluation results page with aggregate "
        "figures (never individual answers) once `playbook collect` has run.",
    )
    department_column: str = Field(
        "Department",
        min_length=1,
        max_length=200,
        description="The column of a survey export (Microsoft Forms, Google Forms, Qualtrics, "
        "SurveyMonkey) that holds each respondent's department, by name or slug; "
        "`playbook collect --department` names it for an export without one.",
    )
    role_column: str = Field(
        "Role",
        min_length=1,
        max_length=200,
        description="The column of a survey export that holds each respondent's role (mentee "
        "or mentor), needed only when one survey asks both roles the same questions.",
    )
    quotes: list[Quote] = Field(
        default_factory=list,
        max_length=MAX_QUOTES,
        description=f"Up to {MAX_QUOTES} quotes you pick from the free-text answers for the "
        "sponsor summary, shown without attribution.",
    )
    quotes_file: str | None = Field(
        None,
        description="The quotes in a file beside this one instead: .txt (one quote a line) or "
        f".yaml (a list); with `quotes`, up to {MAX_QUOTES} in all.",
    )
    adjustments: list[Annotated[str, Field(min_length=1, max_length=160)]] = Field(
        default_factory=list,
        max_length=6,
        description="What you plan to change in the next round, one short sentence each; "
        "the sponsor summary lists them.",
    )
