"""The opening page: the year's headline figures at a glance, with their change on the prior year."""
from __future__ import annotations

import pandas as pd

from .. import kpis, present, reconcile
from ..data import Dataset

HEADLINES = ["employees", "female_share_pct", "turnover_rate_pct", "energy_mwh", "energy_per_employee_mwh",
             "water_t", "water_per_employee_t", "ghg_total_t", "ghg_per_employee_t", "waste_total_t",
             "suppliers_total", "corruption_cases"]


def headline_frame(ds: Dataset) -> pd.DataFrame:
    rows = []
    for kpi_id in HEADLINES:
        k = kpis.BY_ID[kpi_id]
        cur, prior = k.compute(ds, ds.year), k.compute(ds, ds.year - 1)
        change, note = kpis.yoy(cur, prior)
        decimals = 2 if kpi_id.endswith(("_per_employee_t", "_per_employee_mwh")) else k.decimals
        rows.append({"Figure": f"{k.name_en} ({k.name_zh})", "Unit": k.unit,
                     str(ds.year): present.num(cur, decimals), str(ds.year - 1): present.num(prior, decimals),
                     "Change": present.change(change, note), "HKEX KPI": k.hkex or present.DASH})
    return pd.DataFrame(rows)


def headline_table(ds: Dataset) -> present.Table:
    return present.table(headline_frame(ds), "tbl-headlines",
                         f"The year at a glance: headline figures for {ds.year}, recomputed from raw data, against "
                         f"{ds.year - 1}.", "`data/*.csv` through the KPI engine (`python -m esgbook kpis`)")


def numbers(ds: Dataset) -> dict[str, str]:
    rec = reconcile.reconciliation(ds)
    published = rec[rec["kind"] == "published figure"]
    flagged = rec[rec["status"] == "discrepancy"]
    years = ds.years
    return {
        "idx_year": str(ds.year),
        "idx_prior_year": str(ds.year - 1),
        "idx_years": ", ".join(map(str, years)),
        "idx_published_checked": str(len(published)),
        "idx_published_reproduced": str(int((published["status"] == "consistent").sum())),
        "idx_flagged": str(len(flagged)),
        "idx_files": str(len(ds.observation_tables)),
        "idx_metrics": str(len(ds.metrics)),
        "idx_rows": str(sum(len(ds.table(n)) for n in ds.observation_tables)),
    }
