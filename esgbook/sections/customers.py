"""Chapter 6, customers, suppliers and industry (合作共贏): service quality, consumer protection,
anti-fraud, suppliers by region (a chart the report had only as an image), industry standards."""
from __future__ import annotations

import pandas as pd

from .. import charts, kpis, present
from ..data import Dataset

FILE = "customers"
CUSTOMERS = "06 合作共贏 > 客戶為先"
SUPPLIERS = "06 合作共贏 > 供應商管理"
TABLE = "09 附錄 > 數據統計表"
INDUSTRY = "06 合作共贏 > 行業共贏"
SERVICE = ["customer_satisfaction_pct", "first_contact_resolution_pct", "smart_service_diversion_rate_pct",
           "online_connection_rate_pct", "consultations_per_day_10k"]
PROTECTION = ["consumer_protection_section_reach_10k", "compliance_publicity_issues",
              "customer_materials_reviewed_online", "consumer_protection_trainings",
              "consumer_protection_publications", "frontline_educators", "education_cities", "education_reach_10k",
              "consumer_protection_centre_services_10k"]
ANTI_FRAUD = ["anti_fraud_model_runs_10k", "fraud_anomalies_identified_per_day", "fraud_victims_dissuaded_manually",
              "fraud_warning_calls", "fraud_victims_intercepted", "fraud_losses_avoided_cny100m"]
INDUSTRY_METRICS = ["small_business_users_served_10k", "llm_standard_co_drafters"]
SECTIONS = {"service": SERVICE, "protection": PROTECTION, "anti_fraud": ANTI_FRAUD, "industry": INDUSTRY_METRICS}
DAYS = 365  # to annualise the per-day averages the report gives


def _region(ds: Dataset, region: str) -> str:
    """'North China (華北地區)'."""
    return present.category_name(ds, "supplier_region", region)


def numbers(ds: Dataset) -> dict[str, str]:
    """Every figure the prose quotes, formatted; `cs_<metric>` is the figure as published (hedged)."""
    y, p = ds.year, ds.year - 1
    out: dict[str, str] = {"cs_year": str(y), "cs_prior_year": str(p)}
    frame = ds.table(FILE)
    for metric in sorted(frame["metric"].unique()):
        out[f"cs_{metric}"] = present.qualified(ds, metric, y)
        if ds.metric_info[metric]["unit"] in present.SCALES:
            out[f"cs_{metric}_abs"] = present.qualified(ds, metric, y, absolute=True)
    has_year = bool((frame["year"] == y).any())
    out["cs_availability"] = (
        f"The service, consumer-protection, anti-fraud and industry figures are for {y} only, with no {p} "
        "comparative; suppliers by region are the one breakdown the report gives for both years." if has_year else
        f"The report gives no {y} figures for service, consumer protection, anti-fraud or industry work, so those "
        f"sections read n/a; only the suppliers by region go back to {y}.")
    # Service quality: the report says both rates rose on the prior year; can the data show it?
    sat, sat_prior = ds.value("customer_satisfaction_pct", y), ds.value("customer_satisfaction_pct", p)
    fcr, fcr_prior = ds.value("first_contact_resolution_pct", y), ds.value("first_contact_resolution_pct", p)
    if sat is None or fcr is None:
        out["cs_service_prior_note"] = f"There are no service-quality figures for {y}."
    elif sat_prior is None or fcr_prior is None:
        out["cs_service_prior_note"] = ("The report says both rates rose on the prior year but prints no prior-year "
                                        "figure, so the claim cannot be checked.")
    else:
        out["cs_service_prior_note"] = (f"Satisfaction {present.direction(sat - sat_prior)} from "
                                        f"{present.pct(sat_prior)} and first-contact resolution "
                                        f"{present.direction(fcr - fcr_prior)} from {present.pct(fcr_prior)}.")
    out["cs_fcr_repeat_pct"] = present.pct(None if fcr is None else 100 - fcr)
    out["cs_consultations_per_year"] = present.large(kpis.div(ds.value("consultations_per_day_10k", y), 1,
                                                              1e4 * DAYS))
    out["cs_anomalies_per_year"] = present.large(kpis.div(ds.value("fraud_anomalies_identified_per_day", y), 1, DAYS))
    out["cs_loss_avoided_per_victim"] = present.num(
        kpis.div(ds.value("fraud_losses_avoided_cny100m", y), ds.value("fraud_victims_intercepted", y), 1e8), 0)
    out["cs_calls_per_victim"] = present.num(
        kpis.div(ds.value("fraud_warning_calls", y), ds.value("fraud_victims_intercepted", y)), 1)
    out.update(_supplier_numbers(ds))
    standards = ds.table("industry_standards")
    out["cs_standards_count"] = present.num(int((standards["year"] == y).sum()))
    return out


def _supplier_numbers(ds: Dataset) -> dict[str, str]:
    y, p = ds.year, ds.year - 1
    out: dict[str, str] = {}
    cur = kpis.compute(ds, "suppliers_total", y)
    out.update(present.versus_prior("cs_suppliers_total", cur, kpis.compute(ds, "suppliers_total", p)))
    published = ds.value("suppliers_total", y)
    out["cs_suppliers_published"] = present.num(published)
    out["cs_suppliers_total_check"] = (
        f"There is no supplier count for {y}." if cur is None else
        f"The report's text gives no supplier total for {y}; the regions add up to {present.num(cur)}."
        if published is None else
        "The regions of the data table add up exactly to the total the text gives." if published == cur else
        f"The regions add up to {present.num(cur)}, not to the {present.num(published)} the text gives.")
    counts = ds.breakdown("suppliers", "supplier_region", y)
    shares = kpis.share(ds, "suppliers", "supplier_region", y)
    prior_shares = kpis.share(ds, "suppliers", "supplier_region", p)
    pub = ds.breakdown("supplier_share_pct", "supplier_region", y)
    for region in sorted(set(counts.index) | set(prior_shares.index)):
        out[f"cs_suppliers_{region}"] = present.num(counts.get(region))
        out[f"cs_supplier_share_{region}"] = present.pct(shares.get(region))
        out[f"cs_supplier_share_{region}_prior"] = present.pct(prior_shares.get(region))
        out[f"cs_supplier_share_{region}_published"] = present.pct(pub.get(region), 0)
    # The reconciliation in one sentence, and what the published shares leave out.
    ok = [abs(float(v) - float(shares[r])) <= 0.5 + 1e-9 for r, v in pub.items() if r in shares.index]
    out["cs_share_check"] = (
        f"The report publishes no regional shares for {y}." if not ok else
        "Each published share is the share recomputed from the counts, rounded to a whole percent." if all(ok) else
        "Not every published share matches the share recomputed from the counts.")
    rest = [r for r in shares.index if r not in pub.index and counts.get(r, 0) > 0]
    left_out = ", ".join(f"{ds.label('supplier_region', r)} ({present.pct(shares[r])})" for r in rest)
    out["cs_share_gap"] = (
        f"There is nothing to reconcile for {y}." if not len(pub) else
        f"The {len(pub)} published shares add up to {present.pct(pub.sum(), 0)}; the text leaves out "
        f"{left_out}." if rest else
        f"The {len(pub)} published shares cover every region with suppliers.")
    empty = [ds.label("supplier_region", r) for r in counts.index if counts[r] == 0]
    out["cs_empty_regions"] = present.join_and(empty) if empty else "no region"
    top = counts.idxmax() if len(counts) and counts.sum() else None
    top_prior = prior_shares.idxmax() if len(prior_shares) and not prior_shares.isna().all() else None
    out["cs_top_region"] = ds.label("supplier_region", top) if top else "n/a"
    out["cs_top_region_prior"] = ds.label("supplier_region", top_prior) if top_prior else "n/a"
    out["cs_top_region_prior_share"] = present.pct(prior_shares.get(top_prior) if top_prior else None)
    out["cs_top_region_share"] = present.pct(shares.get(top) if top else None)
    top_share = shares.get(top) if top else None
    top_prior_share = prior_shares.get(top_prior) if top_prior else None
    if top_prior_share is None or top_share is None:
        out["cs_concentration_sentence"] = f"There is no {p} breakdown to compare the spread of suppliers with."
    else:
        how = ("less concentrated than" if top_share < top_prior_share else
               "more concentrated than" if top_share > top_prior_share else "as concentrated as")
        out["cs_concentration_sentence"] = (
            f"The supplier base is {how} a year earlier: the largest region's share went from "
            f"{present.pct(top_prior_share)} ({ds.label('supplier_region', top_prior)}) to {present.pct(top_share)} "
            f"({ds.label('supplier_region', top)}).")
    domestic = ds.value("domestic_supplier_share_pct", y)
    out["cs_domestic_share_published"] = present.pct(domestic, 0)
    out["cs_domestic_sentence"] = (
        f"The text states that {present.pct(domestic, 0)} of suppliers are in China; that is true by construction, "
        "since every region of the breakdown is a region of China." if domestic is not None else
        f"The text gives no share of suppliers in China for {y}, but every region of the breakdown is in China.")
    return out


# -- tables ---------------------------------------------------------------------------------
def service_table(ds: Dataset) -> present.Table:
    return present.figures_table(ds, FILE, "tbl-cs-service", "Customer service quality (客戶服務): user "
                                 "satisfaction, first-contact resolution and the service channels, as published.",
                                 SERVICE)


def protection_table(ds: Dataset) -> present.Table:
    return present.figures_table(ds, FILE, "tbl-cs-consumer-protection", "Consumer protection (消費者權益保護) and "
                                 "financial education, as published.", PROTECTION)


def anti_fraud_table(ds: Dataset) -> present.Table:
    return present.figures_table(ds, FILE, "tbl-cs-anti-fraud", "Anti-fraud (反欺詐) figures, as published; the "
                                 "warning calls, victims intercepted and losses avoided are counted up to the end of "
                                 "the year.", ANTI_FRAUD)


def industry_table(ds: Dataset) -> present.Table:
    return present.figures_table(ds, FILE, "tbl-cs-industry", "Industry figures (行業共贏), as published.",
                                 INDUSTRY_METRICS)


def supplier_frame(ds: Dataset) -> pd.DataFrame:
    """Suppliers by region for the year and the prior year, with shares and the published shares."""
    y, p = ds.year, ds.year - 1
    counts, prior = ds.breakdown("suppliers", "supplier_region", y), ds.breakdown("suppliers", "supplier_region", p)
    shares, prior_shares = (kpis.share(ds, "suppliers", "supplier_region", y),
                            kpis.share(ds, "suppliers", "supplier_region", p))
    published = ds.breakdown("supplier_share_pct", "supplier_region", y)
    regions = list(counts.index) + [r for r in prior.index if r not in counts.index]
    rows = []
    for r in regions:
        cur, before = counts.get(r), prior.get(r)
        change, note = kpis.yoy(cur, before)
        rows.append({"Region": _region(ds, r), str(y): present.num(cur), str(p): present.num(before),
                     "Change": present.change(change, note), f"Share {y}": present.pct(shares.get(r)),
                     f"Share {p}": present.pct(prior_shares.get(r)),
                     f"Published share {y}": present.pct(published[r], 0) if r in published.index
                     else present.DASH})
    total, total_prior = kpis.compute(ds, "suppliers_total", y), kpis.compute(ds, "suppliers_total", p)
    change, note = kpis.yoy(total, total_prior)
    rows.append({"Region": "Total (合計)", str(y): present.num(total), str(p): present.num(total_prior),
                 "Change": present.change(change, note), f"Share {y}": present.pct(100.0 if total else None),
                 f"Share {p}": present.pct(100.0 if total_prior else None),
                 f"Published share {y}": present.pct(ds.value("domestic_supplier_share_pct"), 0)
                 if ds.value("domestic_supplier_share_pct") is not None else present.DASH})
    return pd.DataFrame(rows)


def supplier_table(ds: Dataset) -> present.Table:
    frame = supplier_frame(ds) if len(ds.rows("suppliers")) or len(ds.rows("suppliers", ds.year - 1)) else \
        present.empty_note(ds, "suppliers by region")
    return present.table(frame, "tbl-cs-suppliers", f"Suppliers by region (按地區劃分的供應商數目), {ds.year} "
                         f"against {ds.year - 1}: counts from the data table, shares recomputed from them, and the "
                         "shares the text publishes (the total's published share is the share of suppliers in "
                         "China, 中國供應商占比).",
                         present.source(ds, "suppliers", section=f"{TABLE} and {SUPPLIERS}"))


def standards_table(ds: Dataset) -> present.Table:
    standards = ds.table("industry_standards")
    standards = standards[standards["year"] == ds.year]
    if standards.empty:
        body = present.empty_note(ds, "list of standards")
    else:
        body = pd.DataFrame({"No.": range(1, len(standards) + 1), "Title (標題)": standards["title_zh"],
                             "Title in English (our translation)": standards["title_en"]})
    return present.table(body, "tbl-cs-standards", f"Standards, guides and reports the company helped draft in "
                         f"{ds.year} (參與行業標準編寫), in the order the report lists them.",
                         present.source(ds, "industry_standards", section=INDUSTRY))


def figures(ds: Dataset) -> present.Table:
    return present.figures_table(ds, "suppliers", "tbl-cs-supplier-figures", "Every supplier figure in the "
                                 "data (供應商), as published, with both years where the report gives them.",
                                 what="supplier figures")


# -- charts ---------------------------------------------------------------------------------
def service_chart(ds: Dataset) -> charts.Chart:
    label, title = "fig-cs-service", "Customer service quality (客戶服務), %"
    rows = []
    for metric in SERVICE:
        if ds.metric_info[metric]["unit"] != "%":
            continue
        for y in (ds.year - 1, ds.year):
            v = ds.value(metric, y)
            if v is not None:
                m = ds.metric_info[metric]
                rows.append({"item": f"{m['name_en']} ({m['name_zh']})", "metric": metric, "year": y, "rate": v,
                             "unit": "%"})
    if not rows:
        return charts.placeholder(label, title, f"The report gives no service-quality figures for {ds.year}.")
    return charts.years_bars(pd.DataFrame(rows), label=label, title=title, category="item", value="rate",
                             unit="%", measure="Rate", decimals=2,
                             description="Bar chart of user satisfaction, first-contact "
                             "resolution, smart-service diversion and online connection rates in percent, by year "
                             "where the report gives them; each bar is labelled with its year and value.")


def protection_chart(ds: Dataset) -> charts.Chart:
    return charts.figure_panels(ds, PROTECTION, label="fig-cs-consumer-protection",
                                title=f"Consumer protection and education (消費者權益保護), {ds.year}",
                                description=f"Bar chart of the consumer protection and financial education figures "
                                f"of {ds.year}, one panel per unit; each bar is labelled with the figure as published.")


def anti_fraud_chart(ds: Dataset) -> charts.Chart:
    return charts.figure_panels(ds, ANTI_FRAUD, label="fig-cs-anti-fraud", title=f"Anti-fraud (反欺詐), {ds.year}",
                                description=f"Bar chart of the anti-fraud figures of {ds.year} (model runs, anomalies "
                                "a day, victims dissuaded and intercepted, warning calls, losses avoided), one panel "
                                "per unit; each bar is labelled with the figure as published.")


def _supplier_rows(ds: Dataset, metric_of: str = "count") -> pd.DataFrame:
    column = "suppliers" if metric_of == "count" else "share"
    rows = []
    for y in (ds.year - 1, ds.year):
        series = (ds.breakdown("suppliers", "supplier_region", y) if metric_of == "count"
                  else kpis.share(ds, "suppliers", "supplier_region", y))
        for region, v in series.items():
            rows.append({"region": _region(ds, region), "series": str(y), column: round(float(v), 1)})
    return pd.DataFrame(rows)


def suppliers_chart(ds: Dataset) -> charts.Chart:
    label, title = "fig-cs-suppliers-region", "Suppliers by region (按地區劃分的供應商數目), count"
    frame = _supplier_rows(ds)
    if frame.empty:
        return charts.placeholder(label, title, f"The report gives no suppliers by region for {ds.year}.")
    return charts.years_bars(frame, label=label, title=title, category="region", value="suppliers", unit="count",
                             measure="Suppliers",
                             year="series", decimals=0, description=f"Bar chart of suppliers by region of China for "
                             f"{ds.year - 1} and {ds.year} where the report gives them; each bar is labelled with its "
                             "year and number of suppliers, including the regions with none.")


def supplier_shares_chart(ds: Dataset) -> charts.Chart:
    label, title = "fig-cs-supplier-shares", "Share of suppliers by region (供應商地區占比), %"
    frame = _supplier_rows(ds, "share")
    if frame.empty:
        return charts.placeholder(label, title, f"The report gives no suppliers by region for {ds.year}.")
    published = ds.breakdown("supplier_share_pct", "supplier_region", ds.year)
    frame = pd.concat([frame, pd.DataFrame([{"region": _region(ds, r), "series": f"{ds.year} published",
                                             "share": float(v)} for r, v in published.items()])],
                      ignore_index=True)
    return charts.years_bars(frame, label=label, title=title, category="region", value="share", unit="%",
                             measure="Share of suppliers",
                             year="series", decimals=1, description="Bar chart of each region's share of suppliers, "
                             f"recomputed from the counts for {ds.year - 1} and {ds.year}, next to the shares the "
                             "report publishes; each bar is labelled with its series and value.")
