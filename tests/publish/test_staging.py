import contextlib
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from generator.cli import TERMINATED
from generator.commands.build import build
from generator.errors import BuildError, ConfigError, TemplateError
from generator.publish.files import write_tree
from generator.publish.staging import MARKER, build_site
from tests.conftest import MINIMAL
from tests.helpers import CHECKOUT, playbook_command, snapshot, visible_text


def test_build_makes_a_site_with_department_content(write_config, tmp_path: Path):
    site = build(write_config())
    assert site == tmp_path / "site"
    text = visible_text(site / "departments" / "sales" / "index.html")
    assert "3 sessions, weekly" in text
    assert "Sam Sales" in text
    assert "Monday 15 March 2027" in text
    assert (site / MARKER).exists()
    assert (tmp_path / ".playbook-build" / "mkdocs.yml").exists()


def test_same_config_gives_same_bytes(write_config, tmp_path: Path):
    config = write_config()
    first = snapshot(build(config, tmp_path / "one"))
    second = snapshot(build(config, tmp_path / "two"))
    assert first == second


def test_failed_build_keeps_the_previous_site(write_config, tmp_path: Path):
    config = write_config()
    site = build(config)
    before = snapshot(site)
    write_config(MINIMAL.replace("sessions: 4", "sessions: lots"))
    with pytest.raises(ConfigError):
        build(config)
    (tmp_path / "templates" / "site").mkdir(parents=True)
    (tmp_path / "templates" / "site" / "index.md").write_text("{{ broken")
    write_config()
    with pytest.raises(TemplateError):
        build(config)
    assert snapshot(site) == before
    assert not (tmp_path / ".playbook-build.tmp").exists()


def test_failed_site_engine_keeps_the_previous_site(write_config, tmp_path: Path):
    config = write_config()
    site = build(config)
    before = snapshot(site)
    (tmp_path / "templates" / "site").mkdir(parents=True)
    (tmp_path / "templates" / "site" / "index.md").write_text("[broken](missing-page.md)\n")
    with pytest.raises(BuildError, match="site engine failed"):
        build(config)
    assert snapshot(site) == before


def test_refuses_to_replace_a_folder_it_did_not_build(write_config, tmp_path: Path):
    precious = tmp_path / "site"
    precious.mkdir()
    (precious / "thesis.docx").write_text("years of work")
    with pytest.raises(BuildError, match="not empty and was not built by playbook"):
        build(write_config())
    assert (precious / "thesis.docx").read_text() == "years of work"


def test_refuses_an_output_that_holds_the_config(write_config, tmp_path: Path):
    with pytest.raises(BuildError, match="is the config's folder"):
        build(write_config(), tmp_path)


def test_write_tree_refuses_paths_outside_the_root(tmp_path: Path):
    with pytest.raises(BuildError, match="points outside"):
        write_tree({"../escape.md": "x"}, tmp_path / "root")
    assert not (tmp_path / "escape.md").exists()


def test_example_site_has_no_leftover_placeholders(example_site: Path):
    site = example_site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 18
    for page in pages:
        text = visible_text(page)
        for leftover in ("TODO", "{{", "{%", "lorem", "placeholder", "being written"):
            assert leftover not in text, f"{leftover!r} in {page.relative_to(site)}"


HOOK_RAISES = "def on_page_markdown(markdown, **kwargs):\n    return markdown + str(1 / 0)\n"


@pytest.mark.parametrize(
    ("hook", "message"),
    [
        (HOOK_RAISES, "hook.py:2: division by zero (ZeroDivisionError)"),
        ("import no_such_module_here\n", "hook.py:1: No module named 'no_such_module_here'"),
        ("def on_config(config:\n", "hook.py:1: "),
        (
            "def on_post_build(config, **kwargs):\n    raise RuntimeError('stop')\n",
            "hook.py:2: stop (RuntimeError)",
        ),
    ],
)
def test_a_failing_mkdocs_hook_is_named(tmp_path: Path, hook: str, message: str):
    (tmp_path / "hook.py").write_text(hook, encoding="utf-8")
    source = tmp_path / "source"
    write_tree(
        {
            "docs/index.md": "# Home\n",
            "mkdocs.yml": f"site_name: x\nhooks: [{tmp_path / 'hook.py'}]\n",
        },
        source,
    )
    with pytest.raises(BuildError) as caught:
        build_site(source)
    assert caught.value.message.startswith(f"the site engine failed: {tmp_path}/{message}")


def test_a_failing_mkdocs_hook_keeps_the_previous_site(write_config, tmp_path: Path):
    config = write_config()
    site = build(config, jobs=1)
    before = snapshot(site)
    (tmp_path / "hook.py").write_text(HOOK_RAISES, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"theme:\n  name: material\nhooks:\n  - {tmp_path / 'hook.py'}\n", encoding="utf-8"
    )
    write_config(MINIMAL.replace("no-such-settings.yml", "mkdocs.yml"))
    with pytest.raises(BuildError, match="hook.py:2: division by zero"):
        build(config, jobs=1)
    assert snapshot(site) == before
    assert not (tmp_path / ".playbook-build.tmp").exists()


@pytest.mark.parametrize(
    ("stop", "status", "says"),
    [
        # what a service manager or CI runner sends to the process
        (lambda p: p.send_signal(signal.SIGTERM), TERMINATED, ""),
        # Ctrl-C at a terminal: SIGINT to the whole process group, PDF workers included
        (lambda p: os.killpg(p.pid, signal.SIGINT), 1, "Aborted!"),
    ],
    ids=["sigterm", "ctrl-c"],
)
def test_a_stopped_build_removes_staging_and_keeps_the_previous_site(
    write_config, tmp_path: Path, stop, status: int, says: str
):
    config = write_config()
    site = build(config, tmp_path / "site", jobs=1, cache=False)
    before = snapshot(site)
    staging = tmp_path / ".playbook-build.tmp"
    command = playbook_command("build", str(config), "-o", str(site), "-j", "2", "--no-cache")
    process = subprocess.Popen(
        command,
        cwd=CHECKOUT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal gives a command
    )
    try:
        deadline = time.monotonic() + 60
        while not any(staging.glob("docs/printables/*/*.pdf")):  # PDFs are being laid out
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the build never made a PDF"
            time.sleep(0.02)
        stop(process)
        _, stderr = process.communicate(timeout=60)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == status, stderr
    assert says in stderr
    assert "Traceback" not in stderr
    assert not staging.exists()
    time.sleep(0.5)  # a PDF worker left running would write into staging now
    assert not staging.exists()
    assert snapshot(site) == before
