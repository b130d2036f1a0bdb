from datetime import date

import pytest

from generator.config.load import load
from generator.errors import ConfigError
from tests.conftest import MINIMAL


def errors_of(write_config, text: str) -> list[str]:
    with pytest.raises(ConfigError) as err:
        load(write_config(text))
    lines = err.value.message.splitlines()
    return [line.split("organisation.yaml:", 1)[1] for line in lines[1:]]


def replace(old: str, new: str) -> str:
    assert old in MINIMAL
    return MINIMAL.replace(old, new)


def test_example_config_loads():
    playbook = load("playbook/organisation.yaml")
    assert [d.slug for d in playbook.departments] == [
        "sales",
        "engineering",
        "finance",
        "customer-care",
    ]


def test_department_inherits_and_overrides(write_config):
    playbook = load(write_config())
    research, sales = playbook.departments
    assert research.settings == playbook.defaults
    assert research.overrides == ()
    assert research.contact.email == "lead@acme.example"
    assert sales.settings.sessions == 3
    assert [t.id for t in sales.settings.focus_areas] == ["customer-perspective"]
    assert sales.settings.cadence.label == "weekly"
    assert sales.overrides == ("sessions", "focus_areas")
    assert sales.contact.name == "Sam Sales"


def test_restating_a_default_is_no_override(write_config):
    """Only a value that really differs, once resolved, counts as the department's own."""
    text = replace(
        "  - name: Research\n",
        "  - name: Research\n    sessions: 4\n    cadence: every week\n"
        "    focus_areas: [technology, social-media]\n    paper_size: A4\n"
        "    session_minutes: 45\n",
    )
    research = load(write_config(text)).departments[0]
    assert research.overrides == ("session_minutes",)


def test_defaults_fill_every_key(write_config):
    defaults = load(write_config()).defaults
    assert defaults.session_minutes == 60
    assert defaults.session_time == "10:00"
    assert defaults.format == "one-to-one"
    assert defaults.paper_size == "A4"
    assert defaults.start == date(2027, 3, 1)


def test_unknown_key_suggests_the_near_one(write_config):
    assert errors_of(write_config, replace("  sessions: 4\n", "  sesions: 4\n")) == [
        "8:3: program.sesions: unknown key 'sesions'; did you mean 'sessions'?"
    ]


def test_unknown_key_without_near_match_lists_keys(write_config):
    found = errors_of(write_config, replace("  sessions: 4\n", "  zzz: 4\n"))
    assert found[0].startswith("8:3: program.zzz: unknown key 'zzz'; expected one of: start,")


def test_wrong_type_names_expected_and_given(write_config):
    assert errors_of(write_config, replace("sessions: 4", "sessions: four")) == [
        "8:3: program.sessions: expected a whole number, got 'four'"
    ]


def test_sessions_below_one(write_config):
    assert errors_of(write_config, replace("    sessions: 3", "    sessions: 0")) == [
        "14:5: departments[1].sessions: expected a number of at least 1, got 0"
    ]


def test_bad_cadence(write_config):
    assert errors_of(write_config, replace("cadence: weekly", "cadence: biweekly")) == [
        "9:3: program.cadence: expected 'weekly', 'fortnightly', 'monthly' or 'every N weeks'"
        " (N from 1 to 99), got 'biweekly'"
    ]


def test_yaml_1_1_word_is_not_a_boolean(write_config):
    text = replace("  - name: Research\n", "  - name: Research\n    format: on\n")
    assert errors_of(write_config, text) == [
        "13:5: departments[0].format: expected one of 'one-to-one' or 'group', got 'on'"
    ]


def test_department_called_no_is_a_name(write_config):
    playbook = load(write_config(replace("- name: Research", "- name: No")))
    assert playbook.departments[0].name == "No"


def test_missing_required_key_points_at_parent(write_config):
    assert errors_of(write_config, replace("  program: Reverse Up\n", "")) == [
        "1:1: organisation: missing required key 'program'"
    ]


def test_all_field_errors_at_once(write_config):
    text = replace("sessions: 4", "sessions: x").replace("cadence: weekly", "cadence: daily")
    text = text.replace("email: lead@acme.example", "email: nope")
    found = errors_of(write_config, text)
    assert [line.split(": ")[1] for line in found] == [
        "organisation.lead.email",
        "program.sessions",
        "program.cadence",
    ]


def test_unknown_focus_area_suggests_topic(write_config):
    found = errors_of(write_config, replace("[technology, social-media]", "[technolgy]"))
    assert found == [
        "10:17: program.focus_areas[0]: unknown focus area 'technolgy'; did you mean "
        "'technology'? expected a topic id: technology, social-media, cultural-competence, "
        "customer-perspective, ways-of-working, view-from-the-ground, innovation, work-life "
        "(or add your own under `topics`)"
    ]


def test_custom_topic_can_be_a_focus_area(write_config):
    text = replace("departments:\n", "topics:\n  - {id: green, title: Green IT}\ndepartments:\n")
    text = text.replace("[customer-perspective]", "[green]")
    playbook = load(write_config(text))
    assert playbook.departments[1].settings.focus_areas[0].title == "Green IT"


GREEN_WITH_ACTIVITIES = """\
topics:
  - id: green
    title: Green IT
    activities:
      - {title: Walk the server room, minutes: 20, description: The mentor shows the racks.}
      - {title: Read the bill, minutes: 15, description: The mentee reads the power bill.}
departments:
"""


def test_custom_topic_activities_reach_the_topic(write_config):
    text = replace("departments:\n", GREEN_WITH_ACTIVITIES)
    green = load(write_config(text)).topics["green"]
    assert [(a.title, a.minutes) for a in green.activities] == [
        ("Walk the server room", 20),
        ("Read the bill", 15),
    ]
    assert green.activities[1].description == "The mentee reads the power bill."


def test_custom_activity_errors_are_located(write_config):
    text = replace("departments:\n", GREEN_WITH_ACTIVITIES.replace("minutes: 15", "minutes: 0"))
    assert errors_of(write_config, text) == [
        "16:32: topics[0].activities[1].minutes: expected a number of at least 5, got 0"
    ]


def test_duplicate_department_names(write_config):
    found = errors_of(write_config, replace("  - name: Sales\n", "  - name: research\n"))
    assert found == [
        "13:5: departments[1].name: department 'research' is listed twice (also departments[0])"
    ]


def test_duplicate_slugs(write_config):
    found = errors_of(write_config, replace("  - name: Sales\n", "  - name: Research!\n"))
    assert found == [
        "13:5: departments[1].name: page name 'research' is also used by departments[0]; "
        "give one of them its own `slug`"
    ]


def test_a_reserved_slug_is_refused_with_a_free_name_to_use(write_config):
    text = replace("  - name: Sales\n", "  - name: Sales\n    slug: index\n")
    assert errors_of(write_config, text) == [
        "14:5: departments[1].slug: 'index' is reserved for the departments overview page, "
        "docs/departments/index.md; did you mean 'index-team'?"
    ]


def test_a_reserved_page_name_made_from_the_name_is_refused_at_the_name(write_config):
    text = replace("  - name: Research\n", "  - name: Overall\n  - name: Index Team\n")
    assert errors_of(write_config, text) == [
        "12:5: departments[0].name: its page name 'overall' is reserved for the evaluation "
        "report's figures for all departments together; add `slug: overall-team` or another "
        "page name"
    ]
    text = replace("  - name: Research\n", "  - name: Index\n  - name: Index Team\n")
    assert "add `slug: index-team-2` or another page name" in errors_of(write_config, text)[0]


def test_start_date_in_blackout(write_config):
    text = replace("  cadence: weekly\n", "  cadence: weekly\n  blackout_dates: [2027-03-01]\n")
    assert errors_of(write_config, text) == [
        "7:3: program.start: the start date 2027-03-01 falls in a blackout "
        "2027-03-01..2027-03-01; start on a day with sessions"
    ]


def test_blackout_span_order(write_config):
    text = replace(
        "  cadence: weekly\n",
        "  cadence: weekly\n  blackout_dates: [{from: 2027-05-02, to: 2027-05-01}]\n",
    )
    assert errors_of(write_config, text) == [
        "10:20: program.blackout_dates[0]: expected a span that ends on or after it starts "
        "('to' 2027-05-01 is before 'from' 2027-05-02), got a mapping"
    ]


def test_empty_and_non_mapping_configs(write_config):
    with pytest.raises(ConfigError, match=r"organisation.yaml:1:1: the config is empty"):
        load(write_config(""))
    with pytest.raises(ConfigError, match="the config is a list"):
        load(write_config("- a\n- b\n"))


def test_name_without_slug_characters_needs_a_slug(write_config):
    found = errors_of(write_config, replace("  - name: Sales\n", "  - name: ★★★\n"))
    assert found == [
        "13:5: departments[1].name: cannot make a page name from this name; add a `slug`"
    ]


def test_a_name_in_another_script_gets_a_transliterated_page_name(write_config):
    playbook = load(write_config(replace("  - name: Sales\n", "  - name: 営業\n")))
    assert [d.slug for d in playbook.departments] == ["research", "ying-ye"]
