"""`playbook send` from the command line: the outbox delivered once to a real SMTP server on
127.0.0.1, a second run that sends nothing, a dry run, and each failure as one located line."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.publish.sent import sent_ids
from tests.conftest import MINIMAL
from tests.helpers import snapshot
from tests.mailbox import Inbox, free_port, login_as, smtp_server, write_outbox

MAIL = MINIMAL + "mail:\n  host: localhost\n  port: 2525\n  security: plain\n  per_minute: 30\n"


@pytest.fixture
def config(write_config: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config in tmp_path, the current folder, with its outbox three messages long."""
    path = write_config(MAIL)
    monkeypatch.chdir(path.parent)
    monkeypatch.delenv("PLAYBOOK_SMTP_USER", raising=False)
    monkeypatch.delenv("PLAYBOOK_SMTP_PASSWORD", raising=False)
    write_outbox(path.parent / "private", 3)
    return path


@pytest.fixture
def pauses(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The pauses between messages, taken without waiting."""
    taken: list[float] = []
    monkeypatch.setattr("generator.publish.mail.time.sleep", taken.append)
    return taken


def send(runner: CliRunner, config: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(main, ["send", str(config), *args])
    return result.exit_code, result.output


def test_the_outbox_goes_out_once(runner: CliRunner, config: Path, pauses: list[float]) -> None:
    inbox = Inbox()
    with smtp_server(inbox) as controller:
        code, output = send(runner, config, "--smtp", f"127.0.0.1:{controller.port}")
        assert code == 0, output
        assert output.splitlines() == [
            "  sent 001-introduction.eml to mentor1@acme.example, mentee1@acme.example, "
            "lead@acme.example: Introduction 1",
            "  sent 002-introduction.eml to mentor2@acme.example, mentee2@acme.example: "
            "Introduction 2",
            "  sent 003-introduction.eml to mentor3@acme.example, mentee3@acme.example: "
            "Introduction 3",
            f"Sent 3 messages through 127.0.0.1:{controller.port}.",
        ]
        assert pauses == [2.0, 2.0]  # 30 a minute
        code, again = send(runner, config, "--smtp", f"127.0.0.1:{controller.port}")
    assert (code, again) == (0, "Nothing to send in private/outbox.\n")
    assert len(inbox.received) == 3
    assert len(sent_ids(config.parent / "private")) == 3


def test_many_messages_are_counted_not_listed(
    runner: CliRunner, config: Path, pauses: list[float]
) -> None:
    write_outbox(config.parent / "private", 22)
    with smtp_server(Inbox()) as controller:
        code, output = send(runner, config, "--smtp", f"127.0.0.1:{controller.port}")
    assert code == 0, output
    lines = output.splitlines()
    assert len(lines) == 21
    assert (
        lines[-1] == f"Sent 22 messages through 127.0.0.1:{controller.port} (the first 20 listed)."
    )


def test_a_dry_run_connects_to_nothing_and_changes_nothing(runner: CliRunner, config: Path) -> None:
    private = config.parent / "private"
    before = snapshot(private)
    code, output = send(runner, config, "--dry-run", "--smtp", f"127.0.0.1:{free_port()}")
    assert code == 0, output
    assert output.splitlines()[0] == (
        "  would send 001-introduction.eml to mentor1@acme.example, mentee1@acme.example, "
        "lead@acme.example: Introduction 1"
    )
    assert re.fullmatch(
        r"Dry run: 3 messages would be sent through 127\.0\.0\.1:\d+ \(plain\) from "
        r"private/outbox; nothing was sent or changed\.",
        output.splitlines()[-1],
    )
    assert snapshot(private) == before


def test_the_config_names_the_server(runner: CliRunner, config: Path) -> None:
    code, output = send(runner, config, "--dry-run")
    assert code == 0, output
    assert "through localhost:2525 (plain)" in output


def test_an_unreachable_server(runner: CliRunner, config: Path) -> None:
    private = config.parent / "private"
    before = snapshot(private)
    port = free_port()
    code, output = send(runner, config, "--smtp", f"127.0.0.1:{port}")
    assert (code, output) == (
        1,
        f"Error: 127.0.0.1:{port}: cannot connect: Connection refused; 0 sent before it "
        "(recorded), 3 left in private/outbox\n",
    )
    assert snapshot(private) == before


def test_a_refused_recipient_leaves_the_rest(
    runner: CliRunner, config: Path, pauses: list[float]
) -> None:
    inbox = Inbox(refuse={"mentee2@acme.example"})
    with smtp_server(inbox) as controller:
        code, output = send(runner, config, "--smtp", f"127.0.0.1:{controller.port}")
    assert code == 1
    assert output.splitlines()[-1] == (
        "Error: private/outbox/002-introduction.eml: the server refused mentee2@acme.example "
        "(550 5.1.1 <mentee2@acme.example>: mailbox unavailable); 1 sent before it (recorded), "
        "2 left in private/outbox"
    )
    assert sorted(p.name for p in (config.parent / "private" / "outbox").glob("*.eml")) == [
        "002-introduction.eml", "003-introduction.eml",
    ]  # fmt: skip


def test_a_refused_login_shows_the_user_never_the_password(
    runner: CliRunner, config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLAYBOOK_SMTP_USER", "lee")
    monkeypatch.setenv("PLAYBOOK_SMTP_PASSWORD", "s3cret")
    inbox = Inbox()
    with smtp_server(
        inbox, authenticator=login_as("lee", "other"), auth_require_tls=False
    ) as controller:
        argv = ["--verbose", "send", str(config), "--smtp", f"127.0.0.1:{controller.port}"]
        result = runner.invoke(main, argv)
    assert result.exit_code == 1
    assert result.output == (
        f"Error: 127.0.0.1:{controller.port}: login refused for user 'lee' (535 5.7.8 "
        "Authentication credentials invalid); 0 sent before it (recorded), 3 left in "
        "private/outbox\n"
    )
    assert "s3cret" not in result.output
    assert inbox.received == []


def test_a_login_from_the_environment(
    runner: CliRunner, config: Path, monkeypatch: pytest.MonkeyPatch, pauses: list[float]
) -> None:
    monkeypatch.setenv("PLAYBOOK_SMTP_USER", "lee")
    monkeypatch.setenv("PLAYBOOK_SMTP_PASSWORD", "s3cret")
    inbox = Inbox()
    with smtp_server(
        inbox, authenticator=login_as("lee", "s3cret"), auth_require_tls=False
    ) as controller:
        code, output = send(runner, config, "--smtp", f"127.0.0.1:{controller.port}")
    assert code == 0, output
    assert len(inbox.received) == 3
    assert [login.login for login in inbox.logins] == [b"lee"] * 3
    assert "s3cret" not in output


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("127.0.0.1", "--smtp 127.0.0.1: expected HOST:PORT, e.g. 127.0.0.1:1025 or "
         "smtp.example.org:587"),
        ("smtp.example.org:587", "--smtp smtp.example.org:587: mail.security is plain, which is "
         "only for a relay on this machine (localhost, 127.0.0.1 or ::1); set it to starttls or "
         "tls"),
    ],
)  # fmt: skip
def test_a_wrong_smtp_option(runner: CliRunner, config: Path, value: str, expected: str) -> None:
    assert send(runner, config, "--dry-run", "--smtp", value) == (1, f"Error: {expected}\n")


def test_an_empty_outbox(runner: CliRunner, write_config: Callable[..., Path]) -> None:
    config = write_config(MAIL)
    code, output = send(runner, config, "--smtp", f"127.0.0.1:{free_port()}")
    assert code == 0, output
    assert output == f"Nothing to send in {config.parent / 'private' / 'outbox'}.\n"
