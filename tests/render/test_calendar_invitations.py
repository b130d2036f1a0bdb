"""calendar.invitations and calendar.state: a meeting request per approved pair that a calendar
library imports as it is, updates that number their changes, and cancellations for pairs that
are gone. Read back with icalendar and expanded with recurring-ical-events."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import recurring_ical_events
from icalendar import Calendar

from generator.config.load import load
from generator.errors import BuildError
from generator.program.plan import ProgramPlan, plan_program
from generator.render.calendar.events import Links
from generator.render.calendar.invitations import ApprovedPair, Member, invitation_files
from generator.render.calendar.state import CalendarState, from_json, to_json

ANA = Member("Ana Ruiz", "ana@acme.example", "Sales")  # mentor
BEN = Member("Ben Ng", "ben@acme.example", "Finance")  # mentee
CAL = Member("Cal O'Neil, Jr", "cal@acme.example", "sales")
DEB = Member("Deb Kaur", "deb@acme.example", "Sales")


@pytest.fixture(scope="module")
def program(small_config: Path) -> ProgramPlan:
    return plan_program(load(small_config))


def issue(program: ProgramPlan, pairs: list[ApprovedPair], state: CalendarState | None = None):
    return invitation_files(program, pairs, state or CalendarState(), Links())


def parse(text: str) -> Calendar:
    return Calendar.from_ical(text)


def test_an_invitation_is_a_request_from_the_lead_to_both_people(program) -> None:
    tree, _ = issue(program, [ApprovedPair(ANA, BEN, 2)])
    assert list(tree) == ["ben-ng--ana-ruiz.ics"]  # named like the pair's packet
    cal = parse(tree["ben-ng--ana-ruiz.ics"])
    assert str(cal["method"]) == "REQUEST"
    finance = next(p for p in program.departments if p.department.slug == "finance")
    events = cal.walk("VEVENT")
    assert len(events) == len(finance.schedule)  # the mentee's department's rhythm
    for event, session in zip(events, finance.schedule, strict=True):
        assert event.decoded("dtstart").date() == session.date
        assert str(event["organizer"]) == "mailto:mentoring@acme.example"
        assert event["organizer"].params["CN"] == "Sam Okafor"
        attendees = event["attendee"]
        assert sorted(str(a) for a in attendees) == [
            "mailto:ana@acme.example",
            "mailto:ben@acme.example",
        ]
        for attendee in attendees:
            assert attendee.params["ROLE"] == "REQ-PARTICIPANT"
            assert attendee.params["PARTSTAT"] == "NEEDS-ACTION"
            assert attendee.params["RSVP"] == "TRUE"
        assert {a.params["CN"] for a in attendees} == {"Ana Ruiz", "Ben Ng"}
        assert int(event["sequence"]) == 0
        assert "@2027-03.mentor-up" in str(event["uid"])  # the round
        assert "min  " in str(event["description"])  # the session's agenda
        assert f"agenda-s{session.number:02d}.html" in str(event["description"])


def test_an_invitation_round_trips_and_expands_to_the_sessions(program) -> None:
    tree, _ = issue(program, [ApprovedPair(ANA, CAL, 3)])
    text = tree["cal-o-neil-jr--ana-ruiz.ics"]
    cal = parse(text)
    assert Calendar.from_ical(cal.to_ical()) == cal
    assert cal.to_ical().decode() == text
    sales = next(p for p in program.departments if p.department.slug == "sales")
    start = datetime.combine(sales.schedule[0].date, datetime.min.time())
    end = datetime.combine(sales.end, datetime.min.time()) + timedelta(days=1)
    occurrences = recurring_ical_events.of(cal).between(start, end)
    assert [o.decoded("dtstart").date() for o in occurrences] == [s.date for s in sales.schedule]
    assert "Cal O'Neil, Jr" in {a.params["CN"] for a in occurrences[0]["attendee"]}


def test_the_mentor_rhythm_follows_the_mentor_department(program) -> None:
    pairing = program.playbook.config.pairing.model_copy(update={"rhythm": "mentor"})
    config = program.playbook.config.model_copy(update={"pairing": pairing})
    mentor_led = dataclasses.replace(
        program, playbook=dataclasses.replace(program.playbook, config=config)
    )
    tree, _ = issue(mentor_led, [ApprovedPair(ANA, BEN, 2)])
    events = parse(tree["ben-ng--ana-ruiz.ics"]).walk("VEVENT")
    assert len(events) == 4
    assert all(str(e["uid"]).startswith("sales-s") for e in events)


def test_a_moved_session_is_an_update_and_nothing_else_moves(program) -> None:
    pairs = [ApprovedPair(ANA, BEN, 2), ApprovedPair(DEB, CAL, 3)]
    first, state = issue(program, pairs)
    again, same = issue(program, pairs, from_json(to_json(state)))
    assert again == first
    assert same == state
    uid = str(parse(first["ben-ng--ana-ruiz.ics"]).walk("VEVENT")[1]["uid"])
    issued = state.events[uid]
    earlier = dataclasses.replace(issued, when="2027-03-02T09:15:00/2027-03-02T09:45:00")
    moved, after = issue(
        program, pairs, dataclasses.replace(state, events={**state.events, uid: earlier})
    )
    sequences = {
        str(e["uid"]): int(e["sequence"])
        for e in parse(moved["ben-ng--ana-ruiz.ics"]).walk("VEVENT")
    }
    assert sequences[uid] == issued.sequence + 1
    assert {k: v for k, v in sequences.items() if k != uid} == dict.fromkeys(
        set(sequences) - {uid}, 0
    )
    assert moved["cal-o-neil-jr--deb-kaur.ics"] == first["cal-o-neil-jr--deb-kaur.ics"]
    assert after.events[uid].sequence == 1


def test_a_dissolved_pair_gets_a_cancellation_once(program) -> None:
    pairs = [ApprovedPair(ANA, BEN, 2), ApprovedPair(DEB, CAL, 3)]
    first, state = issue(program, pairs)
    tree, cancelled = issue(program, pairs[1:], state)
    cal = parse(tree["ben-ng--ana-ruiz.ics"])
    assert str(cal["method"]) == "CANCEL"
    sent = parse(first["ben-ng--ana-ruiz.ics"]).walk("VEVENT")
    events = cal.walk("VEVENT")
    assert [str(e["uid"]) for e in events] == [str(e["uid"]) for e in sent]
    for event, before in zip(events, sent, strict=True):
        assert str(event["status"]) == "CANCELLED"
        assert int(event["sequence"]) == int(before["sequence"]) + 1
        assert event.decoded("dtstart") == before.decoded("dtstart")
        assert sorted(str(a) for a in event["attendee"]) == [
            "mailto:ana@acme.example",
            "mailto:ben@acme.example",
        ]
    assert tree["cal-o-neil-jr--deb-kaur.ics"] == first["cal-o-neil-jr--deb-kaur.ics"]
    # building again changes nothing; approving the pair again re-invites it one number up
    assert issue(program, pairs[1:], cancelled) == (tree, cancelled)
    back, _ = issue(program, pairs, cancelled)
    renewed = parse(back["ben-ng--ana-ruiz.ics"])
    assert str(renewed["method"]) == "REQUEST"
    assert {int(e["sequence"]) for e in renewed.walk("VEVENT")} == {2}


def test_next_rounds_pairs_do_not_cancel_this_rounds(program) -> None:
    _, state = issue(program, [ApprovedPair(ANA, BEN, 2)])
    defaults = dataclasses.replace(
        program.playbook.defaults, start=program.playbook.defaults.start.replace(year=2028)
    )
    next_round = dataclasses.replace(
        program, playbook=dataclasses.replace(program.playbook, defaults=defaults)
    )
    tree, after = issue(next_round, [ApprovedPair(DEB, CAL, 2)], state)
    assert list(tree) == ["cal-o-neil-jr--deb-kaur.ics"]
    assert "@2028-03.mentor-up" in tree["cal-o-neil-jr--deb-kaur.ics"]
    assert len(after.invitations) == 1


def test_a_pair_from_an_unknown_department_is_located(program) -> None:
    stray = ApprovedPair(ANA, Member("Ben Ng", "ben@acme.example", "Legal"), 7)
    with pytest.raises(BuildError, match=r"^pairs.csv: row 7: mentee department 'Legal' is not"):
        issue(program, [stray])


def test_the_state_survives_its_json(program) -> None:
    _, state = issue(program, [ApprovedPair(ANA, BEN, 2)])
    assert from_json(to_json(state)) == state
    assert to_json(from_json(to_json(state))) == to_json(state)
    assert from_json('{"version": 0}') == CalendarState()  # another format: start afresh


def test_a_cancel_gives_a_zoned_time_in_utc() -> None:
    from generator.render.calendar.invitations import _moment

    assert _moment("2027-03-01T09:15:00+01:00").isoformat() == "2027-03-01T08:15:00+00:00"
    assert _moment("2027-03-01T09:15:00").tzinfo is None
    assert _moment("2027-03-02").isoformat() == "2027-03-02"
