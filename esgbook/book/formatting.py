"""Numbers and words written the book's way, in any language: pure functions of their arguments (no data, no
notebook). `esgbook.book.present` lays them out in tables; the narrative languages use them in sentences."""
from __future__ import annotations

import math

DASH = "–"
QUALIFIERS = {"more than": "more than", "about": "about", "below": "below", "at least": "at least",
              "nearly": "nearly"}  # nearly: 近 (近三百, nearly 300)
# How many units one 萬 (10k) or 億 (100m) unit id stands for, to write "450 (10k persons)" as "4.5 million".
SCALES = {"10k persons": 1e4, "10k times": 1e4, "10k count": 1e4, "10k person-times": 1e4,
          "10k times/day": 1e4, "10k enterprises": 1e4, "100m count": 1e8, "100m times/day": 1e8,
          "CNY 100m": 1e8, "CNY 10k": 1e4}
MAGNITUDES = ((1e9, " billion"), (1e6, " million"))


def num(value, decimals: int = 0, unit: str = "") -> str:
    """1234.5 -> '1,234.5'; None or NaN -> 'n/a'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    text = f"{float(value):,.{decimals}f}"
    if text.startswith("-0") and float(text.replace(",", "")) == 0:
        text = text[1:]  # no '-0.0'
    if text.startswith("-"):
        text = "−" + text[1:]  # the book's minus sign (U+2212), never a hyphen
    return f"{text} {unit}".strip() if unit else text


def pct(value, decimals: int = 1) -> str:
    """12.345 -> '12.3%'; None or NaN -> 'n/a'."""
    return "n/a" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{num(value, decimals)}%"


def signed(value: float, decimals: int = 0) -> str:
    """'+1', '−3', '±0': a difference in the figure's own unit."""
    return ("+" if value > 0 else "−" if value < 0 else "±") + num(abs(value), decimals)


def decimals_of(value: float, most: int = 9) -> int:
    """The decimals a figure was published with (0.001 -> 3, 92.57 -> 2, 5000 -> 0), at most `most`."""
    value = float(value)
    # Compared, not read off the digits: a scaled figure such as 1.15 x 1e8 / 1e9 is 0.11499999999999999.
    return next((d for d in range(most + 1) if math.isclose(round(value, d), value, rel_tol=1e-12)), most)


def significant(value: float, digits: int = 2, least: int = 1) -> int:
    """Decimals that show `digits` significant digits of a small value (0.00216 -> 4), at least `least`."""
    if not value:
        return least
    return max(least, digits - 1 - math.floor(math.log10(abs(value))))


def large(value: float | None, decimals: int = 2) -> str:
    """4.5e6 -> '4.5 million', 1.64e11 -> '164 billion', 75600 -> '75,600'; at most `decimals` decimals."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    size, word = next(((s, w) for s, w in MAGNITUDES if abs(value) >= s), (1, ""))
    scaled = round(value / size, decimals)
    return num(scaled, decimals_of(scaled, decimals)) + word


def plain_amount(value: float, unit: str, currency: bool = False) -> str:
    """A 萬/億 figure written out in full: 375.2 (10k persons) -> '3.752 million'; 'CNY 162.1 billion' with `currency`."""
    # Up to six decimals of the millions or billions: every digit the report published is kept.
    text = large(value * SCALES[unit], decimals=6)
    return f"CNY {text}" if currency and unit.startswith("CNY") else text


def plain_unit(unit: str) -> str:
    """What a plain amount counts: '10k person-times' -> 'person-times'; a bare count or a share has no word."""
    word = unit.removeprefix("10k ").removeprefix("100m ")
    return "" if word in ("count", "%") else word


def hedged(text: str, qualifier: str) -> str:
    """A figure with the report's hedge in front: ('5,000', 'more than') -> 'more than 5,000'."""
    return f"{QUALIFIERS[qualifier]} {text}" if qualifier else text


def as_published(value: float, qualifier: str = "", unit: str = "") -> str:
    """A figure with the decimals and the hedge it was published with: 'more than 5,000'; 'below 2%' for a '%' unit."""
    return hedged(num(value, decimals_of(value)) + ("%" if unit == "%" else ""), qualifier)


def cell(value, decimals: int = 0) -> str:
    """A table cell: the formatted number, or a dash where the year lacks it."""
    return DASH if value is None or (isinstance(value, float) and math.isnan(value)) else num(value, decimals)


def pct_cell(value, decimals: int = 1) -> str:
    """A table cell for a rate: '41.1%', or a dash where the year lacks it."""
    return DASH if value is None or (isinstance(value, float) and math.isnan(value)) else pct(value, decimals)


def join_and(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'; 'none' for an empty list."""
    if not items:
        return "none"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
