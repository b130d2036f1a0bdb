"""The `roster:` key: a path, or {file, columns}; both load as one RosterSource."""

from __future__ import annotations

import pytest

from generator.commands.init import schema_json
from generator.config.load import load
from generator.config.roster_settings import RosterSource
from generator.errors import ConfigError
from tests.conftest import MINIMAL

ROSTER = "name,email,role,department,skills\nAnn,a@x.example,mentor,Sales,x\n"


def test_a_path_and_a_mapping_load_alike(write_config, tmp_path):
    (tmp_path / "people.csv").write_text(ROSTER, encoding="utf-8")
    short = load(write_config(MINIMAL + "roster: people.csv\n")).config.roster
    assert short == RosterSource(file="people.csv")
    assert short.columns.given() == {}
    text = MINIMAL + "roster:\n  file: people.csv\n  columns: {name: Worker, role: Program Role}\n"
    mapped = load(write_config(text)).config.roster
    assert mapped is not None
    assert mapped.file == "people.csv"
    assert mapped.columns.given() == {"name": "Worker", "role": "Program Role"}


def test_the_mapped_file_is_held_to_the_folder_like_the_short_form(write_config):
    text = MINIMAL + "roster:\n  file: ../../people.csv\n  columns: {name: Worker}\n"
    with pytest.raises(ConfigError, match=r":20:3: roster.file: expected a path inside the config"):
        load(write_config(text))


def test_the_schema_offers_both_forms():
    schema = schema_json()
    assert '"RosterSource"' in schema
    assert '"RosterColumns"' in schema
    import json

    options = json.loads(schema)["properties"]["roster"]["anyOf"]
    assert options == [{"type": "string"}, {"$ref": "#/$defs/RosterSource"}, {"type": "null"}]
