"""spelling: one spelling throughout, British or American, as the organisation chooses.

The product's own text (templates, the content model, the topic library, agenda items) is
written once; ``spell`` turns it into the organisation's spelling. Config text is never passed
through it: a department's intro or a support line's name ("Employee Assistance Programme") is
the organisation's own and stays as written. Only whole words change, with their capital kept,
and never inside ``{placeholders}``, file names, anchors, addresses or identifiers.
"""

from __future__ import annotations

import re
from typing import Literal

Locale = Literal["en-GB", "en-US"]
LOCALES: tuple[Locale, ...] = ("en-GB", "en-US")
DEFAULT: Locale = "en-GB"

#: British spelling -> American, for the words the product's text uses. en-GB output maps the
#: American-looking "program" (a scheme, not software, everywhere in our text) the other way.
BRITISH_TO_AMERICAN = {
    "organisation": "organization",
    "organisations": "organizations",
    "organisational": "organizational",
    "organise": "organize",
    "organised": "organized",
    "organising": "organizing",
    "colour": "color",
    "colours": "colors",
    "behaviour": "behavior",
    "behaviours": "behaviors",
    "practise": "practice",
    "practised": "practiced",
    "practises": "practices",
    "practising": "practicing",
    "learnt": "learned",
    "judgement": "judgment",
    "apologise": "apologize",
    "recognise": "recognize",
    "recognised": "recognized",
    "prioritise": "prioritize",
    "favourite": "favorite",
    "centre": "center",
    "programme": "program",
    "programmes": "programs",
    "wellbeing": "well-being",
}
TO_BRITISH = {
    "program": "programme",
    "programs": "programmes",
    "well-being": "wellbeing",
}
TO_AMERICAN = {**BRITISH_TO_AMERICAN}

_WORDS = {
    "en-GB": TO_BRITISH,
    "en-US": TO_AMERICAN,
}
#: a run of text without spaces or tag brackets: a word, a compound ("end-of-program"), an address
_TOKEN = re.compile(r"[^\s<>]+")
#: what marks a token as a path, anchor, address, placeholder or identifier, never prose
_NOT_PROSE = re.compile(r"[#/=@{}_\\]|\.\w")


def _pattern(words: dict[str, str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(f"(?<![A-Za-z])({alternatives})(?![A-Za-z])", re.IGNORECASE)


_PATTERNS = {locale: _pattern(words) for locale, words in _WORDS.items()}


def _keep_case(original: str, replacement: str) -> str:
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[0].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement


def spell(text: str, locale: str) -> str:
    """Product text in the organisation's spelling. A token that looks like a path, anchor,
    address, placeholder or identifier (``guide/wellbeing.md``, ``#how-the-program-works``,
    ``{program}``, ``program=mentor-up``) is left as it is."""
    words, pattern = _WORDS[locale], _PATTERNS[locale]

    def respell(match: re.Match[str]) -> str:
        token = match.group(0)
        if _NOT_PROSE.search(token):
            return token
        return pattern.sub(lambda m: _keep_case(m.group(1), words[m.group(1).lower()]), token)

    return _TOKEN.sub(respell, text)
