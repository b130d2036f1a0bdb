"""The site and the printed agendas agree: the example program, rendered, names the same
activities for each session on the department page, in the agenda printables and (for a
department on the program defaults) in the guide's sessions page."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from generator.commands.build import render_tree
from generator.config.load import load
from generator.render.tree import Tree

EXAMPLE = Path("playbook/organisation.yaml")


@pytest.fixture(scope="module")
def example() -> tuple[Tree, list]:
    playbook = load(EXAMPLE)
    return render_tree(playbook), list(playbook.departments)


def printed_activities(html: str) -> list[str]:
    """The titles of the rows an agenda printable tags as activities."""
    rows = re.findall(r'<tr class="activity">.*?<b>(.*?) <i class="tag">', html, re.S)
    return [unescape(title) for title in rows]


def unmark(text: str) -> str:
    """Markdown table text as a reader sees it: escapes gone, spaces collapsed."""
    return " ".join(re.sub(r"\\(.)", r"\1", text).split())


def site_activities(page: str) -> dict[int, str]:
    """Each session's Activities cell on a department page, by session number."""
    cells = re.findall(r"^\| (\d+) \| [^|]+ \| [^|]+ \| [^|]+ \| ([^|]*) \| [^|]+ \|$", page, re.M)
    return {int(number): unmark(activities) for number, activities in cells}


def guide_activities(page: str) -> dict[int, list[str]]:
    """Each session's activities in the guide's sessions page, by session number."""
    found: dict[int, list[str]] = {}
    for number, section in re.findall(r"^## (\d+)\. .*?\n(.*?)(?=^## |\Z)", page, re.M | re.S):
        titles = re.findall(r"^- \*\*(.+?)\*\* \(\d+ min, activity\)", section, re.M)
        found[int(number)] = [unmark(title) for title in titles]
    return found


def test_department_pages_name_the_activities_the_agendas_print(example) -> None:
    tree, departments = example
    checked = 0
    for department in departments:
        page = tree[f"docs/departments/{department.slug}.md"]
        on_site = site_activities(page)
        assert len(on_site) == department.settings.sessions, department.slug
        for number, listed in on_site.items():
            agenda = tree[f"docs/printables/{department.slug}/agenda-s{number:02d}.html"]
            printed = printed_activities(agenda)
            assert listed == " · ".join(printed), (department.slug, number)
            checked += len(printed)
    assert checked >= 20  # every department's topic sessions have activities


def test_the_guide_names_the_activities_of_a_department_on_the_defaults(example) -> None:
    tree, departments = example
    guide = guide_activities(tree["docs/guide/sessions.md"])
    plain = [d for d in departments if not d.overrides]
    assert plain, "the example keeps one department on the program defaults"
    for department in plain:
        for number, titles in guide.items():
            agenda = tree[f"docs/printables/{department.slug}/agenda-s{number:02d}.html"]
            assert titles == printed_activities(agenda), (department.slug, number)
    assert sum(len(titles) for titles in guide.values()) >= 4


def test_no_activity_or_prompt_repeats_in_a_department(example) -> None:
    tree, departments = example
    for department in departments:
        folder = f"docs/printables/{department.slug}"
        agendas = [
            tree[f"{folder}/agenda-s{n:02d}.html"]
            for n in range(1, 1 + department.settings.sessions)
        ]
        titles = [title for html in agendas for title in printed_activities(html)]
        assert len(titles) == len(set(titles)), department.slug
        starters = [
            unescape(item)
            for html in agendas
            for box in re.findall(
                r'(?:<h3>Conversation starters|<ul class="starters">).*?</ul>', html, re.S
            )
            for item in re.findall(r"<li>(.*?)</li>", box)
        ]
        assert len(starters) == len(set(starters)), department.slug
        assert len(starters) >= 5, department.slug


def test_group_agendas_speak_to_the_group(example) -> None:
    tree, departments = example
    finance = next(d for d in departments if d.settings.format == "group")
    for number in range(1, 1 + finance.settings.sessions):
        html = tree[f"docs/printables/{finance.slug}/agenda-s{number:02d}.html"]
        body = re.sub(r'<div class="field">.*?</div>', "", html, flags=re.S)  # the form fields
        text = unescape(re.sub(r"<[^>]+>", " ", body))
        for pair in (
            "your partner",
            "both goal worksheets",
            "the pair",
            "each of you",
            "Thank you both",
        ):
            assert pair not in text, (number, pair)
        assert "Group session (lunch-and-learn)" in text
        assert re.search(r"\b(each leader|the group|the leaders)\b", text, re.I), number
