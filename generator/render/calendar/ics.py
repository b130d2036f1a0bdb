"""ics: ``CalendarEvent`` lists written as iCalendar text. Pure: no clock, no I/O.

Every value comes from the plan and the state, so the same config and state give the same
bytes: DTSTAMP is the program's epoch (midnight UTC on its start) rather than now, SEQUENCE
comes from ``state``. Each calendar gets ``add_missing_timezones()``: a VTIMEZONE for every
zone its times carry (none while the plan's times are floating).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from icalendar import Calendar, Event, vCalAddress

from generator.render.calendar.events import CalendarEvent
from generator.render.calendar.state import CalendarState


def new_calendar(org: str, program: str, name: str, method: str | None = None) -> Calendar:
    """An empty VCALENDAR named ``name``; ``method`` (REQUEST, CANCEL) makes it an iTIP message."""
    cal = Calendar()
    # PRODID is written as it is (RFC 5545 3.7.3, no text escaping): one line, no slashes
    cal.add("prodid", f"-//{one_line(org)}//{one_line(program)} playbook//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    cal.add("x-wr-calname", one_line(name))
    return cal


def vevent(event: CalendarEvent, state: CalendarState, stamp: datetime) -> Event:
    """One VEVENT: times, text, where, and the SEQUENCE the state gives its UID."""
    entry = Event()
    entry.add("uid", event.uid)
    entry.add("dtstamp", stamp)
    entry.add("sequence", state.sequence(event.uid))
    entry.add("summary", one_line(event.summary))
    entry.add("dtstart", event.start)
    entry.add("dtend", event.end)
    if event.location:
        entry.add("location", event.location)
    entry.add("description", event.description)
    entry.add("categories", list(event.categories))
    if event.free:
        entry.add("transp", "TRANSPARENT")
    return entry


def address(name: str, email: str, **params: str) -> vCalAddress:
    """A ``mailto:`` calendar address with its common name (CN) and any other parameters."""
    value = vCalAddress(f"mailto:{email}")
    value.params["cn"] = one_line(name)
    for key, param in params.items():
        value.params[key.replace("_", "-")] = param
    return value


def finish(cal: Calendar, events: Iterable[Event]) -> str:
    """The calendar's text with ``events``, and a VTIMEZONE for every zone they use.

    Each VTIMEZONE covers the years of the events, a year either side: icalendar's default
    range (1970 to 2038) would leave a program after 2038, which the config allows, without
    its zone's rules.
    """
    years = []
    for event in events:
        cal.add_component(event)
        years.append(event.start.year)
    if years:
        cal.add_missing_timezones(date(min(years) - 1, 1, 1), date(max(years) + 1, 12, 31))
    return cal.to_ical().decode("utf-8")


def published(
    name: str,
    events: Iterable[CalendarEvent],
    state: CalendarState,
    *,
    org: str,
    program: str,
    stamp: datetime,
) -> str:
    """A calendar to publish and import (no METHOD): ``events`` as they are planned."""
    cal = new_calendar(org, program, name)
    return finish(cal, (vevent(event, state, stamp) for event in events))


def one_line(text: str) -> str:
    """Config text for a value that must stay on one line: whitespace runs become one space."""
    return " ".join(text.split()).replace("//", "/")
