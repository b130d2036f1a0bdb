"""The API behind `playbook status`: where the cohort stands on a day, as a private HTML page
(``<private>/status.html``) and the lines of a terminal summary.

It reads what `outbox` reads (the approved pairs, the plan, what collect recorded, what send
recorded) and writes one file, so it can run as often as the lead likes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.commands.outbox import mail_domain, outgoing, pair_files
from generator.config.load import load
from generator.program.plan import plan_program
from generator.publish.calendar_state import private_folder
from generator.publish.files import replace_file
from generator.publish.outbox import read_returned
from generator.publish.sent import sent_ids
from generator.render.followup import due_messages, progress_of
from generator.render.status import STATUS_PAGE, CohortStatus, status_page


@dataclass(frozen=True)
class StatusOutcome:
    """The cohort's status and the page it was written to."""

    status: CohortStatus
    page: Path


def status_program(config_path: Path, as_of: dt.date) -> StatusOutcome:
    """Work out the cohort's status on ``as_of`` and write the private page."""
    playbook = load(config_path)
    private = private_folder(playbook)
    out = outgoing(playbook)
    pairs = pair_files(plan_program(playbook), private)
    returned = read_returned(private)
    collected = returned is not None
    mails = due_messages(out, pairs, as_of, returned or [], collected=collected)
    sent = sent_ids(private)
    domain = mail_domain(playbook)
    to_send = sum(mail.message_id(domain) not in sent for mail in mails)
    progress = progress_of(out, pairs, returned or [], as_of)
    status = CohortStatus(as_of, tuple(progress), to_send, collected)
    org = playbook.config.organisation
    html = status_page(out.env, status, org.program, org.brand_colour)
    page = private / STATUS_PAGE
    replace_file(page, html.encode("utf-8"))
    return StatusOutcome(status, page)
