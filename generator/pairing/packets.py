"""Per-pair packets: the built printables with the pair's names and matched skills filled in.

The laid-out PDFs already exist after `playbook build`; filling their fields with pypdf is far
faster than laying a packet out again per pair, and the forms stay exactly as designed. Field
names come from the department's form catalogue (``program.forms``), the one owner of them, and
a PDF that lacks one is an error, never a silently blank packet. Packets are made in memory, as
bytes: ``commands.pair`` writes them to the private output folder (they hold names), never the
site.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from pypdf import PdfReader, PdfWriter

from generator.config.fields import HASH_LENGTH, slugify
from generator.config.pairing_settings import normalise_skill
from generator.config.resolved import DepartmentNames, ResolvedDepartment
from generator.errors import FormFieldError
from generator.pairing.cohort import Pair, PairingResult
from generator.program.documents import PRINT_DIR, Document
from generator.program.forms import Form, topic_key
from generator.program.plan import DepartmentPlan, ProgramPlan

PACKETS = "packets"  # the folder in the pairing folder, a folder per pair inside
#: WeasyPrint names a checkbox's on-state /on.
CHECKED = "/on"
#: The forms a packet holds, by form id (a department without an agreement has no agreement).
PACKET_FORMS = (
    "goals-mentee",
    "goals-mentor",
    "self-assessment-mentee",
    "self-assessment-mentor",
    "agreement",
)


@dataclass(frozen=True)
class Packet:
    """One pair's packet: its folder name and filled PDFs by file name, or why it has none."""

    pair: Pair
    name: str
    files: dict[str, bytes] = field(default_factory=dict, hash=False)
    problem: str = ""


def rhythm_department(pair: Pair, rhythm: str) -> str:
    """The department whose rhythm the pair follows: the mentee's or the mentor's
    (``pairing.rhythm``), as the roster names it."""
    return pair.mentor.department if rhythm == "mentor" else pair.mentee.department


def department_plans(
    program: ProgramPlan, rhythm: str = "mentee"
) -> Callable[[Pair], DepartmentPlan | None]:
    """For a pair, the plan of the department whose rhythm it follows (``pairing.rhythm``:
    the mentee's by default), found the way the roster names departments
    (``DepartmentNames``). The packet holds that department's printables, whose headers name
    it, so the packet itself says which rhythm the pair follows."""
    names = DepartmentNames(plan.department for plan in program.departments)
    plans = {plan.department.slug: plan for plan in program.departments}

    def department_for(pair: Pair) -> DepartmentPlan | None:
        department = names.find(rhythm_department(pair, rhythm))
        return plans[department.slug] if department else None

    return department_for


def matched_topics(pair: Pair, department: ResolvedDepartment) -> list[str]:
    """Focus areas of the department named inside the pair's shared skills."""
    shared = [normalise_skill(skill) for skill in pair.shared_skills]
    return [
        topic.id
        for topic in department.settings.focus_areas
        if any(
            normalise_skill(topic.id) in skill or normalise_skill(topic.title) in skill
            for skill in shared
        )
    ]


def packet_documents(plan: DepartmentPlan) -> list[Document]:
    """The department's printables a packet holds, in booklet order."""
    return [document for document in plan.documents if document.form.id in PACKET_FORMS]


def field_values(form: Form, pair: Pair, topics: list[str]) -> dict[str, str]:
    """PDF field name -> value for one form of the packet; names from the form's catalogue
    (a key the catalogue lacks raises KeyError)."""
    keys = [topic_key(topic) for topic in topics]
    if form.id == "goals-mentee":
        values = {"name": pair.mentee.name} | {f"skill_{k}": CHECKED for k in keys}
    elif form.id == "goals-mentor":
        values = {"name": pair.mentor.name} | {f"teach_{k}": CHECKED for k in keys}
    elif form.id == "self-assessment-mentee":
        values = {"name": pair.mentee.name}
    elif form.id == "self-assessment-mentor":
        values = {"name": pair.mentor.name}
    elif form.get("mentor_names"):  # a group's agreement: the group signs it together
        values = {"mentor_names": pair.mentor.name}
    else:
        values = {"mentee_name": pair.mentee.name, "mentor_name": pair.mentor.name}
    return {form[key].field: value for key, value in values.items()}


@contextlib.contextmanager
def quiet_pypdf() -> Iterator[None]:
    """Hush pypdf's 'already parsed' notes: WeasyPrint lists each radio button twice."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def fill(source: Path, values: dict[str, str]) -> bytes:
    """A copy of a fillable PDF with ``values`` filled in, as bytes.

    The copy is a clone, document properties included, so it still names its department and
    program (``/playbook``, :mod:`generator.program.pdfinfo`) to ``playbook collect``.

    Raises FormFieldError, naming the file and the fields, if the PDF lacks any of them: a
    site built before the form changed, or a template override that dropped a field.
    """
    with quiet_pypdf():
        writer = PdfWriter(clone_from=PdfReader(source))
        missing = sorted(set(values) - set(writer.get_fields() or {}))
        if missing:
            names = ", ".join(missing)
            msg = (
                f"{source}: no form field {names}; run `playbook build` again, and keep every "
                "field of the form in a template that overrides it"
            )
            raise FormFieldError(msg)
        for page in writer.pages:
            writer.update_page_form_field_values(page, values, auto_regenerate=False)
        writer.set_need_appearances_writer(True)
        buffer = io.BytesIO()
        writer.write(buffer)
    return buffer.getvalue()


class _Named(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def email(self) -> str: ...


class Paired(Protocol):
    """What naming a pair reads: a solved ``Pair``, or a row of the approved pairs.csv (the
    invitations name their files as the packets do)."""

    @property
    def mentor(self) -> _Named: ...
    @property
    def mentee(self) -> _Named: ...


def packet_name(pair: Paired) -> str:
    """A folder name per pair: mentee then mentor, as readable slugs."""
    name = f"{slugify(pair.mentee.name)}--{slugify(pair.mentor.name)}"
    return re.sub(r"-{3,}", "--", name).strip("-") or "pair"


def pair_key(pair: Paired, length: int = HASH_LENGTH) -> str:
    """A short hash of the pair's two e-mails: the same pair, the same key, on every run."""
    emails = f"{pair.mentee.email}\n{pair.mentor.email}"
    return hashlib.sha256(emails.encode()).hexdigest()[:length]


def packet_names(pairs: Sequence[Paired]) -> list[str]:
    """A folder name for each pair, no two alike.

    Two pairs can share names (two Maria Garcias, or names that slug alike), and then one
    packet would overwrite the other. Such a name is not an error in the roster, so every pair
    whose readable name is shared gets the hash of its e-mails appended (``maria-garcia--
    ana-ruiz-1f3a9c07``): the same folder on every run whatever the order of the roster, while
    a pair whose name is its own keeps the plain name.
    """
    names = [packet_name(pair) for pair in pairs]
    for length in (HASH_LENGTH, 64):
        shared = {name for name, count in Counter(names).items() if count > 1}
        if not shared:
            break
        names = [
            f"{name}-{pair_key(pair, length)}" if name in shared else name
            for name, pair in zip(names, pairs, strict=True)
        ]
    return names


def make_packets(
    result: PairingResult, program: ProgramPlan, site: Path, rhythm: str = "mentee"
) -> list[Packet]:
    """Every pair's packet, filled from the printables under ``site``; nothing is written."""
    packets = []
    department_for = department_plans(program, rhythm)
    for pair, name in zip(result.pairs, packet_names(result.pairs), strict=True):
        plan = department_for(pair)
        if plan is None:
            problem = f"department not in the config: '{rhythm_department(pair, rhythm)}'"
            packets.append(Packet(pair, name, problem=problem))
            continue
        sources = site / PRINT_DIR / plan.department.slug
        documents = packet_documents(plan)
        if not all((sources / document.pdf).is_file() for document in documents):
            packets.append(
                Packet(pair, name, problem=f"no printables (run playbook build): {sources}")
            )
            continue
        topics = matched_topics(pair, plan.department)
        files = {
            document.pdf: fill(sources / document.pdf, field_values(document.form, pair, topics))
            for document in documents
        }
        packets.append(Packet(pair, name, files))
    return packets
