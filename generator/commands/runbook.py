"""What the project's files show of the lead's runbook: the evidence ``program.runbook``'s
``step_done`` reads, gathered from the private output. For ``playbook status`` (built apart
from this), which ticks off the runbook's steps with it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.config.resolved import Playbook
from generator.errors import PlaybookError
from generator.evaluation.recruitment import FOLDER, ROSTER_CSV
from generator.pairing.report import FOLDER as PAIRING
from generator.pairing.report import PAIRS_CSV
from generator.program.runbook import Evidence, Step, step_done
from generator.publish.calendar_state import approved_pairs, private_folder
from generator.publish.sent import load_sent


def _rows(path: Path) -> int:
    """Rows of a CSV file below its header (0 without the file)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeError):
        return 0
    return max(0, sum(1 for line in lines if line.strip()) - 1)


def _approved(private: Path) -> frozenset[str]:
    """The e-mails of the approved pairs, once pairs.csv has passed ``playbook pair --check``
    (its names filled in); none before."""
    try:
        found = approved_pairs(private)
    except PlaybookError:
        return frozenset()
    if found is None:
        return frozenset()
    return frozenset(
        email.casefold() for pair in found[1] for email in (pair.mentor.email, pair.mentee.email)
    )


def evidence_of(playbook: Playbook, today: date) -> Evidence:
    """What the private output shows has happened, as of ``today``."""
    private = private_folder(playbook)
    sent = load_sent(private)
    return Evidence(
        today=today,
        signups=_rows(private / FOLDER / ROSTER_CSV),
        proposed=(private / PAIRING / PAIRS_CSV).is_file(),
        approved=_approved(private),
        sent_to=frozenset(address.casefold() for m in sent.values() for address in m.to),
    )


def done_steps(playbook: Playbook, steps: tuple[Step, ...], today: date) -> dict[str, bool]:
    """Each step's id and whether the files show it done."""
    evidence = evidence_of(playbook, today)
    return {step.id: step_done(step, evidence) for step in steps}
