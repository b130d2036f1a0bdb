"""schedule in a zone and around public holidays: times are aware in the department's zone, and
no session or cohort event lands on a holiday of its department's country (checked against the
holidays package for several countries)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import holidays
import pytest

from generator.config.load import load
from generator.program.plan import plan_program
from generator.program.schedule import cohort_events, schedule, session_span
from tests.helpers import make_settings

CONFIG = """\
organisation:
  name: Acme Analytics
  program: Reverse Up
  sponsor: {{name: Ada Lovelace, title: CEO}}
  lead: {{name: Lee Park, email: lead@acme.example}}
program:
  start: {start}
  sessions: {sessions}
  cadence: {cadence}
  session_time: "09:30"
  timezone: {zone}
  holidays: {holidays}
  focus_areas: [technology, social-media]
departments:
  - name: Research
site:
  settings: no-such-settings.yml
"""

#: (zone, holidays as the config writes them, the same for the holidays package)
COUNTRIES = [
    ("Europe/London", "{country: GB, subdivision: ENG}", {"country": "GB", "subdiv": "ENG"}),
    ("America/New_York", "{country: US}", {"country": "US"}),
    ("Europe/Berlin", "{country: DE, subdivision: BY}", {"country": "DE", "subdiv": "BY"}),
    ("Europe/Lisbon", "{country: PT}", {"country": "PT"}),
]


def planned(write_config, **values: object):
    return plan_program(load(write_config(CONFIG.format(**values))))


@pytest.mark.parametrize(("zone", "written", "country"), COUNTRIES, ids=lambda v: str(v)[:12])
@pytest.mark.parametrize(
    ("start", "sessions", "cadence"),
    [("2027-01-04", 50, "weekly"), ("2027-01-01", 24, "monthly"), ("2027-12-20", 30, "weekly")],
)
def test_no_session_or_cohort_event_lands_on_a_holiday(
    write_config, zone, written, country, start, sessions, cadence
):
    program = planned(
        write_config, start=start, sessions=sessions, cadence=cadence, zone=zone, holidays=written
    )
    [plan] = program.departments
    days = [s.date for s in plan.schedule] + [e.date for e in plan.events]
    days += [r.date for r in plan.reminders]
    years = range(days[0].year - 1, max(days).year + 2)
    public = holidays.country_holidays(**country, years=list(years))
    assert len(public) > 10
    assert [day for day in days if day in public] == []
    assert all(day.weekday() < 5 for day in days)
    # the holidays did move something: the plan without them lands on some
    moved = [s for s in plan.schedule if s.moved_from is not None and s.moved_from in public]
    assert moved


@pytest.mark.parametrize(("zone", "written", "country"), COUNTRIES, ids=lambda v: str(v)[:12])
def test_times_are_aware_in_the_departments_zone(write_config, zone, written, country):
    program = planned(
        write_config, start="2027-01-04", sessions=40, cadence="weekly", zone=zone, holidays=written
    )
    [plan] = program.departments
    settings = plan.department.settings
    tz = ZoneInfo(zone)
    spans = [session_span(settings, s) for s in plan.schedule]
    spans += [(e.start, e.end) for e in plan.events]
    for start, end in spans:
        assert start.tzinfo is not None
        assert start.tzinfo.key == zone
        assert end.tzinfo is not None
        assert end.tzinfo.key == zone
        # the wall clock is the config's, whatever the offset that day
        assert start.utcoffset() == tz.utcoffset(start.replace(tzinfo=None))
    sessions = [s for s, _ in spans[: len(plan.schedule)]]
    assert {f"{start:%H:%M}" for start in sessions} == {"09:30"}
    # winter and summer offsets are the zone database's: an hour apart in all four zones
    winter = next(s for s in sessions if s.month == 1)
    summer = next(s for s in sessions if s.month == 7)
    assert summer.utcoffset() - winter.utcoffset() == timedelta(hours=1)
    assert winter.utcoffset() == datetime(2027, 1, 15, 12, tzinfo=tz).utcoffset()


def test_may_day_2027_moves_a_monday_session_to_tuesday(write_config):
    program = planned(
        write_config,
        start="2027-04-26",
        sessions=3,
        cadence="weekly",
        zone="Europe/London",
        holidays="{country: GB, subdivision: ENG}",
    )
    [plan] = program.departments
    assert [(s.date, s.moved_from) for s in plan.schedule] == [
        (date(2027, 4, 26), None),
        (date(2027, 5, 4), date(2027, 5, 3)),
        (date(2027, 5, 10), None),
    ]
    may_day = next(s for s in plan.department.settings.blackouts if s.start == date(2027, 5, 3))
    assert (may_day.label, may_day.holiday) == ("May Day", True)


def test_a_monthly_cadence_keeps_its_day_and_moves_a_weekend_or_holiday_forward(write_config):
    """From Friday 1 January 2027 (New Year's Day) on the 1st: Saturday 1 May's next working
    day is not Monday 3 May (a bank holiday) but Tuesday 4 May; the other months keep the 1st,
    or the Monday after a weekend."""
    program = planned(
        write_config,
        start="2027-01-01",
        sessions=8,
        cadence="monthly",
        zone="Europe/London",
        holidays="{country: GB, subdivision: ENG}",
    )
    [plan] = program.departments
    assert [s.date for s in plan.schedule] == [
        date(2027, 1, 4),  # Friday 1st: New Year's Day
        date(2027, 2, 1),
        date(2027, 3, 1),
        date(2027, 4, 1),
        date(2027, 5, 4),  # Saturday 1st, and Monday 3rd is May Day
        date(2027, 6, 1),
        date(2027, 7, 1),
        date(2027, 8, 2),  # Sunday 1st
    ]


def test_a_monthly_cadence_on_a_sunday_moves_to_monday_without_holidays():
    settings = make_settings(cadence=make_settings().cadence.parse("monthly"), sessions=4)
    assert [(s.date, s.moved_from) for s in schedule(settings)] == [
        (date(2027, 1, 11), None),
        (date(2027, 2, 11), None),
        (date(2027, 3, 11), None),
        (date(2027, 4, 12), date(2027, 4, 11)),  # Sunday 11 April
    ]


def test_settings_without_a_zone_give_utc_times():
    settings = make_settings()
    sessions = schedule(settings)
    start, _ = session_span(settings, sessions[0])
    assert start == datetime(2027, 1, 11, 10, tzinfo=ZoneInfo("UTC"))
    assert {e.start.tzinfo.key for e in cohort_events(settings, sessions)} == {"UTC"}
