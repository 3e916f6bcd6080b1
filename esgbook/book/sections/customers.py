"""Chapter 6, customers, suppliers and industry (合作共贏): service quality, consumer protection,
anti-fraud, suppliers by region (a chart the report had only as an image), industry standards.

Sentences are findings (`esgbook.book.narrative.en.customers` writes them): a sentence whose figures the year lacks
is left out; statements of a report's narrative are shown only in its own edition (`ds.own_report`).
"""
from __future__ import annotations

import pandas as pd

from esgbook.analysis import kpis
from esgbook.analysis.assumptions import DAYS_PER_YEAR as DAYS
from esgbook.analysis.assumptions import FLOAT_NOISE, ROUNDING_SHARE
from esgbook.analysis.findings import change_of, trend
from esgbook.analysis.findings import name as named
from esgbook.book import charts, formatting, present
from esgbook.book.formatting import MAGNITUDES
from esgbook.book.narrative import Finding, Md, Q, absent, paragraph, sentence, write
from esgbook.book.narrative.bilingual import Bilingual, entry, glossed, span
from esgbook.book.sections.operations import exact_panels, figure_q, value
from esgbook.inputs.dataset import Dataset

PREFIX = "cus"  # of every glue key, table and figure label (tests/test_section_contract.py)

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

# What a report's narrative states beyond its figures, by report year (section 06 客戶為先, 供應商管理);
# shown only in that year's own edition. A new report adds its entry.
REPORT_STATEMENTS = {2023: {"service_rates_rose": True, "suppliers_of_user_growth_department": True}}


def _region(ds: Dataset, region: str) -> str:
    """'North China (華北地區)'."""
    return present.category_name(ds, "supplier_region", region)


def _report_year(ds: Dataset) -> str:
    return str(ds.report["report_year"]) if ds.report else str(ds.year)


def _statements(ds: Dataset) -> dict:
    return (REPORT_STATEMENTS.get(ds.year) or {}) if ds.own_report else {}


def _sentence(ds: Dataset, topic: str, facts: dict) -> Finding:
    """'stated' when every figure is there, else 'missing' (the sentence is left out)."""
    if any(isinstance(v, Q) and v.missing for v in facts.values()):
        return Finding(topic, "missing")
    return Finding(topic, "stated", {"year": ds.year, **facts})


def _annual(per_day: float | None) -> Q:
    """A year of a per-day figure (in 萬), rounded as the English edition writes it ('27.6 million')."""
    if per_day is None:
        return Q(None)
    v = per_day * 1e4 * DAYS
    size = next((s for s, _ in MAGNITUDES if abs(v) >= s), 1)
    return Q(round(v / size, 1) * size / 1e4, 0, "10k count")


# -- findings -------------------------------------------------------------------------------
def service_findings(ds: Dataset) -> list[Finding]:
    q = lambda m, bare=False: figure_q(ds, m, bare=bare)  # noqa: E731
    fcr = q("first_contact_resolution_pct")
    per_day = value(ds, "consultations_per_day_10k")
    rates = _sentence(ds, "cus.service_rates", {"satisfaction": q("customer_satisfaction_pct"), "fcr": fcr,
                                                "repeat": Q(None if fcr.missing else 100 - fcr.value, fcr.decimals, "%")})
    out = [rates]
    prior = [value(ds, m, ds.year - 1) for m in ("customer_satisfaction_pct", "first_contact_resolution_pct")]
    if rates.case == "stated" and all(v is not None for v in prior):
        out += [trend("trend", q(m), figure_q(ds, m, ds.year - 1), ds.year,
                      name=named(name, ds.metric_info[m]["name_zh"])) for m, name in
                (("customer_satisfaction_pct", "Satisfaction"), ("first_contact_resolution_pct", "First-contact resolution"))]
    else:
        claimed = rates.case == "stated" and _statements(ds).get("service_rates_rose")
        out.append(Finding("cus.service_claim", "unchecked" if claimed else "missing", {"year": ds.year}))
    out.append(_sentence(ds, "cus.service_channels", {
        "diversion": q("smart_service_diversion_rate_pct"), "connection": q("online_connection_rate_pct"),
        "per_day": q("consultations_per_day_10k", True),
        "per_year": _annual(per_day)}))
    # No metric of the data counts complaints (B6.2): said whenever the service figures are shown.
    out.append(Finding("cus.complaints", "not_disclosed" if rates.case == "stated" else "missing"))
    return out


def protection_findings(ds: Dataset) -> list[Finding]:
    q = lambda m, bare=False: figure_q(ds, m, bare=bare)  # noqa: E731
    return [_sentence(ds, "cus.protection", {
                "reach": q("consumer_protection_section_reach_10k"), "centre": q("consumer_protection_centre_services_10k"),
                "materials": q("customer_materials_reviewed_online", True),
                "trainings": q("consumer_protection_trainings", True),
                "publications": q("consumer_protection_publications", True),
                "publicity": q("compliance_publicity_issues", True)}),
            _sentence(ds, "cus.education", {"educators": q("frontline_educators", True),
                                            "cities": q("education_cities", True), "reach": q("education_reach_10k", True)})]


def anti_fraud_findings(ds: Dataset) -> list[Finding]:
    q = lambda m, bare=False: figure_q(ds, m, bare=bare)  # noqa: E731
    v = lambda *a, **k: value(ds, *a, **k)  # noqa: E731
    per_day = v("fraud_anomalies_identified_per_day")
    return [_sentence(ds, "cus.anti_fraud_model", {
                "runs": q("anti_fraud_model_runs_10k", True), "per_day": q("fraud_anomalies_identified_per_day", True),
                "per_year": Q(None if per_day is None else per_day * DAYS), "dissuaded": q("fraud_victims_dissuaded_manually", True)}),
            _sentence(ds, "cus.anti_fraud_totals", {
                "calls": q("fraud_warning_calls", True), "intercepted": q("fraud_victims_intercepted", True),
                "losses": q("fraud_losses_avoided_cny100m"),
                "calls_per_victim": Q(kpis.div(v("fraud_warning_calls"), v("fraud_victims_intercepted")), 1),
                # 5.5 億 carries two significant digits, so the loss per person does too (about CNY 13,000)
                "loss_per_victim": _sig(kpis.div(v("fraud_losses_avoided_cny100m"), v("fraud_victims_intercepted"), 1e8),
                                        formatting.decimals_of(v("fraud_losses_avoided_cny100m") or 0) + 1)})]


def _sig(x: float | None, digits: int) -> Q:
    """A ratio to the significant digits of its least precise input."""
    return Q(None if x is None else round(x, formatting.significant(x, digits, least=-9)), 0)


def supplier_total_findings(ds: Dataset) -> list[Finding]:
    y, p = ds.year, ds.year - 1
    cur, prior = kpis.compute(ds, "suppliers_total", y), kpis.compute(ds, "suppliers_total", p)
    out = [trend("cus.suppliers_total", Q(cur, 0, "count"), Q(prior, 0, "count"), y)]
    published = value(ds, "suppliers_total", y)
    check = ("missing" if cur is None else "no_published" if published is None else
             "match" if published == cur else "mismatch")
    if check == "no_published" and not ds.own_report:
        check = "missing"  # a comparative year never has a total in the text
    out.append(Finding("cus.suppliers_check", check, {"year": y, "counted": Q(cur, 0, "count"),
                                                      "published": Q(published, 0, "count")}))
    stated = cur is not None and _statements(ds).get("suppliers_of_user_growth_department")
    out.append(Finding("cus.department", "stated" if stated else "missing", {"year": y}))
    return out


def region_findings(ds: Dataset) -> list[Finding]:
    """The regions ranked by count, the largest region against the prior year's, the share in China."""
    y, p = ds.year, ds.year - 1
    counts = ds.breakdown("suppliers", "supplier_region", y)
    if not len(counts) or not counts.sum():
        return []
    shares, prior_shares = kpis.share(ds, "suppliers", "supplier_region", y), kpis.share(ds, "suppliers", "supplier_region", p)
    has_prior = len(prior_shares) and not prior_shares.isna().all()
    ranked = counts[counts > 0].sort_values(ascending=False, kind="stable")
    listed = [write(Finding("cus.region", "with_prior" if has_prior else "no_prior", {
        "name": ds.label("supplier_region", r), "count": Q(counts[r], 0, "count"), "share": Q(shares[r], 1, "%"),
        "prior_share": Q(prior_shares.get(r, 0.0) if has_prior else None, 1, "%"), "prior_year": p}))
        for r in ranked.index]
    empty = [ds.label("supplier_region", r) for r in counts.index if counts[r] == 0]
    out = [Finding("cus.regions", "listed", {"regions": listed, "empty": empty, "n_empty": len(empty)})]
    top = list(counts[counts == counts.max()].index)
    facts = {"year": y, "prior_year": p, "region": [ds.label("supplier_region", r) for r in top],
             "share": Q(shares[top[0]], 1, "%")}
    if len(top) > 1:
        out.append(Finding("cus.largest_region", "tied", facts))
    elif not has_prior:
        out.append(Finding("cus.largest_region", "no_prior", facts))
    else:
        prior_top = prior_shares.idxmax()
        cur_q, prior_q = Q(shares[top[0]], 1, "%"), Q(prior_shares[prior_top], 1, "%")
        facts.update(prior_region=ds.label("supplier_region", prior_top), prior_share=prior_q,
                     change=change_of(cur_q, prior_q, points=True))
        case = ("changed" if prior_top != top[0] else "same_flat" if cur_q.rounded() == prior_q.rounded() else
                "same_less" if cur_q.rounded() < prior_q.rounded() else "same_more")
        out.append(Finding("cus.largest_region", case, facts))
    out.append(domestic_finding(ds, counts))
    return out


def domestic_finding(ds: Dataset, counts: pd.Series) -> Finding:
    # Every region id of the breakdown is a region of China (華北, 華東 ...): the share in China is 100%
    # whatever the counts, so the published figure is a consequence of the breakdown, not a finding.
    in_china = all(str(r).endswith("_china") for r in counts.index)
    published = figure_q(ds, "domestic_supplier_share_pct")
    if not in_china:
        return Finding("cus.domestic", "abroad", {"year": ds.year})
    if published.missing:
        return Finding("cus.domestic", "not_published", {"year": ds.year})
    return Finding("cus.domestic", "by_construction" if published.value == 100 else "differs", {"published": published})


def _with_share(region: Bilingual, share: str) -> Bilingual:
    """'Central China (5.0%)' / 華中地區（5.0%）."""
    return Bilingual(f"{region} ({share})", f"{region.zh}（{share}）")


def share_findings(ds: Dataset) -> list[Finding]:
    y = ds.year
    shares = kpis.share(ds, "suppliers", "supplier_region", y)
    pub = ds.breakdown("supplier_share_pct", "supplier_region", y)
    pub = pub[[r in shares.index for r in pub.index]].sort_values(ascending=False, kind="stable")
    if not len(pub):
        return []
    listed = [Finding("cus.share_item", "listed", {"share": Q(float(v), 0, "%"), "region": ds.label("supplier_region", r)})
              for r, v in pub.items()]
    ok = all(abs(float(v) - float(shares[r])) <= ROUNDING_SHARE + FLOAT_NOISE for r, v in pub.items())
    counts = ds.breakdown("suppliers", "supplier_region", y)
    rest = [_with_share(ds.label("supplier_region", r), formatting.pct(shares[r])) for r in shares.index
            if r not in pub.index and counts.get(r, 0) > 0]
    return [Finding("cus.share_check", "match" if ok else "mismatch", {"published": listed}),
            Finding("cus.share_gap", "left_out" if rest else "complete", {
                "n_published": len(pub), "total": Q(float(pub.sum()), 0, "%"), "left_out": rest})]


def standards_findings(ds: Dataset) -> list[Finding]:
    standards = ds.table("industry_standards")
    count = int((standards["year"] == ds.year).sum())
    case = "listed" if count else "none" if ds.own_report else "comparative"
    return [Finding("cus.standards", case, {"count": count, "year": ds.year, "report_year": _report_year(ds)}),
            _sentence(ds, "cus.llm_standard", {"co_drafters": figure_q(ds, "llm_standard_co_drafters", bare=True)})
            if count else Finding("cus.llm_standard", "missing"),
            _sentence(ds, "cus.small_business_served", {"served": figure_q(ds, "small_business_users_served_10k", bare=True)})]


def scope_finding(ds: Dataset) -> Finding:
    y, p = ds.year, ds.year - 1
    facts = {"year": y, "prior_year": p, "report_year": _report_year(ds)}
    has_suppliers = len(ds.rows("suppliers")) > 0
    if ds.own_report:
        case = "suppliers" if has_suppliers and len(ds.rows("suppliers", p)) else "none"
        own = "own" if (ds.table(FILE)["year"] == y).any() else "own_no_customers"
        return Finding("cus.scope", own, {**facts, "with_prior": write(Finding("cus.with_prior", case, facts))})
    available = ([named("suppliers by region", "按地區劃分的供應商")] if has_suppliers else []) + [
        named("its figures for customers", "客戶數字") for _ in [0] if (ds.table(FILE)["year"] == y).any()]
    return Finding("cus.scope", "comparative" if available else "comparative_none", {**facts, "available": available})


def findings(ds: Dataset) -> dict[str, list[Finding]]:
    return {"scope": [scope_finding(ds)], "service": service_findings(ds), "protection": protection_findings(ds),
            "anti_fraud": anti_fraud_findings(ds), "suppliers": supplier_total_findings(ds),
            "regions": region_findings(ds), "shares": share_findings(ds), "standards": standards_findings(ds)}


# Sections whose figures a year may lack altogether: what each is about, for its one note.
SECTION_WHAT = {"service": ("service-quality figures", "服務質素數字"),
                "protection": ("consumer-protection figures", "消費者權益保護數字"),
                "anti_fraud": ("anti-fraud figures", "反欺詐數字")}
# The figures a year may lack: glued as a whole `{glue:figure}` block only when the chart draws something.
FIGURES = {"service": "fig-cus-service", "protection": "fig-cus-consumer-protection",
           "anti_fraud": "fig-cus-anti-fraud"}


def section_note(ds: Dataset, part: str) -> Finding:
    """The one note of a section the year has no figures for: 'no_longer' when the prior year had some."""
    en, zh = SECTION_WHAT[part]
    prior = [m for m in SECTIONS[part] if value(ds, m, ds.year - 1) is not None]
    case = "no_longer" if prior else "none" if ds.own_report else "comparative"
    return Finding("cus.section_none", case, {"what": named(en, zh), "year": ds.year, "report_year": _report_year(ds),
                                               "prior_year": ds.year - 1, "n_prior": len(prior)})


def drawn(chart: charts.Chart) -> bool:
    """Whether a chart draws figures (a placeholder holds only a note)."""
    return list(chart.data.columns) != ["note"]


def figure_block(ds: Dataset, part: str) -> str:
    """The `{glue:figure}` block of a section's chart (caption in the current language), or nothing when the
    year has nothing to draw: no placeholder chart."""
    chart = {"service": service_chart, "protection": protection_chart, "anti_fraud": anti_fraud_chart}[part](ds)
    if not drawn(chart):
        return absent(f"no {FIGURES[part]} for {ds.year}")
    return Md(write(Finding("cus.figure", FIGURES[part])))


def numbers(ds: Dataset) -> dict[str, str]:
    """The chapter's glued paragraphs: the same keys in every edition, each a str (`Md` for `{glue:md}`). A
    section with no figure for the year is one note; its introduction, tables and chart show nothing."""
    out: dict[str, str] = {"cus_year": str(ds.year)}
    for part, fs in findings(ds).items():
        texts = [sentence(write(f)) for f in fs]
        if part in SECTION_WHAT:
            out[f"cus_{part}_text"] = (Md(write(Finding("cus.intro", part)) + "\n\n" + paragraph(*texts)) if any(texts)
                                       else paragraph(sentence(write(section_note(ds, part)))))
        elif part == "standards" and fs[0].case == "listed":
            out[f"cus_{part}_text"] = Md(write(Finding("cus.intro", part)) + "\n\n" + paragraph(*texts))
        else:
            out[f"cus_{part}_text"] = paragraph(*texts) if any(texts) else absent(f"no {part} figures for {ds.year}")
    for part in FIGURES:
        out[f"cus_{part}_figure"] = figure_block(ds, part)
    return out


def hkex_status(ds: Dataset) -> dict[str, tuple[str, str]]:
    """HKEX B5 and B6.2 items: (status, reason), from the chapter's findings."""
    regions = region_findings(ds)
    rates = service_findings(ds)[0]
    own = ds.own_report and ds.year in REPORT_STATEMENTS
    policy = "the procurement management policy" if own else None
    # Keyed entries (`entry`), not plain text: data/hkex_index.csv holds the same English sentences as data.
    out = {"B5": (("disclosed", entry("The procurement management policy on supplier sourcing, qualification review, "
                                      "evaluation and removal is described.")) if policy else
                  ("not disclosed", entry("No supply-chain policy of {year} is described.", year=ds.year)))}
    out["B5.1"] = (("disclosed", entry("Suppliers by region of China are given in the data table.")) if regions else
                   ("not disclosed", entry("No suppliers by region are given for {year}.", year=ds.year)))
    out["B5.2"] = (("partly", "Procurement rules and integrity agreements are described; their implementation and "
                    "monitoring are not shown.") if own else
                   ("not disclosed", entry("No supplier engagement practice of {year} is described.", year=ds.year)))
    out["B5.3"] = (("partly", entry("Supplier qualification reviews and site visits address integrity risk; no "
                                    "environmental or social risk identification is described.")) if own else
                   ("not disclosed", entry("No supply-chain risk practice of {year} is described.", year=ds.year)))
    out["B5.4"] = ("not disclosed", "No practice promoting environmentally preferable products or services is described.")
    out["B6.2"] = (("partly", "Satisfaction and first-contact resolution are reported, but not the number of "
                    "complaints.") if rates.case == "stated" else
                   ("not disclosed", entry("No service-quality figure or complaint count is given for {year}.",
                                           year=ds.year)))
    return out


# -- tables ---------------------------------------------------------------------------------
def _figures(ds: Dataset, label: str, caption: str, metrics: list[str]) -> present.Table:
    """The figures as published; a year with none of them has no rows, so the table shows nothing."""
    return present.table(present.figures_frame(ds, FILE, metrics), label, caption, present.source(ds, FILE))


def service_table(ds: Dataset) -> present.Table:
    return _figures(ds, "tbl-cus-service", "Customer service quality (客戶服務): user satisfaction, first-contact "
                    "resolution and the service channels, as published.", SERVICE)


def protection_table(ds: Dataset) -> present.Table:
    return _figures(ds, "tbl-cus-consumer-protection", "Consumer protection (消費者權益保護) and financial education, "
                    "as published.", PROTECTION)


def anti_fraud_table(ds: Dataset) -> present.Table:
    return _figures(ds, "tbl-cus-anti-fraud", "Anti-fraud (反欺詐) figures, as published; the warning calls, victims "
                    "intercepted and losses avoided are counted up to the end of the year.", ANTI_FRAUD)


def industry_table(ds: Dataset) -> present.Table:
    return _figures(ds, "tbl-cus-industry", "Industry figures (行業共贏), as published.", INDUSTRY_METRICS)


def _count_change(cur, before) -> str:
    if cur is None or before is None:
        return formatting.DASH
    diff = float(cur) - float(before)
    return ("+" if diff > 0 else "−" if diff < 0 else "±") + formatting.num(abs(diff))


def supplier_frame(ds: Dataset) -> pd.DataFrame:
    """Suppliers by region for the year and the prior year, with shares and the published shares; a
    prior year the data lack has no columns, and a change from zero is a dash."""
    y, p = ds.year, ds.year - 1
    counts, prior = ds.breakdown("suppliers", "supplier_region", y), ds.breakdown("suppliers", "supplier_region", p)
    shares, prior_shares = (kpis.share(ds, "suppliers", "supplier_region", y),
                            kpis.share(ds, "suppliers", "supplier_region", p))
    published = ds.breakdown("supplier_share_pct", "supplier_region", y)
    regions = list(counts.index) + [r for r in prior.index if r not in counts.index]
    rows = []

    def row(name, cur, before, share, prior_share, pub):
        # The change in suppliers, not in %: on bases of 1 to 9 suppliers a percentage (+600%) says little.
        return {"Region": name, str(y): formatting.num(cur) if cur is not None else formatting.DASH,
                str(p): formatting.num(before) if before is not None else formatting.DASH,
                "Change": _count_change(cur, before),
                entry("Share {year}", year=y): formatting.pct(share) if share is not None else formatting.DASH,
                entry("Share {year}", year=p): formatting.pct(prior_share) if prior_share is not None else formatting.DASH,
                entry("Published share {year}", year=y): formatting.pct(pub, 0) if pub is not None else formatting.DASH}

    for r in regions:
        rows.append(row(_region(ds, r), counts.get(r), prior.get(r), shares.get(r), prior_shares.get(r),
                        published.get(r)))
    total, total_prior = kpis.compute(ds, "suppliers_total", y), kpis.compute(ds, "suppliers_total", p)
    rows.append(row(glossed("Total", "合計"), total, total_prior, 100.0 if total else None, 100.0 if total_prior else None,
                    value(ds, "domestic_supplier_share_pct")))
    frame = pd.DataFrame(rows)
    empty = [c for c in frame.columns if c != "Region" and (frame[c] == formatting.DASH).all()]
    if str(p) in empty:
        empty.append("Change")
    return frame.drop(columns=list(dict.fromkeys(empty)))


def supplier_table(ds: Dataset) -> present.Table:
    frame = supplier_frame(ds) if len(ds.rows("suppliers")) or len(ds.rows("suppliers", ds.year - 1)) else \
        pd.DataFrame()
    return present.table(frame, "tbl-cus-suppliers", entry("Suppliers by region (按地區劃分的供應商數目), {span}: "
                         "counts from the data table, the change in suppliers, shares recomputed from the counts, and the "
                         "shares the text publishes (the total's published share is the share of suppliers in China, "
                         "中國供應商占比).", span=present.versus(ds)),
                         present.source(ds, "suppliers", section=(TABLE, SUPPLIERS)))


def standards_table(ds: Dataset) -> present.Table:
    standards = ds.table("industry_standards")
    standards = standards[standards["year"] == ds.year]
    if standards.empty:
        body = pd.DataFrame()  # nothing shows: the section's paragraph says the year lists none
    else:
        body = pd.DataFrame({"No.": range(1, len(standards) + 1), "Title (標題)": standards["title_zh"],
                             "Title in English (our translation)": [
                                 Bilingual(en, zh) for en, zh in zip(standards["title_en"], standards["title_zh"])]})
    return present.table(body, "tbl-cus-standards", entry("Standards, guides and reports the company helped draft in "
                         "{year} (參與行業標準編寫), in the order the report lists them.", year=ds.year),
                         present.source(ds, "industry_standards", section=INDUSTRY))


def figures(ds: Dataset) -> present.Table:
    return present.figures_table(ds, "suppliers", "tbl-cus-supplier-figures", "Every supplier figure in the "
                                 "data (供應商), as published, with both years where the report gives them.",
                                 what="supplier figures")


# -- charts ---------------------------------------------------------------------------------
def service_chart(ds: Dataset) -> charts.Chart:
    label, title = "fig-cus-service", entry("Customer service quality (客戶服務), %")
    rows = []
    for metric in SERVICE:
        if ds.metric_info[metric]["unit"] != "%":
            continue
        for y in (ds.year - 1, ds.year):
            v = value(ds, metric, y)
            if v is not None:
                m = ds.metric_info[metric]
                rows.append({"item": glossed(m["name_en"], m["name_zh"]), "metric": metric, "year": y, "rate": v,
                             "unit": "%"})
    if not rows:
        return charts.placeholder(label, title, entry("The report gives no service-quality figures for {year}.",
                                                      year=ds.year))
    return charts.years_bars(pd.DataFrame(rows), label=label, title=title, category="item", value="rate",
                             unit="%", measure="Rate", decimals=2,
                             description="Bar chart of user satisfaction, first-contact "
                             "resolution, smart-service diversion and online connection rates in percent, by year "
                             "where the report gives them; each bar is labelled with its year and value.")


def protection_chart(ds: Dataset) -> charts.Chart:
    return exact_panels(ds, PROTECTION, label="fig-cus-consumer-protection",
                        title=entry("Consumer protection and education (消費者權益保護), {year}", year=ds.year),
                        description=entry("Bar chart of the consumer protection and financial education figures of "
                                          "{year} that the report gives exactly, one panel per unit; each bar is "
                                          "labelled with the figure as published.", year=ds.year))


def anti_fraud_chart(ds: Dataset) -> charts.Chart:
    return exact_panels(ds, ANTI_FRAUD, label="fig-cus-anti-fraud",
                        title=entry("{text}, {span}", text=glossed("Anti-fraud", "反欺詐"), span=span(ds.year)),
                        description=entry("Bar chart of the anti-fraud figures of {year} (model runs, anomalies a day, "
                                          "victims dissuaded and intercepted, warning calls, losses avoided), one panel "
                                          "per unit; each bar is labelled with the figure as published.", year=ds.year))


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
    label, title = "fig-cus-suppliers-region", entry("Suppliers by region (按地區劃分的供應商數目), count")
    frame = _supplier_rows(ds)
    if frame.empty:
        return charts.placeholder(label, title, entry("The report gives no suppliers by region for {year}.",
                                                      year=ds.year))
    return charts.years_bars(frame, label=label, title=title, category="region", value="suppliers", unit="count",
                             measure="Suppliers",
                             year="series", decimals=0,
                             description=entry("Bar chart of suppliers by region of China for {span} where the report "
                                               "gives them; each bar is labelled with its year and number of suppliers, "
                                               "including the regions with none.",
                                               span=span(ds.year - 1, ds.year, "and")))


def supplier_shares_chart(ds: Dataset) -> charts.Chart:
    label, title = "fig-cus-supplier-shares", entry("Share of suppliers by region (供應商地區占比), %")
    frame = _supplier_rows(ds, "share")
    if frame.empty:
        return charts.placeholder(label, title, entry("The report gives no suppliers by region for {year}.",
                                                      year=ds.year))
    published = ds.breakdown("supplier_share_pct", "supplier_region", ds.year)
    frame = pd.concat([frame, pd.DataFrame([{"region": _region(ds, r), "series": entry("{year} published", year=ds.year),
                                             "share": float(v)} for r, v in published.items()])],
                      ignore_index=True)
    return charts.years_bars(frame, label=label, title=title, category="region", value="share", unit="%",
                             measure="Share of suppliers",
                             year="series", decimals=1,
                             description=entry("Bar chart of each region's share of suppliers, recomputed from the counts "
                                               "for {span}, next to the shares the report publishes; each bar is "
                                               "labelled with its series and value.",
                                               span=span(ds.year - 1, ds.year, "and")))
