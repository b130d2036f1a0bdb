"""mail: a planned message to RFC 5322 bytes, read back with the standard library's parser."""

from __future__ import annotations

import datetime as dt
from email import policy
from email.parser import BytesParser

from generator.config.content import MessageSpec
from generator.render.environment import make_environment
from generator.render.mail import Attachment, Mail, Recipient, eml_bytes, fill, wording

LEAD = Recipient("Sam Okafor", "lead@acme.example")
DOMAIN = "mentor-up.playbook"


def mail(**changes) -> Mail:
    values = {
        "kind": "reminder",
        "key": "ana--ben:mentee:2027-01-11",
        "to": (Recipient("Ana <Ruiz>", "ana@acme.example"),),
        "day": dt.date(2027, 1, 8),
        "zone": "Europe/Berlin",
        "subject": "Your form, due Monday",
        "text": "Dear Ana,\n",
        "html": "<p>Dear Ana,</p>\n",
        "attachments": (
            Attachment("a.ics", b"BEGIN:VCALENDAR\r\n", "text/calendar", (("method", "REQUEST"),)),
        ),  # fmt: skip
    }
    return Mail(**(values | changes))


def test_a_message_is_the_same_bytes_every_time_and_dated_by_the_plan() -> None:
    first = eml_bytes(mail(), LEAD, DOMAIN)
    assert eml_bytes(mail(), LEAD, DOMAIN) == first
    message = BytesParser(policy=policy.default).parsebytes(first)
    assert message["Date"].datetime == dt.datetime(
        2027, 1, 8, 9, tzinfo=message["Date"].datetime.tzinfo
    )
    assert message["Date"].datetime.utcoffset() == dt.timedelta(hours=1)  # Berlin in winter
    assert message["To"].addresses[0].display_name == "Ana <Ruiz>"
    assert message.get_body(("plain",)).get_content().splitlines() == ["Dear Ana,"]
    assert message.get_body(("html",)).get_content().splitlines() == ["<p>Dear Ana,</p>"]
    (ics,) = message.iter_attachments()
    assert ics.get_param("method") == "REQUEST"
    assert b"\r\n" in first
    assert b"\n" not in first.replace(b"\r\n", b"")


def test_the_message_id_follows_kind_recipients_and_key_never_the_wording() -> None:
    reworded = mail(subject="Another subject", text="Hello\n")
    assert mail().message_id(DOMAIN) == reworded.message_id(DOMAIN)
    assert mail().message_id(DOMAIN) != mail(key="other").message_id(DOMAIN)
    assert mail().message_id(DOMAIN).endswith(f"@{DOMAIN}>")
    assert len(mail().message_id(DOMAIN)) == len("<>@") + 20 + len(DOMAIN)


def test_placeholders_fill_and_an_unknown_one_stays_as_written() -> None:
    assert fill("{program}: {nope}", {"program": "Mentor-Up"}) == "Mentor-Up: {nope}"
    spec = MessageSpec(subject="{program}", sentences={"opening": "Hi {name}"})
    assert wording(spec, {"program": "P", "name": "Ana"}) == {"subject": "P", "opening": "Hi Ana"}


def test_the_html_part_escapes_names_and_config_text() -> None:
    env = make_environment(None)
    context = {
        "words": {"subject": "<b>x</b>", "opening": "O & <i>", "attached": "A", "closing": "C"},
        "person": {"name": "<script>alert(1)</script>"},
        "role": "mentee",
        "forms": ["Goals <worksheet>"],
        "due": dt.date(2027, 1, 11),
        "attached": True,
        "lead": {"name": "Sam & Co", "email": "lead@acme.example", "title": ""},
        "program": "P",
    }
    html = env.get_template("mail/reminder.html").render(**context)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "Goals &lt;worksheet&gt;" in html
    assert "Sam &amp; Co" in html
    text = env.get_template("mail/reminder.txt").render(**context)
    assert "<script>alert(1)</script>" in text  # plain text is not HTML
