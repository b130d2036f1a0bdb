"""staging: write the rendered tree to a staging folder, build it, then swap it into place.

Nothing touches the live output until every step has succeeded, so a failed build leaves the
last good site byte for byte as it was. Generated sources (Markdown + mkdocs.yml) are kept in
``.playbook-build/`` beside the output so the same site can be rebuilt with another engine
(``zensical build -f .playbook-build/mkdocs.yml``).
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import os
import shutil
import subprocess
import sys
import sysconfig
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.config.paths import output_problem
from generator.config.resolved import Playbook
from generator.errors import BuildError
from generator.program.plan import epoch
from generator.publish.files import swap, write_tree
from generator.publish.links import check_links
from generator.render.environment import python_error
from generator.render.tree import Tree

log = logging.getLogger(__name__)

MARKER = ".playbook-site"
SOURCES = ".playbook-build"
Step = Callable[[Path, Path], None]
Prepare = Callable[[Path], None]


def check_output(playbook: Playbook, output: Path) -> None:
    """Refuse outputs that would overwrite the config, or a folder we did not build."""
    output = output.resolve()
    problem = output_problem(playbook.folder, output)  # the config's own rule for outputs
    if problem:
        msg = f"cannot build into {output}: {problem}"
        raise BuildError(msg)
    if output.exists() and not output.is_dir():
        msg = f"the output {output} is a file, not a folder"
        raise BuildError(msg)
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).exists():
        msg = (
            f"the output folder {output} is not empty and was not built by playbook; "
            "refusing to replace it (empty it or choose another `site.output`)"
        )
        raise BuildError(msg)


@contextlib.contextmanager
def fixed_build_date(playbook: Playbook) -> Iterator[None]:
    """Pin MkDocs' build date (sitemap, gzip stamps) to the program's epoch.

    Same config, same bytes.
    """
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(int(epoch(playbook).timestamp()))
    try:
        yield
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


#: The Zensical release the build is known to work with (pyproject.toml's ``zensical`` extra).
ZENSICAL = "zensical==0.0.73"


def build_site(source: Path, engine: str = "mkdocs") -> Path:
    """Run the site engine on a generated source folder; return the built site folder."""
    if engine == "zensical":
        return build_zensical(source)
    return build_mkdocs(source)


def build_zensical(source: Path) -> Path:
    """Run Zensical on a generated source folder, in its own process: its Rust runtime
    reports to the console and exits on errors, which must not end this one."""
    if importlib.util.find_spec("zensical") is None:
        msg = f"site.engine is zensical, but Zensical is not installed: pip install '{ZENSICAL}'"
        raise BuildError(msg)
    command = [sys.executable, "-m", "zensical", "build", "--clean", "-f", "mkdocs.yml"]
    done = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        command, cwd=source, capture_output=True, text=True, check=False
    )
    site = source / "site"
    if done.returncode != 0 or not (site / "index.html").is_file():
        said = (done.stderr.strip() or done.stdout.strip()).splitlines()[-10:]
        msg = "the site engine (Zensical) failed:\n" + "\n".join(said)
        raise BuildError(msg)
    return site


def build_mkdocs(source: Path) -> Path:
    """Run MkDocs (strict) on a generated source folder; return the built site folder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    warnings = WarningList()
    logging.getLogger("mkdocs").addHandler(warnings)
    try:
        config = load_config(config_file=str(source / "mkdocs.yml"), strict=True)
        build(config)
    except (MkDocsException, Abort) as err:
        said = "".join(f"\n{line}" for line in warnings.lines)
        msg = f"the site engine failed: {err}{said}"
        raise BuildError(msg) from None
    except Exception as err:  # the user's own code raised: a hook (``hooks:``), a theme template
        where = user_frame(err)
        msg = f"the site engine failed: {where + ': ' if where else ''}{python_error(err)}"
        raise BuildError(msg) from None
    finally:
        logging.getLogger("mkdocs").removeHandler(warnings)
    return source / "site"


class WarningList(logging.Handler):
    """MkDocs' warnings, kept for the error: in strict mode they are why it stopped (a
    page's link that leads nowhere), and its own message only counts them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def user_frame(err: BaseException) -> str | None:
    """The innermost frame of an error outside Python, its installed packages and playbook,
    as ``path:line``: the user's MkDocs hook or theme template that raised it."""
    if isinstance(err, SyntaxError) and err.filename:  # raised while compiling, not running
        return f"{err.filename}:{err.lineno}"
    ours = {Path(sysconfig.get_path(name)).resolve() for name in _LIBRARY_PATHS}
    ours.add(Path(__file__).resolve().parents[1])
    for frame in reversed(traceback.extract_tb(err.__traceback__)):
        if frame.filename.startswith("<"):
            continue
        path = Path(frame.filename).resolve()
        if not any(path.is_relative_to(folder) for folder in ours):
            return f"{frame.filename}:{frame.lineno}"
    return None


_LIBRARY_PATHS = ("stdlib", "platstdlib", "purelib", "platlib")


def publish(
    playbook: Playbook,
    tree: Tree,
    output: Path,
    steps: tuple[Step, ...] = (),
    prepare: tuple[Prepare, ...] = (),
) -> Path:
    """Stage, build and swap.

    ``prepare`` steps run on the staged sources before the site engine (files they add, such as
    PDFs, are copied into the site and its link check sees them); ``steps`` run on
    (source, site) after it. All of them run before the swap.
    """
    output = output.resolve()
    check_output(playbook, output)
    staging = output.parent / f"{SOURCES}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        write_tree(tree, staging)
        for step in prepare:
            step(staging)
        with fixed_build_date(playbook):
            site = build_site(staging, playbook.config.site.engine)
        for finish in steps:
            finish(staging, site)
        report = check_links(site, output.name)
        log.info("Checked %d links in %d pages", report.links, report.pages)
        (site / MARKER).write_text("Built by playbook; safe to replace.\n", encoding="utf-8")
        swap(site, output)
        swap(staging, output.parent / SOURCES)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    log.info("Site written to %s", output)
    return output
