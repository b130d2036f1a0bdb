"""When forms are due, the reminders that ask for them, and the time commitment."""

from __future__ import annotations

from datetime import date

from generator.config.content import builtin_content
from generator.config.model import FIRST_BLACKOUT
from generator.config.resolved import Settings, Span, Topic
from generator.program.documents import department_forms
from generator.program.due import attends, form_reminders, time_commitment
from generator.program.schedule import cohort_events, occasions, schedule
from tests.helpers import make_settings

TOPICS = (Topic("a", "Alpha"), Topic("b", "Beta"))


def settings(**changes) -> Settings:
    return make_settings(**{"focus_areas": TOPICS, **changes})


def forms_of(plan: Settings):
    sessions = schedule(plan)
    events = cohort_events(plan, sessions)
    forms = department_forms(plan, (), "Mentor-Up", builtin_content(), sessions, events)
    return sessions, events, forms


def test_each_moment_gets_the_forms_due_then():
    sessions = schedule(settings())
    assert occasions("before-kickoff", sessions) == (None,)
    assert occasions("after-each-session", sessions) == sessions[:-1]
    assert [s.kind for s in occasions("midpoint", sessions)] == ["midpoint"]
    assert occasions("end", sessions) == (sessions[-1],)


def test_a_program_without_a_midpoint_prints_no_mid_review():
    _, _, forms = forms_of(settings(sessions=3))
    assert "mid-mentee" not in forms
    assert "end-mentee" in forms
    _, _, single = forms_of(settings(sessions=1))
    assert "pulse-mentee" not in single
    assert "end-mentor" in single


def test_reminders_name_the_forms_and_land_on_free_days():
    plan = settings()
    sessions, _, forms = forms_of(plan)
    reminders = form_reminders(plan, sessions, forms)
    assert reminders[0].forms == ("goals", "self-assessment")
    assert reminders[0].date == date(2027, 1, 8)  # the Friday three days before
    middle = next(r for r in reminders if "mid" in r.forms)
    assert middle.forms == ("pulse", "mid")
    assert "mid-programme review" in middle.title
    assert reminders[-1].forms == ("end",)
    assert all(r.date.weekday() < 5 for r in reminders)


def test_a_blackout_from_the_first_allowed_day_moves_the_first_reminder_before_it():
    early = Span(FIRST_BLACKOUT, date(1999, 12, 31))
    plan = settings(start=date(2000, 1, 3), blackouts=(early,))
    sessions, _, forms = forms_of(plan)
    assert form_reminders(plan, sessions, forms)[0].date == date(1998, 12, 31)


def test_the_time_commitment_adds_up_from_the_plan():
    plan = settings()
    sessions, events, forms = forms_of(plan)
    mentee = time_commitment("mentee", sessions, 60, events, forms, 15)
    assert mentee.sessions == 6 * 60
    assert mentee.preparation == 6 * 15
    assert mentee.events == sum(e.minutes for e in events if attends(e, "mentee"))
    # goals 20 + self-assessment 10 + agreement 20 + 5 pulses x 2 + mid 10 + end 15
    assert mentee.forms == 20 + 10 + 20 + 5 * 2 + 10 + 15
    assert mentee.total == mentee.sessions + mentee.preparation + mentee.events + mentee.forms
    mentor = time_commitment("mentor", sessions, 60, events, forms, 15)
    assert mentor.events > mentee.events  # the mentors' check-ins


def test_without_an_agreement_nobody_spends_time_on_one():
    plan = settings(agreement=False)
    sessions, events, forms = forms_of(plan)
    assert "agreement" not in forms
    assert time_commitment("mentee", sessions, 60, events, forms, 15).forms == 85 - 20
