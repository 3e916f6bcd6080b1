"""What is wrong with one cell, worded as `expected ..., got ...` (None when nothing is).

Numbers must be written as a CSV (and the charts, and the KPI table) reads them: ASCII digits,
a point for decimals, nothing else. Each way a spreadsheet or an input method breaks that gets
its own message, so the analyst knows what to retype. Text must not carry markup: the book
renders cells into HTML and MyST, and a cell is data, never a tag, a role or a link.
"""
from __future__ import annotations

import math
import re
import unicodedata

# A number exactly as the data files write it.
NUMBER = re.compile(r"-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?", re.ASCII)
# Larger than any figure of an ESG report in its unit: a mistyped exponent or an overflow.
LARGEST = 1e12
SPREADSHEET_ERRORS = {"#VALUE!", "#DIV/0!", "#N/A", "#NAME?", "#REF!", "#NUM!", "#NULL!", "#SPILL!",
                      "#CALC!", "#FIELD!", "#GETTING_DATA", "#N/A!", "#NV"}
NOT_FINITE = {"inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "nan", "-nan", "+nan", "∞", "-∞"}
MINUS_LOOKALIKES = {"\u2212": "the minus sign U+2212", "\u2013": "an en dash", "\u2014": "an em dash",
                    "\uff0d": "a full-width hyphen", "\ufe63": "a small hyphen"}
ODD_SPACES = {"\u00a0": "a non-breaking space (U+00A0)", "\u202f": "a narrow non-breaking space (U+202F)",
              "\u2007": "a figure space (U+2007)", "\u3000": "a full-width space (U+3000)"}
THOUSANDS = re.compile(r"-?\d{1,3}([,，]\d{3})+(\.\d+)?", re.ASCII)
WITH_UNIT = re.compile(r"-?[\d.]+\s*[^\d\s.,+-].*", re.ASCII)
# Markup the book's HTML or MyST would interpret: tags, event handlers, script URLs, roles and
# directives (backticks, colon fences), links and display math.
MARKUP = [
    (re.compile(r"<\s*[A-Za-z!?/]"), "an HTML tag"),
    (re.compile(r"\bon[a-z]+\s*=", re.I), "an HTML event handler"),
    (re.compile(r"\b(java|vb)script\s*:", re.I), "a script URL"),
    (re.compile(r"`"), "a backtick (MyST code, roles and directives)"),
    (re.compile(r":::"), "a MyST directive fence (:::)"),
    (re.compile(r"\]\("), "Markdown link syntax"),
    (re.compile(r"\$\$"), "display math ($$)"),
]


def _shown(text: str) -> str:
    return f'"{text}"'


def common_problem(text: str) -> str | None:
    """What no cell of any type may hold: a spreadsheet's error value or a formula."""
    if text.strip().upper() in SPREADSHEET_ERRORS:
        return (f"expected a value, got the spreadsheet error {_shown(text.strip())} (fix the formula in the "
                "source sheet, then paste the value)")
    if text.startswith("=") and len(text) > 1:
        return f"expected a value, got the formula {_shown(text)} (paste values only, not formulas)"
    return None


def number_problem(text: str, kind: str = "number") -> str | None:
    """Why `text` is not a number as the data files write one; None if it is (or is empty)."""
    want = "a whole number" if kind == "integer" else "a number"
    if text == "" or (problem := common_problem(text)):
        return problem if text else None
    got = _shown(text)
    if NUMBER.fullmatch(text):
        value = float(text)
        if not math.isfinite(value) or abs(value) > LARGEST:
            return f"expected {want} below {LARGEST:.0e} in the metric's unit, got {got} (a mistyped exponent?)"
        return None
    if text.strip().lower() in NOT_FINITE:
        return f"expected {want}, got {got} (not a finite number: a failed calculation in the spreadsheet?)"
    if any(c.isdigit() and not c.isascii() for c in text) or any(unicodedata.east_asian_width(c) == "F" for c in text):
        ascii_form = unicodedata.normalize("NFKC", text)
        return (f"expected {want} in ASCII digits, got {got} (full-width or other non-ASCII characters; "
                f"type it as {ascii_form} with the input method in half-width mode)")
    for char, name in MINUS_LOOKALIKES.items():
        if char in text:
            return f'expected {want} with an ASCII hyphen-minus "-", got {got} ({name})'
    for char, name in ODD_SPACES.items():
        if char in text:
            return f"expected {want}, got {got} (it holds {name}: delete it)"
    if text != text.strip():
        return f"expected {want} without spaces around it, got {got}"
    if "%" in text:
        return f'expected {want} without a percent sign (the unit "%" is in the unit column), got {got}'
    if THOUSANDS.fullmatch(text):
        return (f"expected {want} without thousands separators (write {text.replace(',', '').replace('，', '')}), "
                f"got {got}")
    if WITH_UNIT.fullmatch(text):
        return f"expected {want} without a unit (the unit is in the unit column), got {got}"
    return f"expected {want}, got {got}"


def text_problem(text: str) -> str | None:
    """Why `text` cannot be shown as it is (markup, a spreadsheet error); None if it can."""
    if problem := common_problem(text):
        return problem
    for pattern, name in MARKUP:
        if m := pattern.search(text):
            return (f"expected plain text, got {name} ({_shown(m.group(0).strip())} in {_shown(text[:60])}): "
                    "data is shown as text, write it without markup")
    return None


def cell_problem(text: str, kind: str) -> str | None:
    """The problem of one cell of a Frictionless field type, or None."""
    if kind in ("number", "integer"):
        return number_problem(text, kind)
    if kind == "string":
        return text_problem(text)
    return common_problem(text)
