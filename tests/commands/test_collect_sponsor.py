"""playbook collect on the example: a dozen filled PDFs in, a two-page sponsor summary out (A4 and
Letter), read back with pypdf; --compare against the last round, and a bad file refused."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.cli import main
from generator.commands.collect import CollectOutcome, collect_program
from tests.commands.test_collect import fill

SM, SU = "confidence_social_media", "confidence_sustainability"
ASK, SPEAK, GROUND = "confidence_asking", "confidence_speaking_up", "confidence_ground"
# Sales, from the example roster: (role, name, start ratings, end ratings, recommend, value)
PEOPLE = [
    ("mentee", "Margaret Okafor", {SM: 2, SU: 2, ASK: 3, GROUND: 2}, {SM: 4, SU: 3, ASK: 4}, 9, 5),
    ("mentee", "Hiroshi Tanaka", {SM: 1, SU: 3, ASK: 2}, {SM: 3, SU: 3, ASK: 3}, 10, 4),
    ("mentee", "Olu Adeyemi", {SM: 3, SU: 2}, {SM: 4, SU: 4}, 8, 4),
    ("mentor", "Chloe Martin", {SM: 4, SU: 3, SPEAK: 2}, {SM: 5, SU: 4, SPEAK: 4}, 9, 5),
    ("mentor", "Sam Rivera", {SM: 4, SU: 2}, {SM: 4, SU: 3}, 6, 3),
    ("mentor", "Aisha Khan", {SM: 5, SU: 3}, {SM: 5, SU: 3}, 10, 5),
]
QUOTES = [
    "I stopped nodding along in meetings about TikTok & started asking.",
    "My mentor showed me our own website on a phone.",
]
ADJUSTMENTS = ["Protect the sessions in the leaders' calendars.", "Send the end form sooner."]
EVALUATION = f"""
evaluation:
  quotes: {json.dumps(QUOTES)}
  quotes_file: quotes.txt
  adjustments: {json.dumps(ADJUSTMENTS)}
"""
FILE_QUOTE = "It felt awkward for two sessions, then it was the most honest talk I have at work."


def returned_forms(site: Path, folder: Path) -> Path:
    """Twelve self-assessments and end forms of Sales, five mid-point reviews of Engineering."""
    for i, (role, name, start, end, recommend, value) in enumerate(PEOPLE):
        ratings = {key: f"/{v - 1}" for key, v in start.items()}
        fill(site, "sales", f"self-assessment-{role}", {"name": name} | ratings,
             folder / f"start-{i}.pdf")  # fmt: skip
        email = name.lower().replace(" ", ".") + "@northwind.example"
        answers = {"name": name, "recommend": f"/{recommend}", "value": f"/{value - 1}",
                   "example": f"Written by {name}, {email}"}  # fmt: skip
        answers |= {key: f"/{v - 1}" for key, v in end.items()}
        fill(site, "sales", f"end-{role}", answers, folder / f"end-{i}.pdf")
    for i, progress in enumerate([4, 3, 5, 4, 2]):
        fill(site, "engineering", "mid-mentee", {"progress": f"/{progress - 1}", "safe": "/4"},
             folder / f"mid-{i}.pdf")  # fmt: skip
    return folder


def example_copy(folder: Path, paper: str = "A4", evaluation: str = EVALUATION) -> Path:
    """The example's config, roster and settings in ``folder``, with the lead's notes."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("organisation.yaml", "roster.example.csv", "mkdocs.yml"):
        shutil.copy(Path("playbook") / name, folder / name)
    config = folder / "organisation.yaml"
    text = config.read_text(encoding="utf-8").replace("paper_size: A4", f"paper_size: {paper}")
    config.write_text(text.replace("\nsite:", evaluation + "\nsite:"), encoding="utf-8")
    (folder / "quotes.txt").write_text(FILE_QUOTE + "\n\n", encoding="utf-8")
    return config


@pytest.fixture(scope="module")
def returned(example_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return returned_forms(example_site, tmp_path_factory.mktemp("returned"))


@pytest.fixture(scope="module", params=["A4", "Letter"])
def outcome(
    request: pytest.FixtureRequest, returned: Path, tmp_path_factory: pytest.TempPathFactory
) -> CollectOutcome:
    config = example_copy(tmp_path_factory.mktemp(request.param) / "playbook", request.param)
    return collect_program(config, [returned])


def pdf_text(path: Path) -> tuple[list[str], list[tuple[float, float]]]:
    """Each page's text, and each page's size in millimetres."""
    reader = PdfReader(path)
    sizes = [(float(p.mediabox.width) / 72 * 25.4, float(p.mediabox.height) / 72 * 25.4)
             for p in reader.pages]  # fmt: skip
    return [page.extract_text() for page in reader.pages], sizes


def test_summary_is_two_pages_on_the_configured_paper(outcome: CollectOutcome) -> None:
    pages, sizes = pdf_text(outcome.folder / "sponsor-summary.pdf")
    assert len(pages) == outcome.summary_pages == 2
    width = round(sizes[0][0])
    assert width in (210, 216)  # A4, Letter
    assert {round(s[1]) for s in sizes} == {297 if width == 210 else 279}
    assert (outcome.folder / "sponsor-summary.html").is_file()


def test_headline_nps_with_n_and_its_spread(outcome: CollectOutcome) -> None:
    text = " ".join(" ".join(pdf_text(outcome.folder / "sponsor-summary.pdf")[0]).split())
    # recommend 9, 10, 8, 9, 6, 10: 4 promoters, 1 passive, 1 detractor: NPS +50
    assert "Net Promoter Score, n=6" in text
    assert "+50" in text
    assert "4 promoters (9–10)" in text
    assert "1 passive (7–8)" in text
    assert "1 detractor (0–6)" in text
    assert re.search(r"24 ?participants on the roster", text)


def test_change_per_focus_area_and_role(outcome: CollectOutcome) -> None:
    text = " ".join(" ".join(pdf_text(outcome.folder / "sponsor-summary.pdf")[0]).split())
    # Social media: mentees 2->4, 1->3, 3->4 (+1.67), mentors 4->5, 4->4, 5->5 (+0.33), both +1.0
    line = re.search(r"Social media and online audiences (.*?) Sustainability", text)
    assert line is not None
    assert line.group(1).split() == ["+1.7", "n=3", "†", "+0.3", "n=3", "†", "+1.0", "n=6"]
    # Sustainability: mentees +1, 0, +2 (+1.0); mentors +1, +1, 0 (+0.67); both 5/6
    assert "Sustainability in the supply chain +1.0 n=3 † +0.7 n=3 † +0.8 n=6" in text
    assert outcome.summary is not None
    assert [a.label for a in outcome.summary.areas] == [
        "Social media and online audiences",
        "Sustainability in the supply chain",
    ]


def test_no_participant_name_or_email_anywhere(outcome: CollectOutcome) -> None:
    pages = " ".join(pdf_text(outcome.folder / "sponsor-summary.pdf")[0])
    html = (outcome.folder / "sponsor-summary.html").read_text(encoding="utf-8")
    roster = (Path("playbook") / "roster.example.csv").read_text(encoding="utf-8").splitlines()
    people = [line.split(",")[:2] for line in roster[1:]]
    for name, email in people:
        for text in (pages, html):
            assert name not in text
            assert email not in text
            assert not re.search(rf"\b{name.split()[-1]}\b", text)  # not even a surname
    assert "Written by" not in html  # free text only as the lead's quotes


def test_quotes_and_adjustments_appear_without_attribution(outcome: CollectOutcome) -> None:
    text = " ".join(" ".join(pdf_text(outcome.folder / "sponsor-summary.pdf")[0]).split())
    for quote in [*QUOTES, FILE_QUOTE, *ADJUSTMENTS]:
        assert quote in text
    html = (outcome.folder / "sponsor-summary.html").read_text(encoding="utf-8")
    assert "TikTok &amp; started" in html  # config text is escaped


def test_caveat_marks_where_n_is_below_min_group(outcome: CollectOutcome) -> None:
    text = " ".join(" ".join(pdf_text(outcome.folder / "sponsor-summary.pdf")[0]).split())
    assert "Mentees +67 (n=3 †); Mentors +33 (n=3 †)" in text
    assert text.count("† Fewer than 5 answers or people") == 1  # the wording, once
    assert "Net Promoter Score, n=6 †" not in text  # six is enough: no mark


def test_more_than_five_quotes_is_a_located_error(tmp_path: Path, runner) -> None:
    many = "\nevaluation:\n  quotes: [a, b, c]\n  quotes_file: quotes.txt\n"
    config = example_copy(tmp_path / "playbook", evaluation=many)
    result = runner.invoke(main, ["validate", str(config)])
    assert result.exit_code == 0, result.output  # three inline and one in the file: four
    (tmp_path / "playbook" / "quotes.txt").write_text("one\ntwo\nthree\n", encoding="utf-8")
    result = runner.invoke(main, ["validate", str(config)])
    assert result.exit_code == 1
    assert re.search(
        r"organisation\.yaml:\d+:\d+: evaluation\.quotes_file: at most 5 quotes in all "
        r"\(inline and in the file\), got 6",
        result.output,
    )
    six = "\nevaluation:\n  quotes: [a, b, c, d, e, f]\n"
    config = example_copy(tmp_path / "inline", evaluation=six)
    result = runner.invoke(main, ["validate", str(config)])
    assert result.exit_code == 1
    assert "evaluation.quotes: expected at most 5 item(s), got a list of 6 item(s)" in result.output


def test_compare_shows_both_rounds_and_refuses_a_bad_file(
    returned: Path, tmp_path: Path, runner
) -> None:
    config = example_copy(tmp_path / "playbook")
    first = collect_program(config, [returned])
    previous = tmp_path / "previous" / "aggregates.json"
    previous.parent.mkdir()
    data = json.loads((first.folder / "aggregates.json").read_text(encoding="utf-8"))
    overall = next(g for g in data["groups"] if g["slug"] == "overall")
    mid = next(f for f in overall["forms"] if f["form"] == "mid-mentee")
    progress = next(q for q in mid["questions"] if q["field"] == "mid-mentee-progress")
    progress["mean"], progress["answers"] = 2.5, 8
    mid["questions"].append(dict(progress, field="mid-mentee-gone", question="Retired question"))
    previous.write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(main, ["collect", str(returned), "-c", str(config),
                                  "--compare", str(previous)])  # fmt: skip
    assert result.exit_code == 0, result.output
    pages = pdf_text(first.folder / "sponsor-summary.pdf")[0]
    assert len(pages) == 2
    text = " ".join(" ".join(pages).split())
    # progress 4, 3, 5, 4, 2: mean 3.6 of 5 now, 2.5 of 8 then
    assert (
        "Progress towards your goals so far Mid-programme review (mentees) 2.5 n=8 3.6 n=5 +1.1"
        in text
    )
    assert "Last round only: 1." in text
    report = (first.folder / "report.md").read_text(encoding="utf-8")
    assert (
        "| Retired question | Mid\\-programme review \\(mentees\\) | 2.50 | 8 | – |  "
        "| last round only |" in report
    )
    assert "| 2.50 | 8 | 3.60 | 5 | +1.10 |" in report
    for bad, why in [
        ('{"groups": 3}', "no 'groups' list"),
        ('{"format": "playbook-aggregates", "version": 9, "groups": []}',
         "playbook-aggregates version 9; expected playbook-aggregates version 1"),
        ("name,email\n", "not JSON: JSONDecodeError"),
    ]:  # fmt: skip
        previous.write_text(bad, encoding="utf-8")
        result = runner.invoke(main, ["collect", str(returned), "-c", str(config),
                                      "--compare", str(previous)])  # fmt: skip
        assert result.exit_code == 1
        assert result.output == (
            f"Error: {previous}: not a previous round's aggregates.json ({why})\n"
        )
