"""Chapter 6, past the rates: what the service rates would mean in contacts if measured per consultation,
and whether the year's data hold the complaint count that would give them a baseline.

A rate says nothing about complaints: a contact that did not end satisfied is not a complaint, so the
contacts below are never read as complaints. Counts worked out from a printed rate keep only the significant
digits of its complement (0.8% has one: about 600 a day, not 605)."""
from __future__ import annotations

from esgbook.analysis.assumptions import DAYS_PER_YEAR as DAYS
from esgbook.book import formatting
from esgbook.book.narrative import Finding, Q, paragraph, sentence, write
from esgbook.book.sections.operations import figure_q, value
from esgbook.inputs.dataset import Dataset

PREFIX = "cus"  # of every glue key, table and figure label (tests/test_section_contract.py)


def _digits(share: float, decimals: int) -> int:
    """The significant digits a complement printed with `decimals` carries (12.2 -> 3, 0.8 -> 1)."""
    text = f"{share:.{decimals}f}".replace(".", "").lstrip("0")
    return max(len(text), 1)


def _sig(x: float, digits: int) -> float:
    return round(x, formatting.significant(x, digits, least=-9))


def _per_year(ds: Dataset, rate_metric: str, complement: bool = True) -> Finding | None:
    rate, per_day = value(ds, rate_metric), value(ds, "consultations_per_day_10k")
    if rate is None or per_day is None:
        return None
    decimals = formatting.decimals_of(rate)
    share = (100 - rate) if complement else rate
    digits = _digits(share, decimals)
    daily = per_day * 1e4 * share / 100
    return Finding("cua.contacts", rate_metric, {
        "year": str(ds.year), "rate": figure_q(ds, rate_metric), "share": Q(share, decimals, "%"),
        "per_day": figure_q(ds, "consultations_per_day_10k", bare=True), "daily": Q(_sig(daily, digits), 0),
        "yearly": Q(_sig(daily * DAYS, digits) / 1e4, 0, "10k count"), "days": str(DAYS)})


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
    # A year with no service figure says so once, in the service section's note: nothing here.
    said = [f for f in findings(ds) if f.case != "nothing"]
    return {"cus_baseline_text": paragraph(*(sentence(write(f)) for f in said))}
