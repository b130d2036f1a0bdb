"""The API behind `playbook pair`: roster -> proposed pairs, and `pair --check`: the approved
pairs -> checked, with the private report and packets following them.

Each layer does its part in memory: pairing computes the pairs and the CSV text, render turns
the report templates into pages, and publish writes the whole pairing folder in one swap, so a
failure anywhere leaves the previous folder as it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.config.load import load
from generator.config.pairing_settings import PairingSettings
from generator.config.resolved import DepartmentNames, Playbook
from generator.errors import ConfigError, RosterError
from generator.pairing.approved import MENTEE, MENTOR, check_approved, read_approved
from generator.pairing.availability import availability_problems
from generator.pairing.cohort import PairingResult, check_pins, pair_cohort
from generator.pairing.flags import flag_counts, pair_flags
from generator.pairing.packets import PACKETS, Packet, make_packets
from generator.pairing.report import (
    FOLDER,
    PAIRS_CSV,
    approved_path,
    completed_csv,
    older_than_roster,
    pairs_csv,
)  # fmt: skip
from generator.pairing.roster import Participant, read_config_roster
from generator.program.plan import plan_program
from generator.publish.files import replace_folder
from generator.render.environment import make_environment
from generator.render.reports import PAIRING_REPORT, pairing_report_tree
from generator.render.tree import Tree


@dataclass(frozen=True)
class PairingOutcome:
    """What `playbook pair` (or `pair --check`) made and where."""

    result: PairingResult
    folder: Path
    report: Path
    packets: list[Packet]
    flags: dict[str, int] = field(default_factory=dict)  # kind of flag -> pairs with it
    approved: bool = False  # the pairs are the lead's checked file, not a proposal
    stale: str = ""  # a warning: the approved file is older than the roster


def _cohort(config_path: Path, roster: Path | None) -> tuple[Playbook, Path, list[Participant]]:
    """The config, the roster's path (the command line's, else the config's) and its people."""
    playbook = load(config_path)
    config = playbook.config
    if roster is None:
        if config.roster is None:
            msg = f"{config_path}: no roster given; name one or set `roster:` in the config"
            raise ConfigError(msg)
        roster = playbook.resolve(config.roster.file)
    return playbook, roster, _people(playbook, roster)


def check_roster(playbook: Playbook) -> None:
    """``validate``'s check of the roster the config names: readable, departments, availability
    and the pins (pairing's own checks, without solving, which only `pair` does)."""
    if playbook.config.roster is not None:
        people = _people(playbook, playbook.resolve(playbook.config.roster.file))
        check_pins(people, playbook.config.pairing, playbook.source)


def _people(playbook: Playbook, roster: Path) -> list[Participant]:
    """The roster's participants; every problem in it, located, as one RosterError."""
    people = read_config_roster(playbook, roster)
    problems = availability_problems(people, roster.name)
    if problems:
        count = f"{len(problems)} problem" + ("s" if len(problems) > 1 else "")
        lines = "\n".join(f"  - {p}" for p in problems)
        msg = f"{roster.name}: {count} in the roster:\n{lines}"
        raise RosterError(msg)
    return people


def pair_program(config_path: Path, roster: Path | None, fairness: bool | None) -> PairingOutcome:
    """Propose pairs for the roster named on the command line, or the config's `roster`."""
    playbook, _, people = _cohort(config_path, roster)
    settings = playbook.config.pairing
    if fairness is not None:
        settings = settings.model_copy(update={"fairness": fairness})
    result = pair_cohort(people, settings, playbook.source)
    return _write(playbook, settings, result, pairs_csv(result), approved=False)


def check_program(
    config_path: Path, approved: Path | None = None, roster: Path | None = None
) -> PairingOutcome:
    """Check the approved pairs (``approved``, default ``<private>/pairing/pairs.csv``)
    against every hard rule; when clean, they become the record: pairs.csv (completed from
    the roster), the report and the packets follow them. Raises ApprovedPairsError listing
    every broken row."""
    playbook, roster, people = _cohort(config_path, roster)
    path = approved or approved_path(playbook)
    if not path.is_file():
        msg = f"{path}: no approved pairs to check; run `playbook pair` first, then review it"
        raise ConfigError(msg)
    stale = older_than_roster(path, roster)
    settings = playbook.config.pairing
    file = read_approved(path)
    result = check_approved(
        file, people, settings, DepartmentNames(playbook.departments), playbook.source
    )
    extra = {(cells.get(MENTOR, "").casefold(), cells.get(MENTEE, "").casefold()): cells
             for _, cells in file.rows}  # fmt: skip
    text = completed_csv(result, file.header, extra)
    outcome = _write(playbook, settings, result, text, approved=True)
    return replace(outcome, stale=stale)


def _write(
    playbook: Playbook,
    settings: PairingSettings,
    result: PairingResult,
    pairs_text: str,
    *,
    approved: bool,
) -> PairingOutcome:
    """Make the packets and the report, and swap the whole pairing folder in at once."""
    config = playbook.config
    site = playbook.resolve(config.site.output)
    packets = make_packets(result, plan_program(playbook), site, settings.rhythm)
    env = make_environment(
        playbook.resolve(config.site.templates), locale=config.organisation.locale
    )
    tree: Tree = pairing_report_tree(result, env, settings, approved=approved, packets=packets)
    tree[PAIRS_CSV] = pairs_text
    for packet in packets:
        tree |= {f"{PACKETS}/{packet.name}/{name}": pdf for name, pdf in packet.files.items()}
    folder = replace_folder(tree, playbook.resolve(config.site.private_output) / FOLDER)
    flags = flag_counts(pair_flags(pair, settings) for pair in result.pairs)
    return PairingOutcome(result, folder, folder / PAIRING_REPORT, packets, flags, approved)


def pairing_summary(outcome: PairingOutcome) -> list[str]:
    """What `pair` prints: one line per kind of thing to look at, never one per person (the
    report has the rest)."""
    result = outcome.result
    made = "approved and checked" if outcome.approved else "proposed"
    lines = [f"{len(result.pairs)} pairs {made}, {len(result.unpaired)} participant(s) unpaired"]
    lines += [
        f"  unpaired, {reason}: {count}"
        for reason, count in count_kinds(u.reason for u in result.unpaired).items()
    ]
    lines += [f"  flagged, {kind}: {count} pair(s)" for kind, count in outcome.flags.items()]
    packets = [p for p in outcome.packets if not p.problem]
    lines.append(f"{len(packets)} pair packet(s) in {outcome.folder / 'packets'}")
    problems = count_kinds(p.problem for p in outcome.packets if p.problem)
    lines += [f"  no packet, {problem}: {count}" for problem, count in problems.items()]
    if outcome.approved:
        lines.append("pairs.csv, the report and the packets now follow the approved pairs")
    else:
        lines.append("Review pairs.csv (edit it if you like), then run `playbook pair --check`")
    lines.append(f"Report (every pair, flag and reason): {outcome.report}")
    return lines


def count_kinds(reasons: Iterable[str]) -> dict[str, int]:
    """Reasons counted by kind: the text before the first ':' or quote names the kind
    (``no mentor teaches any of: X`` and ``... of: Y`` are one kind)."""
    counts: dict[str, int] = {}
    for reason in reasons:
        kind = reason.split(":")[0].split("'")[0].strip()
        counts[kind] = counts.get(kind, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
