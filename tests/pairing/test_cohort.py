"""Pairing: known optima, hard rules, pins, synonyms, fairness and explanations.

A brute-force oracle written independently of the engine (plain sets and loops) checks small
random cohorts: the engine must pair as many mentees as possible and, among those pairings, reach
the best total score (or, in fairness mode, the best floor and then the best total).
"""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.config.pairing_settings import PairingSettings, normalise_skill
from generator.errors import ConfigError
from generator.pairing.cohort import CAPACITY_EXHAUSTED, pair_cohort
from generator.pairing.roster import Participant

ONLY_SKILLS = {"weights": {"cross_department": 0, "same_location": 0, "shared_language": 0}}


def person(email: str, role: str, skills: str, **kw) -> Participant:
    kw.setdefault("department", "Sales" if role == "mentee" else "Engineering")
    return Participant(
        name=email.split("@")[0].title(), email=email, role=role,
        skills=tuple(skills.split(";")), **kw,
    )  # fmt: skip


def pairing(result) -> set[tuple[str, str]]:
    return {(p.mentee.email, p.mentor.email) for p in result.pairs}


def test_optimal_beats_greedy() -> None:
    # Greedy in e-mail order gives ann the first mentor that covers her fully (m1) and leaves
    # zed with half his skills; the optimum swaps them.
    people = [
        person("ann@x.example", "mentee", "excel"),
        person("zed@x.example", "mentee", "excel;python"),
        person("m1@x.example", "mentor", "excel;python"),
        person("m2@x.example", "mentor", "excel"),
    ]
    result = pair_cohort(people)
    assert pairing(result) == {("ann@x.example", "m2@x.example"), ("zed@x.example", "m1@x.example")}
    assert result.unpaired == []


def test_explanation_fields() -> None:
    people = [
        person("lee@x.example", "mentee", "TikTok;Python", location="Oslo", languages=("en", "no")),
        person("kim@x.example", "mentor", "python;tiktok", location="oslo", languages=("EN",)),
        person("bo@x.example", "mentor", "python", location="Rome"),
    ]
    (pair,) = pair_cohort(people).pairs
    assert pair.mentor.email == "kim@x.example"
    assert pair.shared_skills == ("TikTok", "Python")
    assert (pair.cross_department, pair.same_location) == (True, True)
    assert pair.shared_languages == ("en",)
    assert (pair.rank, pair.options, pair.pinned) == (1, 2, False)
    assert pair.parts.skill_overlap == 1.0
    assert pair.score == pytest.approx(1.0 + 0.3 + 0.2 + 0.1)
    assert pair.rules_passed == (
        "not in the same reporting line", "not a forbidden pair",
        "share a language where both list languages",
    )  # fmt: skip


def test_rank_counts_better_options() -> None:
    people = [
        person("a@x.example", "mentee", "x;y"),
        person("b@x.example", "mentee", "x;y"),
        person("m1@x.example", "mentor", "x;y"),
        person("m2@x.example", "mentor", "x"),
    ]
    ranks = sorted(p.rank for p in pair_cohort(people).pairs)
    assert ranks == [1, 2]


def test_no_pair_without_shared_skill() -> None:
    people = [
        person("a@x.example", "mentee", "cobol;fortran"),
        person("m@x.example", "mentor", "tiktok"),
    ]
    result = pair_cohort(people)
    assert result.pairs == []
    assert [(u.person.email, u.reason) for u in result.unpaired] == [
        ("a@x.example", "no mentor teaches any of: cobol, fortran"),
        ("m@x.example", "no mentee wants any of: tiktok"),
    ]


def test_reporting_line_is_never_paired() -> None:
    people = [
        person("boss@x.example", "mentee", "python"),
        person("mid@x.example", "mentee", "python", manager="boss@x.example"),
        person("dev@x.example", "mentor", "python", manager="mid@x.example"),
    ]
    result = pair_cohort(people)
    assert result.pairs == []
    reasons = {u.person.email: u.reason for u in result.unpaired}
    assert reasons["boss@x.example"] == "every candidate conflicts (reporting line)"
    assert reasons["dev@x.example"] == "every candidate conflicts (reporting line)"


def test_mentee_reporting_to_mentor_is_blocked_too() -> None:
    people = [
        person("lead@x.example", "mentee", "python", manager="dev@x.example"),
        person("dev@x.example", "mentor", "python"),
    ]
    assert pair_cohort(people).pairs == []


def test_capacity_exhausted_reason_and_capacity_two() -> None:
    people = [
        person("a@x.example", "mentee", "python"),
        person("b@x.example", "mentee", "python"),
        person("c@x.example", "mentee", "python"),
        person("m@x.example", "mentor", "python", capacity=2),
    ]
    result = pair_cohort(people)
    assert len(result.pairs) == 2
    assert [(u.person.email, u.reason) for u in result.unpaired] == [
        ("c@x.example", CAPACITY_EXHAUSTED)
    ]


def test_forbidden_pair_is_avoided() -> None:
    people = [person("a@x.example", "mentee", "python"), person("m@x.example", "mentor", "python")]
    rules = PairingSettings(forbidden=[{"mentor": "M@x.example", "mentee": "a@x.example"}])
    result = pair_cohort(people, rules)
    assert result.pairs == []
    assert result.unpaired[0].reason == "every candidate conflicts (forbidden)"


def test_shared_language_and_department_rules() -> None:
    people = [
        person("a@x.example", "mentee", "python", languages=("fr",), department="Ops"),
        person("m1@x.example", "mentor", "python", languages=("de",)),
        person("m2@x.example", "mentor", "python", languages=("fr",), department="Ops"),
    ]
    rules = {"require_shared_language": True, "allow_same_department": False}
    result = pair_cohort(people, PairingSettings(rules=rules))
    assert result.pairs == []
    assert result.unpaired[0].reason == "every candidate conflicts (language / same department)"
    relaxed = pair_cohort(people, PairingSettings(rules={"require_shared_language": True}))
    assert pairing(relaxed) == {("a@x.example", "m2@x.example")}


def test_same_department_is_penalised_not_forbidden() -> None:
    people = [
        person("a@x.example", "mentee", "python", department="Ops"),
        person("m1@x.example", "mentor", "python", department="Ops"),
        person("m2@x.example", "mentor", "python", department="Sales"),
    ]
    assert pairing(pair_cohort(people)) == {("a@x.example", "m2@x.example")}


def test_synonyms_and_spelling_are_normalised() -> None:
    assert normalise_skill("  Social_Media--Marketing ") == "social media marketing"
    people = [
        person("a@x.example", "mentee", "Social-Media Marketing;gen ai"),
        person("m@x.example", "mentor", "social_media marketing;ChatGPT"),
    ]
    rules = PairingSettings(synonyms={"Generative AI": ["ChatGPT", "Gen-AI"]})
    (pair,) = pair_cohort(people, rules).pairs
    assert pair.shared_skills == ("Social-Media Marketing", "Generative AI")
    assert pair.parts.skill_overlap == 1.0


def test_ambiguous_synonym_is_rejected() -> None:
    with pytest.raises(ValueError, match="'chatgpt' is listed under both 'AI' and 'Chat'"):
        PairingSettings(synonyms={"AI": ["chatgpt"], "Chat": ["chatgpt"]})


def test_pins_are_fixed_first() -> None:
    people = [
        person("a@x.example", "mentee", "excel"),
        person("z@x.example", "mentee", "excel;python"),
        person("m1@x.example", "mentor", "excel;python"),
        person("m2@x.example", "mentor", "excel"),
    ]
    rules = PairingSettings(pinned=[{"mentor": "m1@x.example", "mentee": "a@x.example"}])
    result = pair_cohort(people, rules)
    assert pairing(result) == {("a@x.example", "m1@x.example"), ("z@x.example", "m2@x.example")}
    assert [p.pinned for p in result.pairs] == [True, False]


def test_pin_that_breaks_a_rule_is_an_error() -> None:
    people = [
        person("boss@x.example", "mentee", "python"),
        person("dev@x.example", "mentor", "python", manager="boss@x.example"),
    ]
    pins = [
        {"mentor": "dev@x.example", "mentee": "boss@x.example"},
        {"mentor": "ghost@x.example", "mentee": "boss@x.example"},
    ]
    rules = PairingSettings(
        pinned=pins, forbidden=[{"mentor": "dev@x.example", "mentee": "boss@x.example"}]
    )
    with pytest.raises(ConfigError) as info:
        pair_cohort(people, rules)
    assert info.value.message == (
        "invalid pinned pairs:\n"
        "  - pairing.pinned[0]: dev@x.example -> boss@x.example breaks: reporting line, forbidden\n"
        "  - pairing.pinned[1]: ghost@x.example is not a mentor in the roster"
    )


def test_fairness_raises_the_weakest_pair() -> None:
    people = [
        person("a@x.example", "mentee", "x;y"),
        person("b@x.example", "mentee", "z;w;v;u"),
        person("m1@x.example", "mentor", "x;y;z;w"),
        person("m2@x.example", "mentor", "x;u"),
    ]
    plain = pair_cohort(people, PairingSettings(**ONLY_SKILLS))
    fair = pair_cohort(people, PairingSettings(**ONLY_SKILLS, fairness=True))
    assert min(p.score for p in plain.pairs) == 0.25
    assert sum(p.score for p in plain.pairs) == 1.25
    assert fair.fairness_floor == 0.5
    assert pairing(fair) == {("a@x.example", "m2@x.example"), ("b@x.example", "m1@x.example")}


def test_input_order_does_not_matter() -> None:
    people = random_cohort(random.Random(7), 12, 9)
    shuffled = people[:]
    random.Random(1).shuffle(shuffled)
    assert pair_cohort(people) == pair_cohort(shuffled)


# --- property tests against a brute-force oracle ----------------------------------------------


def random_cohort(rng: random.Random, n_mentees: int, n_mentors: int) -> list[Participant]:
    skills = ["a", "b", "c", "d", "e"]
    people = []
    for k in range(n_mentees + n_mentors):
        role = "mentee" if k < n_mentees else "mentor"
        earlier = [p.email for p in people]
        people.append(
            Participant(
                name=f"P{k}", email=f"p{k:02d}@x.example", role=role,
                department=rng.choice(["S", "E", "F"]),
                skills=tuple(rng.sample(skills, rng.randint(1, 3))),
                manager=rng.choice(earlier) if earlier and rng.random() < 0.6 else None,
                location=rng.choice(["", "Oslo", "Rome"]),
                languages=tuple(rng.sample(["en", "fr"], rng.randint(0, 2))),
                capacity=rng.randint(1, 2) if role == "mentor" else 1,
            )
        )  # fmt: skip
    return people


def chain(email: str, by_email: dict) -> set[str]:
    found, current = set(), by_email[email].manager
    while current:
        found.add(current)
        current = by_email[current].manager
    return found


def oracle_score(e: Participant, m: Participant, rules: PairingSettings) -> float | None:
    want, teach = set(e.skills), set(m.skills)
    shared_lang = bool(set(e.languages) & set(m.languages))
    both_listed = bool(e.languages and m.languages)
    if not want & teach or (rules.rules.require_shared_language and not shared_lang):
        return None
    if rules.rules.shared_language and both_listed and not shared_lang:
        return None
    w = rules.weights
    return (
        w.skill_overlap * len(want & teach) / len(want)
        + w.cross_department * (e.department != m.department)
        + w.same_location * (bool(e.location) and e.location == m.location)
        + w.shared_language * shared_lang
    )


def oracle(people: list[Participant], rules: PairingSettings, fair: bool) -> tuple:
    by_email = {p.email: p for p in people}
    mentees = [p for p in people if p.role == "mentee"]
    mentors = [p for p in people if p.role == "mentor"]
    options = []
    for e in mentees:
        row = [None]
        for m in mentors:
            line = m.email in chain(e.email, by_email) or e.email in chain(m.email, by_email)
            score = None if line else oracle_score(e, m, rules)
            if score is not None:
                row.append((m, score))
        options.append(row)
    best = None
    for choice in itertools.product(*options):
        used = [c[0].email for c in choice if c]
        if any(used.count(m.email) > m.capacity for m in mentors):
            continue
        scores = [c[1] for c in choice if c]
        floor = min(scores, default=0.0)
        key = (len(scores), round(floor, 9) if fair else 0, round(sum(scores), 9))
        best = max(best, key) if best else key
    return best


@settings(deadline=None, max_examples=60)
@given(
    seed=st.integers(0, 10_000),
    n_mentees=st.integers(1, 4),
    n_mentors=st.integers(1, 4),
    fair=st.booleans(),
    language=st.sampled_from(["off", "where listed", "required"]),
)
def test_matches_brute_force(seed, n_mentees, n_mentors, fair, language) -> None:
    people = random_cohort(random.Random(seed), n_mentees, n_mentors)
    language_rules = {
        "shared_language": language != "off", "require_shared_language": language == "required"
    }  # fmt: skip
    rules = PairingSettings(fairness=fair, rules=language_rules)
    result = pair_cohort(people, rules)
    scores = [p.score for p in result.pairs]
    floor = round(min(scores, default=0.0), 9) if fair else 0
    assert (len(scores), floor, round(sum(scores), 9)) == oracle(people, rules, fair)


@settings(deadline=None, max_examples=40)
@given(seed=st.integers(0, 10_000), n_mentees=st.integers(1, 25), n_mentors=st.integers(1, 25))
def test_rules_and_capacity_hold_on_random_rosters(seed, n_mentees, n_mentors) -> None:
    people = random_cohort(random.Random(seed), n_mentees, n_mentors)
    by_email = {p.email: p for p in people}
    result = pair_cohort(people)
    load: dict[str, int] = {}
    for pair in result.pairs:
        assert pair.mentor.email not in chain(pair.mentee.email, by_email)
        assert pair.mentee.email not in chain(pair.mentor.email, by_email)
        assert pair.shared_skills
        assert 1 <= pair.rank <= pair.options
        load[pair.mentor.email] = load.get(pair.mentor.email, 0) + 1
    assert all(n <= by_email[e].capacity for e, n in load.items())
    mentees = {p.email for p in people if p.role == "mentee"}
    paired = [p.mentee.email for p in result.pairs]
    assert len(paired) == len(set(paired))
    unpaired = {u.person.email for u in result.unpaired if u.person.role == "mentee"}
    assert unpaired | set(paired) == mentees


def test_pin_errors_capacity_and_twice() -> None:
    people = [
        person("a@x.example", "mentee", "python"),
        person("b@x.example", "mentee", "python"),
        person("m@x.example", "mentor", "python"),
    ]
    pins = [
        {"mentor": "m@x.example", "mentee": "a@x.example"},
        {"mentor": "m@x.example", "mentee": "a@x.example"},
        {"mentor": "m@x.example", "mentee": "b@x.example"},
        {"mentor": "a@x.example", "mentee": "m@x.example"},
    ]
    with pytest.raises(ConfigError) as info:
        pair_cohort(people, PairingSettings(pinned=pins))
    assert info.value.message.splitlines()[1:] == [
        "  - pairing.pinned[1]: mentee a@x.example is already pinned",
        "  - pairing.pinned[2]: more pins than mentor m@x.example's capacity",
        "  - pairing.pinned[3]: m@x.example is not a mentee in the roster",
    ]


def test_stale_forbidden_entry_is_logged(caplog) -> None:
    people = [person("a@x.example", "mentee", "python"), person("m@x.example", "mentor", "python")]
    rules = PairingSettings(forbidden=[{"mentor": "gone@x.example", "mentee": "a@x.example"}])
    assert len(pair_cohort(people, rules).pairs) == 1
    assert (
        "pairing.forbidden[0]: gone@x.example -> a@x.example names someone who is not in the roster"
        in caplog.text
    )


def test_idle_mentor_whose_mentees_went_elsewhere() -> None:
    people = [
        person("a@x.example", "mentee", "python", location="Oslo"),
        person("m1@x.example", "mentor", "python", location="Oslo"),
        person("m2@x.example", "mentor", "python"),
    ]
    result = pair_cohort(people)
    assert pairing(result) == {("a@x.example", "m1@x.example")}
    assert [(u.person.email, u.reason) for u in result.unpaired] == [
        ("m2@x.example", "every mentee they could teach is paired with another mentor")
    ]


def test_pinned_pair_keeps_its_rank() -> None:
    people = [
        person("a@x.example", "mentee", "x;y"),
        person("m1@x.example", "mentor", "x;y"),
        person("m2@x.example", "mentor", "x"),
    ]
    result = pair_cohort(
        people, PairingSettings(pinned=[{"mentor": "m2@x.example", "mentee": "a@x.example"}])
    )
    (pair,) = result.pairs
    assert (pair.mentor.email, pair.pinned, pair.rank, pair.options) == ("m2@x.example", True, 2, 2)


def test_empty_sides() -> None:
    assert pair_cohort([]).pairs == []
    only_mentees = pair_cohort([person("a@x.example", "mentee", "python")])
    assert only_mentees.unpaired[0].reason == "no mentor teaches any of: python"


def test_settings_defaults_and_strictness() -> None:
    defaults = PairingSettings()
    assert (defaults.fairness, defaults.publish_names, defaults.pinned) == (False, False, [])
    assert defaults.rules.allow_same_department is True
    with pytest.raises(ValueError, match="Extra inputs are not permitted"):
        PairingSettings(weights={"skill": 1})
    with pytest.raises(ValueError, match="greater than or equal to 0"):
        PairingSettings(weights={"same_location": -1})
    with pytest.raises(ValueError, match="an e-mail address like name@example.org"):
        PairingSettings(pinned=[{"mentor": "nobody", "mentee": "a@x.example"}])
    assert PairingSettings(
        forbidden=[{"mentor": " M@X.example ", "mentee": "a@x.example"}]
    ).forbidden[0].mentor == ("m@x.example")
    schema = PairingSettings.model_json_schema()
    assert all("description" in field for field in schema["properties"].values())
