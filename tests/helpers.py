"""Helpers for tests that read built output as a person would."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from html import unescape
from pathlib import Path
from typing import Any

from generator.config.model import Contact
from generator.config.resolved import FACILITATED, Cadence, Settings, Topic

#: The lead who facilitates every cohort event in unit-test settings.
LEAD = Contact(name="Lee Park", email="lead@acme.example", title="L&D Partner")


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under a folder with the hash of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def visible_text(html_file: Path) -> str:
    """The page's article text with tags removed and whitespace collapsed."""
    html = html_file.read_text(encoding="utf-8")
    article = re.search(r"<article[^>]*>(.*?)</article>", html, re.S)
    body = article.group(1) if article else html
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", body, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


#: The checkout these tests belong to, so a subprocess imports this ``generator``, not another.
CHECKOUT = Path(__file__).resolve().parents[1]


def playbook_command(*args: str) -> list[str]:
    """``python -m generator ARGS`` for subprocess tests (run with ``cwd=CHECKOUT``)."""
    import sys

    return [sys.executable, "-m", "generator", *args]


def make_settings(**changes: Any) -> Settings:
    """Resolved program settings for unit tests: six fortnightly sessions from Monday
    11 January 2027 over two topics, every cohort event facilitated by one lead."""
    values: dict[str, Any] = {
        "start": date(2027, 1, 11),
        "sessions": 6,
        "cadence": Cadence.parse("every 2 weeks"),
        "session_minutes": 60,
        "session_time": "10:00",
        "format": "one-to-one",
        "focus_areas": (Topic("a", "Alpha"), Topic("b", "Beta")),
        "blackouts": (),
        "paper_size": "A4",
        "facilitators": dict.fromkeys(FACILITATED, LEAD),
    }
    values.update(changes)
    return Settings(**values)
