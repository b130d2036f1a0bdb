"""The program's sign-up forms: from the content model and the config, one per role."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from generator.config.load import load
from generator.program.signup import SIGNUP_DIR, signup_catalogue, signup_documents

EXAMPLE = Path("playbook/organisation.yaml")


def test_one_form_per_role_titled_by_role() -> None:
    titles = [doc.title for doc in signup_documents(load(EXAMPLE))]
    assert titles == ["Sign-up: mentor", "Sign-up: mentee"]


def test_departments_and_skills_come_from_the_config() -> None:
    playbook = load(EXAMPLE)
    form = signup_catalogue(playbook)["signup-mentee"]
    assert form["department"].options == tuple(d.name for d in playbook.departments)
    skills = [q.topic for q in form.questions if q.topic]
    areas = [t.id for s in (playbook.defaults, *(d.settings for d in playbook.departments))
             for t in s.focus_areas]  # fmt: skip
    assert skills[: len(set(areas))] == list(dict.fromkeys(areas))  # focus areas come first
    assert set(skills) == set(playbook.topics)
    assert form.get("skill_social_media").text == "I want to learn: " + (
        playbook.topics["social-media"].title
    )
    mentor = signup_catalogue(playbook)["signup-mentor"]
    assert mentor["skill_social_media"].text.startswith("I could teach: ")


def test_consent_says_what_is_kept_who_reads_it_and_for_how_long() -> None:
    text = signup_catalogue(load(EXAMPLE))["signup-mentor"]["consent"].text
    assert "Mentor-Up" in text  # {program} is filled in
    for words in ("keeps them", "only the lead", "deleted when this round"):
        assert words in text


def test_the_built_pdfs_are_fillable_and_carry_the_sign_up_identity(built_site: Path) -> None:
    folder = built_site / "printables" / SIGNUP_DIR
    reader = PdfReader(folder / "signup-mentor.pdf")
    assert reader.metadata["/playbook"].startswith(f"department={SIGNUP_DIR};program=")
    fields = reader.get_fields() or {}
    assert {"signup-mentor-name", "signup-mentor-consent", "signup-mentor-availability"} <= set(
        fields
    )
    downloads = (built_site / "downloads" / "index.html").read_text(encoding="utf-8")
    assert f'href="../printables/{SIGNUP_DIR}/signup-mentee.pdf"' in downloads
    assert "Sign-up: mentee" in downloads
