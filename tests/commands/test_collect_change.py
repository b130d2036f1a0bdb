"""playbook collect, start to end: filled self-assessments and end forms (real PDFs and a CSV
export) matched by name, every change figure checked by hand, small groups kept out of the
published aggregates."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from generator.commands.collect import CollectOutcome, collect_program
from generator.evaluation.change import Change
from tests.commands.test_collect import fill
from tests.conftest import SMALL

START, END = "self-assessment", "end"
TECH, SOCIAL, WORK_LIFE = "confidence_technology", "confidence_social_media", "confidence_work_life"
ASKING, SPEAKING = "confidence_asking", "confidence_speaking_up"
# (department, role, kind, name as written, {question key: rating}), one returned form each.
FORMS = [
    ("sales", "mentee", START, "Ann Lee", {TECH: 2, SOCIAL: 3, ASKING: 2}),
    ("sales", "mentee", END, "  ann   LEE ", {TECH: 4, SOCIAL: 3, ASKING: 3}),  # same person
    ("sales", "mentee", START, "Bo Chan", {TECH: 3, SOCIAL: 2}),
    ("sales", "mentee", END, "Bo Chan", {TECH: 3, SOCIAL: 4}),
    ("sales", "mentee", START, "Cy Diaz", {TECH: 4, ASKING: 3}),
    ("sales", "mentee", END, "Cy Diaz", {TECH: 3, ASKING: 5}),
    ("sales", "mentee", START, "Fay Ng", {TECH: 1}),  # no end form yet
    ("sales", "mentee", START, "Hal Oz", {TECH: 1}),  # Hal Oz twice: which start is his end's?
    ("sales", "mentee", START, "hal oz", {TECH: 5}),
    ("sales", "mentee", END, "Hal Oz", {TECH: 3}),
    ("sales", "mentor", START, "Dee Roy", {TECH: 1, SPEAKING: 2}),
    ("sales", "mentor", END, "Dee Roy", {TECH: 3, SPEAKING: 4}),
    ("sales", "mentor", START, "Eve Sun", {TECH: 2, SPEAKING: 3}),
    ("sales", "mentor", END, "Eve Sun", {TECH: 2, SPEAKING: 3}),
    ("sales", "mentor", END, "Gus Tan", {TECH: 5}),  # no self-assessment
    ("finance", "mentee", END, "Ivy Wu", {WORK_LIFE: 5, ASKING: 4}),  # her start: the CSV
]
NAMES = ("Ann", "Bo Chan", "Cy Diaz", "Fay", "Hal", "Dee Roy", "Eve Sun", "Gus", "Ivy")


@pytest.fixture(scope="module")
def outcome(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> CollectOutcome:
    """The forms above collected by a program whose small groups are under 3 people."""
    folder = tmp_path_factory.mktemp("change")
    config = folder / "organisation.yaml"
    config.write_text(SMALL + "evaluation:\n  min_group: 3\n", encoding="utf-8")
    returned = folder / "returned"
    for number, (department, role, kind, name, ratings) in enumerate(FORMS):
        values = {"name": name} | {key: f"/{rating - 1}" for key, rating in ratings.items()}
        form = f"{kind}-{role}"
        fill(built_site, department, form, values, returned / f"{number:02d}-{form}.pdf")
    with (returned / "survey.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        head = "self-assessment-mentee"
        writer.writerow([f"{head}-form", f"{head}-name", f"{head}-{WORK_LIFE}", f"{head}-{ASKING}"])
        identity = "form=self-assessment-mentee;department=finance;program=mentor-up"
        writer.writerow([identity, "Ivy Wu", "2", "4"])
    return collect_program(config, [returned])


@pytest.fixture(scope="module")
def change(outcome: CollectOutcome) -> Change:
    assert outcome.change is not None
    return outcome.change


def figures(change: Change, slug: str, role: str, key: str) -> tuple:
    group = next(g for g in change.groups if g.slug == slug)
    row = group.row(role, key)
    assert row is not None
    return (row.people, row.start, row.end, row.change, row.up, row.same, row.down, row.published)


def test_every_form_is_read_and_self_assessments_stay_out_of_the_form_tables(
    outcome: CollectOutcome,
) -> None:
    assert len(outcome.collected.responses) == len(FORMS) + 1
    assert outcome.collected.skipped == []
    text = (outcome.folder / "answers.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    starts = [r for r in rows if r["form"] == "self-assessment-mentee"]
    assert [r["self-assessment-mentee-name"] for r in starts][-1] == "Ivy Wu"  # the CSV export
    assert starts[0]["self-assessment-mentee-confidence_technology"] == "2"
    for group in outcome.groups:
        assert [f.form for f in group.forms if not f.form.startswith(("pulse", "mid", "end"))] == []
        assert all("Self-assessment" not in flag.form for flag in group.adjust)


def test_people_are_matched_by_department_role_and_name(change: Change) -> None:
    matched = {(m.department, m.role, m.start.answers[f"{m.start.form.id}-name"])
               for m in change.matching.matches}  # fmt: skip
    assert matched == {
        ("sales", "mentee", "Ann Lee"),
        ("sales", "mentee", "Bo Chan"),
        ("sales", "mentee", "Cy Diaz"),
        ("sales", "mentor", "Dee Roy"),
        ("sales", "mentor", "Eve Sun"),
        ("finance", "mentee", "Ivy Wu"),
    }
    left = {(item.role, item.name, len(item.starts), len(item.ends), item.reason)
            for item in change.matching.left_out}  # fmt: skip
    assert left == {
        ("mentee", "Fay Ng", 1, 0, "no end review with this name"),
        ("mentee", "Hal Oz", 2, 1,
         "the name is on 2 self-assessments and 1 end review: two people, or a form sent twice"),
        ("mentor", "Gus Tan", 0, 1, "no self-assessment with this name"),
    }  # fmt: skip
    counts = {
        (g.slug, c.role): (c.starts, c.ends, c.matched) for g in change.groups for c in g.roles
    }
    assert counts[("sales", "mentee")] == (6, 4, 3)
    assert counts[("sales", "mentor")] == (2, 3, 2)
    assert counts[("finance", "mentee")] == (1, 1, 1)
    assert counts[("overall", "mentee")] == (7, 5, 4)
    assert change.matched == 6


def test_change_per_question_and_role_matches_a_hand_computation(change: Change) -> None:
    # Ann 2->4, Bo 3->3, Cy 4->3: (people, start, end, change, up, same, down, published)
    assert figures(change, "sales", "mentee", TECH) == (
        3, 3.0, pytest.approx(10 / 3), pytest.approx(1 / 3), 1, 1, 1, True
    )  # fmt: skip
    assert (
        figures(change, "overall", "mentee", TECH)[:7]
        == figures(change, "sales", "mentee", TECH)[:7]
    )
    # Ann 3->3, Bo 2->4; two people: below min_group 3, not published
    assert figures(change, "sales", "mentee", SOCIAL) == (2, 2.5, 3.5, 1.0, 1, 1, 0, False)
    # Ann 2->3, Cy 3->5 in Sales, Ivy 4->4 in Finance: overall 3 people, each department fewer
    assert figures(change, "overall", "mentee", ASKING) == (3, 3.0, 4.0, 1.0, 2, 1, 0, True)
    assert figures(change, "sales", "mentee", ASKING) == (2, 2.5, 4.0, 1.5, 2, 0, 0, False)
    assert figures(change, "finance", "mentee", ASKING) == (1, 4.0, 4.0, 0.0, 0, 1, 0, False)
    # Dee 1->3, Eve 2->2; Dee 2->4, Eve 3->3
    assert figures(change, "sales", "mentor", TECH) == (2, 1.5, 2.5, 1.0, 1, 1, 0, False)
    assert figures(change, "sales", "mentor", SPEAKING) == (2, 2.5, 3.5, 1.0, 1, 1, 0, False)
    assert figures(change, "finance", "mentee", WORK_LIFE) == (1, 2.0, 5.0, 3.0, 1, 0, 0, False)


def test_change_per_focus_area_pools_both_roles(change: Change) -> None:
    # Technology: Ann 2->4, Bo 3->3, Cy 4->3, Dee 1->3, Eve 2->2
    technology = figures(change, "sales", "", "technology")
    assert technology[:7] == (5, 2.4, 3.0, pytest.approx(0.6), 2, 2, 1)
    # Five people, but the mentors' two are hidden: 5 less the mentees' 3 would show them.
    assert technology[7] is False
    assert figures(change, "overall", "", "social-media")[:4] == (2, 2.5, 3.5, 1.0)
    sales = next(g for g in change.groups if g.slug == "sales")
    assert [(area.key, area.label) for area in sales.areas] == [
        ("technology", "Everyday technology and digital tools"),
        ("social-media", "Social media and online audiences"),
    ]


def test_aggregates_carry_the_change_of_large_enough_groups_and_no_names(
    outcome: CollectOutcome,
) -> None:
    text = (outcome.folder / "aggregates.json").read_text(encoding="utf-8")
    for name in (*NAMES, "Lee", "Oz", "Tan"):
        assert name not in text
    groups = {g["slug"]: g for g in json.loads(text)["change"]}
    rows = {(g, r["role"], r["key"]): r for g, group in groups.items() for r in group["questions"]}
    assert rows[("sales", "mentee", TECH)] == {
        "role": "mentee",
        "key": TECH,
        "label": "My confidence today: Everyday technology and digital tools",
        "topic": "technology",
        "suppressed": False,
        "people": 3,
        "change": pytest.approx(1 / 3),
        "up": 1,
        "same": 1,
        "down": 1,
    }  # the change only: the means at start and end are not published
    assert rows[("overall", "mentee", ASKING)]["people"] == 3
    shown = sorted(key for key, row in rows.items() if not row["suppressed"])
    assert shown == [("overall", "mentee", ASKING), ("overall", "mentee", TECH),
                     ("sales", "mentee", TECH)]  # fmt: skip
    assert rows[("finance", "mentee", WORK_LIFE)] == {
        "role": "mentee",
        "key": WORK_LIFE,
        "label": "My confidence today: Work-life and wellbeing",
        "topic": "work-life",
        "suppressed": True,
    }
    assert all(area["suppressed"] for group in groups.values() for area in group["areas"])


def test_the_private_report_shows_every_figure_and_what_was_left_out(
    outcome: CollectOutcome,
) -> None:
    md = (outcome.folder / "report.md").read_text(encoding="utf-8")
    assert "## Change from start to end" in md
    technology = "My confidence today: Everyday technology and digital tools"
    assert f"| {technology} | mentee | 3 | 3.00 | 3.33 | +0.33 | 1 | 1 | 1 |" in md
    social = "My confidence today: Social media and online audiences †"
    assert f"| {social} | mentee | 2 | 2.50 | 3.50 | +1.00 | 1 | 1 | 0 |" in md
    assert "| Everyday technology and digital tools † | 5 | 2.40 | 3.00 | +0.60 | 2 | 2 | 1 |" in md
    assert md.count("| Sales | mentee | Hal Oz |") == 1
    assert "| Sales | mentor | Gus Tan |  | " in md
    assert "no self\\-assessment with this name" in md
    html = (outcome.folder / "report.html").read_text(encoding="utf-8")
    assert '<h2 id="change">Change from start to end</h2>' in html
    assert "<b>6</b><span>people matched start to end</span>" in html
    assert "Fay Ng" in html


def test_before_any_end_review_the_report_says_the_starts_wait(
    built_site: Path, tmp_path: Path
) -> None:
    config = tmp_path / "organisation.yaml"
    config.write_text(SMALL, encoding="utf-8")
    for name in ("Ann Lee", "Bo Chan"):
        values = {"name": name, TECH: "/2"}
        fill(built_site, "sales", "self-assessment-mentee", values, tmp_path / "in" / f"{name}.pdf")
    outcome = collect_program(config, [tmp_path / "in"])
    md = (outcome.folder / "report.md").read_text(encoding="utf-8")
    assert "No end-of-programme reviews yet: 2 self-assessments wait for theirs." in md
    assert "Not matched" not in md
    assert "| Sales | mentee | 2 | 0 | 0 |" in md
    data = json.loads((outcome.folder / "aggregates.json").read_text(encoding="utf-8"))
    assert [group["questions"] for group in data["change"]] == [[], [], []]
