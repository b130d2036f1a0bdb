"""Calendars and pages in time zones: every timed event of every calendar carries its
department's zone with a matching VTIMEZONE, read back as a calendar app would
(recurring-ical-events); pages name the zone only where departments differ; a monthly cadence
states its rule once; holidays are listed by name."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import holidays
import pytest
import recurring_ical_events
from icalendar import Calendar

from generator.commands.build import render_tree
from generator.config.load import load
from generator.program.plan import plan_program

EXAMPLE = Path("playbook/organisation.yaml")


@pytest.fixture(scope="module")
def example() -> tuple:
    playbook = load(EXAMPLE)
    return playbook, plan_program(playbook), render_tree(playbook)


def test_the_example_spans_two_zones_and_two_countries(example) -> None:
    playbook, _, _ = example
    zones = {
        d.slug: (d.settings.timezone, d.settings.holidays.country) for d in playbook.departments
    }
    assert zones == {
        "sales": ("Europe/London", "GB"),
        "engineering": ("America/New_York", "US"),
        "finance": ("Europe/London", "GB"),
        "customer-care": ("Europe/London", "GB"),
    }


def test_every_timed_event_carries_its_departments_zone(example) -> None:
    playbook, program, tree = example
    for plan in program.departments:
        settings = plan.department.settings
        text = tree[f"docs/printables/{plan.department.slug}/sessions.ics"]
        cal = Calendar.from_ical(text)
        zones = [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")]
        assert zones == [settings.timezone]
        timed = 0
        for event in cal.walk("VEVENT"):
            start, end = event.decoded("dtstart"), event.decoded("dtend")
            if not isinstance(start, datetime):
                continue  # an all-day form reminder: a date has no zone
            timed += 1
            assert start.tzinfo.key == end.tzinfo.key == settings.timezone
            assert event["dtstart"].params["TZID"] == settings.timezone
        assert timed == len(plan.schedule) + len(plan.events)
        # no event's time floats: each names its zone (a VTIMEZONE's own are local by design)
        for event in cal.walk("VEVENT"):
            assert not re.search(rb"^DT(START|END):\d{8}T\d{6}\r?$", event.to_ical(), re.M)


def test_a_calendar_app_sees_the_planned_instants(example) -> None:
    """recurring-ical-events expands the calendar as an app would; every timed occurrence is
    the plan's wall-clock time in the department's zone, so a reader elsewhere gets the same
    instant (10:30 in New York is 15:30 in London in January)."""
    _, program, tree = example
    for plan in program.departments:
        settings = plan.department.settings
        cal = Calendar.from_ical(tree[f"docs/printables/{plan.department.slug}/sessions.ics"])
        found = recurring_ical_events.of(cal).between(date(2026, 1, 1), date(2028, 1, 1))
        starts = sorted(
            e.decoded("dtstart") for e in found if isinstance(e.decoded("dtstart"), datetime)
        )
        planned = sorted(
            [
                datetime.combine(
                    s.date, datetime.strptime(settings.session_time, "%H:%M").time(), settings.zone
                )
                for s in plan.schedule
            ]
            + [e.start for e in plan.events]
        )
        assert starts == planned
    engineering = next(p for p in program.departments if p.department.slug == "engineering")
    first = engineering.schedule[0]
    start = datetime.combine(
        first.date, datetime.strptime("10:30", "%H:%M").time(), ZoneInfo("America/New_York")
    )
    assert start.astimezone(ZoneInfo("Europe/London")).strftime("%H:%M") == "15:30"


def test_no_timed_event_lands_on_its_departments_public_holiday(example) -> None:
    _, program, tree = example
    for plan in program.departments:
        chosen = plan.department.settings.holidays
        public = holidays.country_holidays(
            chosen.country, subdiv=chosen.subdivision, years=[2026, 2027, 2028]
        )
        cal = Calendar.from_ical(tree[f"docs/printables/{plan.department.slug}/sessions.ics"])
        days = [e.decoded("dtstart") for e in cal.walk("VEVENT")]
        days = [d.date() if isinstance(d, datetime) else d for d in days]
        assert [d for d in days if d in public] == [], plan.department.name


def test_pages_name_the_zone_where_departments_differ(example) -> None:
    _, _, tree = example
    engineering = tree["docs/departments/engineering.md"]
    assert "usually at 10:30 New York time," in engineering
    assert "| # | Date | Time (New York time) |" in engineering
    assert "| # | Date | Time (London time) |" in tree["docs/departments/sales.md"]
    assert "starting 10:30 London time |" in tree["docs/guide/index.md"]
    cohort = next(k for k in tree if re.match(r"docs/printables/engineering/cohort-.+\.html", k))
    assert re.search(r"\d\d:\d\d to \d\d:\d\d New York time, ", tree[cohort])


def test_a_program_in_one_zone_names_none(small_config: Path) -> None:
    tree = render_tree(load(small_config))
    pages = [v for k, v in tree.items() if k.endswith(".md") and isinstance(v, str)]
    assert pages
    assert not any(re.search(r"\d\d:\d\d (UTC|\w+ time)\b", page) for page in pages)
    assert "| # | Date | Time |" in tree["docs/departments/sales.md"]


def test_holidays_are_listed_by_name_and_a_weekly_move_is_noted(example) -> None:
    _, _, tree = example
    engineering = tree["docs/departments/engineering.md"]
    assert "- Monday 18 January 2027 (Martin Luther King Jr\\. Day)" in engineering
    assert "Tuesday 19 January 2027 *(moved from 18 Jan 2027)*" in engineering
    finance = tree["docs/departments/finance.md"]
    assert "- Monday 3 May 2027 (May Day)" in finance
    assert "- Friday 26 March 2027 (Good Friday)" in finance


def test_a_monthly_cadence_states_its_rule_once_instead_of_each_move(example) -> None:
    _, program, tree = example
    finance = tree["docs/departments/finance.md"]
    plan = next(p for p in program.departments if p.department.slug == "finance")
    assert any(s.moved_from == date(2027, 4, 11) for s in plan.schedule)  # a Sunday
    assert "moved from" not in finance
    rule = (
        "Sessions fall on the 11th of each month;\n"
        "when that is a weekend or a public holiday, the next working day."
    )
    assert finance.count(rule) == 1
    assert "| 4 | Monday 12 April 2027 | 10:30 |" in finance
