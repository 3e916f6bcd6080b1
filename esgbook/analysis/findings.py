"""Findings every chapter uses: a figure against the prior year, a figure against a range.

Each function looks at the data and returns an `esgbook.book.narrative.Finding` whose `case` is the
branch the data fall into; the sentence is written elsewhere (`esgbook.book.narrative`).
"""
from __future__ import annotations

from esgbook.book import narrative
from esgbook.book.narrative import Change, Finding, Q
from esgbook.book.narrative.bilingual import same


def _missing(x) -> bool:
    return x is None or (isinstance(x, float) and x != x)


def direction(cur: Q, prior: Q) -> str:
    """'up' / 'down' / 'flat' (equal at the decimals shown) / 'no_prior' / 'missing'."""
    if cur.missing:
        return "missing"
    if prior.missing:
        return "no_prior"
    a, b = cur.rounded(), prior.rounded()
    return "flat" if a == b else ("up" if a > b else "down")


def change_of(cur: Q, prior: Q, points: bool = False, decimals: int = 1) -> Change:
    """The change from prior to cur: percentage points for rates, else % (None when it cannot be had)."""
    if cur.missing or prior.missing:
        return Change(None, points, decimals)
    if points:
        return Change(round(cur.rounded() - prior.rounded(), cur.decimals), True, cur.decimals)
    if prior.value == 0:
        return Change(None, False, decimals)
    return Change((float(cur.value) - float(prior.value)) / float(prior.value) * 100, False, decimals)


def trend(topic: str, cur: Q, prior: Q, year: int, points: bool | None = None, **facts) -> Finding:
    """A figure against the prior year. Rates and shares (unit '%') change in percentage points."""
    points = cur.unit == "%" if points is None else points
    case = direction(cur, prior)
    if case == "up" and prior.value == 0 and not points:
        case = "up_from_zero"
    return Finding(topic, case, {"cur": cur, "prior": prior, "change": change_of(cur, prior, points),
                                 "year": str(year), "prior_year": str(year - 1), **facts})


def against_range(topic: str, value: Q, low: float | None, high: float | None, **facts) -> Finding:
    """A figure against a range (e.g. the official factors of a year): above / within / below / equal to
    an end / no range."""
    if value.missing:
        return Finding(topic, "missing", facts)
    if _missing(low) or _missing(high):
        return Finding(topic, "no_range", {"value": value, **facts})
    v = value.rounded()
    lo, hi = round(float(low), value.decimals), round(float(high), value.decimals)
    case = ("above_all" if v > hi else "below_all" if v < lo else "equal_high" if v == hi and lo != hi
            else "equal_low" if v == lo and lo != hi else "equal" if lo == hi == v else "within")
    return Finding(topic, case, {"value": value, "low": Q(low, value.decimals, value.unit),
                                 "high": Q(high, value.decimals, value.unit), **facts})


def prior_year(ds) -> Finding | None:
    """A finding only when the edition has no prior year: chapters say so once, not per figure."""
    if ds.year - 1 in ds.years:
        return None
    return Finding("prior_year", "no_prior", {"year": str(ds.year), "prior_year": str(ds.year - 1)})


def name(en: str, zh: str, case: str = "text") -> Finding:
    """A name for prose in each language (e.g. a metric's name_en / name_zh): written by the current
    language, so a section never puts English text into a Chinese sentence. `case`: 'text', 'lower'
    (English lower-cased) or 'first_lower' (its first letter only)."""
    return Finding("name", case, {"en": en, "zh": same(zh)})  # the Chinese as it is (it may hold codes: AUC)


def date(when, precision: str = "day") -> Finding:
    """A date ('29 November 2022' / 2022年11月29日); precision 'day' or 'month'."""
    import pandas as pd  # noqa: PLC0415

    t = pd.Timestamp(when)
    return Finding("date", precision, {"year": str(t.year), "month": str(t.month), "day": str(t.day)})


def localised(row, field: str) -> str:
    """A data row's text in the current language: the `<field>_zh` column (for `short_en`, `short_zh`)
    when writing Chinese and the row has one, else the field itself."""

    if narrative.current() == "zh_hant":
        zh = row.get(f"{field.removesuffix('_en')}_zh")
        if isinstance(zh, str) and zh.strip():
            return zh
    return row[field]
