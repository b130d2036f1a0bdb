"""cohort.facilitators: who runs each cohort event, resolved to a contact in the config layer."""

from __future__ import annotations

import pytest

from generator.config.load import load
from generator.config.model import Contact
from generator.config.resolved import FACILITATED
from generator.errors import ConfigError
from tests.conftest import MINIMAL

LEAD = Contact(name="Lee Park", email="lead@acme.example")
TRAINER = Contact(name="Grace Liu", email="grace@acme.example", title="Learning Designer")
TRAINER_YAML = "{name: Grace Liu, email: grace@acme.example, title: Learning Designer}"
PROGRAM_COHORT = (
    "  cohort:\n"
    "    training_days_before: 14\n"
    "    facilitators:\n"
    f"      mentor_training: {TRAINER_YAML}\n"
    f"      mentee_training: {TRAINER_YAML}\n"
)


def config(program_cohort: str = "", sales_cohort: str = "") -> str:
    text = MINIMAL.replace(
        "  focus_areas: [technology, social-media]\n",
        "  focus_areas: [technology, social-media]\n" + program_cohort,
    )
    return text.replace(
        "    contact: {name: Sam Sales, email: sam@acme.example}\n",
        "    contact: {name: Sam Sales, email: sam@acme.example}\n" + sales_cohort,
    )


def errors_of(write_config, text: str) -> list[str]:
    with pytest.raises(ConfigError) as err:
        load(write_config(text))
    return [line.split("organisation.yaml:", 1)[1] for line in err.value.message.splitlines()[1:]]


def test_the_lead_facilitates_every_event_by_default(write_config):
    playbook = load(write_config(config()))
    for settings in (playbook.defaults, *(d.settings for d in playbook.departments)):
        assert settings.facilitators == dict.fromkeys(FACILITATED, LEAD)
    # a department's own contact answers its questions; it does not run the cohort events
    assert playbook.departments[1].contact.name == "Sam Sales"


def test_named_facilitators_reach_every_department(write_config):
    playbook = load(write_config(config(PROGRAM_COHORT)))
    for settings in (playbook.defaults, *(d.settings for d in playbook.departments)):
        assert settings.facilitators["mentor_training"] == TRAINER
        assert settings.facilitators["mentee_training"] == TRAINER
        assert settings.facilitators["celebration"] == LEAD


def test_a_department_cohort_overrides_key_by_key(write_config):
    sales_cohort = (
        "    cohort:\n"
        "      celebration: false\n"
        "      facilitators:\n"
        "        celebration: {name: Sam Sales, email: sam@acme.example}\n"
        "        mentee_training: null\n"
    )
    sales = load(write_config(config(PROGRAM_COHORT, sales_cohort))).departments[1]
    assert sales.settings.cohort.celebration is False
    assert sales.settings.cohort.training_days_before == 14  # the program's, kept
    assert sales.settings.facilitators["mentor_training"] == TRAINER  # the program's, kept
    assert sales.settings.facilitators["mentee_training"] == LEAD  # null: back to the lead
    assert sales.settings.facilitators["celebration"].name == "Sam Sales"
    assert "cohort" in sales.overrides


def test_an_unknown_event_suggests_the_near_one(write_config):
    program = f"  cohort:\n    facilitators:\n      mentor_trainings: {TRAINER_YAML}\n"
    sales = "    cohort: {facilitators: {checkins: {name: X, email: x@acme.example}}}\n"
    assert errors_of(write_config, config(program, sales)) == [
        "13:7: program.cohort.facilitators.mentor_trainings: unknown key 'mentor_trainings'; "
        "did you mean 'mentor_training'?",
        "20:29: departments[1].cohort.facilitators.checkins: unknown key 'checkins'; "
        "did you mean 'mentor_checkins'?",
    ]


def test_an_unrelated_key_lists_the_events(write_config):
    program = f"  cohort:\n    facilitators:\n      party: {TRAINER_YAML}\n"
    assert errors_of(write_config, config(program)) == [
        "13:7: program.cohort.facilitators.party: unknown key 'party'; expected one of: "
        + ", ".join(FACILITATED)
    ]


def test_a_facilitator_is_a_contact(write_config):
    program = (
        "  cohort:\n    facilitators:\n"
        "      celebration: {name: Grace Liu, email: grace at acme}\n"
        "      midpoint_debrief: Grace Liu\n"
    )
    assert errors_of(write_config, config(program)) == [
        "13:38: program.cohort.facilitators.celebration.email: expected an e-mail address like "
        "name@example.org, got 'grace at acme'",
        "14:7: program.cohort.facilitators.midpoint_debrief: expected a mapping of keys and "
        "values, got 'Grace Liu'",
    ]
