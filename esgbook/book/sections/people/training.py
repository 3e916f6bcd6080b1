"""Training: the share trained and the average hours, by gender and by rank, and whether the two
breakdowns imply the same company-wide figure (the reconciliation's 'gender|rank' checks)."""
from __future__ import annotations

import pandas as pd

from esgbook.analysis import kpis
from esgbook.analysis.assumptions import HALF_PERCENT
from esgbook.book import charts, formatting, present
from esgbook.book.narrative import Finding, Q
from esgbook.book.narrative.bilingual import Bilingual, entry
from esgbook.book.sections.people.base import (
    DIMENSIONS,
    FILE,
    TABLE,
    TRAINING_DIMENSIONS,
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

IMPLIED = {"trained_share_pct": ("training_coverage_by_gender_pct", "training_coverage_by_rank_pct"),
           "training_hours_avg": ("training_hours_by_gender", "training_hours_by_rank")}


def training_frame(ds: Dataset, metric: str) -> pd.DataFrame:
    """Published rates by gender and by rank, plus the whole-workforce figure each breakdown implies."""
    rows = []
    for year in sorted(years(ds)):
        for dimension, kpi_id in zip(TRAINING_DIMENSIONS, IMPLIED[metric]):
            for category, value in ds.breakdown(metric, dimension, year).items():
                rows.append({"dimension": dimension, "category": category, "kind": "published",
                             "item": item(ds, dimension, category), "year": year, "value": float(value)})
            implied = kpis.compute(ds, kpi_id, year)
            if implied is not None:
                rows.append({"dimension": dimension, "category": "all", "kind": "implied",
                             "item": f"All employees, implied by {DIMENSIONS[dimension][0].lower()}",
                             "year": year, "value": round(implied, 4)})
    return pd.DataFrame(rows, columns=["dimension", "category", "kind", "item", "year", "value"])


def _training_chart(ds: Dataset, metric: str, label: str, title: str, measure: str, unit: str, decimals: int,
                    what: Bilingual, domain: list[float] | None = None, suffix: str = "",
                    ticks: list[float] | None = None) -> charts.Chart:
    """Published training figures by gender and rank, and what each breakdown implies, per year."""
    frame = training_frame(ds, metric)
    if frame.empty:
        return charts.placeholder(label, title, entry("The report gives no {text} for {year}.", text=what,
                                                      year=ds.year))
    # Implied figures carry at least one decimal: they are computed, not rounded, and the prose quotes them so.
    frame["text"] = [f"{y}: {v:,.{max(decimals, 1) if k == 'implied' else decimals}f}{suffix}"
                     for y, v, k in zip(frame["year"], frame["value"], frame["kind"])]
    return charts.years_bars(frame, label=label, title=title, category="item", value="value", text="text",
                             measure=measure, unit=unit, domain=domain, ticks=ticks,
                             subtitle="Published by gender and by rank; 'implied' = weighted by year-end headcount",
                             description=f"Bar chart of the {what} by gender and by rank for each year shown, and "
                             "the figure for all employees that each breakdown implies when weighted by headcount; "
                             "each bar is labelled with its year and value.")


def trained_share_chart(ds: Dataset) -> charts.Chart:
    return _training_chart(ds, "trained_share_pct", "fig-ppl-trained-share",
                           "Employees trained (受訓僱員百分比) by gender and rank, %", "Employees trained", "%", 0,
                           Bilingual("percentage of employees trained", "受訓僱員百分比"), domain=[0, 115], suffix="%",
                           ticks=list(range(0, 101, 20)))


def training_hours_chart(ds: Dataset) -> charts.Chart:
    return _training_chart(ds, "training_hours_avg", "fig-ppl-training-hours",
                           "Average training hours (平均受訓時數) by gender and rank",
                           "Average training hours", "hours/employee", 2,
                           Bilingual("average training hours", "平均受訓時數"))


def training_table(ds: Dataset) -> present.Table:
    y, p = years(ds)
    rows = []
    for metric, label, decimals in (("trained_share_pct", "Employees trained (受訓僱員百分比), %", 0),
                                    ("training_hours_avg", "Average training hours (平均受訓時數), hours", 2)):
        for _, part in training_frame(ds, metric).groupby(["dimension", "category"], sort=False):  # its item
            cur, prior = (part.loc[part["year"] == yr, "value"] for yr in (y, p))
            d = max(decimals, 1) if part["kind"].iloc[0] == "implied" else decimals
            rows.append({"Metric": label, "Group": part["item"].iloc[0],
                         f"{y}": formatting.num(float(cur.iloc[0]), d) if len(cur) else formatting.DASH,
                         f"{p}": formatting.num(float(prior.iloc[0]), d) if len(prior) else formatting.DASH})
    out = pd.DataFrame(rows, columns=["Metric", "Group", f"{y}", f"{p}"])
    body = present.empty_note(ds, "training figures") if out.empty else drop_empty_prior(out, p)
    return present.table(body, "tbl-ppl-training",
                         entry("Training (員工培訓), {span}: the share of employees trained and the average hours, by "
                               "gender and by rank as published, and the figure for all employees each breakdown "
                               "implies when weighted by year-end headcount.", span=present.versus(ds)),
                         present.source(ds, FILE, section=TABLE))


# -- findings ------------------------------------------------------------------------------------
def _items(ds: Dataset, metric: str, dimension: str, decimals: int, unit: str) -> list[dict]:
    return [{"category": c, "label": group(ds, dimension, c), "value": Q(float(v), decimals, unit)}
            for c, v in ds.breakdown(metric, dimension, ds.year).items()]


def figures(ds: Dataset, metric: str) -> Finding | None:
    """The published training figures of the year, by gender and by rank (whichever are given)."""
    decimals, unit = (0, "%") if metric == "trained_share_pct" else (2, "count")
    gender, rank = (_items(ds, metric, d, decimals, unit) for d in TRAINING_DIMENSIONS)
    if not gender and not rank:
        return None
    return Finding("ppl.training_rates" if metric == "trained_share_pct" else "ppl.training_hours", "shown",
                   {**indexed("gender", gender), **indexed("rank", rank)})


def rank_pattern(ds: Dataset) -> Finding | None:
    hours, share = (ds.breakdown(m, "rank", ds.year) for m in ("training_hours_avg", "trained_share_pct"))
    if hours.empty or share.empty:
        return None
    most, least, fewest = hours.idxmax(), share.idxmin(), hours.idxmin()
    return Finding("ppl.training_rank", "same_rank" if least == fewest else "different",
                   {"most": group(ds, "rank", most), "least": group(ds, "rank", least),
                    "fewest": group(ds, "rank", fewest)})


def _about(value: float, digits: int) -> Q:
    """A count worked out from rounded rates, to the significant digits its inputs carry (21,006 -> 21,000)."""
    return Q(round(value, formatting.significant(value, digits, least=-9)), 0, "count")


def _status(row: dict | None) -> str:
    return "not_both" if row is None else row["status"]


def trained_check(ds: Dataset, year: int | None = None) -> Finding | None:
    """The share trained implied by gender against that implied by rank, by the check's status."""
    y = ds.year if year is None else year
    row = check(ds, y, "trained_share_pct", "gender|rank")
    employees = ds.value("employees", y)
    if row is None:
        given = any(not ds.breakdown("trained_share_pct", d, y).empty for d in TRAINING_DIMENSIONS)
        return Finding("ppl.trained_check", "not_both", {"year": str(y)}) if given or year is None else None
    return Finding("ppl.trained_check", row["status"], {
        "year": str(y), "employees": Q(employees, 0, "count"), "by_gender": rate(row["published"], 1),
        "by_rank": rate(row["recomputed"], 1),
        # shares implied by whole percents: people to three significant digits
        "gender_people": _about(row["published"] * employees / 100, 3),
        "rank_people": _about(row["recomputed"] * employees / 100, 3)})


def trained_why(ds: Dataset) -> list[Finding]:
    """Why the two shares cannot both hold, in people and against the rounding of whole percents."""
    y = ds.year
    row = check(ds, y, "trained_share_pct", "gender|rank")
    if row is None or row["status"] != "discrepancy":
        return []
    employees = ds.value("employees", y)
    general = ds.value("employees", y, "rank", "general_staff")
    general_rate = ds.value("trained_share_pct", y, "rank", "general_staff")
    gender_high = weighted_bound(ds, "trained_share_pct", "gender", y, HALF_PERCENT)
    out = []
    if general is not None and general_rate is not None and general * general_rate / employees > row["published"]:
        out.append(Finding("ppl.trained_general", "exceeds", {
            "rate": rate(general_rate), "general": Q(general, 0, "count"),
            "trained": Q(general * general_rate / 100, 0, "count"),
            "share": rate(general * general_rate / employees, 1), "by_gender": rate(row["published"], 1)}))
        low = general * (general_rate - HALF_PERCENT) / employees
        if gender_high is not None and low > gender_high:
            out.append(Finding("ppl.trained_rounding", "beyond_rounding_general",
                               {"low": rate(low, 1), "high": rate(gender_high, 1)}))
            return out
    else:
        out.append(Finding("ppl.trained_general", "gap",
                           {"people": Q(abs(row["difference"]) * employees / 100, 0, "count")}))
    out.append(Finding("ppl.trained_rounding", "beyond_rounding", {"gap": Q(abs(row["difference"]), 1, "count")}))
    return out


def hours_check(ds: Dataset, year: int | None = None) -> Finding | None:
    y = ds.year if year is None else year
    row = check(ds, y, "training_hours_avg", "gender|rank")
    employees = ds.value("employees", y)
    if row is None:
        given = any(not ds.breakdown("training_hours_avg", d, y).empty for d in TRAINING_DIMENSIONS)
        return Finding("ppl.hours_check", "not_both", {"year": str(y)}) if given or year is None else None
    share = check(ds, y, "trained_share_pct", "gender|rank")
    return Finding("ppl.hours_check", row["status"], {
        "year": str(y), "share_status": _status(share), "by_gender": Q(row["published"], 2, "count"), "by_rank": Q(row["recomputed"], 2, "count"),
        # averages printed to two decimals (three significant digits): totals to three, their gap to two
        "gender_total": _about(row["published"] * employees, 3),
        "rank_total": _about(row["recomputed"] * employees, 3),
        "gap": _about(abs(row["difference"]) * employees, 2)})


def hours_why(ds: Dataset) -> Finding | None:
    row = check(ds, ds.year, "training_hours_avg", "gender|rank")
    if row is None or row["status"] != "discrepancy":
        return None
    gender = ds.breakdown("training_hours_avg", "gender", ds.year)
    if row["recomputed"] > gender.max():
        return Finding("ppl.hours_reach", "above_every_gender", {"highest": Q(gender.max(), 2, "count"),
                                                                "by_rank": Q(row["recomputed"], 2, "count")})
    if row["recomputed"] < gender.min():
        return Finding("ppl.hours_reach", "below_every_gender", {"lowest": Q(gender.min(), 2, "count"),
                                                                "by_rank": Q(row["recomputed"], 2, "count")})
    return Finding("ppl.hours_reach", "beyond_rounding")


def prior_check(ds: Dataset, kind: str) -> Finding | None:
    """The prior year's check (only when the prior year has both breakdowns)."""
    current = (trained_check if kind == "trained" else hours_check)(ds)
    prior = (trained_check if kind == "trained" else hours_check)(ds, ds.year - 1)
    if prior is None or prior.case == "not_both":
        return None
    return Finding(f"ppl.{kind}_prior", prior.case, {**prior.facts, "now": current.case, "status": prior.case})


def causes(ds: Dataset) -> Finding | None:
    """What could explain breakdowns that disagree: only when one of the two checks is a discrepancy."""
    flagged = [c for c in (trained_check(ds), hours_check(ds)) if c is not None and c.case == "discrepancy"]
    return Finding("ppl.training_causes", "discrepancy") if flagged else None


def training_findings(ds: Dataset) -> dict:
    return {"training_rates": figures(ds, "trained_share_pct"), "training_hours": figures(ds, "training_hours_avg"),
            "training_rank": rank_pattern(ds), "trained_check": trained_check(ds), "trained_why": trained_why(ds),
            "trained_prior": prior_check(ds, "trained"), "hours_check": hours_check(ds),
            "hours_why": hours_why(ds), "hours_prior": prior_check(ds, "hours"), "training_causes": causes(ds)}


PARAGRAPHS = {
    "ppl_training_text": ["training_rates", "training_hours", "training_rank"],
    "ppl_trained_check_text": ["trained_check", "trained_why", "trained_prior"],
    "ppl_hours_check_text": ["hours_check", "hours_why", "hours_prior"],
    "ppl_training_causes_text": ["training_causes"],
}
