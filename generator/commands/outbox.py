"""The API behind `playbook outbox`: everything due by a day and not yet sent, as .eml files and
a mail-merge CSV in the private output.

The day comes in from the command line (``cli.py`` is the one place that reads the clock), so
the same config, the same private files and the same day write the same bytes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.config.load import load
from generator.config.resolved import DepartmentNames, Playbook
from generator.errors import ConfigError
from generator.pairing.approved import check_approved, read_approved
from generator.pairing.packets import packet_names
from generator.pairing.report import why
from generator.pairing.roster import read_config_roster
from generator.program.documents import program_slug
from generator.program.plan import ProgramPlan, plan_program
from generator.publish.calendar_state import approved_pairs, private_folder
from generator.publish.outbox import (
    Written,
    pair_inputs,
    read_returned,
    site_reader,
    write_outbox,
)
from generator.render.calendar.invitations import ApprovedPair, rhythm_plan
from generator.render.environment import make_environment
from generator.render.followup import due_messages
from generator.render.mail import Mail, Recipient
from generator.render.outbox import Outgoing, PairFiles


def mail_domain(playbook: Playbook) -> str:
    """The right-hand side of every Message-ID: ``mentor-up.playbook``."""
    return f"{program_slug(playbook.config.organisation.program)}.playbook"


def reasons(playbook: Playbook, path: Path) -> dict[tuple[str, str], str]:
    """(mentor e-mail, mentee e-mail) -> why the pairing made the pair, when the config names
    a roster to explain it from; the pairs are checked as ``pair --check`` checks them."""
    if playbook.config.roster is None:
        return {}
    people = read_config_roster(playbook)
    result = check_approved(
        read_approved(path),
        people,
        playbook.config.pairing,
        DepartmentNames(playbook.departments),
        playbook.source,
    )
    return {(p.mentor.email.casefold(), p.mentee.email.casefold()): why(p) for p in result.pairs}


def pair_files(program: ProgramPlan, private: Path) -> list[PairFiles]:
    """Each approved pair with its plan, reason, invitation and packet."""
    found = approved_pairs(private)
    if found is None:
        msg = f"{private}: no approved pairs; run `playbook pair`, review, then `pair --check`"
        raise ConfigError(msg)
    path, pairs = found
    why_of = reasons(program.playbook, path)
    files = []
    for pair, name in zip(pairs, packet_names(pairs), strict=True):
        invitation, packet, link = pair_inputs(private, name)
        files.append(
            PairFiles(
                pair,
                rhythm_plan(program, pair, path.name),
                name,
                why_of.get(_emails(pair), ""),
                invitation,
                packet,
                link,
            )
        )
    return files


def _emails(pair: ApprovedPair) -> tuple[str, str]:
    return pair.mentor.email.casefold(), pair.mentee.email.casefold()


def outgoing(playbook: Playbook) -> Outgoing:
    """What every message of this program shares."""
    config = playbook.config
    env = make_environment(
        playbook.resolve(config.site.templates), locale=config.organisation.locale
    )
    return Outgoing(
        env,
        playbook.content,
        config.organisation.program,
        config.organisation.lead,
        config.outbox.remind_days_before,
        config.outbox.attach_max_kb * 1000,
        site_reader(playbook.resolve(config.site.output)),
        config.outbox.quiet_weeks,
    )


def planned_messages(playbook: Playbook, as_of: dt.date) -> list[Mail]:
    """Every message due on or before ``as_of``, sent or not."""
    program = plan_program(playbook)
    private = private_folder(playbook)
    returned = read_returned(private)
    return due_messages(
        outgoing(playbook),
        pair_files(program, private),
        as_of,
        returned or [],
        collected=returned is not None,
    )


def outbox_program(config_path: Path, as_of: dt.date) -> Written:
    """Write ``<private>/outbox/``: every message due by ``as_of`` that has not gone out."""
    playbook = load(config_path)
    lead = playbook.config.organisation.lead
    mails = planned_messages(playbook, as_of)
    return write_outbox(
        private_folder(playbook), mails, Recipient(lead.name, lead.email), mail_domain(playbook)
    )


def outbox_summary(written: Written, as_of: dt.date) -> list[str]:
    """What `outbox` prints: how many messages of each kind, and where they are."""
    kinds: dict[str, int] = {}
    for _, mail in written.messages:
        kinds[mail.kind] = kinds.get(mail.kind, 0) + 1
    counts = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    lines = [f"{len(written.messages)} message(s) due by {as_of} not yet sent ({counts or 'none'})"]
    if written.already_sent:
        lines.append(f"  already sent, not written again: {written.already_sent}")
    lines.append(f"Outbox: {written.folder} (send with `playbook send`, or mail-merge.csv)")
    return lines
