"""The ``pairing:`` section of the organisation config: how mentors and mentees are matched.

Mentors are the junior employees who teach; mentees are the senior leaders who learn. Every field
has a default, so ``PairingSettings()`` is a complete, sensible configuration.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from generator.config.fields import check_email


def _email(value: str) -> str:
    """Check an e-mail address and normalise it the way the roster reader does (case-folded)."""
    return check_email(value.strip()).casefold()


class Weights(BaseModel):
    """How much each preference adds to a pair's score (all components lie between 0 and 1)."""

    model_config = ConfigDict(extra="forbid")

    skill_overlap: float = Field(
        1.0,
        ge=0,
        description="Weight of the share of the mentee's wanted skills the mentor can teach.",
    )
    cross_department: float = Field(
        0.3,
        ge=0,
        description="Bonus when mentor and mentee work in different departments.",
    )
    same_location: float = Field(
        0.2,
        ge=0,
        description="Bonus when both give the same location (easier to meet in person).",
    )
    shared_language: float = Field(
        0.1,
        ge=0,
        description="Bonus when mentor and mentee share at least one language.",
    )
    availability: float = Field(
        0.2,
        ge=0,
        description=(
            "Weight of the share of the mentee's available times the mentor shares, when both "
            "give an availability (e.g. 'Mon am; Tue pm; Thu': a weekday, optionally am or pm)."
        ),
    )


class Rules(BaseModel):
    """Hard rules: a pair that breaks one is never made."""

    model_config = ConfigDict(extra="forbid")

    shared_language: bool = Field(
        True,
        description=(
            "Where the roster lists languages for both people, pair them only if they share "
            "one. Someone with no languages listed can be paired with anyone."
        ),
    )
    require_shared_language: bool = Field(
        False,
        description=(
            "Stricter: only pair people who both list languages and share one (someone with "
            "no languages listed is paired with nobody)."
        ),
    )
    allow_same_department: bool = Field(
        True,
        description=(
            "Allow pairs inside one department. They stay possible but score lower, since "
            "only cross-department pairs get the cross_department bonus."
        ),
    )


class PairRef(BaseModel):
    """One mentor and one mentee, named by e-mail."""

    model_config = ConfigDict(extra="forbid")

    mentor: str = Field(description="E-mail of the mentor (the junior employee who teaches).")
    mentee: str = Field(description="E-mail of the mentee (the senior leader who learns).")

    @field_validator("mentor", "mentee")
    @classmethod
    def _normalise(cls, value: str) -> str:
        return _email(value)


class PairingSettings(BaseModel):
    """Everything ``playbook pair`` needs besides the roster itself."""

    model_config = ConfigDict(extra="forbid")

    weights: Weights = Field(
        default_factory=Weights,
        description="How much each preference adds to a pair's score.",
    )
    rules: Rules = Field(
        default_factory=Rules,
        description="Hard rules no pair may break (a reporting line is always one of them).",
    )
    synonyms: dict[str, list[str]] = Field(
        default_factory=dict,
        description=(
            "Skill spellings that mean the same thing: canonical skill -> its aliases, e.g. "
            "'social media': ['tiktok', 'instagram']. Case, spaces, hyphens and underscores "
            "are ignored when comparing skills."
        ),
    )
    pinned: list[PairRef] = Field(
        default_factory=list,
        description="Pairs fixed by hand before the optimiser runs; a pin may not break a rule.",
    )
    forbidden: list[PairRef] = Field(
        default_factory=list,
        description="Pairs that must never be made (e.g. a known conflict).",
    )
    fairness: bool = Field(
        False,
        description=(
            "Maximin mode: first raise the weakest pair's score as far as possible, then "
            "maximise the total score among pairings that keep that floor."
        ),
    )
    rhythm: Literal["mentee", "mentor"] = Field(
        "mentee",
        description=(
            "Whose department's rhythm (sessions, forms, packet) a cross-department pair "
            "follows: the mentee's (the default) or the mentor's."
        ),
    )
    publish_names: bool = Field(
        False,
        description=(
            "Opt in to showing participant names on the public site. When false only "
            "aggregate counts leave the private output folder."
        ),
    )

    @model_validator(mode="after")
    def _aliases_are_unambiguous(self) -> PairingSettings:
        owner: dict[str, str] = {}
        for canonical, aliases in self.synonyms.items():
            for alias in [canonical, *aliases]:
                key = normalise_skill(alias)
                if owner.setdefault(key, canonical) != canonical:
                    msg = (
                        f"synonyms: {alias!r} is listed under both {owner[key]!r} and {canonical!r}"
                    )
                    raise ValueError(msg)
        return self

    def synonym_map(self) -> dict[str, str]:
        """Return normalised alias -> normalised canonical skill (canonicals map to themselves)."""
        mapping: dict[str, str] = {}
        for canonical, aliases in self.synonyms.items():
            target = normalise_skill(canonical)
            for alias in [canonical, *aliases]:
                mapping[normalise_skill(alias)] = target
        return mapping


def normalise_skill(text: str) -> str:
    """Case-fold a skill and collapse spaces, hyphens and underscores to single spaces."""
    return " ".join(text.casefold().replace("-", " ").replace("_", " ").split())
