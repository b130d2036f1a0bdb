"""engine: what ``site.engine`` and ``site.offline`` change in the generated mkdocs.yml.

Both engines read the same mkdocs.yml. Zensical runs no MkDocs plugins but knows ``search``
and ``offline`` by name and does their work itself, so the settings name only those two.
Offline, the theme's own polyfill for search under ``file://`` (iframe-worker) is loaded from
the site instead of unpkg.com: both Material's offline plugin and Zensical leave
``extra.polyfills`` alone once an entry names iframe-worker.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from generator.config.model import Site
from generator.errors import InputFileError

#: Where the build puts the iframe-worker polyfill, docs-relative (and so site-relative).
IFRAME_WORKER = "assets/javascripts/iframe-worker.js"
#: Zensical's look closest to Material's, the brand header included (its default is "modern").
ZENSICAL_VARIANT = "classic"


def engine_settings(settings: dict[str, Any], site: Site) -> dict[str, Any]:
    """The settings with the engine's and the offline build's keys set."""
    if site.engine == "zensical":
        theme = settings.setdefault("theme", {"name": "material"})
        if isinstance(theme, dict):
            theme.setdefault("variant", ZENSICAL_VARIANT)
    if site.offline:
        _offline(settings)
    return settings


def _offline(settings: dict[str, Any]) -> None:
    """Links end in .html, search works from disk, and nothing loads from the internet."""
    remote = list(_remote_entries(settings))
    if remote:
        listed = ", ".join(f"{key} {url!r}" for key, url in remote)
        msg = (
            f"site.offline is true, but the site settings load {listed} from the internet; "
            "copy the file beside the settings and name it by its relative path"
        )
        raise InputFileError(msg)
    settings["use_directory_urls"] = False
    theme = settings.setdefault("theme", {"name": "material"})
    if isinstance(theme, dict):
        theme["font"] = False  # Google Fonts otherwise: the system's fonts instead
    plugins = list(settings.get("plugins") or [])
    if not any(_plugin_name(entry) == "offline" for entry in plugins):
        plugins.append("offline")
    settings["plugins"] = plugins
    extra = settings.setdefault("extra", {})
    polyfills = [p for p in extra.get("polyfills") or [] if "iframe-worker" not in str(p)]
    extra["polyfills"] = [*polyfills, IFRAME_WORKER]


def _plugin_name(entry: object) -> str | None:
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict) and len(entry) == 1:
        return str(next(iter(entry)))
    return None


def _remote_entries(settings: dict[str, Any]) -> Iterable[tuple[str, str]]:
    for key in ("extra_css", "extra_javascript"):
        for entry in settings.get(key) or []:
            url = entry.get("path") if isinstance(entry, dict) else entry
            if isinstance(url, str) and url.startswith(("http://", "https://", "//")):
                yield key, url
