"""organisation_settings: the config's `organisation:` section: who runs the program, its
sponsor, where participants find support, and the brand the site and printables carry."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import Field, field_validator

from generator.config.base import Contact, ShortText, Strict
from generator.config.spelling import DEFAULT as DEFAULT_LOCALE
from generator.config.spelling import Locale

COLOUR_RE = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


class Sponsor(Strict):
    """The executive who champions the program."""

    name: ShortText = Field(description="The sponsor's full name.")
    title: ShortText = Field(description="Their job title, e.g. Chief Operating Officer.")


class Support(Strict):
    """Somewhere participants can turn for help beyond the program."""

    name: ShortText = Field(description="e.g. Employee Assistance Programme.")
    contact: ShortText = Field(description="How to reach it: phone, e-mail or intranet address.")
    about: str = Field("", max_length=500, description="What it helps with, one sentence.")


class Organisation(Strict):
    """Who runs the program."""

    name: ShortText = Field(description="The organisation's name, e.g. Northwind Traders.")
    program: ShortText = Field(description="The program's name, e.g. Mentor-Up.")
    sponsor: Sponsor = Field(description="The executive sponsor.")
    lead: Contact = Field(description="The program lead (HR / L&D) who runs the program.")
    goals: list[Annotated[str, Field(min_length=1, max_length=500)]] = Field(
        default_factory=list,
        description="Why the organisation runs the program, one sentence each (shown on the "
        "home page and in the guide).",
    )
    support: list[Support] = Field(
        default_factory=list,
        description="Where participants can get support or raise a concern beyond the program "
        "lead (employee assistance, HR, a speak-up line); shown on the well-being page.",
    )
    logo: str | None = Field(
        None, description="Path to a logo image (PNG, SVG or JPEG), relative to the config file."
    )
    brand_colour: str = Field(
        "#1f6f8b", description="The brand colour as a hex code, e.g. '#1f6f8b' (quote it)."
    )
    locale: Locale = Field(
        DEFAULT_LOCALE,
        description="The spelling of everything the playbook writes: en-GB (programme, "
        "organisation, wellbeing) or en-US (program, organization, well-being). Your own "
        "text in this file stays as you wrote it.",
    )

    @field_validator("brand_colour", mode="before")
    @classmethod
    def _colour(cls, value: object) -> object:
        if not isinstance(value, str) or not COLOUR_RE.match(value):
            msg = "a hex colour like '#1f6f8b' (in quotes, since # starts a YAML comment)"
            raise ValueError(msg)
        return value.lower()
