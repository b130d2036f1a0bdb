"""The site settings file (``site.settings``): its paths stay in the config's folder and work
from the staging folder; its YAML tags cannot name arbitrary Python."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.commands.build import build, render_tree
from generator.commands.validate import validate_program
from generator.config.load import load
from generator.config.site_settings import parse_settings, tag_problem
from generator.errors import ConfigError, InputFileError
from generator.render.mkdocs_config import settings_file
from tests.conftest import MINIMAL
from tests.helpers import CHECKOUT

WITH_SETTINGS = MINIMAL.replace("no-such-settings.yml", "conf/mkdocs.yml")

HOOK = """\
from pathlib import Path


def on_page_markdown(markdown, page, **kwargs):
    return markdown + "\\n\\nHOOKED-BY-RELATIVE-PATH\\n"


def on_post_build(config, **kwargs):
    (Path(config["site_dir"]) / "hook-ran.txt").write_text("yes")
"""


def settings(tmp_path: Path, text: str) -> Path:
    """Write conf/mkdocs.yml (below the config's folder) and the config naming it."""
    (tmp_path / "conf").mkdir(parents=True, exist_ok=True)
    (tmp_path / "conf" / "mkdocs.yml").write_text(text, encoding="utf-8")
    config = tmp_path / "organisation.yaml"
    config.write_text(WITH_SETTINGS, encoding="utf-8")
    return config


def refused(config: Path) -> str:
    """The config error for ``config``, as load and validate both give it."""
    with pytest.raises(ConfigError) as caught:
        load(config)
    with pytest.raises(ConfigError) as again:
        validate_program(config)
    assert again.value.message == caught.value.message
    return caught.value.message


def test_a_relative_hook_inside_the_folder_runs_in_a_real_build(tmp_path: Path):
    (tmp_path / "conf" / "hooks").mkdir(parents=True)
    (tmp_path / "conf" / "hooks" / "mark.py").write_text(HOOK, encoding="utf-8")
    config = settings(tmp_path, "theme:\n  name: material\nhooks:\n  - hooks/mark.py\n")
    site = build(config, jobs=1)
    assert (site / "hook-ran.txt").read_text() == "yes"
    assert "HOOKED-BY-RELATIVE-PATH" in (site / "index.html").read_text(encoding="utf-8")
    written = yaml.safe_load((tmp_path / ".playbook-build" / "mkdocs.yml").read_text())
    assert written["hooks"] == [str(tmp_path / "conf" / "hooks" / "mark.py")]


@pytest.mark.parametrize("hook", ["../../hook.py", "/tmp/hook.py", "../../../etc/x.py"])
def test_a_hook_outside_the_folder_is_refused(tmp_path: Path, hook: str):
    config = settings(tmp_path / "project", f"hooks:\n  - ok.py\n  - {hook}\n")
    message = refused(config)
    assert f"site.settings: in {tmp_path / 'project' / 'conf' / 'mkdocs.yml'}:3:5: hooks[1]" in (
        message
    )
    assert "expected a path inside the config's folder" in message


def test_a_custom_dir_outside_is_refused(tmp_path: Path):
    (tmp_path / "elsewhere").mkdir()
    config = settings(
        tmp_path / "project", "theme:\n  name: material\n  custom_dir: ../../elsewhere\n"
    )
    message = refused(config)
    assert "mkdocs.yml:3:3: theme.custom_dir: expected a path inside the config's folder" in (
        message
    )


def test_a_custom_dir_may_not_be_the_config_folder_nor_hold_the_roster(tmp_path: Path):
    config = settings(tmp_path, "theme:\n  name: material\n  custom_dir: ..\n")
    assert "theme.custom_dir: '..' is the config's folder" in refused(config)
    (tmp_path / "conf" / "roster.csv").write_text("name,email\n")
    config.write_text(WITH_SETTINGS + "roster: conf/roster.csv\n", encoding="utf-8")
    (tmp_path / "conf" / "mkdocs.yml").write_text("theme:\n  name: material\n  custom_dir: .\n")
    assert "theme.custom_dir: '.' holds" in refused(config)


def test_a_custom_dir_inside_is_used_for_the_built_html(tmp_path: Path):
    overrides = tmp_path / "conf" / "overrides"
    overrides.mkdir(parents=True)
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}\n{% block announce %}OVERRIDE-TEMPLATE-USED{% endblock %}\n',
        encoding="utf-8",
    )
    config = settings(tmp_path, "theme:\n  name: material\n  custom_dir: overrides\n")
    site = build(config, jobs=1)
    assert "OVERRIDE-TEMPLATE-USED" in (site / "index.html").read_text(encoding="utf-8")


def test_files_beside_the_settings_are_copied_and_urls_left_alone(tmp_path: Path):
    (tmp_path / "conf" / "css").mkdir(parents=True)
    (tmp_path / "conf" / "css" / "extra.css").write_text(".x { color: red }\n")
    config = settings(
        tmp_path,
        "theme:\n  name: material\nextra_css:\n  - css/extra.css\n"
        "  - https://cdn.example/x.css\n  - stylesheets/brand.css\n",
    )
    site = build(config, jobs=1)
    assert (site / "css" / "extra.css").read_text() == ".x { color: red }\n"
    page = (site / "index.html").read_text(encoding="utf-8")
    assert "css/extra.css" in page
    assert "https://cdn.example/x.css" in page
    assert page.count("stylesheets/brand.css") == 1


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("../secret.css", "must sit in the settings file's folder or below it"),
        ("roster.csv", "is published with the site; expected a file ending in .css"),
        ("../../outside.css", "expected a path inside the config's folder"),
    ],
)
def test_files_named_in_extra_css_are_held_to_the_rules(tmp_path: Path, entry, message):
    project = tmp_path / "project"
    (project / "conf").mkdir(parents=True)
    (project / "secret.css").write_text("x")
    (project / "conf" / "roster.csv").write_text("x")
    (tmp_path / "outside.css").write_text("x")
    config = settings(project, f"extra_css:\n  - {entry}\n")
    message_text = refused(config)
    assert f"extra_css[0]: {entry!r}" in message_text or "extra_css[0]: expected" in message_text
    assert message in message_text


@pytest.mark.parametrize(
    ("line", "tag"),
    [
        ("emoji_index: !!python/name:os.system", "!!python/name:os.system"),
        ('emoji_index: !!python/object/apply:os.system ["x"]', "!!python/object/apply:os.system"),
        ("emoji_index: !!python/object:os.Foo {}", "!!python/object:os.Foo"),
        ("emoji_index: !!python/module:os", "!!python/module:os"),
        ("emoji_index: !!python/name:markdown.util.re", "!!python/name:markdown.util.re"),
        ("emoji_index: !!python/name:materialx.evil", "!!python/name:materialx.evil"),
        ("emoji_index: !ENV HOME", "!ENV"),
        ("emoji_index: !custom x", "!custom"),
    ],
)
def test_python_tags_outside_the_allow_list_are_refused(tmp_path: Path, line: str, tag: str):
    config = settings(tmp_path, f"markdown_extensions:\n  - pymdownx.emoji:\n      {line}\n")
    message = refused(config)
    where = f"{tmp_path / 'conf' / 'mkdocs.yml'}:3:20: markdown_extensions[0].pymdownx.emoji"
    assert where in message
    assert f"the YAML tag '{tag}" in message


def test_the_examples_twemoji_tags_and_relative_are_accepted():
    example = (CHECKOUT / "playbook" / "mkdocs.yml").read_text(encoding="utf-8")
    parsed = parse_settings(example, "mkdocs.yml")
    assert {tag for _, _, tag in parsed.tags} == {
        "tag:yaml.org,2002:python/name:material.extensions.emoji.twemoji",
        "tag:yaml.org,2002:python/name:material.extensions.emoji.to_svg",
    }
    assert all(tag_problem(tag) is None for _, _, tag in parsed.tags)
    assert tag_problem("!relative") is None
    assert settings_file(load(CHECKOUT / "playbook" / "organisation.yaml")) is not None


def test_a_template_settings_file_is_held_to_the_same_rules(write_config, tmp_path: Path):
    (tmp_path / "templates" / "site").mkdir(parents=True)
    (tmp_path / "templates" / "site" / "mkdocs.yml").write_text(
        "markdown_extensions:\n  - x: {f: !!python/name:os.system }\n"
    )
    config = write_config(MINIMAL.replace("site:\n", "site:\n  templates: templates\n"))
    with pytest.raises(Exception, match=r"site/mkdocs.yml:2:.*python/name:os.system"):
        build(config, jobs=1)


def test_an_unreadable_settings_file_is_still_the_builds_plain_error(tmp_path: Path):
    config = settings(tmp_path, "nav: [\n")
    playbook = load(config)  # left to the build, which says so plainly
    with pytest.raises(InputFileError, match="not valid YAML"):
        settings_file(playbook)


def test_inherit_is_refused_for_it_would_bring_in_unchecked_settings(tmp_path: Path):
    config = settings(tmp_path, "INHERIT: /etc/other.yml\ntheme:\n  name: material\n")
    assert "mkdocs.yml:1:1: INHERIT: merges in another settings file" in refused(config)


def test_a_large_program_lists_only_the_departments_overview_in_the_nav(tmp_path):
    """Each page carries the whole nav; thousands of department entries would make the build
    grow with their square. The overview page links every department instead."""
    from benchmarks.orgs import write_organisation
    from generator.commands.build import build
    from generator.config.site_settings import SettingsLoader
    from generator.render.mkdocs_config import NAV_DEPARTMENTS_MAX

    config = write_organisation(tmp_path, NAV_DEPARTMENTS_MAX + 1)
    site = build(config, tmp_path / "out" / "site", site_only=True)
    text = (site.parent / ".playbook-build" / "mkdocs.yml").read_text(encoding="utf-8")
    settings = yaml.load(text, Loader=SettingsLoader)  # noqa: S506 - safe loader subclass
    departments = next(e["Departments"] for e in settings["nav"] if "Departments" in e)
    assert departments == [{"Overview": "departments/index.md"}]
    pages = sorted((site / "departments").glob("*/index.html"))
    assert len(pages) == NAV_DEPARTMENTS_MAX + 1
    overview = (site / "departments" / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{page.parent.name}/"' in overview for page in pages)


@pytest.mark.parametrize(
    ("own", "expected"),
    [("", "Reverse Up · Acme Analytics"), ("site_name: Our mentoring hub\n", "Our mentoring hub")],
)
def test_the_site_is_named_from_the_config_unless_the_settings_name_it(
    tmp_path: Path, own: str, expected: str
):
    config = settings(tmp_path, own + "theme:\n  name: material\n")
    generated = yaml.safe_load(render_tree(load(config))["mkdocs.yml"])
    assert next(iter(generated)) == "site_name"
    assert generated["site_name"] == expected
