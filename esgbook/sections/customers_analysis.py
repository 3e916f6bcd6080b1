"""Chapter 6, past the rates: what the service rates imply in contacts a year, the baseline a complaint
count would give them, and whether the year's data hold one."""
from __future__ import annotations

from ..assumptions import DAYS_PER_YEAR as DAYS
from ..data import Dataset
from ..narrative import Finding, Q, paragraph, sentence, write
from .operations import figure_q, value

PREFIX = "cus"  # of every glue key, table and figure label (tests/test_section_contract.py)


def _per_year(ds: Dataset, rate_metric: str, complement: bool = True) -> Finding | None:
    rate, per_day = value(ds, rate_metric), value(ds, "consultations_per_day_10k")
    if rate is None or per_day is None:
        return None
    share = (100 - rate) if complement else rate
    daily = per_day * 1e4 * share / 100
    return Finding("cua.contacts", rate_metric, {
        "year": str(ds.year), "rate": figure_q(ds, rate_metric), "share": Q(share, 1, "%"),
        "per_day": figure_q(ds, "consultations_per_day_10k", bare=True), "daily": Q(round(daily, -1), 0),
        "yearly": Q(round(daily * DAYS, -4) / 1e4, 0, "10k count"), "days": str(DAYS)})


def baseline(ds: Dataset) -> Finding:
    complaints = value(ds, "customer_complaints")
    if complaints is not None:
        return Finding("cua.baseline", "counted", {"year": str(ds.year), "complaints": Q(complaints, 0)})
    if value(ds, "customer_satisfaction_pct") is None:
        return Finding("cua.baseline", "nothing", {"year": str(ds.year)})
    return Finding("cua.baseline", "no_count", {"year": str(ds.year)})


def findings(ds: Dataset) -> list[Finding]:
    return [f for f in (_per_year(ds, "first_contact_resolution_pct"), _per_year(ds, "customer_satisfaction_pct"),
                        baseline(ds)) if f is not None]


def numbers(ds: Dataset) -> dict[str, str]:
    return {"cus_baseline_text": paragraph(*(sentence(write(f)) for f in findings(ds)))}
