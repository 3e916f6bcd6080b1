"""The KPI engine: every figure the book reports, recomputed from raw data.

A KPI is a small function of (dataset, year) that returns a number, or None when the year
lacks an input (the prior year of the earliest edition, say). Nothing here rounds: values
are rounded only for display, with the KPI's `decimals`.

What a KPI is called, its unit, HKEX code, display decimals and definition are data; this module
keeps only the formulas (`FORMULAS`, id -> function) and the shares within a breakdown (`SHARES`,
id -> counted metric). Both must name the same ids. A figure has one name: a KPI that is also a
metric (`employees`, `water_t`, the published intensities) takes its name, unit and HKEX code from
`data/metrics.csv` and leaves them empty in `data/kpis.csv`, which names only the KPIs no metric
holds (implied factors, recomputations, board ratios).

Denominators: per-employee intensities divide by the year-end headcount (`employees`,
total), as the report does.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from esgbook.book.narrative.bilingual import Bilingual
from esgbook.inputs.errors import DataError, where
from esgbook.inputs.intake import files
from esgbook.paths import data_dir

if TYPE_CHECKING:  # annotations only: the KPIs compute from any Dataset-like object
    from esgbook.inputs.dataset import Dataset

NO_PRIOR_YEAR = "no prior year"
METADATA = "kpis.csv"
METRICS = "metrics.csv"
NAMED = ("name_en", "name_zh", "unit", "hkex")  # given once: by metrics.csv for a metric, else by kpis.csv


@dataclass(frozen=True)
class Kpi:
    id: str
    name_en: str
    name_zh: str
    unit: str
    hkex: str
    decimals: int
    definition_en: str
    definition_zh: str
    compute: Callable[[Dataset, int], float | None]

    @property
    def name(self) -> Bilingual:
        """The figure's one name, English with its Chinese attached."""
        return Bilingual(self.name_en, self.name_zh)


def div(a, b, scale: float = 1.0):
    """a / b x scale, or None when an input is missing or b is zero."""
    return None if a is None or b is None or b == 0 else a / b * scale


def _add(*xs):
    return None if any(x is None for x in xs) else float(sum(xs))


def _times(a, b):
    return None if a is None or b is None else a * b


def _decrease(ds: Dataset, metric: str, year: int):
    cur, prior = ds.value(metric, year), ds.value(metric, year - 1)
    return None if cur is None or prior is None else prior - cur


def _decrease_pct(metric: str):
    return lambda ds, y: div(_decrease(ds, metric, y), ds.value(metric, y - 1), 100)


def _value(metric):
    return lambda ds, y: ds.value(metric, y)


def _ratio(numerator: Callable, denominator: Callable, scale: float = 1.0):
    return lambda ds, y: div(numerator(ds, y), denominator(ds, y), scale)


def _per_employee(numerator: Callable):
    return _ratio(numerator, _value("employees"))


def _energy(ds, y):
    return _add(ds.value("electricity_mwh", y), ds.value("gasoline_mwh", y))


def _ghg(ds, y):
    return _add(ds.value("ghg_scope1_t", y), ds.value("ghg_scope2_t", y))


def _waste(ds, y):
    return _add(ds.value("hazardous_waste_t", y), ds.value("non_hazardous_waste_t", y))


def factor(ds: Dataset, year: int, scope: str) -> dict | None:
    """The official emission factor used for the sensitivity in `year` (grid or fuel), as a row."""
    ef = ds.table("emission_factors")
    hit = ef[(ef["applies_to_year"] == year) & (ef["scope"] == scope) & (ef["used_for_sensitivity"])]
    if scope == "fuel":
        hit = hit[hit["unit"] == "tCO2/MWh"]
    return hit.iloc[0].to_dict() if len(hit) else None


def _factor_value(scope):
    def compute(ds, y):
        row = factor(ds, y, scope)
        return None if row is None else float(row["value"])
    return compute


def _recomputed_with(activity: str, scope: str):
    """Emissions recomputed as activity x the official factor for `scope`."""
    return lambda ds, y: _times(ds.value(activity, y), _factor_value(scope)(ds, y))


def _suppliers(ds, y):
    regions = ds.rows("suppliers", y)
    return float(regions["value"].sum()) if len(regions) else None


def _domestic_suppliers(ds, y):
    # The data list suppliers only by region of China: all of them are domestic (see data/kpis.csv).
    return _suppliers(ds, y)


def _board(condition: Callable[[pd.DataFrame], pd.Series] | None = None):
    def compute(ds, y):
        board = ds.table("board")
        board = board[board["year"] == y]
        if board.empty:
            return None
        return float(len(board) if condition is None else int(condition(board).sum()))
    return compute


def weighted(metric: str, dimension: str):
    """Headcount-weighted mean of a per-group rate: what the groups imply for the whole."""
    def compute(ds, y):
        rates = ds.breakdown(metric, dimension, y)
        heads = ds.breakdown("employees", dimension, y).reindex(rates.index)
        if rates.empty or heads.isna().any() or heads.sum() == 0:
            return None
        return float((rates * heads).sum() / heads.sum())
    return compute


FORMULAS: dict[str, Callable[[Dataset, int], float | None]] = {
    "employees": _value("employees"),
    "female_share_pct": lambda ds, y: div(ds.value("employees", y, "gender", "female"), ds.value("employees", y), 100),
    "turnover_rate_pct": _value("turnover_rate_pct"),
    "lost_days": _value("lost_days"),
    "lost_days_per_employee": _per_employee(_value("lost_days")),
    "training_coverage_by_gender_pct": weighted("trained_share_pct", "gender"),
    "training_coverage_by_rank_pct": weighted("trained_share_pct", "rank"),
    "training_hours_by_gender": weighted("training_hours_avg", "gender"),
    "training_hours_by_rank": weighted("training_hours_avg", "rank"),
    "electricity_mwh": _value("electricity_mwh"),
    "gasoline_mwh": _value("gasoline_mwh"),
    "energy_mwh": _energy,
    "energy_per_employee_mwh": _per_employee(_energy),
    "electricity_per_employee_mwh": _per_employee(_value("electricity_mwh")),
    "electricity_decrease_pct": _decrease_pct("electricity_mwh"),
    "water_t": _value("water_t"),
    "water_per_employee_t": _per_employee(_value("water_t")),
    "water_decrease_t": lambda ds, y: _decrease(ds, "water_t", y),
    "water_decrease_pct": _decrease_pct("water_t"),
    "ghg_scope1_t": _value("ghg_scope1_t"),
    "ghg_scope2_t": _value("ghg_scope2_t"),
    "ghg_total_t": _ghg,
    "ghg_per_employee_t": _per_employee(_ghg),
    "scope1_implied_factor": _ratio(_value("ghg_scope1_t"), _value("gasoline_mwh")),
    "scope2_implied_factor": _ratio(_value("ghg_scope2_t"), _value("electricity_mwh")),
    "grid_factor_official": _factor_value("grid"),
    "ghg_scope2_official_t": _recomputed_with("electricity_mwh", "grid"),
    "gasoline_factor_ipcc": _factor_value("fuel"),
    "ghg_scope1_ipcc_t": _recomputed_with("gasoline_mwh", "fuel"),
    "hazardous_waste_t": _value("hazardous_waste_t"),
    "non_hazardous_waste_t": _value("non_hazardous_waste_t"),
    "waste_total_t": _waste,
    "waste_per_employee_t": _per_employee(_waste),
    "hazardous_waste_per_employee_t": _per_employee(_value("hazardous_waste_t")),
    "non_hazardous_waste_per_employee_t": _per_employee(_value("non_hazardous_waste_t")),
    "suppliers_total": _suppliers,
    "domestic_supplier_share_pct": _ratio(_domestic_suppliers, _suppliers, 100),
    "corruption_cases": _value("corruption_cases"),
    "directors": _board(),
    "independent_directors": _board(lambda b: b["independent"]),
    "female_directors": _board(lambda b: b["gender"] == "female"),
    "independent_director_share_pct": _ratio(_board(lambda b: b["independent"]), _board(), 100),
}

# Shares within a breakdown (one KPI row per category), for every breakdown the report publishes a share of.
SHARES: dict[str, str] = {"employee_share_pct": "employees", "supplier_share_pct": "suppliers"}


def _rows(name: str) -> list[dict]:
    # Decoded as validation decodes it (a byte-order mark, CRLF, the empty rows a spreadsheet leaves at the end).
    text = files.read_text(data_dir() / name, f"data/{name}")
    return [r for r in csv.DictReader(io.StringIO(text)) if any((v or "").strip() for v in r.values())]


def _read_metadata() -> list[dict]:
    rows = _rows(METADATA)
    metrics = {r.get("id"): r for r in _rows(METRICS)}
    known = FORMULAS.keys() | SHARES.keys()
    for n, row in enumerate(rows, start=2):
        if row["id"] not in known:
            raise DataError(f"{where(f'data/{METADATA}', n, 'id')}: expected a KPI id with a formula in "
                            f"esgbook/analysis/kpis.py, got \"{row['id']}\"", file=f"data/{METADATA}", row=n, column="id")
        metric = metrics.get(row["id"])
        for column in NAMED:
            given = (row.get(column) or "").strip()
            if metric is not None and given:
                raise DataError(f"{where(f'data/{METADATA}', n, column)}: expected it empty, as \"{row['id']}\" "
                                f"is a metric named in data/{METRICS} (one name per figure), got \"{given}\"",
                                file=f"data/{METADATA}", row=n, column=column)
            if metric is None and not given and column != "hkex":
                raise DataError(f"{where(f'data/{METADATA}', n, column)}: expected a value, as \"{row['id']}\" "
                                f"is no metric of data/{METRICS}", file=f"data/{METADATA}", row=n, column=column)
            if metric is not None:
                row[column] = metric.get(column) or ""
    missing = known - {r["id"] for r in rows}
    if missing:
        raise DataError(f"data/{METADATA}: expected a row for every KPI, missing {', '.join(sorted(missing))}",
                        file=f"data/{METADATA}")
    return rows


def _kpi(row: dict, compute) -> Kpi:
    return Kpi(row["id"], row["name_en"], row["name_zh"], row["unit"], row["hkex"], int(row["decimals"]),
               row["definition_en"], row["definition_zh"], compute)


_META = _read_metadata()
KPIS: list[Kpi] = [_kpi(r, FORMULAS[r["id"]]) for r in _META if r["id"] in FORMULAS]
SHARE_KPIS: dict[str, Kpi] = {r["id"]: _kpi(r, None) for r in _META if r["id"] in SHARES}
BY_ID = {k.id: k for k in KPIS}

REQUIRED_IDS = ["employees", "electricity_mwh", "gasoline_mwh", "energy_mwh", "energy_per_employee_mwh",
                "water_t", "water_per_employee_t", "ghg_scope1_t", "ghg_scope2_t", "ghg_total_t",
                "ghg_per_employee_t", "hazardous_waste_t", "non_hazardous_waste_t", "waste_total_t",
                "waste_per_employee_t", "female_share_pct", "turnover_rate_pct", "suppliers_total"]


def compute(ds: Dataset, kpi_id: str, year: int | None = None) -> float | None:
    return BY_ID[kpi_id].compute(ds, ds.year if year is None else year)


def share(ds: Dataset, metric: str, dimension: str, year: int) -> pd.Series:
    """Each category's share (%) of the breakdown's sum."""
    part = ds.breakdown(metric, dimension, year)
    total = part.sum()
    return part / total * 100 if total else part * float("nan")


def yoy(current: float | None, prior: float | None) -> tuple[float | None, str]:
    """Change on the prior year in %, and a note: the note says so when there is no prior year."""
    if prior is None:
        return None, NO_PRIOR_YEAR
    if current is None:
        return None, "no current value"
    if prior == 0:
        return None, "prior year was zero"
    return (current - prior) / prior * 100, ""


def _share_rows(ds: Dataset, year: int) -> list[dict]:
    rows = []
    for kpi_id, metric in SHARES.items():
        k = SHARE_KPIS[kpi_id]
        frame = ds.rows(metric, year)
        for dimension in [d for d in frame["dimension"].unique() if d != "total"]:
            cur = share(ds, metric, dimension, year)
            prior = share(ds, metric, dimension, year - 1)
            for category, value in cur.items():
                p = prior.get(category)
                p = None if p is None or pd.isna(p) else float(p)
                change, note = yoy(float(value), p)
                rows.append(dict(year=year, metric=kpi_id, dimension=dimension, category=category,
                                 name_en=f"{k.name_en}: {ds.label(dimension, category)}",
                                 name_zh=f"{k.name_zh}：{ds.label(dimension, category, 'zh')}",
                                 value=float(value), unit=k.unit, hkex=k.hkex, decimals=k.decimals,
                                 prior_value=p, change_pct=change, change_note=note))
    return rows


def kpi_table(ds: Dataset, year: int | None = None) -> pd.DataFrame:
    """The year's KPI table: one row per KPI (and per share of a breakdown), unrounded.

    Columns: year, metric, dimension, category, name_en, name_zh, value, unit, hkex, decimals,
    prior_value, change_pct, change_note. KPIs whose inputs the year lacks are left out.
    """
    year = ds.year if year is None else year
    rows = []
    for k in KPIS:
        value = k.compute(ds, year)
        if value is None:
            continue
        prior = k.compute(ds, year - 1)
        change, note = yoy(value, prior)
        rows.append(dict(year=year, metric=k.id, dimension="total", category="all", name_en=k.name_en,
                         name_zh=k.name_zh, value=float(value), unit=k.unit, hkex=k.hkex, decimals=k.decimals,
                         prior_value=prior, change_pct=change, change_note=note))
    rows += _share_rows(ds, year)
    return pd.DataFrame(rows)
