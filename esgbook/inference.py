"""Inference checks: what the published figures imply when read together.

Each check is a function of the dataset returning a `Finding` whose case says what the figures
imply, or `no_inputs` when the year lacks a figure the check needs; its assumption is a finding of
its own (`assumption(check)`), so every sentence and the appendix table state it. The checks are
listed in `CHECKS` with the chapter that shows them.
"""
from __future__ import annotations

import math

import pandas as pd

from . import kpis, narrative, present
from .assumptions import AGREE_PCT, BENCHMARK_BAND_PCT, FLOAT_NOISE, ROUNDING_SHARE
from .data import Dataset
from .errors import DataError
from .findings import change_of, direction, name
from .narrative import Finding, Q

BENCHMARK_BAND = BENCHMARK_BAND_PCT / 100
WHOLE_NUMBER_GROUPS = [("trained_share_pct", "rank"), ("trained_share_pct", "gender"),
                       ("turnover_rate_pct", "gender"), ("turnover_rate_pct", "age_group")]


def _v(ds: Dataset, metric: str, year: int | None = None, dimension: str = "total", category: str = "all"):
    try:
        return ds.value(metric, year, dimension, category)
    except DataError:  # no file holds the metric at all
        return None


def _row(ds: Dataset, metric: str, year: int | None = None):
    try:
        return ds.row(metric, year)
    except DataError:
        return None


def benchmark(ds: Dataset, bench_id: str) -> float | None:
    table = ds.table("benchmarks")
    hit = table[table["benchmark_id"] == bench_id]
    return float(hit["value"].iloc[0]) if len(hit) else None


def _missing(*xs) -> bool:
    return any(x is None or (isinstance(x, float) and math.isnan(x)) for x in xs)


def _years(ds: Dataset) -> dict:
    return {"year": str(ds.year), "prior_year": str(ds.year - 1)}


# -- people: flows and whole numbers ----------------------------------------------------------------
def flows(ds: Dataset) -> dict | None:
    """Leavers and hires implied by the turnover rate and the net change, on both headcount bases."""
    rate, end, start = _v(ds, "turnover_rate_pct"), _v(ds, "employees"), _v(ds, "employees", ds.year - 1)
    if _missing(rate, end, start):
        return None
    bases = {"year_end": end, "average": (start + end) / 2}
    leavers = {k: rate / 100 * b for k, b in bases.items()}
    hires = {k: end - start + n for k, n in leavers.items()}
    return {"rate": rate, "end": end, "start": start, "net": end - start, "leavers": leavers, "hires": hires}


def implied_flows(ds: Dataset) -> Finding:
    f = flows(ds)
    if f is None:
        return Finding("inf.flows", "no_inputs", _years(ds))
    low, high = sorted(f["hires"].values())
    facts = {**_years(ds), "rate": Q(f["rate"], 0, "%"), "end": Q(f["end"], 0), "start": Q(f["start"], 0),
             "net": Q(abs(f["net"]), 0), "leavers_avg": Q(f["leavers"]["average"], 0),
             "leavers_end": Q(f["leavers"]["year_end"], 0), "hires_low": Q(low, 0), "hires_high": Q(high, 0),
             "joined_low": Q(low / f["end"] * 100, 0, "%"), "joined_high": Q(high / f["end"] * 100, 0, "%")}
    if low < 0:
        return Finding("inf.flows", "negative_hires", facts)
    return Finding("inf.flows", "grew" if f["net"] > 0 else "shrank" if f["net"] < 0 else "flat", facts)


def new_hire_leavers(ds: Dataset) -> Finding:
    """If the new-hire retention rate applies to the year's implied hires, how many leavers were new."""
    f, retention = flows(ds), _v(ds, "new_hire_retention_pct")
    if f is None or retention is None:
        return Finding("inf.new_hires", "no_inputs", _years(ds))
    lost = {k: h * (1 - retention / 100) for k, h in f["hires"].items()}
    share = {k: lost[k] / f["leavers"][k] * 100 if f["leavers"][k] else math.inf for k in lost}
    low, high = sorted(share.values())
    facts = {**_years(ds), "retention": Q(retention, 0, "%"), "lost_low": Q(min(lost.values()), 0),
             "lost_high": Q(max(lost.values()), 0), "share_low": Q(low, 0, "%"), "share_high": Q(high, 0, "%")}
    return Finding("inf.new_hires", "exceeds" if high > 100 else "share", facts)


def rate_fits(rate: float, decimals: int, n: float) -> bool:
    """Whether some whole number of people k out of n gives `rate` at the published decimals."""
    if n <= 0:
        return False
    half = ROUNDING_SHARE * 10 ** -decimals
    k = round(rate / 100 * n)
    return any(0 <= j <= n and abs(j / n * 100 - rate) <= half + FLOAT_NOISE for j in (k - 1, k, k + 1))


def smallest_group(rate: float, decimals: int, limit: int = 10000) -> int | None:
    return next((n for n in range(1, limit) if rate_fits(rate, decimals, n)), None)


def whole_number_frame(ds: Dataset) -> pd.DataFrame:
    """Every published group rate of the edition's year tested against each headcount base."""
    rows = []
    for metric, dimension in WHOLE_NUMBER_GROUPS:
        for year in (ds.year, ds.year - 1):
            for category, rate in ds.breakdown(metric, dimension, year).items():
                end, start = _v(ds, "employees", year, dimension, category), \
                    _v(ds, "employees", year - 1, dimension, category)
                if end is None:
                    continue
                row = ds.row(metric, year, dimension, category)
                decimals = present.decimals_of(float(row["value"]))
                rows.append({"year": year, "metric": metric, "dimension": dimension, "category": category,
                             "rate": float(rate), "decimals": decimals, "headcount": end,
                             "people": rate / 100 * end, "year_end_fits": rate_fits(rate, decimals, end),
                             "average_fits": None if start is None else rate_fits(rate, decimals, (start + end) / 2),
                             "smallest_group": smallest_group(rate, decimals)})
    return pd.DataFrame(rows, columns=["year", "metric", "dimension", "category", "rate", "decimals", "headcount",
                                       "people", "year_end_fits", "average_fits", "smallest_group"])


def whole_numbers(ds: Dataset) -> Finding:
    frame = whole_number_frame(ds)
    if frame.empty:
        return Finding("inf.whole_numbers", "no_inputs", _years(ds))
    bad = frame[~frame["year_end_fits"]]
    items = [narrative.write(Finding("inf.whole_item", "average_fits" if r.average_fits else "no_base", {
        "rate": Q(r.rate, r.decimals, "%"), "headcount": Q(r.headcount, 0), "people": Q(r.people, 1),
        "group": name(ds.label(r.dimension, r.category), ds.label(r.dimension, r.category, "zh"), "lower"),
        "year": str(r.year),
        "smallest": Q(r.smallest_group, 0)})) for r in bad.itertuples()]
    facts = {**_years(ds), "tested": str(len(frame)), "failed": str(len(bad)), "items": items}
    return Finding("inf.whole_numbers", "some_fail" if len(bad) else "all_fit", facts)


# -- operations: figures tested against each other --------------------------------------------------
def smb_users(ds: Dataset) -> Finding:
    """Identified small-business users two ways: from the extra users and their growth, and from the
    users tagged by industry and the coverage rate."""
    new, growth = _v(ds, "smb_users_newly_identified_10k"), _v(ds, "smb_identified_users_increase_pct")
    tagged, coverage = _v(ds, "smb_users_industry_tagged_10k"), _v(ds, "smb_industry_coverage_pct")
    by_growth = None if _missing(new, growth) or not growth else new / (growth / 100) + new
    by_coverage = None if _missing(tagged, coverage) or not coverage else tagged / (coverage / 100)
    facts = {**_years(ds)}
    if by_growth is not None:
        facts |= {"new": Q(new, 0, "10k count"), "growth": Q(growth, 0, "%"), "by_growth": Q(round(by_growth, -1), 0, "10k count")}
    if by_coverage is not None:
        facts |= {"tagged": Q(tagged, 0, "10k count", (_row(ds, "smb_users_industry_tagged_10k")["qualifier"] or "")),
                  "coverage": Q(coverage, 1, "%"), "by_coverage": Q(round(by_coverage, -1), 0, "10k count")}
    if by_growth is None and by_coverage is None:
        return Finding("inf.smb_users", "no_inputs", facts)
    if by_growth is None or by_coverage is None:
        return Finding("inf.smb_users", "growth_only" if by_coverage is None else "coverage_only", facts)
    gap = (by_coverage - by_growth) / by_growth * 100
    facts["gap"] = Q(abs(gap), 0, "%")
    return Finding("inf.smb_users", "agree" if abs(gap) <= AGREE_PCT else "coverage_higher" if gap > 0
                   else "growth_higher", facts)


def cumulative_check(ds: Dataset) -> Finding:
    """A single event's count against the cumulative count it is part of."""
    event, total = _v(ds, "stocking_festival_small_businesses_10k"), _v(ds, "small_business_users_served_10k")
    if _missing(event, total) or not total:
        return Finding("inf.cumulative", "no_inputs", _years(ds))
    row = _row(ds, "small_business_users_served_10k")
    facts = {**_years(ds), "event": Q(event, 0, "10k count"),
             "total": Q(total, 0, "10k count", row["qualifier"] or ""), "share": Q(event / total * 100, 0, "%")}
    return Finding("inf.cumulative", "exceeds" if event > total else "within", facts)


# -- environment: intensities, boundary, the Scope 2 gap --------------------------------------------
def electricity_benchmark(ds: Dataset) -> Finding:
    elec, heads = _v(ds, "electricity_mwh"), _v(ds, "employees")
    per_m2, area, days = (benchmark(ds, b) for b in ("office_electricity_kwh_per_m2", "office_area_per_employee_m2",
                                                     "working_days_per_year"))
    if _missing(elec, heads, per_m2, area, days) or not heads:
        return Finding("inf.electricity_benchmark", "no_inputs", _years(ds))
    per_head = elec * 1000 / heads                    # kWh per employee a year
    typical = per_m2 * area                            # kWh per office worker a year
    ratio = per_head / typical
    facts = {**_years(ds), "per_head": Q(per_head / 1000, 2, "MWh/employee"), "per_day": Q(per_head / days, 1, "kWh"),
             "days": Q(days, 0), "typical": Q(typical / 1000, 2, "MWh/employee"), "ratio": Q(ratio * 100, 0, "%"),
             "covered": Q(elec * 1000 / typical, 0), "heads": Q(heads, 0)}
    case = "below" if ratio < 1 - BENCHMARK_BAND else "above" if ratio > 1 + BENCHMARK_BAND else "ordinary"
    return Finding("inf.electricity_benchmark", case, facts)


def electricity_vs_headcount(ds: Dataset) -> Finding:
    cur, prior = Q(_v(ds, "electricity_mwh"), 1), Q(_v(ds, "electricity_mwh", ds.year - 1), 1)
    h, hp = Q(_v(ds, "employees"), 0), Q(_v(ds, "employees", ds.year - 1), 0)
    e_dir, h_dir = direction(cur, prior), direction(h, hp)
    if {e_dir, h_dir} & {"missing", "no_prior"}:
        return Finding("inf.electricity_heads", "no_inputs", _years(ds))
    per = change_of(Q(cur.value / h.value, 4), Q(prior.value / hp.value, 4)) if h.value and hp.value else None
    facts = {**_years(ds), "electricity": change_of(cur, prior), "heads": change_of(h, hp),
             "per_head": per or change_of(Q(None), Q(None))}
    if e_dir == "down" and h_dir == "up":
        case = "fell_as_staff_grew"
    elif e_dir == "up" and h_dir == "down":
        case = "rose_as_staff_shrank"
    else:
        case = "same_way" if e_dir == h_dir else "one_flat"
    return Finding("inf.electricity_heads", case, facts)


def scope2_gap(ds: Dataset) -> Finding:
    """The published Scope 2 at the official grid factor: the electricity it would take, against the
    electricity reported."""
    s2, elec, factor = _v(ds, "ghg_scope2_t"), _v(ds, "electricity_mwh"), kpis.factor(ds, ds.year, "grid")
    if _missing(s2, elec) or factor is None or not elec:
        return Finding("inf.scope2_gap", "no_inputs", _years(ds))
    needed = s2 / float(factor["value"])
    ratio = needed / elec
    facts = {**_years(ds), "scope2": Q(s2, 2, "tCO2e"), "factor": Q(float(factor["value"]), 4, "tCO2/MWh"),
             "needed": Q(needed, 0, "MWh"), "reported": Q(elec, 1, "MWh"), "ratio": Q(ratio, 2),
             "extra": Q(abs(needed - elec), 0, "MWh")}
    case = "equal" if round(ratio, 2) == 1 else "more" if ratio > 1 else "less"
    return Finding("inf.scope2_gap", case, facts)


# -- the register of checks ------------------------------------------------------------------------
CHECKS = {  # id: (function, chapter file, the check's name for the appendix table)
    "flows": (implied_flows, "07_people", "Hires and leavers implied by turnover and net growth"),
    "new_hires": (new_hire_leavers, "07_people", "New hires among the leavers"),
    "whole_numbers": (whole_numbers, "07_people", "Whole-number test of the group rates"),
    "smb_users": (smb_users, "05_operations", "Identified small-business users, two ways"),
    "cumulative": (cumulative_check, "05_operations", "One event against its cumulative total"),
    "electricity_benchmark": (electricity_benchmark, "08_environment", "Electricity per employee and per working day"),
    "electricity_heads": (electricity_vs_headcount, "08_environment", "Electricity against headcount"),
    "scope2_gap": (scope2_gap, "08_environment", "The Scope 2 gap as electricity"),
}


def assumption(check: str) -> Finding:
    return Finding("inf.assumption", check, {})


def run(ds: Dataset) -> dict[str, Finding]:
    # per language: a check's findings hold sentences already written (the whole-number items)
    return ds.cached(("inference", narrative.current()), lambda: {k: fn(ds) for k, (fn, _, _) in CHECKS.items()})


def said(ds: Dataset, *checks: str) -> list[str]:
    """Each check's sentence followed by its assumption; a check without inputs says nothing."""
    out = []
    for check in checks:
        f = run(ds)[check]
        if f.case != "no_inputs":
            out += [narrative.sentence(narrative.write(f)), narrative.sentence(narrative.write(assumption(check)))]
    return out


def table_frame(ds: Dataset) -> pd.DataFrame:
    rows = []
    for check, (_, chapter, title) in CHECKS.items():
        f = run(ds)[check]
        rows.append({"Check": title, "Chapter": f"{{doc}}`{chapter}`",
                     "Result": narrative.write(f), "Assumption": narrative.write(assumption(check))})
    return pd.DataFrame(rows)
