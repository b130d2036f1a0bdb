"""paths: every path the config names, resolved against the config's folder and checked.

Two rules, checked when the config loads so `validate` reports them with the rest:

- **Inputs** (``organisation.logo``, ``roster``, ``site.settings``, ``site.templates``,
  ``evaluation.quotes_file``) resolve
  inside the config's folder: ``..``, absolute paths and symbolic links that lead out of it are
  refused, so no file from elsewhere on the machine can be published with the site. The logo
  must be a PNG, SVG or JPEG by its name and by its first bytes (an SVG without scripts); the
  roster must be a CSV, XLSX or YAML file. ``site.settings`` and ``site.templates`` may be
  missing (the built-in settings and templates are used), but not the wrong kind of thing.
  What the settings file itself names (hooks, ``theme.custom_dir``, files beside it, Python
  tags) is held to the same rule by ``site_settings``, and reported under ``site.settings``.
- **Outputs** (``site.output``, ``site.private_output``) may be anywhere (the repository's
  example builds into the folder above its config), except: the filesystem root, the config's
  folder or a folder that holds it (a build replaces its output as a whole), and the two may not
  overlap (participant data must never sit in the published site). The public output may not
  hold an input either: the build would replace it.

Messages follow ``load``'s form: each problem is (key path, message) and ``load`` locates it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from generator.config.fields import outside_folder, reason, resolve_path
from generator.config.model import Config
from generator.config.quotes import quotes_problem
from generator.config.site_settings import SettingsSyntaxError, parse_settings, tag_problems
from generator.config.site_settings import path_problems as settings_path_problems
from generator.config.yamlsource import KeyPath, format_key_path

Problem = tuple[KeyPath, str]

LOGO: KeyPath = ("organisation", "logo")
ROSTER: KeyPath = ("roster",)
SETTINGS: KeyPath = ("site", "settings")
TEMPLATES: KeyPath = ("site", "templates")
OUTPUT: KeyPath = ("site", "output")
PRIVATE_OUTPUT: KeyPath = ("site", "private_output")
QUOTES: KeyPath = ("evaluation", "quotes_file")
#: What to do about an input outside the config's folder.
COPY_IT = "copy the file into that folder"

#: The roster formats ``pairing.roster`` reads, by suffix.
ROSTER_SUFFIXES = (".csv", ".xlsx", ".yaml", ".yml")
#: Logo images by suffix: the kind's name and a test of the file's first bytes.
LOGO_KINDS = {
    ".png": "PNG",
    ".svg": "SVG",
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"
#: How much of a logo is read to recognise it; SVG logos are text and seldom larger.
LOGO_READ_LIMIT = 4 * 1024 * 1024
#: What makes an SVG active content when opened on its own: scripts, event handlers,
#: javascript: links, embedded HTML.
SVG_ACTIVE = re.compile(
    rb"<\s*script|\son[a-z]+\s*=|javascript\s*:|<\s*foreignObject|<\s*!ENTITY", re.IGNORECASE
)


def path_problems(config: Config, folder: Path) -> Iterable[Problem]:
    """Every problem with the paths ``config`` names, relative to the config's ``folder``."""
    folder = folder.resolve()
    inputs: dict[KeyPath, Path] = {}
    for key, value in (
        (LOGO, config.organisation.logo),
        (ROSTER, config.roster.file if config.roster else None),
        (SETTINGS, config.site.settings),
        (TEMPLATES, config.site.templates),
        (QUOTES, config.evaluation.quotes_file),
    ):
        if value is None:
            continue
        path = resolve_path(folder, value)
        problem = path if isinstance(path, str) else outside_folder(folder, value, path, COPY_IT)
        if problem is None and isinstance(path, Path):
            check = _INPUT_CHECKS.get(key) or partial(quotes_problem, config)
            problem = _checked(check, value, path)
            inputs[key] = path
        if problem:
            yield _as_written(key, config), problem
    public = resolve_path(folder, config.site.output)
    private = resolve_path(folder, config.site.private_output)
    if SETTINGS in inputs:
        held = [p for p in (inputs.get(ROSTER), private) if isinstance(p, Path)]
        for problem in settings_file_problems(inputs[SETTINGS], folder, held):
            yield SETTINGS, problem
    for key, output in ((OUTPUT, public), (PRIVATE_OUTPUT, private)):
        if isinstance(output, str):
            yield key, output
    if isinstance(public, Path) and isinstance(private, Path):
        yield from output_problems(folder, public, private, inputs)


def _as_written(key: KeyPath, config: Config) -> KeyPath:
    """``roster.file`` where the roster is written as a mapping with columns, else ``key``."""
    if key == ROSTER and config.roster is not None and config.roster.columns.given():
        return (*ROSTER, "file")
    return key


def _checked(check: Callable[[str, Path], str | None], value: str, path: Path) -> str | None:
    """Run one file check; a path the system cannot even look at is a problem, not a crash."""
    try:
        return check(value, path)
    except (OSError, ValueError) as err:
        return f"cannot use {value!r}: {reason(err)}"


# --- inputs ----------------------------------------------------------------------------------


def logo_problem(value: str, path: Path) -> str | None:
    """Why the file at ``path`` cannot be the logo, or None if it is a PNG, SVG or JPEG."""
    problem = _file_problem(value, path, "an image file")
    if problem:
        return problem
    kind = LOGO_KINDS.get(path.suffix.casefold())
    if kind is None:
        return f"expected a PNG, SVG or JPEG image (.png, .svg, .jpg, .jpeg), got {value!r}"
    with path.open("rb") as handle:
        head = handle.read(LOGO_READ_LIMIT)
    if kind == "PNG" and not head.startswith(PNG_SIGNATURE):
        return f"{value!r} is not a PNG image (it does not start with the PNG signature)"
    if kind == "JPEG" and not head.startswith(JPEG_SIGNATURE):
        return f"{value!r} is not a JPEG image (it does not start with the JPEG marker)"
    if kind == "SVG":
        if b"<svg" not in head:
            return f"{value!r} is not an SVG image (no <svg> element in it)"
        if SVG_ACTIVE.search(head):
            return (
                f"{value!r} is an SVG with active content (a script, an event handler, a "
                "javascript: link or embedded HTML); expected a plain image"
            )
    return None


def roster_problem(value: str, path: Path) -> str | None:
    """Why the file at ``path`` cannot be the roster, or None."""
    problem = _file_problem(value, path, "a roster file")
    if problem:
        return problem
    if path.suffix.casefold() not in ROSTER_SUFFIXES:
        return f"expected a roster file ending in {_either(ROSTER_SUFFIXES)}, got {value!r}"
    return None


def settings_problem(value: str, path: Path) -> str | None:
    """A missing settings file is fine (the built-in settings are used); a folder is not."""
    if path.exists() and not path.is_file():
        return f"{value!r} is not a file; expected a mkdocs.yml file (or no file at all)"
    return None


def settings_file_problems(path: Path, folder: Path, private: Iterable[Path]) -> Iterable[str]:
    """The tags and paths the settings file may not use (see ``site_settings``). A file that
    cannot be read or is no YAML mapping is left to the build, which says so plainly."""
    try:
        settings = parse_settings(path.read_text(encoding="utf-8"), str(path))
    except (OSError, UnicodeError, SettingsSyntaxError):
        return []
    return [
        f"in {problem}"
        for problem in (
            *tag_problems(settings),
            *settings_path_problems(settings, path.parent, folder, private),
        )
    ]


def templates_problem(value: str, path: Path) -> str | None:
    """A missing templates folder is fine (the built-in templates are used); a file is not."""
    if path.exists() and not path.is_dir():
        return f"{value!r} is not a folder; expected a folder of templates (or none at all)"
    return None


def _file_problem(value: str, path: Path, what: str) -> str | None:
    if not path.exists():
        return f"expected {what}, but there is nothing at {value!r} ({path})"
    if not path.is_file():
        return f"expected {what}, got {value!r}, which is not a file"
    return None


def _either(items: Iterable[str]) -> str:
    *first, last = items
    return f"{', '.join(first)} or {last}" if first else last


_INPUT_CHECKS = {
    LOGO: logo_problem,
    ROSTER: roster_problem,
    SETTINGS: settings_problem,
    TEMPLATES: templates_problem,
}


# --- outputs ---------------------------------------------------------------------------------


def output_problem(folder: Path, output: Path) -> str | None:
    """Why ``output`` (absolute, resolved) cannot be an output folder, or None.

    A build replaces its output folder as a whole and keeps its caches beside it, so the output
    is never the filesystem root, nor the config's folder or a folder that holds it.
    """
    folder = folder.resolve()
    if output == Path(output.anchor):
        return f"{output} is the filesystem root; expected a folder of its own, e.g. 'site'"
    if output == folder:
        return f"{output} is the config's folder; expected a folder of its own, e.g. 'site'"
    if folder.is_relative_to(output):
        return f"{output} holds the config's folder; expected a folder of its own, e.g. 'site'"
    return None


def overlap_problem(public: Path, private: Path) -> str | None:
    """Why the private output cannot sit where it is given the public one, or None."""
    if private == public:
        return (
            f"{private} is also site.output; participant data would be published with the "
            "site, so give it a folder outside the site"
        )
    if private.is_relative_to(public):
        return (
            f"{private} is inside site.output ({public}); participant data would be published "
            "with the site, so give it a folder outside the site"
        )
    if public.is_relative_to(private):
        return (
            f"{private} holds site.output ({public}); keep participant data and the "
            "published site in separate folders"
        )
    return None


def output_problems(
    folder: Path, public: Path, private: Path, inputs: dict[KeyPath, Path] | None = None
) -> Iterable[Problem]:
    """The problems of the two output folders (absolute, resolved), as (key path, message)."""
    refused = False
    for key, output in ((OUTPUT, public), (PRIVATE_OUTPUT, private)):
        problem = output_problem(folder, output)
        if problem:
            refused = True
            yield key, problem
    problem = None if refused else overlap_problem(public, private)
    if problem:
        yield PRIVATE_OUTPUT, problem
    for source, path in (inputs or {}).items():
        if path.is_relative_to(public) and path.exists():
            yield (
                OUTPUT,
                f"{public} holds {format_key_path(source)} ({path}); a build replaces its output "
                "folder as a whole, so choose a folder the config's files are not in",
            )
