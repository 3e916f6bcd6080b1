"""The Chinese of a text, by key: never by parsing English.

Text reaches a Chinese table, chart or caption in one of these ways, and nothing else is accepted:
- a `bilingual.Bilingual`, which carries its Chinese (from the data's names or a catalogue entry);
- a key of the catalogue `labels.txt` beside this module (an English line, then `= ` and its Chinese; a line
  with `{slot}` places is filled by `bilingual.entry`), or of the few exact `LABELS` below;
- a metric, category or unit id (its Chinese name from data/metrics.csv, categories.csv, units.csv);
- a code kept as it is (`KEEP`: IPCC, FN-CF-220a.1, file names), text without letters, or text that is
  already Chinese (Han characters with only kept codes among them).
Anything else is a build error (`MissingEntry`) that names the text, so a missing entry is found at once.
"""
from __future__ import annotations

import csv
import json
import re
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from esgbook.inputs import reads
from esgbook.paths import data_dir

CATALOGUE_FILE = Path(__file__).with_name("labels.txt")
_SHOWN: ContextVar[bool] = ContextVar("label_shown", default=False)

# Tokens sections pass as facts to steer a template (never printed): not labels.
CONTROL = {"yes", "no", "not_independent", "independent", "not_named", "discrepancy", "consistent", "not_both", "gender",
           "rank", "age_group", "female", "male", "up", "down", "flat"}

# Words we keep in English in the Chinese edition: acronyms and codes (two capitals or a digit: IPCC,
# MWh, FN-CF-220a.1), names, standards, file formats. A capitalised word is an English word, not a name.
KEEP = re.compile(r"^(?:(?=\S*[A-Z]\S*[A-Z]|\S*\d)[A-Z0-9][A-Za-z0-9.+\-]*|Argus|ISO \d+|KPI [A-D]\d(?:\.\d)?|"
                  r"data/[\w.]+|[\w-]+\.(?:csv|json|xlsx|xhtml|zip|xml))$")
_MARKUP = re.compile(r"(?:\{\w+\})?`[^`]*`|#[0-9a-fA-F]{3,8}")  # a role or file name in backticks; a colour
_ID = re.compile(r"[a-z0-9_]*[a-z][a-z0-9_]*")
_LETTERS = re.compile(r"[A-Za-z]")
_CJK = re.compile(r"[\u3400-\u9fff]")
_WORD = re.compile(r"(?<![`\w/.])[A-Za-z]{3,}(?![`\w/.])")


class MissingEntry(KeyError):
    """A text with no Chinese: neither bilingual, nor a key of the catalogue, nor an id or a code."""

    def __str__(self) -> str:
        return (f"no Chinese for {self.args[0]!r}: add it to esgbook/book/narrative/zh_hant/labels.txt, or pass the "
                "text with its Chinese (esgbook.book.narrative.bilingual)")


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


@lru_cache(maxsize=1)
def catalogue() -> dict[str, str]:
    """labels.txt: an English line (the key, with `{slot}` places), then `= ` and its Chinese."""
    lines = [ln.rstrip("\n") for ln in CATALOGUE_FILE.open(encoding="utf-8")]
    lines = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    out: dict[str, str] = {}
    for n, (en, zh) in enumerate(zip(lines[::2], lines[1::2])):
        if not zh.startswith("= ") or en.startswith("= "):
            raise ValueError(f"{CATALOGUE_FILE.name}: entry {n + 1} ({en[:40]!r}) is not an English line and a '= ' line")
        if en in out:
            raise ValueError(f"{CATALOGUE_FILE.name}: entry {en[:60]!r} is there twice")
        out[en] = zh[2:]
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
    folder = data_dir()
    for name in files:
        reads.note_read(reads.NAMES + name)
    return str(folder)


def _units() -> dict[str, str]:
    return _unit_names(_read(["units.csv"]))


def _ids() -> dict[str, str]:
    return _id_names(_read(["metrics.csv", "categories.csv", "units.csv"]))

@lru_cache(maxsize=4)
def _unit_names(folder: str) -> dict[str, str]:
    """Unit ids (tCO2e, t/employee ...) -> their Chinese names, without the gloss in brackets."""
    with open(Path(folder) / "units.csv", encoding="utf-8", newline="") as fh:
        return {row["id"]: re.sub(r"（.*?）$", "", row["name_zh"]) for row in csv.DictReader(fh)}


def _read(files) -> str:
    """The data folder, with the files whose names are about to be read noted as the chapter's inputs
    (only their name columns: a changed figure does not re-execute a chapter, a changed name does)."""
    folder = data_dir()
    for name in files:
        reads.note_read(reads.NAMES + name)
    return str(folder)


def _units() -> dict[str, str]:
    return _unit_names(_read(["units.csv"]))


def _ids() -> dict[str, str]:
    return _id_names(_read(["metrics.csv", "categories.csv", "units.csv"]))


def _chinese_enough(text: str) -> bool:
    """Already Chinese: CJK text whose only English words are kept ones (IPCC, HKEX ...) or markup."""
    if not _CJK.search(text):
        return False
    stripped = re.sub(r"\{[a-z:]+\}`[^`]*`|`[^`]*`", "", text)
    return all(KEEP.match(w) or w.isupper() for w in _WORD.findall(stripped))



def _lookup(text: str) -> str | None:
    """The Chinese of `text` by key, or None when no key knows it."""
    if hasattr(text, "zh"):  # a `bilingual.Bilingual`: it carries its Chinese
        return text.zh
    if text in LABELS:  # first: '. ' between a chart's title and description has no letters
        return LABELS[text]
    if not _LETTERS.search(text) or (text in CONTROL and not _SHOWN.get()):
        return text
    if text in _units():
        return _units()[text]
    if _ID.fullmatch(text) and text in _ids():
        return _ids()[text]
    if KEEP.match(text) or _MARKUP.fullmatch(text) or _chinese_enough(text):
        return text
    exact = catalogue().get(text)
    return exact if exact is not None and "{" not in text else None


def shown(text: str) -> str:
    """A label a reader sees in a table or chart: as `translate`, and a template's control token
    ('yes', 'consistent') shown as a word is translated too."""
    token = _SHOWN.set(True)
    try:
        return translate(text)
    finally:
        _SHOWN.reset(token)


# A chapter's recorded inputs hold each plain text it translated (`labels:` + JSON [text, shown]) with a digest of
# its Chinese; a catalogue entry filled by `bilingual.entry` is recorded by its key. Editing an entry, or a name in
# data/, re-executes only the chapters whose texts read differently (esgbook.build.editions). A `Bilingual` carries its
# Chinese: its source recorded the input (a catalogue entry, or the Dataset the name came from).


def translate(text: str) -> str:
    if hasattr(text, "zh"):
        return text.zh
    with reads.inputs_of_value():  # the entries and ids consulted count through the translation itself
        hit = _lookup(text)
    reads.note_read(reads.CATALOGUE + json.dumps([text, _SHOWN.get()], ensure_ascii=False))
    if hit is None:
        raise MissingEntry(text)
    return hit


def translation(key: str) -> str | None:
    """What `translate` gives now for a recorded `labels:` input (None: no translation)."""
    text, shown_ = json.loads(key)
    if "{" in text:  # a catalogue key with slots (`bilingual.entry`): its Chinese template
        return catalogue().get(text)
    token = _SHOWN.set(shown_)
    try:
        return _lookup(text)
    finally:
        _SHOWN.reset(token)
