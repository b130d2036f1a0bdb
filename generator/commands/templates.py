"""`playbook templates`: the template reference, generated from the code it describes."""

from __future__ import annotations

from generator.render.reference import reference_markdown


def templates_reference() -> str:
    """What templates see, the filters and every built-in template's blocks, as Markdown."""
    return reference_markdown()
