"""`playbook init`: a complete, working example program to start from."""

from __future__ import annotations

import json
from pathlib import Path

from generator.config.model import Config
from generator.errors import PlaybookError
from generator.resources import example_dir, example_site_settings

#: What a new program changes in the example's config. In the repository the example builds
#: into the folder above it; in a new program folder the outputs sit beside the config. The
#: example roster is copied for its columns but not linked: its people are the example's, and a
#: linked roster puts their pair counts on the new program's home page.
_NEW_PROGRAM_LINES = {
    "  output: ../site\n": "  output: site\n",
    "  private_output: ../private\n": "  private_output: private\n",
    "roster: roster.example.csv\n": (
        "# roster: roster.csv\n"
        "#   Your participants, for `playbook pair` and the pair counts on the home page.\n"
        "#   roster.example.csv shows the columns; its people are the example's, so it is not\n"
        "#   linked here.\n"
    ),
}


def example_config_text() -> str:
    """The example organisation.yaml, changed for a program of its own (``_NEW_PROGRAM_LINES``).

    A line that is no longer in the example is a bug here, not a silent skip.
    """
    text = (example_dir() / "organisation.yaml").read_text(encoding="utf-8")
    for example_line, own_line in _NEW_PROGRAM_LINES.items():
        if example_line not in text:
            msg = f"the example config no longer has the line {example_line!r}"
            raise RuntimeError(msg)
        text = text.replace(example_line, own_line)
    return text


def schema_json() -> str:
    """The JSON Schema the example's modeline points at."""
    schema = Config.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def init_program(directory: Path, *, force: bool = False) -> list[Path]:
    """Write the example into ``directory``; refuse to overwrite unless ``force``."""
    files = {
        "organisation.yaml": example_config_text(),
        "mkdocs.yml": example_site_settings().read_text(encoding="utf-8"),
        "playbook.schema.json": schema_json(),
    }
    roster = example_dir() / "roster.example.csv"
    if roster.is_file():
        files["roster.example.csv"] = roster.read_text(encoding="utf-8")
    check_folder(directory)
    clashes = [name for name in files if (directory / name).exists()]
    if clashes and not force:
        msg = f"{directory}: {', '.join(clashes)} already exist; use --force to overwrite"
        raise PlaybookError(msg)
    written = []
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (directory / name).write_text(text, encoding="utf-8")
            written.append(directory / name)
    except OSError as err:
        msg = f"{directory}: cannot write the example: {err.strerror or err}"
        raise PlaybookError(msg) from None
    return written


def check_folder(directory: Path) -> None:
    """The program folder, or the nearest of its parents that exists, must be a folder.

    Checked before anything is written, so a path through a file writes nothing.
    """
    for folder in (directory, *directory.parents):
        if folder.is_dir():
            return
        if folder.exists() or folder.is_symlink():
            where = "it" if folder == directory else str(folder)
            msg = (
                f"{directory}: cannot make the program folder here: {where} is a file, not a "
                "folder; choose another folder"
            )
            raise PlaybookError(msg)
