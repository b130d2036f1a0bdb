from generator.cli import main
from generator.config.load import load
from generator.program.checks import design_warnings
from generator.program.plan import plan_program
from tests.conftest import MINIMAL


def codes(write_config, text):
    return [(w.code, w.key_path) for w in design_warnings(plan_program(load(write_config(text))))]


def test_good_design_has_no_warnings(write_config):
    assert codes(write_config, MINIMAL.replace("    sessions: 3\n", "")) == []


def test_few_sessions_and_no_midpoint_for_a_department(write_config):
    # Sales runs 3 sessions: too few, and too short for a mid-point session.
    assert codes(write_config, MINIMAL) == [
        ("few-sessions", ("departments", 1, "sessions")),
        ("no-midpoint", ("departments", 1, "sessions")),
    ]


def test_each_design_rule(write_config):
    text = (
        MINIMAL.replace("    sessions: 3\n", "")
        .replace(
            "  cadence: weekly\n",
            "  cadence: every 8 weeks\n  sessions: 12\n  session_minutes: 120\n"
            "  cohort: {training: false}\n  agreement: false\n",
        )
        .replace("  sessions: 4\n", "")
    )
    assert [code for code, _ in codes(write_config, text)] == [
        "long-sessions",
        "no-training",
        "no-agreement",
        "long-program",
    ]


def test_accepted_warnings_are_silent(write_config):
    text = MINIMAL.replace(
        "    sessions: 3\n", "    sessions: 3\n    accept_warnings: [few-sessions, no-midpoint]\n"
    )
    assert codes(write_config, text) == []


def test_unknown_warning_code_is_an_error(runner, write_config):
    path = write_config(MINIMAL.replace("    sessions: 3\n", "    accept_warnings: [few]\n"))
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert "departments[1].accept_warnings[0]: expected one of 'few-sessions'" in result.output


def test_validate_prints_located_warnings_and_exits_0(runner, write_config):
    path = write_config()
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 0
    assert f"Warning: {path}:14:5: departments[1].sessions: 3 session(s) is fewer than 4" in (
        result.output
    )
    assert "why it matters: trust takes a few meetings" in result.output
    assert "to accept it: add 'few-sessions' to accept_warnings" in result.output
    assert "OK (2 departments, 2 design warning(s))" in result.output
