"""The PDF step stops at once when asked: no worker outlives it, none writes afterwards."""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

import pytest

from generator.commands.build import render_tree
from generator.config.load import load
from generator.publish.files import write_tree
from generator.publish.pdf import print_files, render_pdfs


class StopError(Exception):
    pass


def test_an_exception_in_the_parent_ends_every_worker_at_once(write_config, tmp_path: Path):
    root = tmp_path / "staged"
    write_tree(render_tree(load(write_config())), root)
    files = print_files(root / "docs")
    assert len(files) > 6

    def tick() -> None:  # what Ctrl-C, SIGTERM or a closing preview does to the parent
        raise StopError

    with pytest.raises(StopError):
        render_pdfs(files, jobs=2, tick=tick)
    assert multiprocessing.active_children() == []
    made = sorted(root.rglob("*.pdf"))
    time.sleep(1)  # a worker still running would add a PDF now
    assert sorted(root.rglob("*.pdf")) == made
    assert len(made) < len(files)
