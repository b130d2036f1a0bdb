"""One program, one voice: read the example's guide, printables and calendars side by side.

Each test renders the real example program and compares two outputs that state the same fact:
a question, a return address, a time commitment, a training's time, the wording of a group.
"""

from __future__ import annotations

import re
import shutil
from datetime import datetime
from pathlib import Path

import icalendar
import pytest
import yaml

from generator.commands.build import build
from generator.config.load import load
from generator.config.spelling import BRITISH_TO_AMERICAN
from generator.program.plan import ProgramPlan, plan_program
from generator.render.filters import about_hours, hours
from tests.helpers import CHECKOUT, visible_text

RETURNED = ("self-assessment", "pulse", "mid", "end")
#: Wording that only makes sense for a pair; none of it may reach a group's documents.
PAIR_WORDING = re.compile(
    r"your partner|my partner|mentee signature|mentor signature|mentee's action|"
    r"both goal worksheets|your mentee\b|my mentee\b|the pair\b|pairing",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ProgramPlan]:
    """The example program, its Sales forms sent to their own contact, built without PDFs."""
    root = tmp_path_factory.mktemp("example")
    folder = root / "playbook"
    shutil.copytree(CHECKOUT / "playbook", folder)
    config = folder / "organisation.yaml"
    text = config.read_text(encoding="utf-8").replace(
        "      title: Head of Sales Enablement\n",
        "      title: Head of Sales Enablement\n"
        "    feedback_to:\n      name: Priya Raman\n      email: priya.raman@northwind.example\n",
        1,
    )
    config.write_text(text, encoding="utf-8")
    build(config, site_only=True)
    return root / "site", plan_program(load(config))


def squash(text: str) -> str:
    """Text with every space removed, so inline markup cannot split a comparison."""
    return "".join(text.split())


def page(site: Path, name: str) -> str:
    return squash(visible_text(site / name / "index.html"))


def test_every_question_on_every_form_is_in_the_guide(
    example: tuple[Path, ProgramPlan],
) -> None:
    site, plan = example
    guide = page(site, "guide/evaluation")
    missing = []
    for department in plan.departments:
        own = page(site, f"departments/{department.department.slug}")
        for form in department.forms.values():
            if form.kind not in RETURNED:
                continue
            for question in form.questions:
                if squash(question.text) not in own:
                    missing.append((department.department.slug, question.field, question.text))
                if not question.topic and not question.key.startswith("extra_"):
                    in_guide = squash(question.text) in guide
                    if not in_guide and department.department.settings.format == "one-to-one":
                        missing.append(("guide", question.field, question.text))
    assert not missing


def test_printed_forms_ask_exactly_the_catalogue(example: tuple[Path, ProgramPlan]) -> None:
    site, plan = example
    for department in plan.departments:
        folder = site / "printables" / department.department.slug
        for form in department.forms.values():
            html = (folder / f"{form.id}.html").read_text(encoding="utf-8")
            names = re.findall(r'<(?:input|textarea)[^>]*\sname="([a-z0-9_-]+)"', html)
            assert sorted(set(names)) == sorted(form.fields), form.id


def test_every_returned_form_names_its_real_return_address(
    example: tuple[Path, ProgramPlan],
) -> None:
    site, plan = example
    lead = plan.playbook.config.organisation.lead
    for department in plan.departments:
        to = department.department.returns_to
        folder = site / "printables" / department.department.slug
        for form in department.forms.values():
            if not form.returned:
                continue
            text = squash(visible_text(folder / f"{form.id}.html"))
            assert squash(f"Return to {to.name}") in text, (form.id, to.name)
            assert squash(to.email) in text
            if to.email != lead.email:
                assert squash(f"Return to {lead.name}") not in text
        own = page(site, f"departments/{department.department.slug}")
        assert squash(f"goes back to {to.name}") in own
    guide = page(site, "guide/evaluation")
    assert squash("Sales: Priya Raman") in guide


def test_the_guide_states_the_time_commitment_the_plan_computes(
    example: tuple[Path, ProgramPlan],
) -> None:
    site, plan = example
    mentee, mentor = plan.commitment["mentee"], plan.commitment["mentor"]
    roles = page(site, "guide/roles")
    assert squash(f"In total {hours(mentor.total)} {hours(mentee.total)}") in roles
    for name in ("guide/roles", "guide/faq", "guide", ""):
        text = page(site, name) if name else squash(visible_text(site / "index.html"))
        assert squash(about_hours(mentee.total)) in text, name
        assert squash(about_hours(mentor.total)) in text, name
    for department in plan.departments:
        own = page(site, f"departments/{department.department.slug}")
        assert squash(about_hours(department.commitment["mentee"].total)) in own
    parts = mentee.sessions + mentee.preparation + mentee.events + mentee.forms
    assert mentee.total == parts
    assert mentee.sessions == len(plan.schedule) * plan.playbook.defaults.session_minutes


def _trainings(calendar: Path) -> list[tuple[str, datetime, datetime]]:
    parsed = icalendar.Calendar.from_ical(calendar.read_bytes())
    return [
        (str(event["SUMMARY"]), event.decoded("DTSTART"), event.decoded("DTEND"))
        for event in parsed.walk("VEVENT")
        if "training" in str(event["SUMMARY"]).lower()
    ]


def test_trainings_never_overlap(example: tuple[Path, ProgramPlan]) -> None:
    site, plan = example
    for department in plan.departments:
        calendar = site / "printables" / department.department.slug / "sessions.ics"
        trainings = _trainings(calendar)
        assert trainings
        for i, (_, start, end) in enumerate(trainings):
            for name, other_start, other_end in trainings[i + 1 :]:
                assert end <= other_start or other_end <= start, name


def test_no_group_document_uses_pair_wording(example: tuple[Path, ProgramPlan]) -> None:
    site, plan = example
    groups = [d for d in plan.departments if d.department.settings.format == "group"]
    assert groups
    for department in groups:
        folder = site / "printables" / department.department.slug
        for document in department.documents:
            text = visible_text(folder / document.html)
            titles = " ".join(
                re.findall(r'title="([^"]*)"', (folder / document.html).read_text("utf-8"))
            )
            found = PAIR_WORDING.findall(f"{text} {titles}")
            assert not found, (document.slug, found)


#: The other spelling's words, as each locale must never print them in the playbook's own text.
FOREIGN = {
    "en-GB": re.compile(r"(?<![A-Za-z])(program|programs|well-being)(?![A-Za-z])", re.I),
    "en-US": re.compile(
        r"(?<![A-Za-z])(" + "|".join(sorted(BRITISH_TO_AMERICAN, key=len, reverse=True)) + r")"
        r"(?![A-Za-z])",
        re.I,
    ),
}


def _config_strings(config: Path) -> list[str]:
    """Every text the config itself holds: the organisation's own words, kept as written."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str) and len(value) > 3:
            found.append(" ".join(value.split()))

    walk(yaml.safe_load(config.read_text(encoding="utf-8")))
    return sorted(found, key=len, reverse=True)


@pytest.mark.parametrize("locale", ["en-GB", "en-US"])
def test_one_spelling_throughout(tmp_path: Path, locale: str) -> None:
    """Every page and printable speaks one spelling; only the config's own words may differ."""
    folder = tmp_path / "playbook"
    shutil.copytree(CHECKOUT / "playbook", folder)
    config = folder / "organisation.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  name: Northwind Traders\n",
                                   f"  name: Northwind Traders\n  locale: {locale}\n", 1),
                      encoding="utf-8")  # fmt: skip
    build(config, site_only=True)
    own = _config_strings(config)
    found = set()
    for page in sorted((tmp_path / "site").rglob("*.html")):
        visible = visible_text(page)
        for words in own:
            visible = visible.replace(words, " ")
        found |= {
            (page.relative_to(tmp_path).as_posix(), visible[max(m.start() - 30, 0) : m.end() + 10])
            for m in FOREIGN[locale].finditer(visible)
        }
    assert not sorted(found)[:10]


def test_line_managers_read_the_mentors_time_commitment_and_the_real_sign_up_forms(
    example: tuple[Path, ProgramPlan],
) -> None:
    site, plan = example
    mentor = plan.commitment["mentor"]
    managers = page(site, "guide/line-managers")
    roles = page(site, "guide/roles")
    assert squash(about_hours(mentor.total)) in managers
    assert squash(about_hours(mentor.total)) in roles
    assert squash(f"({hours(mentor.total)} in all)") in managers
    assert squash("You will not be told what is discussed.") in managers
    pairing = (site / "guide" / "pairing" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../downloads/#sign-up-forms"' in pairing
    downloads = (site / "downloads" / "index.html").read_text(encoding="utf-8")
    assert 'id="sign-up-forms"' in downloads
