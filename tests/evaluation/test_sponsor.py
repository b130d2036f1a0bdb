"""The sponsor summary's figures: NPS spread and interval by hand, the strongest and weakest
questions, forms labelled by their titles; and the comparison with a previous round."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.errors import InputFileError
from generator.evaluation.compare import compare, read_previous
from generator.evaluation.sponsor import NetPromoter, extremes, form_title
from generator.evaluation.stats import FormStats, GroupStats, QuestionStats
from generator.program.forms import Question


def test_nps_spread_and_interval_match_a_hand_computation() -> None:
    # 0-10 answers 6, 8, 9, 9, 10, 10: 4 promoters, 1 passive, 1 detractor
    nps = NetPromoter((0, 0, 0, 0, 0, 0, 1, 0, 1, 2, 2))
    assert (nps.n, nps.promoters, nps.passives, nps.detractors) == (6, 4, 1, 1)
    assert nps.score == pytest.approx(50.0)
    # variance (4/6 + 1/6 - (3/6)^2) / 6; 1.96 standard errors either side, clipped at +100
    half = 100 * 1.96 * ((5 / 6 - 0.25) / 6) ** 0.5
    assert nps.interval == (pytest.approx(50 - half), 100.0)
    assert NetPromoter((0,) * 10 + (1,)).interval is None  # one answer: no interval


def rating(field: str, text: str, mean_of: list[int]) -> QuestionStats:
    question = Question(field, "rating", text)
    counts = tuple(mean_of.count(v) for v in range(1, 6))
    return QuestionStats(question, counts, len(mean_of))


def overall(*questions: QuestionStats) -> GroupStats:
    form = FormStats("end-mentee", "raw", 5, 5, None, questions, ())
    return GroupStats("overall", "All", (form,), (), (), ())


def test_strongest_and_weakest_need_min_group_answers_and_do_not_overlap() -> None:
    group = overall(
        rating("a", "High", [5, 5, 5, 4, 4]),
        rating("b", "Middle", [3, 3, 4, 3, 3]),
        rating("c", "Low", [1, 2, 2, 1, 2]),
        rating("d", "Too few", [5, 5]),
    )
    titles = {"end-mentee": "End-of-programme review: mentee"}
    strongest, weakest = extremes(group, titles, min_group=5)
    assert [(r.question, r.mean, r.n) for r in strongest] == [
        ("High", 4.6, 5), ("Middle", 3.2, 5), ("Low", 1.6, 5)
    ]  # fmt: skip
    assert weakest == ()  # all three are already the strongest: none twice
    strongest, weakest = extremes(group, titles, min_group=1)
    assert [r.question for r in strongest] == ["Too few", "High", "Middle"]
    assert [r.question for r in weakest] == ["Low"]
    assert strongest[0].form == "End-of-programme review: mentee"


def test_form_titles_come_from_the_content_model_even_without_responses(write_config) -> None:
    from generator.commands.collect import catalogues_of
    from generator.config.load import load
    from generator.program.plan import plan_program

    catalogues = catalogues_of(plan_program(load(write_config())))
    assert form_title(catalogues, "pulse-mentee") == "Session pulse (mentees)"
    assert form_title(catalogues, "no-such-form") == "no-such-form"


def previous_file(tmp_path: Path, forms: list) -> Path:
    path = tmp_path / "aggregates.json"
    data = {"format": "playbook-aggregates", "version": 1, "program": "Mentor-Up",
            "groups": [{"slug": "overall", "forms": forms}]}  # fmt: skip
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_compare_lists_questions_in_one_round_only_and_hidden_ones(tmp_path: Path) -> None:
    then = [
        {"form": "end-mentee", "title": "End", "suppressed": False, "questions": [
            {"field": "a", "question": "High", "mean": 4.0, "answers": 7},
            {"field": "gone", "question": "Retired", "mean": 2.0, "answers": 6},
        ]},
        {"form": "mid-mentee", "title": "Mid", "suppressed": True},
    ]  # fmt: skip
    group = overall(rating("a", "High", [5, 5, 5, 4, 4]), rating("new", "New", [3, 3, 3, 3, 3]))
    mid = FormStats("mid-mentee", "Mid", 5, 5, None, (rating("m", "Mid q", [4] * 5),), ())
    group = GroupStats("overall", "All", (*group.forms, mid), (), (), ())
    result = compare(
        previous_file(tmp_path, then), group, {"end-mentee": "End", "mid-mentee": "Mid"}
    )
    rows = {row.field: row for row in result.rows}
    assert rows["a"].change == pytest.approx(0.6)
    assert (rows["a"].then.n, rows["a"].now.n) == (7, 5)
    assert [r.field for r in result.only_now] == ["new", "m"]
    assert rows["m"].hidden_then
    assert not rows["new"].hidden_then
    assert [r.field for r in result.only_then] == ["gone"]
    assert result.program == "Mentor-Up"


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("[1, 2]", "no 'groups' list"),
        ('{"groups": [{"slug": "sales", "forms": []}]}', "no 'overall' group with its forms"),
        ('{"format": "other", "groups": []}', "other version None; expected playbook-aggregates"),
        ('{"groups": [{"slug": "overall", "forms": [{"title": "x"}]}]}', "without 'form'"),
    ],
)
def test_a_file_that_is_not_a_previous_aggregates_json_is_refused(
    tmp_path: Path, text: str, why: str
) -> None:
    path = tmp_path / "previous.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputFileError, match="not a previous round's aggregates.json") as err:
        compare(path, overall(), {})
    assert why in str(err.value.message)
    assert "\n" not in err.value.message


def test_an_older_aggregates_json_without_a_version_is_read(tmp_path: Path) -> None:
    path = tmp_path / "aggregates.json"
    path.write_text('{"program": "x", "groups": [{"slug": "overall", "forms": []}]}', "utf-8")
    assert read_previous(path) == {"program": "x", "forms": []}
