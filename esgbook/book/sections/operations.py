"""Chapter 5, responsible operations (責任運營): AI and large models, the 毓數 data platform,
data governance and security, the Argus risk engine, intellectual property.

The report gives each of these figures once, for 2023, in a dozen different units. Each sentence of
the chapter is a finding that carries its figures (`SENTENCES`): it is written only when the year has
all of them, and a section with none says so once. Tables list the figures as published (hedges
included); charts draw only the exact figures, one panel per unit, and list the hedged ones.

The helpers at the top (`figure_q`, `sentence`, `exact_panels`) are shared with
chapters 4 and 6.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from esgbook.analysis import kpis
from esgbook.book import charts, formatting, present
from esgbook.book.narrative import Finding, Md, Q, absent, language, paragraph, sentence, write
from esgbook.book.narrative.bilingual import Bilingual, concat, entry, hedge, join
from esgbook.inputs.dataset import Dataset
from esgbook.inputs.errors import DataError

PREFIX = "ops"  # of every glue key, table and figure label (tests/test_section_contract.py)

FILE = "operations"
AI_SMB = ["smb_model_auc", "smb_users_newly_identified_10k", "smb_identified_users_increase_pct",
          "smb_industry_coverage_pct", "knowledge_graph_industries", "smb_users_industry_tagged_10k"]
AI_TELESALES = ["telesales_call_duration_increase_pct", "telesales_qc_coverage_pct",
                "telesales_qc_detection_increase_pct", "telesales_script_quality_rate_pct"]
AI_MARKETING = ["marketing_assets_generated_pct", "marketing_reach_increase_pct", "telesales_lead_accuracy_pct",
                "telesales_conversion_increase_pct", "credit_cost_optimisation_pct"]
AI_RND = ["ai_code_blocks_10k", "ai_code_lines_10k", "ai_coding_share_pct"]
AI_CASE = ["case_credit_line_cny10k", "case_borrowings"]
AI = AI_SMB + AI_TELESALES + AI_MARKETING + AI_RND + AI_CASE
PLATFORM = ["yushu_query_cost_reduction_pct", "yushu_fast_query_share_pct", "yushu_fast_query_threshold_s",
            "yushu_ai_diagnosed_anomalies_pct", "yushu_self_healing_tasks_pct", "yushu_sla_pct"]
DATA_CRIME = ["counterfeit_apps_handled", "black_grey_channels_found", "data_sellers_investigated",
              "data_leak_loss_prevented_cny100m", "platforms_monitored_10k", "counterfeit_products_blocked",
              "fake_service_posts_reported"]
RESPONSE = ["loan_alert_services_10k", "consumer_funds_protected_cny100m", "cyber_security_incidents"]
PANSHI = ["panshi_teams", "panshi_exercise_days", "panshi_group_stage_days", "panshi_rank"]
SECURITY = DATA_CRIME + RESPONSE + PANSHI
ARGUS = ["argus_remote_signing_pct", "argus_auto_approval_rate_pct", "argus_avg_disbursement_time_s",
         "argus_fraud_loss_rate_pct", "argus_decision_rules", "argus_ml_models", "argus_auto_decision_accuracy_pct",
         "argus_risk_features", "argus_graph_nodes_100m", "argus_graph_edges_100m", "argus_daily_computations_100m",
         "argus_graph_query_time_ms", "impersonation_account_loss_rate_bp", "argus_engine_generation"]
IP = ["ip_trademarks", "ip_patent_applications", "ip_patents_granted", "ip_copyrights", "ip_advantage_entities"]
SECTIONS = {"ai": AI, "data_platform": PLATFORM, "data_security": SECURITY, "argus": ARGUS, "ip": IP}

# What the report's narrative states beyond its figures, by report year (section 05 資料治理 and 應急回應);
# shown only in that year's own edition (`ds.own_report`). A new report adds its entry.
REPORT_STATEMENTS = {
    2023: {"certifications": [("information security level protection 2.0, level three", "資訊安全等級保護2.0三級測評"),
                              ("ISO 27001", "ISO 27001"), ("ISO 27701", "ISO 27701"),
                              ("the DSG data-security governance assessment", "DSG資料安全治理能力評估")],
           "no_hacking_incident": True},
}


# -- helpers shared with chapters 4 and 6 ----------------------------------------------------
def row_of(ds: Dataset, metric: str, year: int | None = None, dimension: str = "total", category: str = "all"):
    """`ds.row`, or None also when no file holds the metric at all (every row of it removed)."""
    try:
        return ds.row(metric, year, dimension, category)
    except DataError:
        return None


def value(ds: Dataset, metric: str, year: int | None = None, dimension: str = "total", category: str = "all"):
    row = row_of(ds, metric, year, dimension, category)
    return None if row is None else float(row["value"])


def figure_q(ds: Dataset, metric: str, year: int | None = None, dimension: str = "total", category: str = "all",
             bare: bool = False) -> Q:
    """A figure as the report gives it (decimals as printed, hedge), or a missing Q. `bare`: the number
    without its unit word ('4.5 million', not '4.5 million people'), for prose that names the thing."""
    row = row_of(ds, metric, year, dimension, category)
    if row is None:
        return Q(None)
    value, unit = float(row["value"]), row["unit"]
    if bare:
        unit = "10k count" if unit.startswith("10k") else "100m count" if unit.startswith("100m") else ""
    return Q(value, formatting.decimals_of(value), unit, row["qualifier"] or "")


def _hedged_figure(ds: Dataset, r) -> Bilingual:
    """A hedged figure of `charts.figure_rows` as the chart lists it: 'Front-line publicity staff (一線宣傳人員):
    more than 2,000 persons' (一線宣傳人員：超過2,000人); a share or a count has no unit word; a 萬/億 figure is
    written as the tables write it ('more than 50 million persons' / 超過5,000萬人)."""
    if r.unit in formatting.SCALES:  # as the tables write it: in full in English, as printed in Chinese
        figure = concat(present.published_cell(r.value, r.qualifier, r.unit), present.unit_cell(ds, r.unit),
                        sep=" ", zh_sep="")
        return concat(r.figure, figure, sep=": ", zh_sep="：")
    number = formatting.num(r.value, formatting.decimals_of(r.value)) + ("%" if r.unit == "%" else "")
    figure = (entry("{hedge} {n}", hedge=hedge(r.qualifier), n=number) if r.unit in ("%", "count") else
              entry("{hedge} {n} {text}", hedge=hedge(r.qualifier), n=number, text=ds.unit_name(r.unit)))
    return concat(r.figure, figure, sep=": ", zh_sep="：")


def exact_panels(ds: Dataset, metrics: list[str], *, label: str, title: str, description: Bilingual) -> charts.Chart:
    """Unit panels of the figures the report gives exactly; hedged ones ('below 2%', 'more than 900') are
    not drawn as bars (a bar would claim a value the report does not give) but listed under the title.
    `description`: the chart's description, a sentence."""
    known = []
    for metric in metrics:  # a metric every row of which was removed has no file to read from
        try:
            ds.rows(metric)
            known.append(metric)
        except DataError:
            pass
    rows = charts.figure_rows(ds, known)
    if rows.empty:
        return charts.placeholder(label, title, entry("The report gives none of these figures for {year}.", year=ds.year))
    hedged, exact = rows[rows["qualifier"] != ""], rows[rows["qualifier"] == ""]
    listed = [_hedged_figure(ds, r) for r in hedged.itertuples()]
    if exact.empty:
        return charts.placeholder(label, title, entry("Every one of these figures is hedged in the report, so none is "
                                                      "drawn: {text}.", text=join(listed)))
    chart = charts.unit_panels(exact, label=label, title=title, description=description, missing="")
    if listed:
        chart.chart = chart.chart.properties(title=alt.TitleParams(
            title, subtitle=["Not drawn, because the report hedges them:", *listed], anchor="start",
            font=charts.FONT, subtitleFont=charts.FONT))
        chart.description = concat(description, entry("Not drawn, because the report hedges them: {text}.",
                                                      text=join(listed)), sep=" ", zh_sep="")
        chart.data = pd.concat([chart.data, hedged.drop(columns=charts.CHART_ONLY, errors="ignore")],
                               ignore_index=True)
    return chart


# -- findings -------------------------------------------------------------------------------
def _report_year(ds: Dataset) -> str:
    return str(ds.report["report_year"]) if ds.report else str(ds.year)


def _derived(ds: Dataset) -> dict[str, Q]:
    """Ratios a reader would work out; hedged inputs make them approximate (the sentences say so)."""
    v = lambda *a, **k: value(ds, *a, **k)  # noqa: E731
    initial = v("case_credit_line_cny10k", dimension="credit_line_stage", category="initial")
    raised = v("case_credit_line_cny10k", dimension="credit_line_stage", category="raised")
    defence = v("panshi_teams", dimension="team_side", category="defence")
    return {
        # 12 and 20 (萬元) carry two significant digits: the increase is 67%, not 66.7%
        "case_increase": Q(kpis.div(None if raised is None or initial is None else raised - initial, initial, 100),
                           0, "%"),
        # 2 (萬) code blocks carry one significant digit, so lines per block do too (about 20, not 23)
        "per_block": _sig(kpis.div(v("ai_code_lines_10k"), v("ai_code_blocks_10k")), 1),
        "per_alert": Q(kpis.div(v("consumer_funds_protected_cny100m"), v("loan_alert_services_10k"), 1e8 / 1e4), 0),
        "percentile": Q(kpis.div(v("panshi_rank"), defence, 100), 1, "%"),
        "per_node": Q(kpis.div(v("argus_graph_edges_100m"), v("argus_graph_nodes_100m")), 0),
        "granted_share": Q(kpis.div(v("ip_patents_granted"), v("ip_patent_applications"), 100), 0, "%"),
    }


def _sig(x: float | None, digits: int) -> Q:
    """A ratio to the significant digits of its least precise input."""
    return Q(None if x is None else round(x, formatting.significant(x, digits, least=-9)), 0)


# Each sentence: its topic and its facts, a fact being (metric, category or None, bare) or a derived name.
def _f(metric: str, category: str | None = None, bare: bool = False) -> tuple:
    return (metric, category, bare)


SENTENCES = {
    "ai": [
        ("ops.smb_model", {"auc": _f("smb_model_auc"), "new_users": _f("smb_users_newly_identified_10k", bare=True),
                           "growth": _f("smb_identified_users_increase_pct")}),
        ("ops.smb_industry", {"coverage": _f("smb_industry_coverage_pct"),
                              "industries": _f("knowledge_graph_industries", bare=True),
                              "tagged": _f("smb_users_industry_tagged_10k", bare=True)}),
        ("ops.telesales", {"duration": _f("telesales_call_duration_increase_pct"), "qc": _f("telesales_qc_coverage_pct"),
                           "detection": _f("telesales_qc_detection_increase_pct"),
                           "scripts": _f("telesales_script_quality_rate_pct")}),
        ("ops.marketing", {"image": _f("marketing_assets_generated_pct", "image"),
                           "video": _f("marketing_assets_generated_pct", "video"),
                           "reach": _f("marketing_reach_increase_pct"), "accuracy": _f("telesales_lead_accuracy_pct"),
                           "conversion": _f("telesales_conversion_increase_pct"),
                           "credit_cost": _f("credit_cost_optimisation_pct")}),
        ("ops.rnd", {"lines": _f("ai_code_lines_10k", bare=True), "blocks": _f("ai_code_blocks_10k", bare=True),
                     "per_block": "per_block", "share": _f("ai_coding_share_pct")}),
        ("ops.ai_caveat", {"any": _f("smb_model_auc")}),
        ("ops.case", {"initial": _f("case_credit_line_cny10k", "initial"),
                      "raised": _f("case_credit_line_cny10k", "raised"), "increase": "case_increase",
                      "borrowings": _f("case_borrowings", bare=True)}),
    ],
    "platform": [
        ("ops.platform", {"cost_cut": _f("yushu_query_cost_reduction_pct"), "fast_share": _f("yushu_fast_query_share_pct"),
                          "threshold": _f("yushu_fast_query_threshold_s"),
                          "diagnosed": _f("yushu_ai_diagnosed_anomalies_pct"),
                          "self_healing": _f("yushu_self_healing_tasks_pct"), "sla": _f("yushu_sla_pct")}),
    ],
    "security": [
        ("ops.data_crime", {"apps": _f("counterfeit_apps_handled", bare=True),
                            "channels": _f("black_grey_channels_found", bare=True),
                            "sellers": _f("data_sellers_investigated"), "loss": _f("data_leak_loss_prevented_cny100m"),
                            "platforms": _f("platforms_monitored_10k", bare=True),
                            "blocked": _f("counterfeit_products_blocked", bare=True),
                            "posts": _f("fake_service_posts_reported", bare=True)}),
        ("ops.alerts", {"alerts": _f("loan_alert_services_10k", bare=True), "funds": _f("consumer_funds_protected_cny100m"),
                        "per_alert": "per_alert"}),
    ],
    "panshi": [
        ("ops.panshi", {"attack": _f("panshi_teams", "attack", True), "defence": _f("panshi_teams", "defence", True),
                        "days": _f("panshi_exercise_days"), "group_days": _f("panshi_group_stage_days", bare=True),
                        "rank": _f("panshi_rank", bare=True), "percentile": "percentile"}),
    ],
    "argus": [
        ("ops.argus", {"remote": _f("argus_remote_signing_pct"), "auto_approval": _f("argus_auto_approval_rate_pct"),
                       "approval_s": _f("argus_avg_disbursement_time_s", "credit_approval"),
                       "drawdown_s": _f("argus_avg_disbursement_time_s", "drawdown"),
                       "rules": _f("argus_decision_rules", bare=True), "models": _f("argus_ml_models", bare=True),
                       "features": _f("argus_risk_features", bare=True),
                       "accuracy": _f("argus_auto_decision_accuracy_pct")}),
        ("ops.argus_graph", {"nodes": _f("argus_graph_nodes_100m", bare=True),
                             "edges": _f("argus_graph_edges_100m", bare=True), "per_node": "per_node",
                             "daily": _f("argus_daily_computations_100m", bare=True),
                             "first_ms": _f("argus_graph_query_time_ms", "first_degree"),
                             "second_ms": _f("argus_graph_query_time_ms", "second_degree")}),
        ("ops.loss_rates", {"fraud_rate": _f("argus_fraud_loss_rate_pct"),
                            "impersonation": _f("impersonation_account_loss_rate_bp")}),
    ],
    "ip": [
        ("ops.ip", {"trademarks": _f("ip_trademarks", bare=True), "applications": _f("ip_patent_applications", bare=True),
                    "granted": _f("ip_patents_granted", bare=True), "copyrights": _f("ip_copyrights", bare=True)}),
        ("ops.ip_entities", {"entities": _f("ip_advantage_entities", bare=True)}),
    ],
}


def _category_of(ds: Dataset, metric: str, category: str | None) -> tuple[str, str]:
    if category is None:
        return "total", "all"
    rows = ds.table(FILE)
    dims = rows.loc[(rows["metric"] == metric) & (rows["category"] == category), "dimension"]
    return (str(dims.iloc[0]) if len(dims) else "total"), category


def sentence_finding(ds: Dataset, topic: str, spec: dict, derived: dict[str, Q]) -> Finding:
    """'stated' with its figures when the year has every one of them, else 'missing' (left out)."""
    facts: dict = {"year": ds.year}
    for key, source in spec.items():
        if isinstance(source, str):
            facts[key] = derived[source]
        else:
            metric, category, bare = source
            facts[key] = figure_q(ds, metric, None, *_category_of(ds, metric, category), bare=bare)
    if any(isinstance(q, Q) and q.missing for q in facts.values()):
        return Finding(topic, "missing", {"year": ds.year})
    return Finding(topic, "stated", facts)


def statement_findings(ds: Dataset) -> dict[str, Finding]:
    """The report's own statements (certifications, no hacking incident): only in the year's own edition."""
    said = REPORT_STATEMENTS.get(ds.year) if ds.own_report else None
    out = {"certifications": Finding("ops.certifications", "missing"),
           "no_hacking": Finding("ops.no_hacking", "missing")}
    if said and said.get("certifications"):
        out["certifications"] = Finding("ops.certifications", "stated",
                                        {"year": ds.year, "certifications": [Bilingual(*c) for c in
                                                                             said["certifications"]]})
    if said and said.get("no_hacking_incident"):
        out["no_hacking"] = Finding("ops.no_hacking", "stated", {"year": ds.year})
    return out


def ip_share_finding(ds: Dataset, derived: dict[str, Q]) -> Finding:
    share = derived["granted_share"]
    if share.missing:
        return Finding("ops.ip_granted_share", "missing")
    granted, applications = row_of(ds, "ip_patents_granted"), row_of(ds, "ip_patent_applications")
    case = ("upper_bound" if applications["qualifier"] == "more than" and granted["qualifier"] != "more than" else
            "exact" if not applications["qualifier"] and not granted["qualifier"] else "approximate")
    return Finding("ops.ip_granted_share", case, {"share": share})


def findings(ds: Dataset) -> dict[str, list[Finding]]:
    """The chapter's findings by glued paragraph ('missing' sentences are left out; a section with none
    is absent, and the chapter's scope paragraph says once that the year has no figures)."""
    derived = _derived(ds)
    said = statement_findings(ds)
    out = {part: [sentence_finding(ds, topic, spec, derived) for topic, spec in specs]
           for part, specs in SENTENCES.items()}
    out["security"] = [said["certifications"], out["security"][0], said["no_hacking"], out["security"][1]]
    out["ip"].insert(1, ip_share_finding(ds, derived))
    return out


def scope_finding(ds: Dataset) -> Finding:
    frame = ds.table(FILE)
    has_year, prior = bool((frame["year"] == ds.year).any()), frame[frame["year"] == ds.year - 1]
    facts = {"year": ds.year, "prior_year": ds.year - 1, "report_year": _report_year(ds),
             "n_prior": prior["metric"].nunique()}
    if not has_year:
        return Finding("ops.scope", "none" if ds.own_report else "comparative", facts)
    return Finding("ops.scope", "with_prior" if len(prior) else "year_only", facts)


PARAGRAPH_STARTS = {"ops.ai_caveat"}  # sentences that open a paragraph without a bold lead-in
# The chapter's sections (their heading stays in every edition): each opens with what the report measures when
# the year has figures, and is one note when it has none. Panshi and the resilience paragraph sit in 'security'.
SECTION_WHAT = {"ai": ("large models in the business", "業務中的大模型"),
                "platform": ("the 毓數 data platform", "毓數大數據平台"),
                "security": ("data governance and security", "數據治理及安全"),
                "argus": ("the Argus risk engine", "Argus風控引擎"),
                "ip": ("intellectual property", "知識產權")}


SECTION_METRICS = {"ai": AI, "platform": PLATFORM, "security": SECURITY, "argus": ARGUS, "ip": IP}


def section_note(ds: Dataset, part: str) -> Finding:
    """The one note of a section the year has no figure or statement for: 'no_longer' when the prior year had
    some (a figure the new report no longer discloses is said so), else none / a comparative edition."""
    en, zh = SECTION_WHAT[part]
    prior = [m for m in SECTION_METRICS[part] if value(ds, m, ds.year - 1) is not None]
    case = "no_longer" if prior else "none" if ds.own_report else "comparative"
    return Finding("ops.section_none", case, {"what": Bilingual(en, zh), "year": ds.year, "report_year": _report_year(ds),
                                               "prior_year": ds.year - 1, "n_prior": len(prior)})


def numbers(ds: Dataset) -> dict[str, str]:
    """The chapter's glued paragraphs (the same keys in every edition); each bold-led sentence starts
    a paragraph of its own. A section the year has nothing for is one note, with no introduction."""
    scope = scope_finding(ds)
    # What the chapter gathers is said only in a year that has the figures; a year without is one sentence.
    lead = write(Finding("ops.intro", "chapter")) + "\n\n" if scope.case in ("with_prior", "year_only") else ""
    out: dict[str, str] = {"ops_year": str(ds.year), "ops_scope_text": Md(lead + paragraph(sentence(write(scope))))}
    for part, fs in findings(ds).items():
        blocks: list[str] = []
        for f in fs:
            text = sentence(write(f))
            if not text:
                continue
            if text.startswith("**") or f.topic in PARAGRAPH_STARTS or not blocks:
                blocks.append(text)
            else:
                blocks[-1] += language().JOIN + text  # a space between English sentences, none in Chinese
        if part in SECTION_WHAT:
            blocks = [write(Finding("ops.intro", part)), *blocks] if blocks else \
                [sentence(write(section_note(ds, part)))]
        out[f"ops_{part}_text"] = Md("\n\n".join(blocks)) if blocks else absent(f"no {part} figures for {ds.year}")
    return out


def hkex_status(ds: Dataset) -> dict[str, tuple[str, str]]:
    """HKEX B6 items this chapter assesses: (status, reason), from the chapter's findings."""
    found, said = findings(ds), statement_findings(ds)
    given = {part: [f for f in fs if f.case == "stated" and f.topic.startswith("ops.") and f.topic != "ops.section"]
             for part, fs in found.items()}
    statements = said["certifications"].case == "stated"
    out = {"B6": (("partly", "Privacy, data security and consumer protection are described; advertising and labelling "
                   "are not addressed.") if statements else
                  ("not disclosed", entry("No product-responsibility policy of {year} is described.", year=ds.year)))}
    out["B6.3"] = (("disclosed", "Trademark, patent and copyright holdings are counted.") if given["ip"] else
                   ("not disclosed", entry("No intellectual-property figure is given for {year}.", year=ds.year)))
    out["B6.4"] = (("partly", "Quality assurance is shown through the Argus engine's automation and accuracy figures; "
                    "recall procedures do not apply to the services.") if given["argus"] else
                   ("not disclosed", entry("No quality-assurance figure is given for {year}.", year=ds.year)))
    crime = any(f.topic == "ops.data_crime" for f in given["security"])
    out["B6.5"] = (("disclosed", "Data-security certifications and internal rules are described and the action against "
                    "data crime is counted.") if statements and crime else
                   ("partly", "Either the data-security policies or the figures of their effect are missing.")
                   if statements or crime else
                   ("not disclosed", entry("No data-security policy or figure is given for {year}.", year=ds.year)))
    return out


# -- tables and charts ------------------------------------------------------------------------
def _table(ds: Dataset, label: str, caption: str, metrics: list[str]) -> present.Table:
    """The figures as published, one table per section; a year with none of them has no rows (nothing shows)."""
    return present.table(present.figures_frame(ds, FILE, metrics), label, caption, present.source(ds, FILE))


def ai_table(ds: Dataset) -> present.Table:
    return _table(ds, "tbl-ops-ai", "Large models in the business (創新與研發): small-business finance, telesales, "
                  "marketing, research and development, and the customer case, as published.", AI)


def ai_chart(ds: Dataset) -> charts.Chart:
    """The large-model gains the report states as percentages, on one scale: the section's figures a reader
    compares at a glance (counts and other units stay in the table; hedged figures are listed, not drawn)."""
    gains = [m for m in AI_SMB + AI_TELESALES + AI_MARKETING + AI_RND
             if ds.metric_info[m]["unit"] == "%" and any(w in m for w in ("increase", "optimis", "reduction"))]
    return exact_panels(ds, gains, label="fig-ops-ai", title="Large models in the business: the gains stated in per cent",
                        description=entry("Bar chart of the gains in per cent that the report credits large models "
                                          "with in {year}, each bar labelled with its figure as published.",
                                          year=ds.year))


def platform_table(ds: Dataset) -> present.Table:
    return _table(ds, "tbl-ops-data-platform", "The 毓數 data platform (毓數大資料平臺), as published.", PLATFORM)


def security_table(ds: Dataset) -> present.Table:
    return _table(ds, "tbl-ops-data-security", "Data governance and security (資料治理): action against data crime, "
                  "emergency response and the 磐石行動 exercise, as published.", SECURITY)


def argus_table(ds: Dataset) -> present.Table:
    return _table(ds, "tbl-ops-argus", "The Argus risk engine (智能風控), as published.", ARGUS)


def ip_table(ds: Dataset) -> present.Table:
    return _table(ds, "tbl-ops-ip", "Intellectual property (智慧財產權保護) at the end of the year, as published.", IP)
