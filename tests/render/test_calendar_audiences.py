"""calendar.published: one calendar per audience, each holding exactly that audience's events,
with LOCATION from the config and descriptions that link each agenda, read back with icalendar
and expanded with recurring-ical-events as a calendar app would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import recurring_ical_events
from icalendar import Calendar

from generator.commands.build import render_tree
from generator.config.load import load
from generator.program.plan import plan_program
from generator.render.calendar.published import department_calendars, site_links
from generator.render.calendar.state import CalendarState
from tests.conftest import MINIMAL

FOLDER = "docs/printables/{slug}/{file}"


def read(tree: dict, slug: str, file: str) -> Calendar:
    return Calendar.from_ical(tree[FOLDER.format(slug=slug, file=file)])


def expanded(cal: Calendar) -> list:
    """Every occurrence a calendar app shows over the years around the program."""
    return list(recurring_ical_events.of(cal).between(date(2026, 1, 1), date(2029, 1, 1)))


def summaries(cal: Calendar) -> set[str]:
    return {str(event["summary"]) for event in expanded(cal)}


def test_each_audience_gets_exactly_its_events(small_config: Path) -> None:
    tree = render_tree(load(small_config))
    plan = next(
        p for p in plan_program(load(small_config)).departments if p.department.slug == "sales"
    )
    mentors = summaries(read(tree, "sales", "sessions-mentors.ics"))
    mentees = summaries(read(tree, "sales", "sessions-mentees.ics"))
    everyone = summaries(read(tree, "sales", "sessions.ics"))
    sessions = {f"Mentor-Up {s.number}/4: {s.title}" for s in plan.schedule}
    assert sessions <= mentors
    assert sessions <= mentees
    checkins = {s for s in everyone if "check-in" in s}
    assert checkins  # the small config has mentor check-ins
    assert checkins <= mentors
    assert "Mentor-Up: Mentor training (mentors)" in mentors
    # mentees import no mentor check-in and no mentor training, mentors no mentee training
    assert not {s for s in mentees if "check-in" in s or "Mentor training" in s}
    assert "Mentor-Up: Mentee training (mentees)" in mentees
    assert "Mentor-Up: Mentee training (mentees)" not in mentors
    assert "Mentor-Up: Closing celebration (everyone)" in mentors & mentees
    assert mentors | mentees == everyone
    assert len(expanded(read(tree, "sales", "sessions.ics"))) == len(everyone)


def test_form_reminders_follow_the_roles_of_their_forms(small_config: Path) -> None:
    tree = render_tree(load(small_config))
    mentees = read(tree, "sales", "sessions-mentees.ics")
    reminders = [e for e in mentees.walk("VEVENT") if "-form" in str(e["uid"])]
    assert reminders
    assert all(str(e["transp"]) == "TRANSPARENT" for e in reminders)


def test_the_calendar_names_say_the_audience(small_config: Path) -> None:
    tree = render_tree(load(small_config))
    assert str(read(tree, "sales", "sessions-mentors.ics")["x-wr-calname"]) == (
        "Mentor-Up: Sales (mentors)"
    )
    assert str(read(tree, "sales", "sessions.ics")["x-wr-calname"]) == "Mentor-Up: Sales"


LOCATED = MINIMAL.replace(
    "  focus_areas: [technology, social-media]\n",
    "  focus_areas: [technology, social-media]\n"
    "  location: Room 4.12, Harbour House\n"
    "  cohort: {location: 'https://video.example/j/123?pwd=a,b;c'}\n",
    1,
).replace(
    "    focus_areas: [customer-perspective]\n",
    "    focus_areas: [customer-perspective]\n    location: Sales floor, desk 9\n",
)


def test_sessions_and_cohort_events_carry_their_location(write_config) -> None:
    tree = render_tree(load(write_config(LOCATED)))
    research = read(tree, "research", "sessions.ics")
    where = {str(e["summary"]): str(e.get("location", "")) for e in research.walk("VEVENT")}
    assert where["Reverse Up 1/4: Kick-off: goals and agreement"] == "Room 4.12, Harbour House"
    assert where["Reverse Up: Mentor training (mentors)"] == "https://video.example/j/123?pwd=a,b;c"
    assert not any(k.startswith("Reverse Up: Feedback") and v for k, v in where.items())
    sales = read(tree, "sales", "sessions.ics")
    kickoff = next(e for e in sales.walk("VEVENT") if str(e["uid"]).startswith("sales-s1@"))
    assert str(kickoff["location"]) == "Sales floor, desk 9"  # the department's own


def test_descriptions_link_the_agenda_from_the_site_root_without_a_site_url(
    write_config,
) -> None:
    tree = render_tree(load(write_config()))
    kickoff = next(
        e
        for e in read(tree, "research", "sessions.ics").walk("VEVENT")
        if str(e["uid"]).startswith("research-s1@")
    )
    text = str(kickoff["description"])
    assert "Agenda, on the program site: printables/research/agenda-s01.html" in text
    assert "Agenda (PDF), on the program site: printables/research/agenda-s01.pdf" in text
    assert text.splitlines()[0].endswith("min  Introductions")  # the agenda's items first
    assert "docs/printables/research/agenda-s01.html" in tree  # the page it links exists


def test_descriptions_link_absolutely_under_the_site_url(write_config) -> None:
    config = write_config(MINIMAL.replace("no-such-settings.yml", "mkdocs.yml"))
    (config.parent / "mkdocs.yml").write_text(
        "site_url: https://mentoring.acme.example/round-1\ntheme: {name: material}\n",
        encoding="utf-8",
    )
    program = plan_program(load(config))
    tree, _ = department_calendars(program, CalendarState(), site_links(program.playbook))
    text = str(read(tree, "research", "sessions.ics").walk("VEVENT")[0]["description"])
    base = "https://mentoring.acme.example/round-1/printables/research/"
    assert f"Agenda: {base}agenda-s01.html" in text
    assert f"Agenda (PDF): {base}agenda-s01.pdf" in text
    # a site-only build makes no PDFs, so none is linked
    tree, _ = department_calendars(
        program, CalendarState(), site_links(program.playbook, pdfs=False)
    )
    text = str(read(tree, "research", "sessions.ics").walk("VEVENT")[0]["description"])
    assert ".pdf" not in text
    assert f"{base}agenda-s01.html" in text


def test_a_location_with_a_line_break_is_a_located_error(write_config, runner) -> None:
    from generator.cli import main

    text = MINIMAL.replace(
        "  focus_areas: [technology, social-media]\n",
        '  focus_areas: [technology, social-media]\n  location: "Room 4\\nFloor 2"\n',
        1,
    )
    result = runner.invoke(main, ["validate", str(write_config(text))])
    assert result.exit_code == 1
    assert (
        "organisation.yaml:11:3: program.location: expected one line of text (a room, an "
        "address or a video link), no line breaks, got 'Room 4\\nFloor 2'"
    ) in result.output
