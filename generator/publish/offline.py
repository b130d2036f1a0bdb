"""offline: what a site opened from disk or a zip needs, and the zip itself.

Opened from ``file://``, a browser refuses to start the theme's search worker; Material and
Zensical load a small polyfill (iframe-worker) for that, from unpkg.com unless the site carries
its own copy. The copy comes from the npm registry, installed as a dependency
(``npm install iframe-worker``, which scripts/setup.sh runs), never pasted into the repository.
"""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

from generator.config.resolved import Playbook
from generator.errors import BuildError
from generator.render.engine import IFRAME_WORKER

#: The polyfill's file inside its npm package.
SHIM = Path("node_modules") / "iframe-worker" / "shim" / "index.js"
#: The project's own checkout, where scripts/setup.sh installs node_modules.
PROJECT = Path(__file__).resolve().parents[2]
#: Every entry of a zip gets this time (the earliest a zip can hold), so the bytes depend on
#: the files alone.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def iframe_worker(playbook: Playbook) -> Path:
    """The installed polyfill: in node_modules in the config's folder or one above it, or in
    the project's checkout. BuildError saying how to install it when there is none."""
    for folder in (playbook.folder, *playbook.folder.parents, PROJECT):
        if (folder / SHIM).is_file():
            return folder / SHIM
    msg = (
        "site.offline is true, so search needs the iframe-worker polyfill from the npm "
        f"registry, and it is not installed: run `npm install iframe-worker@1` in "
        f"{playbook.folder} (or scripts/setup.sh in a checkout of playbook)"
    )
    raise BuildError(msg)


def copy_polyfill(shim: Path) -> Callable[[Path], None]:
    """A publish step putting the polyfill among the site's sources, where both engines
    copy it into the site like any other asset."""

    def step(staging: Path) -> None:
        target = staging / "docs" / IFRAME_WORKER
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shim, target)

    return step


def pack(site: Path, skip: Iterable[str] = ()) -> Path:
    """Zip the site into ``<site>.zip`` beside it: entries sorted, every time 1980-01-01, the
    same permissions, so the same site gives the same bytes. Written whole, then moved."""
    target = site.with_name(f"{site.name}.zip")
    partial = site.with_name(f"{site.name}.zip.tmp")
    skipped = set(skip)
    files = sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and path.name not in skipped
    )
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in files:
            info = zipfile.ZipInfo(f"{site.name}/{name}", date_time=ZIP_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, (site / name).read_bytes(), compresslevel=9)
    partial.replace(target)
    return target
