"""Chapter 8, environment (綠色為榮): energy, water, GHG, waste, intensities, Scope 2 factor."""
from __future__ import annotations

import pandas as pd

from .. import charts, kpis, present
from ..data import Dataset

TABLE = "09 附錄 > 數據統計表"


def _k(ds: Dataset, kpi_id: str, year: int | None = None):
    return kpis.compute(ds, kpi_id, ds.year if year is None else year)


def numbers(ds: Dataset) -> dict[str, str]:
    """Every figure the chapter's prose quotes, formatted."""
    y, p = ds.year, ds.year - 1
    out: dict[str, str] = {"env_year": str(y), "env_prior_year": str(p)}
    for kid in ("electricity_mwh", "gasoline_mwh", "energy_mwh", "energy_per_employee_mwh", "water_t",
                "water_per_employee_t", "ghg_scope1_t", "ghg_scope2_t", "ghg_total_t", "ghg_per_employee_t",
                "hazardous_waste_t", "non_hazardous_waste_t", "waste_total_t", "waste_per_employee_t",
                "scope2_implied_factor", "scope1_implied_factor", "grid_factor_official",
                "ghg_scope2_official_t", "employees", "gasoline_factor_ipcc", "ghg_scope1_ipcc_t"):
        k = kpis.BY_ID[kid]
        cur, prior = _k(ds, kid, y), _k(ds, kid, p)
        decimals = 4 if kid.endswith("factor") or kid.endswith("ipcc") else k.decimals
        if kid.endswith("_per_employee_t") or kid.endswith("_per_employee_mwh"):
            decimals = 2
        out.update(present.versus_prior(f"env_{kid}", cur, prior, decimals))
    # How far the published Scope 2 sits above an official basis.
    pub, off = _k(ds, "ghg_scope2_t"), _k(ds, "ghg_scope2_official_t")
    out["env_scope2_gap_pct"] = present.pct(None if pub is None or not off else (pub - off) / off * 100, 0)
    ef = ds.table("emission_factors")
    grid = ef[(ef["scope"] == "grid") & (ef["applies_to_year"] == y)]
    out["env_grid_factor_max"] = present.num(grid["value"].max() if len(grid) else None, 4)
    out["env_grid_factor_count"] = str(len(grid))
    factor = kpis.factor(ds, y, "grid")
    out["env_grid_factor_source"] = f"{factor['publisher']}, {factor['edition']}" if factor else "n/a"
    return out


def energy_table(ds: Dataset) -> present.Table:
    frame = present.kpi_comparison(ds, ["electricity_mwh", "gasoline_mwh", "energy_mwh", "energy_per_employee_mwh"])
    return present.table(frame, "tbl-env-energy", f"Energy use (能源消耗), {ds.year} against {ds.year - 1}; "
                         "totals and intensities recomputed from electricity, gasoline and year-end headcount.",
                         present.source(ds, "environment", "workforce", section=TABLE))


def water_table(ds: Dataset) -> present.Table:
    frame = present.kpi_comparison(ds, ["water_t", "water_per_employee_t"])
    return present.table(frame, "tbl-env-water", f"Water use (水資源消耗), {ds.year} against {ds.year - 1}.",
                         present.source(ds, "environment", "workforce", section=TABLE))


def ghg_table(ds: Dataset) -> present.Table:
    frame = present.kpi_comparison(ds, ["ghg_scope1_t", "ghg_scope2_t", "ghg_total_t", "ghg_per_employee_t"])
    return present.table(frame, "tbl-env-ghg", f"Greenhouse gas emissions (溫室氣體排放), {ds.year} against "
                         f"{ds.year - 1}; the total and the intensity are recomputed.",
                         present.source(ds, "environment", "workforce", section=TABLE))


def waste_table(ds: Dataset) -> present.Table:
    frame = present.kpi_comparison(ds, ["hazardous_waste_t", "non_hazardous_waste_t", "waste_total_t",
                                        "waste_per_employee_t"])
    return present.table(frame, "tbl-env-waste", f"Waste (有害及無害廢棄物), {ds.year} against {ds.year - 1}.",
                         present.source(ds, "environment", "workforce", section=TABLE))


def factor_table(ds: Dataset) -> present.Table:
    frame = present.kpi_comparison(ds, ["scope2_implied_factor", "grid_factor_official", "ghg_scope2_t",
                                        "ghg_scope2_official_t", "scope1_implied_factor", "gasoline_factor_ipcc",
                                        "ghg_scope1_t", "ghg_scope1_ipcc_t"])
    return present.table(frame, "tbl-env-factors", "Emission factors implied by the published figures against "
                         "official factors, and emissions recomputed on the official basis (sensitivity).",
                         present.source(ds, "environment", "emission_factors", section=TABLE))


def _two_years(ds: Dataset, ids: list[str], names: dict[str, str]) -> pd.DataFrame:
    rows = []
    for y in (ds.year - 1, ds.year):
        for kid in ids:
            v = kpis.compute(ds, kid, y)
            if v is not None:
                rows.append({"item": names[kid], "year": y, "value": round(v, 4), "unit": kpis.BY_ID[kid].unit})
    return pd.DataFrame(rows)


def energy_chart(ds: Dataset) -> charts.Chart:
    names = {"electricity_mwh": "Electricity 用電", "gasoline_mwh": "Gasoline 汽油", "energy_mwh": "Total 總計"}
    frame = _two_years(ds, list(names), names)
    return charts.years_bars(frame, label="fig-env-energy", title="Energy use by source (能源消耗), MWh",
                             category="item", value="value", unit="MWh", decimals=1, measure="Energy",
                             description=f"Bar chart of electricity, gasoline and total energy in MWh for "
                             f"{ds.year - 1} and {ds.year}, each bar labelled with its year and value.")


def water_chart(ds: Dataset) -> charts.Chart:
    names = {"water_t": "Water 用水總量"}
    frame = _two_years(ds, list(names), names)
    return charts.years_bars(frame, label="fig-env-water", title="Water use (用水量), tonnes", category="item",
                             value="value", unit="t", decimals=0, measure="Water",
                             description=f"Bar chart of water use in tonnes, {ds.year - 1} and {ds.year}.")


def ghg_chart(ds: Dataset) -> charts.Chart:
    names = {"ghg_scope1_t": "Scope 1 範圍1", "ghg_scope2_t": "Scope 2 範圍2", "ghg_total_t": "Total 總量"}
    frame = _two_years(ds, list(names), names)
    return charts.years_bars(frame, label="fig-env-ghg", title="GHG emissions (溫室氣體排放), tCO2e", category="item",
                             value="value", unit="tCO2e", decimals=2, measure="Emissions",
                             description=f"Bar chart of scope 1, scope 2 and total greenhouse gas emissions in "
                             f"tonnes CO2e for {ds.year - 1} and {ds.year}.")


def waste_chart(ds: Dataset) -> charts.Chart:
    names = {"hazardous_waste_t": "Hazardous 有害", "non_hazardous_waste_t": "Non-hazardous 無害"}
    frame = _two_years(ds, list(names), names)
    return charts.years_bars(frame, label="fig-env-waste", title="Waste (廢棄物), tonnes", category="item",
                             value="value", unit="t", decimals=2, measure="Waste",
                             description=f"Bar chart of hazardous and non-hazardous waste in tonnes, "
                             f"{ds.year - 1} and {ds.year}.")


def intensity_chart(ds: Dataset) -> charts.Chart:
    names = {"energy_per_employee_mwh": "Energy 能源 (MWh)", "water_per_employee_t": "Water 用水 (t)",
             "ghg_per_employee_t": "GHG 溫室氣體 (tCO2e)", "waste_per_employee_t": "Waste 廢棄物 (t)"}
    frame = _two_years(ds, list(names), names)
    return charts.years_bars(frame, label="fig-env-intensities", title="Intensities per year-end employee (密度)",
                             category="item", value="value", unit="per employee", decimals=2,
                             measure="Intensity",
                             description=f"Bar chart of energy, water, GHG and waste per year-end employee for "
                             f"{ds.year - 1} and {ds.year}; water is on the same axis and dominates.")


def factor_chart(ds: Dataset) -> charts.Chart:
    rows = []
    ef = ds.table("emission_factors")
    for y in (ds.year - 1, ds.year):
        implied = kpis.compute(ds, "scope2_implied_factor", y)
        if implied is not None:
            rows.append({"year": y, "series": "Implied by Scope 2 / electricity", "kind": "implied by the report",
                         "value": round(implied, 4)})
        official = ef[(ef["scope"] == "grid") & (ef["applies_to_year"] == y) & (ef["region"] == "national")]
        for r in official.itertuples(index=False):
            publisher = "MEE" if r.publisher.startswith("Ministry of Ecology") else r.publisher
            rows.append({"year": y, "series": f"{r.variant} ({publisher})",
                         "kind": "official", "value": float(r.value)})
    frame = pd.DataFrame(rows)
    return charts.factors_chart(frame, label="fig-env-scope2-factor",
                                title="Scope 2 grid factor: implied vs official (tCO2/MWh)",
                                description="Dot chart per year of the grid emission factor implied by the "
                                "report's Scope 2 and electricity figures, against each official national China "
                                "grid factor; dots are labelled with their values and shaped by source.")
