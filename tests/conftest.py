"""Shared fixtures: a CLI runner, and small configs written into tmp_path."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

MINIMAL = """\
organisation:
  name: Acme Analytics
  program: Reverse Up
  sponsor: {name: Ada Lovelace, title: CEO}
  lead: {name: Lee Park, email: lead@acme.example}
program:
  start: 2027-03-01
  sessions: 4
  cadence: weekly
  focus_areas: [technology, social-media]
departments:
  - name: Research
  - name: Sales
    sessions: 3
    focus_areas: [customer-perspective]
    contact: {name: Sam Sales, email: sam@acme.example}
site:
  settings: no-such-settings.yml
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def write_config(tmp_path: Path) -> Callable[..., Path]:
    """Write YAML text (dedented) to tmp_path/organisation.yaml and return its path."""

    def write(text: str = MINIMAL, name: str = "organisation.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write
