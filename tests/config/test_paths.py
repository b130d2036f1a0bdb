"""Every path the config names: inputs stay in the config's folder, outputs stay apart."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.config.load import load
from generator.config.paths import (
    JPEG_SIGNATURE,
    PNG_SIGNATURE,
    ROSTER_SUFFIXES,
    logo_problem,
    output_problem,
    overlap_problem,
)
from generator.errors import ConfigError, RosterError
from generator.pairing.roster import read_roster
from tests.conftest import MINIMAL

PNG = PNG_SIGNATURE + b"\0\0\0\rIHDR"
JPEG = JPEG_SIGNATURE + b"\xe0\0\x10JFIF"
SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>\n'


def with_keys(logo: str | None = None, roster: str | None = None, **site: str) -> str:
    """MINIMAL with a logo, a roster and site keys (the `site:` block replaced)."""
    text = MINIMAL.split("site:\n")[0]
    if logo is not None:
        text = text.replace("  program: Reverse Up\n", f"  program: Reverse Up\n  logo: '{logo}'\n")
    if roster is not None:
        text += f"roster: '{roster}'\n"
    site = {"settings": "no-such-settings.yml", **site}
    return text + "site:\n" + "".join(f"  {key}: '{value}'\n" for key, value in site.items())


def problems(write_config, text: str) -> list[str]:
    """The located lines of the ConfigError, without the folder part of the file name."""
    with pytest.raises(ConfigError) as err:
        load(write_config(text))
    lines = err.value.message.splitlines()
    assert lines[0].endswith("found")
    return [line.split("organisation.yaml:", 1)[1] for line in lines[1:]]


def only(write_config, text: str) -> str:
    found = problems(write_config, text)
    assert len(found) == 1, found
    return found[0]


# --- inputs: inside the config's folder -------------------------------------------------------


@pytest.mark.parametrize("logo", ["../../../../etc/passwd", "/etc/passwd", "../logo.png"])
def test_a_logo_outside_the_folder_is_refused_where_it_is_written(write_config, logo):
    line = only(write_config, with_keys(logo=logo))
    assert line.startswith("4:3: organisation.logo: expected a path inside the config's folder")
    assert repr(logo) in line


def test_a_symlink_out_of_the_folder_is_refused(write_config, tmp_path: Path):
    outside = tmp_path.parent / f"{tmp_path.name}-secret.png"
    outside.write_bytes(PNG)
    (tmp_path / "logo.png").symlink_to(outside)
    line = only(write_config, with_keys(logo="logo.png"))
    assert "organisation.logo: expected a path inside the config's folder" in line
    assert f"it leads to {outside}" in line


def test_a_symlink_that_stays_inside_and_an_absolute_path_inside_are_fine(
    write_config, tmp_path: Path
):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "real.png").write_bytes(PNG)
    (tmp_path / "logo.png").symlink_to(tmp_path / "assets" / "real.png")
    assert load(write_config(with_keys(logo="logo.png"))).config.organisation.logo == "logo.png"
    absolute = str(tmp_path / "assets" / "real.png")
    assert load(write_config(with_keys(logo=absolute))).config.organisation.logo == absolute


@pytest.mark.parametrize(
    ("name", "data"),
    [("logo.png", PNG), ("logo.PNG", PNG), ("logo.jpg", JPEG), ("logo.jpeg", JPEG), ("l.svg", SVG)],
)
def test_real_images_are_fine(write_config, tmp_path: Path, name, data):
    (tmp_path / name).write_bytes(data)
    assert load(write_config(with_keys(logo=name))).config.organisation.logo == name


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("logo.png", b"root:x:0:0:root:/root:/bin/bash\n", "'logo.png' is not a PNG image"),
        ("logo.png", JPEG, "'logo.png' is not a PNG image"),
        ("logo.jpg", PNG, "'logo.jpg' is not a JPEG image"),
        ("logo.svg", b"<html><body>hi</body></html>", "'logo.svg' is not an SVG image"),
        ("logo.gif", b"GIF89a", "expected a PNG, SVG or JPEG image (.png, .svg, .jpg, .jpeg)"),
        ("passwd", b"root:x:0:0", "expected a PNG, SVG or JPEG image"),
        ("logo.png", b"", "'logo.png' is not a PNG image"),
    ],
)
def test_a_logo_must_be_an_image_by_name_and_by_bytes(
    write_config, tmp_path: Path, name, data, message
):
    (tmp_path / name).write_bytes(data)
    line = only(write_config, with_keys(logo=name))
    assert line.startswith("4:3: organisation.logo: ")
    assert message in line


@pytest.mark.parametrize(
    "svg",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        b'<svg><a href="javascript:alert(1)"><rect/></a></svg>',
        b"<svg><foreignObject><body>x</body></foreignObject></svg>",
        b'<!DOCTYPE svg [<!ENTITY x "y">]><svg>&x;</svg>',
    ],
)
def test_an_svg_logo_with_active_content_is_refused(tmp_path: Path, svg: bytes):
    (tmp_path / "logo.svg").write_bytes(svg)
    problem = logo_problem("logo.svg", tmp_path / "logo.svg")
    assert problem is not None
    assert "is an SVG with active content" in problem


def test_a_missing_logo_and_a_folder_logo_are_refused(write_config, tmp_path: Path):
    line = only(write_config, with_keys(logo="gone.png"))
    assert line.startswith("4:3: organisation.logo: expected an image file, but there is nothing")
    (tmp_path / "folder.png").mkdir()
    line = only(write_config, with_keys(logo="folder.png"))
    assert "expected an image file, got 'folder.png', which is not a file" in line


def test_the_roster_must_be_inside_exist_and_be_a_roster_file(write_config, tmp_path: Path):
    line = only(write_config, with_keys(roster="../../roster.csv"))
    assert line.startswith("17:1: roster: expected a path inside the config's folder")
    line = only(write_config, with_keys(roster="gone.csv"))
    assert "roster: expected a roster file, but there is nothing at 'gone.csv'" in line
    (tmp_path / "people.txt").write_text("name,email\n")
    line = only(write_config, with_keys(roster="people.txt"))
    assert "roster: expected a roster file ending in .csv, .xlsx, .yaml or .yml" in line
    (tmp_path / "people.csv").mkdir()
    line = only(write_config, with_keys(roster="people.csv"))
    assert "roster: expected a roster file, got 'people.csv', which is not a file" in line


def test_roster_suffixes_are_the_ones_the_roster_reader_reads(tmp_path: Path):
    for suffix in ROSTER_SUFFIXES:
        (tmp_path / f"r{suffix}").write_bytes(b"")
        with pytest.raises(RosterError) as err:
            read_roster(tmp_path / f"r{suffix}")
        assert "not a roster" not in err.value.message
        assert "supported" not in err.value.message
    (tmp_path / "r.txt").write_bytes(b"")
    with pytest.raises(RosterError, match=r"\.csv"):
        read_roster(tmp_path / "r.txt")


def test_settings_may_be_missing_but_never_outside_or_a_folder(write_config, tmp_path: Path):
    assert load(write_config(with_keys(settings="mkdocs.yml"))).config.site.settings
    line = only(write_config, with_keys(settings="../mkdocs.yml"))
    assert line.startswith("18:3: site.settings: expected a path inside the config's folder")
    (tmp_path / "settings").mkdir()
    line = only(write_config, with_keys(settings="settings"))
    assert "site.settings: 'settings' is not a file; expected a mkdocs.yml file" in line


def test_templates_may_be_missing_but_never_outside_or_a_file(write_config, tmp_path: Path):
    assert load(write_config(with_keys(templates="templates")))
    line = only(write_config, with_keys(templates="/etc"))
    assert "site.templates: expected a path inside the config's folder" in line
    (tmp_path / "tpl").write_text("x")
    line = only(write_config, with_keys(templates="tpl"))
    assert "site.templates: 'tpl' is not a folder; expected a folder of templates" in line


@pytest.mark.parametrize("value", ["bad\0name.png", "x" * 5000 + ".png"])
def test_a_path_the_system_cannot_use_is_a_problem_not_a_crash(write_config, value):
    line = only(write_config, with_keys(logo=value.replace("\0", "\\0")).replace("'", '"'))
    assert "organisation.logo: " in line


def test_a_symlink_loop_is_a_problem_not_a_crash(write_config, tmp_path: Path):
    (tmp_path / "a.png").symlink_to(tmp_path / "b.png")
    (tmp_path / "b.png").symlink_to(tmp_path / "a.png")
    line = only(write_config, with_keys(logo="a.png"))
    assert "organisation.logo: " in line


# --- outputs: anywhere but the root, the config's folder and each other -----------------------


@pytest.mark.parametrize(
    ("site", "key", "message"),
    [
        ({"output": "/"}, "site.output", "is the filesystem root"),
        ({"output": "."}, "site.output", "is the config's folder"),
        ({"output": ".."}, "site.output", "holds the config's folder"),
        ({"private_output": "/"}, "site.private_output", "is the filesystem root"),
        ({"private_output": "./"}, "site.private_output", "is the config's folder"),
        ({"private_output": "site/private"}, "site.private_output", "is inside site.output"),
        ({"output": "private/site"}, "site.private_output", "holds site.output"),
        ({"output": "out", "private_output": "out"}, "site.private_output", "is also site.output"),
    ],
)
def test_outputs_that_would_overwrite_the_config_or_publish_data_are_refused(
    write_config, site, key, message
):
    line = only(write_config, with_keys(**site))
    assert f": {key}: " in line
    assert message in line


def test_the_public_output_may_not_hold_an_input(write_config, tmp_path: Path):
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "logo.png").write_bytes(PNG)
    line = only(write_config, with_keys(logo="web/logo.png", output="web"))
    assert "site.output: " in line
    assert "holds organisation.logo" in line


def test_outputs_may_sit_beside_or_away_from_the_config(write_config, tmp_path: Path):
    away = tmp_path.parent / f"{tmp_path.name}-away"
    playbook = load(write_config(with_keys(output="../site", private_output=str(away))))
    assert playbook.config.site.output == "../site"


def test_output_rules_on_their_own(tmp_path: Path):
    folder = tmp_path / "program"
    assert output_problem(folder, Path("/")) is not None
    assert output_problem(folder, folder) is not None
    assert output_problem(folder, tmp_path) is not None
    assert output_problem(folder, folder / "site") is None
    assert output_problem(folder, tmp_path / "site") is None
    assert overlap_problem(tmp_path / "site", tmp_path / "private") is None
    assert overlap_problem(tmp_path / "site", tmp_path / "site-private") is None
    assert overlap_problem(tmp_path / "site", tmp_path / "site" / "p") is not None
    assert overlap_problem(tmp_path / "p" / "site", tmp_path / "p") is not None


def test_a_symlinked_output_counts_where_it_leads(write_config, tmp_path: Path):
    (tmp_path / "site").mkdir()
    os.symlink(tmp_path / "site", tmp_path / "private")
    line = only(write_config, with_keys(output="site", private_output="private"))
    assert "site.private_output: " in line
    assert "is also site.output" in line


def test_every_path_problem_is_reported_at_once_in_file_order(write_config):
    text = with_keys(logo="/etc/passwd", roster="gone.csv", output="/", private_output="/")
    found = problems(write_config, text)
    assert [line.split(": ")[1] for line in found] == [
        "organisation.logo",
        "roster",
        "site.output",
        "site.private_output",
    ]


def test_path_problems_come_with_the_other_cross_checks(write_config):
    text = with_keys(logo="/etc/passwd").replace("[customer-perspective]", "[nope]")
    found = problems(write_config, text)
    assert len(found) == 2
    assert any("unknown focus area 'nope'" in line for line in found)


def test_the_example_passes_its_own_rules():
    playbook = load(Path("playbook/organisation.yaml"))
    assert playbook.config.site.settings == "mkdocs.yml"
    assert playbook.resolve(playbook.config.site.settings).is_file()
    assert playbook.resolve(playbook.config.site.output) == Path("site").resolve()
