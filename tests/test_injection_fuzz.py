"""Fuzz: hostile text in every string field of the config never becomes live HTML on the site.

The list of fields is derived from the config model itself (every ``str`` leaf, inside lists and
mappings too), so a field added later is covered without editing this file. Each hostile value
carries a marker naming its field; after a real build (MkDocs, no PDFs) every HTML file of the
site, print HTML included, is parsed, and no script, event handler or ``javascript:`` URL may
carry a marker. A field whose validator refuses the hostile value is safe by construction.
"""

from __future__ import annotations

import copy
import re
import types
import typing
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from generator.commands.build import render_tree
from generator.config.load import load
from generator.config.model import Config
from generator.errors import ConfigError
from generator.publish.files import write_tree
from generator.publish.staging import build_site

#: A key path into the config: field names, 0 for "the first item", "*" for "a mapping key".
KeyPath = tuple[str | int, ...]

#: Paths are checked by the path rules (tests/config), not by what they render to.
PATH_FIELDS = {("organisation", "logo"), ("roster",)} | {
    ("site", name) for name in ("settings", "output", "private_output", "templates")
}

#: Hostile text, ``{m}`` is the marker; each tries a different way out of its context.
PAYLOADS = (
    "<script>{m}()</script>",
    "<img src=x onerror={m}()>",
    "[click](javascript:{m}())",
    '" onmouseover="{m}()" x="',
    "' onfocus='{m}()' autofocus x='",
    "</textarea><svg onload={m}()>",
    "x\nextra_javascript: [javascript:{m}()]",
    ":material-{m}: {{{{ {m} }}}} {{% raw %}}",
    "<a href='javascript:{m}()'>x</a> | col | `code`",
)

BASE: dict[str, Any] = {
    "organisation": {
        "name": "Acme",
        "program": "Mentor-Up",
        "sponsor": {"name": "Ada Lovelace", "title": "CEO"},
        "lead": {"name": "Lee Park", "email": "lead@acme.example", "title": "Lead"},
        "goals": ["Learn"],
        "support": [{"name": "EAP", "contact": "0800 123", "about": "Help"}],
    },
    "program": {"start": "2027-03-01", "sessions": 4, "cadence": "weekly"},
    "topics": [
        {
            "id": "ours",
            "title": "Ours",
            "summary": "S",
            "why": "W",
            "cover": ["C"],
            "prompts": ["P"],
            "pitfalls": ["F"],
        }
    ],  # fmt: skip
    "departments": [
        {
            "name": "Research",
            "intro": "Hi",
            "extra_questions": ["Q?"],
            "focus_areas": ["ours"],
            "contact": {"name": "Sam", "email": "sam@acme.example", "title": "Head"},
        },
        {"name": "Sales", "format": "group", "sessions": 3},
    ],  # fmt: skip
    "site": {"settings": "no-such-settings.yml"},
}


def _unwrap(annotation: Any) -> list[Any]:
    """The types an annotation admits (Optional, unions and Annotated taken apart)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def string_paths(model: type[BaseModel], prefix: KeyPath = ()) -> list[KeyPath]:
    """Every string leaf of a model, as key paths (aliases where a field has one)."""
    paths: list[KeyPath] = []
    for name, field in model.model_fields.items():
        key = field.alias or name
        for kind in _unwrap(field.annotation):
            paths += _paths_of(kind, (*prefix, key))
    return sorted(set(paths), key=str)


def _paths_of(kind: Any, path: KeyPath) -> list[KeyPath]:
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if kind is str:
        return [path]
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return string_paths(kind, path)
    if origin in (list, tuple) and args:
        return [p for arg in _unwrap(args[0]) for p in _paths_of(arg, (*path, 0))]
    if origin is dict and len(args) == 2:
        keys = [(*path, "*")] if str in _unwrap(args[0]) else []
        return keys + [p for arg in _unwrap(args[1]) for p in _paths_of(arg, (*path, "x"))]
    return []


def with_value(data: dict[str, Any], path: KeyPath, value: str) -> dict[str, Any]:
    """A copy of ``data`` with ``value`` at ``path``, creating what is missing on the way."""
    result = copy.deepcopy(data)
    node: Any = result
    for index, part in enumerate(path[:-1]):
        following = path[index + 1]
        empty: Any = [] if isinstance(following, int) else {}
        if isinstance(part, int):
            if not node:
                node.append(empty)
            node = node[part]
        elif part == "*":
            node = node.setdefault(value, empty)
        else:
            node = node.setdefault(part, empty)
    last = path[-1]
    if isinstance(last, int):
        if node:
            node[last] = value
        else:
            node.append(value)
    elif last == "*":
        node[value] = node.get(value, ["x"])
    else:
        node[last] = value
    return result


def marker(index: int) -> str:
    return f"zqx{index:03d}q"


FIELDS = [p for p in string_paths(Config) if p[:2] not in PATH_FIELDS and p[:1] not in PATH_FIELDS]


def test_the_field_list_is_derived_from_the_model():
    names = {".".join(str(part) for part in path) for path in FIELDS}
    assert "organisation.name" in names
    assert "departments.0.intro" in names
    assert "topics.0.icon" in names
    assert "organisation.support.0.about" in names
    assert len(FIELDS) >= 30


class LiveMarkup(HTMLParser):
    """Collects scripts, event handlers and javascript: URLs that carry a marker."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag == "script"
        for name, value in attrs:
            text = value or ""
            if not re.search(r"zqx\d{3}q", text):
                continue
            if name.startswith("on") or text.strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={text!r}>")
            elif tag == "script":
                self.found.append(f"<script {name}={text!r}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and re.search(r"zqx\d{3}q", data):
            self.found.append(f"<script>{data.strip()[:80]}</script>")


def live_markup(site: Path) -> dict[str, list[str]]:
    """Every HTML file under ``site`` with the live markup carrying a marker."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        parser = LiveMarkup()
        parser.feed(page.read_text(encoding="utf-8"))
        if parser.found:
            found[page.relative_to(site).as_posix()] = parser.found
    return found


def test_the_detector_finds_live_markup(tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text(
        "<p>zqx001q</p><script>zqx002q()</script><img src=x onerror='zqx003q()'>"
        "<a href=' JavaScript:zqx004q()'>x</a><a href='#zqx005q'>safe</a>",
        encoding="utf-8",
    )
    assert len(live_markup(tmp_path)["page.html"]) == 3


def hostile_config(payloads: list[str], folder: Path) -> tuple[Path, list[KeyPath]]:
    """A config with a hostile value in every field that accepts one; and those fields."""
    data, accepted = BASE, []
    config = folder / "organisation.yaml"
    for index, (path, payload) in enumerate(zip(FIELDS, payloads, strict=False)):
        candidate = with_value(data, path, payload.format(m=marker(index)))
        config.write_text(yaml.safe_dump(candidate, allow_unicode=True), encoding="utf-8")
        try:
            load(config)
        except ConfigError:
            continue  # refused at load: this value can never reach a page
        data = candidate
        accepted.append(path)
    config.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return config, accepted


# No shrinking: each example is a whole site build; the markers already name the field.
@settings(
    max_examples=4,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
@given(payloads=st.lists(st.sampled_from(PAYLOADS), min_size=len(FIELDS), max_size=len(FIELDS)))
def test_no_config_string_becomes_live_html(payloads: list[str], tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    config, accepted = hostile_config(payloads, folder)
    assert accepted, "every field refused every payload: the fuzz would test nothing"
    tree = render_tree(load(config))
    # The PDFs' bytes do not matter here, only that the pages' links to them resolve.
    tree |= {path.removesuffix(".html") + ".pdf": b"" for path in tree if "/printables/" in path}
    write_tree(tree, folder / "src")
    site = build_site(folder / "src")
    found = live_markup(site)
    leaked = sorted(set(re.findall(r"zqx(\d{3})q", repr(found))))
    fields = [".".join(map(str, FIELDS[int(n)])) for n in leaked]
    assert found == {}, f"live markup from the config fields {fields}"
