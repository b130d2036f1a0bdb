"""The bad-input corpus: every broken config gives a located, plain error and exit 1."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import MINIMAL

CORPUS = Path(__file__).parent / "corpus" / "config"
CONFIGS = sorted(CORPUS.glob("*.yaml"))


def expected_message(path: Path) -> str:
    sibling = path.with_suffix(".expect")
    if sibling.exists():
        return sibling.read_text(encoding="utf-8").strip()
    first = path.read_text(encoding="utf-8-sig").splitlines()[0]
    assert first.startswith("# expect: "), f"{path.name} needs an '# expect:' first line"
    return first.removeprefix("# expect: ")


def test_corpus_is_large_enough():
    assert len(CONFIGS) >= 40


def everything_under(folder: Path) -> dict[str, str]:
    """Every file and folder under ``folder``, hidden ones included, with each file's hash."""
    return {
        p.relative_to(folder).as_posix(): (
            hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "folder"
        )
        for p in sorted(folder.rglob("*"))
    }


#: Configs whose problem shows only against the roster file (pins, the column mapping): the
#: build counts the approved pairs and never reads the roster, so `pair` (and validate) refuse
#: them instead.
PAIRING_ONLY = {"pin-breaks-rule", "pin-nobody", "roster-column-not-in-file"}


@pytest.mark.parametrize("path", CONFIGS, ids=[p.stem for p in CONFIGS])
def test_bad_config_gives_a_located_plain_error(runner, path: Path, tmp_path: Path):
    before = everything_under(tmp_path), everything_under(CORPUS.parent)
    command = ["build", str(path), "-o", str(tmp_path / "site")]
    if path.stem in PAIRING_ONLY:
        command = ["pair", "-c", str(path)]
    result = runner.invoke(main, command)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.output.startswith(f"Error: {path}")
    assert expected_message(path) in result.output
    # Nothing written: no site, no cache, no staging, beside the -o folder or the config.
    assert (everything_under(tmp_path), everything_under(CORPUS.parent)) == before

    # What validate accepts, build accepts: validate refuses it with the same message.
    checked = runner.invoke(main, ["validate", str(path)])
    assert checked.exit_code == 1, checked.output
    assert checked.output == result.output
    assert (everything_under(tmp_path), everything_under(CORPUS.parent)) == before


ROSTERS = sorted(p for p in (CORPUS.parent / "roster").iterdir() if p.suffix != ".expect")


def test_corpus_has_rosters_too():
    assert len(CONFIGS) + len(ROSTERS) >= 70


@pytest.mark.parametrize("path", ROSTERS, ids=[p.name for p in ROSTERS])
def test_bad_roster_gives_a_plain_error_and_writes_nothing(runner, write_config, path, tmp_path):
    result = runner.invoke(main, ["pair", str(path), "-c", str(write_config())])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.output.startswith(f"Error: {path.name}")
    assert path.with_suffix(".expect").read_text(encoding="utf-8").strip() in result.output
    assert not (tmp_path / "private").exists()


@pytest.mark.parametrize("path", ROSTERS, ids=[p.name for p in ROSTERS])
def test_a_bad_roster_in_the_config_stops_validate_and_pair_alike(
    runner, write_config, path: Path, tmp_path: Path
):
    """Named in the config, the same roster gives the same message from validate and pair,
    and neither writes anything. The build never reads the roster (its counts come from the
    approved pairs.csv, so a rebuild costs the same with 10,000 people as with none)."""
    (tmp_path / path.name).write_bytes(path.read_bytes())  # inputs sit beside the config
    config = str(write_config(MINIMAL + f"roster: {path.name}\n"))
    before = everything_under(tmp_path)
    outputs = []
    for args in (["validate", config], ["pair", "-c", config]):
        result = runner.invoke(main, args)
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        outputs.append(result.output)
        assert everything_under(tmp_path) == before, args[0]
    assert outputs[0].startswith(f"Error: {path.name}")
    assert path.with_suffix(".expect").read_text(encoding="utf-8").strip() in outputs[0]
    assert outputs[1] == outputs[0]


def test_a_config_over_the_size_limit_is_refused_at_once(runner, tmp_path):
    """Like the corpus, on a file too big to commit: refused before parsing, nothing written."""
    from generator.config.yamlsource import MAX_CONFIG_BYTES

    path = tmp_path / "config" / "organisation.yaml"
    path.parent.mkdir()
    entry = "  - name: Department\n    sessions: 4\n"
    path.write_text("departments:\n" + entry * (MAX_CONFIG_BYTES // len(entry) + 1), "utf-8")
    size = f"{path.stat().st_size / 1_000_000:.1f} MB"
    expected = f"Error: {path}: the file is {size}, over the {MAX_CONFIG_BYTES / 1e6:.1f} MB limit"
    before = everything_under(tmp_path)
    result = runner.invoke(main, ["build", str(path), "-o", str(tmp_path / "site")])
    assert result.exit_code == 1, result.output
    assert result.output.startswith(expected)
    assert everything_under(tmp_path) == before
    checked = runner.invoke(main, ["validate", str(path)])
    assert (checked.exit_code, checked.output) == (1, result.output)


def test_a_roster_over_the_size_limit_is_refused_at_once(runner, write_config, tmp_path):
    from generator.pairing.roster import MAX_ROSTER_BYTES

    path = tmp_path / "roster.csv"
    row = "Someone,someone@example.com,mentor,Sales,coaching\n"
    rows = row * (MAX_ROSTER_BYTES // len(row) + 1)
    path.write_text("name,email,role,department,skills\n" + rows, encoding="utf-8")
    size = f"{path.stat().st_size / 1_000_000:.1f} MB"
    result = runner.invoke(main, ["pair", str(path), "-c", str(write_config())])
    assert result.exit_code == 1, result.output
    assert result.output.startswith(
        f"Error: roster.csv: the file is {size}, over the {MAX_ROSTER_BYTES / 1e6:.1f} MB limit"
    )
    assert not (tmp_path / "private").exists()
