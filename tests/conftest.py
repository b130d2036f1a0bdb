"""Shared fixtures: a small organisation, so PDF builds stay fast."""

from __future__ import annotations

from pathlib import Path

import pytest

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
    from generator.build import build

    return build(small_config, jobs=2)
