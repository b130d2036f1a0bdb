from generator.build import render_all
from generator.load import load
from generator.publish import write_tree
from generator.serve import regenerate, watch_list, watched_files
from tests.conftest import MINIMAL


def test_regenerate_writes_only_changes_and_drops_stale_pages(write_config, tmp_path):
    config = write_config()
    root = tmp_path / "preview"
    write_tree(render_all(load(config)), root)
    assert regenerate(config, root) == 0
    write_config(MINIMAL.replace("- name: Research", "- name: Research Lab"))
    assert regenerate(config, root) >= 3  # new page, home, overview, mkdocs.yml; old page gone
    assert (root / "docs/departments/research-lab.md").exists()
    assert not (root / "docs/departments/research.md").exists()


def test_watch_list_covers_config_and_templates(write_config, tmp_path):
    config = write_config()
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "x.md").write_text("x")
    files = watched_files(watch_list(config))
    assert config.resolve() in files
    assert (tmp_path / "templates" / "x.md").resolve() in files
