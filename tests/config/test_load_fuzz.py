"""Property-based fuzzing of the loader: whatever the file holds, only ConfigError escapes."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.config.load import load
from generator.errors import ConfigError
from generator.program.plan import plan_program
from tests.conftest import MINIMAL

BASE = yaml.safe_load(MINIMAL)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.dates().map(str),
    st.sampled_from(["weekly", "monthly", "every 3 weeks", "group", "A4", "technology", "10:30"]),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)


def paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, child in node.items():
            yield from paths(child, (*prefix, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from paths(child, (*prefix, index))


ALL_PATHS = [p for p in paths(BASE) if p]


def replaced(path, value):
    data = copy.deepcopy(BASE)
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return data


def load_text(text: str):
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "organisation.yaml"
        config.write_text(text, encoding="utf-8")
        try:
            playbook = load(config)
        except ConfigError as err:
            message = err.message
        else:
            plan_program(playbook)  # planning must not fail on anything load accepted
            return playbook
    assert message.startswith(str(config))
    return None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ALL_PATHS), values)
def test_any_value_anywhere_gives_config_error_or_loads(path, value):
    load_text(yaml.safe_dump(replaced(path, value), allow_unicode=True))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_config_error_or_loads(text):
    load_text(text)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=len(MINIMAL)), st.text(max_size=5))
def test_damaged_valid_file_gives_config_error_or_loads(position, insert):
    load_text(MINIMAL[:position] + insert + MINIMAL[position:])
