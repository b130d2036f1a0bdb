from pathlib import Path

import pytest

from generator.commands.build import render_tree
from generator.config.fields import RESERVED_SLUGS
from generator.config.load import load
from generator.errors import InputFileError, TemplateError
from generator.evaluation.stats import OVERALL
from generator.render.filters import hours, md
from tests.conftest import MINIMAL


def test_md_escapes_markdown_and_html():
    assert md("<script>alert(1)</script>") == "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"
    assert md("[click](http://x)") == "\\[click\\]\\(http://x\\)"
    assert md("{{ 7 * 7 }}") == "\\{\\{ 7 \\* 7 \\}\\}"


def test_hours():
    assert [hours(m) for m in (45, 60, 90, 75, 360)] == [
        "45 minutes",
        "1 hour",
        "1.5 hours",
        "1 hour 15 minutes",
        "6 hours",
    ]


def test_tree_has_every_page(write_config):
    tree = render_tree(load(write_config()))
    assert {
        "docs/index.md",
        "docs/departments/research.md",
        "docs/departments/sales.md",
        "docs/guide/sessions.md",
        "mkdocs.yml",
        "docs/assets/timeline.svg",
    } <= set(tree)


def test_every_page_beside_the_department_pages_is_a_reserved_name(write_config):
    """A page the site puts where department pages live must be a name load refuses."""
    playbook = load(write_config())
    tree = render_tree(playbook)
    stems = {Path(p).stem for p in tree if p.startswith("docs/departments/")}
    assert stems - {d.slug for d in playbook.departments} <= set(RESERVED_SLUGS)
    assert OVERALL in RESERVED_SLUGS


def test_department_page_shows_its_own_values(write_config):
    page = render_tree(load(write_config()))["docs/departments/sales.md"]
    assert "# Sales" in page
    assert "3 sessions, weekly" in page
    assert "Sam Sales" in page
    assert "mailto:sam@acme.example" in page
    assert "The customer's perspective" in page
    assert "Monday 15 March 2027" in page  # third weekly session


def test_department_page_lists_only_settings_that_really_differ(write_config):
    restated = "  - name: Research\n    sessions: 4\n    cadence: weekly\n    paper_size: A4\n"
    tree = render_tree(load(write_config(MINIMAL.replace("  - name: Research\n", restated))))
    assert "Different from the programme defaults" not in tree["docs/departments/research.md"]
    sales = tree["docs/departments/sales.md"]
    assert "Different from the programme defaults" in sales
    assert "Sales sets its own sessions, focus areas." in sales


def test_config_text_is_data_not_a_template(write_config):
    text = MINIMAL.replace("- name: Research", "- name: '{{ 7 * 7 }} <b>Ops</b>'")
    page = render_tree(load(write_config(text)))["docs/departments/7-7-b-ops-b.md"]
    assert "49" not in page
    assert "\\{\\{ 7 \\* 7 \\}\\} &lt;b&gt;Ops&lt;/b&gt;" in page


def test_user_template_overrides_builtin_and_can_extend_it(write_config, tmp_path: Path):
    (tmp_path / "templates" / "site").mkdir(parents=True)
    (tmp_path / "templates" / "site" / "department.md").write_text(
        '{% extends "!default/site/department.md" %}\n'
        "{% block questions %}Our own block for {{ department.name | md }}.{% endblock %}\n"
    )
    page = render_tree(load(write_config()))["docs/departments/sales.md"]
    assert "Our own block for Sales." in page
    assert "## Schedule" in page  # the rest of the built-in page is kept


def test_template_error_names_template_and_line(write_config, tmp_path: Path):
    (tmp_path / "templates" / "site").mkdir(parents=True)
    (tmp_path / "templates" / "site" / "index.md").write_text("line one\n{{ org.nope }}\n")
    with pytest.raises(TemplateError, match=r"templates/site/index.md:2: .*'nope'"):
        render_tree(load(write_config()))


def test_a_logo_that_goes_away_after_loading_is_an_input_file_error(write_config, tmp_path):
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    config = write_config(
        MINIMAL.replace("  program: Reverse Up\n", "  program: Reverse Up\n  logo: logo.png\n")
    )
    playbook = load(config)
    (tmp_path / "logo.png").unlink()
    with pytest.raises(
        InputFileError, match=r"organisation.yaml: organisation.logo: cannot read .*logo.png"
    ):
        render_tree(playbook)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("nav: [\n", r"no-such-settings.yml: not valid YAML"),
        ("- a list\n", r"no-such-settings.yml: expected a mapping of MkDocs settings"),
        (b"site_name: \xff\n", r"no-such-settings.yml: cannot read the site settings"),
    ],
)
def test_bad_site_settings_file_is_an_input_file_error(
    write_config, tmp_path: Path, content, message
):
    settings = tmp_path / "no-such-settings.yml"  # the name MINIMAL gives in site.settings
    if isinstance(content, bytes):
        settings.write_bytes(content)
    else:
        settings.write_text(content, encoding="utf-8")
    with pytest.raises(InputFileError, match=message):
        render_tree(load(write_config()))


def test_broken_site_settings_template_is_still_a_template_error(write_config, tmp_path: Path):
    (tmp_path / "templates" / "site").mkdir(parents=True)
    (tmp_path / "templates" / "site" / "mkdocs.yml").write_text("- not a mapping\n")
    with pytest.raises(TemplateError, match=r"site/mkdocs.yml: expected a mapping"):
        render_tree(load(write_config()))


def test_unreadable_evaluation_aggregates_are_an_input_file_error(write_config, tmp_path: Path):
    folder = tmp_path / "private" / "evaluation"
    folder.mkdir(parents=True)
    (folder / "aggregates.json").write_text("{not json", encoding="utf-8")
    config = write_config(MINIMAL + "evaluation: {publish_aggregates: true}\n")
    with pytest.raises(
        InputFileError, match=r"aggregates.json: cannot read the evaluation aggregates"
    ):
        render_tree(load(config))


def test_mkdocs_config_has_explicit_nav_and_keeps_python_tags():
    tree = render_tree(load("playbook/organisation.yaml"))
    config = tree["mkdocs.yml"]
    assert "emoji_index: !!python/name:material.extensions.emoji.twemoji" in config
    assert "- Sales: departments/sales.md" in config
    assert "docs_dir: docs" in config
    assert "stylesheets/brand.css" in config


def test_brand_colour_reaches_the_stylesheet(write_config):
    text = MINIMAL.replace(
        "  program: Reverse Up\n", "  program: Reverse Up\n  brand_colour: '#AA3300'\n"
    )
    css = render_tree(load(write_config(text)))["docs/stylesheets/brand.css"]
    assert "--md-primary-fg-color: #aa3300;" in css
