"""icons: the icon a custom topic names, checked against the icon sets of Material for MkDocs.

Site pages show a topic's icon as an emoji shortcode (``material/leaf`` becomes
``:material-leaf:``), and that shortcode lands in the Markdown as it is. So an icon must be a
plain name from one of the sets the theme ships, never text that Markdown or HTML would read:
a set (``material/``, ``fontawesome/brands/``, ``fontawesome/regular/``, ``fontawesome/solid/``,
``octicons/``, ``simple/``) and a name of lower-case letters, digits and hyphens. When
mkdocs-material is installed, the name must also be one of its icons (with a did-you-mean).
"""

from __future__ import annotations

import difflib
import importlib.util
import re
from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator

ICON_SETS = (
    "material",
    "fontawesome/brands",
    "fontawesome/regular",
    "fontawesome/solid",
    "octicons",
    "simple",
)
_NAME = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ICON_RE = re.compile(rf"(?:{'|'.join(ICON_SETS)})/{_NAME}")

#: What an icon field expects, worded to follow "expected" in an error message.
ICON_EXPECTED = (
    "a Material for MkDocs icon like 'material/leaf': one of "
    + ", ".join(f"{name}/" for name in ICON_SETS)
    + " followed by lower-case letters, digits and hyphens"
)


def is_icon_name(value: str) -> bool:
    """Whether ``value`` has the form of an icon name (the set is not looked up)."""
    return ICON_RE.fullmatch(value) is not None


@cache
def icons_folder() -> Path | None:
    """The ``.icons`` folder of the installed mkdocs-material, or None without one."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        folder = Path(location) / "templates" / ".icons"
        if folder.is_dir():
            return folder
    return None


@cache
def installed_icons(icon_set: str) -> frozenset[str]:
    """The icon names of one set in the installed theme (empty when it is not installed)."""
    folder = icons_folder()
    if folder is None or not (folder / icon_set).is_dir():
        return frozenset()
    return frozenset(path.stem for path in (folder / icon_set).glob("*.svg"))


def check_icon(value: str) -> str:
    """Return ``value`` if it names an icon the theme ships; raise ValueError if not."""
    if not is_icon_name(value):
        raise ValueError(ICON_EXPECTED)
    icon_set, name = value.rsplit("/", 1)
    names = installed_icons(icon_set)
    if names and name not in names:
        near = difflib.get_close_matches(name, sorted(names), n=1, cutoff=0.6)
        hint = f" (did you mean '{icon_set}/{near[0]}'?)" if near else ""
        msg = f"an icon Material for MkDocs has in {icon_set}/{hint}"
        raise ValueError(msg)
    return value


#: A config field holding an icon name.
Icon = Annotated[str, AfterValidator(check_icon)]
