"""reference: the template reference (docs/templates.md), generated from the code it describes.

It lists the names each template sees (the typed context in ``context``), the fields of every
object reached from them, the filters, and the blocks each built-in template defines for an
override to replace. ``playbook templates`` writes it; a test keeps the committed copy equal to
what this module makes, so the reference cannot drift from the code. Same code, same text.
"""

from __future__ import annotations

import dataclasses
import inspect
import re
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, NotRequired, Union, get_args, get_origin

import jinja2
from jinja2 import nodes
from markupsafe import Markup
from pydantic import BaseModel

from generator.render import context as ctx
from generator.render.environment import make_environment
from generator.render.filters import FILTERS
from generator.resources import builtin_templates_dir

COMMAND = "playbook templates -o docs/templates.md"


@dataclass(frozen=True)
class Names:
    """One set of names templates see: the TypedDict, the one it adds to, and their docs."""

    heading: str
    typed: Any
    base: Any
    docs: dict[str, str]
    intro: str


NAMES = (
    Names(
        "Every template",
        ctx.SiteContext,
        None,
        ctx.SITE_CONTEXT_DOCS,
        "Every site page, every printable and `site/mkdocs.yml` see these.",
    ),
    Names(
        "On site/department.md",
        ctx.DepartmentPageContext,
        ctx.SiteContext,
        ctx.DEPARTMENT_PAGE_DOCS,
        "A department's page (one per department) sees every template's names, and:",
    ),
    Names(
        "On site/evaluation-results.md",
        ctx.ResultsPageContext,
        ctx.SiteContext,
        ctx.RESULTS_PAGE_DOCS,
        "The results page, made only with `evaluation.publish_aggregates`, adds:",
    ),
    Names(
        "Every print template",
        ctx.PrintContext,
        ctx.SiteContext,
        ctx.PRINT_CONTEXT_DOCS,
        "Every printable and the booklet see every template's names, and:",
    ),
    Names(
        "Each printable",
        ctx.DocumentContext,
        ctx.PrintContext,
        ctx.DOCUMENT_CONTEXT_DOCS,
        "Each printable's template (worksheets, agreement, agendas, feedback forms) adds:",
    ),
    Names(
        "On print/booklet.html",
        ctx.BookletContext,
        ctx.PrintContext,
        ctx.BOOKLET_CONTEXT_DOCS,
        "The booklet binds a department's printables together; it adds:",
    ),
)

#: Types templates read as plain values, in the words a template author uses.
PLAIN: dict[Any, str] = {
    str: "text",
    int: "number",
    float: "number",
    bool: "true or false",
    date: "date",
    Markup: "HTML",
    Any: "anything",
    type(None): "none",
}


@dataclass(frozen=True)
class Row:
    """One line of a table: a name or field, its type and what it is."""

    name: str
    type: Any
    doc: str


def anchor(heading: str) -> str:
    """The id GitHub (and most Markdown renderers) give a heading."""
    kept = re.sub(r"[^\w\- ]", "", heading.lower())
    return kept.replace(" ", "-")


def first_line(text: str | None) -> str:
    """A docstring's first paragraph on one line, with Markdown code marks."""
    paragraph = (text or "").strip().split("\n\n")[0]
    return " ".join(paragraph.split()).replace("``", "`")


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|")


def type_text(tp: Any, objects: list[type]) -> str:
    """A type as a template author reads it: ``list of Session``, ``text or none``."""
    origin, args = get_origin(tp), get_args(tp)
    if origin in (typing.Annotated, NotRequired):
        return type_text(args[0], objects)
    if origin in (Union, types.UnionType):
        some = [a for a in args if a is not type(None)]
        text = " or ".join(type_text(a, objects) for a in some)
        return f"{text} or none" if len(some) < len(args) else text
    if origin is Literal:
        return " or ".join(repr(a) for a in args)
    if origin is list or (origin is tuple and args[-1:] == (...,)):
        return f"list of {type_text(args[0], objects)}"
    if origin is tuple:
        return "(" + ", ".join(type_text(a, objects) for a in args) + ")"
    if origin is dict:
        key, value = (type_text(a, objects) for a in args)
        return f"mapping of {key} to {value}"
    if tp in PLAIN:
        return PLAIN[tp]
    if tp in objects:
        return f"[{tp.__name__}](#{anchor(tp.__name__)})"
    return getattr(tp, "__name__", str(tp))


def classes_in(tp: Any) -> Iterator[type]:
    """The classes a type names, its arguments included."""
    if isinstance(tp, type) and not get_args(tp):
        yield tp
    for arg in get_args(tp):
        yield from classes_in(arg)


def is_object(cls: type) -> bool:
    """An object with fields worth a section: a dataclass or a config model."""
    return dataclasses.is_dataclass(cls) or issubclass(cls, BaseModel)


def name_rows(names: Names) -> list[Row]:
    """The names a set adds to its base, in the TypedDict's order, each with its doc."""
    hints = typing.get_type_hints(names.typed, include_extras=True)
    inherited = typing.get_type_hints(names.base) if names.base is not None else {}
    own = [name for name in hints if name not in inherited]
    if set(own) != set(names.docs):
        msg = f"{names.typed.__name__}: names and docs differ: {sorted(set(own) ^ set(names.docs))}"
        raise ValueError(msg)
    return [Row(name, hints[name], names.docs[name]) for name in own]


def field_doc(cls: type, name: str, meta: typing.Mapping[str, Any]) -> str:
    """A dataclass field's doc: its ``doc`` metadata, else the docs kept for its class (or the
    config model describing it), looked up along the class's bases."""
    if "doc" in meta:
        return str(meta["doc"])
    for klass in cls.__mro__:
        if name in ctx.OBJECT_DOCS.get(klass, {}):
            return ctx.OBJECT_DOCS[klass][name]
        model = ctx.DESCRIBED_BY.get(klass)
        if model is not None and name in model.model_fields:
            return model.model_fields[name].description or ""
    return ""


def object_rows(cls: type) -> list[Row]:
    """Every field of a dataclass or config model, then its properties and ``[key]``."""
    if issubclass(cls, BaseModel):
        fields = cls.model_fields.items()
        return [Row(name, f.annotation, f.description or "") for name, f in fields]
    hints = typing.get_type_hints(cls, include_extras=True)
    rows = [
        Row(f.name, hints[f.name], field_doc(cls, f.name, f.metadata))
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
    ]
    for name in sorted(dir(cls)):
        member = getattr(cls, name)
        if not name.startswith("_") and isinstance(member, property) and member.fget:
            rows.append(Row(name, _returns(member.fget), first_line(member.fget.__doc__)))
    if "__getitem__" in vars(cls):
        getitem = vars(cls)["__getitem__"]
        rows.append(Row("[key]", _returns(getitem), first_line(getitem.__doc__)))
    return rows


def _returns(function: Callable[..., Any]) -> Any:
    return typing.get_type_hints(function).get("return", Any)


def reached_objects() -> list[type]:
    """Every object templates reach from their names, in the order a reader meets them."""
    queue = [row.type for names in NAMES for row in name_rows(names)]
    found: list[type] = []
    while queue:
        for cls in classes_in(queue.pop(0)):
            if cls not in found and is_object(cls):
                found.append(cls)
                queue.extend(row.type for row in object_rows(cls))
    return found


def table(rows: list[Row], first: str, objects: list[type]) -> list[str]:
    """A Markdown table of rows: name, type, what."""
    lines = [f"| {first} | type | what |", "|---|---|---|"]
    for row in rows:
        name, kind = f"`{row.name}`", cell(type_text(row.type, objects))
        lines.append(f"| {name} | {kind} | {cell(row.doc)} |")
    return lines


def names_section(objects: list[type]) -> list[str]:
    lines = ["## Names", ""]
    for names in NAMES:
        lines += [f"### {names.heading}", "", names.intro, ""]
        lines += [*table(name_rows(names), "name", objects), ""]
    return lines


def objects_section(objects: list[type]) -> list[str]:
    lines = [
        "## Objects",
        "",
        "The fields of every object templates reach from the names above "
        "(`{{ department.contact.email }}`, `{% for session in department.schedule %}`).",
        "",
    ]
    for cls in objects:
        lines += [f"### {cls.__name__}", "", first_line(cls.__doc__)]
        label = getattr(cls, "template_name", None)
        if isinstance(label, str):
            lines[-1] += f" Error messages call it *{label}*."
        rows = object_rows(cls)
        parent = next((base for base in cls.__mro__[1:] if base in objects), None)
        if parent is not None:
            inherited = {row.name for row in object_rows(parent)}
            rows = [row for row in rows if row.name not in inherited]
            link = type_text(parent, objects)
            lines += ["", f"Everything a {link} has, and:"]
        lines += ["", *table(rows, "field", objects), ""]
    return lines


def filters_section() -> list[str]:
    lines = [
        "## Filters",
        "",
        "Besides [Jinja's built-in filters]"
        "(https://jinja.palletsprojects.com/en/stable/templates/#list-of-builtin-filters):",
        "",
        "| filter | what |",
        "|---|---|",
    ]
    for name, function in FILTERS.items():
        params = list(inspect.signature(function).parameters.values())[1:]
        args = [p.name if p.default is p.empty else f"{p.name}={p.default!r}" for p in params]
        usage = f"value | {name}" + (f"({', '.join(args)})" if args else "")
        lines.append(f"| `{cell(usage)}` | {cell(first_line(function.__doc__))} |")
    return [*lines, ""]


def sees(template: str) -> str:
    """Which names a built-in template sees, as links to their sections."""
    every, printed = (f"[{n.heading.lower()}](#{anchor(n.heading)})" for n in NAMES[::3])
    own = {f"{n.heading.removeprefix('On ')}": n for n in NAMES}
    if "/partials/" in template:
        return "only what its macros are given (it is imported)"
    if template == "report/status.html":
        return "the cohort status's own names (`playbook status`)"
    if template.startswith("report/"):
        return "the evaluation report's own names (`playbook collect`)"
    if template.startswith("mail/"):
        return "the message's own names (`playbook outbox`)"
    if template in ("print/base.html", "print/print.css"):
        return "what the printable or booklet it is part of sees"
    if template.startswith("print/"):
        extra = own.get(template, NAMES[4])
        return f"{every}, {printed}, [{extra.heading.lower()}](#{anchor(extra.heading)})"
    if template in own:
        return f"{every}, [its own](#{anchor(own[template].heading)})"
    return every


def template_rows(env: jinja2.Environment) -> list[tuple[str, str, list[str], list[str]]]:
    """Each built-in template: its name, what it extends, the blocks and macros it defines."""
    root = builtin_templates_dir()
    rows = []
    for name in sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()):
        tree = env.parse((root / name).read_text(encoding="utf-8"), name)
        extends = tree.find(nodes.Extends)
        parent = ""
        if extends is not None and isinstance(extends.template, nodes.Const):
            parent = str(extends.template.value)
        blocks = [block.name for block in tree.find_all(nodes.Block)]
        rows.append((name, parent, blocks, [macro.name for macro in tree.find_all(nodes.Macro)]))
    return rows


def templates_section(env: jinja2.Environment) -> list[str]:
    lines = [
        "## Built-in templates and their blocks",
        "",
        "An override of the same name replaces a template; one that extends "
        '`"!default/<name>"` keeps it and replaces only the blocks it names.',
        "",
        "| template | extends | blocks | sees |",
        "|---|---|---|---|",
    ]
    for name, parent, blocks, macros in template_rows(env):
        named = ", ".join(f"`{block}`" for block in blocks) or "none"
        if macros:
            named += "; macros " + ", ".join(f"`{macro}`" for macro in macros)
        extends = f"`{parent}`" if parent else ""
        lines.append(f"| `{name}` | {extends} | {named} | {sees(name)} |")
    return [*lines, ""]


def reference_markdown() -> str:
    """The whole reference, as Markdown."""
    objects = reached_objects()
    lines = [
        "# What templates see",
        "",
        f"<!-- Generated by `{COMMAND}` from the code; edit the code, not this file. -->",
        "",
        "Every page of the site and every printable comes from a Jinja template in "
        "[`templates/`](../templates). This reference lists the names each template can use, "
        "the fields of the objects behind them, the filters, and the blocks each built-in "
        "template defines for an override to replace (see *Overriding a template* in the "
        "[README](../README.md#overriding-a-template)).",
        "",
        "A name or field that does not exist fails the build with the template's file and line "
        "and the closest name: `department has no attribute 'nmae'; did you mean 'name'?`.",
        "",
        *names_section(objects),
        *objects_section(objects),
        *filters_section(),
        *templates_section(make_environment(None)),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"
