"""Traditional Chinese (繁體中文, Hong Kong usage): how numbers, units and changes are written, the
templates of every chapter (one module per chapter, the same topics as `esgbook.narrative.en`), and the
catalogue of labels (captions, table headers, chart titles) in `labels.py`.

Numbers keep the English edition's digits (the same formatting function): only words change.
"""
from __future__ import annotations

from functools import cache
from importlib import import_module
from pkgutil import iter_modules

from ... import present
from .. import Change, Dir, Q

VERBS = {"up": "上升", "down": "下降", "flat": "持平"}
JOIN = ""  # Chinese sentences follow one another without a space

UNITS = {"": "", "count": "", "%": "%", "MWh": "兆瓦時", "t": "噸", "tCO2e": "噸二氧化碳當量",
         "tCO2/MWh": "噸二氧化碳／兆瓦時", "MWh/employee": "兆瓦時／僱員", "t/employee": "噸／僱員",
         "tCO2e/employee": "噸二氧化碳當量／僱員", "employees": "名僱員", "days": "天",
         "days/employee": "天／僱員", "hours/employee": "小時／僱員", "persons": "人",
         "score": "分", "s": "秒", "ms": "毫秒", "bp": "個基點", "years": "年",
         "kgCO2/TJ": "千克二氧化碳／太焦耳", "days/month": "天／月", "count/day": "／日", "ratio": "", "rank": ""}


def sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in "。！？" else text + "。"


def number(q: Q) -> str:
    return present.hedged(present.num(q.value, q.decimals), q.qualifier)


def quantity(q: Q) -> str:
    if q.missing:
        raise ValueError("a missing figure reached a sentence: the finding's case should have left it out")
    return f"{number(q)}{UNITS.get(q.unit, q.unit)}"


def change(c: Change) -> str:
    if c.value is None:
        raise ValueError("a change without a prior year reached a sentence")
    sign = ("+" if c.value > 0 else "−" if c.value < 0 else "±") if c.signed else ""
    size = present.num(abs(c.value), c.decimals)
    return f"{sign}{size}個百分點" if c.points else f"{sign}{size}%"


def fmt(value) -> str:
    if isinstance(value, Q):
        return quantity(value)
    if isinstance(value, Change):
        return change(value)
    if isinstance(value, Dir):
        return VERBS[value.case]
    if isinstance(value, (list, tuple)):
        items = [fmt(v) for v in value]
        return "、".join(items[:-1]) + "及" + items[-1] if len(items) > 1 else "".join(items)
    return str(value)


def label(text: str) -> str:
    from .labels import translate  # noqa: PLC0415

    return translate(text)


@cache
def templates() -> dict:
    """Every chapter module's TEMPLATES, merged; a topic defined twice is an error."""
    out: dict = {}
    for info in iter_modules(__path__):
        if info.name == "labels":
            continue
        for topic, cases in import_module(f"{__name__}.{info.name}").TEMPLATES.items():
            if topic in out:
                raise ValueError(f"template topic {topic!r} is defined twice")
            out[topic] = cases
    # DEVELOPMENT ONLY (removed once every topic is translated; tests/test_zh.py asserts coverage):
    from ..en import templates as english  # noqa: PLC0415

    return {**english(), **out}
