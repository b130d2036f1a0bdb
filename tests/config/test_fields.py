"""The shared field rules: one page-name rule, and one e-mail rule every reader applies."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

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
    assert slugify("日本") == ""


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
