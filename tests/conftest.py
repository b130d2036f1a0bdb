"""Shared fixtures: a CLI runner, small configs in tmp_path, and one small built site."""

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


SMALL = """\
organisation:
  name: Acme & Sons
  program: Mentor-Up
  sponsor: {name: Dana Whitfield, title: COO}
  lead: {name: Sam Okafor, email: mentoring@acme.example}
  brand_colour: "#8b1f4f"
program:
  start: 2027-03-01
  sessions: 3
  cadence: weekly
  session_minutes: 50
  session_time: "09:15"
  focus_areas: [technology, social-media]
  blackout_dates:
    - 2027-03-08
departments:
  - name: Sales
    sessions: 4
    extra_questions:
      - Which customer conversation surprised you?
  - name: Finance
    format: group
    sessions: 2
    session_minutes: 30
    paper_size: Letter
    focus_areas: [work-life]
site:
  settings: no-such-mkdocs.yml
  output: site
"""


@pytest.fixture(scope="session")
def small_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A two-department config: Sales on A4 with a blackout, Finance on Letter in groups."""
    folder = tmp_path_factory.mktemp("small")
    path = folder / "organisation.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def built_site(small_config: Path) -> Path:
    """The small config built once, with PDFs, on two workers."""
    from generator.commands.build import build

    return build(small_config, jobs=2)


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's example program, built once for the whole session."""
    from generator.commands.build import build

    root = tmp_path_factory.mktemp("example")
    return build(Path("playbook/organisation.yaml"), root / "site")
