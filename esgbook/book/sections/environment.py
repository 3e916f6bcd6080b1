"""Chapter 8, environment (綠色為榮): energy, water, GHG, waste, intensities, Scope 2 factor."""
from __future__ import annotations

import re

import pandas as pd

from esgbook.analysis import findings, inference, kpis, reconcile, story
from esgbook.book import charts, formatting, narrative, present
from esgbook.book.narrative import Dir, Finding, Q
from esgbook.book.narrative.bilingual import Bilingual, entry, glossed, same, spaced, zh_of
from esgbook.book.sections import undisclosed
from esgbook.inputs.dataset import Dataset

PREFIX = "env"  # of every glue key, table and figure label (tests/test_section_contract.py)

TABLE = "09 附錄 > 數據統計表"


def _k(ds: Dataset, kpi_id: str, year: int | None = None):
    return kpis.compute(ds, kpi_id, ds.year if year is None else year)


def q(ds: Dataset, kpi_id: str, year: int | None = None) -> Q:
    """A KPI of the year as a quantity with its display decimals (data/kpis.csv) and unit."""
    k = kpis.BY_ID[kpi_id]
    return Q(_k(ds, kpi_id, year), k.decimals, k.unit)


def kpi_trend(ds: Dataset, kpi_id: str, topic: str = "trend") -> Finding:
    """A KPI's change on the prior year, under the figure's one name (the English edition glosses it with the
    Chinese: 'Water use (用水量)')."""
    k = kpis.BY_ID[kpi_id]
    name = glossed(k.name_en, k.name_zh)
    lower = Bilingual(name[:1].lower() + name[1:], zh_of(name))
    return findings.trend(topic, q(ds, kpi_id), q(ds, kpi_id, ds.year - 1), ds.year, name=name, name_lower=lower)


def intensity(ds: Dataset, per_employee: str, total: str) -> Finding | None:
    """A per-employee figure set against its total and the headcount (None when the year lacks it)."""
    cur, prior = q(ds, per_employee), q(ds, per_employee, ds.year - 1)
    if cur.missing:
        return None
    heads = findings.direction(q(ds, "employees"), q(ds, "employees", ds.year - 1))
    if prior.missing or heads in ("no_prior", "missing"):
        return Finding("intensity", "no_prior", {"cur": cur})
    hc = findings.change_of(q(ds, "employees"), q(ds, "employees", ds.year - 1))
    facts = {"cur": cur, "change": findings.change_of(cur, prior),
             "total_change": findings.change_of(q(ds, total), q(ds, total, ds.year - 1)),
             "headcount_size": hc.size()}
    return Finding("intensity", {"up": "headcount_up", "down": "headcount_down"}.get(heads, "headcount_flat"), facts)


def _say(*items: Finding | None) -> list[str]:
    return [narrative.sentence(narrative.write(f)) for f in items if f is not None and f.case != "missing"]


def electricity_share(ds: Dataset) -> Finding | None:
    elec, energy = _k(ds, "electricity_mwh"), _k(ds, "energy_mwh")
    if elec is None or not energy:
        return None
    return Finding("env.electricity_share", "share", {"share": Q(elec / energy * 100, 1, "%"),
                                                       "energy": q(ds, "energy_mwh"), "year": str(ds.year)})


def published_intensity(ds: Dataset, kpi_id: str, name) -> Finding | None:
    """The report's published figures for one intensity against the recomputed one."""
    rec = reconcile.reconciliation(ds)
    targets = [m for m, info in ds.metric_info.items() if info["reconciles_to"] == kpi_id]
    rows = rec[(rec["kind"] == "published figure") & rec["metric"].isin(targets)]
    if rows.empty:
        return None
    unit, recomputed = ds.metric_info[kpi_id]["unit"], float(rows["recomputed"].iloc[0])
    sections = [r.section.split(" > ")[-1] for r in rows.itertuples()]
    # Each as printed: its metric's decimals, or finer where the report printed more digits.
    values = [Q(r.published, reconcile.printed_decimals(r.published, ds.metric_info[r.metric]["decimals"]), unit)
              for r in rows.itertuples()]
    listed = [Finding("env.printed_in", "value", {"value": v, "section": same(sec)})
              for v, sec in zip(values, sections)]
    matching = [Finding("env.printed_in", "figure", {"section": same(sec)})
                for sec, r in zip(sections, rows.itertuples()) if r.status == "consistent"]
    facts = {"name": name, "published": values[0], "listed": listed, "matching": matching,
             "recomputed": Q(recomputed, kpis.BY_ID[kpi_id].decimals, unit), "count": str(len(rows)), "year": str(ds.year)}
    if (rows["status"] == "consistent").all():
        return Finding("env.published_intensity", "reproduced", facts)
    if len(rows) == 1:
        return Finding("env.published_intensity", "discrepancy", facts)
    return Finding("env.published_intensity", "conflict" if matching else "conflict_none", facts)


def scope2_vs_electricity(ds: Dataset) -> Finding | None:
    s2, el = kpi_trend(ds, "ghg_scope2_t"), kpi_trend(ds, "electricity_mwh")
    if {s2.case, el.case} & {"no_prior", "missing", "up_from_zero"}:
        return None
    facts = {"scope2_verb": Dir(s2.case), "scope2_change": s2.facts["change"],
             "electricity_verb": Dir(el.case), "electricity_change": el.facts["change"]}
    if s2.case == el.case == "flat":
        case = "flat"
    elif el.case == "flat":
        case = "scope2_only"
    elif s2.case == "flat":
        case = "electricity_only"
    else:
        case = "same" if s2.case == el.case else "opposite"
    return Finding("env.scope2_vs_electricity", case, facts)


def _variant(factor: dict) -> Bilingual:
    return Bilingual(factor["variant"], factor["variant_zh"])


def _publisher(factor: dict) -> Bilingual:
    """A factor's publisher as prose names it: without its acronym ('Ministry of Ecology and Environment')."""
    return Bilingual(factor["publisher"].split(" (")[0], re.sub(r"（[A-Z、]+）$", "", factor["publisher_zh"]))


def _gap_case(published: float, official: float) -> tuple[str, Q]:
    gap = (published - official) / official * 100
    case = "equal" if round(gap, 1) == 0 else "above" if gap > 0 else "below"
    return case, Q(abs(gap), 1, "%")


def factor_when_written(ds: Dataset) -> dict | None:
    """The latest national grid factor published by the time the report was due: the factor the
    company could have used (for the latest year it applies to, not after the edition's year)."""
    report = ds.report
    if report is None:
        return None
    ef = ds.table("emission_factors")
    due = pd.Timestamp(report["published_by"])
    known = ef[(ef["scope"] == "grid") & (ef["region"] == "national") & (pd.to_datetime(ef["published"]) <= due)
               & (ef["applies_to_year"] <= ds.year)]
    if known.empty:
        return None
    latest = known[known["applies_to_year"] == known["applies_to_year"].max()]
    return latest.sort_values(["published", "factor_id"]).iloc[-1].to_dict()


def scope2_when_written(ds: Dataset) -> Finding | None:
    factor, published, electricity = factor_when_written(ds), _k(ds, "ghg_scope2_t"), _k(ds, "electricity_mwh")
    if factor is None or published is None or electricity is None:
        return None
    official = electricity * float(factor["value"])
    case, gap = _gap_case(published, official)
    return Finding("env.scope2_when_written", case, {
        "due": findings.date(ds.report["published_by"]),
        "factor": Q(float(factor["value"]), 4, "tCO2/MWh"), "variant": _variant(factor),
        "publisher": _publisher(factor), "applies": str(factor["applies_to_year"]),
        "published": findings.date(factor["published"], "month"), "year": str(ds.year),
        "official": Q(official, 2, "tCO2e"), "published_value": Q(published, 2, "tCO2e"), "gap": gap})


def scope2_sensitivity(ds: Dataset) -> Finding | None:
    factor, published, official = kpis.factor(ds, ds.year, "grid"), _k(ds, "ghg_scope2_t"), \
        _k(ds, "ghg_scope2_official_t")
    written = factor_when_written(ds)
    if factor is None or published is None or official is None or (written and written["factor_id"] ==
                                                                   factor["factor_id"]):
        return None
    case, gap = _gap_case(published, official)
    return Finding("env.scope2_sensitivity", case, {
        "variant": _variant(factor), "year": str(ds.year), "factor": Q(float(factor["value"]), 4, "tCO2/MWh"),
        "publisher": _publisher(factor), "official": Q(official, 2, "tCO2e"), "gap": gap})


def scope1_factor(ds: Dataset) -> Finding | None:
    clauses = []
    for year in (ds.year - 1, ds.year):
        implied = _k(ds, "scope1_implied_factor", year)
        if implied is None:
            continue
        default = _k(ds, "gasoline_factor_ipcc", year)
        value = Q(implied, 4, "tCO2/MWh")
        if default is None:
            case = "no_default"
        else:
            a, b = round(implied, 4), round(default, 4)
            case = "equal" if a == b else "above" if a > b else "below"
        clauses.append(Finding("env.scope1_year", case, {
            "value": value, "year": str(year), "default": Q(default, 4, "tCO2/MWh")}))
    if not clauses:
        return None
    # each language lists the years its own way
    return Finding("env.scope1_factor", "one" if len(clauses) == 1 else "two",
                   {"first": clauses[0], "last": clauses[-1]})


def hazardous_share(ds: Dataset) -> Finding | None:
    hazardous, total = _k(ds, "hazardous_waste_t"), _k(ds, "waste_total_t")
    if hazardous is None or not total:
        return None
    if hazardous == 0:
        return Finding("env.hazardous_share", "none", {"year": str(ds.year)})
    share = hazardous / total * 100
    return Finding("env.hazardous_share", "share", {"share": Q(share, formatting.significant(share), "%"),
                                                    "year": str(ds.year)})


def denominator(ds: Dataset) -> Finding | None:
    trend = findings.trend("x", q(ds, "employees"), q(ds, "employees", ds.year - 1), ds.year)
    if trend.case == "missing":
        return None
    case = {"up": "grew", "up_from_zero": "grew", "down": "shrank", "flat": "flat"}.get(trend.case, "no_prior")
    return Finding("env.denominator", case, {"year": str(ds.year), "size": trend.facts["change"].size()})


def headcounts(ds: Dataset) -> Finding | None:
    cur, prior = q(ds, "employees"), q(ds, "employees", ds.year - 1)
    if cur.missing:
        return None
    facts = {"cur": Q(cur.value, 0), "prior": Q(prior.value, 0), "year": str(ds.year), "prior_year": str(ds.year - 1)}
    return Finding("env.headcounts", "one" if prior.missing else "both", facts)


def climate(ds: Dataset) -> Finding:
    report = ds.report
    if ds.own_report or report is None:
        return Finding("env.climate", "own", {})
    return Finding("env.climate", "comparative", {"year": str(ds.year), "report_year": str(report["report_year"])})


def numbers(ds: Dataset) -> dict[str, str]:
    """The chapter's computed paragraphs (Md, pasted with {glue:md}); the same keys for every edition."""
    water_intensity = kpis.BY_ID["water_per_employee_t"]
    energy = _say(findings.prior_year(ds), kpi_trend(ds, "electricity_mwh"), kpi_trend(ds, "gasoline_mwh"),
                  electricity_share(ds), kpi_trend(ds, "energy_mwh"), intensity(ds, "energy_per_employee_mwh", "energy_mwh"))
    water = _say(kpi_trend(ds, "water_t"), intensity(ds, "water_per_employee_t", "water_t"),
                 published_intensity(ds, "water_per_employee_t",
                                     findings.name(water_intensity.name_en, water_intensity.name_zh, "lower")))
    ghg = _say(kpi_trend(ds, "ghg_scope1_t"), kpi_trend(ds, "ghg_scope2_t"), kpi_trend(ds, "ghg_total_t"),
               intensity(ds, "ghg_per_employee_t", "ghg_total_t"), scope2_vs_electricity(ds))
    # The grid test is told once: in the chapter's lead when it is one of its findings, else here.
    key = story.by_id(ds).get("scope2")
    told = key is not None and key in story.lead_findings(ds, "08_environment")
    factors = ([key.sentence()] if key and not told else []) + _say(scope2_when_written(ds), scope2_sensitivity(ds))
    scope1 = scope1_factor(ds)
    waste = _say(kpi_trend(ds, "hazardous_waste_t"), kpi_trend(ds, "non_hazardous_waste_t"), hazardous_share(ds),
                 intensity(ds, "waste_per_employee_t", "waste_total_t"))
    return {
        "env_energy_text": narrative.paragraph(*energy),
        "env_water_text": narrative.paragraph(*water),
        "env_ghg_text": narrative.paragraph(*ghg),
        "env_factor_text": narrative.paragraph(*factors) if factors else narrative.absent("no Scope 2 figures"),
        "env_scope1_text": narrative.paragraph(narrative.sentence(narrative.write(scope1)))
        if scope1 else narrative.absent("no Scope 1 figures"),
        "env_waste_text": narrative.paragraph(*waste),
        "env_intensity_text": narrative.paragraph(*_say(headcounts(ds), denominator(ds))),
        "env_climate_text": narrative.paragraph(narrative.sentence(narrative.write(climate(ds)))),
        # What the figures imply together (esgbook.analysis.inference), and the climate items the data lack.
        "env_plausibility_text": narrative.paragraph(*inference.said(ds, "electricity_heads")),
        "env_scope2_gap_text": narrative.paragraph(*inference.said(ds, "scope2_gap")),
        "env_climate_gaps_text": narrative.paragraph(*_say(*undisclosed.climate_findings(ds))),
    }


def energy_table(ds: Dataset) -> present.Table:
    frame = present.kpi_comparison(ds, ["electricity_mwh", "gasoline_mwh", "energy_mwh", "energy_per_employee_mwh"])
    return present.table(frame, "tbl-env-energy", entry("Energy use (能源消耗), {span}; totals and intensities "
                                                        "recomputed from electricity, gasoline and year-end headcount.",
                                                        span=present.versus(ds)),
                         present.source(ds, "environment", "workforce", section=TABLE))


def water_table(ds: Dataset) -> present.Table:
    frame = present.kpi_comparison(ds, ["water_t", "water_per_employee_t"])
    return present.table(frame, "tbl-env-water", entry("Water use (水資源消耗), {span}.", span=present.versus(ds)),
                         present.source(ds, "environment", "workforce", section=TABLE))


def ghg_table(ds: Dataset) -> present.Table:
    frame = present.kpi_comparison(ds, ["ghg_scope1_t", "ghg_scope2_t", "ghg_total_t", "ghg_per_employee_t"])
    return present.table(frame, "tbl-env-ghg", entry("Greenhouse gas emissions (溫室氣體排放), {span}; the total and "
                                                     "the intensity are recomputed.", span=present.versus(ds)),
                         present.source(ds, "environment", "workforce", section=TABLE))


def waste_table(ds: Dataset) -> present.Table:
    frame = present.kpi_comparison(ds, ["hazardous_waste_t", "non_hazardous_waste_t", "waste_total_t",
                                        "waste_per_employee_t"])
    return present.table(frame, "tbl-env-waste", entry("Waste (有害及無害廢棄物), {span}.", span=present.versus(ds)),
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
    names = {"electricity_mwh": spaced("Electricity", "用電"), "gasoline_mwh": spaced("Gasoline", "汽油"),
             "energy_mwh": spaced("Total", "總計")}
    frame = _two_years(ds, list(names), names)
    return charts.years_bars(frame, label="fig-env-energy", title="Energy use by source (能源消耗), MWh",
                             category="item", value="value", unit="MWh", decimals=1, measure="Energy",
                             description=entry("Bar chart of electricity, gasoline and total energy in MWh, {span}, "
                                               "each bar labelled with its year and value.", span=present.versus(ds)))


def water_chart(ds: Dataset) -> charts.Chart:
    water, tonnes = kpis.BY_ID["water_t"], ds.unit_name("t")
    names = {"water_t": spaced(water.name_en, water.name_zh)}
    frame = _two_years(ds, list(names), names)
    title = Bilingual(f"{glossed(water.name_en, water.name_zh)}, {tonnes}", f"{water.name_zh}（{tonnes.zh}）")
    return charts.years_bars(frame, label="fig-env-water", title=title, category="item",
                             value="value", unit="t", decimals=0, measure="Water",
                             description=entry("Bar chart of water use in tonnes, {span}, each bar labelled.",
                                               span=present.versus(ds)))


def ghg_chart(ds: Dataset) -> charts.Chart:
    names = {"ghg_scope1_t": spaced("Scope 1", "範圍1"), "ghg_scope2_t": spaced("Scope 2", "範圍2"),
             "ghg_total_t": spaced("Total", "總量")}
    frame = _two_years(ds, list(names), names)
    return charts.years_bars(frame, label="fig-env-ghg", title="GHG emissions (溫室氣體排放), tCO2e", category="item",
                             value="value", unit="tCO2e", decimals=2, measure="Emissions",
                             description=entry("Bar chart of scope 1, scope 2 and total greenhouse gas emissions in "
                                               "tonnes CO2e, {span}, each bar labelled.", span=present.versus(ds)))


def waste_chart(ds: Dataset) -> charts.Chart:
    names = {"hazardous_waste_t": spaced("Hazardous", "有害"), "non_hazardous_waste_t": spaced("Non-hazardous", "無害")}
    frame = _two_years(ds, list(names), names)
    return charts.years_bars(frame, label="fig-env-waste", title="Waste (廢棄物), tonnes", category="item",
                             value="value", unit="t", decimals=2, measure="Waste",
                             description=entry("Bar chart of hazardous and non-hazardous waste in tonnes, {span}, "
                                               "each bar labelled.", span=present.versus(ds)))


def intensity_chart(ds: Dataset) -> charts.Chart:
    names = {"energy_per_employee_mwh": spaced("Energy", "能源"), "water_per_employee_t": spaced("Water", "用水"),
             "ghg_per_employee_t": spaced("GHG", "溫室氣體"), "waste_per_employee_t": spaced("Waste", "廢棄物")}
    frame = _two_years(ds, list(names), names)
    return charts.years_panels(frame, label="fig-env-intensities",
                               title=glossed("Intensities per year-end employee", "密度"),
                               category="item", value="value", unit="unit", decimals=2,
                               description=entry("Four small bar charts, one per intensity (energy in MWh, water in t, "
                                                 "GHG in tCO2e and waste in t per year-end employee), each on its "
                                                 "own scale, with a bar per year ({span}) labelled with its year and "
                                                 "value.", span=present.versus(ds)))


# The factor chart's series of the highest regional and the highest provincial grid factor.
HIGHEST = {"regional": "Highest regional: {text}", "provincial": "Highest provincial: {text}"}


def factor_chart(ds: Dataset) -> charts.Chart:
    """The implied factor of each year against the factors the findings cite (esgbook.analysis.story.grid_test): the
    official national ones, the highest regional and provincial, the headquarters' province, and the
    fossil-only factor as context."""
    rows = []
    for y in (ds.year - 1, ds.year):
        test = story.grid_test(ds, y)
        if test is None:
            continue
        rows.append({"year": y, "series": "Implied by the report", "kind": "implied by the report",
                     "value": round(test["implied"], 4)})
        grid = story.grid_factors(ds, y)
        national = grid[(grid["region"] == "national") & ~grid["variant"].isin(story.CONTEXT_VARIANTS)]
        for r in national.itertuples(index=False):
            rows.append({"year": y, "series": entry("National, {text}", text=Bilingual(r.variant, r.variant_zh)),
                         "kind": "location-based", "value": float(r.value)})
        for level in ("regional", "provincial"):
            part = grid[(grid["region"] != "national") & ~grid["variant"].isin(story.CONTEXT_VARIANTS)
                        & (grid["variant"].str.contains("provincial") == (level == "provincial"))]
            if not part.empty:
                top = part.loc[part["value"].idxmax()]
                where = Bilingual(top["region"], top["region_zh"])
                rows.append({"year": y, "series": entry(HIGHEST[level], text=where), "kind": "location-based",
                             "value": float(top["value"])})
        home = grid[grid["region"] == story.HEADQUARTERS]
        if not home.empty:
            where = Bilingual(story.HEADQUARTERS, home["region_zh"].iloc[0])
            rows.append({"year": y, "series": entry("{text} (headquarters)", text=where), "kind": "location-based",
                         "value": float(home["value"].iloc[0])})
        for r in grid[grid["variant"].isin(story.CONTEXT_VARIANTS)].itertuples(index=False):
            rows.append({"year": y, "series": "National, fossil sources only (context)", "kind": "context",
                         "value": float(r.value)})
    frame = pd.DataFrame(rows)
    return charts.factors_chart(frame, label="fig-env-scope2-factor",
                                title="Scope 2 grid factor: implied vs official (tCO2/MWh)",
                                description="Dot chart per year of the grid emission factor implied by the "
                                "report's Scope 2 and electricity figures, against the national, the highest "
                                "regional and provincial, and the headquarters' provincial grid factors, with the "
                                "fossil-only factor as context; dots are labelled with their values and shaped by kind.")
