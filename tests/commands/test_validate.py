"""`playbook validate` runs every check build and pair run that needs no rendering."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from generator.cli import main
from generator.commands.build import render_tree
from generator.commands.validate import validate_program
from generator.config.load import load
from generator.errors import BuildError, ConfigError, InputFileError, RosterError
from tests.conftest import MINIMAL

ROSTER = """\
name,email,role,department,skills,manager
Lee Boss,boss@acme.example,mentee,Research,python;data,
Dev Junior,dev@acme.example,mentor,Research,python;data,boss@acme.example
"""


def with_roster(pairing: str = "") -> str:
    return MINIMAL.replace("site:\n", f"roster: roster.csv\n{pairing}site:\n")


def test_validate_reads_the_roster_the_config_names(write_config, tmp_path: Path):
    (tmp_path / "roster.csv").write_text(ROSTER.replace("dev@acme.example", "dev at acme"))
    config = write_config(with_roster())
    with pytest.raises(RosterError, match="roster.csv: 1 problem in the roster"):
        validate_program(config)
    # The build counts the approved pairs and never reads the roster: `pair` reports it.
    assert "Pairs not yet approved" in render_tree(load(config))["docs/index.md"]


def test_a_pin_that_breaks_a_rule_is_located_in_validate_and_pair(
    runner, write_config, tmp_path: Path
):
    (tmp_path / "roster.csv").write_text(ROSTER)
    pin = "pairing:\n  pinned:\n    - {mentor: dev@acme.example, mentee: boss@acme.example}\n"
    config = write_config(with_roster(pin))
    expected = (
        f"{config}:20:7: pairing.pinned[0]: dev@acme.example -> boss@acme.example "
        "breaks: reporting line"
    )
    with pytest.raises(ConfigError) as checked:
        validate_program(config)
    assert checked.value.message.splitlines()[1] == expected
    paired = runner.invoke(main, ["pair", "-c", str(config)])
    assert paired.exit_code == 1
    assert expected in paired.output


def test_a_stale_forbidden_pair_is_a_located_warning(write_config, tmp_path: Path, caplog):
    (tmp_path / "roster.csv").write_text(ROSTER)
    ban = "pairing:\n  forbidden:\n    - {mentor: ghost@acme.example, mentee: boss@acme.example}\n"
    config = write_config(with_roster(ban))
    with caplog.at_level(logging.WARNING):
        validate_program(config)
    assert f"{config}:20:7: pairing.forbidden[0]: ghost@acme.example -> boss@acme.example" in (
        caplog.text
    )


def test_validate_reads_the_site_settings_file(write_config, tmp_path: Path):
    (tmp_path / "no-such-settings.yml").write_text("nav: [\n")  # the name MINIMAL gives
    with pytest.raises(InputFileError, match="no-such-settings.yml: not valid YAML"):
        validate_program(write_config())


def test_validate_reads_the_aggregates_a_build_would_publish(write_config, tmp_path: Path):
    (tmp_path / "private" / "evaluation").mkdir(parents=True)
    (tmp_path / "private" / "evaluation" / "aggregates.json").write_text("{not json")
    text = MINIMAL.replace("site:\n", "evaluation: {publish_aggregates: true}\nsite:\n")
    with pytest.raises(InputFileError, match="cannot read the evaluation aggregates"):
        validate_program(write_config(text))


def test_validate_refuses_an_output_folder_build_would_refuse(write_config, tmp_path: Path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "thesis.docx").write_text("years of work")
    with pytest.raises(BuildError, match="not empty and was not built by playbook"):
        validate_program(write_config())


def test_the_example_validates(runner):
    result = runner.invoke(main, ["validate", "playbook/organisation.yaml"])
    assert result.exit_code == 0, result.output
