"""collect: a returned PDF is recognised by its document properties and its field names.

Real PDFs from the small build, filled the two ways viewers save (an incremental update
appended to the file, or the whole file written anew), booklets, packets and files that are
not ours.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from generator.commands.collect import catalogues_of
from generator.config.load import load
from generator.evaluation.collect import Catalogues, Collected, collect
from generator.pairing.packets import quiet_pypdf
from generator.program.plan import plan_program
from generator.publish.pdf import render_pdf

PROGRAM = "mentor-up"


@pytest.fixture(scope="module")
def catalogues(small_config: Path) -> Catalogues:
    return catalogues_of(plan_program(load(small_config)))


def printable(site: Path, department: str, name: str) -> Path:
    return site / "printables" / department / f"{name}.pdf"


def rewrite(source: Path, values: dict[str, str], target: Path) -> Path:
    """Filled and written anew, as a viewer's 'Save as' does (and ``playbook pair``)."""
    with quiet_pypdf():
        writer = PdfWriter(clone_from=PdfReader(source))
        for page in writer.pages:
            writer.update_page_form_field_values(page, values, auto_regenerate=False)
        writer.write(target)
    return target


def append_update(source: Path, values: dict[str, str], target: Path) -> Path:
    """Filled by an incremental update appended to the original bytes, as viewers 'Save'."""
    with quiet_pypdf():
        writer = PdfWriter(source, incremental=True)
        for page in writer.pages:
            writer.update_page_form_field_values(page, values, auto_regenerate=False)
        writer.write(target)
    return target


def read(paths: list[Path], catalogues: Catalogues) -> Collected:
    return collect(paths, catalogues, PROGRAM)


def reasons(collected: Collected) -> dict[str, str]:
    return {Path(item.source).name: item.reason for item in collected.skipped}


END = {"end-mentee-value": "/3", "end-mentee-example": "Ask first"}


def test_a_form_saved_by_an_incremental_update_is_read(
    built_site: Path, catalogues: Catalogues, tmp_path: Path
) -> None:
    source = printable(built_site, "finance", "end-mentee")
    saved = append_update(source, END, tmp_path / "saved.pdf")
    assert saved.read_bytes().startswith(source.read_bytes())  # the update is appended
    (found,) = read([saved], catalogues).responses
    assert (found.source, found.form.id, found.department) == (str(saved), "end-mentee", "finance")
    assert found.answers == {"end-mentee-value": "4", "end-mentee-example": "Ask first"}


def test_a_form_written_anew_keeps_its_properties_and_is_read(
    built_site: Path, catalogues: Catalogues, tmp_path: Path
) -> None:
    source = printable(built_site, "sales", "pulse-mentor")
    values = {"pulse-mentor-session": "/1", "pulse-mentor-useful": "/4"}
    saved = rewrite(source, values, tmp_path / "pulse.pdf")
    assert PdfReader(saved).metadata["/playbook"] == "department=sales;program=mentor-up"
    (found,) = read([saved], catalogues).responses
    assert (found.form.id, found.department, found.session) == ("pulse-mentor", "sales", "2")


def test_a_booklet_gives_one_response_per_answered_feedback_form(
    built_site: Path, catalogues: Catalogues, tmp_path: Path
) -> None:
    booklet = printable(built_site, "sales", "booklet")
    values = {
        **END,
        "pulse-mentee-session": "/0",
        "pulse-mentee-candour": "/1",
        "goals-mentee-name": "Vera",  # not a feedback form: not evaluated, not an error
    }
    collected = read([append_update(booklet, values, tmp_path / "booklet.pdf")], catalogues)
    assert collected.skipped == []
    found = {r.source.rsplit("#", 1)[1]: r for r in collected.responses}
    assert sorted(found) == ["end-mentee", "pulse-mentee"]  # the other four are blank
    assert found["pulse-mentee"].answers == {
        "pulse-mentee-session": "1",
        "pulse-mentee-candour": "2",
    }
    assert {r.department for r in collected.responses} == {"sales"}
    assert found["end-mentee"].source == f"{tmp_path / 'booklet.pdf'}#end-mentee"


def test_a_self_assessment_is_read_alone_and_from_a_booklet(
    built_site: Path, catalogues: Catalogues, tmp_path: Path
) -> None:
    """The end form rates it again, so it is read for the change from start to end."""
    values = {
        "self-assessment-mentor-name": "Dee Roy",
        "self-assessment-mentor-confidence_ground": "/1",
    }
    alone = rewrite(printable(built_site, "sales", "self-assessment-mentor"), values,
                    tmp_path / "start.pdf")  # fmt: skip
    booklet = append_update(printable(built_site, "sales", "booklet"), values,
                            tmp_path / "booklet.pdf")  # fmt: skip
    collected = read([alone, booklet], catalogues)
    assert collected.skipped == []
    assert [(Path(r.source).name, r.form.id, r.kind) for r in collected.responses] == [
        ("start.pdf", "self-assessment-mentor", "self-assessment"),
        ("booklet.pdf#self-assessment-mentor", "self-assessment-mentor", "self-assessment"),
    ]
    assert collected.responses[0].answers == {
        "self-assessment-mentor-name": "Dee Roy",
        "self-assessment-mentor-confidence_ground": "2",
    }


def test_an_unfilled_booklet_and_an_unfilled_form_are_skipped(
    built_site: Path, catalogues: Catalogues
) -> None:
    files = [printable(built_site, "sales", name) for name in ("booklet", "mid-mentor")]
    collected = read(files, catalogues)
    assert collected.responses == []
    assert reasons(collected) == {
        "booklet.pdf": "unfilled (no answers in any of its feedback forms)",
        "mid-mentor.pdf": "unfilled (no answers)",
    }


def test_a_filled_worksheet_is_recognised_and_not_evaluated(
    built_site: Path, catalogues: Catalogues, tmp_path: Path
) -> None:
    """(Packets from `playbook pair` are such worksheets: tests/pairing/test_packets.py.)"""
    source = printable(built_site, "sales", "goals-mentee")
    filled = rewrite(source, {"goals-mentee-name": "Vera Senior"}, tmp_path / "goals.pdf")
    assert reasons(read([filled], catalogues)) == {
        "goals.pdf": "'Goal worksheet (mentees)' is a goals form, not a feedback form"
    }


def test_a_copy_that_lost_its_properties_is_named_not_ours(
    built_site: Path, catalogues: Catalogues, tmp_path: Path
) -> None:
    """A merge or 'print to PDF' keeps the fields but writes document properties of its own."""
    filled = rewrite(printable(built_site, "sales", "end-mentee"), END, tmp_path / "filled.pdf")
    merged = tmp_path / "merged.pdf"
    with quiet_pypdf():
        writer = PdfWriter()
        writer.append(PdfReader(filled))
        writer.write(merged)
    assert "/playbook" not in (PdfReader(merged).metadata or {})
    assert reasons(read([merged], catalogues)) == {
        "merged.pdf": "not a playbook form (no department and program in its document properties)"
    }


def form_pdf(tmp_path: Path, name: str, head: str, body: str) -> Path:
    """A one-field form made by WeasyPrint as the build makes them, from HTML of our own."""
    html = tmp_path / f"{name}.html"
    html.write_text(f"<html><head>{head}</head><body>{body}</body></html>", encoding="utf-8")
    return render_pdf(html)


ANSWER = '<textarea name="end-mentee-example">An answer</textarea>'


def meta(content: str) -> str:
    return f'<meta name="playbook" content="{content}">'


def test_properties_naming_another_program_or_department_are_reasons(
    catalogues: Catalogues, tmp_path: Path
) -> None:
    survey = '<input name="survey-q01" value="x">'  # a form of another tool
    files = [
        form_pdf(tmp_path, "other-program", meta("department=sales;program=other"), ANSWER),
        form_pdf(tmp_path, "other-department", meta("department=legal;program=mentor-up"), ANSWER),
        form_pdf(tmp_path, "other-form", meta("department=sales;program=mentor-up"), survey),
        form_pdf(tmp_path, "plain", "", ANSWER),
    ]
    assert reasons(read(files, catalogues)) == {
        "other-program.pdf": "belongs to program 'other', not 'mentor-up'",
        "other-department.pdf": "department 'legal' is not in the config",
        "other-form.pdf": "no field of any sales form (a form of an older config?)",
        "plain.pdf": "not a playbook form (no department and program in its document properties)",
    }


def test_a_form_built_before_the_properties_is_read_by_its_identity_field(
    catalogues: Catalogues, tmp_path: Path
) -> None:
    """Forms sent out before an upgrade still come back with the visible identity field."""
    value = "form=end-mentee;department=finance;program=mentor-up"
    identity = f'<input name="end-mentee-form" value="{value}">'
    old = form_pdf(tmp_path, "old", "", identity + ANSWER)
    (found,) = read([old], catalogues).responses
    assert (found.form.id, found.department) == ("end-mentee", "finance")
    assert found.answers == {"end-mentee-example": "An answer"}
