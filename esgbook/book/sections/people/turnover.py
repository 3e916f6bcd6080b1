"""Turnover: the published rates, and whether each breakdown, weighted by headcount, averages to
the published total (the reconciliation's 'total|gender' and 'total|age_group' checks)."""
from __future__ import annotations

import pandas as pd

from esgbook.analysis import findings
from esgbook.analysis.assumptions import HALF_PERCENT, SMALL_GROUP
from esgbook.book import charts, formatting, present
from esgbook.book.narrative import Finding, Q
from esgbook.book.narrative.bilingual import Bilingual, entry, same, spaced
from esgbook.book.sections.people.base import (
    DIMENSIONS,
    FILE,
    TABLE,
    TURNOVER_DIMENSIONS,
    check,
    drop_empty_prior,
    group,
    indexed,
    item,
    rate,
    weighted_bound,
    years,
)
from esgbook.inputs.dataset import Dataset

CHECKED = ("gender", "age_group")  # the breakdowns whose headcounts are known, so they can be weighted


def turnover_frame(ds: Dataset) -> pd.DataFrame:
    """Published turnover rates by group and year (the chart's data; the breakdown by its id, the same in both
    languages)."""
    rows = []
    for year in sorted(years(ds)):
        total = ds.value("turnover_rate_pct", year)
        if total is not None:
            rows.append({"dimension": same("total"), "category": "all", "item": spaced("All employees", "總計"),
                         "year": year, "value": total})
        for dimension in TURNOVER_DIMENSIONS:
            for category, value in ds.breakdown("turnover_rate_pct", dimension, year).items():
                rows.append({"dimension": same(dimension), "category": category,
                             "item": item(ds, dimension, category), "year": year, "value": float(value)})
    return pd.DataFrame(rows, columns=["dimension", "category", "item", "year", "value"])


def turnover_chart(ds: Dataset) -> charts.Chart:
    label, title = "fig-ppl-turnover", "Employee turnover rate (僱員流失比例) by group, %"
    frame = turnover_frame(ds)
    if frame.empty:
        return charts.placeholder(label, title, entry("The report gives no {text} for {year}.", year=ds.year,
                                                      text=Bilingual("turnover rates", "僱員流失比例")))
    frame["text"] = [f"{y}: {v:.0f}%" for y, v in zip(frame["year"], frame["value"])]
    return charts.years_bars(frame, label=label, title=title, category="item", value="value", text="text",
                             measure="Turnover rate", unit="%",
                             description="Bar chart of the published employee turnover rate in percent, in total "
                             "and by gender, age group and region, for each year shown; each bar is labelled with "
                             "its year and rate.")


def turnover_table(ds: Dataset) -> present.Table:
    """Rates by group, and what each breakdown implies for the whole when weighted by headcount."""
    y, p = years(ds)
    rows = []
    for _, part in turnover_frame(ds).groupby(["dimension", "category"], sort=False):  # a group: its bilingual item
        cur, prior = (part.loc[part["year"] == yr, "value"] for yr in (y, p))
        c = float(cur.iloc[0]) if len(cur) else None
        pr = float(prior.iloc[0]) if len(prior) else None
        rows.append({"Group": part["item"].iloc[0], f"{y}": formatting.pct_cell(c, 0), f"{p}": formatting.pct_cell(pr, 0),
                     "Change": present.change_pp(c, pr) if c is not None and pr is not None else formatting.DASH})
    for dimension in CHECKED:
        c, pr = ((r or {}).get("recomputed") for r in (check(ds, yr, "turnover_rate_pct", f"total|{dimension}")
                                                       for yr in (y, p)))
        if c is None and pr is None:
            continue
        rows.append({"Group": f"Implied for all employees by the {DIMENSIONS[dimension][0].lower()} rates "
                     "(weighted by headcount)", f"{y}": formatting.pct_cell(c, 1), f"{p}": formatting.pct_cell(pr, 1),
                     "Change": present.change_pp(c, pr, 1) if c is not None and pr is not None else formatting.DASH})
    out = pd.DataFrame(rows, columns=["Group", f"{y}", f"{p}", "Change"])
    body = present.empty_note(ds, "turnover rates") if out.empty else drop_empty_prior(out, p)
    return present.table(body, "tbl-ppl-turnover",
                         entry("Employee turnover rate (僱員流失比例), {span}, as published, and the total each "
                               "breakdown implies when its rates are weighted by year-end headcount.",
                               span=present.versus(ds)),
                         present.source(ds, FILE, section=TABLE))


# -- findings ------------------------------------------------------------------------------------
def total(ds: Dataset) -> Finding:
    y, p = years(ds)
    return findings.trend("ppl.turnover_total", rate(ds.value("turnover_rate_pct", y)),
                          rate(ds.value("turnover_rate_pct", p)), y)


def _rates(ds: Dataset, dimension: str) -> list[dict]:
    return [{"category": c, "label": group(ds, dimension, c), "rate": rate(float(v)), "zero": "yes" if v == 0 else ""}
            for c, v in ds.breakdown("turnover_rate_pct", dimension, ds.year).items()]


def groups(ds: Dataset) -> Finding | None:
    gender, age = _rates(ds, "gender"), _rates(ds, "age_group")
    if not gender and not age:
        return None
    return Finding("ppl.turnover_groups", "shown", {**indexed("gender", gender), **indexed("age", age)})


def age_pattern(ds: Dataset) -> Finding | None:
    young, middle = (ds.value("turnover_rate_pct", ds.year, "age_group", c) for c in ("under_30", "30_to_50"))
    if young is None or middle is None:
        return None
    return Finding("ppl.turnover_age_pattern", "younger_higher" if young > middle else "younger_not_higher")


def small_group(ds: Dataset) -> Finding | None:
    """The smallest age group: one leaver moves its rate by 100 / headcount points."""
    counts = ds.breakdown("employees", "age_group", ds.year)
    counts = counts[counts > 0]
    rates = ds.breakdown("turnover_rate_pct", "age_group", ds.year)
    if counts.empty or rates.empty or counts.min() >= SMALL_GROUP:
        return None
    smallest = counts.idxmin()
    return Finding("ppl.turnover_small_group", "shown", {"label": group(ds, "age_group", smallest),
                   "count": Q(float(counts[smallest]), 0, "count"), "swing": Q(100 / counts[smallest], 0, "count")})


def region(ds: Dataset) -> Finding | None:
    rates = ds.breakdown("turnover_rate_pct", "region", ds.year)
    if rates.empty:
        return None
    outside = ds.value("employees", ds.year, "region", "outside_mainland_china")
    only = "outside_mainland_china" not in rates.index and outside == 0
    return Finding("ppl.turnover_region", "mainland_only" if only else "by_region")


def breakdown_check(ds: Dataset, year: int, dimension: str) -> Finding | None:
    """The reconciliation's check of a breakdown against the total, by its status for the year:
    consistent / discrepancy below or above the total / not both disclosed (None: nothing of the year)."""
    row = check(ds, year, "turnover_rate_pct", f"total|{dimension}")
    facts = {"year": str(year), "dimension": dimension}
    if row is None:
        has_any = ds.value("turnover_rate_pct", year) is not None or \
            not ds.breakdown("turnover_rate_pct", dimension, year).empty
        return Finding("ppl.turnover_check", "not_both", facts) if has_any else None
    facts.update(implied=rate(row["recomputed"], 1), total=rate(row["published"]))
    if row["status"] == "consistent":
        return Finding("ppl.turnover_check", "consistent", facts)
    below = row["recomputed"] < row["published"]
    bound = weighted_bound(ds, "turnover_rate_pct", dimension, year, HALF_PERCENT if below else -HALF_PERCENT)
    return Finding("ppl.turnover_check", "below_total" if below else "above_total", {**facts, "bound": rate(bound, 1)})


def base_needed(ds: Dataset, dimension: str) -> Finding | None:
    """In plain words: how big a part of the rates' base the group with the highest rate would need
    to be for the breakdown to reach the published total (only when the breakdown falls short)."""
    y = ds.year
    row = check(ds, y, "turnover_rate_pct", f"total|{dimension}")
    if row is None or row["status"] != "discrepancy" or row["recomputed"] >= row["published"]:
        return None
    rates = ds.breakdown("turnover_rate_pct", dimension, y)
    counts = ds.breakdown("employees", dimension, y).reindex(rates.index)
    top = rates.idxmax()
    rest = counts.drop(top)
    if rest.sum() <= 0:
        return None
    rest_rate = float((rates.drop(top) * rest).sum() / rest.sum())
    if not rest_rate < row["published"] < rates[top]:
        return None
    need = (row["published"] - rest_rate) / (rates[top] - rest_rate) * 100
    return Finding("ppl.turnover_base", "shown", {"label": group(ds, dimension, top), "need": rate(need),
                                                  "actual": rate(counts[top] / counts.sum() * 100, 1)})


def caution(ds: Dataset) -> Finding | None:
    rows = {d: check(ds, ds.year, "turnover_rate_pct", f"total|{d}") for d in CHECKED}
    rows = {d: r for d, r in rows.items() if r is not None}
    if not rows:
        return None
    failed = [findings.name(d.replace("_", " "), DIMENSIONS[d][1]) for d, r in rows.items()
              if r["status"] == "discrepancy"]
    return Finding("ppl.turnover_caution", "unverified" if failed else "holds",
                   {"year": str(ds.year), "dimensions": failed})


def turnover_findings(ds: Dataset) -> dict:
    y, p = years(ds)
    return {"turnover_total": total(ds), "turnover_groups": groups(ds), "turnover_age_pattern": age_pattern(ds),
            "turnover_small_group": small_group(ds), "turnover_region": region(ds),
            "turnover_check_gender": breakdown_check(ds, y, "gender"),
            "turnover_check_age_group": breakdown_check(ds, y, "age_group"),
            "turnover_base_age_group": base_needed(ds, "age_group"),
            "turnover_base_gender": base_needed(ds, "gender"),
            "turnover_check_age_group_prior": breakdown_check(ds, p, "age_group"),
            "turnover_caution": caution(ds)}


PARAGRAPHS = {
    "ppl_turnover_text": ["turnover_total", "turnover_groups", "turnover_age_pattern", "turnover_small_group",
                          "turnover_region"],
    "ppl_turnover_check_text": ["turnover_check_gender", "turnover_base_gender", "turnover_check_age_group",
                                "turnover_base_age_group", "turnover_check_age_group_prior"],
    "ppl_turnover_caution_text": ["turnover_caution"],
}
