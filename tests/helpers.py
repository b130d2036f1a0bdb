"""Helpers for tests that read built output as a person would."""

from __future__ import annotations

import hashlib
import re
from html import unescape
from pathlib import Path


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
