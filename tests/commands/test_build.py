"""`playbook build` refuses a bad output folder before it writes anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.commands import build as build_module
from generator.commands.build import build
from generator.errors import BuildError
from tests.helpers import snapshot


@pytest.fixture
def no_caches(monkeypatch):
    """Fail the test if the build gets as far as making a cache folder."""

    def refuse(output: Path) -> None:
        pytest.fail(f"a cache was made beside {output}")

    monkeypatch.setattr(build_module.RenderCache, "beside", refuse)
    monkeypatch.setattr(build_module.PdfCache, "beside", refuse)


@pytest.mark.parametrize(
    ("output", "message"),
    [
        (Path("/"), "is the filesystem root"),
        (Path("."), "is the config's folder"),
        (Path(".."), "holds the config's folder"),
        (Path("private/site"), "holds site.output"),
        (Path("site/../private"), "is also site.output"),
    ],
)
def test_a_refused_output_is_refused_before_any_cache(
    write_config, tmp_path: Path, no_caches, output, message
):
    config = write_config()
    target = output if output.is_absolute() else tmp_path / output
    with pytest.raises(BuildError, match=message):
        build(config, target)


def test_an_output_above_the_config_leaves_nothing_beside_it(write_config, tmp_path: Path):
    program = tmp_path / "program"
    program.mkdir()
    config = write_config(name="program/organisation.yaml")
    before = snapshot(tmp_path)
    with pytest.raises(BuildError, match="holds the config's folder"):
        build(config, tmp_path)
    assert snapshot(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["program"]
