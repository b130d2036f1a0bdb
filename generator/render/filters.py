"""Jinja filters, all in one place.

Config text is data. Jinja's autoescape covers HTML only, so Markdown pages pipe every config
string through ``md``, which neutralises both Markdown syntax and raw HTML.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from generator.config.icons import is_icon_name
from generator.render.contrast import readable
from generator.render.fit import fit_agenda

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def md(value: Any) -> str:
    """Escape text for Markdown: HTML entities first, then backslash Markdown punctuation."""
    text = str(value)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def md_attr(value: Any) -> str:
    """Text for a Markdown link title or table cell that must stay on one line."""
    return md(" ".join(str(value).split()))


def shortcode(icon: Any) -> str:
    """An icon name as the shortcode Markdown pages show: 'material/leaf' -> ':material-leaf:'.

    Anything that is not an icon name is escaped as text (``md``), so it never becomes markup.
    """
    text = str(icon)
    if is_icon_name(text):
        return ":" + text.replace("/", "-") + ":"
    return md(text)


def sentence(value: Any) -> str:
    """Text with its first letter made a capital and the rest left alone ("only when I ask"
    -> "Only when I ask"), where Jinja's ``capitalize`` would lower every other letter."""
    text = str(value)
    return text[:1].upper() + text[1:]


def possessive(value: Any) -> str:
    """A name's possessive: 'Northwind' -> "Northwind's", 'Traders' -> "Traders'".

    Applied before any escaping filter: ``{{ org.name | possessive | md }}``.
    """
    text = str(value)
    return f"{text}'" if text.endswith(("s", "S")) else f"{text}'s"


def mailto(email: str) -> str:
    """A mailto URL safe inside a Markdown link target."""
    return "mailto:" + quote(email, safe="@.+-_")


def longdate(day: date) -> str:
    """Monday 11 January 2027."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def shortdate(day: date) -> str:
    """11 Jan 2027."""
    return f"{day.day} {day:%b %Y}"


def ordinal(number: int) -> str:
    """1 -> '1st', 2 -> '2nd', 3 -> '3rd', 11 -> '11th', 22 -> '22nd'."""
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def zoned(time: str, label: str) -> str:
    """A clock time with its zone where pages name one: '10:30', 'New York time' ->
    '10:30 New York time'; an empty label (a program in one zone) leaves the time bare."""
    return f"{time} {label}" if label else str(time)


def hours(minutes: int) -> str:
    """45 -> '45 minutes'; 60 -> '1 hour'; 90 -> '1.5 hours'; 75 -> '1 hour 15 minutes'."""
    whole, rest = divmod(int(minutes), 60)
    if whole == 0:
        return plural(rest, "minute")
    if rest == 30:
        return f"{whole}.5 hours"
    text = plural(whole, "hour")
    return f"{text} {plural(rest, 'minute')}" if rest else text


def about_hours(minutes: int) -> str:
    """A total to plan by, to the nearest half hour: 775 -> 'about 13 hours'."""
    halves = round(int(minutes) / 30)
    if halves < 2:
        return f"about {plural(int(minutes), 'minute')}"
    whole, half = divmod(halves, 2)
    return f"about {whole}.5 hours" if half else f"about {plural(whole, 'hour')}"


def plural(count: int, word: str, many: str | None = None) -> str:
    """3, 'session' -> '3 sessions'."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def yaml_str(value: Any) -> str:
    """A YAML-safe quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(str(value), ensure_ascii=False)


def html_lines(value: Any) -> Markup:
    """Escaped text with line breaks kept, for print HTML."""
    return Markup("<br>").join(escape(line) for line in str(value).splitlines())


def tint(colour: str, share: float) -> str:
    """A hex colour mixed with white: ``share`` 0.1 keeps 10 % of the colour (print tints)."""
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    rgb = [int(value[i : i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(255 - (255 - c) * share):02x}" for c in rgb)


def css_string(value: Any) -> Markup:
    """A quoted CSS string (for ``content:`` in @page boxes); quotes and backslashes escaped."""
    text = " ".join(str(value).split())
    escaped = "".join(c if c.isalnum() or c in " .,:;-_()/&+'" else f"\\{ord(c):x} " for c in text)
    return Markup(f'"{escaped}"')


FILTERS: dict[str, Callable[..., Any]] = {
    "md": md,
    "md_attr": md_attr,
    "shortcode": shortcode,
    "possessive": possessive,
    "mailto": mailto,
    "longdate": longdate,
    "shortdate": shortdate,
    "hours": hours,
    "ordinal": ordinal,
    "zoned": zoned,
    "about_hours": about_hours,
    "sentence": sentence,
    "plural": plural,
    "yaml_str": yaml_str,
    "html_lines": html_lines,
    "tint": tint,
    "css_string": css_string,
    "fit_agenda": fit_agenda,
    "readable": readable,
}
