"""resolved: the program as later stages read it, every value filled. Built by ``load``.

The typed config (``model``) says what a program lead may write; these frozen dataclasses say
what the program is once defaults are merged under each department's overrides.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from generator.config.base import Contact
from generator.config.cohort_settings import Cohort, Facilitators
from generator.config.content import ContentSpec
from generator.config.model import CADENCE_RE, Config
from generator.config.yamlsource import SourceMap
from generator.config.zones import DEFAULT_ZONE, PublicHolidays


@dataclass(frozen=True)
class Cadence:
    """How far apart sessions are: a number of weeks, or one calendar month."""

    weeks: int | None
    label: str

    @classmethod
    def parse(cls, text: str) -> Cadence:
        """Read a validated cadence phrase ('weekly', 'every 3 weeks', 'monthly', ...)."""
        match = CADENCE_RE.match(text)
        if match is None:
            msg = f"not a cadence: {text!r}"
            raise ValueError(msg)
        if text in ("monthly", "every month"):
            return cls(None, "monthly")
        weeks = {"weekly": 1, "every week": 1, "fortnightly": 2}.get(text)
        weeks = weeks or int(match.group("n"))
        label = {1: "weekly", 2: "every 2 weeks"}.get(weeks, f"every {weeks} weeks")
        return cls(weeks, label)


@dataclass(frozen=True)
class Activity:
    """A hands-on activity of a topic; sessions take a topic's activities in order."""

    title: str
    minutes: int
    description: str


@dataclass(frozen=True)
class Topic:
    """One entry of the topic library, built-in or the organisation's own."""

    id: str
    title: str
    icon: str = "material/lightbulb-on-outline"
    summary: str = ""
    why: str = ""
    cover: tuple[str, ...] = ()
    prompts: tuple[str, ...] = ()
    activities: tuple[Activity, ...] = ()
    pitfalls: tuple[str, ...] = ()
    custom: bool = False


@dataclass(frozen=True)
class Span:
    """A resolved blackout span (a single date has start == end)."""

    start: date
    end: date
    label: str = ""
    #: a public holiday of ``Settings.holidays`` (its label is the holiday's name), not a
    #: blackout the config lists
    holiday: bool = False

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


#: The cohort events a facilitator may be named for, by their ``cohort.facilitators`` key.
FACILITATED = tuple(Facilitators.model_fields)


@dataclass(frozen=True)
class Settings:
    """Program settings with every value filled: the defaults, or a department's overrides."""

    start: date
    sessions: int
    cadence: Cadence
    session_minutes: int
    session_time: str
    format: str
    focus_areas: tuple[Topic, ...]
    blackouts: tuple[Span, ...]
    paper_size: str
    #: who facilitates each cohort event, by ``FACILITATED`` key: the one the config names, else
    #: the program lead; every key is present
    facilitators: dict[str, Contact]
    cohort: Cohort = Cohort()
    agreement: bool = True
    #: where sessions happen (room, address or video link); empty when the config gives none
    location: str = ""
    accept_warnings: tuple[str, ...] = ()
    #: the IANA zone every time is in
    timezone: str = DEFAULT_ZONE
    holidays: PublicHolidays | None = None

    @property
    def zone(self) -> ZoneInfo:
        """The time zone as tzinfo, for aware datetimes."""
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class ResolvedDepartment:
    """A department with the program defaults merged under its overrides."""

    name: str
    slug: str
    settings: Settings
    contact: Contact
    #: where the department's filled-in forms go back to; that person reads them
    returns_to: Contact
    intro: str
    extra_questions: tuple[str, ...]
    #: the keys whose resolved value differs from the program defaults' (restating one is not)
    overrides: tuple[str, ...]


def loose_key(text: str) -> str:
    """``text`` as a lookup key that ignores case, spacing and punctuation, with ``&`` as "and":
    "Research & Development", "research and development" and "Research-and-Development" are one.
    """
    text = text.casefold().replace("&", " and ").replace("#", " number ")
    return "".join(char for char in text if char.isalnum())


class DepartmentNames:
    """How a roster or a pairs file names a department: by its name or by its page name (slug),
    regardless of case, spacing, punctuation and "&" for "and" (``loose_key``). The one rule, so
    the roster check and the pair packets cannot disagree.

    Where one department's name is another's page name, the one listed first in the config wins.
    """

    def __init__(self, departments: Iterable[ResolvedDepartment]) -> None:
        self.departments = tuple(departments)
        self._by_key: dict[str, ResolvedDepartment] = {}
        for department in self.departments:
            self._by_key.setdefault(loose_key(department.name), department)
            self._by_key.setdefault(loose_key(department.slug), department)

    def find(self, text: str) -> ResolvedDepartment | None:
        """The department ``text`` names, or None."""
        return self._by_key.get(loose_key(text))

    def near(self, text: str) -> list[str]:
        """The names of up to three departments ``text`` might be a typo for, closest first."""
        names = {loose_key(department.name): department.name for department in self.departments}
        close = difflib.get_close_matches(loose_key(text), list(names), n=3, cutoff=0.6)
        return [names[key] for key in close]


@dataclass(frozen=True)
class Playbook:
    """A loaded, validated program: the config plus everything derived from it."""

    config: Config
    config_path: Path
    topics: dict[str, Topic]
    defaults: Settings
    departments: tuple[ResolvedDepartment, ...]
    #: the content model with the config's changes: questions, commitments, preparation
    content: ContentSpec
    source: SourceMap | None = None

    @property
    def folder(self) -> Path:
        """The config's folder: relative paths in the config resolve against it."""
        return self.config_path.parent

    def resolve(self, relative: str) -> Path:
        """A path from the config, made absolute against the config's folder."""
        return (self.folder / relative).resolve()
