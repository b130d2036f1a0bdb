"""environment: one Jinja environment for every template, the user's own first.

Templates are found along a search path, like a theme's custom_dir: the user's own templates
folder first, then the built-in ones, so a file of the same name replaces a built-in template.
``{% extends "!default/site/department.md" %}`` reaches the built-in version from an override,
so a user can replace one block instead of copying a whole page.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2

from generator.config.spelling import DEFAULT
from generator.errors import TemplateError
from generator.render.filters import FILTERS
from generator.render.respell import Respell, respelling_version
from generator.resources import builtin_templates_dir


class PlainUndefined(jinja2.StrictUndefined):
    """A missing name fails the build (never a blank box on a form), and its message speaks of
    what the template sees (``department has no attribute 'nmae'; did you mean 'name'?``), not
    of Python classes."""

    @property
    def _undefined_message(self) -> str:
        if self._undefined_hint:
            return self._undefined_hint
        name, owner = self._undefined_name, self._undefined_obj
        if owner is jinja2.utils.missing:
            return f"{name!r} is undefined"
        if not isinstance(name, str):
            return f"{describe(owner)} has no item {name!r}"
        kind = "key" if isinstance(owner, Mapping) else "attribute"
        return f"{describe(owner)} has no {kind} {name!r}{did_you_mean(name, known_names(owner))}"


def describe(value: object) -> str:
    """How a template value is named in messages: a context object by its template name
    (``department``), a mapping or list by kind, anything else by its type in plain words
    (``this cohort event``)."""
    name = getattr(type(value), "template_name", None)
    if isinstance(name, str):
        return name
    if value is None:
        return "none (an empty value)"
    if isinstance(value, Mapping):
        return "this mapping"
    if isinstance(value, list | tuple):
        return "this list"
    if isinstance(value, str):
        return "this text"
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", type(value).__name__)
    return f"this {words.lower()}"


def known_names(value: object) -> list[str]:
    """The names a template can read on ``value``: a mapping's keys, a model's or dataclass's
    fields and its properties; nothing for other values (their methods are no template's
    business)."""
    if isinstance(value, Mapping):
        return [key for key in value if isinstance(key, str)]
    cls = type(value)
    fields = getattr(cls, "model_fields", None)
    if isinstance(fields, dict):
        return list(fields)
    if not dataclasses.is_dataclass(value):
        return []
    names = [f.name for f in dataclasses.fields(value)]
    return names + [n for n in dir(cls) if isinstance(getattr(cls, n, None), property)]


def did_you_mean(name: str, candidates: list[str]) -> str:
    """``; did you mean 'name'?`` for the closest candidate, or nothing."""
    close = difflib.get_close_matches(name, candidates, n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def make_environment(
    user_templates: Path | None, bytecode: Path | None = None, locale: str = DEFAULT
) -> jinja2.Environment:
    """One environment: user templates first, then built-in; ``!default/`` is always built-in.

    ``bytecode`` is a folder where compiled templates are kept between builds (jinja checks
    each against its source, so an edited template is compiled again; the spelling is part of
    the cache's file names, since the same source compiles differently in each). Prose is
    respelled for ``locale`` as templates compile (``respell``).
    """
    builtin = jinja2.FileSystemLoader(str(builtin_templates_dir()))
    loaders: list[jinja2.BaseLoader] = [jinja2.PrefixLoader({"!default": builtin})]
    if user_templates is not None and user_templates.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(user_templates)))
    loaders.append(builtin)
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(["html", "xml", "svg"]),
        undefined=PlainUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=_bytecode_cache(bytecode, locale),
        extensions=[Respell],
    )
    env.locale = locale  # type: ignore[attr-defined]
    env.filters.update(FILTERS)
    return env


def _bytecode_cache(folder: Path | None, locale: str) -> jinja2.BytecodeCache | None:
    if folder is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    version = respelling_version(locale)
    return jinja2.FileSystemBytecodeCache(str(folder), f"__jinja2_{version}_%s.cache")


def guide_environment(env: jinja2.Environment) -> jinja2.Environment:
    """The environment for guide pages: prose where every newline matters.

    Guide templates are written with explicit whitespace control (``{%- -%}``) rather than
    trim_blocks/lstrip_blocks, so they render through an overlay without those two settings.
    """
    bytecode = env.bytecode_cache
    if isinstance(bytecode, jinja2.FileSystemBytecodeCache):
        # jinja keys compiled templates by name only, not by these settings: keep them apart
        pattern = bytecode.pattern.replace("__jinja2_", "__guide_")
        bytecode = jinja2.FileSystemBytecodeCache(bytecode.directory, pattern)
    return env.overlay(trim_blocks=False, lstrip_blocks=False, bytecode_cache=bytecode)


#: Where a missing name's message sends the reader: the generated reference of what templates see.
REFERENCE = "`playbook templates` lists what each template can use"


def render_template(env: jinja2.Environment, name: str, **context: Any) -> str:
    """Render one template; any failure becomes a TemplateError naming template and line."""
    try:
        return env.get_template(name).render(**context)
    except Exception as err:
        raise template_error(err, name) from None


def template_error(err: Exception, name: str) -> TemplateError:
    """What went wrong while rendering template ``name``, for the person who wrote it.

    A user's template runs real expressions, so anything can come out of it (``{{ 1 / 0 }}``,
    ``{{ [].pop() }}``, a template that includes itself): each names the innermost template
    file and line rather than being taken for a bug in playbook.
    """
    if isinstance(err, jinja2.TemplateSyntaxError):
        return TemplateError(f"template {err.filename or err.name}:{err.lineno}: {err.message}")
    if isinstance(err, jinja2.TemplateNotFound):
        return TemplateError(f"template {err.name} not found (while rendering {name})")
    where = _where(err, name)
    if isinstance(err, jinja2.UndefinedError):
        return TemplateError(f"template {where}: {err} ({REFERENCE})")
    if isinstance(err, TypeError | ValueError | AttributeError):
        return TemplateError(f"template {where}: {err}")
    if isinstance(err, RecursionError):
        return TemplateError(
            f"template {where}: the template includes, extends or calls itself without end "
            "(directly or through another template)"
        )
    return TemplateError(f"template {where}: {python_error(err)}")


def python_error(err: BaseException) -> str:
    """``division by zero (ZeroDivisionError)``: the message first, the type for a search."""
    text = str(err).strip()
    return f"{text} ({type(err).__name__})" if text else type(err).__name__


def _where(err: BaseException, name: str) -> str:
    """The innermost template frame of a rendering error, as ``path:line``.

    Jinja rewrites tracebacks so a template's frames carry its file name and line; every other
    frame is Python (``.py``) or generated (``<template>``).
    """
    for frame in reversed(traceback.extract_tb(err.__traceback__)):
        if not frame.filename.endswith(".py") and not frame.filename.startswith("<"):
            return f"{frame.filename}:{frame.lineno}"
    return name
