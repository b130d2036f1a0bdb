"""`playbook build` keeps the calendars' SEQUENCE numbers in the private state between builds and
writes each approved pair's invitation beside it: real builds (site only, no PDFs), the .ics
files read back with icalendar."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar

from generator.commands.build import build
from generator.errors import BuildError, PlaybookError
from generator.pairing.report import CSV_COLUMNS
from generator.spreadsheet import csv_text
from tests.conftest import MINIMAL
from tests.helpers import snapshot

RESEARCH = "printables/research/sessions.ics"
PAIRS = [
    ["Ana Ruiz", "ana@acme.example", "Ben Ng", "ben@acme.example", "Sales", "Research"],
    ["Deb Kaur", "deb@acme.example", "=Cal", "cal@acme.example", "Research", "sales"],
]


def timings(site: Path, file: str = RESEARCH) -> dict[str, tuple]:
    cal = Calendar.from_ical((site / file).read_bytes())
    return {
        str(e["uid"]): (e.decoded("dtstart"), e.decoded("dtend"), int(e["sequence"]))
        for e in cal.walk("VEVENT")
    }


def write_pairs(private: Path, rows: list[list[str]]) -> None:
    folder = private / "pairing"
    folder.mkdir(parents=True, exist_ok=True)
    cells = [[*row, "0.5", "", "1"] for row in rows]
    (folder / "pairs.csv").write_text(csv_text(CSV_COLUMNS, cells), encoding="utf-8")


def ics_files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.ics"))}


def test_a_moved_session_rises_one_sequence_and_a_rebuild_changes_no_byte(write_config) -> None:
    config = write_config()
    site = build(config, site_only=True)
    state = config.parent / "private" / "state" / "calendars.json"
    first, first_state = ics_files(site), state.read_bytes()
    assert build(config, site_only=True) == site
    assert ics_files(site) == first
    assert state.read_bytes() == first_state
    before = timings(site)
    assert {seq for *_, seq in before.values()} == {0}
    # a blackout on Monday 8 March moves session 2 (and what is planned from it) a day on
    config.write_text(
        MINIMAL.replace(
            "  cadence: weekly\n", "  cadence: weekly\n  blackout_dates: [2027-03-08]\n"
        ),
        encoding="utf-8",
    )
    build(config, site_only=True)
    after = timings(site)
    assert set(after) == set(before)
    for uid, (start, end, sequence) in after.items():
        moved = (start, end) != before[uid][:2]
        assert sequence == (1 if moved else 0), uid
    sessions = {uid.split("@")[0]: after[uid][2] for uid in after if "-s" in uid.split("@")[0]}
    assert sessions == {"research-s1": 0, "research-s2": 1, "research-s3": 0, "research-s4": 0}
    # the mentees' and mentors' calendars number the same event alike
    mentees = timings(site, "printables/research/sessions-mentees.ics")
    assert all(after[uid][2] == seq for uid, (*_, seq) in mentees.items())
    # and once more without a change: nothing rises again
    again = ics_files(site)
    build(config, site_only=True)
    assert ics_files(site) == again


def test_approved_pairs_get_invitations_and_a_dissolved_pair_a_cancel(write_config) -> None:
    config = write_config()
    private = config.parent / "private"
    write_pairs(private, PAIRS)
    site = build(config, site_only=True)
    invitations = private / "invitations"
    assert sorted(p.name for p in invitations.iterdir()) == [
        "ben-ng--ana-ruiz.ics",
        "cal--deb-kaur.ics",
    ]
    request = Calendar.from_ical((invitations / "ben-ng--ana-ruiz.ics").read_bytes())
    assert str(request["method"]) == "REQUEST"
    events = request.walk("VEVENT")
    assert len(events) == 4  # Research (the mentee's department) has 4 sessions
    assert all(str(e["organizer"]) == "mailto:lead@acme.example" for e in events)
    cal = Calendar.from_ical((invitations / "cal--deb-kaur.ics").read_bytes())
    assert len(cal.walk("VEVENT")) == 3  # Sales, named by its slug in the row
    assert "=Cal" in {a.params["CN"] for a in cal.walk("VEVENT")[0]["attendee"]}
    # the lead deletes a row: that pair is sent a cancellation of what it was sent
    write_pairs(private, PAIRS[1:])
    build(config, site_only=True)
    cancel = Calendar.from_ical((invitations / "ben-ng--ana-ruiz.ics").read_bytes())
    assert str(cancel["method"]) == "CANCEL"
    assert [str(e["uid"]) for e in cancel.walk("VEVENT")] == [str(e["uid"]) for e in events]
    assert {int(e["sequence"]) for e in cancel.walk("VEVENT")} == {1}
    assert {str(e["status"]) for e in cancel.walk("VEVENT")} == {"CANCELLED"}
    # nothing private reaches the site
    for path in site.rglob("*"):
        assert path.name not in ("calendars.json", "pairs.csv")
        assert "invitations" not in path.parts
        if path.is_file() and path.suffix in (".ics", ".html", ".md", ".json", ".xml"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "ana@acme.example" not in text
            assert "ben@acme.example" not in text


def test_a_broken_state_file_stops_the_build_and_leaves_the_site(write_config) -> None:
    config = write_config()
    site = build(config, site_only=True)
    before = snapshot(site)
    state = config.parent / "private" / "state" / "calendars.json"
    state.write_text("{not json", encoding="utf-8")
    with pytest.raises(BuildError, match=r"calendars.json: cannot read the calendar state"):
        build(config, site_only=True)
    assert snapshot(site) == before


def test_a_pairs_file_without_its_columns_is_named(write_config) -> None:
    config = write_config()
    folder = config.parent / "private" / "pairing"
    folder.mkdir(parents=True)
    (folder / "pairs.csv").write_text("mentor,mentee\nA,B\n", encoding="utf-8")
    with pytest.raises(PlaybookError, match=r"pairs.csv:1: missing column mentor_email and mente"):
        build(config, site_only=True)
