"""Editions side by side: every KPI for every year, the figures some years lack, each year's
discrepancies, and the restatement ledger (figures a later report gives differently).

Every edition after the first has a page "Editions compared" that shows these tables for the editions up to
its own and publishes them as CSV (a later edition added changes no earlier one's page); `make
compare A= B=` (`esgbook.exports.compare`) is the reviewer's view of two executed editions.
"""
from __future__ import annotations

import pandas as pd

from esgbook.analysis import kpis, reconcile
from esgbook.inputs.dataset import FIGURE_KEY, Dataset, load


def editions(root=None) -> list[int]:
    from esgbook.inputs.dataset import available_years  # noqa: PLC0415

    return available_years(root)


def kpis_by_year(ds: Dataset) -> pd.DataFrame:
    """Every KPI for every year the data hold (as the edition `ds` sees them), unrounded, with the change
    between consecutive years: percentage points for rates (unit %), per cent otherwise."""
    years = ds.years_to_date
    rows = []
    for k in kpis.KPIS:
        values = {y: kpis.compute(ds, k.id, y) for y in years}
        row = {"kpi": k.id, "name_en": k.name_en, "name_zh": k.name_zh, "unit": k.unit, "decimals": k.decimals}
        for y in years:
            row[str(y)] = values[y]
        for a, b in zip(years, years[1:]):
            row[f"change {a}-{b}"] = change(values[a], values[b], k.unit)
        rows.append(row)
    return pd.DataFrame(rows)


def change(prior: float | None, current: float | None, unit: str) -> float | None:
    """The change from prior to current: points for a rate, per cent for an amount (None from zero)."""
    if prior is None or current is None or prior != prior or current != current:
        return None
    if unit == "%" or prior == current:
        return current - prior
    return None if prior == 0 else (current - prior) / abs(prior) * 100


def not_disclosed(ds: Dataset) -> pd.DataFrame:
    """Each figure (metric and breakdown) the data give for some years but not for others."""
    obs = ds.observations()
    years = ds.years_to_date
    obs = obs[obs["year"] <= ds.year]
    rows = []
    for (metric, dimension, category), part in obs.groupby(["metric", "dimension", "category"], sort=True):
        given = sorted(int(y) for y in part["year"].unique())
        missing = [y for y in years if y not in given]
        if missing and given:
            info = ds.metric_info.get(metric, {})
            rows.append({"metric": metric, "name_en": info.get("name_en", metric), "name_zh": info.get("name_zh", ""),
                         "dimension": dimension, "category": category,
                         "given_for": " ".join(map(str, given)), "not_given_for": " ".join(map(str, missing))})
    return pd.DataFrame(rows, columns=["metric", "name_en", "name_zh", "dimension", "category",
                                       "given_for", "not_given_for"])


def discrepancies(root=None, up_to: int | None = None) -> pd.DataFrame:
    """Every edition's reconciliation discrepancies (each edition as its own report saw the figures), of the
    editions up to `up_to` (all when None)."""
    frames = []
    for y in [y for y in editions(root) if up_to is None or y <= up_to]:
        rec = reconcile.reconciliation(load(y, root))
        part = rec[rec["status"] == "discrepancy"].copy()
        part.insert(0, "edition", y)
        frames.append(part)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


LEDGER_COLUMNS = ["year", "metric", "name_en", "name_zh", "dimension", "category", "unit", "reported_in",
                  "value", "restated_in", "restated_value", "change", "change_pct", "file", "row", "restated_row"]


def restatements(ds: Dataset) -> pd.DataFrame:
    """The restatement ledger: every figure whose value differs between two reports that give it, each
    pair of consecutive reports once (original value, restated value, the change), from every report up to
    the edition's, of the years up to its own (`Dataset.all_reports`)."""
    rows = []
    for name in ds.observation_tables:
        frame = ds.all_reports(name)
        for key, part in frame.groupby(FIGURE_KEY, sort=True):
            if len(part) < 2:
                continue
            part = part.sort_values("reported_in", kind="stable")
            for (_, a), (_, b) in zip(part.iterrows(), part.iloc[1:].iterrows()):
                if float(a["value"]) == float(b["value"]):
                    continue
                info = ds.metric_info.get(key[1], {})
                diff = float(b["value"]) - float(a["value"])
                rows.append({"year": int(key[0]), "metric": key[1], "name_en": info.get("name_en", key[1]),
                             "name_zh": info.get("name_zh", ""), "dimension": key[2], "category": key[3],
                             "unit": a["unit"], "reported_in": int(a["reported_in"]), "value": float(a["value"]),
                             "restated_in": int(b["reported_in"]), "restated_value": float(b["value"]),
                             "change": diff, "change_pct": None if float(a["value"]) == 0
                             else diff / abs(float(a["value"])) * 100,
                             "file": a["file"], "row": int(a["row"]), "restated_row": int(b["row"])})
    return pd.DataFrame(rows, columns=LEDGER_COLUMNS).sort_values(
        ["year", "metric", "dimension", "category", "reported_in"], kind="stable").reset_index(drop=True)
