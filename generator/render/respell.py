"""respell: templates speak in the organisation's spelling (config.spelling), by construction.

A template's prose is respelled once, when it is compiled: the text between tags, and the
prose string literals inside tags (those with a space in them, such as a form's introduction).
Everything a tag computes, config text above all, is left alone: it is the organisation's own.
Only Markdown and HTML templates hold prose; style sheets, scripts and settings files pass as
they are.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import jinja2
import jinja2.ext

from generator.config import spelling
from generator.config.spelling import DEFAULT, spell

#: a Jinja tag, expression or comment, kept whole
_TAG = re.compile(r"({{.*?}}|{%.*?%}|{#.*?#})", re.S)
#: a string literal inside a tag
_LITERAL = re.compile(r"(\"[^\"\n]*\"|'[^'\n]*')")
PROSE = (".md", ".html")


def respelling_version(locale: str) -> str:
    """A short name for this spelling of templates: the locale and a digest of the code that
    respells, so compiled templates kept between builds are never reused after it changes."""
    code = "".join(
        Path(module.__file__ or "").read_text(encoding="utf-8")
        for module in (spelling, sys.modules[__name__])
    )
    return f"{locale}-{hashlib.sha256(code.encode()).hexdigest()[:12]}"


def respell_template(source: str, locale: str) -> str:
    """A template's source with its prose in ``locale``'s spelling."""
    parts = _TAG.split(source)
    return "".join(
        _respell_tag(part, locale) if index % 2 else spell(part, locale)
        for index, part in enumerate(parts)
    )


def _respell_tag(tag: str, locale: str) -> str:
    if tag.startswith("{#"):
        return tag
    return _LITERAL.sub(
        lambda m: spell(m.group(0), locale) if " " in m.group(0) else m.group(0), tag
    )


class Respell(jinja2.ext.Extension):
    """Respells a Markdown or HTML template's prose as it is compiled (``environment.locale``)."""

    def __init__(self, environment: jinja2.Environment) -> None:
        super().__init__(environment)
        environment.extend(locale=DEFAULT)

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        """The template's source, respelled if it holds prose."""
        if not name or not name.endswith(PROSE):
            return source
        return respell_template(source, self.environment.locale)  # type: ignore[attr-defined]
