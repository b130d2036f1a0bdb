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


def warnings_of(write_config, text):
    return design_warnings(plan_program(load(write_config(text))))


def test_a_department_with_more_focus_areas_than_topic_sessions(runner, write_config):
    # Sales: 3 sessions are a kick-off, a topic session and a wrap-up, for 2 focus areas.
    text = MINIMAL.replace(
        "    focus_areas: [customer-perspective]\n",
        "    focus_areas: [customer-perspective, work-life]\n",
    )
    (warning,) = [w for w in warnings_of(write_config, text) if w.code == "unused-focus-areas"]
    assert warning.key_path == ("departments", 1, "focus_areas")
    assert warning.message == (
        "Sales lists 2 focus areas but only 1 of its 3 sessions takes up a topic, so "
        "'work-life' gets no session; add 1 session, or drop from focus_areas what you can do "
        "without (sessions take them up in the order listed, so put first what matters most)"
    )
    result = runner.invoke(main, ["validate", str(write_config(text))])
    assert result.exit_code == 0
    assert ":15:5: departments[1].focus_areas: Sales lists 2 focus areas" in result.output
    assert "to accept it: add 'unused-focus-areas' to accept_warnings" in result.output


def test_unused_focus_areas_of_the_defaults_are_one_warning(write_config):
    # Four sessions take up two topics; the third focus area is never reached.
    text = MINIMAL.replace(
        "  focus_areas: [technology, social-media]\n",
        "  focus_areas: [technology, social-media, innovation]\n",
    )
    found = [w for w in warnings_of(write_config, text) if w.code == "unused-focus-areas"]
    assert [(w.key_path, w.message.split(";")[0]) for w in found] == [
        (
            ("program", "focus_areas"),
            "the program lists 3 focus areas but only 2 of its 4 sessions take up a topic, so "
            "'innovation' gets no session",
        )
    ]


def test_fewer_sessions_than_the_inherited_focus_areas_point_at_sessions(write_config):
    # Research keeps the two default focus areas but runs 2 sessions: a kick-off and a wrap-up.
    text = MINIMAL.replace("  - name: Research\n", "  - name: Research\n    sessions: 2\n")
    found = [w for w in warnings_of(write_config, text) if w.code == "unused-focus-areas"]
    assert [(w.key_path, w.message.split("; ")[1]) for w in found] == [
        (
            ("departments", 0, "sessions"),
            "add 2 sessions, or drop from focus_areas what you can do without (sessions take "
            "them up in the order listed, so put first what matters most)",
        )
    ]
    assert found[0].message.startswith(
        "Research lists 2 focus areas but none of its 2 sessions takes up a topic, so "
        "'technology' and 'social-media' get no session"
    )


def test_unused_focus_areas_can_be_accepted(write_config):
    text = MINIMAL.replace(
        "    focus_areas: [customer-perspective]\n",
        "    focus_areas: [customer-perspective, work-life]\n"
        "    accept_warnings: [few-sessions, no-midpoint, unused-focus-areas]\n",
    )
    assert warnings_of(write_config, text) == []
