"""base: what the config's sections are built from, so every section module can share them.

``Strict`` forbids unknown keys (a typo is an error, not a silent default) and freezes values;
``Contact`` is a person participants can write to, wherever the config names one.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from generator.config.fields import Email

ShortText = Annotated[str, Field(min_length=1, max_length=200)]


def _one_line(value: str) -> str:
    if "\n" in value or "\r" in value:
        msg = "one line of text (a room, an address or a video link), no line breaks"
        raise ValueError(msg)
    return value


#: A room, an address or a video link: one line, long enough for a meeting link with its query
#: (a Teams or Zoom link runs to 300 characters).
Location = Annotated[str, Field(max_length=500), AfterValidator(_one_line)]


class Strict(BaseModel):
    """Base for every config section: unknown keys are errors; values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Contact(Strict):
    """A person participants can write to."""

    name: ShortText = Field(description="Full name.")
    email: Email = Field(description="E-mail address participants write to.")
    title: str = Field("", max_length=200, description="Job title or role (optional).")
