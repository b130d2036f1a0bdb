"""`playbook validate`: load the config (every error, located) and list the design warnings."""

from __future__ import annotations

from pathlib import Path

from generator.config.load import load
from generator.config.resolved import Playbook
from generator.program.checks import DesignWarning, design_warnings
from generator.program.plan import plan_program


def validate_program(config_path: Path) -> tuple[Playbook, list[DesignWarning]]:
    """The loaded config and its design warnings; raises ConfigError on any problem."""
    playbook = load(config_path)
    return playbook, design_warnings(plan_program(playbook))
