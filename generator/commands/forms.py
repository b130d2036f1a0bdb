"""`playbook forms export`: each evaluated form, and each sign-up form, as text to paste into a
survey tool."""

from __future__ import annotations

from pathlib import Path

from generator.commands.collect import catalogues_of
from generator.config.load import load
from generator.errors import BuildError
from generator.evaluation.survey_forms import signup_text, survey_forms, survey_text
from generator.program.plan import plan_program
from generator.program.signup import signup_catalogue
from generator.publish.files import replace_file

#: The default folder, inside the private output.
FOLDER = "forms-for-surveys"


def export_forms(config_path: Path, output: Path | None = None) -> tuple[Path, list[Path]]:
    """Write one text file per form (and per wording) into ``output``; the folder and files."""
    playbook = load(config_path)
    evaluation = playbook.config.evaluation
    catalogues = catalogues_of(plan_program(playbook))
    names = {d.slug: d.name for d in playbook.departments}
    folder = output or playbook.resolve(playbook.config.site.private_output) / FOLDER
    tree = {
        f"{item.name}.txt": survey_text(item, evaluation.department_column, evaluation.role_column)
        + "\n"
        for item in survey_forms(catalogues, names)
    }
    tree |= {
        f"{form.id}.txt": signup_text(form) + "\n" for form in signup_catalogue(playbook).values()
    }
    written = []
    for name, text in tree.items():  # file by file: -o may name a folder holding other files
        try:
            replace_file(folder / name, text.encode("utf-8"))
        except OSError as err:
            msg = f"{folder / name}: cannot write: {err.strerror or err}"
            raise BuildError(msg) from err
        written.append(folder / name)
    return folder, written
