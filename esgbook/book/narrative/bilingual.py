"""Text that carries its Chinese: how a caption, a header, a table cell or a chart label reaches both
editions without the Chinese ever being parsed back out of English.

A `Bilingual` is the English string itself (so English code paths, sorting and CSV downloads see
plain English) with its Chinese attached. It is made from the data's own names (`Dataset.label`,
`Dataset.name`), from a keyed entry of the catalogue (`entry`: `labels.txt`, English template ->
Chinese template), or by joining other bilingual pieces (`concat`, `join_and`, `glossed`). Rendering
in Chinese picks `.zh`; a plain string with letters that is not a catalogue key is a build error.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable

from esgbook.book.narrative.zh_hant import labels
from esgbook.inputs import reads


class Bilingual(str):
    """English text (the string's value) with its Chinese (`.zh`)."""

    zh: str

    def __new__(cls, en: str, zh: str):
        obj = super().__new__(cls, en)
        obj.zh = str(zh)
        return obj

    def __reduce__(self):
        return (Bilingual, (str(self), self.zh))

    def __repr__(self) -> str:
        return f"Bilingual({str(self)!r}, {self.zh!r})"


def same(text) -> Bilingual:
    """A text written the same in both languages: a code (A1.2, FN-CF-220a.1), a file name, a number."""
    return Bilingual(str(text), str(text))


def zh_of(part) -> str:
    """The Chinese of a piece: a `Bilingual`'s Chinese, or a plain string by its key (`translate`)."""
    return part.zh if isinstance(part, Bilingual) else labels.translate(str(part))


def concat(*parts, zh_sep: str | None = None, sep: str = "") -> Bilingual:
    """Pieces joined in each language (`sep` in English, `zh_sep`, default the same, in Chinese)."""
    return Bilingual(sep.join(str(p) for p in parts), (sep if zh_sep is None else zh_sep).join(zh_of(p) for p in parts))


def glossed(en: str, zh: str) -> Bilingual:
    """A name as the English edition prints it with its Chinese in brackets ('Water use (用水量)'); the Chinese
    edition prints the Chinese name alone."""
    return Bilingual(f"{en} ({zh})", zh)


def bracketed(text, inner) -> Bilingual:
    """'Share (%)' / '佔比（%）': a name with a unit or qualifier in brackets, full-width in Chinese."""
    return Bilingual(f"{text} ({inner})", f"{zh_of(text)}（{zh_of(inner)}）")


def points(signed: str, word: str = "pp") -> Bilingual:
    """A change in percentage points: '+1.2 pp' (or 'points') / '+1.2個百分點'."""
    return Bilingual(f"{signed} {word}", f"{signed}個百分點")


def spaced(en: str, zh: str) -> Bilingual:
    """A row label as the English edition prints it, the Chinese after a space ('Female 女'); Chinese alone."""
    return Bilingual(f"{en} {zh}", zh)


def join_and(items: Iterable, empty: Bilingual | None = None) -> Bilingual:
    """'a, b and c' / '甲、乙及丙'."""
    items = list(items)
    if not items:
        return empty if empty is not None else Bilingual("none", "無")
    en = [str(i) for i in items]
    zh = [zh_of(i) for i in items]
    if len(items) == 1:
        return Bilingual(en[0], zh[0])
    return Bilingual(", ".join(en[:-1]) + " and " + en[-1], "、".join(zh[:-1]) + "及" + zh[-1])


def join(items: Iterable, en_sep: str = "; ", zh_sep: str = "；") -> Bilingual:
    """Pieces listed with a separator of each language."""
    items = list(items)
    return Bilingual(en_sep.join(str(i) for i in items), zh_sep.join(zh_of(i) for i in items))


_SPAN_WORDS = {"against": "對比", "and": "及", "or": "或", "–": "至"}


def span(first, second=None, how: str = "against") -> Bilingual:
    """'2023' / 2023年; '2023 against 2022' / 2023年對比2022年; '2022–2024' / 2022年至2024年."""
    if second is None:
        return Bilingual(str(first), f"{first}年")
    en = f"{first}–{second}" if how == "–" else f"{first} {how} {second}"
    return Bilingual(en, f"{first}年{_SPAN_WORDS[how]}{second}年")


HEDGES = {"more than": "超過", "about": "約", "below": "低於", "at least": "至少", "nearly": "近", "": ""}


def hedge(words: str) -> Bilingual:
    """The report's hedge ('more than' / 超過)."""
    return Bilingual(words, HEDGES[words])


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def month(number: int, short: bool = False) -> Bilingual:
    name = MONTHS[number - 1]
    return Bilingual(name[:3] if short else name, f"{number}月")


def date(day: int, month_no: int, year: int) -> Bilingual:
    return Bilingual(f"{day} {MONTHS[month_no - 1]} {year}", f"{year}年{month_no}月{day}日")


def million(text: str) -> Bilingual:
    """A count in millions as the English prints it ('12'), in 萬 / 億 in Chinese (1,200萬)."""
    value = float(str(text).replace(",", "")) * 100
    return Bilingual(str(text), f"{value:,.6g}萬" if value < 1e6 else f"{value / 1e4:,.6g}億")


_LETTER = re.compile("[A-Za-z]")


def entry(key: str, **slots) -> Bilingual:
    """The catalogue entry `key` with its slots filled: the English from the key, the Chinese from its entry
    (each slot's Chinese: a `Bilingual`'s `.zh`, a number or year as it is, other text by its key)."""
    zh = labels.catalogue().get(key)
    if zh is None:
        raise labels.MissingEntry(key)
    reads.note_read(reads.CATALOGUE + json.dumps([key, False], ensure_ascii=False))  # the entry is an input
    en_slots = {k: str(v) for k, v in slots.items()}
    zh_slots = {k: v.zh if isinstance(v, Bilingual) else str(v) if k.startswith("raw") or not _LETTER.search(str(v))
                else zh_of(v) for k, v in slots.items()}
    return Bilingual(key.format(**en_slots), zh.format(**zh_slots))
