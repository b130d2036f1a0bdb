"""`playbook forms export` writes the sign-up forms too."""

from __future__ import annotations

from pathlib import Path

from generator.commands.forms import export_forms


def test_sign_up_forms_are_exported(tmp_path: Path) -> None:
    _, written = export_forms(Path("playbook/organisation.yaml"), tmp_path)
    names = {path.name for path in written}
    assert {"signup-mentor.txt", "signup-mentee.txt"} <= names
    text = (tmp_path / "signup-mentee.txt").read_text(encoding="utf-8")
    assert text.startswith("Sign-up: mentee\n")
    assert "3. Your department\n   choice, one answer: Sales / Engineering" in text
    assert "I want to learn: " in text
