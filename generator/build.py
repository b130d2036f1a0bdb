"""The Python API behind `playbook build`: load -> plan -> render -> publish."""

from __future__ import annotations

import logging
from pathlib import Path

from generator.load import load
from generator.model import Playbook
from generator.pairing import pairing_summary
from generator.pdf import pdf_step
from generator.printables import render_printables
from generator.publish import Tree, publish
from generator.render import base_context, make_environment, plan_program, render_site

log = logging.getLogger(__name__)


def render_all(playbook: Playbook) -> Tree:
    """Everything the site needs, as a virtual tree."""
    program = plan_program(playbook, pairing_summary(playbook))
    env = make_environment(playbook.resolve(playbook.config.site.templates))
    tree = render_site(program, env)
    tree.update(render_printables(program, env, base_context(program)))
    return tree


def build(config_path: Path, output: Path | None = None, jobs: int | None = None) -> Path:
    """Build the site and printables for a config; returns the output folder.

    ``jobs`` is the number of processes rendering PDFs (default: one per CPU).
    """
    playbook = load(config_path)
    target = output or playbook.resolve(playbook.config.site.output)
    tree = render_all(playbook)
    log.info("Rendered %d files for %d departments", len(tree), len(playbook.departments))
    return publish(playbook, tree, target, prepare=(pdf_step(jobs),))
