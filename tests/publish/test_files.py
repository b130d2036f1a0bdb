"""files: a write stopped half-way (Ctrl-C, SIGTERM) leaves the last good state and no litter."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.publish.files import replace_file, swap, write_tree
from tests.helpers import snapshot


def test_a_swap_stopped_between_its_renames_puts_the_live_folder_back(tmp_path, monkeypatch):
    live, new = tmp_path / "site", tmp_path / "staging"
    write_tree({"index.html": "last good"}, live)
    write_tree({"index.html": "next"}, new)
    before = snapshot(live)
    rename = Path.rename

    def interrupted(self: Path, target: Path) -> Path:
        if self == new:
            raise KeyboardInterrupt
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", interrupted)
    with pytest.raises(KeyboardInterrupt):
        swap(new, live)
    assert snapshot(live) == before
    assert not (tmp_path / "site.old").exists()


def test_a_file_write_stopped_half_way_leaves_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "cache" / "entry.pdf"
    replace_file(target, b"first")

    def interrupted(source: str, destination: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("generator.publish.files.os.replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        replace_file(target, b"second")
    assert [p.name for p in target.parent.iterdir()] == ["entry.pdf"]
    assert target.read_bytes() == b"first"
