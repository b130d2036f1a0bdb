import pytest

from generator.config.model import Site
from generator.errors import InputFileError
from generator.render.engine import IFRAME_WORKER, engine_settings


def test_mkdocs_online_settings_pass_unchanged():
    settings = {"theme": {"name": "material"}, "plugins": ["search"]}
    assert engine_settings(settings, Site()) == {
        "theme": {"name": "material"},
        "plugins": ["search"],
    }


def test_zensical_gets_the_classic_look_unless_the_settings_choose():
    assert engine_settings({}, Site(engine="zensical"))["theme"]["variant"] == "classic"
    chosen = {"theme": {"name": "material", "variant": "modern"}}
    assert engine_settings(chosen, Site(engine="zensical"))["theme"]["variant"] == "modern"


def test_offline_makes_html_links_local_search_and_no_fonts():
    settings = {
        "theme": {"name": "material", "font": {"text": "Roboto"}},
        "plugins": ["search", {"offline": {"enabled": True}}],
        "extra": {"polyfills": ["https://unpkg.com/iframe-worker/shim"]},
    }
    done = engine_settings(settings, Site(offline=True))
    assert done["use_directory_urls"] is False
    assert done["theme"]["font"] is False
    assert done["plugins"] == ["search", {"offline": {"enabled": True}}]
    assert done["extra"]["polyfills"] == [IFRAME_WORKER]
    assert engine_settings({}, Site(offline=True))["plugins"] == ["offline"]


def test_offline_refuses_settings_that_load_from_the_internet():
    settings = {"extra_javascript": ["js/local.js", {"path": "https://cdn.example/x.js"}]}
    with pytest.raises(InputFileError, match=r"extra_javascript 'https://cdn.example/x.js'"):
        engine_settings(settings, Site(offline=True))
