"""printables: PDFs with the right text, unique fillable fields, paper sizes, same bytes twice."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from generator.commands.build import render_tree
from generator.config.content import builtin_content
from generator.config.load import load
from generator.config.topics import builtin_topics
from generator.program.forms import Form, field_names
from generator.program.plan import plan_department
from generator.publish.pdf import render_pdf, render_pdfs

A4, LETTER = (595, 842), (612, 792)


def plans(config: Path) -> dict:
    return {
        d.slug: plan_department(d, "Mentor-Up", load(config).content)
        for d in load(config).departments
    }


def docs(config: Path, slug: str) -> list:
    return list(plans(config)[slug].documents)


def folder(site: Path, slug: str) -> Path:
    return site / "printables" / slug


def field_values(reader: PdfReader) -> dict[str, str]:
    """Terminal fields by name; a radio group reads as the option its checked button stands for.

    WeasyPrint 70 lists radio buttons both as kids of their group and as fields of their own,
    with the group's name; only fields without a parent are real top-level fields.
    """
    values = {}
    for ref in reader.trailer["/Root"]["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        if "/Parent" in field:
            continue
        name = str(field["/T"])
        if "/Kids" in field:
            states = [str(kid.get_object().get("/AS", "/Off")) for kid in field["/Kids"]]
            on = [i for i, state in enumerate(states) if state != "/Off"]
            values[name] = str(field["/Opt"][on[0]]) if on else ""
        else:
            values[name] = str(field.get("/V", ""))
    return values


def test_every_document_has_html_and_pdf(built_site: Path, small_config: Path) -> None:
    for slug in ("sales", "finance"):
        for doc in docs(small_config, slug):
            assert (folder(built_site, slug) / doc.html).is_file()
            assert (folder(built_site, slug) / doc.pdf).is_file()
        assert (folder(built_site, slug) / "booklet.pdf").is_file()
        assert (folder(built_site, slug) / "sessions.ics").is_file()


def test_pdf_text_names_focus_areas_and_dates(built_site: Path) -> None:
    reader = PdfReader(folder(built_site, "sales") / "goals-mentee.pdf")
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    titles = {topic.id: topic.title for topic in builtin_topics()}
    assert titles["technology"] in text
    assert titles["social-media"] in text
    agenda = PdfReader(folder(built_site, "sales") / "agenda-s02.pdf").pages[0].extract_text()
    assert "Tuesday 9 March 2027" in agenda
    assert "Acme & Sons" in agenda or "ACME & SONS" in agenda


def shown(form: Form) -> list[str]:
    """The fields a form prints: no identity field (the PDF's properties name the form)."""
    return [q.field for q in form.questions if q.type != "identity"]


def test_fields_are_the_catalogue(built_site: Path, small_config: Path) -> None:
    for slug in ("sales", "finance"):
        for doc in docs(small_config, slug):
            reader = PdfReader(folder(built_site, slug) / doc.pdf)
            assert sorted(field_values(reader)) == sorted(shown(doc.form)), doc.slug


def test_booklet_holds_every_field_once(built_site: Path, small_config: Path) -> None:
    names = [name for doc in docs(small_config, "sales") for name in shown(doc.form)]
    assert len(names) == len(set(names))
    reader = PdfReader(folder(built_site, "sales") / "booklet.pdf")
    assert sorted(field_values(reader)) == sorted(names)


def test_catalogue_names_are_unique_and_readable() -> None:
    playbook = load(Path("playbook/organisation.yaml"))
    for department in playbook.departments:
        forms = {
            d.form.id: d.form
            for d in plan_department(department, "Mentor-Up", builtin_content()).documents
        }
        names = field_names(forms)
        assert len(names) == len(set(names))
        assert all("." not in name and " " not in name for name in names)
    assert "end-mentee-recommend" in names


def test_fields_can_be_filled_and_read_back(built_site: Path) -> None:
    writer = PdfWriter(clone_from=folder(built_site, "sales") / "end-mentee.pdf")
    answers = {
        "end-mentee-value": "/3",  # the fourth button: rating 4
        "end-mentee-recommend": "/9",
        "end-mentee-example": "How our customers search.",
        "end-mentee-extra_01": "The one about returns.",
    }
    for page in writer.pages:
        writer.update_page_form_field_values(page, answers, auto_regenerate=False)
    buffer = io.BytesIO()
    writer.write(buffer)
    values = field_values(PdfReader(buffer))
    assert values["end-mentee-value"] == "4"
    assert values["end-mentee-recommend"] == "9"
    assert values["end-mentee-example"] == "How our customers search."
    assert values["end-mentee-extra_01"] == "The one about returns."


def test_checkboxes_can_be_ticked(built_site: Path) -> None:
    writer = PdfWriter(clone_from=folder(built_site, "sales") / "goals-mentee.pdf")
    writer.update_page_form_field_values(
        writer.pages[0], {"goals-mentee-skill_technology": "/on"}, auto_regenerate=False
    )
    buffer = io.BytesIO()
    writer.write(buffer)
    assert field_values(PdfReader(buffer))["goals-mentee-skill_technology"] == "/on"


@pytest.mark.parametrize(("slug", "size"), [("sales", A4), ("finance", LETTER)])
def test_paper_size(built_site: Path, slug: str, size: tuple[int, int]) -> None:
    for pdf in folder(built_site, slug).glob("*.pdf"):
        box = PdfReader(pdf).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == size, pdf.name


def test_pdfs_are_tagged_and_dated_from_the_config(built_site: Path) -> None:
    reader = PdfReader(folder(built_site, "sales") / "pulse-mentor.pdf")
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert reader.metadata["/CreationDate"] == "D:20270301000000Z"
    assert reader.metadata["/ModDate"] == "D:20270301000000Z"


def test_same_config_same_bytes(built_site: Path, small_config: Path, tmp_path: Path) -> None:
    # The same config renders the same tree, byte for byte (HTML, calendars, pages) ...
    tree = render_tree(load(small_config))
    assert tree == render_tree(load(small_config))
    for path, text in tree.items():
        if path.startswith("docs/printables/"):
            built = built_site / path.removeprefix("docs/")
            assert built.read_bytes() == text.encode("utf-8"), path
    # ... and that HTML, rendered again in another process and folder, gives the same PDFs;
    # the booklet binds every document of its folder.
    copy = tmp_path / "finance"
    copy.mkdir()
    for html in folder(built_site, "finance").glob("*.html"):
        (copy / html.name).write_bytes(html.read_bytes())
    assert (
        render_pdf(copy / "pulse-mentee.html").read_bytes()
        == (folder(built_site, "finance") / "pulse-mentee.pdf").read_bytes()
    )
    render_pdfs([copy / "booklet.html"], jobs=1)
    assert (copy / "booklet.pdf").read_bytes() == (
        folder(built_site, "finance") / "booklet.pdf"
    ).read_bytes()


def test_department_page_and_downloads_link_the_printables(built_site: Path) -> None:
    page = (built_site / "departments" / "sales" / "index.html").read_text(encoding="utf-8")
    assert "printables/sales/goals-mentee.pdf" in page
    assert "printables/sales/agreement.html" in page
    assert "printables/sales/sessions.ics" in page
    downloads = (built_site / "downloads" / "index.html").read_text(encoding="utf-8")
    assert "printables/finance/booklet.pdf" in downloads


def test_print_html_escapes_config_text(small_config: Path) -> None:
    html = render_tree(load(small_config))["docs/printables/sales/agreement.html"]
    assert "Acme &amp; Sons" in html


def test_department_without_agreement_gets_no_agreement_document(write_config) -> None:
    from tests.conftest import MINIMAL

    text = MINIMAL.replace("    sessions: 3\n", "    sessions: 3\n    agreement: false\n")
    playbook = load(write_config(text))
    research, sales = (
        plan_department(d, "Reverse Up", playbook.content) for d in playbook.departments
    )
    assert "agreement" in [doc.slug for doc in research.documents]
    assert "agreement" not in [doc.slug for doc in sales.documents]


def test_agreement_form_has_the_fields_good_agreements_cover(small_config: Path) -> None:
    playbook = load(small_config)
    forms = {
        doc.slug: doc.form
        for doc in plan_department(playbook.departments[0], "M", playbook.content).documents
    }
    fields = set(forms["agreement"].fields)
    for key in (
        "goal_1",
        "goal_2",
        "goal_3",
        "cadence",
        "mode_video",
        "where",
        "response_time",
        "off_limits",
        "end_date",
        "mentee_signature",
    ):
        assert f"agreement-{key}" in fields
