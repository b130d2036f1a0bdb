"""Every guide page renders for very different configs, and the topic library is complete.

The context here is a stand-in built from simple namespaces. It carries exactly the names the
integrator promises to templates (org, program, schedule, departments, topics and the filters
md, longdate, shortdate, hours, plural), so a template that reaches for anything else fails
under StrictUndefined. The integrator may swap ``make_context`` for the real loader later.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
import yaml

from generator.config.content import builtin_content
from generator.program.agenda import session_agendas
from generator.program.documents import department_forms
from generator.program.due import form_reminders
from generator.program.plan import commitments
from generator.render.context import commitments_for
from generator.render.environment import guide_environment, make_environment
from generator.render.filters import longdate, md, shortdate

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates" / "site"
TOPICS_FILE = ROOT / "generator" / "config" / "topics.yaml"
NS = SimpleNamespace  # short name keeps the fake context readable

GUIDE_PAGES = [
    "index.md",
    "roles.md",
    "pairing.md",
    "ground-rules.md",
    "wellbeing.md",
    "sessions.md",
    "topics.md",
    "training.md",
    "evaluation.md",
    "faq.md",
    "quick-start-mentor.md",
    "quick-start-mentee.md",
]
TOPIC_IDS = [
    "technology",
    "social-media",
    "cultural-competence",
    "customer-perspective",
    "ways-of-working",
    "view-from-the-ground",
    "innovation",
    "work-life",
]
TOPIC_FIELDS = [
    "id",
    "title",
    "icon",
    "summary",
    "why",
    "cover",
    "prompts",
    "activities",
    "pitfalls",
]

# --- the generator's own environment (user templates none, built-in only) -------------------


def make_env() -> jinja2.Environment:
    return guide_environment(make_environment(None))


# --- fake context -----------------------------------------------------------------------------


def load_topics() -> list[dict]:
    return yaml.safe_load(TOPICS_FILE.read_text(encoding="utf-8"))


def topic_ns(raw: dict) -> NS:
    activities = [NS(**a) for a in raw.get("activities") or []]
    return NS(**{**raw, "activities": activities})


CUSTOM_TOPIC = NS(
    id="supply-chain",
    title="Our supply chain & logistics",
    icon="",
    summary="",
    why="",
    cover=[],
    prompts=[],
    activities=[],
    pitfalls=[],
)


def all_topics() -> list[NS]:
    return [topic_ns(t) for t in load_topics()] + [CUSTOM_TOPIC]


def make_schedule(start: dt.date, kinds: list[str], topics: list[NS], step: int) -> list[NS]:
    sessions, cycle = [], 0
    for number, kind in enumerate(kinds, start=1):
        topic = None
        if kind in ("topic", "midpoint"):
            topic = topics[cycle % len(topics)]
            cycle += 1
        titles = {"kickoff": "Kick-off", "wrapup": "Wrap-up"}
        title = titles.get(kind) or (
            f"Mid-point review · {topic.title}" if kind == "midpoint" else topic.title
        )
        day = start + dt.timedelta(days=step * (number - 1))
        sessions.append(NS(number=number, date=day, kind=kind, topic=topic, title=title))
    return sessions


def make_agendas(schedule: list[NS], minutes: int, fmt: str) -> list:
    """The plan's own agendas for the fake schedule: the agenda code reads only attributes."""
    settings = NS(session_minutes=minutes, format=fmt, agreement=fmt != "group")
    return list(session_agendas(schedule, settings))  # type: ignore[arg-type]


def make_cohort(variant: str) -> NS:
    """Everything on for six-pairs, everything off for one-group, a mix for two-bare."""
    if variant == "six-pairs":
        return NS(
            training=True,
            training_days_before=7,
            mentor_checkins=2,
            midpoint_debrief=True,
            celebration=True,
        )
    if variant == "one-group":
        return NS(
            training=False,
            training_days_before=7,
            mentor_checkins=0,
            midpoint_debrief=False,
            celebration=False,
        )
    return NS(
        training=True,
        training_days_before=10,
        mentor_checkins=0,
        midpoint_debrief=True,
        celebration=True,
    )


def make_events(schedule: list[NS], cohort: NS) -> list[NS]:
    """Cohort events in the shape of program.schedule.CohortEvent, dated near the sessions."""
    events = []
    if cohort.training:
        day = schedule[0].date - dt.timedelta(days=cohort.training_days_before)
        events.append(
            NS(
                kind="training-mentors",
                date=day,
                title="Mentor training",
                audience="Mentors",
                minutes=90,
            )
        )
        events.append(
            NS(
                kind="training-mentees",
                date=day,
                title="Mentee training",
                audience="Mentees",
                minutes=90,
            )
        )
    if cohort.mentor_checkins:
        for s in schedule[cohort.mentor_checkins - 1 : -1 : cohort.mentor_checkins]:
            events.append(
                NS(
                    kind="mentor-checkin",
                    date=s.date + dt.timedelta(days=2),
                    title=f"Mentor check-in after session {s.number}",
                    audience="Mentors",
                    minutes=45,
                )
            )
    midpoint = next((s for s in schedule if s.kind == "midpoint"), None)
    if cohort.midpoint_debrief and midpoint is not None:
        events.append(
            NS(
                kind="midpoint-debrief",
                date=midpoint.date + dt.timedelta(days=3),
                title="Mid-point cohort debrief",
                audience="Everyone",
                minutes=60,
            )
        )
    if cohort.celebration:
        events.append(
            NS(
                kind="celebration",
                date=schedule[-1].date + dt.timedelta(days=7),
                title="Closing celebration",
                audience="Everyone",
                minutes=90,
            )
        )
    trainer = NS(name="Grace Liu", email="grace@northwind.example", title="Learning Designer")
    for e in events:  # times as the scheduler gives them: trainings one after the other
        e.time, e.end_time = {"training-mentees": ("12:30", "14:00")}.get(
            e.kind, ("10:30", "12:00")
        )
        e.facilitator = trainer
    return sorted(events, key=lambda e: (e.date, e.time))


def add_forms(view: NS, contact: NS) -> NS:
    """The real forms, reminders and time commitment for a fake program or department: the
    plan's code reads only attributes, so it runs on the stand-in as on the real thing."""
    content = builtin_content()
    extra = tuple(getattr(view, "extra_questions", ()))
    view.forms = department_forms(view, extra, "Mentor-Up", content, view.schedule, view.events)  # type: ignore[arg-type]
    view.commitment = commitments(view, view.schedule, view.events, view.forms, content)  # type: ignore[arg-type]
    view.reminders = list(form_reminders(view, view.schedule, view.forms))  # type: ignore[arg-type]
    view.commitments = commitments_for(content, view.format)
    view.returns_to = contact
    return view


def make_context(variant: str) -> dict:
    topics = all_topics()
    by_id = {t.id: t for t in topics}
    lead = NS(name="Priya Raman", email="priya.raman@northwind.example", title="L&D Partner")
    org = NS(
        name="Northwind Traders",
        program="Mentor-Up",
        sponsor=NS(name="Dana Whitfield", title="Chief Operating Officer"),
        lead=NS(name=lead.name, email=lead.email),
        goals=[
            "Help senior leaders make confident decisions about digital channels",
            "Give early-career colleagues a direct line to leadership",
        ],
        brand_colour="#1a73e8",
        support=[
            NS(
                name="Employee Assistance Programme",
                contact="0800 555 0199",
                about="Free, confidential counselling, day or night.",
            ),
            NS(name="Speak Up line", contact="speakup.northwind.example", about=""),
        ],
    )
    start = dt.date(2027, 1, 11)
    if variant == "six-pairs":
        focus = [by_id["technology"], by_id["social-media"], by_id["supply-chain"]]
        kinds = ["kickoff", "topic", "topic", "midpoint", "topic", "wrapup"]
        fmt, minutes, cadence, step = "one-to-one", 60, "every 2 weeks", 14
    elif variant == "one-group":
        focus = [by_id["ways-of-working"]]
        kinds = ["topic"]
        fmt, minutes, cadence, step = "group", 45, "monthly", 28
    else:  # "two-bare": no goals, no departments, only kick-off and wrap-up
        org.goals = []
        focus = [by_id["work-life"]]
        kinds = ["kickoff", "wrapup"]
        fmt, minutes, cadence, step = "one-to-one", 30, "weekly", 7
    schedule = make_schedule(start, kinds, focus, step)
    cohort = make_cohort(variant)
    if variant != "six-pairs":
        org.support = []
    program = NS(
        agendas=make_agendas(schedule, minutes, fmt),
        events=make_events(schedule, cohort),
        cohort=cohort,
        agreement=variant != "one-group",
        start=start,
        end=schedule[-1].date,
        sessions=len(schedule),
        cadence=NS(label=cadence),
        session_minutes=minutes,
        session_time="10:30",
        zone_label="",
        format=fmt,
        focus_areas=focus,
        paper_size="A4",
        schedule=schedule,
        blackouts=(),
    )
    add_forms(program, org.lead)
    departments = []
    if variant != "two-bare":
        sales_focus = [by_id["customer-perspective"]]
        departments = [
            NS(
                name="Engineering",
                slug="engineering",
                sessions=program.sessions,
                cadence=program.cadence,
                session_minutes=minutes,
                format=fmt,
                focus_areas=focus,
                contact=NS(name=lead.name, email=lead.email, title=lead.title),
                intro="",
                extra_questions=[],
                schedule=schedule,
                events=program.events,
                cohort=cohort,
                agreement=program.agreement,
                start=start,
                session_time="10:30",
                zone_label="",
                blackouts=(),
            ),
            NS(
                name="Sales & Service",
                slug="sales-service",
                sessions=4,
                cadence=NS(label="monthly"),
                session_minutes=45,
                format="group",
                focus_areas=sales_focus,
                contact=NS(
                    name="Tom Okafor", email="tom.okafor@northwind.example", title="Sales Director"
                ),
                intro="Lunch-and-learn sessions in the Leeds office.",
                extra_questions=["Which customer call taught you the most this month?"],
                schedule=make_schedule(
                    start, ["kickoff", "topic", "topic", "wrapup"], sales_focus, 28
                ),
                events=[],
                cohort=make_cohort("one-group"),
                agreement=False,
                start=start,
                session_time="10:30",
                zone_label="",
                blackouts=(),
            ),
        ]
        for department in departments:
            add_forms(department, department.contact)
    return {
        "org": org,
        "program": program,
        "schedule": schedule,
        "departments": departments,
        "topics": topics,
    }


VARIANTS = ["six-pairs", "one-group", "two-bare"]


@pytest.fixture(scope="module")
def env() -> jinja2.Environment:
    return make_env()


def render_all(env: jinja2.Environment, variant: str) -> dict[str, str]:
    context = make_context(variant)
    return {page: env.get_template(f"site/guide/{page}").render(**context) for page in GUIDE_PAGES}


def plain(text: str) -> str:
    """Output with emphasis markers and escapes removed, for phrase checks."""
    return re.sub(r"\s+", " ", text.replace("*", "").replace("\\", ""))


# --- the pages --------------------------------------------------------------------------------


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_page_renders_without_leftovers(env, variant):
    for page, text in render_all(env, variant).items():
        for marker in ("TODO", "{{", "{%", "{#", "lorem", "None"):
            assert marker not in text, f"{page} ({variant}) contains {marker!r}"
        assert text.lstrip().startswith("# "), f"{page} ({variant}) should open with a title"
        words = len(re.findall(r"[A-Za-z]+", text))
        assert words >= 300, f"{page} ({variant}) is thin: {words} words"


@pytest.mark.parametrize("variant", VARIANTS)
def test_config_values_reach_the_right_pages(env, variant):
    ctx = make_context(variant)
    pages = render_all(env, variant)
    org = ctx["org"]
    assert md(org.name) in pages["index.md"]
    assert md(org.sponsor.name) in pages["index.md"]
    assert md(org.sponsor.name) in pages["roles.md"]
    for page in (
        "roles.md",
        "ground-rules.md",
        "pairing.md",
        "quick-start-mentor.md",
        "quick-start-mentee.md",
        "faq.md",
        "wellbeing.md",
    ):
        assert md(org.lead.email) in pages[page], page
    for goal in org.goals:
        assert md(goal) in pages["index.md"]
    for topic in ctx["program"].focus_areas:
        for page in ("index.md", "topics.md"):
            assert md(topic.title) in pages[page], (page, topic.id)
    for session in ctx["schedule"]:
        assert longdate(session.date) in pages["sessions.md"]
    for reminder in ctx["program"].reminders:  # the calendar's form days, in the guide
        assert shortdate(reminder.date) in pages["evaluation.md"]
    for dept in ctx["departments"]:
        assert f"../departments/{dept.slug}.md" in pages["roles.md"]
        assert md(dept.name) in pages["roles.md"]
    figure = pages["evaluation.md"].split('<figure class="timeline" markdown>')[1]
    figure = figure.split("</figure>")[0]
    assert "![Programme timeline: " in figure
    assert "each dated in the list below](../assets/timeline.svg)" in figure
    for session in ctx["schedule"]:  # the picture's text alternative carries every date
        assert f"1. **{longdate(session.date)}**: " in figure


def test_time_commitment_is_computed(env):
    pages = render_all(env, "six-pairs")
    assert "6 hours" in pages["roles.md"]  # 6 sessions x 60 minutes
    pages = render_all(env, "one-group")
    assert "45 minutes" in pages["roles.md"]


def test_every_topic_is_in_the_library_page(env):
    pages = render_all(env, "six-pairs")
    for topic in all_topics():
        assert md(topic.title) in pages["topics.md"]
    # a built-in topic shows its prompts; the custom one has none and must not leave a heading
    assert md(all_topics()[0].prompts[0]) in pages["topics.md"]


def test_config_text_is_escaped(env):
    ctx = make_context("six-pairs")
    ctx["org"].name = "Stars *and* Stripes_Ltd"
    text = env.get_template("site/guide/index.md").render(**ctx)
    assert "*and*" not in text
    assert md(ctx["org"].name) in text


@pytest.mark.parametrize("variant", VARIANTS)
def test_mentor_and_mentee_are_never_swapped(env, variant):
    pages = {page: plain(text) for page, text in render_all(env, variant).items()}
    assert re.search(r"mentor is the (junior|less tenured)", pages["roles.md"], re.I)
    assert re.search(r"mentee is the senior", pages["roles.md"], re.I)
    wrong = re.compile(
        r"mentor is the senior|mentee is the junior|senior (leader|executive) mentors|"
        r"mentee teaches|mentor learns from the senior|junior mentee|senior mentor",
        re.I,
    )
    for page, text in pages.items():
        assert not wrong.search(text), f"{page} ({variant}): {wrong.search(text).group(0)!r}"


# --- well-being, pairing, cohort rhythm, agreement, evaluation (issue 9) --------------------


def test_wellbeing_lists_every_support_contact(env):
    ctx = make_context("six-pairs")
    text = render_all(env, "six-pairs")["wellbeing.md"]
    for support in ctx["org"].support:
        assert md(support.name) in text
        assert md(support.contact) in text
    assert md(ctx["org"].support[0].about) in text
    # a speak-up line is listed, so the page offers the anonymous route through it
    assert "rather not give your name" in text
    assert f"**{md('Speak Up line')}** ({md('speakup.northwind.example')})" in text


def test_wellbeing_without_support_points_to_the_lead(env):
    ctx = make_context("one-group")
    text = plain(render_all(env, "one-group")["wellbeing.md"])
    assert f"Start with {ctx['org'].lead.name}, the programme lead" in text
    assert "no anonymous reporting line" in text
    assert "rather not give your name" not in text


@pytest.mark.parametrize("variant", VARIANTS)
def test_wellbeing_covers_consent_stopping_and_limits(env, variant):
    text = plain(render_all(env, variant)["wellbeing.md"])
    for phrase in (
        "Ask before you go there",
        "Either of you can pass",
        "One person, not a whole group",
        "The mentee does their own learning",
        "Signs a conversation needs to stop",
        "What happens after you raise a concern",
        "Safety",
        "Law",
        "Serious misconduct",
    ):
        assert phrase in text, phrase


@pytest.mark.parametrize("variant", VARIANTS)
def test_pairing_offers_a_no_fault_ending(env, variant):
    text = plain(render_all(env, variant)["pairing.md"])
    assert "without giving reasons" in text
    assert "Keeps no record against anyone" in text


def test_pairing_fit_check_has_three_answers(env):
    text = plain(render_all(env, "six-pairs")["pairing.md"])
    for answer in ("Good fit", "Still deciding", "Not a good fit"):
        assert answer in text
    # a single session has no "after the first session" to check
    assert "Checking the fit" not in render_all(env, "one-group")["pairing.md"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_agreement_covers_every_point_and_the_end_date(env, variant):
    ctx = make_context(variant)
    text = plain(render_all(env, variant)["pairing.md"])
    for phrase in (
        "Up to three things",
        "In person, video or phone",
        "how quickly you reply",
        "Off-limits topics",
        "without giving reasons",
        "Problems",
        longdate(ctx["program"].end),
    ):
        assert phrase in text, phrase
    if ctx["program"].agreement:
        assert "signs a short mentoring agreement" in text
    else:
        assert "does not require a signed agreement" in text
    if ctx["program"].format == "one-to-one":
        assert "The mentee books the first session" in text


@pytest.mark.parametrize("variant", VARIANTS)
def test_cohort_events_are_dated_in_order(env, variant):
    ctx = make_context(variant)
    text = render_all(env, variant)["roles.md"]
    events = ctx["program"].events
    rows = [f"| {longdate(e.date)} | {e.time} to {e.end_time} | {md(e.title)} |" for e in events]
    positions = [text.find(row) for row in rows]
    assert all(pos >= 0 for pos in positions), rows
    assert positions == sorted(positions)
    if not events:
        assert "no cohort events" in text


def test_cohort_sections_follow_the_switches(env):
    text = plain(render_all(env, "six-pairs")["roles.md"])
    for heading in (
        "Training for both roles",
        "Mentor check-ins",
        "Mid-point cohort debrief",
        "Closing celebration",
    ):
        assert heading in text
    assert "less than half the benefit" in text
    text = plain(render_all(env, "two-bare")["roles.md"])
    assert "Mentor check-ins" not in text  # mentor_checkins is 0
    assert "Mid-point cohort debrief" not in text  # no mid-point session to debrief


def test_training_off_is_not_mentioned_as_scheduled(env):
    ctx = make_context("six-pairs")
    ctx["program"].cohort.training = False
    ctx["program"].events = [e for e in ctx["program"].events if not e.kind.startswith("training")]
    for page in ("roles.md", "training.md"):
        text = plain(env.get_template(f"site/guide/{page}").render(**ctx))
        assert "Mentor training" not in text, page
        assert "Mentee training" not in text, page
        assert "mentee training" not in text, page
        assert "no group training" in text, page
    assert "Mentor check-ins" in plain(env.get_template("site/guide/roles.md").render(**ctx))


def test_evaluation_prints_every_question_of_the_forms(env):
    """The guide quotes each question exactly as the forms ask it, with its scale."""
    ctx = make_context("six-pairs")
    page = render_all(env, "six-pairs")["evaluation.md"]
    text = plain(page)
    assert "(0 not at all likely to 10 extremely likely)" in text
    assert "(1 not confident to 5 very confident)" in text
    for form in ctx["program"].forms.values():
        if form.kind in ("self-assessment", "pulse", "mid", "end"):
            for question in form.questions:
                assert md(question.text) in page, (form.id, question.text)
    reminders = ctx["program"].reminders
    for reminder, following in zip(reminders[1:], reminders[2:], strict=False):
        assert f"| {shortdate(reminder.date)} |" in text
        assert f"| {shortdate(following.date)} |" in text


# --- the topic library ------------------------------------------------------------------------


def test_topics_yaml_has_the_eight_ids_in_order():
    assert [t["id"] for t in load_topics()] == TOPIC_IDS


@pytest.mark.parametrize("topic", load_topics(), ids=lambda t: t["id"])
def test_topic_fields_are_complete(topic):
    assert sorted(topic) == sorted(TOPIC_FIELDS)
    for field in TOPIC_FIELDS:
        assert topic[field], field
    assert 4 <= len(topic["cover"]) <= 6
    # enough that a topic can come round twice at an hour (three activities and three prompts
    # a time) and a third time at 45 minutes before its cover points take over
    assert 6 <= len(topic["prompts"]) <= 10
    assert 4 <= len(topic["activities"]) <= 6
    assert 3 <= len(topic["pitfalls"]) <= 4
    for activity in topic["activities"]:
        assert sorted(activity) == ["description", "minutes", "title"]
        assert activity["title"]
        assert activity["description"]
        assert isinstance(activity["minutes"], int)
        assert activity["minutes"] > 0
    for text in topic["cover"] + topic["prompts"] + topic["pitfalls"]:
        assert isinstance(text, str)
        assert text.strip()
    assert topic["summary"].count(". ") == 0, "summary should be one sentence"


@pytest.mark.parametrize("topic", load_topics(), ids=lambda t: t["id"])
def test_topic_icon_exists_in_material(topic):
    assert re.fullmatch(r"material/[a-z0-9-]+", topic["icon"])
    material = pytest.importorskip("material")
    icons = Path(material.__file__).parent / "templates" / ".icons"
    assert (icons / f"{topic['icon']}.svg").is_file(), topic["icon"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_icon_shortcodes_exist_in_material(env, variant):
    material = pytest.importorskip("material")
    icons = Path(material.__file__).parent / "templates" / ".icons"
    for page, text in render_all(env, variant).items():
        for set_name, name in re.findall(r":(material|octicons)-([a-z0-9-]+):", text):
            assert (icons / set_name / f"{name}.svg").is_file(), f"{page}: :{set_name}-{name}:"


def test_a_joint_training_reads_as_one_session_for_both_roles(env):
    ctx = make_context("six-pairs")
    trainings = [e for e in ctx["program"].events if e.kind.startswith("training")]
    joint = NS(**{**vars(trainings[0]), "kind": "training-joint", "title": "Joint training"})
    joint.audience, joint.minutes, joint.end_time = "Everyone", 120, "12:30"
    ctx["program"].events = [joint, *(e for e in ctx["program"].events if e not in trainings)]
    pages = {
        page: plain(env.get_template(f"site/guide/{page}").render(**ctx))
        for page in ("roles.md", "training.md", "sessions.md")
    }
    assert "Joint training: Monday 4 January 2027, 10:30 to 12:30" in pages["roles.md"]
    assert "Mentors and mentees train together" in pages["roles.md"]
    assert "separately" not in pages["roles.md"]
    assert "joint training on Monday 4 January 2027, 10:30 to 12:30" in pages["training.md"]
    assert "joint training" in pages["sessions.md"]
    assert all("training-joint" not in text for text in pages.values())


def test_the_guide_names_who_facilitates_each_event(env):
    text = plain(render_all(env, "six-pairs")["roles.md"])
    assert "facilitated by Grace Liu" in text
    assert "with Grace Liu:" in text  # the check-ins
    assert "1 hour. Grace Liu shares the themes" in text  # the debrief
    assert "organising the training" in text  # the lead organises; the guide says who runs it
