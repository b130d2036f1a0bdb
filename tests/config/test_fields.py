"""The shared field rules: one page-name rule, and one e-mail rule every reader applies."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.config.fields import EMAIL_EXPECTED, check_email, slugify
from generator.config.load import load
from generator.config.pairing_settings import PairingSettings
from generator.errors import ConfigError, RosterError
from generator.pairing.roster import read_roster
from tests.conftest import MINIMAL


def test_slugify():
    assert slugify("Customer Care & Support") == "customer-care-support"
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("Ünïcödé Team") == "unicode-team"
    assert slugify("x" * 59 + " y") == "x" * 59


def old_slugify(name: str) -> str:
    """The rule before transliteration: non-ASCII letters lost their accents or were dropped."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60].strip("-")


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=80))
def test_ascii_names_keep_the_slugs_they_always_had(name: str):
    assert slugify(name) == old_slugify(name)


@given(st.text(alphabet="AaÀàÉéÏïÕõÜüÇçÑñ -&'", max_size=40))
def test_accented_latin_names_keep_their_slugs_too(name: str):
    assert slugify(name) == old_slugify(name)


# Page names of other scripts, transliterated; pinned so a new table cannot move a page.
NON_LATIN = {
    "Продажи": "prodazhi",
    "Отдел кадров": "otdel-kadrov",
    "営業": "ying-ye",
    "販売部": "fan-mai-bu",
    "مبيعات": "mbyt",
    "Ольга Иванова": "olga-ivanova",
    "Πωλήσεις": "poleseis",
    "영업": "yeongeob",
    "עברית": "bryt",
    "Straße": "strasse",
    "Ørsted Æble": "orsted-aeble",
}


@pytest.mark.parametrize(("name", "slug"), NON_LATIN.items(), ids=list(NON_LATIN.values()))
def test_non_latin_names_get_a_readable_slug(name: str, slug: str):
    assert slugify(name) == slug


def test_non_latin_slugs_are_unique_and_stable():
    assert len(set(map(slugify, NON_LATIN))) == len(NON_LATIN)
    assert [slugify(name) for name in NON_LATIN] == [slugify(name) for name in NON_LATIN]


def test_a_name_the_table_cannot_spell_gets_a_short_stable_hash():
    deseret = "\U00010410\U00010437"  # letters text-unidecode has no spelling for
    other = "\U00010411\U00010437"
    assert re.fullmatch(r"[0-9a-f]{8}", slugify(deseret))
    assert slugify(deseret) == slugify(deseret) != slugify(other)
    assert slugify(deseret) == slugify(deseret.lower())  # case does not matter, as in ASCII
    assert slugify(deseret) == "31046d06"  # the same on every machine and every run


def test_a_name_without_letters_or_digits_gives_no_slug():
    assert slugify("!!!") == ""
    assert slugify("\N{GRINNING FACE}") == ""


# One e-mail rule: an address the config accepts, the pairing settings and the roster accept too.
ADDRESSES = [
    ("name@example.org", True),
    ("lee@acme.example", True),
    ("First.Last+tag@Sub.Acme.example", True),
    ("  padded@acme.example ", True),
    ("a@b", False),
    ("sam at acme", False),
    ("two@@acme.example", False),
    ("no-at-sign.example", False),
    ("@acme.example", False),
    ("lee@acme.test", False),
    ("a b@acme.example", False),
]


def refusal(read: Callable[[], object], error: type[Exception]) -> str | None:
    """The message ``read`` fails with, or None when it accepts its input."""
    try:
        read()
    except error as err:
        return str(err)
    return None


@pytest.mark.parametrize(("address", "valid"), ADDRESSES, ids=[a for a, _ in ADDRESSES])
def test_config_pairing_and_roster_agree_on_every_address(
    write_config, tmp_path: Path, address: str, valid: bool
):
    shown = address.strip()
    config = write_config(MINIMAL.replace("email: lead@acme.example}", f"email: '{address}'}}"))
    roster = tmp_path / "roster.csv"
    roster.write_text(f"name,email,role,department,skills\nLee,{address},mentee,Sales,Python\n")
    pin = [{"mentor": address, "mentee": "kim@acme.example"}]

    found = {
        "rule": refusal(lambda: check_email(shown), ValueError),
        "config": refusal(lambda: load(config), ConfigError),
        "pairing": refusal(lambda: PairingSettings(pinned=pin), ValueError),
        "roster": refusal(lambda: read_roster(roster), RosterError),
    }

    if valid:
        assert found == dict.fromkeys(found)
        return
    assert found["rule"] == EMAIL_EXPECTED
    assert f"organisation.lead.email: expected {EMAIL_EXPECTED}, got {shown!r}" in found["config"]
    assert EMAIL_EXPECTED in found["pairing"]
    assert f'row 2, column "email": expected {EMAIL_EXPECTED}, got "{shown}"' in found["roster"]
