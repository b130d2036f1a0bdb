"""fields: the rules for values that several parts of the program read, each stated once.

A page name made from a department's or a person's name (``slugify``) is used by the config,
the plan, the pair packets and the evaluation report; keeping the rule here means a name maps to
the same page name everywhere. Likewise there is one e-mail rule for the config's contacts, the
pairing settings and the roster, so an address one accepts the others accept too. The two roles
are listed once, in the order the booklets, forms and reports show them.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Collection
from pathlib import Path
from typing import Annotated, Literal

from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator
from text_unidecode import unidecode

#: The roles in a pair, in the order every printable and report lists them: the mentee (the
#: senior leader who learns) first, then the mentor (the junior employee who teaches).
ROLES = ("mentee", "mentor")
#: How a department meets: in pairs, or as a group (a lunch-and-learn led by junior mentors).
Format = Literal["one-to-one", "group"]


#: Hex digits of the hash that names something whose name has no letter the transliteration
#: knows (2^32 values: two such names in one organisation will not meet).
HASH_LENGTH = 8


#: Quotes a transliteration writes for a sound, not a word break (Russian ь and ъ, Arabic ع):
#: dropped, so 'Ольга' is 'olga', not 'ol-ga'. Quotes typed in the name still split words.
_SPELLING_MARKS = str.maketrans("", "", "'`\"")


def slugify(name: str) -> str:
    """A URL-safe page name: 'Customer Care & Support' -> 'customer-care-support'.

    ASCII names keep the one rule they always had: lower case, every run of other characters
    one hyphen, at most 60 characters. Other scripts are transliterated first (text-unidecode:
    'Продажи' -> 'prodazhi', '営業' -> 'ying-ye', 'Πωλήσεις' -> 'poleseis'), so a page name
    stays readable and two different names rarely meet. A name with letters or digits that
    transliterate to nothing (an old script the table lacks) gets a short hash of the name
    instead, the same on every run; a name of punctuation or emoji alone gives '' (the config
    asks for a `slug` then).
    """
    text = unicodedata.normalize("NFKD", name)
    if not text.isascii():
        text = "".join(
            char if char.isascii() else unidecode(char).translate(_SPELLING_MARKS) for char in text
        )
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")
    if slug or not any(char.isalnum() for char in name):
        return slug
    key = unicodedata.normalize("NFKC", name).casefold().strip()
    return hashlib.sha256(key.encode()).hexdigest()[:HASH_LENGTH]


#: Page names the program uses itself where department pages live, and what each one is. A
#: department of that name would replace it or be mixed up with it, so load refuses them:
#: ``index`` is docs/departments/index.md (render.site), the overview the navigation opens;
#: ``overall`` is the evaluation report's all-departments group (evaluation.stats.OVERALL),
#: whose charts, anchors and small-group suppression are keyed like a department's slug.
#: MkDocs and Zensical also take ``README.md`` as a folder's index, but a slug is lower case.
RESERVED_SLUGS = {
    "index": "the departments overview page, docs/departments/index.md",
    "overall": "the evaluation report's figures for all departments together",
}


def reserved_slug(slug: str, derived: bool, taken: Collection[str] = ()) -> str | None:
    """Why a department cannot have page name ``slug``, or None if it can.

    ``derived``: the slug was made from the department's name (the advice is then to add a
    ``slug``). The message suggests a free page name, one not in ``taken``.
    """
    if slug not in RESERVED_SLUGS:
        return None
    suggestion = f"{slug}-team"
    number = 2
    while suggestion in taken or suggestion in RESERVED_SLUGS:
        suggestion, number = f"{slug}-team-{number}", number + 1
    if derived:
        return (
            f"its page name '{slug}' is reserved for {RESERVED_SLUGS[slug]}; "
            f"add `slug: {suggestion}` or another page name"
        )
    return f"'{slug}' is reserved for {RESERVED_SLUGS[slug]}; did you mean '{suggestion}'?"


#: What an e-mail field expects, worded to follow "expected" in an error message.
EMAIL_EXPECTED = "an e-mail address like name@example.org"


def check_email(value: str) -> str:
    """Return ``value`` unchanged if it is an e-mail address; raise ValueError if it is not.

    Syntax only (no DNS look-up), by email-validator: an address needs a local part, an '@' and
    a domain with a dot that is not reserved (``a@b`` and ``x@host.test`` are refused;
    ``x@acme.example`` is fine). The ValueError's message is ``EMAIL_EXPECTED``.
    """
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        raise ValueError(EMAIL_EXPECTED) from None
    return value


#: A config field holding an e-mail address.
Email = Annotated[str, AfterValidator(check_email)]


def resolve_path(base: Path, value: str) -> Path | str:
    """A path from the config made absolute against ``base``, symbolic links followed as far as
    the path exists; or why it cannot be (a loop, a NUL character)."""
    try:
        return (base / value).resolve()
    except (OSError, RuntimeError, ValueError) as err:
        return f"expected a path to a file or folder, got {value!r} ({reason(err)})"


def outside_folder(folder: Path, value: str, path: Path, advice: str) -> str | None:
    """Why a path the config names is refused for leaving ``folder``, or None if it stays."""
    if path.is_relative_to(folder):
        return None
    return (
        f"expected a path inside the config's folder {folder}, got {value!r} "
        f"(it leads to {path}); {advice}"
    )


def reason(err: Exception) -> str:
    """An OS error's reason in a sentence's words: 'no such file or directory'."""
    if isinstance(err, OSError) and err.strerror:
        return err.strerror.lower()
    return str(err).lower()
