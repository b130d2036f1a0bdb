"""calendar_state: the private files the calendars need between builds.

- ``<private>/state/calendars.json``: the SEQUENCE each event was last issued with and the pairs
  invited (``render.calendar.state``), read before a build and written after it succeeded;
- ``<private>/pairing/pairs.csv``: the approved pairs, read by ``approved_pairs`` alone;
- ``<private>/invitations/``: each pair's invitation, replaced whole by each build that has
  approved pairs.

All of it is in the private output, which the config keeps apart from the site; none of it is
ever written into the site.
"""

from __future__ import annotations

from pathlib import Path

from generator.config.resolved import Playbook
from generator.errors import BuildError
from generator.pairing.approved import read_approved
from generator.pairing.report import FOLDER, PAIRS_CSV
from generator.publish.files import replace_file, replace_folder
from generator.render.calendar.invitations import ApprovedPair, Member
from generator.render.calendar.state import CalendarState, from_json, to_json
from generator.render.tree import Tree

STATE = "state/calendars.json"
INVITATIONS = "invitations"
#: The columns of pairs.csv the invitations read.
COLUMNS = ("mentor", "mentor_email", "mentee", "mentee_email")
DEPARTMENTS = ("mentor_department", "mentee_department")


def private_folder(playbook: Playbook) -> Path:
    """The config's private output folder."""
    return playbook.resolve(playbook.config.site.private_output)


def load_state(private: Path) -> CalendarState:
    """The state the last build left, or an empty one before the first build.

    A file that is not one (edited by hand, cut short) stops the build with its name: guessing
    would send updates calendar apps ignore.
    """
    path = private / STATE
    if not path.is_file():
        return CalendarState()
    try:
        return from_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeError, ValueError, KeyError, TypeError, AttributeError) as err:
        msg = (
            f"{path}: cannot read the calendar state ({type(err).__name__}: {err}); restore it "
            "from a backup, or delete it to number every event afresh (calendar apps may then "
            "ignore changed dates until they are removed and imported again)"
        )
        raise BuildError(msg) from None


def approved_pairs(private: Path) -> tuple[Path, list[ApprovedPair]] | None:
    """The approved pairs in ``<private>/pairing/pairs.csv`` and its path, or None without one.

    Read with the pairing's own reader (``read_approved``); a row the lead added by e-mail
    alone has no names or departments until ``playbook pair --check`` fills them in from the
    roster, so the build asks for that rather than invite someone by an empty name.
    """
    path = private / FOLDER / PAIRS_CSV
    if not path.is_file():
        return None
    approved = read_approved(path)
    missing = [name for name in (*COLUMNS, *DEPARTMENTS) if name not in approved.header]
    if missing:
        msg = f"{path}: no column {', '.join(missing)}; run `playbook pair --check`"
        raise BuildError(msg)
    pairs = []
    for row_number, cells in approved.rows:
        empty = [name for name in (*COLUMNS, *DEPARTMENTS) if not cells.get(name)]
        if empty:
            msg = (
                f"{path}:{row_number}: {', '.join(empty)} is empty; run `playbook pair --check`"
                " to fill it in from the roster"
            )
            raise BuildError(msg)
        mentor = Member(cells["mentor"], cells["mentor_email"], cells["mentor_department"])
        mentee = Member(cells["mentee"], cells["mentee_email"], cells["mentee_department"])
        pairs.append(ApprovedPair(mentor, mentee, row_number))
    return path, pairs


def save(private: Path, state: CalendarState, invitations: Tree | None) -> None:
    """Write the state and, when the build made them, the invitations folder (in one swap)."""
    if invitations is not None:
        replace_folder(invitations, private / INVITATIONS)
    try:
        replace_file(private / STATE, to_json(state).encode("utf-8"))
    except OSError as err:
        msg = f"{private / STATE}: cannot write the calendar state: {err.strerror or err}"
        raise BuildError(msg) from err
