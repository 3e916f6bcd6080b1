"""The KPI engine: every figure the book reports, recomputed from raw data.

A KPI is a small function of (dataset, year) that returns a number, or None when the year
lacks an input (the prior year of the earliest edition, say). Nothing here rounds: values
are rounded only for display (`esgbook.present`).

Denominators: per-employee intensities divide by the year-end headcount (`employees`,
total), as the report does.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd

from .data import Dataset

NO_PRIOR_YEAR = "no prior year"


@dataclass(frozen=True)
class Kpi:
    id: str
    name_en: str
    name_zh: str
    unit: str
    hkex: str
    compute: Callable[[Dataset, int], "float | None"]
    decimals: int = 2


def div(a, b, scale: float = 1.0):
    """a / b x scale, or None when an input is missing or b is zero."""
    return None if a is None or b is None or b == 0 else a / b * scale


def _add(*xs):
    return None if any(x is None for x in xs) else float(sum(xs))


def _decrease_pct(ds: Dataset, metric: str, year: int):
    cur, prior = ds.value(metric, year), ds.value(metric, year - 1)
    return div(None if cur is None or prior is None else prior - cur, prior, 100)


def _value(metric):
    return lambda ds, y: ds.value(metric, y)


def _per_employee(numerator: Callable):
    return lambda ds, y: div(numerator(ds, y), ds.value("employees", y))


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


def _suppliers(ds, y):
    regions = ds.rows("suppliers", y)
    return float(regions["value"].sum()) if len(regions) else None


def _board(ds, y, condition: Callable[[pd.DataFrame], pd.Series] | None = None):
    board = ds.table("board")
    board = board[board["year"] == y]
    if board.empty:
        return None
    return float(len(board) if condition is None else int(condition(board).sum()))


def _weighted(metric: str, dimension: str):
    """Headcount-weighted mean of a per-group rate: what the groups imply for the whole."""
    def compute(ds, y):
        rates = ds.breakdown(metric, dimension, y)
        heads = ds.breakdown("employees", dimension, y).reindex(rates.index)
        if rates.empty or heads.isna().any() or heads.sum() == 0:
            return None
        return float((rates * heads).sum() / heads.sum())
    return compute


KPIS: list[Kpi] = [
    Kpi("employees", "Employees at year end", "僱員總數", "employees", "B1.1", _value("employees"), 0),
    Kpi("female_share_pct", "Female share of employees", "女性員工占比", "%", "B1.1",
        lambda ds, y: div(ds.value("employees", y, "gender", "female"), ds.value("employees", y), 100), 1),
    Kpi("turnover_rate_pct", "Employee turnover rate", "僱員流失比例", "%", "B1.2", _value("turnover_rate_pct"), 0),
    Kpi("lost_days", "Days lost to work injury", "工傷損失工作日數", "days", "B2.2", _value("lost_days"), 0),
    Kpi("lost_days_per_employee", "Days lost to work injury per employee", "人均因工傷損失工作日數",
        "days/employee", "B2.2", _per_employee(_value("lost_days")), 2),
    Kpi("training_coverage_by_gender_pct", "Share trained, implied by the gender breakdown",
        "受訓僱員百分比（按性別推算）", "%", "B3.1", _weighted("trained_share_pct", "gender"), 1),
    Kpi("training_coverage_by_rank_pct", "Share trained, implied by the rank breakdown",
        "受訓僱員百分比（按僱員類型推算）", "%", "B3.1", _weighted("trained_share_pct", "rank"), 1),
    Kpi("training_hours_by_gender", "Average training hours, implied by the gender breakdown",
        "平均受訓時數（按性別推算）", "hours/employee", "B3.2", _weighted("training_hours_avg", "gender"), 2),
    Kpi("training_hours_by_rank", "Average training hours, implied by the rank breakdown",
        "平均受訓時數（按僱員類型推算）", "hours/employee", "B3.2", _weighted("training_hours_avg", "rank"), 2),
    Kpi("electricity_mwh", "Electricity", "用電總量", "MWh", "A2.1", _value("electricity_mwh"), 1),
    Kpi("gasoline_mwh", "Gasoline", "汽油", "MWh", "A2.1", _value("gasoline_mwh"), 2),
    Kpi("energy_mwh", "Total energy", "能源消耗總量", "MWh", "A2.1", _energy, 2),
    Kpi("energy_per_employee_mwh", "Energy per employee", "每位僱員能源消耗總量", "MWh/employee", "A2.1",
        _per_employee(_energy), 2),
    Kpi("electricity_per_employee_mwh", "Electricity per employee", "用電密度", "MWh/employee", "A2.1",
        _per_employee(_value("electricity_mwh")), 2),
    Kpi("electricity_decrease_pct", "Fall in electricity use on the prior year", "用電總量較上年減少",
        "%", "A2.1", lambda ds, y: _decrease_pct(ds, "electricity_mwh", y), 1),
    Kpi("water_t", "Water", "用水總量", "t", "A2.2", _value("water_t"), 0),
    Kpi("water_per_employee_t", "Water per employee", "每位僱員用水總量", "t/employee", "A2.2",
        _per_employee(_value("water_t")), 2),
    Kpi("water_decrease_t", "Fall in water use on the prior year", "用水總量較上年減少", "t", "A2.2",
        lambda ds, y: None if ds.value("water_t", y - 1) is None or ds.value("water_t", y) is None
        else ds.value("water_t", y - 1) - ds.value("water_t", y), 0),
    Kpi("water_decrease_pct", "Fall in water use on the prior year", "用水總量較上年減少", "%", "A2.2",
        lambda ds, y: _decrease_pct(ds, "water_t", y), 1),
    Kpi("ghg_scope1_t", "Scope 1 GHG emissions", "直接溫室氣體（範圍1）", "tCO2e", "A1.2", _value("ghg_scope1_t"), 2),
    Kpi("ghg_scope2_t", "Scope 2 GHG emissions", "間接溫室氣體（範圍2）", "tCO2e", "A1.2", _value("ghg_scope2_t"), 2),
    Kpi("ghg_total_t", "GHG emissions, scope 1 and 2", "溫室氣體排放總量", "tCO2e", "A1.2", _ghg, 2),
    Kpi("ghg_per_employee_t", "GHG emissions per employee", "每名員工溫室氣體排放總量", "tCO2e/employee",
        "A1.2", _per_employee(_ghg), 4),
    Kpi("scope1_implied_factor", "Scope 1 per MWh of gasoline (implied factor)", "範圍1隱含排放因子",
        "tCO2/MWh", "A1.2", lambda ds, y: div(ds.value("ghg_scope1_t", y), ds.value("gasoline_mwh", y)), 4),
    Kpi("scope2_implied_factor", "Scope 2 per MWh of electricity (implied grid factor)", "範圍2隱含電網排放因子",
        "tCO2/MWh", "A1.2", lambda ds, y: div(ds.value("ghg_scope2_t", y), ds.value("electricity_mwh", y)), 4),
    Kpi("grid_factor_official", "Official national grid factor for the year", "官方全國電網排放因子",
        "tCO2/MWh", "A1.2", _factor_value("grid"), 4),
    Kpi("ghg_scope2_official_t", "Scope 2 recomputed with the official grid factor", "以官方因子重算的範圍2",
        "tCO2e", "A1.2", lambda ds, y: None if _factor_value("grid")(ds, y) is None or ds.value("electricity_mwh", y) is None
        else ds.value("electricity_mwh", y) * _factor_value("grid")(ds, y), 2),
    Kpi("gasoline_factor_ipcc", "IPCC default factor for motor gasoline", "IPCC車用汽油缺省排放因子",
        "tCO2/MWh", "A1.2", _factor_value("fuel"), 4),
    Kpi("ghg_scope1_ipcc_t", "Scope 1 recomputed with the IPCC gasoline factor", "以IPCC因子重算的範圍1",
        "tCO2e", "A1.2", lambda ds, y: None if _factor_value("fuel")(ds, y) is None or ds.value("gasoline_mwh", y) is None
        else ds.value("gasoline_mwh", y) * _factor_value("fuel")(ds, y), 2),
    Kpi("hazardous_waste_t", "Hazardous waste", "有害廢棄物", "t", "A1.3", _value("hazardous_waste_t"), 2),
    Kpi("non_hazardous_waste_t", "Non-hazardous waste", "無害廢棄物", "t", "A1.4", _value("non_hazardous_waste_t"), 2),
    Kpi("waste_total_t", "Total waste", "廢棄物排放總量", "t", "A1.3", _waste, 2),
    Kpi("waste_per_employee_t", "Waste per employee", "廢棄物排放密度", "t/employee", "A1.3", _per_employee(_waste), 2),
    Kpi("hazardous_waste_per_employee_t", "Hazardous waste per employee", "每位僱員有害廢棄物排放總量",
        "t/employee", "A1.3", _per_employee(_value("hazardous_waste_t")), 5),
    Kpi("non_hazardous_waste_per_employee_t", "Non-hazardous waste per employee", "每位僱員無害廢棄物排放總量",
        "t/employee", "A1.4", _per_employee(_value("non_hazardous_waste_t")), 2),
    Kpi("suppliers_total", "Suppliers", "供應商數目", "count", "B5.1", _suppliers, 0),
    Kpi("domestic_supplier_share_pct", "Share of suppliers in mainland China", "中國供應商占比", "%", "B5.1",
        lambda ds, y: None if _suppliers(ds, y) is None else div(_suppliers(ds, y), _suppliers(ds, y), 100), 0),
    Kpi("corruption_cases", "Corruption lawsuits", "貪污訴訟案件", "count", "B7.1",
        _value("corruption_cases"), 0),
    Kpi("directors", "Directors", "董事人數", "count", "", lambda ds, y: _board(ds, y), 0),
    Kpi("independent_directors", "Independent directors", "獨立董事人數", "count", "",
        lambda ds, y: _board(ds, y, lambda b: b["independent"]), 0),
    Kpi("female_directors", "Female directors", "女性董事人數", "count", "",
        lambda ds, y: _board(ds, y, lambda b: b["gender"] == "female"), 0),
    Kpi("independent_director_share_pct", "Share of independent directors", "獨立董事占比", "%", "",
        lambda ds, y: div(_board(ds, y, lambda b: b["independent"]), _board(ds, y), 100), 1),
]
BY_ID = {k.id: k for k in KPIS}

# Shares within a breakdown, for every breakdown the report publishes a share of.
SHARE_BREAKDOWNS = [
    ("employee_share_pct", "employees", "Share of employees", "員工占比", "B1.1"),
    ("supplier_share_pct", "suppliers", "Share of suppliers", "供應商占比", "B5.1"),
]

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
    categories = ds.table("categories")
    for kpi_id, metric, name_en, name_zh, hkex in SHARE_BREAKDOWNS:
        frame = ds.rows(metric, year)
        for dimension in [d for d in frame["dimension"].unique() if d != "total"]:
            cur = share(ds, metric, dimension, year)
            prior = share(ds, metric, dimension, year - 1)
            for category, value in cur.items():
                p = prior.get(category)
                p = None if p is None or pd.isna(p) else float(p)
                change, note = yoy(float(value), p)
                rows.append(dict(year=year, metric=kpi_id, dimension=dimension, category=category,
                                 name_en=f"{name_en}: {ds.label(dimension, category)}",
                                 name_zh=f"{name_zh}：{ds.label(dimension, category, 'zh')}",
                                 value=float(value), unit="%", hkex=hkex, decimals=1,
                                 prior_value=p, change_pct=change, change_note=note))
    del categories
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
