"""Where the built-in templates and the example program live.

In an installed wheel they are package data (``generator/_templates``, ``generator/_example``);
in a source checkout (an editable install) they are the top-level ``templates/`` and
``playbook/`` folders next to the package.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).parent
CHECKOUT = PACKAGE.parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.exists():
            return candidate
    return candidates[-1]


def builtin_templates_dir() -> Path:
    """The built-in Jinja templates."""
    return _first_existing(PACKAGE / "_templates", CHECKOUT / "templates")


def example_dir() -> Path:
    """The example organisation (organisation.yaml and friends)."""
    return _first_existing(PACKAGE / "_example", CHECKOUT / "playbook")


def example_site_settings() -> Path:
    """The example program's mkdocs.yml, beside its organisation.yaml."""
    return example_dir() / "mkdocs.yml"
