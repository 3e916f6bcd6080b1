"""What every part of the people chapter shares: the breakdowns, labels, and the look-ups of
the reconciliation's structured rows (metric and the breakdowns compared, never English labels)."""
from __future__ import annotations

import pandas as pd

from esgbook.analysis import reconcile
from esgbook.book import formatting
from esgbook.book.narrative import Q
from esgbook.book.narrative.bilingual import Bilingual, spaced
from esgbook.inputs.dataset import Dataset

FILE = "workforce"
TABLE = "09 附錄 > 數據統計表"
NARRATIVE = "07 以人為本 > 以人為本"
DEVELOPMENT = "07 以人為本 > 完善的人才發展路徑"

# The workforce breakdowns, in the order the report's data table lists them, with their chart labels.
DIMENSIONS = {
    "gender": ("Gender", "性別", "fig-ppl-gender"),
    "employment_type": ("Employment type", "僱傭類型", "fig-ppl-employment-type"),
    "rank": ("Rank", "僱員類型", "fig-ppl-rank"),
    "age_group": ("Age group", "年齡", "fig-ppl-age"),
    "region": ("Region", "地區", "fig-ppl-region"),
}
# A breakdown named inside a sentence or a chart description ('by age group' / 按年齡組別).
WORDS = {"gender": Bilingual("gender", "性別"), "employment_type": Bilingual("employment type", "僱傭類型"),
         "rank": Bilingual("rank", "職級"), "age_group": Bilingual("age group", "年齡組別"),
         "region": Bilingual("region", "地區")}
TURNOVER_DIMENSIONS = ("gender", "age_group", "region")
TRAINING_DIMENSIONS = ("gender", "rank")


def years(ds: Dataset) -> tuple[int, int]:
    return ds.year, ds.year - 1


def name(ds: Dataset, dimension: str, category: str) -> Bilingual:
    """'Female 女': the English and the Chinese label, so a chart reads in both (女 in Chinese)."""
    return spaced(ds.label(dimension, category), ds.label(dimension, category, "zh"))


def item(ds: Dataset, dimension: str, category: str) -> Bilingual:
    """A group in a list of several breakdowns: 'Gender: Female 女'. The Chinese group names say their breakdown
    (女, 普通員工, 中國) except an age band, which keeps it (年齡組別：30歲以下)."""
    label = name(ds, dimension, category)
    zh = f"{WORDS[dimension].zh}：{label.zh}" if dimension == "age_group" else label.zh
    return Bilingual(f"{DIMENSIONS[dimension][0]}: {label}", zh)


def group(ds: Dataset, dimension: str, category: str) -> Bilingual:
    """A group inside a sentence: 'general staff', 'under 30' (proper nouns keep their capital: 'mainland China')."""
    label = ds.label(dimension, category)
    return Bilingual(label[:1].lower() + label[1:], ds.label(dimension, category, "zh"))


def categories(ds: Dataset, dimension: str) -> list[str]:
    cats = ds.table("categories")
    return list(cats[cats["dimension"] == dimension].sort_values("order")["category"])


def check(ds: Dataset, year: int, metric: str, compares: str) -> dict | None:
    """One consistency check of `reconcile.check_rows`, found by its metric and the breakdowns it
    compares ('gender|rank', 'total|age_group'); None when the year lacks the inputs."""
    for row in reconcile.check_rows(ds, year):
        if row["kind"] == "consistency check" and row["metric"] == metric and row["compares"] == compares:
            return row
    return None


def weighted_bound(ds: Dataset, metric: str, dimension: str, year: int, shift: float) -> float | None:
    """The headcount-weighted mean of a breakdown with every published rate moved by `shift`
    (+0.5 or -0.5): how far rounding alone could move what the breakdown implies."""
    rates = ds.breakdown(metric, dimension, year)
    heads = ds.breakdown("employees", dimension, year).reindex(rates.index)
    if rates.empty or heads.isna().any() or heads.sum() == 0:
        return None
    return float(((rates + shift).clip(0, 100) * heads).sum() / heads.sum())


def heads(ds: Dataset, year: int, dimension: str = "total", category: str = "all") -> Q:
    return Q(ds.value("employees", year, dimension, category), 0, "employees")


def rate(value: float | None, decimals: int = 0) -> Q:
    return Q(value, decimals, "%")


def relative(cur: float | None, prior: float | None) -> float | None:
    """The relative change in %, or None without a prior year (or from zero)."""
    if cur is None or prior is None or prior == 0:
        return None
    return (cur - prior) / prior * 100


def direction_case(cur: float | None, prior: float | None, decimals: int = 0) -> str:
    """'up' / 'down' / 'flat' at the decimals shown, 'no_prior' or 'missing'."""
    if cur is None:
        return "missing"
    if prior is None:
        return "no_prior"
    a, b = round(cur, decimals), round(prior, decimals)
    return "flat" if a == b else "up" if a > b else "down"


def drop_empty_prior(frame: pd.DataFrame, prior: int, also: tuple[str, ...] = ("Change",)) -> pd.DataFrame:
    """A table whose prior-year column is empty throughout loses it (and the change column with it)."""
    column = str(prior)
    if column in frame and (frame[column].isin([formatting.DASH, ""])).all():
        drop = [c for c in frame.columns if c == column or c.startswith(f"{column} ") or c in also]
        return frame.drop(columns=drop)
    return frame


def indexed(prefix: str, items: list[dict]) -> dict:
    """A list of groups as flat facts ('rank0_label', 'rank0_count', ..., 'rank_n'), so a template can
    list however many groups a breakdown has."""
    out: dict = {f"{prefix}_n": str(len(items))}
    for i, item in enumerate(items):
        out.update({f"{prefix}{i}_{k}": v for k, v in item.items()})
    return out


def edition_source(ds: Dataset) -> dict:
    """Which report the edition's figures come from: the year, and the later report it is the comparative of."""
    report = ds.report or {}
    return {"year": str(ds.year), "later": str(int(report.get("report_year", ds.year + 1)))}
