"""contrast: the brand colour made readable on a background, by WCAG 2 contrast ratios.

A brand colour is chosen for a white page; on Material's dark ("slate") background it can be
far too dark to read (the example's #1f6f8b is 2.83:1 there). The site's stylesheet asks here
for the nearest variant, mixed towards white on a dark background (towards black on a light
one), that reaches a ratio: 4.5:1 for text, 3:1 for borders and icons (WCAG 1.4.3, 1.4.11).
"""

from __future__ import annotations

import colorsys

#: Material's dark scheme background: hsl(225deg 15% 14%) (``--md-default-bg-color``, slate).
SLATE = "#1e2129"
WHITE = "#ffffff"
TEXT, UI = 4.5, 3.0


def rgb(colour: str) -> tuple[int, int, int]:
    """'#1f6f8b' or '#abc' as (r, g, b) in 0..255."""
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def mix(colour: str, other: str, share: float) -> str:
    """``colour`` with ``share`` (0..1) of ``other`` mixed in, as #rrggbb."""
    pairs = zip(rgb(colour), rgb(other), strict=True)
    return "#" + "".join(f"{round(a + (b - a) * share):02x}" for a, b in pairs)


def readable(colour: str, background: str = SLATE, minimum: float = TEXT) -> str:
    """The colour nearest ``colour`` with at least ``minimum`` contrast on ``background``.

    Mixed in steps of 1% towards white or black (whichever the background is not), so the hue
    stays and the result is the least change that passes.
    """
    target = "#000000" if luminance(background) > luminance("#767676") else WHITE
    for step in range(101):
        candidate = mix(colour, target, step / 100)
        if ratio(candidate, background) >= minimum:
            return candidate
    return target


def slate() -> str:
    """Material's slate background computed from its HSL definition (kept for the tests)."""
    r, g, b = colorsys.hls_to_rgb(225 / 360, 0.14, 0.15)
    return "#" + "".join(f"{round(c * 255):02x}" for c in (r, g, b))
