"""The model: each program setting is declared once, on Program; departments derive theirs."""

from __future__ import annotations

import re

import pytest

from generator.config.load import INHERITED, load
from generator.config.model import Config, Department, Program
from generator.errors import ConfigError


def test_department_overrides_are_the_program_settings_made_optional():
    assert tuple(Program.model_fields) == INHERITED
    for name, setting in Program.model_fields.items():
        override = Department.model_fields[name]
        assert override.default is None, name
        assert override.description == setting.description, name


def test_schema_describes_a_department_setting_as_the_program_does():
    schema = Config.model_json_schema(by_alias=True)["$defs"]
    program, department = schema["Program"]["properties"], schema["Department"]["properties"]
    for name, setting in program.items():
        assert department[name]["description"] == setting["description"], name


def config_text(program: dict[str, str], department: dict[str, str]) -> str:
    settings = {"start": "2027-03-01", **program}
    return (
        "organisation:\n"
        "  name: Acme Analytics\n"
        "  program: Reverse Up\n"
        "  sponsor: {name: Ada Lovelace, title: CEO}\n"
        "  lead: {name: Lee Park, email: lead@acme.example}\n"
        "program:\n"
        + "".join(f"  {key}: {value}\n" for key, value in settings.items())
        + "departments:\n"
        "  - name: Research\n"
        + "".join(f"    {key}: {value}\n" for key, value in department.items())
    )


def problem(write_config, text: str, where: str) -> str:
    with pytest.raises(ConfigError) as err:
        load(write_config(text))
    (line,) = err.value.message.splitlines()[1:]
    found = re.search(rf" {re.escape(where)}(?:\[\d+\])*: (.*)$", line)
    assert found, line
    return found.group(1)


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("start", "1999-12-31", "expected a date between 2000-01-01 and 2099-12-31, got"),
        ("sessions", "0", "expected a number of at least 1, got 0"),
        ("sessions", "53", "expected a number of at most 52, got 53"),
        ("session_minutes", "10", "expected a number of at least 15, got 10"),
        ("cadence", "daily", "expected 'weekly', 'fortnightly', 'monthly' or 'every N weeks'"),
        ("session_time", "'25:00'", "expected a 24-hour time like '10:30', got '25:00'"),
        ("focus_areas", "[]", "expected at least 1 item(s), got a list of 0 item(s)"),
        ("format", "pairs", "expected one of 'one-to-one' or 'group', got 'pairs'"),
        ("blackout_dates", "[someday]", "expected a date like 2027-04-05"),
    ],
)
def test_a_setting_is_checked_alike_in_the_program_and_in_a_department(
    write_config, key: str, value: str, expected: str
):
    in_program = problem(write_config, config_text({key: value}, {}), f"program.{key}")
    in_department = problem(write_config, config_text({}, {key: value}), f"departments[0].{key}")
    assert in_program == in_department
    assert in_program.startswith(expected)
