"""Encryption and login against a real SMTP server: STARTTLS and implicit TLS with a
self-signed certificate made in the test (trusted through SSL_CERT_FILE, as a company's own
authority would be), a login accepted, a login refused, an untrusted certificate."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import MailError
from generator.publish.mail import Credentials, Server, deliver
from generator.publish.mail_queue import read_outbox
from tests.mailbox import Inbox, login_as, self_signed, server_context, smtp_server, write_outbox

LEE = Credentials("lee", "s3cret")


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return self_signed(tmp_path_factory.mktemp("tls"))


@pytest.fixture
def trusted(certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))


@pytest.mark.usefixtures("trusted")
def test_starttls_and_a_login(tmp_path: Path, certificate: tuple[Path, Path]) -> None:
    write_outbox(tmp_path, 2)
    inbox = Inbox()
    with smtp_server(
        inbox, tls_context=server_context(*certificate), require_starttls=True,
        authenticator=login_as("lee", "s3cret"), auth_required=True,
    ) as controller:  # fmt: skip
        server = Server("127.0.0.1", controller.port, "starttls")
        deliver(tmp_path, read_outbox(tmp_path), server, LEE, sleep=lambda s: None)
    assert len(inbox.ids()) == 2


@pytest.mark.usefixtures("trusted")
def test_implicit_tls(tmp_path: Path, certificate: tuple[Path, Path]) -> None:
    write_outbox(tmp_path, 1)
    inbox = Inbox()
    with smtp_server(inbox, ssl_context=server_context(*certificate)) as controller:
        server = Server("127.0.0.1", controller.port, "tls")
        deliver(tmp_path, read_outbox(tmp_path), server, None)
    assert inbox.ids() == ["<001.test@mentor-up.acme.example>"]


def test_an_untrusted_certificate_is_refused(
    tmp_path: Path, certificate: tuple[Path, Path]
) -> None:
    write_outbox(tmp_path, 1)
    inbox = Inbox()
    with smtp_server(inbox, tls_context=server_context(*certificate)) as controller:
        server = Server("127.0.0.1", controller.port, "starttls")
        with pytest.raises(MailError) as failed:
            deliver(tmp_path, read_outbox(tmp_path), server, None)
    assert failed.value.message.startswith(
        f"127.0.0.1:{controller.port}: STARTTLS failed: certificate not trusted: "
    )
    assert inbox.received == []


def test_a_server_without_starttls(tmp_path: Path) -> None:
    write_outbox(tmp_path, 1)
    with smtp_server(Inbox()) as controller:
        server = Server("127.0.0.1", controller.port, "starttls")
        with pytest.raises(MailError) as failed:
            deliver(tmp_path, read_outbox(tmp_path), server, None)
    assert failed.value.message == (
        f"127.0.0.1:{controller.port}: the server offers no STARTTLS; set mail.security to "
        "tls or plain"
    )


def test_a_refused_login(tmp_path: Path) -> None:
    write_outbox(tmp_path, 1)
    inbox = Inbox()
    with smtp_server(
        inbox, authenticator=login_as("lee", "right"), auth_require_tls=False
    ) as controller:
        server = Server("127.0.0.1", controller.port, "plain")
        with pytest.raises(MailError) as failed:
            deliver(tmp_path, read_outbox(tmp_path), server, LEE)
    assert failed.value.message == (
        f"127.0.0.1:{controller.port}: login refused for user 'lee' "
        "(535 5.7.8 Authentication credentials invalid)"
    )
    assert "s3cret" not in failed.value.message
    assert inbox.received == []
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 1
