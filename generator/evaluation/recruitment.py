"""recruitment: sign-ups to the roster ``playbook pair`` reads, merged with an HR export.

Pure, no I/O. Rules, each listed in the recruitment report so the lead can check them:

- No consent, no row: a sign-up without the consent tick is left out (the form says what is
  kept and who reads it; without the tick nothing of it may be kept).
- No name, or no readable e-mail: left out, since ``playbook pair`` needs both.
- The same e-mail twice: the later sign-up is kept (files in the order read, a survey export's
  rows in the order sent), on the view that a second form corrects the first; the earlier one is
  listed as replaced.
- With an HR export, the HR export wins on department and manager; where the sign-up says
  otherwise, the difference is listed as a conflict. People in the HR export who did not sign up
  are not added: signing up is how someone joins.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.config.fields import check_email
from generator.config.resolved import loose_key
from generator.evaluation.collect import Skipped
from generator.evaluation.signup import SignUp, SignUps
from generator.pairing.availability import parse_availability
from generator.spreadsheet import csv_text

#: The roster's columns, in the order ``playbook pair`` documents them.
COLUMNS = ("name", "email", "role", "department", "skills", "manager", "location",
           "languages", "availability", "capacity")  # fmt: skip
FOLDER = "recruitment"  # under the private output
ROSTER_CSV = "roster.csv"
_LIST = re.compile(r"[;,]")


@dataclass(frozen=True)
class HrRecord:
    """What the HR export says of one person."""

    department: str
    manager: str
    source: str


@dataclass(frozen=True)
class Note:
    """One line of the report: who, where from, and what happened."""

    name: str
    email: str
    source: str
    text: str


@dataclass
class Recruitment:
    """The roster's rows and everything the lead should know about how they were made."""

    rows: list[dict[str, str]] = field(default_factory=list)
    left_out: list[Note] = field(default_factory=list)
    replaced: list[Note] = field(default_factory=list)
    conflicts: list[Note] = field(default_factory=list)
    to_check: list[Note] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    hr_source: str = ""

    def count(self, role: str) -> int:
        """How many rows of the roster are of that role."""
        return sum(1 for row in self.rows if row["role"] == role)


def _joined(text: str) -> str:
    return ";".join(part.strip() for part in _LIST.split(text) if part.strip())


def skills_of(signup: SignUp, topics: Mapping[str, str]) -> str:
    """The skills ticked (by their topic's title), then the person's own words."""
    titles = [topics.get(topic, topic) for topic in signup.ticked()]
    own = [part for part in _joined(signup.get("skills_other")).split(";") if part]
    return ";".join(dict.fromkeys([*titles, *own]))


def roster_row(signup: SignUp, topics: Mapping[str, str]) -> dict[str, str]:
    """One sign-up as a roster row."""
    return {
        "name": " ".join(signup.get("name").split()),
        "email": signup.get("email").strip(),
        "role": signup.role,
        "department": signup.get("department"),
        "skills": skills_of(signup, topics),
        "manager": signup.get("manager").strip(),
        "location": signup.get("location").strip(),
        "languages": _joined(signup.get("languages")),
        "availability": signup.get("availability").strip(),
        "capacity": "",
    }


def _usable(signup: SignUp) -> str:
    """Why a sign-up cannot become a row ("" if it can)."""
    if signup.get("consent") != "yes":
        return "no consent to how the answers are used: nothing of it is kept"
    if not signup.get("name").strip():
        return "no name"
    try:
        check_email(signup.get("email").strip())
    except ValueError:
        return f"no usable e-mail ('{signup.get('email')}')"
    if not signup.get("department"):
        return "no department"
    return ""


def _note(signup: SignUp, text: str) -> Note:
    return Note(signup.get("name"), signup.get("email"), signup.source, text)


def latest(signups: list[SignUp], result: Recruitment) -> list[SignUp]:
    """The usable sign-ups, the later one of each e-mail; the rest noted in ``result``."""
    kept: dict[str, SignUp] = {}
    for signup in signups:
        reason = _usable(signup)
        if reason:
            result.left_out.append(_note(signup, reason))
            continue
        earlier = kept.pop(signup.email, None)
        if earlier is not None:
            text = f"replaced by the later sign-up in {signup.source}"
            result.replaced.append(_note(earlier, text))
        kept[signup.email] = signup
    return list(kept.values())


def merge_hr(row: dict[str, str], hr: HrRecord | None, result: Recruitment) -> None:
    """The HR export's department and manager into ``row``; differences listed as conflicts."""
    if hr is None:
        return
    for column, value in (("department", hr.department), ("manager", hr.manager)):
        said = row[column]
        if said and value and loose_key(said) != loose_key(value):
            text = f"{column}: the sign-up says '{said}', the HR export '{value}' (HR kept)"
            result.conflicts.append(Note(row["name"], row["email"], hr.source, text))
        row[column] = value or said


def _check(row: dict[str, str], source: str, result: Recruitment) -> None:
    """Answers ``playbook pair`` would stop at, listed so the lead can fix them first."""
    try:
        parse_availability(row["availability"])
    except ValueError as err:
        result.to_check.append(Note(row["name"], row["email"], source, f"availability: {err}"))
    if not row["skills"]:
        text = "no skills ticked or written: the pairing has nothing to match"
        result.to_check.append(Note(row["name"], row["email"], source, text))


def recruit(
    signups: SignUps,
    topics: Mapping[str, str],
    hr: Mapping[str, HrRecord] | None = None,
    hr_source: str = "",
) -> Recruitment:
    """The roster from the sign-ups read (``topics``: title by id), merged with ``hr`` (by
    e-mail, case-folded) when given."""
    result = Recruitment(skipped=list(signups.skipped), hr_source=hr_source)
    for signup in latest(signups.people, result):
        row = roster_row(signup, topics)
        merge_hr(row, (hr or {}).get(signup.email), result)
        _check(row, signup.source, result)
        result.rows.append(row)
    result.rows.sort(key=lambda row: (row["role"], row["department"], row["name"].casefold()))
    return result


def roster_csv(result: Recruitment) -> str:
    """The roster as CSV, every cell through the formula guard."""
    return csv_text(COLUMNS, ([row[column] for column in COLUMNS] for row in result.rows))
