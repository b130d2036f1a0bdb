"""evaluate: the pure figures and the suppression rule."""

from __future__ import annotations

import pytest

from generator.evaluation.collect import Response
from generator.evaluation.stats import OVERALL, QuestionStats, respondents, suppressed
from generator.program.forms import NPS, RATING, Form, Question


def test_nps_is_promoters_minus_detractors() -> None:
    question = Question("end-mentee-recommend", NPS, "Recommend?")
    counts = (1, 0, 0, 0, 0, 0, 1, 2, 1, 3, 2)  # 2 detractors, 3 passives, 5 promoters
    stats = QuestionStats(question, counts, 10)
    assert stats.nps == pytest.approx(100 * (5 - 2) / 10)
    assert stats.mean == pytest.approx((6 + 14 + 8 + 27 + 20) / 10)


def test_mean_and_shares_of_a_rating() -> None:
    stats = QuestionStats(Question("mid-mentor-progress", RATING, "Progress"), (1, 0, 2, 0, 1), 4)
    assert stats.mean == pytest.approx((1 + 6 + 5) / 4)
    assert stats.shares == (0.25, 0.0, 0.5, 0.0, 0.25)
    assert QuestionStats(stats.question, (0,) * 5, 0).mean is None


def test_pulse_respondents_are_the_largest_session() -> None:
    form = Form("pulse-mentee", "pulse", "mentee", "Pulse", ())
    answers = {"pulse-mentee-useful": "4"}
    returned = [Response("x", form, "sales", s, answers) for s in ("1", "1", "2", "2", "2")]
    assert respondents(returned) == 3
    assert respondents(returned, "pulse-mentee-candour") == 0


@pytest.mark.parametrize(
    ("overall", "counts", "hidden"),
    [
        (12, {"a": 6, "b": 6}, set()),
        (9, {"a": 6, "b": 3}, {"a", "b"}),  # b hidden, a too: 9 - 6 would give b
        (10, {"a": 6, "b": 2, "c": 2}, {"b", "c"}),  # two hidden: only their sum shows
        (3, {"a": 3}, {"a", OVERALL}),
        (7, {"a": 7, "b": 0}, set()),  # nobody in b: nothing to reveal
        (11, {"a": 6, "b": 5, "c": 0}, set()),
    ],
)
def test_small_groups_are_suppressed(overall: int, counts: dict, hidden: set) -> None:
    assert suppressed(overall, counts, 5) == hidden
