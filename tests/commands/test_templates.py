"""`playbook templates -o FILE` writes the reference it prints."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.commands.templates import templates_reference


def test_templates_writes_the_reference_to_a_file(runner: CliRunner, tmp_path: Path):
    target = tmp_path / "templates.md"
    result = runner.invoke(main, ["templates", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert result.output == f"Template reference written to {target}\n"
    assert target.read_text(encoding="utf-8") == templates_reference()
    assert templates_reference().startswith("# What templates see\n")
