"""The catalogue of labels in Traditional Chinese: captions, table headers and cells, chart titles,
axis and legend text, written in English in the sections and translated here when the Chinese
rendering of a table or chart is made.

Order of lookup: unit ids, exact strings (`LABELS`), text from the data package (every `x_en` or `x`
/ `x_zh` column pair of data/*.csv), kept codes (`KEEP`), the catalogue `labels.txt`, a note sentence
by sentence, regular-expression rules for strings built at run time, then general rules ("English
name (中文名)" -> 中文名, separators, lists). A string without letters passes unchanged; an unknown
one is returned unchanged and recorded in `MISSING`.

Captions, notes and descriptions live in `labels.txt` beside this module: an English line, then its
Chinese on a line starting `= `. `{year}`, `{n}`, `{span}` ... in an entry stand for the parts a section
fills in at run time (see `SLOTS`), so one entry covers every year and value.
"""
from __future__ import annotations

import csv
import json
import re
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from ...paths import data_dir

MISSING: set[str] = set()
_SHOWN: ContextVar[bool] = ContextVar("label_shown", default=False)

# Tokens sections pass as facts to steer a template (never printed): not labels.
CONTROL = {"yes", "no", "not_independent", "independent", "not_named", "discrepancy", "consistent", "gender",
           "rank", "age_group", "female", "male", "up", "down", "flat"}

# Words we keep in English in the Chinese edition: acronyms and codes (two capitals or a digit: IPCC,
# MWh, FN-CF-220a.1), names, standards, file formats. A capitalised word is an English word, not a name.
KEEP = re.compile(r"^(?:(?=\S*[A-Z]\S*[A-Z]|\S*\d)[A-Z0-9][A-Za-z0-9.+\-]*|Argus|ISO \d+|KPI [A-D]\d(?:\.\d)?|"
                  r"data/[\w.]+|[\w-]+\.(?:csv|json|xlsx|xhtml|zip|xml))$")

LABELS: dict[str, str] = {
    "*Source:*": "*資料來源：*",
    ". ": "。",
    "Note": "備註",
    "Total": "總計",
    "Year": "年份",
    "Year-end headcount": "年末僱員人數",
    "year-end headcount": "年末僱員人數",
    "Metric": "指標",
    "Breakdown": "分項",
    "Value": "數值",
    "Unit": "單位",
    "Change": "變動",
    "Rank": "排名",
    "Tier": "層級",
    "Theme": "主題",
    "Status": "狀態",
    "Count": "數目",
    "Share": "佔比",
    "Share (%)": "佔比（%）",
    "Section": "章節",
    "Code": "編號",
    "Item": "項目",
    "Chapter": "章",
    "Reason": "原因",
    "Published": "公佈數字",
    "Recomputed": "重新計算",
    "Difference": "差異",
    "Kind": "類別",
    "Compares": "比較",
    "Source": "來源",
    "Qualifier": "修飾語",
    "Figure": "數字",
    "Figures": "數字",
    "Name": "名稱",
    "Role": "職務",
    "Age": "年齡",
    "Gender": "性別",
    "Independent": "獨立",
    "Directors": "董事",
    "Honour": "榮譽",
    "Awarded by": "頒發機構",
    "Where printed": "出處",
    "Topic (議題)": "議題",
    "Raised by": "提出者",
    "Stakeholder group": "利益相關方群體",
    "Topic raised": "提出的議題",
    "Company response": "公司回應",
    "回應方式": "回應方式",
    "not ranked": "未排序",
    "disclosed": "已披露",
    "partly": "部分披露",
    "partly disclosed": "部分披露",
    "not disclosed": "未披露",
    "not applicable": "不適用",
    "published figure": "已公佈數字",
    "consistency check": "一致性核對",
    "sensitivity": "敏感度分析",
    "none": "無",
    "none reported": "沒有報告",
    "high": "高度重要", "medium": "中度重要", "low": "輕度重要",
    "High": "高度重要", "Medium": "中度重要", "Low": "輕度重要",
    "all sources": "全部電源",
    "fossil sources only": "只計化石能源",
}

# Strings built at run time: (pattern, replacement); a replacement may be a function of the match.
RULES: list[tuple[re.Pattern, object]] = [
    (re.compile(r"^(\d{4}) against (\d{4})$"), r"\1年對比\2年"),
    (re.compile(r"^(\d{4}) and (\d{4})$"), r"\1年及\2年"),
    (re.compile(r"^(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|"
                r"December) (\d{4})$"), lambda m: f"{m[3]}年{_MONTHS[m[2]]}月{m[1]}日"),
    (re.compile(r"^(January|February|March|April|May|June|July|August|September|October|November|December) "
                r"(\d{4})$"), lambda m: f"{m[2]}年{_MONTHS[m[1]]}月"),
    (re.compile(r"^(.+) to (.+ \d{4})$"), lambda m: f"{translate(m[1])}至{translate(m[2])}"),
    (re.compile(r"^(more than|about|below|at least|nearly) ([\d,.]+%?)$"), lambda m: _HEDGES[m[1]] + m[2]),
    (re.compile(r"^(.+) in its (.+) section$"), lambda m: f"{m[2]}一節的{translate(m[1])}"),
    (re.compile(r"^the figure of its (.+) section$"), r"\1一節的數字"),
    (re.compile(r"^report sections? (.+)$"), lambda m: "報告章節 " + "、".join(m[1].split(" and "))),
    (re.compile(r"^(\d+) (?:items?|topics?|honours?|cases?)$"), r"\1"),
    (re.compile(r"^([+−±]?[\d.,]+) pp$"), r"\1個百分點"),
    (re.compile(r"^([✓✗]) (.+)$"), lambda m: f"{m[1]} {translate(m[2])}"),
    (re.compile(r"^(?:\{\w+\})?`[^`]*`$"), lambda m: m[0]),  # a role or a file name in backticks
    # a metric or category id: its Chinese name, or (with '_' or a digit: a field no reader sees) as it is
    (re.compile(r"^[a-z0-9_]*[a-z][a-z0-9_]*$"), lambda m: _ids().get(m[0], m[0] if re.search(r"[_\d]", m[0]) else None)),
    (re.compile(r"^#[0-9a-fA-F]{3,8}$"), lambda m: m[0]),  # a colour a chart's data carry
    (re.compile(r"^Unit: (.+)$"), lambda m: f"單位：{translate(m[1])}"),
    (re.compile(r"^(.+), ([^,]+)$"), lambda m: f"{_lookup(m[1])}（{_units()[m[2]]}）"  # 'GHG emissions, tCO2e'
     if m[2] in _units() and _lookup(m[1]) is not None else None),
    # 'Government and regulators 政府及監管機構', '10. Supplier management 供應商管理': the Chinese name
    (re.compile(r"^(\d+\. )?[A-Za-z][^\u3400-\u9fff()]* (\S*[\u3400-\u9fff](?:[^()A-Za-z]|[A-Z]{2,})*)$"),
     lambda m: (m[1] or "") + m[2]),
]
_HEDGES = {"more than": "超過", "about": "約", "below": "低於", "at least": "至少", "nearly": "近"}
# Pieces joined by a separator: translated piece by piece when every piece is known.
SEPARATORS = (("; ", "；"), (": ", "："), (" — ", "——"))
_MONTHS = {m: i for i, m in enumerate(["January", "February", "March", "April", "May", "June", "July", "August",
                                        "September", "October", "November", "December"], start=1)}
_MONTH_NO = {m[:3]: i for m, i in _MONTHS.items()}
_PAIR = re.compile(r"^(?P<en>[^()（）]*[A-Za-z][^()（）]*?) \((?P<zh>[^()]*[\u3400-\u9fff][^()]*)\)$")
_LETTERS = re.compile(r"[A-Za-z]")
_SENTENCE = re.compile(r"(?<=[a-z0-9)%]\.) (?=[A-Z])|(?<=[a-z0-9)%]\.) (?=['‘])")
_CJK = re.compile(r"[\u3400-\u9fff]")
_WORD = re.compile(r"(?<![`\w/.])[A-Za-z]{3,}(?![`\w/.])")


NUMBER = r"[−+±]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)"
SPAN = r"\d{4}(?:(?: against | and | or |–)\d{4})?"
# A slot of a catalogue entry: its pattern, and how the matched text is written in Chinese (None: the
# text is translated itself, and the entry does not apply when it cannot be).
SLOTS: dict[str, tuple[str, object]] = {
    "year": (r"\d{4}", str),
    "n": (NUMBER, str),
    "span": (SPAN, lambda t: _span(t)),
    "month": (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*", lambda t: f"{_MONTH_NO[t[:3]]}月"),
    "mn": (NUMBER, lambda t: _million(t)),
    "hedge": (r"more than|about|below|at least|nearly", lambda t: _HEDGES[t]),
    "raw": (r".+?", str),
    "zh": (r"[^()]*[\u3400-\u9fff][^()]*", lambda t: t.replace(", ", "、")),
    "text": (r".+?", None),
}
_SLOT = re.compile(r"\{([a-z]+)(\d?)\}")


def _span(text: str) -> str:
    """'2023' -> 2023年; '2023 against 2022' -> 2023年對比2022年; '2022–2024' -> 2022年至2024年."""
    m = re.fullmatch(r"(\d{4})(?:( against | and | or |–)(\d{4}))?", text)
    if not m[2]:
        return f"{m[1]}年"
    return f"{m[1]}年{ {' against ': '對比', ' and ': '及', ' or ': '或', '–': '至'}[m[2]]}{m[3]}年"


def _million(text: str) -> str:
    """'12' (million) -> 1,200萬: Chinese counts in 萬."""
    value = float(text.replace(",", "")) * 100
    return f"{value:,.6g}萬" if value < 1e6 else f"{value / 1e4:,.6g}億"


@lru_cache(maxsize=1)
def catalogue() -> tuple[dict[str, str], list[tuple[re.Pattern, str]]]:
    """labels.txt: exact entries, and entries with slots compiled to patterns (longest first)."""
    exact, patterns = {}, []
    lines = [ln.rstrip("\n") for ln in (Path(__file__).with_name("labels.txt")).open(encoding="utf-8")]
    lines = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    for n, (en, zh) in enumerate(zip(lines[::2], lines[1::2])):
        if not zh.startswith("= ") or en.startswith("= "):
            raise ValueError(f"labels.txt: entry {n + 1} ({en[:40]!r}) is not an English line and a '= ' line")
        zh = zh[2:]
        if not _SLOT.search(en):
            exact[en] = zh
            continue
        parts, last = [], 0
        for m in _SLOT.finditer(en):
            parts += [re.escape(en[last:m.start()]), f"(?P<{m[1]}{m[2]}>{SLOTS[m[1]][0]})"]
            last = m.end()
        patterns.append((re.compile("^" + "".join(parts) + re.escape(en[last:]) + "$"), zh))
    patterns.sort(key=lambda p: -len(p[0].pattern))
    return exact, patterns


def _from_catalogue(text: str) -> str | None:
    """What the catalogue gives for `text` (None when no entry applies)."""
    exact, patterns = catalogue()
    if text in exact:
        return exact[text]
    for pattern, zh in patterns:
        m = pattern.match(text)
        if not m:
            continue
        filled = {}
        for slot, value in m.groupdict().items():
            write = SLOTS[slot.rstrip("0123456789")][1]
            filled[slot] = write(value) if write else _lookup(value)
            if filled[slot] is None:
                break
        else:
            return zh.format(**filled)
    return None


@lru_cache(maxsize=4)
def _names(folder: str) -> dict[str, str]:
    """English -> Chinese text from every `<x>_en` (or `<x>`) / `<x>_zh` column pair of the data package."""
    out: dict[str, str] = {}
    # KPI names last: where a KPI shares its English name with a metric, the report's wording (the metric's) wins.
    for path in sorted(Path(folder).glob("*.csv"), key=lambda p: (p.name == "kpis.csv", p.name)):
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            fields = reader.fieldnames or []
            pairs = [(f, (f[:-3] if f.endswith("_en") else f) + "_zh") for f in fields if not f.endswith("_zh")]
            pairs = [(en, zh) for en, zh in pairs if zh in fields]
            for row in reader:
                for en, zh in pairs:
                    if row[en] and row[zh]:
                        out.setdefault(row[en].strip(), row[zh].strip())
                        out.setdefault(row[en].strip().lower(), row[zh].strip())
                        # a name without its acronym ('Ministry of Ecology and Environment (MEE)')
                        short = re.match(r"^(.+) \([A-Z]{2,}\)$", row[en].strip())
                        if short:
                            out.setdefault(short[1], re.sub(r"（[A-Z、]+）$", "", row[zh].strip()))
    return out


@lru_cache(maxsize=4)
def _id_names(folder: str) -> dict[str, str]:
    """Metric, category and unit ids -> their Chinese names."""
    out: dict[str, str] = {}
    for file, key in (("metrics.csv", "id"), ("categories.csv", "category"), ("units.csv", "id")):
        with open(Path(folder) / file, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                out.setdefault(row[key], row["name_zh"])
    return out


@lru_cache(maxsize=4)
def _unit_names(folder: str) -> dict[str, str]:
    """Unit ids (tCO2e, t/employee ...) -> their Chinese names, without the gloss in brackets."""
    with open(Path(folder) / "units.csv", encoding="utf-8", newline="") as fh:
        return {row["id"]: re.sub(r"（.*?）$", "", row["name_zh"]) for row in csv.DictReader(fh)}


def _read(files) -> str:
    """The data folder, with the files whose names are about to be read noted as the chapter's inputs
    (only their name columns: a changed figure does not re-execute a chapter, a changed name does)."""
    from ... import data  # noqa: PLC0415

    folder = data_dir()
    for name in files:
        data.note_read(data.NAMES + name)
    return str(folder)


def _units() -> dict[str, str]:
    return _unit_names(_read(["units.csv"]))


def _ids() -> dict[str, str]:
    return _id_names(_read(["metrics.csv", "categories.csv", "units.csv"]))


def names() -> dict[str, str]:
    folder = data_dir()
    return _names(_read(sorted(p.name for p in folder.glob("*.csv"))))


def _chinese_enough(text: str) -> bool:
    """Already Chinese: CJK text whose only English words are kept ones (IPCC, HKEX ...) or markup."""
    if not _CJK.search(text):
        return False
    stripped = re.sub(r"\{[a-z:]+\}`[^`]*`|`[^`]*`", "", text)
    return all(KEEP.match(w) or w.isupper() for w in _WORD.findall(stripped))


def _list(text: str) -> str | None:
    """'A (甲), B (乙) and C (丙)' -> '甲、乙及丙' when every item translates."""
    if " and " not in text and ", " not in text and "; " not in text:
        return None
    def item(part: str) -> str | None:  # a list item is words, not a year, a figure or a unit
        part = part.strip()
        return _lookup(part) if (_LETTERS.search(part) or _CJK.search(part)) and part not in _units() else None

    out = None
    items = re.split(r"(?<=\))(?:, | and )", text)  # items ending with their Chinese name may hold commas
    if len(items) > 1:
        out = [item(i) for i in items]
    if not out or any(o is None for o in out):
        head, _, last = text.rpartition(" and ")
        items = (re.split(r"; |, ", head) + [last]) if head else re.split(r"; |, ", text)
        if len(items) < 2:
            return None
        out = [item(i) for i in items]
    if any(o is None for o in out):
        return None
    return "、".join(out[:-1]) + "及" + out[-1] if len(out) > 1 else out[0]


def _trailing_chinese(text: str) -> str | None:
    """'Farmers served (cumulative) (累計服務農民人數)' -> the last bracket, when it is the Chinese name."""
    if not text.endswith(")"):
        return None
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(text[i], 0)
        if depth == 0:
            inner, before = text[i + 1:-1], text[:i]
            if before.endswith(" ") and _LETTERS.search(before) and _CJK.search(inner) and \
                    not _LETTERS.search(re.sub(r"Scope|IPCC|AUC|APP|AI|ESG", "", inner)):
                return inner.replace(" (", "（").replace("(", "（").replace(")", "）")
            return None
    return None


def _lookup(text: str) -> str | None:
    """A translation, or None when no rule knows the string."""
    if text in LABELS:  # first: '. ' between a chart's title and description has no letters
        return LABELS[text]
    if not _LETTERS.search(text) or (text in CONTROL and not _SHOWN.get()):
        return text
    if text in _units():
        return _units()[text]
    hit = names().get(text) or names().get(text.lower()) or (_ids().get(text) if " " in text else None)
    hit = hit or names().get(text + " (cumulative)")  # a figure named without its mark: the bar says it
    if hit:
        return hit
    if KEEP.match(text):
        return text
    hit = _from_catalogue(text)
    if hit is not None:
        return hit
    sentences = _SENTENCE.split(text)
    if len(sentences) > 1:  # a note of several sentences: each is catalogued on its own
        parts = [_lookup(p) for p in sentences]
        return "".join(parts) if all(p is not None for p in parts) else None
    for pattern, repl in RULES:
        m = pattern.match(text)
        if m:
            out = repl(m) if callable(repl) else m.expand(repl)
            if out is not None:
                return out
    pair = _PAIR.match(text)
    if pair:
        return pair["zh"]
    trailing = _trailing_chinese(text)
    if trailing:
        return trailing
    for sep, zh in SEPARATORS:
        if sep in text:
            parts = [_lookup(p) for p in text.split(sep)]
            if all(p is not None for p in parts):
                return zh.join(parts)
    bracket = re.match(r"^(.+?) \((.+)\)$", text)
    if bracket:
        a, b = _lookup(bracket[1]), _lookup(bracket[2])
        if a is not None and b is not None:
            return f"{a}（{b}）"
    if _chinese_enough(text):
        return text
    return _list(text)


def shown(text: str) -> str:
    """A label a reader sees in a table or chart: as `translate`, and a template's control token
    ('yes', 'consistent') shown as a word is translated too."""
    token = _SHOWN.set(True)
    try:
        return translate(text)
    finally:
        _SHOWN.reset(token)


# A chapter's recorded inputs hold each text it translated (`labels:` + JSON [text, shown]) with a digest of
# its translation: what labels.txt, the data's names and the rules give for it. Editing a catalogue entry, or a
# name in data/, re-executes only the chapters whose texts translate differently (esgbook.editions).
CATALOGUE_INPUT = "labels:"


def translate(text: str) -> str:
    from ... import data  # noqa: PLC0415 - the chapter's log of inputs

    with data.inputs_of_value():  # the names and entries consulted count through the translation itself
        hit = _lookup(text)
    data.note_read(CATALOGUE_INPUT + json.dumps([text, _SHOWN.get()], ensure_ascii=False))
    if hit is None:
        MISSING.add(text)
        return text
    return hit


def translation(key: str) -> str | None:
    """What `translate` gives now for a recorded `labels:` input (None: no translation)."""
    text, shown_ = json.loads(key)
    token = _SHOWN.set(shown_)
    try:
        return _lookup(text)
    finally:
        _SHOWN.reset(token)
