"""The brand colour's readable variants: WCAG 2 contrast ratios, computed."""

from __future__ import annotations

import pytest

from generator.render.contrast import SLATE, TEXT, UI, WHITE, ratio, readable, slate


def test_slate_is_materials_dark_background():
    assert slate() == SLATE


def test_known_ratios():
    assert ratio("#000000", WHITE) == pytest.approx(21.0)
    assert ratio("#1f6f8b", SLATE) == pytest.approx(2.84, abs=0.01)  # the 2.83:1
    assert ratio("#1f6f8b", WHITE) == pytest.approx(5.67, abs=0.01)


def test_the_example_brand_colour_on_the_dark_background():
    assert readable("#1f6f8b") == "#5390a6"
    assert ratio("#5390a6", SLATE) == pytest.approx(4.53, abs=0.01)
    assert ratio(readable("#1f6f8b", minimum=UI), SLATE) >= UI


@pytest.mark.parametrize("colour", ["#1f6f8b", "#000", "#ff0000", "#ffff00", "#0b1a2b", "#777"])
@pytest.mark.parametrize("background", [SLATE, WHITE])
def test_every_colour_gets_a_readable_variant(colour, background):
    assert ratio(readable(colour, background), background) >= TEXT


def test_a_colour_that_already_reads_is_kept():
    assert readable("#1f6f8b", WHITE) == "#1f6f8b"
    assert readable("#ffff00", SLATE) == "#ffff00"
