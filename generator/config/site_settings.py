"""site_settings: the user's mkdocs.yml (``site.settings``), read and checked.

MkDocs reads this file as trusted: a ``!!python/name:`` tag imports any Python name for a
Markdown extension to call, ``hooks:`` runs Python files, a theme's ``custom_dir`` is published
as the site's static files. So, like every other input the config names, it is held to two rules
(checked as the config loads, so ``validate`` reports them with the rest):

- **Tags**: ``!!python/name:`` only for names defined under :data:`ALLOWED_NAME_PREFIXES`
  (Material's emoji functions and the like); any other ``!!python/...`` tag (``object``,
  ``object/apply``, ``module``, ...) is refused. ``!ENV`` is refused too: it copies an
  environment variable into the published site, and build machines keep tokens there.
  ``!relative`` (MkDocs' own, pointing into the build) is kept; any other ``!`` tag is refused.
- **Paths**: ``theme.custom_dir`` and ``hooks`` resolve against the settings file's folder, as
  MkDocs would, and must stay inside the config's folder; the generated mkdocs.yml gets them as
  absolute paths (it is built from a staging folder). A ``custom_dir`` is published, so it may
  be neither the config's folder nor hold the roster or private output. ``extra_css``,
  ``extra_javascript``, ``theme.logo`` and ``theme.favicon`` are docs-relative URLs to MkDocs;
  an entry that names a file beside the settings file (a plain relative path) is copied into
  the site at that path, so it must stay below the settings file's folder, inside the config's
  folder, and be a stylesheet, script or image by its name. Entries that are no such file are
  left as URLs (``stylesheets/brand.css``, made by the generator, or a CDN address).
  ``INHERIT`` (another settings file, unchecked) is refused; ``docs_dir`` and ``site_dir`` are
  always replaced by the generator's own.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from generator.config.fields import outside_folder, resolve_path
from generator.config.yamlsource import KeyPath, Mark, format_key_path

#: ``!!python/name:`` may name only things defined in these packages (the example's emoji
#: functions; Material's and PyMdown's documentation use the same).
ALLOWED_NAME_PREFIXES = ("material.", "pymdownx.", "markdown.")
PYTHON_TAG = "tag:yaml.org,2002:python/"
NAME_TAG = PYTHON_TAG + "name:"
#: MkDocs' own ``!`` tags that stay: ``!relative`` points into the build's own folders.
KEPT_TAGS = frozenset({"!relative"})
_DOTTED = re.compile(r"^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)+$")

#: Why a path in the settings file may not leave the config's folder.
MKDOCS_READS_IT = "MkDocs would read it from outside"
CUSTOM_DIR: KeyPath = ("theme", "custom_dir")
HOOKS: KeyPath = ("hooks",)
#: Docs-relative entries that may name a file beside the settings, by the suffixes allowed.
IMAGES = (".png", ".svg", ".jpg", ".jpeg", ".gif", ".ico", ".webp")
ASSETS: dict[KeyPath, tuple[str, ...]] = {
    ("extra_css",): (".css",),
    ("extra_javascript",): (".js", ".mjs"),
    ("theme", "logo"): IMAGES,
    ("theme", "favicon"): IMAGES,
}


class SettingsSyntaxError(ValueError):
    """The file is no YAML mapping at all (left to the build's own plain message)."""


class Tagged:
    """A YAML value with a custom tag (``!!python/name:...``, ``!relative``) kept verbatim."""

    def __init__(self, tag: str, value: Any) -> None:
        self.tag, self.value = tag, value


class SettingsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml files, keeping tags it does not know as Tagged values."""


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        return Tagged(node.tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(node.tag, loader.construct_sequence(node, deep=True))
    return Tagged(node.tag, loader.construct_mapping(node, deep=True))  # type: ignore[arg-type]


SettingsLoader.add_multi_constructor(PYTHON_TAG, _construct_tagged)
SettingsLoader.add_multi_constructor("!", _construct_tagged)


class SettingsDumper(yaml.SafeDumper):
    """Writes mkdocs.yml, restoring Tagged values."""


def _represent_tagged(dumper: yaml.SafeDumper, value: Tagged) -> yaml.Node:
    if isinstance(value.value, list):
        return dumper.represent_sequence(value.tag, value.value)
    if isinstance(value.value, dict):
        return dumper.represent_mapping(value.tag, value.value)
    return dumper.represent_scalar(value.tag, str(value.value))


SettingsDumper.add_representer(Tagged, _represent_tagged)


@dataclass
class Settings:
    """One settings file: its data, where its keys sit, and the tags it uses."""

    origin: str
    data: dict
    marks: dict[KeyPath, Mark] = field(default_factory=dict)
    tags: list[tuple[KeyPath, Mark, str]] = field(default_factory=list)

    def where(self, key_path: KeyPath) -> str:
        probe = tuple(key_path)
        while probe and probe not in self.marks:
            probe = probe[:-1]
        mark = self.marks.get(probe, Mark(1, 1))
        return f"{self.origin}:{mark.line}:{mark.column}: {format_key_path(key_path)}"


def parse_settings(text: str, origin: str) -> Settings:
    """The settings in ``text``; SettingsSyntaxError if it is not a YAML mapping."""
    loader = SettingsLoader(text)
    try:
        node = loader.get_single_node()
        settings = Settings(origin, {})
        if node is not None:
            _walk(node, (), settings, set())
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as err:
        msg = f"{origin}: not valid YAML: {err}"
        raise SettingsSyntaxError(msg) from None
    except RecursionError:
        msg = f"{origin}: the YAML nests too deeply to read"
        raise SettingsSyntaxError(msg) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        msg = f"{origin}: expected a mapping of MkDocs settings"
        raise SettingsSyntaxError(msg)
    settings.data = data
    return settings


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def _walk(node: yaml.Node, key_path: KeyPath, settings: Settings, seen: set[int]) -> None:
    """Record key positions and non-plain tags, visiting each node once (aliases share)."""
    if id(node) in seen:
        return
    seen.add(id(node))
    if node.tag.startswith(PYTHON_TAG) or node.tag.startswith("!"):
        settings.tags.append((key_path, _mark(node), node.tag))
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            child = (*key_path, key) if isinstance(key, str) else key_path
            settings.marks.setdefault(child, _mark(key_node))
            _walk(key_node, key_path, settings, seen)
            _walk(value_node, child, settings, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            settings.marks.setdefault((*key_path, index), _mark(item))
            _walk(item, (*key_path, index), settings, seen)


# --- tags ------------------------------------------------------------------------------------


def tag_problems(settings: Settings) -> Iterable[str]:
    """Every tag the settings may not use, as ``file:line:column: key: message``."""
    for key_path, mark, tag in settings.tags:
        problem = tag_problem(tag)
        if problem:
            where = f"{settings.origin}:{mark.line}:{mark.column}"
            yield f"{where}: {format_key_path(key_path)}: {problem}"


def tag_problem(tag: str) -> str | None:
    """Why a YAML tag may not appear in a settings file, or None."""
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    if tag.startswith(NAME_TAG):
        return name_problem(tag.removeprefix(NAME_TAG), shown)
    if tag.startswith(PYTHON_TAG):
        return (
            f"the YAML tag {shown!r} builds or calls Python objects; it is not allowed in site "
            f"settings (only !!python/name: for names under {_prefixes()})"
        )
    if tag == "!ENV":
        return (
            "the YAML tag '!ENV' copies an environment variable into the published site, and "
            "build machines keep secrets there; write the value itself"
        )
    if tag in KEPT_TAGS:
        return None
    return f"the YAML tag {shown!r} is not allowed in site settings; write plain values"


def name_problem(name: str, shown: str) -> str | None:
    """Why ``!!python/name:<name>`` is refused, or None if it names something allowed."""
    refused = (
        f"the YAML tag {shown!r} names Python code outside the allowed packages; "
        f"only names under {_prefixes()} may be used"
    )
    if not _DOTTED.match(name) or not name.startswith(ALLOWED_NAME_PREFIXES):
        return refused
    module_name, _, attribute = name.rpartition(".")
    try:
        module = importlib.import_module(module_name)
        value = getattr(module, attribute)
    except (ImportError, AttributeError):
        return f"the YAML tag {shown!r} names nothing that is installed; check the spelling"
    except Exception:  # noqa: BLE001 - an installed module failing to import is not our crash
        return f"the YAML tag {shown!r} names a module that fails to import"
    defined_in = getattr(value, "__module__", None)
    if not isinstance(defined_in, str) or not f"{defined_in}.".startswith(ALLOWED_NAME_PREFIXES):
        return refused  # e.g. markdown.util.re: a name only passing through an allowed module
    return None


def _prefixes() -> str:
    return ", ".join(f"'{prefix}'" for prefix in ALLOWED_NAME_PREFIXES)


# --- paths -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Asset:
    """A file beside the settings that an entry names: copied to ``docs/<target>``."""

    target: str
    source: Path


def path_problems(
    settings: Settings, base: Path, folder: Path, private: Iterable[Path] = ()
) -> Iterable[str]:
    """Every path in the settings that leads outside the config's ``folder``; ``base`` is the
    settings file's folder; ``private`` are paths a published ``custom_dir`` may not hold."""
    folder = folder.resolve()
    if "INHERIT" in settings.data:
        yield (
            f"{settings.where(('INHERIT',))}: merges in another settings file these checks "
            "cannot see; copy the settings you need into this file"
        )
    for key_path, value in _folder_paths(settings.data):
        path = resolve_path(base, value)
        if isinstance(path, str):
            yield f"{settings.where(key_path)}: {path}"
        elif outside := outside_folder(folder, value, path, MKDOCS_READS_IT):
            yield f"{settings.where(key_path)}: {outside}"
        elif key_path == CUSTOM_DIR:
            problem = _custom_dir_problem(value, path, folder, private)
            if problem:
                yield f"{settings.where(key_path)}: {problem}"
    for key_path, value, suffixes in _asset_entries(settings.data):
        problem = _asset_problem(base, folder, value, suffixes)
        if problem:
            yield f"{settings.where(key_path)}: {problem}"


def localised(data: dict, base: Path) -> dict:
    """The settings with custom_dir and hooks made absolute against ``base`` (the settings
    file's folder), so MkDocs finds them from the staging folder. Checked paths only."""
    theme = data.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
        theme["custom_dir"] = str((base / theme["custom_dir"]).resolve())
    hooks = data.get("hooks")
    if isinstance(hooks, list):
        data["hooks"] = [
            str((base / hook).resolve()) if isinstance(hook, str) else hook for hook in hooks
        ]
    return data


def assets(data: dict, base: Path) -> list[Asset]:
    """The files beside the settings that extra_css, extra_javascript, theme.logo and
    theme.favicon name, to be copied into the site's docs at the same path."""
    found = []
    for _key, value, _suffixes in _asset_entries(data):
        if _names_file(base, value):
            found.append(Asset(PurePosixPath(value).as_posix(), (base / value).resolve()))
    return found


def _folder_paths(data: dict) -> Iterable[tuple[KeyPath, str]]:
    theme = data.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
        yield CUSTOM_DIR, theme["custom_dir"]
    hooks = data.get("hooks")
    if isinstance(hooks, list):
        for index, hook in enumerate(hooks):
            if isinstance(hook, str):
                yield (*HOOKS, index), hook


def _asset_entries(data: dict) -> Iterable[tuple[KeyPath, str, tuple[str, ...]]]:
    theme = data.get("theme")
    for key_path, suffixes in ASSETS.items():
        if key_path[0] == "theme":
            value = theme.get(key_path[1]) if isinstance(theme, dict) else None
            if isinstance(value, str):
                yield key_path, value, suffixes
            continue
        entries = data.get(key_path[0])
        if not isinstance(entries, list):
            continue
        for index, entry in enumerate(entries):
            value = entry.get("path") if isinstance(entry, dict) else entry
            where = (*key_path, index, "path") if isinstance(entry, dict) else (*key_path, index)
            if isinstance(value, str):
                yield where, value, suffixes


def _names_file(base: Path, value: str) -> bool:
    if "://" in value or value.startswith(("/", "\\", "data:")) or not value.strip():
        return False
    try:
        return (base / value).is_file()
    except (OSError, ValueError):
        return False


def _asset_problem(base: Path, folder: Path, value: str, suffixes: tuple[str, ...]) -> str | None:
    if not _names_file(base, value):
        return None  # a docs-relative URL (a generated file) or an address elsewhere
    path = (base / value).resolve()
    outside = outside_folder(folder, value, path, MKDOCS_READS_IT)
    if outside:
        return outside
    parts = PurePosixPath(value.replace("\\", "/")).parts
    if ".." in parts or not path.is_relative_to(base.resolve()):
        return (
            f"{value!r} is copied into the site at that path, so it must sit in the settings "
            "file's folder or below it"
        )
    if path.suffix.casefold() not in suffixes:
        return (
            f"{value!r} is published with the site; expected a file ending in {', '.join(suffixes)}"
        )
    return None


def _custom_dir_problem(
    value: str, path: Path, folder: Path, private: Iterable[Path]
) -> str | None:
    if path == folder:
        return (
            f"{value!r} is the config's folder; the theme folder is published with the site, "
            "so give it a folder of its own, e.g. 'overrides'"
        )
    for held in private:
        if held.resolve().is_relative_to(path):
            return (
                f"{value!r} holds {held}; the theme folder is published with the site, so keep "
                "participant data out of it"
            )
    return None
