"""Property-based fuzzing of the loader: whatever the file holds, only ConfigError escapes."""

from __future__ import annotations

import copy
import tempfile
from datetime import date
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


#: Every day a plan may use: the blackout bounds, widened by the step past a blackout's edge
#: and the weeks of sessions and events that follow the last blackout day (see config.model).
PLANNED = (date(1998, 12, 1), date(2201, 12, 31))

edge_days = st.one_of(
    st.dates(min_value=date(1998, 12, 1), max_value=date(1999, 3, 1)),
    st.dates(min_value=date(1999, 10, 1), max_value=date(2000, 2, 1)),
    st.dates(min_value=date(2099, 10, 1), max_value=date(2100, 3, 1)),
    st.dates(min_value=date(2196, 6, 1), max_value=date(2201, 2, 1)),
    st.sampled_from([date.min, date.max, date(1999, 1, 1), date(2200, 12, 31)]),
)
#: Spans that start early and run to an edge: years, or a whole program, of blackout.
LONG_FROM = [date(1999, 1, 1), date(2000, 1, 4), date(2100, 1, 1)]
STARTS = [date(2000, 1, 1), date(2000, 1, 3), date(2099, 12, 31), date(2099, 12, 28)]
blackouts = st.lists(
    st.one_of(
        edge_days.map(str),
        st.tuples(edge_days, edge_days).map(lambda s: {"from": str(s[0]), "to": str(s[1])}),
        st.tuples(st.sampled_from(LONG_FROM), edge_days).map(
            lambda s: {"from": str(s[0]), "to": str(s[1])}
        ),
    ),
    max_size=4,
)


def planned_days(plan) -> list[date]:
    days = [s.date for s in plan.schedule] + [e.date for e in plan.events]
    for department in plan.departments:
        days += [s.date for s in department.schedule] + [e.date for e in department.events]
        days += [r.date for r in department.reminders]
    return days


@settings(max_examples=300, deadline=None)
@given(
    start=st.sampled_from(STARTS),
    sessions=st.sampled_from([1, 2, 4, 52]),
    cadence=st.sampled_from(["weekly", "monthly", "every 99 weeks"]),
    before=st.sampled_from([1, 60]),
    spans=blackouts,
)
def test_blackouts_at_the_edges_of_the_calendar_never_break_planning(
    start, sessions, cadence, before, spans
):
    data = copy.deepcopy(BASE)
    data["program"].update(start=str(start), sessions=sessions, cadence=cadence)
    data["program"]["cohort"] = {"training_days_before": before}
    data["program"]["blackout_dates"] = spans
    playbook = load_text(yaml.safe_dump(data))
    if playbook is not None:
        days = planned_days(plan_program(playbook))
        assert PLANNED[0] <= min(days)
        assert max(days) <= PLANNED[1]
