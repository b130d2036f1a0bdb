"""outbox: the private outbox folder, one .eml per message not yet sent, and a mail-merge CSV.

``<private>/outbox/`` is replaced whole on each run with every message due and not yet sent
(``publish.sent`` names those that went out), so a message is never written twice once
``playbook send`` has recorded it, and a message whose plan changed is written as planned now.
``mail-merge.csv`` lists the same messages, one a row, for a lead who sends from their own
mail client. Everything here holds names and addresses: the private output only, never the site.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.errors import BuildError
from generator.evaluation.report import FOLDER as EVALUATION
from generator.pairing.packets import PACKETS
from generator.pairing.report import FOLDER
from generator.publish.calendar_state import INVITATIONS
from generator.publish.files import replace_folder
from generator.publish.sent import sent_ids
from generator.render.mail import Mail, Recipient, eml_bytes
from generator.render.progress import Returned
from generator.render.tree import Tree
from generator.spreadsheet import cell_value, csv_text

OUTBOX = "outbox"
MAIL_MERGE = "mail-merge.csv"
MERGE_COLUMNS = ("file", "to", "cc", "subject", "date", "attachments")
ANSWERS = "answers.csv"


@dataclass(frozen=True)
class Written:
    """What one outbox run wrote, and what it left out as already sent."""

    folder: Path
    messages: list[tuple[str, Mail]]  # (file name, message), in date order
    already_sent: int


def pair_inputs(private: Path, name: str) -> tuple[bytes | None, dict[str, bytes], str]:
    """A pair's invitation, its packet's PDFs by file name, and the packet's folder (relative
    to the private output, for a packet too large to attach)."""
    invitation = private / INVITATIONS / f"{name}.ics"
    folder = private / FOLDER / PACKETS / name
    packet = {p.name: p.read_bytes() for p in sorted(folder.glob("*.pdf"))}
    ics = invitation.read_bytes() if invitation.is_file() else None
    return ics, packet, f"{FOLDER}/{PACKETS}/{name}/"


def site_reader(site: Path) -> Callable[[str], bytes | None]:
    """A site path -> the file's bytes, or None when the site has no such file (not built)."""

    def read(path: str) -> bytes | None:
        file = site / path
        return file.read_bytes() if file.is_file() else None

    return read


def write_outbox(private: Path, mails: list[Mail], sender: Recipient, domain: str) -> Written:
    """Every message not yet sent as an .eml, plus the mail-merge CSV, swapped in at once."""
    sent = sent_ids(private)
    tree: Tree = {}
    kept = []
    for mail in mails:
        if mail.message_id(domain) in sent:
            continue
        name = mail.file_name(domain)
        tree[name] = eml_bytes(mail, sender, domain)
        kept.append((name, mail))
    tree[MAIL_MERGE] = merge_csv(kept)
    folder = replace_folder(tree, private / OUTBOX)
    return Written(folder, kept, len(mails) - len(kept))


def merge_csv(messages: list[tuple[str, Mail]]) -> str:
    """One row per message, for a mail merge; every cell through the formula guard."""
    rows = [
        [
            name,
            "; ".join(_address(r) for r in mail.to),
            "; ".join(_address(r) for r in mail.cc),
            mail.subject,
            mail.sent_at.isoformat(),
            "; ".join(a.filename for a in mail.attachments),
        ]
        for name, mail in messages
    ]
    return csv_text(MERGE_COLUMNS, rows)


def _address(person: Recipient) -> str:
    return f"{person.name} <{person.email}>"


def read_returned(private: Path) -> list[Returned] | None:
    """The forms `playbook collect` read last (``evaluation/answers.csv``), or None before it
    has run. Each names its form, role, department and session; a form that asks a name or
    how the pairing is working carries those answers too."""
    path = private / EVALUATION / ANSWERS
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeError) as err:
        msg = f"{path}: cannot read what collect recorded: {err}; run `playbook collect` again"
        raise BuildError(msg) from None
    returned = []
    for row in csv.DictReader(io.StringIO(text, newline="")):
        cells = {key: cell_value(value or "").strip() for key, value in row.items() if key}
        form = cells.get("form", "")
        returned.append(
            Returned(
                form,
                cells.get("role", ""),
                cells.get("department", ""),
                cells.get("session", ""),
                cells.get(f"{form}-name", ""),
                cells.get(f"{form}-fit", ""),
            )
        )
    return returned
