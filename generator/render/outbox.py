"""outbox: the messages due by a day, planned from the plan and the approved pairs. Pure: the
files they attach come in as bytes (``publish.outbox`` reads them), messages come out.

- an introduction to each approved pair (to both, from the lead), dated a fortnight before the
  pair's first session: who they are, why they were paired, the first session's date and that
  the senior (the mentee) books it, the packet attached (or its path, when too large), the
  agreement to bring, and the pair's invitation (.ics) attached as a meeting request;
- a reminder to each participant ``outbox.remind_days_before`` days before each form is due,
  with the form attached (the pair's filled packet copy, else the department's built PDF).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import jinja2

from generator.config.base import Contact
from generator.config.content import ContentSpec
from generator.program.documents import PRINT_DIR, Document
from generator.program.plan import DepartmentPlan
from generator.render.calendar.invitations import ApprovedPair, Member
from generator.render.filters import longdate
from generator.render.mail import Attachment, Mail, Recipient, render_parts, wording

#: An introduction goes out this many days before the pair's first session: time to read the
#: packet, fill in the goals and book the first date.
INTRODUCTION_DAYS = 14
PDF = "application/pdf"
#: The part of an invitation that calendar apps read as a meeting request (RFC 6047).
ICS = "text/calendar"


@dataclass(frozen=True)
class PairFiles:
    """One approved pair and what the private output holds for it."""

    pair: ApprovedPair
    plan: DepartmentPlan  # the plan of the department whose rhythm the pair follows
    name: str  # its packet folder and invitation file name
    why: str = ""  # why the pairing made it, when the roster is there to say
    invitation: bytes | None = None
    packet: dict[str, bytes] = field(default_factory=dict, repr=False)
    packet_link: str = ""  # where the packet is, for a packet too large to attach


@dataclass(frozen=True)
class Outgoing:
    """What every message shares: the environment, the wording, the lead and the settings."""

    env: jinja2.Environment
    content: ContentSpec
    program: str
    lead: Contact
    remind_days_before: int
    attach_max_bytes: int
    site_pdf: Callable[[str], bytes | None]  # a site path -> the built PDF, if there is one
    quiet_weeks: int = 4


def in_sentence(title: str) -> str:
    """A form's title inside a sentence: "your self-assessment", not "your Self-assessment"."""
    return title[:1].lower() + title[1:]


def recipient(member: Member) -> Recipient:
    return Recipient(member.name, member.email)


def introduction(out: Outgoing, files: PairFiles) -> Mail:
    """The introduction to both people of a pair."""
    pair, plan = files.pair, files.plan
    first = plan.schedule[0].date
    day = first - dt.timedelta(days=INTRODUCTION_DAYS)
    attach = files.packet and sum(map(len, files.packet.values())) <= out.attach_max_bytes
    values = {
        "program": out.program,
        "mentor": pair.mentor.name,
        "mentee": pair.mentee.name,
        "date": longdate(first),
        "link": files.packet_link,
    }
    words = wording(out.content.messages["introduction"], values)
    context = {
        "words": words,
        "mentor": pair.mentor,
        "mentee": pair.mentee,
        "why": files.why,
        "first_session": first,
        "department": plan.department.name,
        "packet_attached": bool(attach),
        "packet_linked": bool(files.packet and not attach),
        "agreement": plan.department.settings.agreement,
        "lead": out.lead,
        "program": out.program,
    }
    text, html = render_parts(out.env, "introduction", context)
    attachments = [
        Attachment(f"{name}", data, PDF) for name, data in sorted(files.packet.items()) if attach
    ]
    if files.invitation is not None:
        attachments.append(
            Attachment(f"{files.name}.ics", files.invitation, ICS, (("method", "REQUEST"),))
        )
    return Mail(
        kind="introduction",
        key=files.name,
        to=(recipient(pair.mentee), recipient(pair.mentor)),
        day=day,
        zone=plan.department.settings.timezone,
        subject=words["subject"],
        text=text,
        html=html,
        attachments=tuple(attachments),
    )


def reminders(out: Outgoing, files: PairFiles) -> list[Mail]:
    """A reminder to each of the pair for each day some of their forms are due."""
    plan = files.plan
    mails = []
    for reminder in plan.reminders:
        due = reminder.answer_by or reminder.date
        for role, member in (("mentee", files.pair.mentee), ("mentor", files.pair.mentor)):
            documents = [
                doc
                for doc in plan.documents
                if doc.form.kind in reminder.forms and doc.form.role == role
            ]
            if documents:
                mails.append(_reminder(out, files, role, member, due, documents))
    return mails


def _reminder(
    out: Outgoing,
    files: PairFiles,
    role: str,
    member: Member,
    due: dt.date,
    documents: list[Document],
) -> Mail:
    titles = [doc.form.heading or doc.title for doc in documents]
    values = {
        "program": out.program,
        "form": in_sentence(" and ".join(titles)),
        "date": longdate(due),
        "name": member.name,
    }
    words = wording(out.content.messages["reminder"], values)
    attachments = form_attachments(out, files, documents)
    context = {
        "words": words,
        "person": member,
        "role": role,
        "forms": titles,
        "due": due,
        "attached": bool(attachments),
        "lead": out.lead,
        "program": out.program,
    }
    text, html = render_parts(out.env, "reminder", context)
    return Mail(
        kind="reminder",
        key=f"{files.name}:{role}:{due.isoformat()}:{'+'.join(d.form.id for d in documents)}",
        to=(recipient(member),),
        day=due - dt.timedelta(days=out.remind_days_before),
        zone=files.plan.department.settings.timezone,
        subject=words["subject"],
        text=text,
        html=html,
        attachments=tuple(attachments),
    )


def form_attachments(
    out: Outgoing, files: PairFiles, documents: list[Document]
) -> list[Attachment]:
    """Each form's PDF: the pair's filled packet copy, else the department's built form."""
    attachments = []
    for doc in documents:
        data = files.packet.get(doc.pdf) or out.site_pdf(
            f"{PRINT_DIR}/{files.plan.department.slug}/{doc.pdf}"
        )
        if data is not None:
            attachments.append(Attachment(doc.pdf, data, PDF))
    return attachments
