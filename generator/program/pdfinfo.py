"""pdfinfo: which department and program a built PDF belongs to, kept out of sight. Pure, no I/O.

Every print HTML carries ``<meta name="playbook" content="department=sales;program=mentor-up">``.
WeasyPrint (with ``custom_metadata``) writes a meta tag whose name is not a standard one into
the PDF's document information dictionary (PDF 32000-1 §14.3.3) as a key of its own, lowercased
and stripped to letters and digits: here ``/playbook``. Nothing of it is printed, tabbed to or
read aloud, and PDF viewers keep the dictionary when they save a filled form, whether they
append an incremental update or write the whole file anew.

Which form a field belongs to needs no metadata: every field name starts with its form id
(``end-mentee-q05_nps``), so a booklet, which binds a department's forms into one PDF, needs
this one entry as much as a single form does.
"""

from __future__ import annotations

from generator.program.forms import parse_identity

#: The ``<meta name>`` the print templates write; WeasyPrint keeps it as the key ``/playbook``.
META_NAME = "playbook"
INFO_KEY = f"/{META_NAME}"


def pdf_identity(department: str, program: str) -> str:
    """The value a department's PDFs carry under ``/playbook``: its slug and the program's."""
    return f"department={department};program={program}"


def parse_pdf_identity(value: str) -> dict[str, str]:
    """``department=sales;program=mentor-up`` as a dict; {} unless it names both."""
    identity = parse_identity(value)
    return identity if identity.get("department") and identity.get("program") else {}
