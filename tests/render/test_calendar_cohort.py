"""One voice for the cohort events: the example's guide, department pages, cohort printables and
calendars each give every training the same day, time and facilitator, read back from the
rendered text (the calendar with icalendar), and no two trainings overlap."""

from __future__ import annotations

import re
from datetime import datetime
from html import unescape
from itertools import combinations
from pathlib import Path

import pytest
from icalendar import Calendar

from generator.commands.build import render_tree
from generator.config.load import load
from generator.config.zones import zone_label
from generator.program.plan import plan_program
from generator.render.filters import longdate

EXAMPLE = Path("playbook/organisation.yaml")
#: (title, day as the page writes it, start, end, facilitator's name, zone as pages name it)
Said = tuple[str, str, str, str, str, str]
#: the zone a page writes after a time, where the example's departments differ in zone
ZONE = r" ([A-Z][A-Za-z ]+ time|UTC)"


@pytest.fixture(scope="module")
def example() -> tuple:
    playbook = load(EXAMPLE)
    return playbook, plan_program(playbook), render_tree(playbook)


def from_calendar(ics: str, slug: str) -> dict[str, Said]:
    said = {}
    for event in Calendar.from_ical(ics).walk("VEVENT"):
        uid = str(event["uid"])
        if not re.match(rf"{slug}-training-", uid):
            continue
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert isinstance(start, datetime)
        title = re.search(r": (.+) \(", str(event["summary"])).group(1)
        who = re.match(r"Facilitated by ([^,<]+?)[,<]", str(event["description"])).group(1)
        zone = zone_label(start.tzinfo.key)
        assert zone_label(end.tzinfo.key) == zone
        said[title] = (title, longdate(start.date()), f"{start:%H:%M}", f"{end:%H:%M}", who, zone)
    return said


def from_printable(html: str) -> Said:
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
    title = re.search(r"<h1>(.+?)</h1>", html).group(1)
    found = re.search(
        rf"(\w+day \d+ \w+ \d{{4}}) · (\d\d:\d\d) to (\d\d:\d\d){ZONE}, .+? · facilitated by "
        r"([^,(]+?)(?:,| \()",
        text,
    )
    day, start, end, zone, who = found.groups()
    return (title, day, start, end, who, zone)


def from_department_page(page: str) -> dict[str, Said]:
    rows = re.findall(
        r"^\| \| (.+?) \| (\d\d:\d\d) to (\d\d:\d\d) \| \*(.+? training)\*, facilitated by "
        r"\[(.+?)\]",
        page,
        re.M,
    )
    zone = re.search(r"^\| # \| Date \| Time \((.+?)\) \|", page, re.M).group(1)
    return {title: (title, day, start, end, who, zone) for day, start, end, title, who in rows}


def from_guide(roles: str, training: str) -> dict[str, Said]:
    listed = re.findall(
        rf"^- \*\*(.+? training)\*\*: (.+?), (\d\d:\d\d) to (\d\d:\d\d){ZONE}\n"
        r"\s+\(.+?\), facilitated by (.+?)\.$",
        roles,
        re.M,
    )
    said = {
        title: (title, day, start, end, who, zone) for title, day, start, end, zone, who in listed
    }
    # the training page's sentence says the same, in its own words
    prose = " ".join(training.split())
    for title, day, start, end, who, zone in said.values():
        assert f"{title.lower()} on {day}, {start} to {end} {zone}, facilitated by {who}" in prose
    return said


def test_every_output_gives_each_training_the_same_time_and_facilitator(example) -> None:
    playbook, program, tree = example
    guide = from_guide(tree["docs/guide/roles.md"], tree["docs/guide/training.md"])
    assert set(guide) == {"Mentor training", "Mentee training"}
    assert {said[4] for said in guide.values()} == {"Grace Liu"}  # named, not the lead
    compared = 0
    for plan in program.departments:
        folder = f"docs/printables/{plan.department.slug}"
        calendar = from_calendar(tree[f"{folder}/sessions.ics"], plan.department.slug)
        page = from_department_page(tree[f"docs/departments/{plan.department.slug}.md"])
        printables = [
            from_printable(tree[f"{folder}/{doc.html}"])
            for doc in plan.documents
            if doc.event is not None and doc.event.kind.startswith("training")
        ]
        assert printables
        for said in printables:
            assert calendar[said[0]] == said, plan.department.name
            assert page[said[0]] == said, plan.department.name
            same_zone = plan.department.settings.timezone == playbook.defaults.timezone
            if plan.department.settings.cohort == playbook.defaults.cohort and same_zone:
                assert guide[said[0]] == said, plan.department.name
                compared += 1
        assert len(calendar) == len(page) == len(printables)
    # Sales and Customer Care keep the program's two trainings and its zone (Engineering is on
    # New York time)
    assert compared >= 4


def test_trainings_never_overlap(example) -> None:
    _, program, _ = example
    for plan in program.departments:
        trainings = [e for e in plan.events if e.kind.startswith("training")]
        for first, second in combinations(trainings, 2):
            assert first.end <= second.start or second.end <= first.start
        for event in trainings:
            assert event.start.date() < plan.schedule[0].date


def test_a_joint_training_is_one_event_in_every_output(example) -> None:
    _, program, tree = example
    finance = next(p for p in program.departments if p.department.slug == "finance")
    calendar = from_calendar(tree["docs/printables/finance/sessions.ics"], "finance")
    assert list(calendar) == ["Joint training"]
    assert calendar["Joint training"][2:] == ("10:30", "12:30", "Grace Liu", "London time")
    assert [e.audience for e in finance.events if e.kind.startswith("training")] == ["Everyone"]
