"""quotes: the quotes a lead picks for the sponsor summary, inline (``evaluation.quotes``) or in
a file beside the config (``evaluation.quotes_file``): .txt, one quote a line, or .yaml, a list.

The file is checked when the config loads (``paths``), so `validate` reports a missing file, a
wrong kind of file or too many quotes at the key, like every other problem.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.config.evaluation_settings import MAX_QUOTES
from generator.config.model import Config

QUOTE_SUFFIXES = (".txt", ".yaml", ".yml")
#: The longest quote, as inline (``model.Quote``).
MAX_QUOTE_LENGTH = 240


class QuotesError(ValueError):
    """Why a quotes file cannot be read."""


def read_quotes(path: Path) -> list[str]:
    """The quotes in a file: each non-blank line of a .txt, each item of a .yaml list."""
    if path.suffix.casefold() not in QUOTE_SUFFIXES:
        msg = f"expected a .txt or .yaml file of quotes, got {path.name!r}"
        raise QuotesError(msg)
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.casefold() == ".txt":
        quotes = [line.strip() for line in text.splitlines() if line.strip()]
    else:
        try:
            items = yaml.safe_load(text)
        except yaml.YAMLError as err:
            msg = f"{path.name} is not valid YAML ({err.__class__.__name__})"
            raise QuotesError(msg) from None
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            msg = f"{path.name}: expected a list of quotes (one text per item)"
            raise QuotesError(msg)
        quotes = [item.strip() for item in items if item.strip()]
    too_long = [n for n, quote in enumerate(quotes, 1) if len(quote) > MAX_QUOTE_LENGTH]
    if too_long:
        msg = f"{path.name}: quote {too_long[0]} is over {MAX_QUOTE_LENGTH} characters"
        raise QuotesError(msg)
    return quotes


def quotes_problem(config: Config, value: str, path: Path) -> str | None:
    """Why the quotes file at ``path`` cannot be used with the inline quotes, or None."""
    if not path.is_file():
        return f"expected a file of quotes, but there is no file at {value!r} ({path})"
    try:
        found = read_quotes(path)
    except (QuotesError, OSError, UnicodeError) as err:
        return str(err)
    total = len(found) + len(config.evaluation.quotes)
    if total > MAX_QUOTES:
        return f"at most {MAX_QUOTES} quotes in all (inline and in the file), got {total}"
    return None


def all_quotes(config: Config, folder: Path) -> list[str]:
    """The inline quotes, then the file's (checked when the config loaded)."""
    quotes = list(config.evaluation.quotes)
    name = config.evaluation.quotes_file
    if name:
        quotes += read_quotes(folder / name)
    return quotes
