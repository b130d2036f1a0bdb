"""The golden manifest: a hash of every file the example build makes.

Any change to the site, the PDFs, the calendars or the generated sources shows up here as a list
of files, so a change that was not meant (a refactor that moved behaviour) is caught, and one
that was meant is reviewed in the manifest's diff. After a deliberate change, regenerate with:

    PLAYBOOK_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.helpers import snapshot

MANIFEST = Path(__file__).parent / "golden" / "example-build.json"
#: What a build leaves beside the config's output: the site and its generated sources.
FOLDERS = ("site", ".playbook-build")


def build_manifest(site: Path) -> dict[str, str]:
    """Relative path -> SHA-256 for every file of the built site and its sources."""
    manifest: dict[str, str] = {}
    for name in FOLDERS:
        folder = site.parent / name
        manifest |= {f"{name}/{path}": digest for path, digest in snapshot(folder).items()}
    return dict(sorted(manifest.items()))


def describe(expected: dict[str, str], actual: dict[str, str]) -> str:
    """The files added, removed and changed, one per line."""
    lines = [f"+ {p}" for p in sorted(actual.keys() - expected.keys())]
    lines += [f"- {p}" for p in sorted(expected.keys() - actual.keys())]
    lines += [f"~ {p}" for p in sorted(expected.keys() & actual.keys()) if expected[p] != actual[p]]
    return "\n".join(lines)


def test_example_build_matches_the_golden_manifest(example_site: Path):
    actual = build_manifest(example_site)
    if os.environ.get("PLAYBOOK_UPDATE_GOLDEN"):
        MANIFEST.write_text(json.dumps(actual, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(MANIFEST.read_text(encoding="utf-8"))
    assert actual == expected, "the example build changed:\n" + describe(expected, actual)
