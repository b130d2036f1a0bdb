"""files: the one place that writes to disk, always so that no reader sees half a result.

- ``write_tree`` writes a virtual tree into a folder of its own (a staging folder);
- ``swap`` replaces a live folder with a finished one by renames;
- ``replace_folder`` does both: stage a tree beside the target, then swap it in (the site, the
  pairing and evaluation folders);
- ``replace_file`` writes one file under a temporary name and renames it (cache entries).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from generator.errors import BuildError
from generator.render.tree import Tree


def write_tree(tree: Tree, root: Path) -> None:
    """Write every file of a virtual tree under ``root``, refusing paths that escape it."""
    root = root.resolve()
    for relative, content in sorted(tree.items()):
        target = (root / relative).resolve()
        if not target.is_relative_to(root):
            msg = f"refusing to write {relative!r}: it points outside {root}"
            raise BuildError(msg)
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8", newline="\n")


def swap(new: Path, live: Path) -> None:
    """Replace ``live`` with ``new`` using renames, so readers never see a half-written folder."""
    old = live.with_name(f"{live.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    try:
        if live.exists():
            live.rename(old)
        new.rename(live)
    except BaseException:  # an OSError, or Ctrl-C / SIGTERM between the two renames
        if old.exists() and not live.exists():  # put the last good folder back first
            old.rename(live)
        raise
    shutil.rmtree(old, ignore_errors=True)


def replace_folder(tree: Tree, target: Path) -> Path:
    """Write ``tree`` to a staging folder beside ``target``, then swap it into place.

    A failure while writing leaves ``target`` exactly as it was.
    """
    target = target.resolve()
    staging = target.with_name(f".{target.name}.staging")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_tree(tree, staging)
        swap(staging, target)
    except OSError as err:
        shutil.rmtree(staging, ignore_errors=True)
        msg = f"{target}: cannot write: {err.strerror or err}"
        raise BuildError(msg) from err
    return target


def replace_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` under a temporary name, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:  # a full disk, or a stopped build: no stray .tmp file in the cache
        Path(temporary).unlink(missing_ok=True)
        raise


def write_output(path: Path, text: str) -> None:
    """Write ``-o FILE``. The folder is not made: a mistyped folder is more likely than a new
    one, and the message names it."""
    folder = path.parent
    if not folder.is_dir():
        state = "is a file, not a folder" if folder.exists() else "does not exist (make it first)"
        msg = f"cannot write {path}: the folder {folder} {state}"
        raise BuildError(msg)
    try:
        replace_file(path, text.encode("utf-8"))
    except OSError as err:
        msg = f"cannot write {path}: {err.strerror or err}"
        raise BuildError(msg) from None
