"""zones: where a program's clock and calendar come from, its time zone and its public holidays.

``timezone`` is an IANA name checked against the zone database (``zoneinfo``), so every time
the playbook writes is a time in a known place, never a floating one. ``holidays`` names a
country (and optionally a subdivision) known to the ``holidays`` package; the holidays of the
years a program can reach become blackouts, so no session or cohort event lands on one.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from datetime import date
from functools import cache
from typing import Annotated
from zoneinfo import available_timezones

import holidays as holiday_calendars
from pydantic import AfterValidator, Field, ValidationInfo, field_validator

from generator.config.base import Strict

DEFAULT_ZONE = "UTC"

#: Abbreviations people write for a zone, and the zone they most likely mean. The abbreviations
#: themselves are refused: 'EST' or 'GMT' is a fixed offset, so summer sessions would be an
#: hour out.
_ABBREVIATIONS = {
    "GMT": "Europe/London",
    "BST": "Europe/London",
    "CET": "Europe/Paris",
    "CEST": "Europe/Paris",
    "EET": "Europe/Athens",
    "WET": "Europe/Lisbon",
    "EST": "America/New_York",
    "EDT": "America/New_York",
    "CST": "America/Chicago",
    "MST": "America/Denver",
    "PST": "America/Los_Angeles",
    "IST": "Asia/Kolkata",
}
ZONE_EXPECTED = "an IANA time zone like 'Europe/London' or 'America/New_York'"


@cache
def known_zones() -> frozenset[str]:
    """The zone names a config may use: 'UTC' and every Area/Location name of the database."""
    return frozenset(name for name in available_timezones() if "/" in name) | {DEFAULT_ZONE}


def _zone_hint(value: str) -> str:
    """A did-you-mean for a zone name: an abbreviation's zone, a city's, or a near spelling."""
    if value.upper() in _ABBREVIATIONS:
        return _ABBREVIATIONS[value.upper()]
    zones = sorted(known_zones())
    folded = {zone.casefold(): zone for zone in zones}
    city = {zone.rsplit("/", 1)[-1].replace("_", " ").casefold(): zone for zone in zones}
    wanted = value.casefold()
    if wanted in folded or wanted in city:
        return folded.get(wanted) or city[wanted]
    near = difflib.get_close_matches(value, zones, n=1, cutoff=0.6)
    return near[0] if near else ""


def check_zone(value: str) -> str:
    """Return ``value`` if it names a zone of the database; raise ValueError if not."""
    if value in known_zones():
        return value
    hint = _zone_hint(value)
    msg = ZONE_EXPECTED + (f" (did you mean '{hint}'?)" if hint else "")
    raise ValueError(msg)


#: A config field holding an IANA time zone name.
TimeZone = Annotated[str, AfterValidator(check_zone)]


def zone_label(name: str) -> str:
    """How a page names a zone: 'America/New_York' -> 'New York time'; 'UTC' stays 'UTC'."""
    if "/" not in name:
        return name
    return f"{name.rsplit('/', 1)[-1].replace('_', ' ')} time"


@cache
def _countries() -> dict[str, tuple[str, ...]]:
    """Country codes the holidays package knows, with their subdivision codes."""
    return {
        code: tuple(subs) for code, subs in holiday_calendars.list_supported_countries().items()
    }


def _country_names() -> dict[str, str]:
    """Country names folded to letters ('unitedkingdom') -> their two-letter code."""
    return {
        name.casefold(): codes[0]
        for name, *codes in holiday_calendars.registry.COUNTRIES.values()
        if codes and len(codes[0]) == 2
    }


class PublicHolidays(Strict):
    """Whose public holidays have no sessions: a country and, optionally, a subdivision."""

    country: str = Field(
        description="The country's ISO 3166 code, e.g. GB, US, DE or PT (any country the "
        "`holidays` package knows)."
    )
    subdivision: str | None = Field(
        None,
        description="A state, province or nation of that country whose own holidays count "
        "too, e.g. ENG (England), BY (Bavaria), NY (New York).",
    )

    @field_validator("country")
    @classmethod
    def _country(cls, value: str) -> str:
        if value in _countries():
            return value
        upper, folded = value.upper(), "".join(value.split()).casefold()
        hint = upper if upper in _countries() else _country_names().get(folded, "")
        if not hint:
            near = difflib.get_close_matches(value.upper(), sorted(_countries()), n=1, cutoff=0.5)
            hint = near[0] if near else ""
        msg = "a country code the holidays package knows, like GB, US, DE or PT"
        raise ValueError(msg + (f" (did you mean '{hint}'?)" if hint else ""))

    @field_validator("subdivision")
    @classmethod
    def _subdivision(cls, value: str | None, info: ValidationInfo) -> str | None:
        country = info.data.get("country")
        if value is None or country is None:
            return value
        known = _countries()[country]
        if value in known:
            return value
        names = holiday_calendars.country_holidays(country).subdivisions_aliases
        hint = names.get(value) or (value.upper() if value.upper() in known else "")
        if not hint:
            near = difflib.get_close_matches(value.upper(), known, n=1, cutoff=0.5)
            hint = near[0] if near else ""
        listed = ", ".join(known) if len(known) <= 20 else ", ".join(known[:20]) + ", ..."
        msg = f"a subdivision of {country}: {listed}" if known else f"nothing: {country} has none"
        raise ValueError(msg + (f" (did you mean '{hint}'?)" if hint else ""))


def holiday_days(
    calendar: PublicHolidays, years: Iterable[int], language: str
) -> list[tuple[date, str]]:
    """Each public holiday of ``years`` with its name, in date order.

    Names are in ``language`` (en_GB, en_US) where the country's calendar has it, else in
    English, else in the country's own language.
    """
    supported = holiday_calendars.country_holidays(calendar.country).supported_languages
    chosen = next((lang for lang in (language, "en_GB", "en_US") if lang in supported), None)
    days = holiday_calendars.country_holidays(
        calendar.country, subdiv=calendar.subdivision, years=list(years), language=chosen
    )
    return sorted(days.items())
