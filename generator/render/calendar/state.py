"""state: what the last build issued, so the next one can number its changes. Pure: the text of
the state file in and out; ``publish.calendar_state`` reads and writes the file.

RFC 5545 (3.8.7.4) asks that an event's SEQUENCE rise each time its organiser changes its date
or time, so a calendar app replaces the copy it holds instead of keeping both. The plan knows
only today's dates, so the state keeps, per UID, the SEQUENCE last issued and the start/end it
was issued for; an event whose start or end differs from the state's gets the next number.
Same config and same state give the same numbers (and so the same bytes): nothing here reads a
clock. The state also remembers each invited pair (names, e-mails, its events' UIDs), so a pair
that is no longer approved can be sent a cancellation.

The file holds e-mail addresses: it lives in the private output, never in the site.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from generator.render.calendar.events import CalendarEvent

#: The state file's format; a file of another version is read as empty.
VERSION = 1


@dataclass(frozen=True)
class Issued:
    """One event as last issued: its SEQUENCE, its start/end and its title (for a cancel)."""

    sequence: int
    when: str
    summary: str = ""


@dataclass(frozen=True)
class Person:
    """Someone invited: the name and address an invitation was sent to."""

    name: str
    email: str


@dataclass(frozen=True)
class Invited:
    """One pair's invitation as last issued, so it can be cancelled when the pair is gone."""

    file: str
    mentor: Person
    mentee: Person
    #: the UIDs of its events, in session order
    events: tuple[str, ...]
    cancelled: bool = False


@dataclass(frozen=True)
class CalendarState:
    """Every event and invitation a build issued, by UID and by pair key."""

    events: Mapping[str, Issued] = field(default_factory=dict)
    invitations: Mapping[str, Invited] = field(default_factory=dict)

    def sequence(self, uid: str) -> int:
        """The SEQUENCE an event was last issued with (0 for one never issued)."""
        issued = self.events.get(uid)
        return issued.sequence if issued else 0


def advance(
    state: CalendarState, events: Iterable[CalendarEvent], *, reissue: Iterable[str] = ()
) -> CalendarState:
    """The state after issuing ``events``: an event whose start or end moved, or whose UID is
    in ``reissue`` (a cancelled invitation sent again), gets the next SEQUENCE; a new one 0;
    an unchanged one keeps its own. Events of the state not issued now are kept, so one that
    comes back later carries on from its last number."""
    again = set(reissue)
    issued = dict(state.events)
    for event in events:
        last = issued.get(event.uid)
        if last is None:
            issued[event.uid] = Issued(0, event.when, event.summary)
        elif last.when != event.when or event.uid in again:
            issued[event.uid] = Issued(last.sequence + 1, event.when, event.summary)
        elif last.summary != event.summary:
            issued[event.uid] = replace(last, summary=event.summary)
    return replace(state, events=issued)


def cancel(state: CalendarState, key: str) -> CalendarState:
    """The state after cancelling a pair's invitation: each of its events one SEQUENCE up,
    once (a pair already cancelled stays as it is, so rebuilding changes nothing)."""
    invited = state.invitations[key]
    if invited.cancelled:
        return state
    events = dict(state.events)
    for uid in invited.events:
        last = events.get(uid)
        if last is not None:
            events[uid] = replace(last, sequence=last.sequence + 1)
    invitations = {**state.invitations, key: replace(invited, cancelled=True)}
    return CalendarState(events, invitations)


def to_json(state: CalendarState) -> str:
    """The state as JSON text, keys sorted, so the same state is the same bytes."""
    data = {
        "version": VERSION,
        "events": {uid: asdict(issued) for uid, issued in state.events.items()},
        "invitations": {key: asdict(inv) for key, inv in state.invitations.items()},
    }
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def from_json(text: str) -> CalendarState:
    """The state a ``to_json`` text holds. Raises ValueError (or KeyError, TypeError) for text
    that is not one; a file of another version is an empty state."""
    data: Any = json.loads(text)
    if not isinstance(data, dict):
        msg = "not a JSON object"
        raise ValueError(msg)  # noqa: TRY004 (the caller reports every shape error alike)
    if data.get("version") != VERSION:
        return CalendarState()
    events = {str(uid): Issued(**issued) for uid, issued in data["events"].items()}
    invitations = {
        str(key): Invited(
            file=inv["file"],
            mentor=Person(**inv["mentor"]),
            mentee=Person(**inv["mentee"]),
            events=tuple(inv["events"]),
            cancelled=bool(inv["cancelled"]),
        )
        for key, inv in data["invitations"].items()
    }
    return CalendarState(events, invitations)
