"""`playbook pair` end to end: roster in, private report and filled packets out."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.cli import main
from generator.commands.pair import pair_program
from generator.errors import BuildError
from generator.pairing.packets import quiet_pypdf
from generator.publish import files
from tests.conftest import MINIMAL

ROSTER = """\
name,email,role,department,skills,manager
Vera Senior,vera@acme.example,mentee,Sales,Social media marketing;Podcasting,
Tom Senior,tom@acme.example,mentee,Finance,Work-life balance tools,
Ana Junior,ana@acme.example,mentor,Finance,social media marketing;TikTok,
Ben Junior,ben@acme.example,mentor,Sales,Work-life balance tools,tom@acme.example
Cy Junior,cy@acme.example,mentor,Sales,Knitting,
"""
#: The small config's departments, so every roster row names one of them.
CONFIG = MINIMAL.replace("  - name: Research\n", "  - name: Finance\n")


def fields(pdf: Path) -> dict[str, object]:
    with quiet_pypdf():
        return {name: field.get("/V") for name, field in PdfReader(pdf).get_fields().items()}


def test_pair_writes_private_report_and_filled_packets(runner, small_config, built_site):
    roster = small_config.parent / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    result = runner.invoke(main, ["pair", str(roster), "-c", str(small_config)])
    assert result.exit_code == 0, result.output
    assert "1 pairs proposed" in result.output or "2 pairs proposed" in result.output
    private = small_config.parent / "private" / "pairing"
    assert (private / "pairs.csv").read_text().count("\n") >= 2
    assert "Vera Senior" in (private / "pairing-report.html").read_text()

    assert sorted(p.name for p in private.iterdir()) == [
        "packets", "pairing-report.html", "pairing-report.md", "pairs.csv"
    ]  # fmt: skip
    packet = private / "packets" / "vera-senior--ana-junior"
    assert sorted(p.name for p in packet.iterdir()) == [
        "agreement.pdf", "goals-mentee.pdf", "goals-mentor.pdf",
        "self-assessment-mentee.pdf", "self-assessment-mentor.pdf",
    ]  # fmt: skip
    agreement = fields(packet / "agreement.pdf")
    assert agreement["agreement-mentee_name"] == "Vera Senior"
    assert agreement["agreement-mentor_name"] == "Ana Junior"
    goals = fields(packet / "goals-mentee.pdf")
    assert goals["goals-mentee-name"] == "Vera Senior"
    assert goals["goals-mentee-skill_social_media"] == "/on"  # matched skill is ticked
    assert goals.get("goals-mentee-skill_technology") in (None, "/Off", "")


def test_reporting_line_is_respected_and_reasons_are_printed(runner, small_config, built_site):
    roster = small_config.parent / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    result = runner.invoke(main, ["pair", str(roster), "-c", str(small_config)])
    # Ben reports to Tom, the only mentee wanting his skill: Tom stays unpaired, with why: on
    # the terminal counted by kind, in the report by name.
    assert "unpaired, every candidate conflicts (reporting line): 2" in result.output
    report = (small_config.parent / "private/pairing/pairing-report.md").read_text()
    assert "| Tom Senior | mentee | every candidate conflicts \\(reporting line\\) |" in report
    assert "Ben Junior" not in (small_config.parent / "private/pairing/pairs.csv").read_text()


def test_site_never_contains_participants(small_config, built_site):
    names = ("Vera Senior", "vera@acme.example", "Ana Junior", "ana@acme.example")
    for path in built_site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".md", ".json", ".xml", ".ics"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert not any(name in text for name in names), path


def test_pair_without_roster_is_a_plain_error(runner, write_config):
    result = runner.invoke(main, ["pair", "-c", str(write_config())])
    assert result.exit_code == 1
    assert "no roster given" in result.output


def test_bad_roster_is_a_located_error_and_writes_nothing(runner, write_config, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("name,email,role,department,skills\nA,a@x.example,boss,Sales,x\n")
    result = runner.invoke(main, ["pair", str(roster), "-c", str(write_config(CONFIG))])
    assert result.exit_code == 1
    assert "row 2" in result.output
    assert "role" in result.output
    assert not (tmp_path / "private").exists()


def test_a_template_in_the_config_templates_folder_replaces_the_report(
    runner, write_config, tmp_path
):
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    override = tmp_path / "templates" / "report" / "pairing.html"
    override.parent.mkdir(parents=True)
    override.write_text(
        "<h1>Our pairs</h1>{% for row in pairs %}<p>{{ row.pair.mentee.name }} learns from "
        "{{ row.pair.mentor.name }}</p>{% endfor %}",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["pair", str(roster), "-c", str(write_config(CONFIG))])
    assert result.exit_code == 0, result.output
    private = tmp_path / "private" / "pairing"
    page = (private / "pairing-report.html").read_text(encoding="utf-8")
    assert page.startswith("<h1>Our pairs</h1><p>")
    assert "<p>Vera Senior learns from Ana Junior</p>" in page
    assert "Private: contains participant names" in (private / "pairing-report.md").read_text()


def test_a_failed_write_leaves_the_previous_folder_untouched(write_config, tmp_path, monkeypatch):
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    config = write_config(CONFIG)
    folder = pair_program(config, roster, None).folder
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert set(before) == {"pairing-report.html", "pairing-report.md", "pairs.csv"}

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "swap", full_disk)
    roster.write_text(ROSTER.replace("Vera Senior", "Vera Changed"), encoding="utf-8")
    with pytest.raises(BuildError, match="cannot write: No space left on device"):
        pair_program(config, roster, fairness=True)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert sorted(p.name for p in folder.parent.iterdir()) == ["pairing"]  # no staging left


def test_a_new_pairing_replaces_the_old_packets(runner, small_config, built_site):
    roster = small_config.parent / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    packets = small_config.parent / "private" / "pairing" / "packets"
    assert runner.invoke(main, ["pair", str(roster), "-c", str(small_config)]).exit_code == 0
    assert (packets / "vera-senior--ana-junior").is_dir()
    roster.write_text(ROSTER.replace("Vera Senior", "Vera Renamed"), encoding="utf-8")
    assert runner.invoke(main, ["pair", str(roster), "-c", str(small_config)]).exit_code == 0
    assert (packets / "vera-renamed--ana-junior" / "agreement.pdf").is_file()
    assert not (packets / "vera-senior--ana-junior").exists()  # no one's old packet lingers
