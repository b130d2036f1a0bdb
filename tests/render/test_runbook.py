"""The call for participants and the runbook's page, from the plan and the content model."""

from __future__ import annotations

from pathlib import Path

from generator.config.load import load
from generator.program.plan import plan_program
from generator.program.runbook import runbook
from generator.render.filters import about_hours, longdate
from generator.render.runbook import call_for_participants

EXAMPLE = Path("playbook/organisation.yaml")


def test_the_call_states_the_plans_dates_time_commitment_and_forms() -> None:
    program = plan_program(load(EXAMPLE))
    steps = runbook(program)
    text = call_for_participants(program, steps)
    close = next(step.date for step in steps if step.id == "close-signup")
    assert text.startswith("Subject: Mentor-Up: ")
    assert f"by {longdate(close)}." in text
    assert about_hours(program.commitment["mentor"].total) + " as a mentor" in text
    assert about_hours(program.commitment["mentee"].total) + " as a mentee" in text
    assert "printables/sign-up/signup-mentor.pdf" in text
    assert "{" not in text  # every placeholder filled


def test_the_config_can_replace_the_call(write_config) -> None:
    from tests.conftest import MINIMAL

    path = write_config(
        MINIMAL + "content:\n  call:\n    subject: Join {program}\n"
        '    body: "Sign up by {close}. Keep {this} as written."\n'
    )
    program = plan_program(load(path))
    text = call_for_participants(program, runbook(program))
    assert text.startswith("Subject: Join Reverse Up\n\nSign up by ")
    assert "Keep {this} as written." in text
