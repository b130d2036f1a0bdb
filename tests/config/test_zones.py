"""zones: program.timezone and program.holidays, checked against zoneinfo and the holidays
package, inherited and overridden per department, holidays merged into the blackouts."""

from __future__ import annotations

from datetime import date

import holidays
import pytest

from generator.config.load import load, program_years
from generator.config.resolved import Cadence
from generator.config.zones import check_zone, zone_label
from tests.config.test_load import errors_of, replace


def test_no_zone_given_means_utc_and_no_holidays(write_config):
    playbook = load(write_config())
    assert playbook.defaults.timezone == "UTC"
    assert playbook.defaults.holidays is None
    assert all(not span.holiday for span in playbook.defaults.blackouts)


def test_a_department_overrides_the_zone_and_the_holidays(write_config):
    text = replace(
        "  cadence: weekly\n",
        "  cadence: weekly\n  timezone: Europe/London\n"
        "  holidays: {country: GB, subdivision: ENG}\n",
    ).replace(
        "    sessions: 3\n",
        "    sessions: 3\n    timezone: America/New_York\n    holidays: {country: US}\n",
    )
    playbook = load(write_config(text))
    research, sales = playbook.departments
    assert (research.settings.timezone, sales.settings.timezone) == (
        "Europe/London",
        "America/New_York",
    )
    assert research.overrides == ()
    # the holidays join the blackouts, but the department's own blackout list is unchanged, so
    # it does not "set its own blackout dates"
    assert sales.overrides == ("sessions", "timezone", "holidays", "focus_areas")
    english = {s.start: s.label for s in research.settings.blackouts if s.holiday}
    american = {s.start: s.label for s in sales.settings.blackouts if s.holiday}
    assert english[date(2027, 5, 3)] == "May Day"
    assert date(2027, 5, 3) not in american
    assert american[date(2027, 5, 31)] == "Memorial Day"
    assert english[date(2027, 5, 31)] == "Spring Bank Holiday"


def test_holidays_are_the_packages_for_every_year_the_program_reaches(write_config):
    text = replace(
        "  cadence: weekly\n", "  cadence: weekly\n  holidays: {country: DE, subdivision: BY}\n"
    )
    settings = load(write_config(text)).defaults
    years = program_years(settings.start, settings.sessions, settings.cadence)
    expected = holidays.country_holidays("DE", subdiv="BY", years=list(years), language="en_US")
    spans = [span for span in settings.blackouts if span.holiday]
    assert [(s.start, s.label) for s in spans] == sorted(expected.items())
    assert all(s.start == s.end for s in spans)
    assert settings.blackouts == tuple(sorted(settings.blackouts, key=lambda s: (s.start, s.end)))
    # names in English where the country's calendar has them (Bavaria's Epiphany)
    assert dict(expected)[date(2027, 1, 6)] == "Epiphany"


def test_program_years_cover_training_before_and_moves_after():
    assert program_years(date(2027, 1, 11), 6, Cadence.parse("monthly")) == range(2026, 2029)
    assert program_years(date(2027, 11, 1), 8, Cadence.parse("weekly")) == range(2026, 2029)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (
            "Europe/Londn",
            "program.timezone: expected an IANA time zone like 'Europe/London' or "
            "'America/New_York' (did you mean 'Europe/London'?), got 'Europe/Londn'",
        ),
        ("EST", "(did you mean 'America/New_York'?), got 'EST'"),
        ("GMT", "(did you mean 'Europe/London'?), got 'GMT'"),
        ("New York", "(did you mean 'America/New_York'?), got 'New York'"),
        ("europe/lisbon", "(did you mean 'Europe/Lisbon'?), got 'europe/lisbon'"),
        ("Mars/Olympus", "'America/New_York', got 'Mars/Olympus'"),
    ],
)
def test_a_zone_not_in_the_database_is_a_located_error(write_config, written, expected):
    text = replace("  cadence: weekly\n", f"  cadence: weekly\n  timezone: {written}\n")
    [error] = errors_of(write_config, text)
    assert error.startswith("10:3: program.timezone: expected an IANA time zone")
    assert error.endswith(expected)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (
            "{country: XX}",
            "10:14: program.holidays.country: expected a country code the holidays package "
            "knows, like GB, US, DE or PT",
        ),
        ("{country: gb}", "(did you mean 'GB'?), got 'gb'"),
        ("{country: Germany}", "(did you mean 'DE'?), got 'Germany'"),
        ("{country: United Kingdom}", "(did you mean 'GB'?), got 'United Kingdom'"),
        (
            "{country: GB, subdivision: England}",
            "10:27: program.holidays.subdivision: expected a subdivision of GB: ENG, NIR, SCT, "
            "WLS (did you mean 'ENG'?), got 'England'",
        ),
        ("{country: US, subdivision: ny}", "(did you mean 'NY'?), got 'ny'"),
        ("{subdivision: ENG}", "10:3: program.holidays: missing required key 'country'"),
    ],
)
def test_a_country_or_subdivision_the_package_lacks_is_a_located_error(
    write_config, written, expected
):
    text = replace("  cadence: weekly\n", f"  cadence: weekly\n  holidays: {written}\n")
    [error] = errors_of(write_config, text)
    assert expected in error


def test_a_departments_bad_zone_is_located_at_the_department(write_config):
    text = replace("    sessions: 3\n", "    sessions: 3\n    timezone: America/Nwe_York\n")
    [error] = errors_of(write_config, text)
    assert error.startswith("15:5: departments[1].timezone: expected an IANA time zone")
    assert "(did you mean 'America/New_York'?)" in error


def test_every_zone_the_check_accepts_loads_in_zoneinfo():
    assert check_zone("UTC") == "UTC"
    assert check_zone("America/Argentina/Buenos_Aires") == "America/Argentina/Buenos_Aires"


@pytest.mark.parametrize(
    ("zone", "label"),
    [
        ("Europe/London", "London time"),
        ("America/New_York", "New York time"),
        ("America/Argentina/Buenos_Aires", "Buenos Aires time"),
        ("UTC", "UTC"),
    ],
)
def test_a_zone_reads_as_its_city(zone, label):
    assert zone_label(zone) == label
