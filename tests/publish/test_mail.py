"""Delivery through a real SMTP server on 127.0.0.1: what arrives, once, and a resumed run."""

from __future__ import annotations

import io
import shutil
import socket
from pathlib import Path

import icalendar
import pypdf
import pytest

from generator.errors import MailError
from generator.publish.mail import Credentials, Server, credentials_from, deliver
from generator.publish.mail_queue import read_outbox
from generator.publish.sent import load_sent, sent_ids
from tests.mailbox import LEAD, Inbox, smtp_server, write_outbox


def local(controller, **options) -> Server:
    return Server(controller.hostname, controller.port, "plain", **options)


def test_each_message_arrives_once_whole(tmp_path: Path) -> None:
    write_outbox(tmp_path, 3)
    inbox = Inbox()
    pauses: list[float] = []
    with smtp_server(inbox) as controller:
        delivery = deliver(
            tmp_path, read_outbox(tmp_path), local(controller, per_minute=20), None,
            sleep=pauses.append,
        )  # fmt: skip
    assert [item.path.name for item in delivery.sent] == [
        "001-introduction.eml", "002-introduction.eml", "003-introduction.eml",
    ]  # fmt: skip
    assert pauses == [3.0, 3.0]  # 20 a minute: one every 3 seconds, none before the first
    first = inbox.received[0]
    assert first.mail_from == "lead@acme.example"
    assert first.rcpt_tos == ["mentor1@acme.example", "mentee1@acme.example", "lead@acme.example"]
    messages = inbox.messages()
    assert [str(m["Message-ID"]) for m in messages] == [
        f"<{n:03d}.test@mentor-up.acme.example>" for n in (1, 2, 3)
    ]
    message = messages[0]
    assert str(message["From"]) == LEAD
    assert str(message["To"]) == "mentor1@acme.example, mentee1@acme.example"
    assert str(message["Subject"]) == "Introduction 1"
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text is not None
    assert "Meet your partner — see you soon." in text.get_content()
    assert html is not None
    assert "<p>Introduction 1. Meet your partner &mdash; soon.</p>" in html.get_content()
    attachments = {part.get_filename(): part.get_content() for part in message.iter_attachments()}
    pdf = pypdf.PdfReader(io.BytesIO(attachments["packet.pdf"]))
    assert "Your packet" in pdf.pages[0].extract_text()
    calendar = icalendar.Calendar.from_ical(attachments["invitation.ics"])
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == "First session: Ana and Ben"
    assert event.decoded("dtstart").isoformat() == "2027-03-01T09:15:00+00:00"


def test_sent_messages_are_recorded_and_moved(tmp_path: Path) -> None:
    write_outbox(tmp_path, 2)
    with smtp_server(Inbox()) as controller:
        deliver(tmp_path, read_outbox(tmp_path), local(controller), None, sleep=lambda s: None)
    record = load_sent(tmp_path)
    assert record["<001.test@mentor-up.acme.example>"].to == (
        "mentor1@acme.example", "mentee1@acme.example", "lead@acme.example",
    )  # fmt: skip
    assert record["<002.test@mentor-up.acme.example>"].file == "sent/002-introduction.eml"
    assert sorted(p.name for p in (tmp_path / "outbox").iterdir()) == ["mail-merge.csv"]
    assert sorted(p.name for p in (tmp_path / "sent").iterdir()) == [
        "001-introduction.eml", "002-introduction.eml",
    ]  # fmt: skip


def test_a_recorded_message_is_never_sent_again(tmp_path: Path) -> None:
    files = {path: path.read_bytes() for path in write_outbox(tmp_path, 2)}
    inbox = Inbox()
    with smtp_server(inbox) as controller:
        server = local(controller)
        deliver(tmp_path, read_outbox(tmp_path), server, None, sleep=lambda s: None)
        # the outbox written again with the same messages: nothing goes out twice
        for path, data in files.items():
            path.write_bytes(data)
        again = deliver(tmp_path, read_outbox(tmp_path), server, None, sleep=lambda s: None)
    assert len(inbox.received) == 2
    assert again.sent == []
    assert [item.path.name for item in again.skipped] == [
        "001-introduction.eml", "002-introduction.eml",
    ]  # fmt: skip
    assert not list((tmp_path / "outbox").glob("*.eml"))
    # the same file again in sent/ is not kept twice
    assert len(list((tmp_path / "sent").iterdir())) == 2


def test_a_server_going_down_halfway_and_a_resumed_run(tmp_path: Path) -> None:
    write_outbox(tmp_path, 5)
    first = Inbox()
    with smtp_server(first) as controller:
        server = local(controller)
        stops = iter([None, None, controller.stop])

        def pause(seconds: float) -> None:  # the server dies during the third pause
            step = next(stops)
            if step is not None:
                step()

        with pytest.raises(MailError) as failed:
            deliver(tmp_path, read_outbox(tmp_path), server, None, sleep=pause)
    assert failed.value.message.startswith(f"{server}: the connection broke while sending ")
    assert failed.value.message.endswith("004-introduction.eml: Connection unexpectedly closed")
    assert sent_ids(tmp_path) == {f"<{n:03d}.test@mentor-up.acme.example>" for n in (1, 2, 3)}
    assert sorted(p.name for p in (tmp_path / "outbox").glob("*.eml")) == [
        "004-introduction.eml", "005-introduction.eml",
    ]  # fmt: skip
    second = Inbox()
    with smtp_server(second) as controller:
        deliver(tmp_path, read_outbox(tmp_path), local(controller), None, sleep=lambda s: None)
    arrived = first.ids() + second.ids()
    assert sorted(arrived) == [f"<{n:03d}.test@mentor-up.acme.example>" for n in range(1, 6)]
    assert len(set(arrived)) == len(arrived)


def test_a_server_refusing_further_messages_stops_the_run(tmp_path: Path) -> None:
    write_outbox(tmp_path, 3)
    inbox = Inbox(close_after=1)
    with smtp_server(inbox) as controller, pytest.raises(MailError) as failed:
        deliver(tmp_path, read_outbox(tmp_path), local(controller), None, sleep=lambda s: None)
    assert failed.value.message == (
        f"{tmp_path}/outbox/002-introduction.eml: the server refused the message "
        "(421 4.3.2 shutting down, try again later)"
    )
    assert sent_ids(tmp_path) == {"<001.test@mentor-up.acme.example>"}
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 2


def test_a_refused_recipient_stops_before_anyone_gets_the_message(tmp_path: Path) -> None:
    write_outbox(tmp_path, 3)
    inbox = Inbox(refuse={"mentee2@acme.example"})
    with smtp_server(inbox) as controller, pytest.raises(MailError) as failed:
        deliver(tmp_path, read_outbox(tmp_path), local(controller), None, sleep=lambda s: None)
    assert failed.value.message == (
        f"{tmp_path}/outbox/002-introduction.eml: the server refused mentee2@acme.example "
        "(550 5.1.1 <mentee2@acme.example>: mailbox unavailable)"
    )
    assert inbox.ids() == ["<001.test@mentor-up.acme.example>"]  # not 002 to mentor2 alone
    assert sent_ids(tmp_path) == {"<001.test@mentor-up.acme.example>"}


def test_an_unreachable_server(tmp_path: Path) -> None:
    write_outbox(tmp_path, 1)
    with smtp_server(Inbox()) as controller:
        server = local(controller)
    with pytest.raises(MailError) as failed:
        deliver(tmp_path, read_outbox(tmp_path), server, None)
    assert failed.value.message == f"127.0.0.1:{server.port}: cannot connect: Connection refused"
    assert not (tmp_path / "state").exists()


def test_nothing_to_send_connects_to_nothing(tmp_path: Path) -> None:
    server = Server("127.0.0.1", 9, "plain")  # the discard port: nothing listens
    assert deliver(tmp_path, [], server, None).sent == []


def test_a_file_that_is_no_message_is_named(tmp_path: Path) -> None:
    write_outbox(tmp_path, 1)
    (tmp_path / "outbox" / "000-broken.eml").write_text("Subject: hi\n\nno headers\n")
    with pytest.raises(MailError) as failed:
        read_outbox(tmp_path)
    assert failed.value.message == (
        f"{tmp_path}/outbox/000-broken.eml: not a message playbook can send: no Message-ID or "
        "From or To header; write it again with `playbook outbox`"
    )


def test_another_message_of_the_same_name_is_kept_beside_the_first(tmp_path: Path) -> None:
    (path,) = write_outbox(tmp_path, 1)
    (tmp_path / "sent").mkdir()
    shutil.copy(path, tmp_path / "sent" / path.name)
    (tmp_path / "sent" / path.name).write_bytes(b"an earlier message\n")
    with smtp_server(Inbox()) as controller:
        deliver(tmp_path, read_outbox(tmp_path), local(controller), None)
    assert sorted(p.name for p in (tmp_path / "sent").iterdir()) == [
        "001-introduction-2.eml", "001-introduction.eml",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, None),
        ({"PLAYBOOK_SMTP_USER": "lee", "PLAYBOOK_SMTP_PASSWORD": "s3cret"}, "lee"),
    ],
)
def test_credentials_come_from_the_environment(environ: dict, expected: str | None) -> None:
    credentials = credentials_from(environ)
    assert (credentials.user if credentials else None) == expected
    assert "s3cret" not in repr(credentials)


def test_half_a_login_is_refused() -> None:
    with pytest.raises(MailError) as failed:
        credentials_from({"PLAYBOOK_SMTP_USER": "lee"})
    assert failed.value.message == (
        "PLAYBOOK_SMTP_USER is set but PLAYBOOK_SMTP_PASSWORD is not: set both to log in, "
        "or neither"
    )


def test_server_shows_host_and_port() -> None:
    assert str(Server("::1", 25)) == "[::1]:25"
    assert Server("LOCALHOST", 25).is_local
    assert repr(Credentials("lee", "s3cret")) == "Credentials(user='lee')"


def test_a_server_that_never_answers(tmp_path: Path) -> None:
    write_outbox(tmp_path, 1)
    with socket.socket() as silent:  # takes the connection, never greets
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        server = Server("127.0.0.1", port, "plain", timeout=0.3)
        with pytest.raises(MailError) as failed:
            deliver(tmp_path, read_outbox(tmp_path), server, None)
    assert failed.value.message == f"127.0.0.1:{port}: cannot connect: no answer within 0.3 seconds"


def test_two_files_of_one_message_send_it_once_in_order(tmp_path: Path) -> None:
    first, second = write_outbox(tmp_path, 2)
    copy = tmp_path / "outbox" / "003-copy.eml"
    shutil.copy(first, copy)
    inbox = Inbox()
    with smtp_server(inbox) as controller:
        delivery = deliver(
            tmp_path, read_outbox(tmp_path), local(controller), None, sleep=lambda s: None
        )
    assert [item.path for item in delivery.sent] == [first, second]
    assert inbox.ids() == [f"<{n:03d}.test@mentor-up.acme.example>" for n in (1, 2)]
