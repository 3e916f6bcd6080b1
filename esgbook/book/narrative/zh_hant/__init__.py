"""Traditional Chinese (繁體中文, Hong Kong usage): how numbers, units and changes are written, the
templates of every chapter (one module per chapter, the same topics as `esgbook.book.narrative.en`), and the
catalogue of labels (captions, table headers, chart titles) in `labels.py`.

Numbers keep the English edition's digits (the same formatting function): only words change.
"""
from __future__ import annotations

import sys
from functools import cache

from esgbook.book import formatting
from esgbook.book.narrative import Change, Q, format_fact

VERBS = {"up": "上升", "down": "下降", "flat": "持平"}
JOIN = ""  # Chinese sentences follow one another without a space

UNITS = {"": "", "count": "", "%": "%", "MWh": "兆瓦時", "t": "噸", "tCO2e": "噸二氧化碳當量",
         "tCO2/MWh": "噸二氧化碳／兆瓦時", "MWh/employee": "兆瓦時／僱員", "t/employee": "噸／僱員",
         "tCO2e/employee": "噸二氧化碳當量／僱員", "employees": "名僱員", "days": "天",
         "days/employee": "天／僱員", "hours/employee": "小時／僱員", "persons": "人",
         "score": "分", "s": "秒", "ms": "毫秒", "bp": "個基點", "years": "年",
         "kgCO2/TJ": "千克二氧化碳／太焦耳", "kWh": "千瓦時", "days/month": "天／月", "count/day": "個／日", "ratio": "", "rank": ""}


def sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in "。！？" else text + "。"


# The report's hedges ('more than 5,000' -> 超過5,000).
QUALIFIERS = {"more than": "超過", "about": "約", "below": "低於", "at least": "至少", "nearly": "近"}
# 萬 / 億 units stay in 萬 / 億 as the report prints them (450 (10k persons) -> 450萬人), not written out.
SCALED = {"10k persons": "萬人", "10k times": "萬次", "10k count": "萬", "10k person-times": "萬人次",
          "10k times/day": "萬次／天", "10k enterprises": "萬家", "100m count": "億", "100m times/day": "億次／天",
          "CNY 100m": "億元", "CNY 10k": "萬元"}
NUMBER_WORDS = {"1": "一", "2": "兩", "3": "三", "4": "四", "5": "五", "6": "六", "7": "七", "8": "八", "9": "九"}


def hedged(text: str, qualifier: str) -> str:
    return f"{QUALIFIERS[qualifier]}{text}" if qualifier else text


def word(n: str) -> str:
    """A small count in words where the English edition spells it out ('three tiers' -> 三個層級)."""
    return NUMBER_WORDS.get(n, n)


def number(q: Q) -> str:
    if q.unit in SCALED:
        # every digit the report published is kept
        decimals = max(q.decimals, formatting.decimals_of(float(q.value), 6))
        return hedged(formatting.num(q.value, decimals), q.qualifier)
    return hedged(formatting.num(q.value, q.decimals), q.qualifier)


def quantity(q: Q) -> str:
    if q.missing:
        raise ValueError("a missing figure reached a sentence: the finding's case should have left it out")
    unit = SCALED.get(q.unit) or UNITS.get(q.unit, q.unit)
    return f"{number(q)}{unit}"


def change(c: Change) -> str:
    if c.value is None:
        raise ValueError("a change without a prior year reached a sentence")
    sign = ("+" if c.value > 0 else "−" if c.value < 0 else "±") if c.signed else ""
    size = formatting.num(abs(c.value), c.decimals)
    return f"{sign}{size}個百分點" if c.points else f"{sign}{size}%"


def fmt(value) -> str:
    return format_fact(value, sys.modules[__name__])


def join(items: list[str]) -> str:
    """'甲', '甲及乙', '甲、乙及丙'."""
    items = [i for i in items if i]
    return "、".join(items[:-1]) + "及" + items[-1] if len(items) > 1 else "".join(items)


def label(text: str) -> str:
    from esgbook.book.narrative.zh_hant.labels import translate  # noqa: PLC0415

    return translate(text)


@cache
def templates() -> dict:
    """Every chapter module's TEMPLATES, merged; a topic defined twice is an error."""
    from esgbook.book.narrative import merged_templates  # noqa: PLC0415

    return merged_templates(__name__, __path__, skip=("labels",))
