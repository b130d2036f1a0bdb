"""status: the cohort on a day, for the lead: per pair, sessions passed, forms due, returned and
overdue, fit flags and quiet pairs, and the actions to take. Pure: the private HTML page
(``report/status.html``) and the terminal summary's lines from the same rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import jinja2

from generator.render.environment import render_template
from generator.render.progress import DUE, OVERDUE, RETURNED, UNKNOWN, PairProgress

STATUS_PAGE = "status.html"


@dataclass(frozen=True)
class CohortStatus:
    """What `playbook status` tells: every pair's progress and the lead's actions."""

    as_of: dt.date
    pairs: tuple[PairProgress, ...]
    to_send: int  # messages due and not yet sent
    collected: bool  # whether `playbook collect` has run

    def total(self, state: str) -> int:
        return sum(pair.count(state) for pair in self.pairs)

    @property
    def overdue_people(self) -> list[tuple[str, str, str]]:
        """(name, e-mail, form) of every overdue form, in pair order."""
        return [
            (form.person.name, form.person.email, form.label)
            for pair in self.pairs
            for form in pair.overdue
        ]

    @property
    def actions(self) -> list[str]:
        """What the lead does next, most pressing first."""
        found = []
        if self.to_send:
            found.append(f"send {self.to_send} message(s): `playbook outbox`, then `playbook send`")
        if not self.collected:
            found.append("read the returned forms: `playbook collect FORMS`")
        overdue = self.total(OVERDUE)
        if overdue:
            found.append(f"{overdue} form(s) overdue: the outbox nudges each person")
        unknown = self.total(UNKNOWN)
        if unknown:
            found.append(
                f"{unknown} anonymous form(s) partly returned: nobody can be named, remind the "
                "department as a whole if the count stays low"
            )
        flagged = [pair for pair in self.pairs if pair.flags]
        if flagged:
            found.append(f"{len(flagged)} pair(s) flagged 'not a good fit': talk to them")
        quiet = [pair for pair in self.pairs if pair.quiet]
        if quiet:
            found.append(f"{len(quiet)} pair(s) quiet: a personal message helps")
        return found


def summary_lines(status: CohortStatus) -> list[str]:
    """The terminal summary: counts, then the overdue people, then the actions."""
    lines = [
        f"{len(status.pairs)} pair(s) on {status.as_of}: {status.total(RETURNED)} form(s) "
        f"returned, {status.total(OVERDUE)} overdue, {status.total(DUE)} still to come"
        + (f", {status.total(UNKNOWN)} not known (anonymous)" if status.total(UNKNOWN) else "")
    ]
    lines += [f"  overdue: {name} <{email}>: {form}" for name, email, form in status.overdue_people]
    lines += [f"  flagged 'not a good fit': {p.pair.mentee.name} and {p.pair.mentor.name}"
              for p in status.pairs if p.flags]  # fmt: skip
    lines += [f"  quiet: {p.pair.mentee.name} and {p.pair.mentor.name}"
              for p in status.pairs if p.quiet]  # fmt: skip
    lines += ["Next:"] + [f"  - {action}" for action in status.actions] if status.actions else []
    return lines


def status_page(env: jinja2.Environment, status: CohortStatus, program: str, brand: str) -> str:
    """The private status page."""
    return render_template(
        env,
        f"report/{STATUS_PAGE}",
        status=status,
        pairs=status.pairs,
        actions=status.actions,
        program=program,
        brand=brand,
        states=(RETURNED, OVERDUE, DUE, UNKNOWN),
    )
