"""Chapter 7, people (以人為本): workforce, turnover, health and safety, training, labour standards.

The report showed the workforce by gender, employment type, rank and age only as images; this module
draws them from the headcounts, recomputes the published shares, and tests the two breakdowns of
training and of turnover against each other (through `reconcile.check_rows`).
"""
from __future__ import annotations

import pandas as pd

from .. import charts, kpis, present, reconcile
from ..data import Dataset

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
TURNOVER_DIMENSIONS = ("gender", "age_group", "region")
TRAINING_DIMENSIONS = ("gender", "rank")
OTHER_METRICS = ["new_hire_retention_pct", "induction_satisfaction_score", "tech_committee_sessions",
                 "paid_sick_leave_days_per_month"]
FATALITY_YEARS = "three"  # HKEX KPI B2.1 asks for work-related fatalities in each of the past three years
INDUCTION_SCALE = 100     # the report scores induction satisfaction out of 100 (滿分100)
HALF_PERCENT = 0.5        # the rates are published as whole percents
REPORT_YEAR = 2023        # the report whose narrative the chapter summarises (the seed)


# -- small helpers -----------------------------------------------------------------------------
def _years(ds: Dataset) -> tuple[int, int]:
    return ds.year, ds.year - 1


def _name(ds: Dataset, dimension: str, category: str) -> str:
    """'Female 女': the English and the Chinese label, so a chart reads in both."""
    return f"{ds.label(dimension, category)} {ds.label(dimension, category, 'zh')}"


def _lower(label: str) -> str:
    """'Mainland China' -> 'mainland China': a label inside a sentence (proper nouns keep their capital)."""
    return label[:1].lower() + label[1:]


def _categories(ds: Dataset, dimension: str) -> list[str]:
    cats = ds.table("categories")
    return list(cats[cats["dimension"] == dimension].sort_values("order")["category"])


def _check(ds: Dataset, year: int, metric: str, suffix: str = "") -> dict | None:
    """One consistency-check row of `reconcile.check_rows` (None when the year lacks the inputs)."""
    for row in reconcile.check_rows(ds, year):
        if row["metric"] == metric and row["name_en"].endswith(suffix):
            return row
    return None


def _weighted_bound(ds: Dataset, metric: str, dimension: str, year: int, shift: float) -> float | None:
    """The headcount-weighted mean of a breakdown with every published rate moved by `shift`
    (+0.5 or -0.5): how far rounding alone could move what the breakdown implies."""
    rates = ds.breakdown(metric, dimension, year)
    heads = ds.breakdown("employees", dimension, year).reindex(rates.index)
    if rates.empty or heads.isna().any() or heads.sum() == 0:
        return None
    return float(((rates + shift).clip(0, 100) * heads).sum() / heads.sum())


# -- workforce ---------------------------------------------------------------------------------
def workforce_frame(ds: Dataset, dimension: str) -> pd.DataFrame:
    """Headcount and share of each group of one breakdown, for the year and the prior year."""
    rows = []
    for year in sorted(_years(ds)):
        heads = ds.breakdown("employees", dimension, year)
        shares = kpis.share(ds, "employees", dimension, year)
        for category, count in heads.items():
            rows.append({"dimension": dimension, "category": category, "item": _name(ds, dimension, category),
                         "year": year, "value": int(count), "share_pct": round(float(shares[category]), 2)})
    return pd.DataFrame(rows, columns=["dimension", "category", "item", "year", "value", "share_pct"])


def workforce_chart(ds: Dataset, dimension: str) -> charts.Chart:
    """One of the report's image-only charts, drawn from the headcounts: bars per group and year."""
    name, name_zh, label = DIMENSIONS[dimension]
    title = f"Employees by {name.lower()} ({name_zh}), year end"
    frame = workforce_frame(ds, dimension)
    if frame.empty:
        return charts.placeholder(label, title, f"No headcount by {name.lower()} for {ds.year}.")
    frame["text"] = [f"{y}: {v:,} ({s:.1f}%)" for y, v, s in zip(frame["year"], frame["value"], frame["share_pct"])]
    years = present.join_and([str(y) for y in sorted(frame["year"].unique())])
    return charts.years_bars(
        frame, label=label, title=title, category="item", value="value", text="text", measure="Employees",
        unit="headcount", subtitle="Each bar: year, headcount and share of all employees",
        description=f"Bar chart of employees at year end by {name.lower()} for {years}; each bar is "
        "labelled with its year, headcount and share of the workforce.")


def workforce_table(ds: Dataset) -> present.Table:
    y, p = _years(ds)
    rows = [{"Breakdown": "Total 僱員總數", "Group": "All employees",
             f"{y}": present.num(ds.value("employees", y)), f"{y} share": "100.0%",
             f"{p}": present.num(ds.value("employees", p)),
             f"{p} share": "100.0%" if ds.value("employees", p) else present.DASH,
             "Change": present.change(*kpis.yoy(ds.value("employees", y), ds.value("employees", p)))}]
    for dimension, (name, name_zh, _) in DIMENSIONS.items():
        cur, prior = ds.breakdown("employees", dimension, y), ds.breakdown("employees", dimension, p)
        s_cur, s_prior = kpis.share(ds, "employees", dimension, y), kpis.share(ds, "employees", dimension, p)
        for category in [c for c in _categories(ds, dimension) if c in cur.index or c in prior.index]:
            c, pr = cur.get(category), prior.get(category)
            c = None if c is None or pd.isna(c) else float(c)
            pr = None if pr is None or pd.isna(pr) else float(pr)
            rows.append({"Breakdown": f"{name} {name_zh}", "Group": _name(ds, dimension, category),
                         f"{y}": present.num(c), f"{y} share": present.pct(s_cur.get(category)),
                         f"{p}": present.num(pr), f"{p} share": present.pct(s_prior.get(category)),
                         "Change": present.change(*kpis.yoy(c, pr))})
    frame = pd.DataFrame(rows).replace({"n/a": present.DASH})
    return present.table(frame, "tbl-ppl-workforce",
                         f"Employees at year end (僱員) by gender, employment type, rank, age group and region, "
                         f"{y} against {p}: headcounts as published, shares recomputed from them.",
                         present.source(ds, FILE, section=TABLE))


def shares_frame(ds: Dataset) -> pd.DataFrame:
    """The shares the narrative publishes, against the shares the headcounts give."""
    rows = []
    published = [r for r in reconcile.published_rows(ds, ds.year, (FILE,)) if r["metric"] == "employee_share_pct"]
    qualifiers = ds.rows("employee_share_pct").set_index(["dimension", "category"])["qualifier"]
    for r in published:
        q = qualifiers.get((r["dimension"], r["category"]), "")
        decimals = 1 if r["published"] != int(r["published"]) else 0
        rows.append({"Group": _name(ds, r["dimension"], r["category"]),
                     "Published": (f"{q} " if q else "") + present.pct(r["published"], decimals),
                     "Recomputed": present.pct(r["recomputed"], 2),
                     "Difference": present.change_pp(r["published"], r["recomputed"], 2),
                     "Within rounding": "yes" if r["within_rounding"] else "no"})
    if not rows:
        rows.append({"Group": f"The report publishes no shares for {ds.year}", "Published": present.DASH,
                     "Recomputed": present.DASH, "Difference": present.DASH, "Within rounding": present.DASH})
    return pd.DataFrame(rows)


def shares_table(ds: Dataset) -> present.Table:
    return present.table(shares_frame(ds), "tbl-ppl-shares",
                         f"Shares of the workforce (員工占比) as the narrative publishes them for {ds.year}, against "
                         "the shares recomputed from the headcounts; a published share is reproduced when the "
                         "recomputed one rounds to it.",
                         present.source(ds, FILE, section=f"{NARRATIVE} and {TABLE}"))


# -- turnover ----------------------------------------------------------------------------------
def turnover_frame(ds: Dataset) -> pd.DataFrame:
    """Published turnover rates by group and year (the chart's data)."""
    rows = []
    for year in sorted(_years(ds)):
        total = ds.value("turnover_rate_pct", year)
        if total is not None:
            rows.append({"dimension": "total", "category": "all", "item": "All employees 總計", "year": year,
                         "value": total})
        for dimension in TURNOVER_DIMENSIONS:
            for category, rate in ds.breakdown("turnover_rate_pct", dimension, year).items():
                rows.append({"dimension": dimension, "category": category,
                             "item": f"{DIMENSIONS[dimension][0]}: {_name(ds, dimension, category)}",
                             "year": year, "value": float(rate)})
    return pd.DataFrame(rows, columns=["dimension", "category", "item", "year", "value"])


def turnover_chart(ds: Dataset) -> charts.Chart:
    label, title = "fig-ppl-turnover", "Employee turnover rate (僱員流失比例) by group, %"
    frame = turnover_frame(ds)
    if frame.empty:
        return charts.placeholder(label, title, f"The report gives no turnover rates for {ds.year}.")
    frame["text"] = [f"{y}: {v:.0f}%" for y, v in zip(frame["year"], frame["value"])]
    return charts.years_bars(frame, label=label, title=title, category="item", value="value", text="text",
                             measure="Turnover rate", unit="%",
                             description="Bar chart of the published employee turnover rate in percent, in total "
                             "and by gender, age group and region, for each year shown; each bar is labelled with "
                             "its year and rate.")


def turnover_table(ds: Dataset) -> present.Table:
    """Rates by group, and what each breakdown implies for the whole when weighted by headcount."""
    y, p = _years(ds)
    frame = turnover_frame(ds)
    rows = []
    for item, part in frame.groupby("item", sort=False):
        cur = part.loc[part["year"] == y, "value"]
        prior = part.loc[part["year"] == p, "value"]
        c = float(cur.iloc[0]) if len(cur) else None
        pr = float(prior.iloc[0]) if len(prior) else None
        rows.append({"Group": item, f"{y}": present.pct(c, 0), f"{p}": present.pct(pr, 0),
                     "Change": present.change_pp(c, pr)})
    for dimension in ("gender", "age_group"):
        implied = {yr: _check(ds, yr, "turnover_rate_pct", f"{dimension.replace('_', ' ')} breakdown")
                   for yr in (y, p)}
        c, pr = (None if implied[yr] is None else implied[yr]["recomputed"] for yr in (y, p))
        rows.append({"Group": f"Implied for all employees by the {DIMENSIONS[dimension][0].lower()} rates "
                     "(weighted by headcount)", f"{y}": present.pct(c, 1), f"{p}": present.pct(pr, 1),
                     "Change": present.change_pp(c, pr, 1)})
    out = pd.DataFrame(rows, columns=["Group", f"{y}", f"{p}", "Change"]).replace({"n/a": present.DASH})
    return present.table(out, "tbl-ppl-turnover",
                         f"Employee turnover rate (僱員流失比例), {y} against {p}, as published, and the total each "
                         "breakdown implies when its rates are weighted by year-end headcount.",
                         present.source(ds, FILE, section=TABLE))


def _turnover_sentence(ds: Dataset, year: int, dimension: str) -> str:
    row = _check(ds, year, "turnover_rate_pct", f"{dimension.replace('_', ' ')} breakdown")
    what = dimension.replace("_", " ")
    if row is None:
        return f"The report gives no {what} turnover rates for {year} to check."
    if row["within_rounding"]:
        return (f"In {year} the {what} rates, weighted by year-end headcount, average "
                f"{present.pct(row['recomputed'], 1)} against the published total of "
                f"{present.pct(row['published'], 0)}: consistent within rounding.")
    high = _weighted_bound(ds, "turnover_rate_pct", dimension, year, HALF_PERCENT)
    low = _weighted_bound(ds, "turnover_rate_pct", dimension, year, -HALF_PERCENT)
    side, bound = ("highest", high) if row["recomputed"] < row["published"] else ("lowest", low)
    text = (f"In {year} the {what} rates, weighted by year-end headcount, average only "
            f"{present.pct(row['recomputed'], 1)}, not the published total of {present.pct(row['published'], 0)}; "
            f"even reading every {what} rate at the {side} value its rounding allows gives "
            f"{present.pct(bound, 1)}.")
    # Plain words: how big a part of the rates' base the group with the highest rate would need to be.
    rates = ds.breakdown("turnover_rate_pct", dimension, year)
    heads = ds.breakdown("employees", dimension, year).reindex(rates.index)
    top = rates.idxmax()
    rest_heads = heads.drop(top)
    if rest_heads.sum() > 0:
        rest = float((rates.drop(top) * rest_heads).sum() / rest_heads.sum())
        if rest < row["published"] < rates[top]:
            need = (row["published"] - rest) / (rates[top] - rest) * 100
            text += (f" To reach the total, the {_lower(ds.label(dimension, top))} group, whose rate is the "
                     f"highest, would have to make up {present.pct(need, 0)} of the base the rates are computed "
                     f"on; it is {present.pct(heads[top] / heads.sum() * 100, 1)} of the year-end headcount.")
    return text


# -- health and safety ---------------------------------------------------------------------------
def health_table(ds: Dataset) -> present.Table:
    y, p = _years(ds)
    rows = []
    for metric, decimals in (("lost_days", 0), ("lost_days_per_employee", 0)):
        m = ds.metric_info[metric]
        rows.append({"Metric": f"{m['name_en']} ({m['name_zh']})", "Unit": m["unit"],
                     f"{y}": present.num(ds.value(metric, y), decimals),
                     f"{p}": present.num(ds.value(metric, p), decimals), "HKEX KPI": m["hkex"]})
    rows.append({"Metric": "Work-related fatalities, number and rate (因工亡故的人數及比率)", "Unit": "persons, %",
                 f"{y}": "not disclosed", f"{p}": "not disclosed", "HKEX KPI": "B2.1"})
    frame = pd.DataFrame(rows).replace({"n/a": present.DASH})
    return present.table(frame, "tbl-ppl-health",
                         f"Health and safety (注重健康與安全), {y} against {p}: days lost to work injury, and the "
                         "fatality figures the HKEX guide asks for, which the report does not give.",
                         present.source(ds, FILE, section=f"{TABLE} and 07 以人為本 > 注重健康與安全"))


def _lost_days_sentence(ds: Dataset) -> str:
    y, p = _years(ds)
    cur, prior = ds.value("lost_days", y), ds.value("lost_days", p)
    if cur is None:
        return f"The report gives no lost-day figure for {y}."
    if prior is None:
        lost = "No working day was" if cur == 0 else f"{present.num(cur)} working days were"
        return f"{lost} lost to work injury in {y}; the report gives no {p} comparative."
    if cur == 0 and prior == 0:
        return f"No working day was lost to work injury in {y}, nor in {p}."
    return f"{present.num(cur)} working days were lost to work injury in {y}, against {present.num(prior)} in {p}."


# -- training ----------------------------------------------------------------------------------
def training_frame(ds: Dataset, metric: str) -> pd.DataFrame:
    """Published rates by gender and by rank, plus the whole-workforce figure each breakdown implies."""
    implied_id = {"trained_share_pct": ("training_coverage_by_gender_pct", "training_coverage_by_rank_pct"),
                  "training_hours_avg": ("training_hours_by_gender", "training_hours_by_rank")}[metric]
    rows = []
    for year in sorted(_years(ds)):
        for dimension, kpi_id in zip(TRAINING_DIMENSIONS, implied_id):
            part = ds.breakdown(metric, dimension, year)
            for category, value in part.items():
                rows.append({"dimension": dimension, "category": category, "kind": "published",
                             "item": f"{DIMENSIONS[dimension][0]}: {_name(ds, dimension, category)}",
                             "year": year, "value": float(value)})
            implied = kpis.compute(ds, kpi_id, year)
            if implied is not None:
                rows.append({"dimension": dimension, "category": "all", "kind": "implied",
                             "item": f"All employees, implied by {DIMENSIONS[dimension][0].lower()}",
                             "year": year, "value": round(implied, 4)})
    return pd.DataFrame(rows, columns=["dimension", "category", "kind", "item", "year", "value"])


def _training_chart(ds: Dataset, metric: str, label: str, title: str, measure: str, unit: str, decimals: int,
                    what: str, domain: list[float] | None = None, suffix: str = "",
                    ticks: list[float] | None = None) -> charts.Chart:
    """Published training figures by gender and rank, and what each breakdown implies, per year."""
    frame = training_frame(ds, metric)
    if frame.empty:
        return charts.placeholder(label, title, f"The report gives no {what} for {ds.year}.")
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
                           "percentage of employees trained", domain=[0, 115], suffix="%",
                           ticks=list(range(0, 101, 20)))


def training_hours_chart(ds: Dataset) -> charts.Chart:
    return _training_chart(ds, "training_hours_avg", "fig-ppl-training-hours",
                           "Average training hours (平均受訓時數) by gender and rank",
                           "Average training hours", "hours/employee", 2, "average training hours")


def training_table(ds: Dataset) -> present.Table:
    y, p = _years(ds)
    rows = []
    for metric, name, decimals in (("trained_share_pct", "Employees trained (受訓僱員百分比), %", 0),
                                   ("training_hours_avg", "Average training hours (平均受訓時數), hours", 2)):
        frame = training_frame(ds, metric)
        for item, part in frame.groupby("item", sort=False):
            cur, prior = (part.loc[part["year"] == yr, "value"] for yr in (y, p))
            d = max(decimals, 1) if part["kind"].iloc[0] == "implied" else decimals
            rows.append({"Metric": name, "Group": item,
                         f"{y}": present.num(float(cur.iloc[0]), d) if len(cur) else present.DASH,
                         f"{p}": present.num(float(prior.iloc[0]), d) if len(prior) else present.DASH})
    out = pd.DataFrame(rows, columns=["Metric", "Group", f"{y}", f"{p}"])
    return present.table(out, "tbl-ppl-training",
                         f"Training (員工培訓), {y} against {p}: the share of employees trained and the average "
                         "hours, by gender and by rank as published, and the figure for all employees each "
                         "breakdown implies when weighted by year-end headcount.",
                         present.source(ds, FILE, section=TABLE))


def _training_numbers(ds: Dataset) -> dict[str, str]:
    y, p = _years(ds)
    out: dict[str, str] = {}
    share = _check(ds, y, "trained_share_pct")
    hours = _check(ds, y, "training_hours_avg")
    heads = ds.value("employees", y)
    general = ds.value("employees", y, "rank", "general_staff")
    general_rate = ds.value("trained_share_pct", y, "rank", "general_staff")
    gender_high = _weighted_bound(ds, "trained_share_pct", "gender", y, HALF_PERCENT)
    general_trained = None if general is None or general_rate is None else general * general_rate / 100
    general_low = None if general is None or general_rate is None else general * (general_rate - HALF_PERCENT) / 100
    out["ppl_trained_by_gender"] = present.pct(share and share["published"], 1)
    out["ppl_trained_by_rank"] = present.pct(share and share["recomputed"], 1)
    out["ppl_trained_by_gender_count"] = present.num(share and heads and share["published"] * heads / 100)
    out["ppl_trained_by_rank_count"] = present.num(share and heads and share["recomputed"] * heads / 100)
    out["ppl_trained_general_count"] = present.num(general_trained)
    out["ppl_trained_general_share"] = present.pct(general_trained and heads and general_trained / heads * 100, 1)
    out["ppl_trained_gender_high"] = present.pct(gender_high, 1)
    out["ppl_trained_general_low"] = present.pct(general_low and heads and general_low / heads * 100, 1)
    general_share = None if general_trained is None or not heads else general_trained / heads * 100
    if share is not None and general_share is not None and general_share > share["published"]:
        out["ppl_trained_plain_sentence"] = (
            f"General staff alone show why: the rank table has {present.pct(general_rate, 0)} of the "
            f"{present.num(general)} general staff trained, which is already {out['ppl_trained_general_count']} "
            f"people, {out['ppl_trained_general_share']} of the workforce, more than the "
            f"{out['ppl_trained_by_gender']} the gender split allows for everyone together.")
    elif share is not None:
        out["ppl_trained_plain_sentence"] = (
            f"Put in people, the two breakdowns differ by about "
            f"{present.num(abs(share['difference']) * heads / 100)} trained employees.")
    else:
        out["ppl_trained_plain_sentence"] = f"There is nothing to compare for {y}."
    if share is None:
        out["ppl_trained_sentence"] = f"The report does not give both training breakdowns for {y}."
    elif share["within_rounding"]:
        out["ppl_trained_sentence"] = f"In {y} the two breakdowns agree within rounding."
    elif general_low is not None and gender_high is not None and general_low / heads * 100 > gender_high:
        out["ppl_trained_sentence"] = (
            "Rounding cannot explain it: even with general staff at the bottom of their rounding and women and "
            f"men at the top of theirs, general staff alone make up {out['ppl_trained_general_low']} of the "
            f"workforce trained, more than the {out['ppl_trained_gender_high']} the gender figures allow.")
    else:
        out["ppl_trained_sentence"] = (f"The gap of {present.num(abs(share['difference']), 1)} points is larger "
                                       "than the rounding of whole percents can explain.")
    prior = _check(ds, p, "trained_share_pct")
    out["ppl_trained_prior_sentence"] = (
        f"The report gives no {p} training breakdowns to compare." if prior is None else
        f"The {p} comparatives {'show the same gap' if not prior['within_rounding'] else 'agree'}: "
        f"{present.pct(prior['published'], 1)} by gender against {present.pct(prior['recomputed'], 1)} by rank.")
    out["ppl_hours_by_gender"] = present.num(hours and hours["published"], 2)
    out["ppl_hours_by_rank"] = present.num(hours and hours["recomputed"], 2)
    out["ppl_hours_total_by_gender"] = present.num(hours and heads and hours["published"] * heads)
    out["ppl_hours_total_by_rank"] = present.num(hours and heads and hours["recomputed"] * heads)
    out["ppl_hours_gap"] = present.num(hours and heads and abs(hours["difference"]) * heads)
    gender_hours = ds.breakdown("training_hours_avg", "gender", y)
    if hours is None:
        out["ppl_hours_sentence"] = f"The report does not give both breakdowns of training hours for {y}."
    elif hours["within_rounding"]:
        out["ppl_hours_sentence"] = f"In {y} the two breakdowns of training hours agree."
    elif hours["recomputed"] > gender_hours.max():
        out["ppl_hours_sentence"] = (
            f"No mix of women and men can reach the rank figure: the higher of the two gender averages is "
            f"{present.num(gender_hours.max(), 2)} hours, below the {out['ppl_hours_by_rank']} the ranks imply.")
    else:
        out["ppl_hours_sentence"] = ("The averages are published to two decimals, so rounding cannot "
                                     "explain a gap of this size.")
    prior_h = _check(ds, p, "training_hours_avg")
    out["ppl_hours_prior_sentence"] = (
        f"The report gives no {p} training hours to compare." if prior_h is None else
        f"The {p} comparatives {'disagree as well' if not prior_h['within_rounding'] else 'agree'}: "
        f"{present.num(prior_h['published'], 2)} hours by gender against {present.num(prior_h['recomputed'], 2)} "
        "by rank.")
    hours_rank = ds.breakdown("training_hours_avg", "rank", y)
    share_rank = ds.breakdown("trained_share_pct", "rank", y)
    if hours_rank.empty or share_rank.empty:
        out["ppl_training_rank_sentence"] = f"The report gives no training figures by rank for {y}."
    else:
        most, least = _lower(ds.label("rank", hours_rank.idxmax())), _lower(ds.label("rank", share_rank.idxmin()))
        fewest = _lower(ds.label("rank", hours_rank.idxmin()))
        out["ppl_training_rank_sentence"] = (
            f"Among the ranks, {most} average the most hours; {least} are the least often trained"
            + (" and also average the fewest hours." if fewest == least else f", while {fewest} average the fewest "
               "hours."))
    for metric, key, decimals in (("trained_share_pct", "trained", 0), ("training_hours_avg", "hours", 2)):
        for dimension in TRAINING_DIMENSIONS:
            for category in _categories(ds, dimension):
                cur, pr = ds.value(metric, y, dimension, category), ds.value(metric, p, dimension, category)
                fmt = (lambda v: present.pct(v, 0)) if key == "trained" else (lambda v: present.num(v, 2))
                out[f"ppl_{key}_{category}"] = fmt(cur)
                out[f"ppl_{key}_{category}_prior"] = fmt(pr)
    return out


# -- other figures --------------------------------------------------------------------------------
def other_table(ds: Dataset) -> present.Table:
    """New-hire retention, induction satisfaction, technology-committee sessions, paid sick leave."""
    return present.figures_table(ds, FILE, "tbl-ppl-other",
                                 "Other people figures from the report's narrative: new-hire retention, induction "
                                 "training satisfaction, technology-committee sessions by level, and paid sick leave.",
                                 OTHER_METRICS, what="new-hire retention, induction satisfaction, technology-committee "
                                 "or sick-leave figures",
                                 section=f"{DEVELOPMENT} and 07 以人為本 > 多元的薪酬福利體系")


def _other_sentence(ds: Dataset) -> str:
    y, p = _years(ds)
    have = [m for m in OTHER_METRICS if ds.value(m, y) is not None]
    if not have:
        return f"The report gives none of these figures for {y}."
    if all(ds.value(m, p) is None for m in have):
        return f"The report gives them for {y} only, with no {p} comparative."
    return f"They are shown with their {p} comparatives where the report gives them."


def _workforce_sentences(ds: Dataset) -> dict[str, str]:
    """Sentences that compare the workforce with the prior year, or say there is no prior year."""
    y, p = _years(ds)
    out: dict[str, str] = {}
    heads = {yr: ds.value("employees", yr) for yr in (y, p)}
    for dimension in DIMENSIONS:
        for category in _categories(ds, dimension):
            out[f"ppl_{dimension}_{category}_name"] = (f"{_lower(ds.label(dimension, category))} "
                                                       f"({ds.label(dimension, category, 'zh')})")
    if heads[p] is None:
        none = f"The report gives no {p} comparative, so this edition cannot measure change on the year."
        for key in ("growth", "gender", "rank", "age", "region_change"):
            out[f"ppl_{key}_sentence"] = none
    else:
        diff = heads[y] - heads[p]
        change, _ = kpis.yoy(heads[y], heads[p])
        out["ppl_growth_sentence"] = (
            f"That is {present.num(abs(diff))} {'more' if diff >= 0 else 'fewer'} than the {present.num(heads[p])} "
            f"of {p} ({present.change(change)}).")
        s_f = {yr: kpis.share(ds, "employees", "gender", yr).get("female") for yr in (y, p)}
        c_f, _ = kpis.yoy(ds.value("employees", y, "gender", "female"), ds.value("employees", p, "gender", "female"))
        c_m, _ = kpis.yoy(ds.value("employees", y, "gender", "male"), ds.value("employees", p, "gender", "male"))
        out["ppl_gender_sentence"] = (
            f"The female share {present.direction(s_f[y] - s_f[p])} from {present.pct(s_f[p], 1)} in {p}, as the "
            f"number of women changed by {present.change(c_f)} and the number of men by {present.change(c_m)}.")

        def managers(yr):
            return sum(ds.value("employees", yr, "rank", c) or 0 for c in ("senior_management", "middle_management"))

        def per_manager(yr):
            general = ds.value("employees", yr, "rank", "general_staff") or 0
            return None if not managers(yr) else general / managers(yr)

        def rank_change(c):
            return present.change(*kpis.yoy(ds.value("employees", y, "rank", c), ds.value("employees", p, "rank", c)))
        changes = {c: rank_change(c) for c in _categories(ds, "rank")}
        out["ppl_rank_sentence"] = (
            f"Against {p}, general staff changed by {changes['general_staff']}, middle management by "
            f"{changes['middle_management']} and senior management by {changes['senior_management']}. Managers of "
            f"both levels went from {present.pct(managers(p) / heads[p] * 100, 1)} to "
            f"{present.pct(managers(y) / heads[y] * 100, 1)} of the workforce, and the number of general staff per "
            f"manager from {present.num(per_manager(p), 1)} to {present.num(per_manager(y), 1)}.")
        u = {yr: kpis.share(ds, "employees", "age_group", yr).get("under_30") for yr in (y, p)}
        c_u, _ = kpis.yoy(ds.value("employees", y, "age_group", "under_30"),
                          ds.value("employees", p, "age_group", "under_30"))
        c_m2, _ = kpis.yoy(ds.value("employees", y, "age_group", "30_to_50"),
                           ds.value("employees", p, "age_group", "30_to_50"))
        out["ppl_age_sentence"] = (
            f"The share of employees {_lower(ds.label('age_group', 'under_30'))} {present.direction(u[y] - u[p])} "
            f"from {present.pct(u[p], 1)} in {p}, as the {_lower(ds.label('age_group', '30_to_50'))} group "
            f"changed by {present.change(c_m2)} against {present.change(c_u)} for the younger group.")
        out["ppl_region_change_sentence"] = (
            f"The split was the same in {p}." if ds.value("employees", p, "region", "outside_mainland_china") ==
            ds.value("employees", y, "region", "outside_mainland_china") == 0 else
            f"In {p} the report counted {present.num(ds.value('employees', p, 'region', 'outside_mainland_china'))} "
            "employees outside mainland China.")
    under = kpis.share(ds, "employees", "age_group", y).get("under_30")
    out["ppl_age_majority_sentence"] = (
        f"The report gives no headcount by age for {y}." if under is None else
        f"Employees {_lower(ds.label('age_group', 'under_30'))} are {'more' if under > 50 else 'less'} than half of "
        "the workforce.")
    outside = ds.value("employees", y, "region", "outside_mainland_china")
    out["ppl_region_sentence"] = (
        f"Every one of the {present.num(heads[y])} employees works in mainland China (中國); the report counts "
        "none outside it (中國境外)." if outside == 0 else
        f"{present.num(outside)} employees work outside mainland China (中國境外).")
    return out


def _development_sentence(ds: Dataset) -> str:
    """The narrative's development figures in one sentence, or nothing borrowed from another year."""
    y = ds.year
    parts = []
    retention = ds.value("new_hire_retention_pct", y)
    if retention is not None:
        parts.append(f"a new-hire retention rate (新員工的留存率) of {present.pct(retention, 0)} at the end of the period")
    score = ds.value("induction_satisfaction_score", y)
    if score is not None:
        parts.append(f"a satisfaction score of {present.num(score)} out of {INDUCTION_SCALE} for induction training")
    sessions = ds.value("tech_committee_sessions", y)
    if sessions is not None:
        levels = len(ds.breakdown("tech_committee_sessions", "session_level", y))
        parts.append(f"{present.num(sessions)} training and sharing sessions of the technology committee"
                     + (f" across {levels} levels, from company-wide to within a department" if levels else ""))
    if not parts:
        return _other_sentence(ds)
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + ", and " + parts[-1]
    return f"For {y} they are {listed}. {_other_sentence(ds)}"


# -- numbers ------------------------------------------------------------------------------------
def numbers(ds: Dataset) -> dict[str, str]:
    """Every figure the chapter's prose quotes, formatted."""
    y, p = _years(ds)
    out: dict[str, str] = {"ppl_year": str(y), "ppl_prior_year": str(p)}
    cur, prior = kpis.compute(ds, "employees", y), kpis.compute(ds, "employees", p)
    out.update(present.versus_prior("ppl_employees", cur, prior))
    out["ppl_employees_diff"] = present.num(None if kpis.yoy(cur, prior)[0] is None else abs(cur - prior))
    for dimension in DIMENSIONS:
        s_cur, s_prior = kpis.share(ds, "employees", dimension, y), kpis.share(ds, "employees", dimension, p)
        for category in _categories(ds, dimension):
            c, pr = ds.value("employees", y, dimension, category), ds.value("employees", p, dimension, category)
            ch, n = kpis.yoy(c, pr)
            key = f"ppl_{dimension}_{category}"
            out[key] = present.num(c)
            out[f"{key}_prior"] = present.num(pr)
            out[f"{key}_share"] = present.pct(s_cur.get(category), 1)
            out[f"{key}_share_prior"] = present.pct(s_prior.get(category), 1)
            out[f"{key}_change"] = present.change(ch, n)
            out[f"{key}_direction"] = present.direction(ch)
    out.update(_workforce_sentences(ds))
    # Published shares against recomputed ones.
    published = [r for r in reconcile.published_rows(ds, y, (FILE,)) if r["metric"] == "employee_share_pct"]
    ok = sum(r["within_rounding"] for r in published)
    out["ppl_shares_published"] = str(len(published))
    out["ppl_shares_reproduced"] = str(ok)
    if not published:
        out["ppl_shares_sentence"] = (f"The report's narrative publishes no workforce shares for {y}, so there is "
                                      "nothing to reconcile; the shares in the table above are our own.")
    elif ok == len(published):
        out["ppl_shares_sentence"] = (f"All {len(published)} shares the narrative publishes for {y} are "
                                      "reproduced: each recomputed share rounds to the published one.")
    else:
        out["ppl_shares_sentence"] = (f"Only {ok} of the {len(published)} shares the narrative publishes for {y} "
                                      "are reproduced by the headcounts.")
    # Turnover.
    t_cur, t_prior = ds.value("turnover_rate_pct", y), ds.value("turnover_rate_pct", p)
    out["ppl_turnover_total"] = present.pct(t_cur, 0)
    out["ppl_turnover_total_prior"] = present.pct(t_prior, 0)
    out["ppl_turnover_total_pp"] = present.change_pp(t_cur, t_prior)
    out["ppl_turnover_total_direction"] = present.direction(
        None if t_cur is None or t_prior is None else t_cur - t_prior)
    for dimension in TURNOVER_DIMENSIONS:
        for category in _categories(ds, dimension):
            c = ds.value("turnover_rate_pct", y, dimension, category)
            pr = ds.value("turnover_rate_pct", p, dimension, category)
            out[f"ppl_turnover_{category}"] = present.pct(c, 0)
            out[f"ppl_turnover_{category}_prior"] = present.pct(pr, 0)
    for dimension in ("gender", "age_group"):
        row = _check(ds, y, "turnover_rate_pct", f"{dimension.replace('_', ' ')} breakdown")
        out[f"ppl_turnover_{dimension}_implied"] = present.pct(row and row["recomputed"], 1)
        out[f"ppl_turnover_{dimension}_sentence"] = _turnover_sentence(ds, y, dimension)
        out[f"ppl_turnover_{dimension}_prior_sentence"] = _turnover_sentence(ds, p, dimension)
    if t_prior is None:
        out["ppl_turnover_change_sentence"] = f"The report gives no rate for {p} to compare with."
    else:
        out["ppl_turnover_change_sentence"] = (
            f"It {out['ppl_turnover_total_direction']} from {out['ppl_turnover_total_prior']} in {p} "
            f"({out['ppl_turnover_total_pp']}).")
    smallest = ds.breakdown("employees", "age_group", y)
    smallest = smallest[smallest > 0]
    if len(smallest):
        cat = smallest.idxmin()
        out["ppl_turnover_small_group_sentence"] = (
            f"Rates of small groups swing: the {_lower(ds.label('age_group', cat))} group has "
            f"{present.num(smallest[cat])} employees, so a single leaver moves its rate by about "
            f"{present.num(100 / smallest[cat], 0)} points.")
    else:
        out["ppl_turnover_small_group_sentence"] = f"The report gives no headcount by age for {y}."
    young, middle = (ds.value("turnover_rate_pct", y, "age_group", c) for c in ("under_30", "30_to_50"))
    out["ppl_turnover_age_pattern_sentence"] = (
        f"The report gives no turnover by age for {y}." if young is None or middle is None else
        "Younger staff leave more often than their older colleagues, as in most firms." if young > middle else
        "Unusually, younger staff do not leave more often than their older colleagues.")
    failed = [d for d in ("gender", "age_group")
              if (r := _check(ds, y, "turnover_rate_pct", f"{d.replace('_', ' ')} breakdown")) is not None
              and not r["within_rounding"]]
    out["ppl_turnover_caution_sentence"] = (
        f"The {y} turnover figures therefore hold together on this check." if not failed else
        f"A breakdown cannot average well below the total it belongs to, so for {y} a reader should treat "
        f"either the total or the {present.join_and([d.replace('_', ' ') for d in failed])} rates as unverified.")
    # Health and safety.
    out["ppl_lost_days"] = present.num(ds.value("lost_days", y))
    out["ppl_lost_days_prior"] = present.num(ds.value("lost_days", p))
    out["ppl_lost_days_per_employee"] = present.num(ds.value("lost_days_per_employee", y))
    out["ppl_lost_days_sentence"] = _lost_days_sentence(ds)
    out["ppl_fatality_years"] = FATALITY_YEARS
    index = ds.table("hkex_index")
    for code in ("B2.1", "B4.1", "B4.2"):
        hit = index[(index["year"] == y) & (index["code"] == code)]
        out[f"ppl_status_{code.replace('.', '')}"] = str(hit["status"].iloc[0]) if len(hit) else "not assessed"
    out["ppl_fatality_sentence"] = (
        "The report gives no figure for any of those years, not even a statement that there were none, so the "
        "content index marks B2.1 as not disclosed." if out["ppl_status_B21"] == "not disclosed" else
        f"The content index marks B2.1 as {out['ppl_status_B21']} for {y}.")
    # Training.
    out.update(_training_numbers(ds))
    # Other figures.
    out["ppl_new_hire_retention"] = present.pct(ds.value("new_hire_retention_pct", y), 0)
    out["ppl_induction_score"] = present.num(ds.value("induction_satisfaction_score", y))
    out["ppl_induction_scale"] = str(INDUCTION_SCALE)
    out["ppl_tech_sessions"] = present.num(ds.value("tech_committee_sessions", y))
    out["ppl_other_sentence"] = _other_sentence(ds)
    out["ppl_development_sentence"] = _development_sentence(ds)
    levels = ds.breakdown("tech_committee_sessions", "session_level", y)
    out["ppl_tech_levels"] = present.num(len(levels)) if len(levels) else "n/a"
    out["ppl_narrative_sentence"] = (
        f"The policy descriptions summarise the {REPORT_YEAR} report." if y == REPORT_YEAR else
        f"The policy descriptions summarise the {REPORT_YEAR} report, the only one transcribed; this {y} edition "
        f"assumes they applied in {y} as well.")
    sick = ds.value("paid_sick_leave_days_per_month", y)
    out["ppl_sick_leave_sentence"] = (
        f"The report gives no paid sick leave allowance for {y}." if sick is None else
        f"On top of the statutory leave, every employee is granted {present.num(sick)} "
        f"{'day' if sick == 1 else 'days'} of paid sick leave a month.")
    return out
