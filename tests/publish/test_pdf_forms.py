"""The built PDFs as forms: what they are kept out of sight, and every field named for a screen
reader by its question.

WeasyPrint 70 writes a widget's /TU (its accessible name, PDF 32000-1 §12.7.3.1) from the text
of a ``<label>`` inside an HTML ``<form>``, else from the ``title`` attribute; the print templates
use no ``<form>``, so /TU is the title the field macros give, which starts with the question.
A radio group takes its /TU from its first button.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from generator.config.load import load
from generator.program.forms import Question
from generator.program.plan import plan_program

DEPARTMENTS = ("sales", "finance")  # one department of pairs, one of groups


def pdfs(site: Path, slug: str) -> list[Path]:
    return sorted((site / "printables" / slug).glob("*.pdf"))


def widgets(reader: PdfReader) -> Iterator[Any]:
    for page in reader.pages:
        for ref in page.get("/Annots", []):
            annotation = ref.get_object()
            if annotation.get("/Subtype") == "/Widget":
                yield annotation


def test_every_pdf_names_its_department_and_program_in_its_properties(built_site: Path) -> None:
    for slug in DEPARTMENTS:
        files = pdfs(built_site, slug)
        assert any(path.name == "booklet.pdf" for path in files)
        for path in files:
            info = PdfReader(path).metadata
            assert info["/playbook"] == f"department={slug};program=mentor-up", path.name


def test_no_identity_is_printed_or_a_field(built_site: Path) -> None:
    for path in pdfs(built_site, "sales"):
        reader = PdfReader(path)
        text = " ".join(page.extract_text() for page in reader.pages)
        assert "program=" not in text, path.name
        assert "department=" not in text, path.name
        names = [str(widget.get("/T", "")) for widget in widgets(reader)]
        assert not [name for name in names if name.endswith("-form")], path.name
        assert "Form identity" not in {str(widget.get("/TU")) for widget in widgets(reader)}


def expected_name(widget: Any, questions: dict[str, Question]) -> tuple[str, str]:
    """The field's name and what its /TU must start with: the question, and a button's value."""
    parent = widget.get("/Parent")
    if parent is None:
        name = str(widget["/T"])
        return name, questions[name].text
    group = parent.get_object()
    name = str(group["/T"])
    kids = [kid.idnum for kid in group.raw_get("/Kids")]
    value = str(group["/Opt"][kids.index(widget.indirect_reference.idnum)])
    assert str(group["/TU"]).startswith(f"{questions[name].text}: "), name
    return name, f"{questions[name].text}: {value}"


def test_every_field_is_named_by_its_question(example_site: Path) -> None:
    program = plan_program(load(Path("playbook/organisation.yaml")))
    for plan in (p for p in program.departments if p.department.slug in DEPARTMENTS):
        questions = {q.field: q for form in plan.forms.values() for q in form.questions}
        for path in pdfs(example_site, plan.department.slug):
            named = set()
            for widget in widgets(PdfReader(path)):
                name, start = expected_name(widget, questions)
                assert str(widget["/TU"]).startswith(start), (path.name, name, widget["/TU"])
                named.add(name)
            if path.name == "booklet.pdf":
                assert len(named) > 100, plan.department.slug
            else:
                form = plan.forms[path.stem]
                assert named == {q.field for q in form.questions if q.type != "identity"}


def test_a_field_whose_printed_label_differs_is_named_by_its_question(built_site: Path) -> None:
    """The agreement prints 'Mentee (senior leader)' over the field the catalogue asks 'Mentee'."""
    agreement = plan_program(load(built_site.parent / "organisation.yaml")).departments[0]
    form = agreement.forms["agreement"]
    names = {
        str(widget["/T"]): str(widget["/TU"])
        for widget in widgets(PdfReader(built_site / "printables" / "sales" / "agreement.pdf"))
    }
    for key in ("mentee_name", "mentor_name", "mentee_signature", "mentor_signature"):
        assert names[form[key].field] == form[key].text
