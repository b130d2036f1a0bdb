"""load: YAML in, a validated and resolved Playbook out, or every problem at once, located.

Validation runs in two passes, as in mkdocs: first each field against the typed model, then the
cross-field checks (known focus areas, unique departments, start date outside blackouts) once
every field has passed. Messages read ``file:line:column: key.path: what was expected``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.config.base import Contact
from generator.config.cohort_settings import Cohort, Facilitators
from generator.config.content import merged, unknown_removals
from generator.config.fields import reserved_slug, slugify
from generator.config.model import Config, Department, ProgramOverrides
from generator.config.paths import path_problems
from generator.config.resolved import (
    FACILITATED,
    Cadence,
    Playbook,
    ResolvedDepartment,
    Settings,
    Span,
    Topic,
)
from generator.config.topics import topic_library
from generator.config.yamlsource import KeyPath, SourceMap, format_key_path, read_yaml
from generator.config.zones import holiday_days
from generator.errors import ConfigError

Problem = tuple[KeyPath, str]
#: The keys a department may override: every program setting (``ProgramOverrides`` derives them).
INHERITED = tuple(ProgramOverrides.model_fields)


def load(path: Path) -> Playbook:
    """Read, validate and resolve the config at ``path``; raise ConfigError listing all errors."""
    path = Path(path)
    data, source = read_yaml(path)
    if not isinstance(data, dict):
        kind = "empty" if data is None else f"a {_kind(data)}"
        msg = (
            f"{source.where(())}: the config is {kind}; expected a mapping with the keys "
            "organisation, program and departments"
        )
        raise ConfigError(msg)
    try:
        config = Config.model_validate(data)
    except ValidationError as err:
        problems = [_describe(error, data) for error in err.errors()]
        raise ConfigError(report(source, problems)) from None
    topics = topic_library(config.topics, config.organisation.locale)
    problems = [*cross_checks(config, topics), *path_problems(config, path.resolve().parent)]
    if problems:
        raise ConfigError(report(source, problems))
    return resolve(config, path.resolve(), topics, source)


# --- Field errors ---------------------------------------------------------------------------


def _describe(error: Any, data: Any) -> Problem:
    """Turn one pydantic error into (key path, message)."""
    loc = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        return loc, _unknown_key(loc, data)
    if kind == "missing":
        return loc[:-1], f"missing required key '{loc[-1]}'"
    path = _data_path(loc, data)
    return path, f"expected {_expected(error)}, got {_shown(error.get('input'))}"


def _unknown_key(loc: KeyPath, data: Any) -> str:
    key = str(loc[-1])
    allowed = _allowed_keys(loc[:-1], data)
    near = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if near:
        return f"unknown key '{key}'; did you mean '{near[0]}'?"
    return f"unknown key '{key}'; expected one of: {', '.join(allowed)}"


def _allowed_keys(parent: KeyPath, data: Any) -> list[str]:
    """The keys the model accepts at ``parent`` (found by walking the model's fields)."""
    model: Any = Config
    for part in parent:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return []
        model = _model_of(field.annotation)
        if model is None:
            return []
    return [field.alias or name for name, field in model.model_fields.items()]


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The BaseModel inside an annotation like ``list[Department] | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or getattr(annotation, "__metadata__", ()):
        found = _model_of(arg)
        if found is not None:
            return found
    origin = getattr(annotation, "__origin__", None)
    return _model_of(origin) if origin is not None and origin is not annotation else None


def _data_path(loc: KeyPath, data: Any) -> KeyPath:
    """The part of a pydantic location that exists in the data (drops validator names)."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if _has(node, part):
            node = node[part]
            path.append(part)
    return tuple(path)


def _has(node: Any, part: str | int) -> bool:
    if isinstance(node, dict):
        return part in node
    return isinstance(node, list) and isinstance(part, int) and part < len(node)


_EXPECTED = {
    "int_parsing": "a whole number",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "string_type": "text",
    "date_type": "a date like 2027-01-11",
    "date_parsing": "a date like 2027-01-11",
    "date_from_datetime_parsing": "a date like 2027-01-11",
    "date_from_datetime_inexact": "a date like 2027-01-11 (no time of day)",
    "list_type": "a list",
    "model_type": "a mapping of keys and values",
    "model_attributes_type": "a mapping of keys and values",
    "dict_type": "a mapping of keys and values",
}


def _expected(error: Any) -> str:
    kind, ctx = error["type"], error.get("ctx", {})
    if kind in _EXPECTED:
        return _EXPECTED[kind]
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind in ("greater_than_equal", "greater_than"):
        return f"a number of at least {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"a number of at most {ctx.get('le', ctx.get('lt'))}"
    if kind == "string_too_short":
        return "some text (it is empty)"
    if kind == "string_too_long":
        return f"text of at most {ctx.get('max_length')} characters"
    if kind == "too_short":
        return f"at least {ctx.get('min_length')} item(s)"
    if kind == "too_long":
        return f"at most {ctx.get('max_length')} item(s)"
    if kind == "literal_error":
        return f"one of {ctx.get('expected')}"
    return str(error["msg"]).lower()


def _shown(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return f"a list of {len(value)} item(s)"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _kind(value: Any) -> str:
    return {list: "list", str: "text", int: "number", float: "number", bool: "boolean"}.get(
        type(value), type(value).__name__
    )


def report(source: SourceMap, problems: Iterable[Problem]) -> str:
    """All problems, one per line, in file order, deduplicated."""
    lines = sorted(
        {
            (source.locate(path), f"{source.where(path)}: {format_key_path(path)}: {message}")
            for path, message in problems
        },
        key=lambda item: (item[0].line, item[0].column, item[1]),
    )
    count = len(lines)
    header = f"{source.path}: {count} problem{'s' if count != 1 else ''} found"
    return "\n".join([header, *(line for _, line in lines)])


# --- Cross-field checks ---------------------------------------------------------------------


def cross_checks(config: Config, topics: dict[str, Topic]) -> Iterable[Problem]:
    """Rules that need more than one field: each yields (key path, message)."""
    yield from _check_custom_topics(config)
    yield from _check_focus_areas(("program",), config.program.focus_areas, topics)
    yield from _check_start(("program",), config.program.start, config.program.blackout_dates)
    yield from _check_departments(config, topics)
    yield from _check_content(config)


def _check_content(config: Config) -> Iterable[Problem]:
    for kind, index, key, keys in unknown_removals(config.content):
        near = difflib.get_close_matches(key, keys, n=1, cutoff=0.5)
        hint = f"did you mean '{near[0]}'? " if near else ""
        yield (
            ("content", "forms", kind, "remove", index),
            f"the {kind} form has no question '{key}'; {hint}expected one of: {', '.join(keys)}",
        )


def _check_custom_topics(config: Config) -> Iterable[Problem]:
    builtin = set(topic_library([]))
    seen: set[str] = set()
    for i, topic in enumerate(config.topics):
        if topic.id in builtin:
            yield ("topics", i, "id"), f"'{topic.id}' is a built-in topic; choose another id"
        elif topic.id in seen:
            yield ("topics", i, "id"), f"topic id '{topic.id}' is given twice"
        seen.add(topic.id)


def _check_focus_areas(
    where: KeyPath, focus_areas: list[str] | None, topics: dict[str, Topic]
) -> Iterable[Problem]:
    seen: set[str] = set()
    for i, area in enumerate(focus_areas or ()):
        path = (*where, "focus_areas", i)
        if area in seen:
            yield path, f"focus area '{area}' is listed twice"
        elif area not in topics:
            yield path, _unknown_topic(area, topics)
        seen.add(area)


def _unknown_topic(area: str, topics: dict[str, Topic]) -> str:
    near = difflib.get_close_matches(area, list(topics), n=1, cutoff=0.5)
    hint = f"did you mean '{near[0]}'? " if near else ""
    return (
        f"unknown focus area '{area}'; {hint}expected a topic id: {', '.join(topics)} "
        "(or add your own under `topics`)"
    )


def _check_start(where: KeyPath, start: Any, blackouts: Any) -> Iterable[Problem]:
    for blackout in blackouts or ():
        if blackout.start <= start <= blackout.end:
            label = f" ({blackout.label})" if blackout.label else ""
            yield (
                (*where, "start"),
                f"the start date {start} falls in a blackout{label} "
                f"{blackout.start}..{blackout.end}; start on a day with sessions",
            )


def _check_departments(config: Config, topics: dict[str, Topic]) -> Iterable[Problem]:
    names: dict[str, int] = {}
    slugs: dict[str, int] = {}
    taken = {d.slug or slugify(d.name) for d in config.departments}
    for i, department in enumerate(config.departments):
        where: KeyPath = ("departments", i)
        key = department.name.casefold()
        if key in names:
            yield (
                (*where, "name"),
                (
                    f"department '{department.name}' is listed twice "
                    f"(also departments[{names[key]}])"
                ),
            )
        names.setdefault(key, i)
        slug = department.slug or slugify(department.name)
        if not slug:
            yield (*where, "name"), "cannot make a page name from this name; add a `slug`"
        elif reserved := reserved_slug(slug, not department.slug, taken):
            yield (*where, "slug" if department.slug else "name"), reserved
        elif slug in slugs and key != config.departments[slugs[slug]].name.casefold():
            yield (
                (*where, "slug" if department.slug else "name"),
                (
                    f"page name '{slug}' is also used by departments[{slugs[slug]}]; "
                    "give one of them its own `slug`"
                ),
            )
        slugs.setdefault(slug, i)
        yield from _check_focus_areas(where, department.focus_areas, topics)
        start = department.start or config.program.start
        blackouts = (
            config.program.blackout_dates
            if department.blackout_dates is None
            else department.blackout_dates
        )
        yield from _check_start(where if department.start else ("program",), start, blackouts)


# --- Resolution -----------------------------------------------------------------------------


def resolve(
    config: Config, config_path: Path, topics: dict[str, Topic], source: SourceMap | None = None
) -> Playbook:
    """Merge program defaults under each department's overrides."""
    org = config.organisation
    defaults = _settings(config.program, topics, org.lead, org.locale)
    departments = tuple(_department(d, config, topics, defaults) for d in config.departments)
    content = merged(config.content, config.organisation.locale)
    return Playbook(config, config_path, topics, defaults, departments, content, source)


def _settings(fields: Any, topics: dict[str, Topic], lead: Contact, locale: str) -> Settings:
    cadence = Cadence.parse(fields.cadence)
    listed = tuple(Span(b.start, b.end, b.label) for b in fields.blackout_dates)
    return Settings(
        start=fields.start,
        sessions=fields.sessions,
        cadence=cadence,
        session_minutes=fields.session_minutes,
        session_time=fields.session_time,
        format=fields.format,
        focus_areas=tuple(topics[area] for area in fields.focus_areas),
        blackouts=_with_holidays(listed, fields, cadence, locale),
        paper_size=fields.paper_size,
        facilitators=facilitators(fields.cohort.facilitators, lead),
        cohort=fields.cohort,
        agreement=fields.agreement,
        location=fields.location,
        accept_warnings=tuple(fields.accept_warnings),
        timezone=fields.timezone,
        holidays=fields.holidays,
    )


def program_years(start: date, sessions: int, cadence: Cadence) -> range:
    """The years a program's days can fall in: from the year before its start (training and
    the first forms come earlier) to the year after its last slot (moves and the celebration
    come later)."""
    step = timedelta(weeks=cadence.weeks) if cadence.weeks else timedelta(days=31)
    last = start + step * (sessions - 1)
    return range(start.year - 1, last.year + 2)


def _with_holidays(
    listed: tuple[Span, ...], fields: Any, cadence: Cadence, locale: str
) -> tuple[Span, ...]:
    """The listed blackouts and, with ``holidays`` set, each public holiday as a one-day span
    named after it, in date order."""
    if fields.holidays is None:
        return listed
    years = program_years(fields.start, fields.sessions, cadence)
    days = holiday_days(fields.holidays, years, locale.replace("-", "_"))
    spans = [Span(day, day, name, holiday=True) for day, name in days]
    return tuple(sorted([*listed, *spans], key=lambda span: (span.start, span.end)))


def facilitators(named: Facilitators, lead: Contact) -> dict[str, Contact]:
    """Who facilitates each cohort event: the one ``cohort.facilitators`` names, else the lead."""
    return {key: getattr(named, key) or lead for key in FACILITATED}


def merge_cohort(program: Cohort, department: Cohort) -> Cohort:
    """A department's ``cohort`` over the program's, key by key, facilitators event by event.

    Only the keys the department writes override, so a department that turns off its
    celebration keeps the program's training day and the trainer the program names.
    """
    update: dict[str, Any] = {key: getattr(department, key) for key in department.model_fields_set}
    if "facilitators" in update:
        named = department.facilitators
        update["facilitators"] = program.facilitators.model_copy(
            update={key: getattr(named, key) for key in named.model_fields_set}
        )
    return program.model_copy(update=update)


def _department(
    department: Department, config: Config, topics: dict[str, Topic], defaults: Settings
) -> ResolvedDepartment:
    given = [name for name in INHERITED if getattr(department, name) is not None]
    update = {name: getattr(department, name) for name in given}
    if department.cohort is not None:
        update["cohort"] = merge_cohort(config.program.cohort, department.cohort)
    merged = config.program.model_copy(update=update)
    org = config.organisation
    settings = _settings(merged, topics, org.lead, org.locale)
    return ResolvedDepartment(
        name=department.name,
        slug=department.slug or slugify(department.name),
        settings=settings,
        contact=department.contact or config.organisation.lead,
        returns_to=department.feedback_to or config.organisation.lead,
        intro=department.intro,
        extra_questions=tuple(department.extra_questions),
        overrides=_differences(settings, defaults),
    )


def _differences(settings: Settings, defaults: Settings) -> tuple[str, ...]:
    """The inherited keys whose resolved value differs from the program defaults'.

    Compared after resolving, so a department that restates a default, or writes the same
    value another way ('fortnightly' for 'every 2 weeks'), does not differ in it.
    """
    return tuple(
        name for name in INHERITED if _compared(settings, name) != _compared(defaults, name)
    )


def _compared(settings: Settings, name: str) -> Any:
    """A setting's resolved value; the blackouts without the holidays (a key of their own)."""
    if name == "blackout_dates":
        return tuple(span for span in settings.blackouts if not span.holiday)
    return getattr(settings, name)
