"""The runbook's steps ticked off from what the private output shows."""

from __future__ import annotations

from datetime import date, timedelta

from generator.commands.runbook import done_steps, evidence_of
from generator.config.load import load
from generator.program.plan import plan_program
from generator.program.runbook import runbook
from generator.publish.sent import SentMessage, save_sent

PAIRS = (
    "mentor,mentor_email,mentor_department,mentee,mentee_email,mentee_department\n"
    "Ada,ada@acme.example,Sales,Gail,gail@acme.example,Sales\n"
)


def test_nothing_done_before_anything_happened(write_config) -> None:
    playbook = load(write_config())
    steps = runbook(plan_program(playbook))
    before = steps[0].date - timedelta(days=1)
    assert not any(done_steps(playbook, steps, before).values())


def test_roster_pairs_and_sent_introductions_tick_their_steps(write_config) -> None:
    path = write_config()
    playbook = load(path)
    private = path.parent / "private"
    (private / "recruitment").mkdir(parents=True)
    (private / "recruitment" / "roster.csv").write_text("name,email\nA,a@x.example\n")
    steps = runbook(plan_program(playbook))
    closing = next(step.date for step in steps if step.id == "close-signup")
    assert done_steps(playbook, steps, closing)["close-signup"]
    (private / "pairing").mkdir()
    (private / "pairing" / "pairs.csv").write_text(PAIRS, encoding="utf-8")
    done = done_steps(playbook, steps, closing)
    assert done["pair"]
    assert done["approve-pairs"]
    assert not done["send-introductions"]
    sent = SentMessage(("ada@acme.example", "Gail@acme.example"), "Introduction", "x.eml")
    save_sent(private, {"<1@acme.example>": sent})
    assert done_steps(playbook, steps, closing)["send-introductions"]
    evidence = evidence_of(playbook, date(2027, 1, 1))
    assert evidence.signups == 1
    assert evidence.approved == {"ada@acme.example", "gail@acme.example"}
