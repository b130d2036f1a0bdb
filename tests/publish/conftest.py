"""Shared for the publish tests: pypdf kept quiet while it reads WeasyPrint's PDFs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from generator.pairing.packets import quiet_pypdf


@pytest.fixture(autouse=True)
def _quiet_pypdf() -> Iterator[None]:
    """WeasyPrint lists each radio button twice; pypdf says so for every one."""
    with quiet_pypdf():
        yield
