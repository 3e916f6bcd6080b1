"""Plausibility warnings: figures that are valid but look wrong, for a person to confirm.

Three checks, each naming the row and what it was compared with:
- a value that moves by more than a factor of 3 on the prior year (same metric and breakdown);
- a published share that disagrees with the counts it is a share of (kpis.SHARES);
- a value far (a factor of 3) outside the range its metric and breakdown take in the other years
  held, when at least two other years are held (with one, the prior-year check says it).
They never stop a build: `make validate` prints them and the reconciliation can list them.
"""
from __future__ import annotations

from dataclasses import dataclass

# FACTOR: how far a figure may move; SHARE_TOLERANCE_PP: a share against its counts (esgbook.analysis.assumptions).
from esgbook.analysis.assumptions import PLAUSIBLE_FACTOR as FACTOR
from esgbook.analysis.assumptions import SHARE_TOLERANCE_PP
from esgbook.inputs.errors import where


@dataclass(frozen=True)
class Implausible:
    """One warning: the row it is about, and what that row was compared with."""
    check: str          # "prior-year", "share", "range"
    file: str
    row: int
    year: int
    metric: str
    dimension: str
    category: str
    value: float
    compared_with: str  # e.g. "the 2022 value 9 (row 8)"
    message: str        # the one line `make validate` prints
    against: tuple = ()  # the rows (of the same file) it was compared with
    # what it was compared with, as figures for a page to word in its language: {"year": 2022, "value": 9, ...}
    compared: tuple = ()

    def __str__(self) -> str:
        return self.message


def _num(v: float) -> str:
    return f"{v:,.4g}" if abs(v) < 1e4 else f"{v:,.0f}"


def _amount(r) -> str:
    return _num(r.value) + ("" if r.unit == "count" else f" {r.unit}")


def _name(r) -> str:
    part = "" if r.dimension == "total" else f" ({r.dimension} {r.category})"
    return f"{r.metric}{part} {r.year}"


def _warn(check, r, compared_with, text, against, **compared) -> Implausible:
    return Implausible(check, r.file, int(r.row), int(r.year), r.metric, r.dimension, r.category,
                       float(r.value), compared_with, f'{where(r.file, int(r.row), "value")}: {text}',
                       tuple(int(a.row) for a in against), tuple(compared.items()))


def prior_year_moves(series: dict) -> list[Implausible]:
    out = []
    for rows in series.values():
        for year, r in sorted(rows.items()):
            p = rows.get(year - 1)
            if p is None or not (p.value > 0 and r.value > 0):
                continue
            ratio = r.value / p.value
            if ratio > FACTOR or ratio < 1 / FACTOR:
                compared = f"the {year - 1} value {_num(p.value)} (row {p.row})"
                out.append(_warn("prior-year", r, compared,
                                 f"{_name(r)} is {_amount(r)}, {ratio:.2g} times {compared}: "
                                 "check the figure and its unit", [p], year=year - 1, value=_num(p.value), row=p.row))
    return out


def range_outliers(series: dict) -> list[Implausible]:
    out = []
    for rows in series.values():
        for year, r in sorted(rows.items()):
            others = [o for y, o in rows.items() if y != year]
            if len(others) < 2 or r.value <= 0:
                continue
            lo, hi = min(o.value for o in others), max(o.value for o in others)
            if (hi > 0 and r.value > FACTOR * hi) or (lo > 0 and r.value < lo / FACTOR):
                years = ", ".join(str(y) for y in sorted(rows) if y != year)
                compared = f"the range {_num(lo)} to {_num(hi)} of {years}"
                out.append(_warn("range", r, compared, f"{_name(r)} is {_amount(r)}, far outside "
                                                       f"{compared}: check the figure and its unit", others,
                                 low=_num(lo), high=_num(hi), years=years))
    return out


def share_disagreements(obs: list, shares: dict[str, str]) -> list[Implausible]:
    """`shares` maps a share metric to the count metric it is a share of (within a breakdown)."""
    counts: dict[tuple, dict] = {}
    for r in obs:
        if r.metric in shares.values() and r.dimension != "total":
            counts.setdefault((r.metric, int(r.year), r.dimension), {})[r.category] = r
    out = []
    for r in obs:
        part = counts.get((shares.get(r.metric), int(r.year), r.dimension))
        if not part or r.category not in part:
            continue
        total = sum(c.value for c in part.values())
        if not total:
            continue
        computed = part[r.category].value / total * 100
        if abs(computed - r.value) > SHARE_TOLERANCE_PP:
            c = part[r.category]
            compared = (f"{_num(c.value)} of {_num(total)} {c.metric} by {r.dimension} = {computed:.1f}% "
                        f"({c.file}, row {c.row})")
            out.append(_warn("share", r, compared, f"{_name(r)} is {_num(r.value)}%, but the counts give "
                                                   f"{compared}", part.values(), count=_num(c.value), total=_num(total),
                             metric=c.metric, share=f"{computed:.1f}", file=c.file, row=c.row))
    return out


def check(obs: list, shares: dict[str, str]) -> list[Implausible]:
    """Every warning for observation rows (records with file, row, year, metric, ..., value, unit)."""
    series: dict[tuple, dict] = {}
    for r in obs:
        series.setdefault((r.metric, r.dimension, r.category), {})[int(r.year)] = r
    moves = prior_year_moves(series)
    # A jump between two years is said once: not again as the earlier year being out of range.
    jumped = {(w.file, row) for w in moves for row in (w.row, *w.against)}
    found = moves + [w for w in range_outliers(series) if (w.file, w.row) not in jumped]
    found += share_disagreements(obs, shares)
    return sorted(found, key=lambda w: (w.file, w.row, w.check))
