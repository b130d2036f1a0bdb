"""Packets: field names from the form catalogue, filled PDFs as bytes, a missing field an error."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.commands.collect import catalogues_of
from generator.config.load import load
from generator.config.pairing_settings import PairingSettings
from generator.errors import FormFieldError
from generator.evaluation.collect import collect
from generator.pairing.cohort import PairingResult, pair_cohort
from generator.pairing.packets import (
    CHECKED,
    department_plans,
    field_values,
    fill,
    make_packets,
    packet_documents,
    packet_names,
    quiet_pypdf,
)
from generator.pairing.roster import read_roster
from generator.program.plan import plan_program
from tests.conftest import MINIMAL

ROSTER = """\
name,email,role,department,skills
Vera Senior,vera@acme.example,mentee,Sales,Social media marketing
Ana Junior,ana@acme.example,mentor,Finance,social media marketing
"""


def pairing(tmp_path: Path) -> PairingResult:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    return pair_cohort(read_roster(roster), PairingSettings())


def test_field_names_come_from_the_catalogue(small_config: Path, tmp_path: Path) -> None:
    sales = plan_program(load(small_config)).departments[0]
    pair = pairing(tmp_path).pairs[0]
    goals = field_values(sales.forms["goals-mentee"], pair, ["social-media"])
    assert goals == {
        sales.forms["goals-mentee"]["name"].field: "Vera Senior",
        sales.forms["goals-mentee"]["skill_social_media"].field: CHECKED,
    }
    assert set(goals) == {"goals-mentee-name", "goals-mentee-skill_social_media"}
    agreement = field_values(sales.forms["agreement"], pair, [])
    assert agreement == {
        "agreement-mentee_name": "Vera Senior",
        "agreement-mentor_name": "Ana Junior",
    }
    with pytest.raises(KeyError, match="goals-mentor-teach_knitting"):
        field_values(sales.forms["goals-mentor"], pair, ["knitting"])  # not a Sales focus area


def test_fill_returns_the_filled_pdf_as_bytes(built_site: Path) -> None:
    source = built_site / "printables" / "sales" / "goals-mentee.pdf"
    data = fill(
        source, {"goals-mentee-name": "Vera Senior", "goals-mentee-skill_technology": CHECKED}
    )
    assert data.startswith(b"%PDF")
    with quiet_pypdf():
        fields = PdfReader(io.BytesIO(data)).get_fields()
    assert fields["goals-mentee-name"].get("/V") == "Vera Senior"
    assert fields["goals-mentee-skill_technology"].get("/V") == CHECKED


def test_a_field_missing_from_the_pdf_is_an_error_naming_file_and_field(built_site: Path) -> None:
    source = built_site / "printables" / "sales" / "goals-mentee.pdf"
    values = {"goals-mentee-name": "Vera", "goals-mentee-skill_knitting": CHECKED, "zz-gone": "x"}
    with pytest.raises(FormFieldError) as caught:
        fill(source, values)
    message = caught.value.message
    assert message.startswith(f"{source}: no form field goals-mentee-skill_knitting, zz-gone;")
    assert "goals-mentee-name" not in message  # only the missing ones
    assert caught.value.exit_code == 1


def test_packets_are_made_in_memory(small_config: Path, built_site: Path, tmp_path: Path) -> None:
    result = pairing(tmp_path)
    before = sorted(p for p in built_site.rglob("*"))
    packets = make_packets(result, plan_program(load(small_config)), built_site)
    assert sorted(p for p in built_site.rglob("*")) == before  # nothing written
    assert [p.name for p in packets] == ["vera-senior--ana-junior"]
    assert sorted(packets[0].files) == [
        "agreement.pdf", "goals-mentee.pdf", "goals-mentor.pdf",
        "self-assessment-mentee.pdf", "self-assessment-mentor.pdf",
    ]  # fmt: skip
    missing = make_packets(result, plan_program(load(small_config)), tmp_path / "no-site")
    assert missing[0].files == {}
    assert re.match(
        r"no printables \(run playbook build\): .*no-site/printables/sales", missing[0].problem
    )


def test_packets_keep_the_department_and_program_their_forms_name(
    small_config: Path, built_site: Path, tmp_path: Path
) -> None:
    """`playbook collect` recognises a returned packet form by its document properties."""
    (packet,) = make_packets(pairing(tmp_path), plan_program(load(small_config)), built_site)
    for name, data in packet.files.items():
        info = PdfReader(io.BytesIO(data)).metadata
        assert info["/playbook"] == "department=sales;program=mentor-up", name
    (tmp_path / "agreement.pdf").write_bytes(packet.files["agreement.pdf"])
    catalogues = catalogues_of(plan_program(load(small_config)))
    collected = collect([tmp_path / "agreement.pdf"], catalogues, "mentor-up")
    assert [s.reason for s in collected.skipped] == [
        f"'{catalogues['sales']['agreement'].title}' is an agreement form, not a feedback form"
    ]


@pytest.mark.parametrize(
    ("named", "slug"), [("SALES", "sales"), ("finance", "finance"), ("Legal", None)]
)
def test_a_packet_finds_the_department_as_the_roster_check_does(
    small_config: Path, tmp_path: Path, named: str, slug: str | None
) -> None:
    """By name in any case or by page name; a pair made through the API, without the config's
    roster check, may name a department the config does not have."""
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER.replace(",Sales,", f",{named},"), encoding="utf-8")
    pair = pair_cohort(read_roster(roster), PairingSettings()).pairs[0]
    plans = department_plans(plan_program(load(small_config)))
    plan = plans(pair)
    assert (plan.department.slug if plan else None) == slug


def test_a_department_without_an_agreement_gets_no_agreement_in_its_packets(write_config) -> None:
    text = MINIMAL.replace("    sessions: 3\n", "    sessions: 3\n    agreement: false\n")
    program = plan_program(load(write_config(text)))
    research, sales = program.departments
    assert [d.form.id for d in packet_documents(research)] == [
        "goals-mentee", "goals-mentor", "self-assessment-mentee", "self-assessment-mentor",
        "agreement",
    ]  # fmt: skip
    assert [d.form.id for d in packet_documents(sales)] == [
        "goals-mentee", "goals-mentor", "self-assessment-mentee", "self-assessment-mentor"
    ]  # fmt: skip


def pairs_of(tmp_path: Path, people: list[tuple[str, str, str, str]]) -> PairingResult:
    """Pairs from (name, e-mail, role, skill) rows; each skill matches one mentor."""
    rows = [f"{n},{e},{r},Sales,{k}" for n, e, r, k in people]
    roster = tmp_path / "roster.csv"
    roster.write_text("name,email,role,department,skills\n" + "\n".join(rows), encoding="utf-8")
    return pair_cohort(read_roster(roster), PairingSettings())


def test_pairs_with_non_latin_names_get_readable_folders_of_their_own(tmp_path: Path) -> None:
    result = pairs_of(
        tmp_path,
        [
            ("Ольга Иванова", "olga@acme.example", "mentee", "Python"),
            ("Анна Смирнова", "anna@acme.example", "mentor", "Python"),
            ("山田太郎", "yamada@acme.example", "mentee", "TikTok"),
            ("佐藤花子", "sato@acme.example", "mentor", "TikTok"),
            ("مريم", "maryam@acme.example", "mentee", "Excel"),
            ("Ελένη", "eleni@acme.example", "mentor", "Excel"),
        ],
    )
    assert packet_names(result.pairs) == [
        "mrym--elene", "olga-ivanova--anna-smirnova", "shan-tian-tai-lang--zuo-teng-hua-zi"
    ]  # fmt: skip


def test_pairs_whose_names_meet_get_two_folders_named_by_their_emails(tmp_path: Path) -> None:
    people = [
        ("★", "star@acme.example", "mentee", "Python"),  # nothing to spell: both are 'pair'
        ("✦", "spark@acme.example", "mentor", "Python"),
        ("☆", "moon@acme.example", "mentee", "TikTok"),
        ("✧", "glow@acme.example", "mentor", "TikTok"),
        ("Maria Garcia", "maria.g@acme.example", "mentee", "Excel"),  # two of the same name
        ("Ana Ruiz", "ana.r@acme.example", "mentor", "Excel"),
        ("María García", "maria.garcia@acme.example", "mentee", "SQL"),
        ("Ana Ruiz", "ana.ruiz@acme.example", "mentor", "SQL"),
        ("Lee Park", "lee@acme.example", "mentee", "Figma"),
        ("Kim Cho", "kim@acme.example", "mentor", "Figma"),
    ]
    names = packet_names(pairs_of(tmp_path, people).pairs)
    assert len(set(names)) == len(names) == 5
    assert "lee-park--kim-cho" in names  # a name of its own stays plain
    shared = sorted(n for n in names if n != "lee-park--kim-cho")
    assert [re.sub(r"-[0-9a-f]{8}$", "", n) for n in shared] == [
        "maria-garcia--ana-ruiz", "maria-garcia--ana-ruiz", "pair", "pair"
    ]  # fmt: skip
    again = packet_names(pairs_of(tmp_path, people[::-1]).pairs)
    assert sorted(again) == sorted(names)  # the same folders whatever the roster's order
