"""`playbook validate`: every check `build` and `pair` run that needs no rendering.

What validate accepts, build accepts: the config (every error, located, every path checked as
it loads), the output folder as build would find it, the roster the config names (readable,
every participant's department one of the config's, and the pinned pairs in ``pairing:`` naming
people in it without breaking a rule), the site settings file and the evaluation aggregates a
build would publish. Then the design warnings.
"""

from __future__ import annotations

from pathlib import Path

from generator.commands.build import check_target
from generator.commands.pair import check_roster
from generator.config.load import load
from generator.config.resolved import Playbook
from generator.pairing.report import pairing_summary
from generator.program.checks import DesignWarning, design_warnings
from generator.program.plan import plan_program
from generator.render.mkdocs_config import settings_file
from generator.render.site import aggregates


def validate_program(config_path: Path) -> tuple[Playbook, list[DesignWarning]]:
    """The loaded config and its design warnings; raises a PlaybookError on any problem."""
    playbook = load(config_path)
    check_target(playbook, playbook.resolve(playbook.config.site.output))
    check_roster(playbook)  # the build no longer reads it: it counts the approved pairs
    summary = pairing_summary(playbook)
    settings_file(playbook)
    aggregates(playbook)
    return playbook, design_warnings(plan_program(playbook, summary))
