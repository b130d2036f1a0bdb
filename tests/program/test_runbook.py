"""The lead's runbook: dated steps from the plan, consistent with its calendar."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from generator.config.load import load
from generator.program.plan import plan_program
from generator.program.runbook import EVENT_STEPS, Evidence, Step, runbook, step_done
from generator.render.environment import make_environment
from generator.render.runbook import RUNBOOK_ICS, runbook_files

EXAMPLE = Path("playbook/organisation.yaml")


@pytest.fixture(scope="module")
def program():
    return plan_program(load(EXAMPLE))


def test_steps_are_dated_in_order_with_stable_unique_ids(program) -> None:
    steps = runbook(program)
    ids = [step.id for step in steps]
    assert len(ids) == len(set(ids))
    assert [step.date for step in steps] == sorted(step.date for step in steps)
    assert ids[:6] == ["open-signup", "close-signup", "brief-managers", "pair",
                       "approve-pairs", "send-introductions"]  # fmt: skip
    assert ids[-1] == "next-round"
    assert runbook(program) == steps  # the same plan, the same steps


def test_sign_up_lead_times_follow_the_config_and_skip_weekends(program) -> None:
    start = min(plan.schedule[0].date for plan in program.departments)
    by_id = {step.id: step for step in runbook(program)}
    settings = program.playbook.config.recruitment
    opens = start - timedelta(days=settings.open_signup)
    assert by_id["open-signup"].date == opens - timedelta(days=max(0, opens.weekday() - 4))
    assert by_id["close-signup"].date <= start - timedelta(days=21)
    assert all(step.date.weekday() < 5 for step in list(by_id.values())[:6])
    assert by_id["send-introductions"].date < min(
        e.date for plan in program.departments for e in plan.events
    )


def test_trainings_check_ins_mid_point_and_celebrations_are_the_plans_events(program) -> None:
    steps = runbook(program)
    planned = {
        (event.kind, event.date, plan.department.name)
        for plan in program.departments
        for event in plan.events
        if event.kind in EVENT_STEPS
    }
    listed = {(s.kind, s.date, name) for s in steps if s.kind in EVENT_STEPS
              for name in s.departments}  # fmt: skip
    assert listed == planned
    assert {"training-mentors", "mentor-checkin", "midpoint-debrief", "celebration"} <= {
        kind for kind, _, _ in listed
    }


def test_the_calendar_holds_every_step_as_an_all_day_entry(program) -> None:
    env = make_environment(None)
    files = runbook_files(program, env)
    calendar = Calendar.from_ical(files[RUNBOOK_ICS])
    entries = {
        str(entry["uid"]).split("@")[0].removeprefix("runbook-"): entry["dtstart"].dt
        for entry in calendar.walk("VEVENT")
    }
    steps = runbook(program)
    assert entries == {step.id: step.date for step in steps}
    assert all(type(day) is date for day in entries.values())  # all-day, not timed
    html = files["runbook.html"]
    for step in steps:
        assert f'id="{step.id}"' in html
        assert f'datetime="{step.date.isoformat()}"' in html


def test_step_done_from_what_the_files_show() -> None:
    day = date(2027, 1, 1)
    approve = Step("approve-pairs", day, "Approve", "")
    intro = Step("send-introductions", day, "Send", "")
    training = Step("training-mentors-20270101", day, "Train", "", kind="training-mentors")
    nothing = Evidence(today=day)
    pairs = Evidence(today=day, approved=frozenset({"a@x.example", "b@x.example"}))
    sent = Evidence(today=day, approved=pairs.approved, sent_to=frozenset({"a@x.example",
                    "b@x.example", "c@x.example"}))  # fmt: skip
    assert not step_done(approve, nothing)
    assert step_done(approve, pairs)
    assert not step_done(intro, pairs)
    assert step_done(intro, sent)
    assert not step_done(training, nothing)
    assert step_done(training, Evidence(today=day + timedelta(days=1)))


def test_lead_times_out_of_order_are_refused(write_config, runner) -> None:
    from generator.cli import main
    from tests.conftest import MINIMAL

    path = write_config(MINIMAL + "recruitment:\n  open_signup: 20\n  close_signup: 21\n")
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert (
        "recruitment: expected `close_signup` (21 days before the start) must come after "
        "`open_signup` (20 days before)" in result.output
    )


def test_build_writes_the_runbook_into_the_private_output(built_site: Path) -> None:
    private = built_site.parent / "private"
    assert (private / "runbook.html").read_text(encoding="utf-8").count("<li id=") > 6
    assert (private / "runbook.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert not (built_site / "runbook.html").exists()
