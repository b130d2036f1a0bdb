"""ical: one event per planned session, on the plan's dates, with stable UIDs and stamps."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar

from generator.commands.build import render_tree
from generator.config.load import load
from generator.program.plan import plan_department


def calendar(config: Path, slug: str) -> Calendar:
    tree = render_tree(load(config))
    return Calendar.from_ical(tree[f"docs/printables/{slug}/sessions.ics"])


def events(cal: Calendar) -> list:
    """The pair-session events (UIDs like sales-s3@...)."""
    return [e for e in cal.walk("VEVENT") if re.match(r"^[a-z0-9-]+-s\d+@", str(e["uid"]))]


def all_events(cal: Calendar) -> list:
    return list(cal.walk("VEVENT"))


def test_one_event_per_session_on_the_planned_dates(small_config: Path) -> None:
    cal = calendar(small_config, "sales")
    starts = [event.decoded("dtstart") for event in events(cal)]
    # weekly from Monday 1 March; 8 March is a blackout, so session 2 moves to the 9th; the
    # config names no zone, so the times are UTC
    utc = ZoneInfo("UTC")
    assert starts == [
        datetime(2027, 3, 1, 9, 15, tzinfo=utc),
        datetime(2027, 3, 9, 9, 15, tzinfo=utc),
        datetime(2027, 3, 15, 9, 15, tzinfo=utc),
        datetime(2027, 3, 22, 9, 15, tzinfo=utc),
    ]


def test_no_event_falls_in_a_blackout(small_config: Path) -> None:
    days = [event.decoded("dtstart").date() for event in events(calendar(small_config, "sales"))]
    assert date(2027, 3, 8) not in days


def test_dates_agree_with_the_plan(small_config: Path) -> None:
    playbook = load(small_config)
    for department in playbook.departments:
        plan = plan_department(department, playbook.config.organisation.program, playbook.content)
        cal = calendar(small_config, department.slug)
        days = [event.decoded("dtstart").date() for event in events(cal)]
        assert days == [s.date for s in plan.schedule]


def test_length_uids_with_the_round_and_stamp_come_from_the_config(small_config: Path) -> None:
    found = events(calendar(small_config, "finance"))
    assert len(found) == 2
    assert [str(e["uid"]) for e in found] == [
        "finance-s1@2027-03.mentor-up",
        "finance-s2@2027-03.mentor-up",
    ]
    for event in found:
        assert event.decoded("dtend") - event.decoded("dtstart") == (
            datetime(2000, 1, 1, 0, 30) - datetime(2000, 1, 1)
        )
        assert event.decoded("dtstamp").isoformat() == "2027-03-01T00:00:00+00:00"


def test_calendar_is_deterministic(small_config: Path) -> None:
    first = render_tree(load(small_config))["docs/printables/sales/sessions.ics"]
    second = render_tree(load(small_config))["docs/printables/sales/sessions.ics"]
    assert first == second
    assert "\r\n" in first  # RFC 5545 line endings


def test_agenda_pages_carry_the_calendar_dates(small_config: Path) -> None:
    tree = render_tree(load(small_config))
    assert "Tuesday 9 March 2027" in tree["docs/printables/sales/agenda-s02.html"]
    assert "moved from 8 Mar 2027" in tree["docs/printables/sales/agenda-s02.html"]


def test_cohort_events_and_form_reminders_are_in_the_calendar(small_config: Path) -> None:
    cal = calendar(small_config, "sales")
    summaries = {str(e["summary"]): e for e in all_events(cal)}
    training = summaries["Mentor-Up: Mentor training (mentors)"]
    assert training.decoded("dtstart") == datetime(
        2027, 2, 22, 9, 15, tzinfo=ZoneInfo("UTC")
    )  # a week before
    assert "Mentor-Up: Mentee training (mentees)" in summaries
    assert "Mentor-Up: Closing celebration (everyone)" in summaries
    reminder = summaries["Mentor-Up: Feedback after session 1: session pulse"]
    assert reminder.decoded("dtstart") == date(2027, 3, 2)  # all day, the next working day
    assert str(reminder["transp"]) == "TRANSPARENT"
    assert "answer by 09 March 2027" in str(reminder["description"])
    assert any(s.endswith(": end-of-programme review") for s in summaries)
    uids = [str(e["uid"]) for e in all_events(cal)]
    assert len(uids) == len(set(uids))


def test_blackouts_hold_for_cohort_events_too(small_config: Path) -> None:
    for event in all_events(calendar(small_config, "sales")):
        start = event.decoded("dtstart")
        day = start.date() if isinstance(start, datetime) else start
        assert day != date(2027, 3, 8)
        assert day.weekday() < 5


def test_names_with_line_breaks_and_slashes_keep_the_calendar_valid(write_config) -> None:
    from tests.conftest import MINIMAL

    text = MINIMAL.replace("name: Acme Analytics", 'name: "Acme\\nAnalytics // Ltd"')
    text = text.replace("program: Reverse Up", 'program: "Reverse\\r\\nUp"')
    ics = render_tree(load(write_config(text)))["docs/printables/research/sessions.ics"]
    cal = Calendar.from_ical(ics)
    assert str(cal["prodid"]) == "-//Acme Analytics / Ltd//Reverse Up playbook//EN"
    assert str(cal["x-wr-calname"]) == "Reverse Up: Research"
    assert all("\n" not in line.rstrip("\r") for line in ics.split("\r\n"))
