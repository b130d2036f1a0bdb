"""Per-pair packets: the built printables with the pair's names and matched skills filled in.

The laid-out PDFs already exist after `playbook build`; filling their fields with pypdf is far
faster than laying a packet out again per pair, and the forms stay exactly as designed. Packets
hold names, so they go to the private output folder, never the site.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from generator.config.fields import slugify
from generator.config.pairing_settings import normalise_skill
from generator.config.resolved import Playbook, ResolvedDepartment
from generator.pairing.cohort import Pair, PairingResult

log = logging.getLogger(__name__)

#: The documents a packet holds: (file stem in site/printables/<dept>/, fields it fills).
#: WeasyPrint names a checkbox's on-state /on.
CHECKED = "/on"
PACKET_DOCUMENTS = ("goals-mentee", "goals-mentor", "self-assessment", "agreement")


@dataclass(frozen=True)
class Packet:
    """Where one pair's packet went, or why it could not be made."""

    pair: Pair
    folder: Path | None
    problem: str = ""


def department_for(pair: Pair, playbook: Playbook) -> ResolvedDepartment | None:
    """The config department of the mentee (the packet follows the senior's department)."""
    wanted = pair.mentee.department.casefold()
    for department in playbook.departments:
        if wanted in (department.name.casefold(), department.slug):
            return department
    return None


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


def field_values(document: str, pair: Pair, topics: list[str]) -> dict[str, str]:
    """Field name -> value for one document of the packet."""
    keys = [topic.replace("-", "_") for topic in topics]
    if document == "goals-mentee":
        values = {"name": pair.mentee.name} | {f"skill_{k}": CHECKED for k in keys}
    elif document == "goals-mentor":
        values = {"name": pair.mentor.name} | {f"teach_{k}": CHECKED for k in keys}
    elif document == "self-assessment":
        values = {"name": pair.mentee.name}
    else:
        values = {"mentee_name": pair.mentee.name, "mentor_name": pair.mentor.name}
    return {f"{document}-{key}": value for key, value in values.items()}


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


def fill(source: Path, values: dict[str, str], target: Path) -> None:
    """Copy a fillable PDF with some fields filled; fields it lacks are skipped."""
    with quiet_pypdf():
        _fill(source, values, target)


def _fill(source: Path, values: dict[str, str], target: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(source))
    present = set(writer.get_fields() or {})
    wanted = {name: value for name, value in values.items() if name in present}
    for page in writer.pages:
        writer.update_page_form_field_values(page, wanted, auto_regenerate=False)
    writer.set_need_appearances_writer(True)
    with target.open("wb") as handle:
        writer.write(handle)


def packet_name(pair: Pair) -> str:
    """A folder name per pair: mentee then mentor, as readable slugs."""
    name = f"{slugify(pair.mentee.name)}--{slugify(pair.mentor.name)}"
    return re.sub(r"-{3,}", "--", name) or "pair"


def make_packets(result: PairingResult, playbook: Playbook, site: Path, out: Path) -> list[Packet]:
    """One folder of filled PDFs per pair under ``out``; returns what happened to each."""
    packets = []
    for pair in result.pairs:
        department = department_for(pair, playbook)
        if department is None:
            problem = f"department '{pair.mentee.department}' is not in the config"
            packets.append(Packet(pair, None, problem))
            continue
        sources = site / "printables" / department.slug
        if not (sources / f"{PACKET_DOCUMENTS[0]}.pdf").is_file():
            packets.append(Packet(pair, None, f"no printables in {sources}; run playbook build"))
            continue
        folder = out / packet_name(pair)
        folder.mkdir(parents=True, exist_ok=True)
        topics = matched_topics(pair, department)
        for document in PACKET_DOCUMENTS:
            values = field_values(document, pair, topics)
            fill(sources / f"{document}.pdf", values, folder / f"{document}.pdf")
        packets.append(Packet(pair, folder))
    return packets
