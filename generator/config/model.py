"""The typed organisation config: what a program lead may write, and nothing else.

Every field carries a description: they feed the JSON Schema (editor autocompletion) and the
config reference. Models forbid unknown keys so a typo is an error, not a silent default.
Each program setting is declared once, on ``Program``; a department's overrides are the same
fields made optional (``ProgramOverrides``, derived from ``Program``), and ``None`` means "inherit".
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    create_model,
    field_validator,
    model_validator,
)

from generator.config.base import Contact, Location, ShortText, Strict
from generator.config.cohort_settings import Cohort
from generator.config.content import ContentChanges
from generator.config.evaluation_settings import Evaluation
from generator.config.fields import Format
from generator.config.icons import Icon
from generator.config.mail_settings import MailSettings
from generator.config.organisation_settings import Organisation
from generator.config.outbox_settings import OutboxSettings
from generator.config.pairing_settings import PairingSettings
from generator.config.recruitment_settings import RecruitmentSettings
from generator.config.roster_settings import ROSTER_SCHEMA, RosterField
from generator.config.zones import DEFAULT_ZONE, PublicHolidays, TimeZone

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CADENCE_RE = re.compile(
    r"^(?:weekly|fortnightly|monthly|every (?:(?P<n>[1-9][0-9]?) weeks|week|month))$"
)
TIME_RE = re.compile(r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]$")

FIRST_START, LAST_START = date(2000, 1, 1), date(2099, 12, 31)
# Blackout days are bounded too, so planning can never step off the calendar (Python's dates end
# at 9999-12-31, and a blackout to 9999-12-31 once made the scheduler overflow). The bounds hold
# every day a program can reach:
# - the earliest is a training or form day before the earliest start: 2000-01-01 less at most
#   60 days (cohort.training_days_before) is 1999-11-02, so from 1999-01-01 covers it;
# - the latest slot is the 52nd session of a program that starts on 2099-12-31 and meets every
#   99 weeks: 51 x 99 weeks later, 2196-10-06; to 2200-12-31 covers it.
# Within the bounds, stepping over a blackout lands at most one day outside them (1998-12-31 or
# 2201-01-01), and the later sessions, check-ins and celebration follow within weeks: centuries
# from the calendar's end. A blackout covering a whole program moves it past the blackout (the
# long-program design warning then says so); it never makes planning fail.
FIRST_BLACKOUT, LAST_BLACKOUT = date(1999, 1, 1), date(2200, 12, 31)
PaperSize = Literal["A4", "Letter"]


def date_between(first: date, last: date) -> AfterValidator:
    """A check that a date lies from ``first`` to ``last``, inclusive."""

    def check(value: date) -> date:
        if not first <= value <= last:
            msg = f"a date between {first} and {last}"
            raise ValueError(msg)
        return value

    return AfterValidator(check)


BlackoutDay = Annotated[date, date_between(FIRST_BLACKOUT, LAST_BLACKOUT)]


class Blackout(Strict):
    """A span of days with no sessions (holidays, shutdowns, year-end close)."""

    start: BlackoutDay = Field(alias="from", description="First day with no sessions.")
    end: BlackoutDay = Field(alias="to", description="Last day with no sessions (inclusive).")
    label: str = Field("", max_length=200, description="Why, e.g. 'Summer shutdown'.")

    @model_validator(mode="after")
    def _ordered(self) -> Blackout:
        if self.end < self.start:
            msg = (
                "a span that ends on or after it starts "
                f"('to' {self.end} is before 'from' {self.start})"
            )
            raise ValueError(msg)
        return self


def _date_as_span(value: object) -> object:
    """A bare date in blackout_dates means a one-day span.

    The span holds the date as ISO text, so a date out of bounds is shown as written
    (``got '0001-01-01'``), not as a Python object.
    """
    if isinstance(value, date):
        return {"from": value.isoformat(), "to": value.isoformat()}
    if isinstance(value, str):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            msg = "a date like 2027-04-05, or a span {from: DATE, to: DATE, label: TEXT}"
            raise ValueError(msg) from None
        return {"from": day.isoformat(), "to": day.isoformat()}
    return value


BlackoutItem = Annotated[Blackout, BeforeValidator(_date_as_span)]


class CustomActivity(Strict):
    """A hands-on activity of your own topic; sessions take them up in the order written."""

    title: ShortText = Field(description="The activity's name, e.g. 'Walk the loading bay'.")
    minutes: int = Field(ge=5, le=240, description="About how long (5 to 240); agendas scale it.")
    description: str = Field(
        min_length=1, max_length=2000, description="What the mentor and the mentee do."
    )


class CustomTopic(Strict):
    """A focus area of your own, next to the built-in topic library."""

    id: str = Field(description="A short slug used in focus_areas, e.g. 'sustainability'.")
    title: ShortText = Field(description="The topic's title.")
    summary: str = Field("", max_length=500, description="One sentence about the topic.")
    why: str = Field("", max_length=2000, description="Why a senior leader gains from it.")
    cover: list[str] = Field(default_factory=list, description="What to cover.")
    prompts: list[str] = Field(default_factory=list, description="Conversation prompts.")
    activities: list[CustomActivity] = Field(
        default_factory=list, description="Hands-on activities, in the order sessions take them up."
    )
    pitfalls: list[str] = Field(default_factory=list, description="Pitfalls to avoid.")
    icon: Icon = Field(
        "material/lightbulb-on-outline",
        description="A Material for MkDocs icon: material/, fontawesome/brands/, "
        "fontawesome/regular/, fontawesome/solid/, octicons/ or simple/ and the icon's name, "
        "e.g. 'material/leaf'.",
    )

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG_RE.match(value):
            msg = "a slug of lower-case letters, digits and hyphens, e.g. 'sustainability'"
            raise ValueError(msg)
        return value


def _check_cadence(value: str) -> str:
    if not CADENCE_RE.match(value):
        msg = "'weekly', 'fortnightly', 'monthly' or 'every N weeks' (N from 1 to 99)"
        raise ValueError(msg)
    return value


def _check_time(value: str) -> str:
    if not TIME_RE.match(value):
        msg = "a 24-hour time like '10:30'"
        raise ValueError(msg)
    return value


WARNING_CODES = (
    "few-sessions",
    "long-sessions",
    "no-midpoint",
    "no-training",
    "no-agreement",
    "long-program",
    "unused-focus-areas",
)


#: Setting types that carry their own check, so the check goes wherever the type goes.
StartDate = Annotated[date, date_between(FIRST_START, LAST_START)]
CadenceText = Annotated[str, AfterValidator(_check_cadence)]
TimeOfDay = Annotated[str, AfterValidator(_check_time)]


# Each program setting is declared here once: type, default, constraints, description. The
# department overrides are derived from these fields (``optional_fields``), so a new setting is
# overridable per department without more code. (The docstring feeds the JSON Schema.)
class Program(Strict):
    """Program defaults: every department gets these unless it overrides them."""

    start: StartDate = Field(description="Date of the first session (YYYY-MM-DD).")
    sessions: int = Field(6, ge=1, le=52, description="Number of pair sessions.")
    cadence: CadenceText = Field(
        "every 2 weeks",
        description="How often sessions happen: 'weekly', 'fortnightly', 'monthly' or "
        "'every N weeks'.",
    )
    session_minutes: int = Field(
        60, ge=15, le=240, description="Length of one session in minutes (15 to 240)."
    )
    session_time: TimeOfDay = Field(
        "10:00", description="Usual start time of sessions, 24-hour 'HH:MM' (quote it)."
    )
    timezone: TimeZone = Field(
        DEFAULT_ZONE,
        description="Where session_time and every other time is read: an IANA time zone "
        "like 'Europe/London' or 'America/New_York'; calendars carry it, so each reader "
        "sees the hour in their own zone. Left out: UTC, which is local time almost nowhere "
        "(London is UTC+1 in summer), so set it.",
    )
    holidays: PublicHolidays | None = Field(
        None,
        description="Whose public holidays have no sessions or cohort events: {country, "
        "subdivision}, e.g. {country: GB, subdivision: ENG}; they join the blackouts, "
        "named. Left out: none.",
    )
    format: Format = Field(
        "one-to-one",
        description="'one-to-one' pairs, or 'group' sessions such as a lunch-and-learn.",
    )
    focus_areas: list[str] = Field(
        default_factory=lambda: ["technology", "social-media", "cultural-competence"],
        min_length=1,
        description="Topic ids from the topic library (or your own `topics`) the program "
        "covers, in order.",
    )
    blackout_dates: list[BlackoutItem] = Field(
        default_factory=list,
        description="Days with no sessions: a date, or {from, to, label} for a span. A session "
        "that falls on one moves to the next free working day.",
    )
    paper_size: PaperSize = Field("A4", description="Paper for printables: A4 or Letter.")
    location: Location = Field(
        "",
        description="Where sessions happen: a room, an address or a video link (one line, up "
        "to 500 characters); the calendars and invitations carry it. Empty: none given.",
    )
    cohort: Cohort = Field(
        default_factory=Cohort,
        description="Training, mentor check-ins, mid-point debrief and celebration.",
    )
    agreement: bool = Field(
        True, description="Whether pairs sign a mentoring agreement at the kick-off."
    )
    accept_warnings: list[Literal[WARNING_CODES]] = Field(  # type: ignore[valid-type]
        default_factory=list,
        description="Design warnings you have considered and accept, by code: "
        + ", ".join(WARNING_CODES)
        + ".",
    )


def optional_fields(model: type[Strict], name: str, doc: str) -> type[Strict]:
    """A model with every field of ``model`` made optional: None means "not given here".

    Each field keeps its type, constraints (ge, le, min_length, ...), validators and
    description; only its default becomes None. The checks apply to a given value, never to None.
    """
    fields: dict[str, Any] = {}
    for field_name, info in model.model_fields.items():
        given: Any = info.annotation
        if info.metadata:
            given = Annotated[(given, *info.metadata)]
        fields[field_name] = (
            given | None,
            Field(None, alias=info.alias, description=info.description),
        )
    return create_model(name, __base__=Strict, __doc__=doc, __module__=__name__, **fields)


if TYPE_CHECKING:

    class ProgramOverrides(Strict):
        """What the type checker sees: every Program field, optional (built below at run time)."""

        def __getattr__(self, name: str) -> Any: ...

else:
    ProgramOverrides = optional_fields(
        Program,
        "ProgramOverrides",
        "The program settings a department may override; None means it inherits the default.",
    )


class Department(ProgramOverrides):
    """One department; any program default given here overrides it for this department."""

    name: ShortText = Field(description="The department's name as people say it.")
    slug: str | None = Field(
        None, description="URL name of its page; made from the name when left out."
    )
    contact: Contact | None = Field(
        None, description="Who participants in this department write to (default: the lead)."
    )
    feedback_to: Contact | None = Field(
        None,
        description="Where this department's filled-in forms go back to, and who reads them "
        "(default: the program lead).",
    )
    intro: str = Field("", max_length=5000, description="A welcome from the department.")
    extra_questions: list[Annotated[str, Field(min_length=1, max_length=500)]] = Field(
        default_factory=list, description="Questions added to this department's feedback forms."
    )

    @field_validator("slug")
    @classmethod
    def _slug(cls, value: str | None) -> str | None:
        if value is not None and not SLUG_RE.match(value):
            msg = "a slug of lower-case letters, digits and hyphens, e.g. 'customer-care'"
            raise ValueError(msg)
        return value


class Site(Strict):
    """Where the site's settings come from and where the output goes."""

    settings: str = Field(
        "mkdocs.yml",
        description="A mkdocs.yml with your theme and Markdown settings, relative to this "
        "file. Left out or missing: the built-in settings.",
    )
    output: str = Field("site", description="Folder for the built site, relative to this file.")
    private_output: str = Field(
        "private",
        description="Folder for participant data (pairs, filled forms, reports), never "
        "published; relative to this file.",
    )
    templates: str = Field(
        "templates",
        description="Folder of your own templates, relative to this file; a file there "
        "replaces the built-in template of the same name.",
    )
    engine: Literal["mkdocs", "zensical"] = Field(
        "mkdocs",
        description="The site engine: mkdocs (Material for MkDocs) or zensical (its "
        "successor; it runs no MkDocs plugins, so search comes built in). Either way the "
        "build checks every link in the built pages itself.",
    )
    offline: bool = Field(
        False,
        description="Build a site that works opened from disk, a file share or a zip: links "
        "end in .html, search runs without a server, and no page loads anything from the "
        "internet. Needs the iframe-worker package from npm (scripts/setup.sh installs it).",
    )


class Config(Strict):
    """One organisation's reverse-mentoring program."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, title="Reverse mentoring playbook"
    )

    organisation: Organisation = Field(description="Who runs the program.")
    program: Program = Field(description="Program defaults every department inherits.")
    topics: list[CustomTopic] = Field(
        default_factory=list, description="Your own focus areas, next to the built-in ones."
    )
    departments: list[Department] = Field(
        min_length=1, description="The departments taking part, each with its own page."
    )
    roster: RosterField | None = Field(
        None,
        description="The participant roster (CSV, XLSX or YAML), relative to this file: a path, "
        "or {file, columns} naming the columns an HR export uses. `playbook pair` reads it; the "
        "site shows only aggregate numbers from it unless pairing.publish_names is true. Each "
        "participant's department is one of `departments`, by name in any case or by slug.",
        json_schema_extra=ROSTER_SCHEMA,
    )
    pairing: PairingSettings = Field(
        default_factory=PairingSettings,
        description="How `playbook pair` scores and constrains pairs.",
    )
    evaluation: Evaluation = Field(
        default_factory=Evaluation,
        description="How `playbook collect` evaluates the returned feedback forms.",
    )
    outbox: OutboxSettings = Field(
        default_factory=OutboxSettings,
        description="When `playbook outbox` writes reminders and nudges, and what it attaches.",
    )
    site: Site = Field(default_factory=Site, description="Site settings and output folders.")
    mail: MailSettings = Field(
        default_factory=MailSettings,
        description="The SMTP server `playbook send` delivers the outbox through; the user name "
        "and password come only from PLAYBOOK_SMTP_USER and PLAYBOOK_SMTP_PASSWORD.",
    )
    recruitment: RecruitmentSettings = Field(
        default_factory=RecruitmentSettings,
        description="When the lead's runbook steps fall: sign-up, briefing, pairing, evaluation.",
    )
    content: ContentChanges = Field(
        default_factory=ContentChanges,
        description="Changes to what the forms ask and the agreement says: add, replace or "
        "remove questions by key.",
    )
