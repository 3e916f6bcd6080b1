"""English: how numbers, units and changes are written, and the templates of every chapter.

Each chapter has its module here (`env.py` for 'env.*' topics, ...) holding `TEMPLATES`:
{topic: {case: template}}. A template is a `str.format` string over the finding's facts, already
formatted by `fmt`, or a function of those facts for sentences that need more than one shape.
"""
from __future__ import annotations

import sys
from functools import cache

from esgbook.book import formatting
from esgbook.book.narrative import Change, Q, format_fact

VERBS = {"up": "rose", "down": "fell", "flat": "was unchanged"}
JOIN = " "  # between the sentences of a paragraph


def label(text: str) -> str:
    """Labels (captions, headers, chart titles) are written in English in the sections."""
    return text


def sentence(text: str) -> str:
    """A full stop unless the text ends a sentence already."""
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."

# How a unit id of data/units.csv is written after a number in English prose ("" = no word).
UNITS = {"": "", "count": "", "%": "%", "MWh": "MWh", "t": "t", "tCO2e": "tCO2e", "tCO2/MWh": "tCO2/MWh",
         "MWh/employee": "MWh per employee", "t/employee": "t per employee",
         "tCO2e/employee": "tCO2e per employee", "employees": "employees", "days": "days",
         "days/employee": "days per employee", "hours/employee": "hours per employee", "persons": "people",
         "score": "points", "s": "seconds", "ms": "milliseconds", "bp": "basis points", "years": "years",
         "kgCO2/TJ": "kgCO2/TJ", "days/month": "days a month", "count/day": "a day", "ratio": "", "rank": ""}


def number(q: Q) -> str:
    """The number alone, with the report's hedge: 'more than 5,000', '4.5 million'."""
    if q.unit in formatting.SCALES:
        return formatting.hedged(formatting.plain_amount(float(q.value), q.unit, currency=True), q.qualifier)
    return formatting.hedged(formatting.num(q.value, q.decimals), q.qualifier)


def quantity(q: Q) -> str:
    """A number with its unit: '1,276.2 MWh', '41.1%', 'about 4.5 million people'."""
    if q.missing:
        raise ValueError("a missing figure reached a sentence: the finding's case should have left it out")
    text = number(q)
    if q.unit in formatting.SCALES:
        word = formatting.plain_unit(q.unit)
        return f"{text} {word}".strip() if not q.unit.startswith("CNY") else text
    word = UNITS.get(q.unit, q.unit)
    return text + word if word == "%" else f"{text} {word}".strip()


def change(c: Change) -> str:
    """'+10.3%', '−18.1%', '+1 percentage point', '−2.5 percentage points'."""
    if c.value is None:
        raise ValueError("a change without a prior year reached a sentence")
    sign = "+" if c.value > 0 else "−" if c.value < 0 else "±"
    size = formatting.num(abs(c.value), c.decimals)
    sign = sign if c.signed else ""
    if c.points:
        return f"{sign}{size} percentage point{'' if size == '1' else 's'}"
    return f"{sign}{size}%"


join = formatting.join_and  # 'a', 'a and b', 'a, b and c'


def fmt(value) -> str:
    return format_fact(value, sys.modules[__name__])


@cache
def templates() -> dict:
    """Every chapter module's TEMPLATES, merged; a topic defined twice is an error."""
    from esgbook.book.narrative import merged_templates  # noqa: PLC0415

    return merged_templates(__name__, __path__)
