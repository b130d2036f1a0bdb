"""The private pairing report rendered from report/pairing.html and .md: content, escaping,
determinism and user overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config.pairing_settings import PairingSettings
from generator.pairing.cohort import PairingResult, pair_cohort
from generator.pairing.flags import flag_counts, pair_flags
from generator.pairing.report import score_breakdown, why
from generator.pairing.roster import read_roster
from generator.render.environment import make_environment
from generator.render.reports import pairing_report_tree

EXAMPLE = Path(__file__).resolve().parents[2] / "playbook" / "roster.example.csv"


def pages(result: PairingResult, templates: Path | None = None) -> tuple[str, str]:
    tree = pairing_report_tree(result, make_environment(templates))
    assert sorted(tree) == ["pairing-report.html", "pairing-report.md"]
    return str(tree["pairing-report.html"]), str(tree["pairing-report.md"])


@pytest.fixture(scope="module")
def result() -> PairingResult:
    return pair_cohort(read_roster(EXAMPLE), PairingSettings(fairness=True))


def test_pages_explain_pairs_and_unpaired(result) -> None:
    page, markdown = pages(result)
    assert result.pairs
    assert result.unpaired
    for pair in result.pairs:
        assert pair.mentee.name in markdown
        assert why(pair).replace("'", "&#39;") in page
        assert score_breakdown(pair) in page
        assert score_breakdown(pair) in markdown
    for missing in result.unpaired:
        assert missing.reason in markdown
        assert missing.reason in page
    assert page.startswith("<!DOCTYPE html>")
    assert "<style>" in page
    assert "<script" not in page
    assert "http" not in page  # self-contained: no external resources
    for text in (page, markdown):
        assert "Private: contains participant names. Do not publish." in text
        assert f"at least {result.fairness_floor:.3f}" in text
    assert "<li><strong>10</strong>pairs</li>" in page
    assert "<li><strong>4</strong>mentors without a mentee</li>" in page
    assert "- Pairs: 10 (10 across departments)\n- Departments involved: 4\n" in markdown
    flagged = [pair for pair in result.pairs if pair_flags(pair, PairingSettings())]
    # A head and a row per pair, per unpaired and per flagged pair.
    assert markdown.count("\n| ") == 1 + 10 + 1 + 4 + 1 + len(flagged)
    for kind, count in flag_counts(pair_flags(p, PairingSettings()) for p in result.pairs).items():
        assert f"- {kind}: {count} pair" in markdown
        assert f"<li>{kind}: {count} pair" in page
    assert "follows the mentee's department's rhythm" in markdown


def test_pages_are_deterministic(result) -> None:
    again = pair_cohort(read_roster(EXAMPLE), PairingSettings(fairness=True))
    assert pages(result) == pages(again)


def test_roster_text_is_escaped_in_both_pages(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "name,email,role,department,skills\n"
        "Ann | *Bold*,a@x.example,mentee,Sales,Python\n"
        "<b>Bob</b>,b@x.example,mentor,Eng,python\n",
        encoding="utf-8",
    )
    page, markdown = pages(pair_cohort(read_roster(roster), PairingSettings()))
    assert "Ann \\| \\*Bold\\*" in markdown  # the pipe cannot split the table row
    assert "&lt;b&gt;Bob&lt;/b&gt;" in markdown
    assert "<b>Bob" not in markdown
    assert "&lt;b&gt;Bob&lt;/b&gt;" in page
    assert "<b>Bob" not in page


def test_empty_result_says_so() -> None:
    empty = PairingResult(pairs=[], unpaired=[])
    page, markdown = pages(empty)
    for text in (page, markdown):
        assert "No pairs could be made." in text
        assert "Everyone has a partner." in text
        assert "Fairness mode" not in text
        assert "<table>" not in text


def test_a_user_template_replaces_the_built_in_one(result, tmp_path: Path) -> None:
    (tmp_path / "report").mkdir()
    (tmp_path / "report" / "pairing.md").write_text(
        "{% for row in pairs %}{{ row.pair.mentee.name | md }}: {{ row.why | md }}\n{% endfor %}",
        encoding="utf-8",
    )
    page, markdown = pages(result, tmp_path)
    assert markdown.splitlines()[0] == "Beatrice Lungu: " + (
        "shares Python, Data visualisation; different departments \\(mentor: Engineering, "
        "mentee: Sales\\); both in Toronto; both speak English; option 1 of 4"
    )
    assert len(markdown.splitlines()) == 10
    assert page == pages(result)[0]  # the HTML page is still the built-in one
