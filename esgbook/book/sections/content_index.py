"""The HKEX content index: one status per guide item for an edition, why, and where the book shows it.

A chapter that states the findings an item rests on assesses it (its section module's `hkex_status`); the
mandatory disclosures (MDR.1, MDR.3) come from the report's own index; every other item from
data/hkex_index.csv or, for a year it does not assess, from the figures the year holds. The overview, the
appendix and the opening page read this one index, so no page can count differently.
"""
from __future__ import annotations

import pandas as pd

from esgbook.analysis import draft
from esgbook.book import narrative
from esgbook.book.narrative.bilingual import Bilingual, entry
from esgbook.book.sections import (
    customers,
    governance,
    highlights_findings,
    materiality,
    operations,
    people,
)
from esgbook.inputs.dataset import Dataset

# The items the report's own index answers (its mandatory disclosures), assessed here from that index.
GUIDE_ITEMS = ["MDR.1", "MDR.3"]
# The chapters that assess items from their own findings, in the book's order.
ASSESSED_BY_CHAPTERS = (materiality.hkex_status, highlights_findings.hkex_status, governance.hkex_status,
                        operations.hkex_status, customers.hkex_status, people.hkex_status)

STATUSES = ("disclosed", "partly", "not applicable", "not disclosed", "not assessed")
_UNASSESSED = {  # why, for a year data/hkex_index.csv does not assess (en, zh)
    "not disclosed": ("the {year} data hold none of the figures this item asks for",
                      "{year}年的數據沒有本項要求的任何數字"),
    "partly": ("the {year} data hold {have} of the {want} figures the {last} assessment found",
               "{year}年的數據只有{last}年評估所見{want}項數字中的{have}項"),
    "all_held": ("the {year} data hold every figure this item asks for", "{year}年的數據包括本項要求的全部數字"),
    "as_assessed": ("the {year} data hold every figure the {last} assessment found; its status is carried over "
                    "until data/hkex_index.csv assesses {year}",
                    "{year}年的數據包括{last}年評估所見的全部數字；在data/hkex_index.csv評估{year}年之前沿用其狀態"),
    "not assessed": ("a narrative item: data/hkex_index.csv has no assessment of it for {year}",
                     "屬敘述性項目：data/hkex_index.csv沒有{year}年的評估"),
    "no_report": ("a narrative item: the data hold no report of {year} itself, so its narrative cannot be assessed",
                  "屬敘述性項目：數據中沒有{year}年本身的報告，因此無法評估其敘述"),
    "partly_any": ("the {year} data hold {have} of the {want} figures the data hold for this item in any year",
                   "{year}年的數據只有本項在各年度數據中{want}項數字中的{have}項"),
}


def chapter_statuses(ds: Dataset) -> dict[str, tuple[str, str]]:
    """Guide item -> (status, reason) as the chapters assess it from their own findings (a section module
    that assesses items exposes `hkex_status(ds)`), so the index cannot contradict a chapter."""
    out: dict[str, tuple[str, str]] = report_items(ds)
    for assess in ASSESSED_BY_CHAPTERS:
        out.update(assess(ds))
    return out


def _from_data(ds: Dataset, code: str, assessed: pd.DataFrame) -> tuple[str, str, str]:
    """An item's status for a year data/hkex_index.csv does not assess: from the figures the year holds,
    against those the latest assessed year held."""
    metrics = [m for m, info in ds.metric_info.items() if str(info.get("hkex") or "") == code]
    last = assessed[(assessed["code"] == code) & (assessed["year"] < ds.year)]
    words = {"year": ds.year}
    if not metrics:
        case, status = ("not assessed" if ds.own_report or ds.report is None else "no_report"), "not assessed"
    else:
        have = [m for m in metrics if ds.year in ds.years_of(m)]
        if last.empty:
            want = metrics
            status = "disclosed" if len(have) == len(want) else "partly" if have else "not disclosed"
            case = {"disclosed": "all_held", "partly": "partly_any"}.get(status, status)
            last_year = ds.year
        else:
            row = last.sort_values("year").iloc[-1]
            last_year = int(row["year"])
            want = [m for m in metrics if last_year in ds.years_of(m)] or metrics
            held = [m for m in want if m in have]
            if not have:
                case = status = "not disclosed"
            elif len(held) == len(want):
                case, status = "as_assessed", row["status"]
            else:
                case, status = "partly", "partly"
        words |= {"have": len([m for m in want if m in have]), "want": len(want), "last": last_year}
    en, zh = _UNASSESSED[case]
    return status, en.format(**words), zh.format(**words)


def content_index(ds: Dataset) -> pd.DataFrame:
    """Every HKEX guide item with its status for the edition year, why, and where the book shows it.
    The year's row of data/hkex_index.csv is an analyst's assessment of that year's report; a year without
    one is assessed from the figures its data hold; a chapter that assesses an item itself has the last word."""
    def build():
        items = ds.table("hkex_guide_items")
        assessed = ds.table("hkex_index")
        merged = items.merge(assessed[assessed["year"] == ds.year], on="code", how="left", suffixes=("", "_index"))
        for i in merged.index[merged["status"].isna() | (merged["status"] == "")]:
            status, en, zh = _from_data(ds, merged.at[i, "code"], assessed)
            merged.loc[i, ["status", "reason", "reason_zh", "target", "report_location_zh"]] = [status, en, zh, "", ""]
        unfilled = bool(draft.checklist(ds))
        for code, (status, reason) in chapter_statuses(ds).items():
            zh = ""  # a chapter's reason: written in English there, shown as a label
            if unfilled and status == "not disclosed":
                # A draft lacks registers, not necessarily disclosures: the item's figures decide, or it waits.
                held, en, zh = _from_data(ds, code, assessed)
                status, reason = (held, en) if held != "not disclosed" else (status, reason)
                if status == "not assessed":
                    reason = entry("the {year} edition is a draft: {text}", year=ds.year, text=Bilingual(reason, zh))
                    zh = ""
            hit = merged["code"] == code
            merged.loc[hit, "status"] = status
            merged.loc[hit, "reason"] = reason
            merged.loc[hit, "reason_zh"] = zh
        return merged.fillna("")
    # per language: a chapter's reason is a sentence written in the current language
    return ds.cached(("content_index", narrative.current()), build).copy()


def status_counts(ds: Dataset) -> dict[str, int]:
    """How many guide items have each status: the one count every page prints."""
    counts = content_index(ds)["status"].value_counts()
    return {s: int(counts.get(s, 0)) for s in STATUSES}


def _guide_status(ds: Dataset) -> pd.DataFrame:
    """The content index of the report the edition is built from (its own, or the later one)."""
    index = ds.table("hkex_index")
    year = ds.year if ds.own_report else (int(ds.report["report_year"]) if ds.report else None)
    return index[index["year"] == year] if year is not None else index.iloc[0:0]


def report_items(ds: Dataset) -> dict[str, tuple[str, str]]:
    """MDR.1 and MDR.3 as this edition states them: from the report's own index when the year has a
    report, 'not disclosed' when the edition is only a later report's comparative column."""
    if not ds.own_report:
        if ds.report is None:
            reason = entry("No report covering {year} in the data.", year=ds.year)
        elif ds.report.get("report_year"):
            reason = entry("No report of {year} in the data: the edition's figures are the comparative column of the "
                           "{year2} report, which makes no {year3} statement.",
                           year=ds.year, year2=int(ds.report["report_year"]), year3=ds.year)
        else:
            reason = entry("No report of {year} in the data: the edition's figures are the comparative column of a "
                           "later report, which makes no {year2} statement.", year=ds.year, year2=ds.year)
        return {code: ("not assessed", reason) for code in GUIDE_ITEMS}
    index = _guide_status(ds).set_index("code")
    out = {}
    for code in GUIDE_ITEMS:
        if code in index.index:
            out[code] = (index.loc[code, "status"], Bilingual(index.loc[code, "reason"], index.loc[code, "reason_zh"]))
        else:
            out[code] = ("not assessed", entry("data/hkex_index.csv has no assessment of {raw} for {year}",
                                               raw=code, year=ds.year))
    return out
