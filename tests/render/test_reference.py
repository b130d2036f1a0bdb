"""The template reference (docs/templates.md) is what the code says, and says all of it."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import get_type_hints

from click.testing import CliRunner

from generator.cli import main
from generator.render import context as ctx
from generator.render.filters import FILTERS
from generator.render.reference import (
    COMMAND,
    NAMES,
    anchor,
    name_rows,
    object_rows,
    reached_objects,
    reference_markdown,
    type_text,
)
from generator.resources import builtin_templates_dir

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "docs" / "templates.md"
BLOCK = re.compile(r"{%-?\s*block\s+(\w+)")


def test_the_committed_reference_is_the_generated_one():
    result = CliRunner().invoke(main, ["templates"])
    assert result.exit_code == 0, result.output
    assert COMMITTED.read_text(encoding="utf-8") == result.output, f"run: {COMMAND}"


def test_every_name_and_department_field_is_in_the_reference():
    text = reference_markdown()
    names = [*get_type_hints(ctx.SiteContext), *get_type_hints(ctx.DocumentContext)]
    names += [*get_type_hints(ctx.BookletContext), "results"]
    fields = [f.name for f in dataclasses.fields(ctx.DepartmentView)]
    missing = [name for name in names + fields if f"| `{name}` |" not in text]
    assert missing == []


def test_every_block_of_every_built_in_template_is_in_the_reference():
    text = reference_markdown()
    root = builtin_templates_dir()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        name = path.relative_to(root).as_posix()
        row = next(line for line in text.splitlines() if line.startswith(f"| `{name}` |"))
        for block in BLOCK.findall(path.read_text(encoding="utf-8")):
            assert f"`{block}`" in row, (name, block)
    assert "| `site/department.md` |  | `intro`, `at_a_glance`, `focus`," in text
    assert "| `print/agenda.html` | `print/base.html` | `body` |" in text


def test_every_name_field_and_filter_has_its_doc():
    undocumented = [
        f"{names.typed.__name__}.{row.name}"
        for names in NAMES
        for row in name_rows(names)
        if not row.doc
    ]
    undocumented += [
        f"{cls.__name__}.{row.name}"
        for cls in reached_objects()
        for row in object_rows(cls)
        if not row.doc
    ]
    undocumented += [name for name, function in FILTERS.items() if not function.__doc__]
    assert undocumented == [], "document them in generator/render/context.py"


def test_settings_read_as_templates_see_them():
    rows = {row.name: row for row in object_rows(ctx.ProgramView)}
    objects = reached_objects()
    assert type_text(rows["cadence"].type, objects) == "[Cadence](#cadence)"
    assert "`.weeks`" in rows["cadence"].doc
    assert type_text(rows["focus_areas"].type, objects) == "list of [Topic](#topic)"
    assert rows["sessions"].doc == "Number of pair sessions."  # the config model's description
    assert "blackout_dates" in rows["blackouts"].doc


def test_links_point_at_sections_that_exist():
    text = reference_markdown()
    headings = {anchor(line.lstrip("#").strip()) for line in text.splitlines() if line[:1] == "#"}
    targets = set(re.findall(r"\]\(#([\w-]+)\)", text))
    assert targets - headings == set()
    assert {"departmentview", "every-print-template", "on-sitedepartmentmd"} <= targets
