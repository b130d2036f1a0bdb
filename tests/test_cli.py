import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.cli import TERMINATED, main
from tests.conftest import MINIMAL
from tests.helpers import CHECKOUT, visible_text


def test_validate_ok(runner, write_config):
    path = write_config(MINIMAL.replace("    sessions: 3\n", ""))
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 0
    assert result.output.endswith("OK (2 departments)\n")


def test_validate_reports_located_errors_and_exits_1(runner, write_config):
    path = write_config(MINIMAL.replace("sessions: 4", "sesions: 4"))
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:8:3: program.sesions: unknown key 'sesions'; did you mean 'sessions'?" in (
        result.output
    )
    assert "Traceback" not in result.output


def test_validate_missing_file(runner, tmp_path):
    result = runner.invoke(main, ["validate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 1
    assert "no such file" in result.output


def test_schema_is_json_schema_with_descriptions(runner):
    result = runner.invoke(main, ["schema"])
    schema = json.loads(result.output)
    assert schema["title"] == "Reverse mentoring playbook"
    assert set(schema["required"]) == {"organisation", "program", "departments"}
    program = schema["$defs"]["Program"]["properties"]
    assert program["sessions"]["description"] == "Number of pair sessions."
    assert schema["$defs"]["Program"]["additionalProperties"] is False


def test_committed_schema_is_current(runner):
    committed = Path("playbook/playbook.schema.json").read_text(encoding="utf-8")
    assert runner.invoke(main, ["schema"]).output == committed, (
        "run: playbook schema -o playbook/playbook.schema.json"
    )


def test_example_yaml_points_editors_at_the_schema():
    first = Path("playbook/organisation.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=playbook.schema.json"


def test_init_then_build_outside_the_checkout(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["init", "my-program"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "my-program" / "playbook.schema.json").exists()
    monkeypatch.chdir(tmp_path / "my-program")
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    site = tmp_path / "my-program" / "site"
    assert "Priya Raman" in visible_text(site / "departments" / "sales" / "index.html")
    home = visible_text(site / "index.html")
    assert "Mentor-Up at Northwind Traders" in home
    assert "Dana Whitfield" in home


def test_init_refuses_to_overwrite(runner, tmp_path):
    assert runner.invoke(main, ["init", str(tmp_path)]).exit_code == 0
    result = runner.invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 1
    assert "already exist; use --force" in result.output


def test_init_example_has_three_differing_departments(runner, tmp_path):
    runner.invoke(main, ["init", str(tmp_path)])
    from generator.config.load import load

    playbook = load(tmp_path / "organisation.yaml")
    departments = playbook.departments[:3]
    assert len({d.settings.cadence for d in departments}) == 3
    assert len({d.settings.sessions for d in departments}) == 3
    assert len({d.contact.email for d in departments}) == 3
    assert all(d.intro for d in departments)
    assert len({d.settings.focus_areas for d in departments}) == 3


def test_console_script_runs_without_traceback(tmp_path):
    bad = tmp_path / "organisation.yaml"
    bad.write_text("organisation: [\n")
    exe = shutil.which("playbook", path=os.path.dirname(sys.executable))
    if exe is None:
        pytest.skip("playbook console script not installed")
    done = subprocess.run([exe, "validate", str(bad)], capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.startswith(f"Error: {bad}:2:1: YAML syntax error")
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(
    shutil.which("zensical", path=os.path.dirname(sys.executable)) is None,
    reason="Zensical is not installed",
)
def test_generated_sources_build_unchanged_with_zensical(runner, write_config, tmp_path):
    assert runner.invoke(main, ["build", str(write_config())]).exit_code == 0
    exe = shutil.which("zensical", path=os.path.dirname(sys.executable))
    source = tmp_path / ".playbook-build"
    done = subprocess.run(
        [exe, "build", "-f", str(source / "mkdocs.yml")], capture_output=True, text=True, cwd=source
    )
    assert done.returncode == 0, done.stderr
    assert "Sam Sales" in (source / "site" / "departments" / "sales" / "index.html").read_text()


def _boom() -> str:
    return str(1 / 0)


def test_an_internal_error_is_one_plain_message_and_exit_1(runner, monkeypatch):
    monkeypatch.setattr("generator.cli.schema_json", _boom)
    result = runner.invoke(main, ["schema"])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    lines = result.output.splitlines()
    assert lines[0] == "Error: internal error: ZeroDivisionError: division by zero"
    assert "bug in playbook" in lines[1]
    assert "--verbose" in lines[1]
    assert len(lines) == 2
    assert "Traceback" not in result.output


def test_verbose_lets_an_internal_error_through_with_its_traceback(runner, monkeypatch):
    monkeypatch.setattr("generator.cli.schema_json", _boom)
    result = runner.invoke(main, ["--verbose", "schema"])
    assert result.exit_code == 1
    assert isinstance(result.exception, ZeroDivisionError)


def test_click_keeps_its_own_errors(runner, monkeypatch):
    result = runner.invoke(main, ["build", "--jobs", "0"])
    assert result.exit_code == 2
    assert "Invalid value for '-j' / '--jobs'" in result.output

    def interrupted() -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr("generator.cli.schema_json", interrupted)
    result = runner.invoke(main, ["schema"])
    assert result.exit_code == 1
    assert result.output.strip() == "Aborted!"


INJECT = (
    "import sys, generator.cli as cli\n"
    "def broken():\n"
    "    raise {error}\n"
    "cli.schema_json = broken\n"
    "sys.argv[0] = 'playbook'\n"
    "cli.main()\n"
)


@pytest.mark.parametrize(
    ("error", "verbose", "expected"),
    [
        ("KeyError('site')", False, "Error: internal error: KeyError: 'site'\n"),
        ("KeyError('site')", True, "Traceback (most recent call last):"),
        ("KeyboardInterrupt", False, "\nAborted!\n"),
    ],
)
def test_a_real_process_shows_a_traceback_only_when_asked(error, verbose, expected):
    args = ["--verbose", "schema"] if verbose else ["schema"]
    code = INJECT.format(error=error)
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=CHECKOUT
    )
    assert done.returncode == 1
    assert expected in done.stderr
    assert ("Traceback" in done.stderr) == verbose


def test_sigterm_unwinds_a_command_and_the_handler_is_put_back(runner, monkeypatch):
    cleaned = []

    def terminated() -> str:
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)  # the handler raises before this ends
        finally:
            cleaned.append(True)
        return ""

    before = signal.getsignal(signal.SIGTERM)
    monkeypatch.setattr("generator.cli.schema_json", terminated)
    result = runner.invoke(main, ["schema"])
    assert result.exit_code == TERMINATED == 143
    assert cleaned == [True]
    assert signal.getsignal(signal.SIGTERM) == before


@pytest.mark.parametrize("command", ["schema", "templates"])
def test_output_in_a_missing_folder_is_a_message_naming_it(runner, tmp_path, command):
    target = tmp_path / "missing" / "folder" / "out.txt"
    result = runner.invoke(main, [command, "-o", str(target)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: cannot write {target}: the folder {target.parent} does not exist (make it first)\n"
    )
    assert not (tmp_path / "missing").exists()
    (tmp_path / "file").write_text("x")
    result = runner.invoke(main, [command, "-o", str(tmp_path / "file" / "out.txt")])
    assert result.exit_code == 1
    assert f"the folder {tmp_path / 'file'} is a file, not a folder" in result.output


def test_schema_output_is_written_whole(runner, tmp_path):
    target = tmp_path / "playbook.schema.json"
    result = runner.invoke(main, ["schema", "-o", str(target)])
    assert result.exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "Reverse mentoring playbook"
    assert [p.name for p in tmp_path.iterdir()] == ["playbook.schema.json"]


def test_a_refused_path_is_named_rather_than_called_a_bug(runner, monkeypatch, tmp_path):
    def refused() -> str:
        raise PermissionError(13, "Permission denied", str(tmp_path / "site"))

    monkeypatch.setattr("generator.cli.schema_json", refused)
    result = runner.invoke(main, ["schema"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"Error: {tmp_path / 'site'}: Permission denied"
    assert "--verbose" in lines[1]
    assert "internal error" not in result.output
