"""The sponsor summary's layout at the config's limits: five longest quotes, six longest
adjustments, eight focus areas and a long comparison still fit two pages, on A4 and on Letter,
once `playbook collect` sets them closer."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from generator.commands.collect import summary_files
from generator.config.evaluation_settings import MAX_QUOTES
from generator.config.load import load
from generator.config.quotes import MAX_QUOTE_LENGTH
from generator.evaluation.change import ChangeStats
from generator.evaluation.compare import Compared, Comparison, Figure
from generator.evaluation.sponsor import (
    AreaChange,
    Headline,
    NetPromoter,
    Rate,
    Rated,
    SponsorSummary,
)
from generator.publish.pdf import report_pdf
from generator.render.environment import make_environment
from generator.render.reports import sponsor_html
from tests.conftest import MINIMAL

LONG = "A sentence a participant wrote at length about what changed for them. "


def area(i: int) -> AreaChange:
    row = ChangeStats(
        f"a{i}", f"Focus area number {i} with a longer title", "", "", ((2, 4),) * 3, 3
    )
    return AreaChange(row.label, (("mentee", row), ("mentor", None)), row)


def fullest(paper_min_group: int = 5) -> SponsorSummary:
    rated = tuple(Rated("How well did the program team support you in the sessions?", "End", 4.2, 9)
                  for _ in range(3))  # fmt: skip
    figure = Figure("Mid-programme review: mentee", "Progress towards your goals so far", 3.1, 4)
    rows = tuple(Compared("mid", f"q{i}", figure, figure) for i in range(20))
    return SponsorSummary(
        headline=Headline(48, 24, (4, 8), 140, 300, NetPromoter((1,) * 11), 0.8, 20),
        rates=tuple(Rate(f"Form {i}", 10, 24) for i in range(8)),
        nps=NetPromoter((1,) * 11),
        nps_roles=(("mentee", NetPromoter((1,) * 11)), ("mentor", NetPromoter((2,) * 11))),
        areas=tuple(area(i) for i in range(8)),
        strongest=rated,
        weakest=rated,
        quotes=tuple((LONG * 5)[:MAX_QUOTE_LENGTH] for _ in range(MAX_QUOTES)),
        adjustments=tuple((LONG * 3)[:200] for _ in range(6)),
        min_group=paper_min_group,
        source="pairs",
        comparison=Comparison("previous/aggregates.json", "x", rows),
    )


@pytest.mark.parametrize(("paper", "height"), [("A4", 297), ("Letter", 279)])
def test_the_fullest_summary_fits_two_pages(
    write_config, tmp_path, paper: str, height: int
) -> None:
    weekly = "  cadence: weekly\n"
    playbook = load(write_config(MINIMAL.replace(weekly, f"{weekly}  paper_size: {paper}\n")))
    env = make_environment(None)
    html = sponsor_html(playbook, fullest(), 300, env, "2027-03-01T00:00:00Z")
    assert report_pdf(html, "sponsor-summary.pdf")[1] > 2  # set as usual: too long
    files, pages = summary_files(playbook, fullest(), 300, env)
    assert pages == 2  # set closer
    (tmp_path / "s.pdf").write_bytes(files["sponsor-summary.pdf"])
    reader = PdfReader(tmp_path / "s.pdf")
    assert round(float(reader.pages[0].mediabox.height) / 72 * 25.4) == height
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert text.count("A sentence a participant wrote") >= MAX_QUOTES
    assert "the 6 that moved most are shown" in text
