"""A template that names something missing fails the build with a message a template author
can act on: the name, the template file and line, never a Python class name."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.config.model import Contact
from generator.errors import TemplateError
from generator.program.schedule import CohortEvent
from generator.render.environment import REFERENCE, describe, make_environment, render_template

#: Words that would mean a message leaked Python instead of speaking of the template.
PYTHON_WORDS = ("DepartmentView", "ProgramView", "object", "generator.", "Traceback", "jinja2")


def build_with_override(
    write_config: Callable[..., Path], runner: CliRunner, name: str, text: str
) -> str:
    """Build the minimal config with ``text`` as the user's template ``name``; the output,
    with the temporary folder's path taken out, after asserting the build failed."""
    config = write_config()
    override = config.parent / "templates" / name
    override.parent.mkdir(parents=True)
    override.write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["build", str(config)])
    assert result.exit_code == 1, result.output
    assert not (config.parent / "site").exists()
    output = result.output.replace(str(override), f"<{name}>")
    for word in PYTHON_WORDS:
        assert word not in output, output
    return output


def test_a_misspelt_attribute_in_an_override_names_it_and_the_line(
    write_config: Callable[..., Path], runner: CliRunner
):
    text = (
        '{% extends "!default/site/department.md" %}\n'
        "{% block intro %}\n"
        "Welcome to {{ org.program | md }}.\n"
        "Ask {{ department.nmae | md }} anything.\n"
        "{% endblock %}\n"
    )
    output = build_with_override(write_config, runner, "site/department.md", text)
    assert (
        "Error: template <site/department.md>:4: department has no attribute 'nmae'; "
        "did you mean 'name'?"
    ) in output


def test_an_unknown_name_in_an_override_names_it_and_the_line(
    write_config: Callable[..., Path], runner: CliRunner
):
    text = "# {{ department.name | md }}\n\n{{ nosuch }}\n"
    output = build_with_override(write_config, runner, "site/department.md", text)
    assert "Error: template <site/department.md>:3: 'nosuch' is undefined" in output
    assert "`playbook templates` lists what each template can use" in output


def test_a_print_override_names_the_object_as_templates_see_it(
    write_config: Callable[..., Path], runner: CliRunner
):
    text = '{% extends "!default/print/agenda.html" %}\n{% block body %}\n{{ session.titel }}\n'
    text += "{% endblock %}\n"
    output = build_with_override(write_config, runner, "print/agenda.html", text)
    expected = "this session has no attribute 'titel'; did you mean 'title'?"
    assert f"Error: template <print/agenda.html>:3: {expected}" in output


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{ rows[3] }}", "this list has no item 3"),
        ("{{ table.nope }}", "this mapping has no key 'nope'"),
        ("{{ table.colour }}", "this mapping has no key 'colour'; did you mean 'color'?"),
        ("{{ nothing.title }}", "none (an empty value) has no attribute 'title'"),
        ("{{ event.titel }}", "this cohort event has no attribute 'titel'; did you mean 'title'?"),
        ("{{ text.size }}", "this text has no attribute 'size'"),
    ],
)
def test_messages_speak_of_template_values(source: str, message: str, tmp_path: Path):
    env = make_environment(tmp_path)
    (tmp_path / "page.md").write_text(f"\n{source}\n", encoding="utf-8")
    lead = Contact(name="Lee Park", email="lead@acme.example")
    event = CohortEvent(
        "celebration", dt.date(2027, 6, 1), "Celebration", "Everyone", 60, "10:00", lead
    )
    values = {"rows": [1], "table": {"color": 1}, "nothing": None, "event": event, "text": "x"}
    with pytest.raises(TemplateError) as caught:
        render_template(env, "page.md", **values)
    where = tmp_path / "page.md"
    assert caught.value.message == f"template {where}:2: {message} ({REFERENCE})"


def test_a_context_object_is_named_by_its_template_name():
    class Row:
        template_name = "calendar row"

    assert describe(Row()) == "calendar row"
    assert describe(jinja2.Environment()) == "this environment"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{ 1 / 0 }}", ":2: division by zero (ZeroDivisionError)"),
        ("{{ [].pop() }}", ":2: pop from empty list (IndexError)"),
        ("{{ {}.popitem() }}", ":2: 'popitem(): dictionary is empty' (KeyError)"),
        ("{{ none.x.y }}", ":2: none (an empty value) has no attribute 'x'"),
        ('{% include "page.md" %}', ":2: the template includes, extends or calls itself"),
        ('{% extends "page.md" %}', ":2: the template includes, extends or calls itself"),
        (
            "{% macro down(n) %}{{ down(n + 1) }}{% endmacro %}{{ down(0) }}",
            ":2: the template includes, extends or calls itself",
        ),
        ('{{ "%d" % "x" }}', ":2: %d format: a real number is required, not str"),
    ],
)
def test_any_python_error_in_a_template_names_the_file_and_line(
    source: str, message: str, tmp_path: Path
):
    (tmp_path / "page.md").write_text(f"\n{source}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        render_template(make_environment(tmp_path), "page.md", none=None)
    assert caught.value.message.startswith(f"template {tmp_path / 'page.md'}{message}")


def test_a_python_error_in_an_override_fails_the_build_with_a_message(
    write_config: Callable[..., Path], runner: CliRunner
):
    text = '{% extends "!default/site/department.md" %}\n{% block intro %}\n{{ 1 / 0 }}\n'
    text += "{% endblock %}\n"
    output = build_with_override(write_config, runner, "site/department.md", text)
    assert "Error: template <site/department.md>:3: division by zero (ZeroDivisionError)" in output
    assert "internal error" not in output
