"""Inference checks: what the published figures imply when read together.

Each check is a function of the dataset returning a `Finding` whose case says what the figures
imply, or `no_inputs` when the year lacks a figure the check needs; its assumption is a finding of
its own (`assumption(check)`), so every sentence and the appendix table state it. The checks are
listed in `CHECKS` with the chapter that shows them.
"""
from __future__ import annotations

import math

import pandas as pd

from esgbook.analysis import kpis
from esgbook.analysis.assumptions import (
    AGREE_PCT as AGREE_PCT,  # registered; no check now tests two counts for agreement
)
from esgbook.analysis.assumptions import FLOAT_NOISE, ROUNDING_SHARE
from esgbook.analysis.findings import change_of, direction, name
from esgbook.book import formatting, narrative
from esgbook.book.narrative import Finding, Q
from esgbook.inputs.dataset import Dataset
from esgbook.inputs.errors import DataError

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


def _missing(*xs) -> bool:
    return any(x is None or (isinstance(x, float) and math.isnan(x)) for x in xs)


def _years(ds: Dataset) -> dict:
    return {"year": str(ds.year), "prior_year": str(ds.year - 1)}


# -- people: flows and whole numbers ----------------------------------------------------------------
FLOW_BASES = ("start", "average", "year_end")  # the headcounts a turnover rate may be taken on


def _to_ten(x: float) -> float:
    """A count inferred from a rounded rate, to the nearest ten: the rate's rounding allows no finer."""
    return float(round(x, -1))


def flows(ds: Dataset) -> dict | None:
    """Leavers and hires implied by the turnover rate and the net change, on each headcount base the rate
    may use (start of year, average, year end), with the rate read as the range its printed decimals allow
    (20% is 19.5% to 20.5%)."""
    rate, end, start = _v(ds, "turnover_rate_pct"), _v(ds, "employees"), _v(ds, "employees", ds.year - 1)
    if _missing(rate, end, start):
        return None
    decimals = formatting.decimals_of(rate)
    half = ROUNDING_SHARE * 10 ** -decimals
    low, high = max(rate - half, 0.0), rate + half
    bases = {"start": start, "average": (start + end) / 2, "year_end": end}
    leavers = {k: (low / 100 * b, high / 100 * b) for k, b in bases.items()}
    hires = {k: (end - start + lo, end - start + hi) for k, (lo, hi) in leavers.items()}
    return {"rate": rate, "decimals": decimals, "rate_low": low, "rate_high": high, "end": end, "start": start,
            "net": end - start, "bases": bases, "leavers": leavers, "hires": hires}


def implied_flows(ds: Dataset) -> Finding:
    f = flows(ds)
    if f is None:
        # 'no_inputs' as every check says it (nothing is printed); the sentence names what is missing
        only_prior = not _missing(_v(ds, "turnover_rate_pct"), _v(ds, "employees"))  # 1: only the prior headcount
        return Finding("inf.flows", "no_inputs", {**_years(ds), "only_prior": Q(1 if only_prior else 0)})
    low = min(lo for lo, _ in f["hires"].values())
    high = max(hi for _, hi in f["hires"].values())
    d = f["decimals"]
    facts = {**_years(ds), "rate": Q(f["rate"], d, "%"), "rate_low": Q(f["rate_low"], d + 1, "%"),
             "rate_high": Q(f["rate_high"], d + 1, "%"), "end": Q(f["end"], 0), "start": Q(f["start"], 0),
             "average": Q(f["bases"]["average"], 0), "net": Q(abs(f["net"]), 0),
             "hires_low": Q(_to_ten(low), 0), "hires_high": Q(_to_ten(high), 0),
             "joined_low": Q(low / f["end"] * 100, 0, "%"), "joined_high": Q(high / f["end"] * 100, 0, "%")}
    for base in FLOW_BASES:
        lo, hi = f["leavers"][base]
        facts[f"leavers_{base}_low"], facts[f"leavers_{base}_high"] = Q(_to_ten(lo), 0), Q(_to_ten(hi), 0)
    if low < 0:
        return Finding("inf.flows", "negative_hires", facts)
    return Finding("inf.flows", "grew" if f["net"] > 0 else "shrank" if f["net"] < 0 else "flat", facts)


def new_hire_leavers(ds: Dataset) -> Finding:
    """The new-hire retention rate is not applied to the implied hires: the report does not say which cohort
    it measures or over what period, so it cannot say how many of the year's hires left (the book states this
    once, and never uses the rate as a share of hires leaving)."""
    f, retention = flows(ds), _v(ds, "new_hire_retention_pct")
    if f is None or retention is None:
        return Finding("inf.new_hires", "no_inputs", _years(ds))
    return Finding("inf.new_hires", "undefined", {**_years(ds), "retention": Q(retention, 0, "%")})


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
                decimals = formatting.decimals_of(float(row["value"]))
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
def _bounds(value: float) -> tuple[float, float]:
    """The range a figure printed with its decimals stands for (25 -> 24.5 to 25.5)."""
    half = ROUNDING_SHARE * 10 ** -formatting.decimals_of(value)
    return value - half, value + half


def smb_users(ds: Dataset) -> Finding:
    """Identified small-business users two ways: from the extra users and their growth, and from the
    users tagged by industry and the coverage rate. The two bases need not be the same users (identified
    users against users covered by industry information), so they are shown side by side, not tested."""
    new, growth = _v(ds, "smb_users_newly_identified_10k"), _v(ds, "smb_identified_users_increase_pct")
    tagged, coverage = _v(ds, "smb_users_industry_tagged_10k"), _v(ds, "smb_industry_coverage_pct")
    facts = {**_years(ds)}
    if not _missing(new, growth) and growth:
        g_low, g_high = _bounds(growth)
        facts |= {"new": Q(new, 0, "10k count"), "growth": Q(growth, formatting.decimals_of(growth), "%"),
                  # the printed growth's rounding gives a range: 25% is 24.5% to 25.5%
                  "by_growth_low": Q(_to_ten(new / (g_high / 100) + new), 0, "10k count"),
                  "by_growth_high": Q(_to_ten(new / (g_low / 100) + new), 0, "10k count")}
    if not _missing(tagged, coverage) and coverage:
        qualifier = _row(ds, "smb_users_industry_tagged_10k")["qualifier"] or ""
        # 'more than 24.5 million' tagged users make the implied total a floor too
        facts |= {"tagged": Q(tagged, 0, "10k count", qualifier), "coverage": Q(coverage, 1, "%"),
                  "by_coverage": Q(_to_ten(tagged / (_bounds(coverage)[1] / 100)), 0, "10k count", qualifier)}
    has_growth, has_coverage = "new" in facts, "tagged" in facts
    if not has_growth and not has_coverage:
        return Finding("inf.smb_users", "no_inputs", facts)
    if not (has_growth and has_coverage):
        return Finding("inf.smb_users", "growth_only" if has_growth else "coverage_only", facts)
    return Finding("inf.smb_users", "side_by_side", facts)


def cumulative_check(ds: Dataset) -> Finding:
    """A single event's count against the cumulative count it is part of; a 'more than' total makes the
    share an upper bound."""
    event, total = _v(ds, "stocking_festival_small_businesses_10k"), _v(ds, "small_business_users_served_10k")
    if _missing(event, total) or not total:
        return Finding("inf.cumulative", "no_inputs", _years(ds))
    qualifier = _row(ds, "small_business_users_served_10k")["qualifier"] or ""
    facts = {**_years(ds), "event": Q(event, 0, "10k count"),
             "total": Q(total, 0, "10k count", qualifier), "share": Q(event / total * 100, 0, "%")}
    if event > total:
        return Finding("inf.cumulative", "exceeds", facts)
    return Finding("inf.cumulative", "at_most" if qualifier in ("more than", "at least") else "within", facts)


# -- environment: intensities, boundary, the Scope 2 gap --------------------------------------------
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
    "new_hires": (new_hire_leavers, "07_people", "The new-hire retention rate and the implied hires"),
    "whole_numbers": (whole_numbers, "07_people", "Whole-number test of the group rates"),
    "smb_users": (smb_users, "05_operations", "Small-business users, two counts side by side"),
    "cumulative": (cumulative_check, "05_operations", "One event against its cumulative total"),
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
