import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest

from generator.cli import TERMINATED, main
from generator.commands.build import render_tree
from generator.commands.serve import refresh_pdfs, regenerate, watch_list, watched_files
from generator.config.load import load
from generator.errors import TemplateError
from generator.publish.cache import PdfCache
from generator.publish.files import write_tree
from generator.publish.pdf import PdfRun
from tests.conftest import MINIMAL
from tests.helpers import CHECKOUT, playbook_command


def test_regenerate_writes_only_changes_and_drops_stale_pages(write_config, tmp_path):
    config = write_config()
    root = tmp_path / "preview"
    write_tree(render_tree(load(config)), root)
    assert regenerate(config, root) == 0
    write_config(MINIMAL.replace("- name: Research", "- name: Research Lab"))
    assert regenerate(config, root) >= 3  # new page, home, overview, mkdocs.yml; old page gone
    assert (root / "docs/departments/research-lab.md").exists()
    assert not (root / "docs/departments/research.md").exists()


def test_watch_list_covers_config_and_templates(write_config, tmp_path):
    config = write_config()
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "x.md").write_text("x")
    files = watched_files(watch_list(load(config)))
    assert config.resolve() in files
    assert (tmp_path / "templates" / "x.md").resolve() in files


def test_regenerate_lays_out_only_changed_print_html(write_config, tmp_path, monkeypatch):
    laid_out = []

    def fake_render(files, jobs=None, tick=None):
        laid_out.extend(files)
        for path in files:
            path.with_suffix(".pdf").write_bytes(b"%PDF " + path.read_bytes()[:20])
        return [path.with_suffix(".pdf") for path in files]

    monkeypatch.setattr("generator.publish.pdf.render_pdfs", fake_render)
    config = write_config()
    root = tmp_path / "preview"
    cache = PdfCache(tmp_path / "cache")
    tree = render_tree(load(config))
    write_tree(tree, root)
    refresh_pdfs(root, tree, cache, PdfRun())
    first = len(laid_out)
    assert first == len([p for p in tree if p.startswith("docs/printables/") and ".html" in p])
    run = PdfRun()
    assert regenerate(config, root, cache, run) == 0
    assert run.rendered == []
    write_config(MINIMAL.replace("    sessions: 3\n", "    sessions: 2\n"))
    regenerate(config, root, cache, run)
    assert run.rendered
    assert {path.split("/")[1] for path in run.rendered} == {"sales"}
    assert len(laid_out) == first + len(run.rendered)
    # PDFs outlive the regeneration: their print HTML is still in the tree
    assert (root / "docs/printables/research/booklet.pdf").is_file()


def test_preview_starts_with_the_last_builds_pdfs(small_config, built_site, tmp_path):
    from generator.commands.serve import copy_cached_pdfs, pdf_cache

    root = tmp_path / "preview"
    write_tree(render_tree(load(small_config)), root)
    copied = copy_cached_pdfs(root, pdf_cache(load(small_config)))
    pdfs = sorted((root / "docs" / "printables").rglob("*.pdf"))
    assert copied == len(pdfs) > 10
    html = sorted((root / "docs" / "printables").rglob("*.html"))
    assert len(pdfs) == len(html)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_reports_a_config_typo_as_a_located_message(runner, write_config, tmp_path):
    config = write_config(MINIMAL.replace("sessions: 4", "sesions: 4"))
    result = runner.invoke(main, ["serve", str(config), "-a", f"127.0.0.1:{free_port()}"])
    assert result.exit_code == 1
    assert f"{config}:8:3: program.sesions: unknown key 'sesions'" in result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)


def test_serve_on_a_busy_address_says_so_and_leaves_no_folder(
    runner, write_config, tmp_path, monkeypatch
):
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        address = f"127.0.0.1:{busy.getsockname()[1]}"
        result = runner.invoke(main, ["serve", str(write_config()), "-a", address])
    assert result.exit_code == 1, result.output
    assert f"Error: cannot serve on {address}: Address already in use" in result.output
    assert list(temporary.iterdir()) == []


@pytest.mark.parametrize("address", ["nonsense", "127.0.0.1", "example.org:80", "127.0.0.1:0"])
def test_serve_refuses_a_bad_address_before_starting(runner, write_config, address):
    result = runner.invoke(main, ["serve", str(write_config()), "-a", address])
    assert result.exit_code == 2
    assert "expected IP:PORT" in result.output


def test_sigterm_ends_the_preview_and_removes_its_folders(write_config, tmp_path):
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    port = free_port()
    command = playbook_command("serve", str(write_config()), "-a", f"127.0.0.1:{port}")
    process = subprocess.Popen(
        command,
        cwd=CHECKOUT,
        env={**os.environ, "TMPDIR": str(temporary)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the preview never started"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as page:
                    assert b"Reverse Up" in page.read()
                    break
            except OSError:
                time.sleep(0.2)
        assert any(temporary.glob("playbook-serve-*"))
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == TERMINATED, stderr
    assert "Traceback" not in stderr
    assert list(temporary.iterdir()) == []


def test_a_failing_watcher_step_is_one_logged_line_and_the_preview_stays(caplog):
    from generator.commands.serve import attempt

    def bug() -> None:
        msg = "pages"
        raise KeyError(msg)

    def mistake() -> None:
        msg = "template site/index.md:3: 'nosuch' is undefined"
        raise TemplateError(msg)

    with caplog.at_level("WARNING"):
        assert attempt(bug, "Not updated") is False
        assert attempt(mistake, "Not updated") is False
        assert attempt(lambda: None, "Not updated") is True
    first, second = caplog.records
    assert first.getMessage() == "Not updated: internal error: KeyError: 'pages'"
    assert not first.exc_info  # the traceback only under --verbose
    assert second.getMessage() == "Not updated:\ntemplate site/index.md:3: 'nosuch' is undefined"
