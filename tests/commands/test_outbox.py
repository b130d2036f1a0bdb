"""`playbook outbox` end to end on the example program with its roster paired: real builds, real
packets and invitations, each .eml read back with the standard library's parser, its PDFs with
pypdf and its invitation with icalendar."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader, PdfWriter

from generator.cli import main
from generator.commands.build import build
from generator.commands.collect import collect_program
from generator.commands.outbox import outbox_program
from generator.commands.pair import check_program, pair_program
from generator.pairing.approved import read_approved
from generator.pairing.packets import packet_names, quiet_pypdf
from generator.publish.calendar_state import approved_pairs
from generator.publish.sent import SentMessage, record_sent

AS_OF = "2027-01-01"


@pytest.fixture(scope="session")
def paired_example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example program copied out, built, its roster paired and checked, and built again
    (the build writes each approved pair's invitation)."""
    folder = tmp_path_factory.mktemp("outbox") / "playbook"
    shutil.copytree("playbook", folder)
    config = folder / "organisation.yaml"
    build(config, jobs=2)
    pair_program(config, None, None)
    check_program(config)
    build(config, jobs=2)
    return config


def outbox(config: Path, day: str = AS_OF) -> Path:
    return outbox_program(config, dt.date.fromisoformat(day)).folder


def messages(folder: Path) -> dict[str, EmailMessage]:
    parser = BytesParser(policy=policy.default)
    return {
        path.name: parser.parsebytes(path.read_bytes())  # type: ignore[misc]
        for path in sorted(folder.glob("*.eml"))
    }


def emls(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_every_approved_pair_gets_an_introduction_with_packet_and_invitation(
    paired_example, runner
) -> None:
    result = runner.invoke(main, ["outbox", str(paired_example), "--as-of", AS_OF])
    assert result.exit_code == 0, result.output
    private = paired_example.parent.parent / "private"
    pairs = read_approved(private / "pairing" / "pairs.csv").rows
    assert f"{len(pairs)} message(s) due by {AS_OF}" in result.output
    found = messages(private / "outbox")
    assert len(found) == len(pairs)
    met = set()
    for name, message in found.items():
        assert name.startswith("2026-12-28-introduction-")
        assert str(message["From"]) == "Sam Okafor <mentoring@northwind.example>"
        assert message["Date"].datetime.hour == 9
        assert message["Message-ID"].endswith("@mentor-up.playbook>")
        to = {address.addr_spec for address in message["To"].addresses}
        met.add(frozenset(to))
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        for part in (text, html):
            assert "Monday 11 January 2027" in part
            assert "as the senior of the pair, you book it" in part
            assert "Bring the agreement" in part or "Finance" in part
        assert "Why we paired you: shares" in text
        attachments = {a.get_filename(): a for a in message.iter_attachments()}
        pdfs = [n for n in attachments if n.endswith(".pdf")]
        assert "goals-mentee.pdf" in pdfs
        for pdf in pdfs:
            assert PdfReader(io.BytesIO(attachments[pdf].get_content())).pages
        (ics,) = [a for n, a in attachments.items() if n.endswith(".ics")]
        assert ics.get_content_type() == "text/calendar"
        assert ics.get_param("method") == "REQUEST"
        calendar = Calendar.from_ical(ics.get_content())
        assert str(calendar["method"]) == "REQUEST"
        attendees = {str(a).removeprefix("mailto:") for e in calendar.walk("VEVENT")
                     for a in e.get("attendee", [])}  # fmt: skip
        assert attendees == to
    expected = {frozenset({cells["mentor_email"], cells["mentee_email"]}) for _, cells in pairs}
    assert met == expected
    merge = (private / "outbox" / "mail-merge.csv").read_text(encoding="utf-8").splitlines()
    assert merge[0] == "file,to,cc,subject,date,attachments"
    assert len(merge) == len(pairs) + 1


def test_the_same_day_writes_the_same_bytes_and_what_was_sent_is_not_written_again(
    paired_example,
) -> None:
    folder = outbox(paired_example)
    first = emls(folder)
    assert emls(outbox(paired_example)) == first
    found = messages(folder)
    sent = sorted(found)[:3]
    private = folder.parent
    for name in sent:
        message = found[name]
        to = tuple(a.addr_spec for a in message["To"].addresses)
        record_sent(private, message["Message-ID"], SentMessage(to, message["Subject"], name))
    try:
        written = outbox_program(paired_example, dt.date.fromisoformat(AS_OF))
        assert written.already_sent == 3
        assert sorted(p.name for p in folder.glob("*.eml")) == sorted(
            set(first) - set(sent) - {"mail-merge.csv"}
        )
        assert all(name not in (folder / "mail-merge.csv").read_text() for name in sent)
    finally:
        (private / "state" / "sent.json").unlink()


def test_reminders_go_out_only_inside_their_window(paired_example) -> None:
    before = messages(outbox(paired_example, "2027-01-07"))
    assert {name.split("-", 3)[3].split("-")[0] for name in before} == {"introduction"}
    # the goals and self-assessment are due at the first session (11 January), reminded 3 days ahead
    within = messages(outbox(paired_example, "2027-01-08"))
    reminders = {name: m for name, m in within.items() if "-reminder-" in name}
    assert reminders
    assert all(name.startswith("2027-01-08-") for name in reminders)
    people = {m["To"].addresses[0].addr_spec for m in reminders.values()}
    private = paired_example.parent.parent / "private"
    pairs = read_approved(private / "pairing" / "pairs.csv").rows
    assert people == {cells[c] for _, cells in pairs for c in ("mentor_email", "mentee_email")}
    for message in reminders.values():
        assert "Monday 11 January 2027" in message["Subject"]
        names = [a.get_filename() for a in message.iter_attachments()]
        assert any(n.startswith("goals-") for n in names)
        for attachment in message.iter_attachments():
            assert PdfReader(io.BytesIO(attachment.get_content())).pages


def returned_copy(private: Path, packet: str, role: str, target: Path) -> Path:
    """A packet's self-assessment (its name filled in by `pair`), rated and saved as a
    participant returns it."""
    with quiet_pypdf():
        writer = PdfWriter(clone_from=PdfReader(private / "pairing/packets" / packet /
                                                f"self-assessment-{role}.pdf"))  # fmt: skip
        for page in writer.pages:
            values = {f"self-assessment-{role}-confidence_asking": "/3"}
            writer.update_page_form_field_values(page, values, auto_regenerate=False)
        writer.write(target / f"{packet}-{role}.pdf")
    return target


def test_status_and_the_next_outbox_name_exactly_the_people_whose_forms_are_overdue(
    paired_example, runner, tmp_path
) -> None:
    private = paired_example.parent.parent / "private"
    pairs = read_approved(private / "pairing" / "pairs.csv").rows
    everyone = {cells[c] for _, cells in pairs for c in ("mentor_email", "mentee_email")}
    first, second = (packet_names(approved_pairs(private)[1])[i] for i in (0, 1))
    (first_pair, second_pair) = (pairs[0][1], pairs[1][1])
    returned = {first_pair["mentee_email"], first_pair["mentor_email"], second_pair["mentee_email"]}
    forms = tmp_path / "returned"
    forms.mkdir()
    for packet, role in ((first, "mentee"), (first, "mentor"), (second, "mentee")):
        returned_copy(private, packet, role, forms)
    collect_program(paired_example, [forms])
    try:
        # before the self-assessments are due (first session, 11 January): nobody is overdue
        assert not [n for n in messages(outbox(paired_example, "2027-01-11")) if "-overdue-" in n]
        result = runner.invoke(main, ["status", str(paired_example), "--as-of", "2027-01-12"])
        assert result.exit_code == 0, result.output
        named = {line.split("<")[1].split(">")[0] for line in result.output.splitlines()
                 if line.startswith("  overdue: ")}  # fmt: skip
        assert named == everyone - returned
        assert f"{len(everyone - returned)} form(s) overdue" in result.output
        page = (private / "status.html").read_text(encoding="utf-8")
        for email in everyone - returned:
            assert email in page
        nudged = {
            m["To"].addresses[0].addr_spec: m
            for name, m in messages(outbox(paired_example, "2027-01-12")).items()
            if "-overdue-" in name
        }
        assert set(nudged) == everyone - returned
        for message in nudged.values():
            assert (
                "Self-assessment" in message["Subject"] or "self-assessment" in message["Subject"]
            )
            (attachment,) = message.iter_attachments()
            assert attachment.get_filename().startswith("self-assessment-")
    finally:
        shutil.rmtree(private / "evaluation")
