from pathlib import Path

import pytest

from generator.config.yamlsource import format_key_path, read_yaml
from generator.errors import ConfigError


def read(tmp_path: Path, text: str | bytes):
    path = tmp_path / "c.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return read_yaml(path)


def test_yaml_1_1_booleans_and_sexagesimals_stay_strings(tmp_path):
    data, _ = read(tmp_path, "a: no\nb: on\nc: off\nd: yes\ne: 10:30\nf: true\ng: 0o17\nh: ~\n")
    assert data == {
        "a": "no",
        "b": "on",
        "c": "off",
        "d": "yes",
        "e": "10:30",
        "f": True,
        "g": 15,
        "h": None,
    }


def test_dates_stay_text_for_the_model_to_parse(tmp_path):
    data, _ = read(tmp_path, "start: 2027-01-11\n")
    assert data == {"start": "2027-01-11"}


def test_positions_are_recorded_per_key_path(tmp_path):
    _, source = read(tmp_path, "a:\n  - x: 1\n    y: 2\n")
    assert source.where(("a", 0, "y")).endswith("c.yaml:3:5")
    assert source.where(("a", 0, "missing")).endswith("c.yaml:2:5")


def test_duplicate_keys_are_located(tmp_path):
    with pytest.raises(ConfigError) as err:
        read(tmp_path, "a: 1\nb: 2\na: 3\n")
    assert err.value.message.endswith(
        "c.yaml:3:1: a: duplicate key (first given at line 1); keep only one"
    )


def test_syntax_error_is_located(tmp_path):
    with pytest.raises(ConfigError) as err:
        read(tmp_path, "a: [1, 2\nb: 3\n")
    assert "c.yaml:2:2: YAML syntax error" in err.value.message


def test_binary_and_wrong_encoding(tmp_path):
    with pytest.raises(ConfigError, match="binary file"):
        read(tmp_path, b"\x00\x01\x02")
    with pytest.raises(ConfigError, match=r"c.yaml:2: the file is not UTF-8 \(byte 0xe9"):
        read(tmp_path, "a: 1\nb: caf\xe9\n".encode("latin-1"))


def test_alias_bomb_is_refused(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 8)]
    with pytest.raises(ConfigError, match="alias bomb"):
        read(tmp_path, "\n".join(lines) + "\n")


def test_empty_file_is_none(tmp_path):
    assert read(tmp_path, "")[0] is None


def test_missing_file_suggests_init(tmp_path):
    with pytest.raises(ConfigError, match="no such file .*playbook init"):
        read_yaml(tmp_path / "nope.yaml")


def test_format_key_path():
    assert format_key_path(("departments", 1, "cadence")) == "departments[1].cadence"
    assert format_key_path(()) == "(top level)"


def test_a_file_over_the_size_limit_is_refused_unparsed(tmp_path, monkeypatch):
    from generator.config import yamlsource

    monkeypatch.setattr(yamlsource, "MAX_CONFIG_BYTES", 1_000)
    path = tmp_path / "c.yaml"
    path.write_text("a: [" + "1, " * 600 + "]\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        yamlsource.read_yaml(path)
    assert err.value.message == (
        f"{path}: the file is 0.0 MB, over the 0.0 MB limit for a config; is this the right file?"
    )
    path.write_text("a: 1\n", encoding="utf-8")  # under the limit: read as before
    assert yamlsource.read_yaml(path)[0] == {"a": 1}


def test_a_file_that_grows_past_the_limit_as_it_is_read_is_refused(tmp_path, monkeypatch):
    from generator.config import yamlsource

    monkeypatch.setattr(yamlsource, "MAX_CONFIG_BYTES", 10)
    monkeypatch.setattr(yamlsource.os, "fstat", lambda fd: type("S", (), {"st_size": 0})())
    path = tmp_path / "c.yaml"
    path.write_text("a: 1\nb: 2\nc: 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"c.yaml: the file is over the 0.0 MB limit for a conf"):
        yamlsource.read_yaml(path)
