"""`playbook init DIR`: a path it cannot use is a plain message, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.commands.init import init_program
from generator.errors import PlaybookError


@pytest.mark.parametrize("below", ["", "program", "a/b/program"])
def test_a_file_in_the_way_writes_nothing(runner, tmp_path: Path, below: str):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("mine", encoding="utf-8")
    target = blocker / below if below else blocker
    result = runner.invoke(main, ["init", str(target)])
    assert result.exit_code == 1, result.output
    assert result.output.startswith(f"Error: {target}: cannot make the program folder here: ")
    where = "it" if not below else str(blocker)
    assert f"{where} is a file, not a folder" in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    assert blocker.read_text(encoding="utf-8") == "mine"


def test_init_makes_missing_parents(tmp_path: Path):
    written = init_program(tmp_path / "programs" / "2027")
    assert (tmp_path / "programs" / "2027" / "organisation.yaml") in written


def test_an_unwritable_folder_is_a_message(tmp_path: Path, monkeypatch):
    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(PlaybookError, match="cannot write the example: Permission denied"):
        init_program(tmp_path / "program")
