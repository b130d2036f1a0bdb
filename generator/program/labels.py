"""labels: how reports, pages and messages name a form. Pure functions, no I/O.

A reader never sees a form id (``pulse-mentee``): a form is named by its title in the content
model (already in the organisation's spelling), with the people who fill it in for the forms
each person fills in: "Session pulse (mentees)". Messages that name a kind of form put the
right article in front ("an agenda form", never "a agenda form"), decided here once.
"""

from __future__ import annotations

from generator.config.fields import ROLES
from generator.program.forms import Form

#: Words that start with a vowel letter but a consonant sound ("a one-to-one", "a user"), and
#: the other way round ("an hour").
_CONSONANT_SOUND = ("one", "once", "uni", "use", "usu", "eu", "ewe", "u-")
_VOWEL_SOUND = ("hour", "honest", "honour", "honor", "heir")


def article(phrase: str) -> str:
    """ "a" or "an", by how ``phrase`` sounds when read aloud (its first word's spelling)."""
    word = phrase.strip().casefold()
    if word.startswith(_VOWEL_SOUND):
        return "an"
    if word.startswith(_CONSONANT_SOUND):
        return "a"
    return "an" if word[:1] in set("aeiou") or word[:2] in ("8 ", "8-", "11", "18") else "a"


def with_article(phrase: str) -> str:
    """``phrase`` with its indefinite article: "an agenda form", "a goal worksheet"."""
    return f"{article(phrase)} {phrase}"


def people(role: str) -> str:
    """The people of a role, plural: mentees, mentors (a pair or group stays as it is)."""
    return f"{role}s" if role in ROLES else role


def form_label(form: Form) -> str:
    """How a report names a form: its title, and who fills it in when each person does."""
    if form.role in ROLES:
        return f"{form.heading or form.title} ({people(form.role)})"
    return form.title


def kind_noun(form: Form) -> str:
    """What a form is, as a lower-case noun for a sentence: "agenda form", "goals form"."""
    return f"{form.kind.replace('-', ' ')} form"
