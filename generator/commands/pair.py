"""The API behind `playbook pair`: roster -> pairs -> private report and packets.

Each layer does its part in memory: pairing computes the pairs and the CSV text, render turns
the report templates into pages, and publish writes the whole pairing folder in one swap, so a
failure anywhere leaves the previous folder as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.config.load import load
from generator.errors import ConfigError
from generator.pairing.cohort import PairingResult, pair_cohort
from generator.pairing.packets import PACKETS, Packet, make_packets
from generator.pairing.report import FOLDER, PAIRS_CSV, pairs_csv
from generator.pairing.roster import read_config_roster
from generator.program.plan import plan_program
from generator.publish.files import replace_folder
from generator.render.environment import make_environment
from generator.render.reports import PAIRING_REPORT, pairing_report_tree
from generator.render.tree import Tree


@dataclass(frozen=True)
class PairingOutcome:
    """What `playbook pair` made and where."""

    result: PairingResult
    folder: Path
    report: Path
    packets: list[Packet]


def pair_program(config_path: Path, roster: Path | None, fairness: bool | None) -> PairingOutcome:
    """Pair the roster named on the command line, or the config's `roster`."""
    playbook = load(config_path)
    config = playbook.config
    if roster is None and config.roster is None:
        msg = f"{config_path}: no roster given; name one or set `roster:` in the config"
        raise ConfigError(msg)
    settings = config.pairing
    if fairness is not None:
        settings = settings.model_copy(update={"fairness": fairness})
    people = read_config_roster(playbook, roster)
    result = pair_cohort(people, settings, playbook.source)
    site = playbook.resolve(config.site.output)
    packets = make_packets(result, plan_program(playbook), site)
    env = make_environment(
        playbook.resolve(config.site.templates), locale=config.organisation.locale
    )
    tree: Tree = pairing_report_tree(result, env)
    tree[PAIRS_CSV] = pairs_csv(result)
    for packet in packets:
        tree |= {f"{PACKETS}/{packet.name}/{name}": pdf for name, pdf in packet.files.items()}
    folder = replace_folder(tree, playbook.resolve(config.site.private_output) / FOLDER)
    return PairingOutcome(result, folder, folder / PAIRING_REPORT, packets)
