"""content: the program's content model (content.yaml beside this module) and the config's changes.

The model says what every form asks and of whom, when it is due, whether it goes back to anyone,
how long it takes, and what both people commit to in their agreement. It is data, validated by
the same models that validate a program's own ``content:`` section, so a mistake in either gets
the same located error. ``merged`` applies a program's changes: a question whose key exists
replaces it, a new key is added at the end, ``remove`` drops one.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Annotated, Literal, TypeVar

import yaml
from pydantic import Field, model_validator

from generator.config.base import Strict
from generator.config.fields import Format
from generator.config.spelling import DEFAULT, spell

CONTENT_FILE = Path(__file__).with_name("content.yaml")

#: The kinds of form, in booklet order. The plan knows when each is due, so the set is fixed;
#: their questions are not.
KINDS = (
    "goals", "self-assessment", "agreement", "agenda", "cohort", "pulse", "mid", "end", "signup"
)  # fmt: skip
Kind = Literal[
    "goals", "self-assessment", "agreement", "agenda", "cohort", "pulse", "mid", "end", "signup"
]
#: Who a wording is for; the most specific one that applies wins (see ``wording``).
Variant = Literal["all", "mentor", "mentee", "group", "group-mentor", "group-mentee"]
Text = Annotated[str, Field(min_length=1, max_length=500)]
Wording = Text | dict[Variant, Text]
QuestionType = Literal["rating", "nps", "choice", "text", "box", "check"]
#: ``sign-up``: before anyone is paired; the sign-up forms are the program's, not a department's.
Due = Literal[
    "sign-up", "before-kickoff", "kickoff", "each-session", "after-each-session", "midpoint",
    "end", "event",
]  # fmt: skip
KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")
FORMATS: tuple[Format, ...] = ("one-to-one", "group")
#: Choices whose options the plan fills in, so the content model gives none.
FILLED_CHOICES = ("sessions", "departments")


class QuestionSpec(Strict):
    """One question of a form, before it is asked of a particular person."""

    key: str = Field(
        pattern=KEY_RE.pattern,
        max_length=40,
        description="Its stable name: lower case, digits and _; a filled form's answers are "
        "read back by it, so keep it once forms are out.",
    )
    type: QuestionType = Field(
        description="rating (1-5), nps (0-10), choice (one of options), text (a line), "
        "box (a few lines) or check (a tick)."
    )
    text: Wording = Field(
        description="The question, or a mapping by who reads it: all, mentor, mentee, group, "
        "group-mentor, group-mentee. A role with no wording is not asked."
    )
    low: str = Field("", max_length=60, description="Label of a scale's low end.")
    high: str = Field("", max_length=60, description="Label of a scale's high end.")
    options: list[Text] = Field(default_factory=list, description="The answers of a choice.")
    formats: list[Format] = Field(
        default_factory=lambda: list(FORMATS), description="Formats that ask it (default: both)."
    )
    each: Literal["focus-area", "skill"] | None = Field(
        None,
        description="focus-area: ask it once per focus area; skill: once per skill a sign-up "
        "offers (every focus area, then the topic library); {topic} is the title.",
    )
    repeat: int | None = Field(
        None, ge=1, le=20, description="Ask it this many times; {n} is the number."
    )
    fill: Literal["cadence", "last-session", "sessions", "departments"] | None = Field(
        None,
        description="A value the plan fills in (used by the built-in forms); departments: "
        "the options of a choice are the config's departments.",
    )
    rerate: Kind | None = Field(
        None, description="The form whose question of the same key this one asks again."
    )

    @model_validator(mode="after")
    def _shape(self) -> QuestionSpec:
        if self.type in ("rating", "nps") and not (self.low and self.high):
            msg = f"a {self.type} question needs `low` and `high` labels for its scale ends"
            raise ValueError(msg)
        if self.type == "choice" and len(self.options) < 2 and self.fill not in FILLED_CHOICES:
            msg = "a choice question needs at least two `options`"
            raise ValueError(msg)
        if self.each and self.repeat:
            msg = "`each` and `repeat` cannot both be given"
            raise ValueError(msg)
        return self


class FormSpec(Strict):
    """One kind of form: its title, who gets a copy, when it is due and what it asks."""

    kind: Kind
    title: Wording
    per: Literal["role", "shared"] = Field(
        description="role: each person gets their own; shared: one for the pair or group."
    )
    due: Due
    returned: bool = Field(description="true: it goes back to the return address.")
    minutes: int = Field(ge=0, le=120, description="About how long it takes to fill in.")
    intro: Wording | None = None
    questions: list[QuestionSpec]

    @model_validator(mode="after")
    def _unique(self) -> FormSpec:
        return _unique_keys(self)


class Commitment(Strict):
    """One thing both people (or the whole group) commit to in their agreement."""

    title: Text
    text: Wording


class CallSpec(Strict):
    """The call for participants the lead sends when sign-up opens. ``{name}`` placeholders
    are filled from the plan: program, organisation, lead, lead_email, start, end, sessions,
    session_minutes, cadence, mentor_time, mentee_time, close, signup."""

    subject: Text = Field(description="The e-mail's subject line.")
    body: str = Field(min_length=1, max_length=5000, description="The e-mail's text.")


MessageKind = Literal["introduction", "reminder", "overdue", "fit", "quiet"]
Sentence = Annotated[str, Field(min_length=1, max_length=800)]


class MessageSpec(Strict):
    """One kind of message `playbook outbox` writes: its subject and fixed sentences, by name
    (the mail templates name them); ``{name}`` placeholders are filled in per message."""

    subject: Annotated[str, Field(min_length=1, max_length=200)]
    sentences: dict[str, Sentence] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _flat(cls, data: object) -> object:
        """Written flat in YAML (``subject:`` beside the sentences); kept apart here."""
        if isinstance(data, dict) and "sentences" not in data:
            rest = {k: v for k, v in data.items() if k != "subject"}
            return {"subject": data.get("subject"), "sentences": rest} if rest else data
        return data


class ContentSpec(Strict):
    """The whole content model."""

    preparation_minutes: int = Field(ge=0, le=240)
    forms: list[FormSpec]
    agreement: list[Commitment] = Field(min_length=1)
    call: CallSpec
    messages: dict[MessageKind, MessageSpec] = Field(default_factory=dict)

    def form(self, kind: str) -> FormSpec:
        """The form of one kind."""
        return next(form for form in self.forms if form.kind == kind)


class FormChanges(Strict):
    """A program's changes to one kind of form."""

    title: Wording | None = Field(None, description="A new title.")
    intro: Wording | None = Field(None, description="A new introduction.")
    minutes: int | None = Field(None, ge=0, le=120, description="About how long it takes.")
    questions: list[QuestionSpec] = Field(
        default_factory=list,
        description="Questions to add, or to replace: one whose key the form already has "
        "replaces that question.",
    )
    remove: list[str] = Field(
        default_factory=list, description="Keys of built-in questions to leave out."
    )

    @model_validator(mode="after")
    def _unique(self) -> FormChanges:
        return _unique_keys(self)


_Keyed = TypeVar("_Keyed", "FormSpec", "FormChanges")


class ContentChanges(Strict):
    """What a program changes in the content model (the config's ``content:`` section)."""

    preparation_minutes: int | None = Field(
        None, ge=0, le=240, description="Minutes each person spends preparing each session."
    )
    forms: dict[Kind, FormChanges] = Field(
        default_factory=dict,
        description="Changes by kind of form: goals, self-assessment, agreement, agenda, "
        "cohort, pulse, mid, end, signup.",
    )
    agreement: list[Commitment] | None = Field(
        None, min_length=1, description="Your own agreement commitments, replacing ours."
    )
    call: CallSpec | None = Field(
        None, description="Your own call for participants (subject and body), replacing ours."
    )
    messages: dict[MessageKind, dict[str, Sentence]] = Field(
        default_factory=dict,
        description="Your own wording of `playbook outbox`'s messages, by kind (introduction, "
        "reminder, overdue, fit, quiet) and sentence name (subject, opening, ...); a name "
        "given replaces ours.",
    )


def _unique_keys(form: _Keyed) -> _Keyed:
    keys = [question.key for question in form.questions]
    twice = sorted({key for key in keys if keys.count(key) > 1})
    if twice:
        msg = f"question key '{twice[0]}' is given twice"
        raise ValueError(msg)
    return form


@cache
def builtin_content(locale: str = DEFAULT) -> ContentSpec:
    """The content model shipped with the package, in the organisation's spelling."""
    text = spell(CONTENT_FILE.read_text(encoding="utf-8"), locale)
    return ContentSpec.model_validate(yaml.safe_load(text))


def unknown_removals(changes: ContentChanges) -> list[tuple[str, int, str, list[str]]]:
    """(kind, index, key, the form's keys) for every ``remove`` naming no built-in question."""
    found: list[tuple[str, int, str, list[str]]] = []
    for kind, form_changes in changes.forms.items():
        keys = [question.key for question in builtin_content().form(kind).questions]
        for index, key in enumerate(form_changes.remove):
            if key not in keys:
                found.append((kind, index, key, keys))
    return found


def merged(changes: ContentChanges, locale: str = DEFAULT) -> ContentSpec:
    """The built-in model, in the organisation's spelling, with a program's changes applied
    (as written: they are the organisation's own words)."""
    content = builtin_content(locale)
    forms = [_merge_form(form, changes.forms.get(form.kind)) for form in content.forms]
    return ContentSpec(
        preparation_minutes=content.preparation_minutes
        if changes.preparation_minutes is None
        else changes.preparation_minutes,
        forms=forms,
        agreement=changes.agreement or content.agreement,
        call=changes.call or content.call,
        messages=_merge_messages(content.messages, changes.messages),
    )


def _merge_messages(
    messages: dict[MessageKind, MessageSpec], changes: dict[MessageKind, dict[str, str]]
) -> dict[MessageKind, MessageSpec]:
    """Ours, with each sentence a program names replaced by its own (subject included)."""
    merged_messages = dict(messages)
    for kind, sentences in changes.items():
        spec = merged_messages[kind]
        subject = sentences.get("subject", spec.subject)
        rest = {k: v for k, v in sentences.items() if k != "subject"}
        merged_messages[kind] = MessageSpec(subject=subject, sentences={**spec.sentences, **rest})
    return merged_messages


def _merge_form(form: FormSpec, changes: FormChanges | None) -> FormSpec:
    if changes is None:
        return form
    replacing = {question.key: question for question in changes.questions}
    kept = [
        replacing.pop(question.key, question)
        for question in form.questions
        if question.key not in changes.remove
    ]
    return form.model_copy(
        update={
            "title": changes.title or form.title,
            "intro": changes.intro or form.intro,
            "minutes": form.minutes if changes.minutes is None else changes.minutes,
            "questions": [*kept, *replacing.values()],
        }
    )


def wording(text: Wording | None, role: str | None, format: str) -> str | None:  # noqa: A002
    """The text for one reader: ``group-<role>``, ``group`` (group format only), ``<role>``,
    then ``all``; None when none applies (the question is not asked of them)."""
    if text is None or isinstance(text, str):
        return text
    group = format == "group"
    order = [f"group-{role}" if group and role else "", "group" if group else "", role, "all"]
    return next((text[v] for v in order if v and v in text), None)  # type: ignore[index]
