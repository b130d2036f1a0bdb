"""The shared field rules in config.fields."""

from __future__ import annotations

from generator.config.fields import slugify


def test_slugify():
    assert slugify("Customer Care & Support") == "customer-care-support"
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("Ünïcödé Team") == "unicode-team"
    assert slugify("日本") == ""
