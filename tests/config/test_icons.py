"""A custom topic's icon is a plain icon name the theme ships, never markup."""

from __future__ import annotations

import pytest

from generator.config.icons import ICON_EXPECTED, check_icon, icons_folder, is_icon_name
from generator.config.load import load
from generator.config.topics import builtin_topics
from generator.errors import ConfigError
from generator.render.filters import shortcode
from tests.conftest import MINIMAL

GOOD = [
    "material/leaf",
    "material/lightbulb-on-outline",
    "fontawesome/brands/github",
    "fontawesome/regular/bell",
    "fontawesome/solid/bell",
    "octicons/mark-github-16",
    "simple/github",
]
BAD = [
    "<img src=x onerror=alert(1)>",
    "material/<script>",
    "material/leaf:",
    "material/Leaf",
    "material/leaf extra",
    "material/../leaf",
    "material/-leaf",
    "material/leaf-",
    "material//leaf",
    "fontawesome/github",
    "heroicons/leaf",
    "material",
    "leaf",
    "",
    "material/leaf\n<b>",
    "material/leaf_x",
]


@pytest.mark.parametrize("icon", GOOD)
def test_icons_of_every_set_are_accepted(icon):
    assert is_icon_name(icon)
    assert check_icon(icon) == icon


@pytest.mark.parametrize("icon", BAD)
def test_anything_else_is_refused_by_its_form(icon):
    assert not is_icon_name(icon)
    with pytest.raises(ValueError, match="a Material for MkDocs icon like 'material/leaf'"):
        check_icon(icon)


def test_an_icon_the_theme_lacks_gets_a_did_you_mean():
    if icons_folder() is None:
        pytest.skip("mkdocs-material is not installed")
    with pytest.raises(ValueError, match=r"did you mean 'material/lightbulb-on-outline'\?"):
        check_icon("material/lightbulb-on-outlin")


def test_built_in_topic_icons_pass_the_same_check():
    for topic in builtin_topics():
        assert check_icon(topic.icon) == topic.icon


def with_icon(icon: str) -> str:
    topic = f"topics:\n  - id: green\n    title: Green IT\n    icon: '{icon}'\ndepartments:\n"
    return MINIMAL.replace("departments:\n", topic).replace("[customer-perspective]", "[green]")


def test_hostile_icon_is_a_located_config_error(write_config):
    with pytest.raises(ConfigError) as err:
        load(write_config(with_icon("<img src=x onerror=alert(1)>")))
    line = err.value.message.splitlines()[1]
    assert line.endswith(
        f"organisation.yaml:14:5: topics[0].icon: expected {ICON_EXPECTED}, "
        "got '<img src=x onerror=alert(1)>'"
    )


def test_shortcode_filter_escapes_what_is_not_an_icon():
    assert shortcode("material/leaf") == ":material-leaf:"
    assert shortcode("fontawesome/brands/github") == ":fontawesome-brands-github:"
    hostile = shortcode("<img src=x onerror=alert(1)>")
    assert "<" not in hostile
    assert hostile.startswith("&lt;img")


def test_a_valid_custom_icon_shows_as_its_shortcode(write_config):
    from generator.commands.build import render_tree

    tree = render_tree(load(write_config(with_icon("material/leaf"))))
    assert "- :material-leaf: **Green IT**" in str(tree["docs/departments/sales.md"])


def test_pages_escape_an_icon_even_if_it_slipped_past_the_config(write_config):
    """The templates do not rely on load's check: a hostile icon still renders as text."""
    import dataclasses

    from generator.commands.build import render_tree

    playbook = load(write_config(with_icon("material/leaf")))
    hostile = "<img src=x onerror=alert(1)>"
    topics = {
        key: dataclasses.replace(topic, icon=hostile) for key, topic in playbook.topics.items()
    }
    departments = tuple(
        dataclasses.replace(
            d,
            settings=dataclasses.replace(
                d.settings, focus_areas=tuple(topics[t.id] for t in d.settings.focus_areas)
            ),
        )
        for d in playbook.departments
    )
    defaults = dataclasses.replace(
        playbook.defaults,
        focus_areas=tuple(topics[t.id] for t in playbook.defaults.focus_areas),
    )
    tree = render_tree(
        dataclasses.replace(playbook, topics=topics, departments=departments, defaults=defaults)
    )
    pages = {path: str(text) for path, text in tree.items() if path.endswith(".md")}
    assert any("&lt;img src=x onerror=alert\\(1\\)&gt;" in text for text in pages.values())
    assert [path for path, text in pages.items() if "<img src=x" in text] == []
