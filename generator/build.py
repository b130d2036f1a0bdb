"""The Python API behind `playbook build`: load -> plan -> render -> publish."""

from __future__ import annotations

import logging
from pathlib import Path

from generator.load import load
from generator.model import Playbook
from generator.publish import Tree, publish
from generator.render import make_environment, plan_program, render_site

log = logging.getLogger(__name__)


def render_all(playbook: Playbook) -> Tree:
    """Everything the site needs, as a virtual tree."""
    program = plan_program(playbook)
    env = make_environment(playbook.resolve(playbook.config.site.templates))
    return render_site(program, env)


def build(config_path: Path, output: Path | None = None) -> Path:
    """Build the site for a config; returns the output folder."""
    playbook = load(config_path)
    target = output or playbook.resolve(playbook.config.site.output)
    tree = render_all(playbook)
    log.info("Rendered %d files for %d departments", len(tree), len(playbook.departments))
    return publish(playbook, tree, target)
