"""fields: the rules for values that several parts of the program read, each stated once.

A page name made from a department's or a person's name (``slugify``) is used by the config,
the plan, the pair packets and the evaluation report; keeping the rule here means a name maps to
the same page name everywhere. The two roles are listed once, in the order the booklets, forms
and reports show them.
"""

from __future__ import annotations

import re
import unicodedata

#: The roles in a pair, in the order every printable and report lists them: the mentee (the
#: senior leader who learns) first, then the mentor (the junior employee who teaches).
ROLES = ("mentee", "mentor")


def slugify(name: str) -> str:
    """A URL-safe page name: 'Customer Care & Support' -> 'customer-care-support'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60].strip("-")
