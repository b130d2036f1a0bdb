"""invitations: one meeting request per approved pair, and a cancellation for a pair that is gone.
Pure: the approved pairs and the last state in, file texts and the next state out.

A pair's invitation (``<packet name>.ics``, named like its packet) is an iTIP REQUEST (RFC 5546)
from the program lead (ORGANIZER) to both people (ATTENDEEs who are asked to reply), with a
VEVENT for each session of the department whose rhythm the pair follows: the mentee's, or the
mentor's with ``pairing.rhythm: mentor``. Each session keeps its UID from build to build, so a
moved session goes out again as an update (the same UID, a higher SEQUENCE) that calendar apps
apply to the copy they hold. A pair invited by an earlier build and no longer approved gets a
CANCEL of every event it was sent, one SEQUENCE up, under the same file name.

These files hold names and e-mail addresses: they belong in the private output, never the site.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from icalendar import Event

from generator.config.resolved import DepartmentNames
from generator.errors import BuildError
from generator.pairing.packets import packet_names, pair_key
from generator.program.plan import DepartmentPlan, ProgramPlan
from generator.render.calendar.events import CalendarEvent, Links, session_events, uid_domain
from generator.render.calendar.ics import address, finish, new_calendar, vevent
from generator.render.calendar.state import CalendarState, Invited, Person, advance, cancel
from generator.render.tree import Tree


@dataclass(frozen=True)
class Member:
    """One person of an approved pair, as pairs.csv names them."""

    name: str
    email: str
    department: str


@dataclass(frozen=True)
class ApprovedPair:
    """One row of the approved pairs: a mentor and a mentee, and the row they are on."""

    mentor: Member
    mentee: Member
    row: int = 0


@dataclass(frozen=True)
class Invitation:
    """What one pair's invitation file holds."""

    key: str
    file: str
    mentor: Person
    mentee: Person
    events: tuple[CalendarEvent, ...]


def rhythm_plan(program: ProgramPlan, pair: ApprovedPair, source: str) -> DepartmentPlan:
    """The plan of the department whose rhythm a pair follows; a department the config does not
    name is a BuildError located at the pair's row."""
    playbook = program.playbook
    rhythm = playbook.config.pairing.rhythm
    member = pair.mentor if rhythm == "mentor" else pair.mentee
    department = DepartmentNames(playbook.departments).find(member.department)
    if department is None:
        msg = (
            f"{source}: row {pair.row}: {rhythm} department '{member.department}' is not in the "
            "config; correct the row or run `playbook pair` again"
        )
        raise BuildError(msg)
    return next(plan for plan in program.departments if plan.department == department)


def plan_invitations(
    program: ProgramPlan, pairs: list[ApprovedPair], links: Links, source: str
) -> list[Invitation]:
    """Each approved pair's invitation: its sessions under UIDs of its own."""
    domain = uid_domain(program.playbook)
    program_name = program.playbook.config.organisation.program
    invitations = []
    for pair, file in zip(pairs, packet_names(pairs), strict=True):
        key = pair_key(pair)
        plan = rhythm_plan(program, pair, source)
        events = tuple(
            replace(event, uid=event.uid.replace("@", f"-{key}@", 1))
            for event in session_events(plan, program_name, domain, links)
        )
        mentor = Person(pair.mentor.name, pair.mentor.email)
        mentee = Person(pair.mentee.name, pair.mentee.email)
        invitations.append(Invitation(key, file, mentor, mentee, events))
    return invitations


def invitation_files(
    program: ProgramPlan,
    pairs: list[ApprovedPair],
    state: CalendarState,
    links: Links,
    source: str = "pairs.csv",
) -> tuple[Tree, CalendarState]:
    """Each pair's REQUEST and each dissolved pair's CANCEL by file name, and the next state.

    Pairs of an earlier round (their UIDs name another round) are forgotten, not cancelled:
    next year's pairs.csv does not dissolve this year's pairs.
    """
    invitations = plan_invitations(program, pairs, links, source)
    state = this_round(state, uid_domain(program.playbook))
    reissued = [
        uid
        for inv in invitations
        if inv.key in state.invitations and state.invitations[inv.key].cancelled
        for uid in state.invitations[inv.key].events
    ]
    events = (event for inv in invitations for event in inv.events)
    state = advance(state, events, reissue=reissued)
    current = {
        inv.key: Invited(inv.file, inv.mentor, inv.mentee, tuple(e.uid for e in inv.events))
        for inv in invitations
    }
    state = replace(state, invitations={**state.invitations, **current})
    tree: Tree = {f"{inv.file}.ics": request(program, inv, state) for inv in invitations}
    for key in sorted(set(state.invitations) - set(current)):
        state = cancel(state, key)
        invited = state.invitations[key]
        name = invited.file if f"{invited.file}.ics" not in tree else f"{invited.file}-{key}"
        tree[f"{name}.ics"] = cancellation(program, invited, state)
    return tree, state


def this_round(state: CalendarState, domain: str) -> CalendarState:
    """The state without the invitations of other rounds (their events stay numbered)."""
    kept = {
        key: invited
        for key, invited in state.invitations.items()
        if all(uid.endswith(f"@{domain}") for uid in invited.events)
    }
    return replace(state, invitations=kept)


def _people(entry: Event, program: ProgramPlan, mentor: Person, mentee: Person) -> Event:
    lead = program.playbook.config.organisation.lead
    entry.add("organizer", address(lead.name, lead.email))
    for person in (mentor, mentee):
        entry.add(
            "attendee",
            address(
                person.name,
                person.email,
                role="REQ-PARTICIPANT",
                partstat="NEEDS-ACTION",
                rsvp="TRUE",
            ),
        )
    return entry


def request(program: ProgramPlan, invitation: Invitation, state: CalendarState) -> str:
    """A pair's meeting request: every session, the lead organising, both people invited."""
    org = program.playbook.config.organisation
    name = f"{org.program}: {invitation.mentee.name} and {invitation.mentor.name}"
    cal = new_calendar(org.name, org.program, name, method="REQUEST")
    entries = []
    for event in invitation.events:
        entry = _people(vevent(event, state, program.epoch), program, *_pair(invitation))
        entry.add("status", "CONFIRMED")
        entries.append(entry)
    return finish(cal, entries)


def _pair(invitation: Invitation | Invited) -> tuple[Person, Person]:
    return invitation.mentor, invitation.mentee


def cancellation(program: ProgramPlan, invited: Invited, state: CalendarState) -> str:
    """A dissolved pair's cancellation of every session it was sent, as last sent."""
    org = program.playbook.config.organisation
    name = f"{org.program}: {invited.mentee.name} and {invited.mentor.name} (cancelled)"
    cal = new_calendar(org.name, org.program, name, method="CANCEL")
    entries = []
    for uid in invited.events:
        issued = state.events[uid]
        start, end = (_moment(text) for text in issued.when.split("/"))
        entry = Event()
        entry.add("uid", uid)
        entry.add("dtstamp", program.epoch)
        entry.add("sequence", issued.sequence)
        entry.add("summary", issued.summary)
        entry.add("dtstart", start)
        entry.add("dtend", end)
        entry.add("status", "CANCELLED")
        entries.append(_people(entry, program, *_pair(invited)))
    return finish(cal, entries)


def _moment(text: str) -> dt.date | datetime:
    """A start or end as ``CalendarEvent.when`` wrote it: a date, or a date and time.

    A zoned time comes back with its offset only (the text keeps no zone name), so it is given
    in UTC, which needs no VTIMEZONE and names the same instant.
    """
    if "T" not in text:
        return dt.date.fromisoformat(text)
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo is None else moment.astimezone(UTC)
