"""Chapter 5, responsible operations (責任運營): AI and large models, the 毓數 data platform,
data governance and security, the Argus risk engine, intellectual property.

The report gives each of these figures once, for 2023, in a dozen different units; tables list
them as published (hedges included) and charts draw one panel per unit.
"""
from __future__ import annotations

from .. import charts, kpis, present
from ..data import Dataset

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
RESPONSE = ["loan_alert_services_10k", "consumer_funds_protected_cny100m"]
PANSHI = ["panshi_teams", "panshi_exercise_days", "panshi_group_stage_days", "panshi_rank"]
SECURITY = DATA_CRIME + RESPONSE + PANSHI
ARGUS = ["argus_remote_signing_pct", "argus_auto_approval_rate_pct", "argus_avg_disbursement_time_s",
         "argus_fraud_loss_rate_pct", "argus_decision_rules", "argus_ml_models", "argus_auto_decision_accuracy_pct",
         "argus_risk_features", "argus_graph_nodes_100m", "argus_graph_edges_100m", "argus_daily_computations_100m",
         "argus_graph_query_time_ms", "impersonation_account_loss_rate_bp"]
IP = ["ip_trademarks", "ip_patent_applications", "ip_patents_granted", "ip_copyrights", "ip_advantage_entities"]
SECTIONS = {"ai": AI, "data_platform": PLATFORM, "data_security": SECURITY, "argus": ARGUS, "ip": IP}


def numbers(ds: Dataset) -> dict[str, str]:
    """Every figure the prose quotes: each metric as published (`ops_<metric>[_<category>]`, hedge
    included), written out in full where its unit is 10k or 100m (`..._abs`), and a few ratios."""
    y, p = ds.year, ds.year - 1
    out: dict[str, str] = {"ops_year": str(y), "ops_prior_year": str(p)}
    frame = ds.table(FILE)
    for metric in sorted(frame["metric"].unique()):
        rows = frame[frame["metric"] == metric][["dimension", "category", "unit"]].drop_duplicates()
        for r in rows.sort_values(["dimension", "category"]).itertuples(index=False):
            key = f"ops_{metric}" if r.dimension == "total" else f"ops_{metric}_{r.category}"
            out[key] = present.qualified(ds, metric, y, r.dimension, r.category)
            if r.unit in present.SCALES:
                out[f"{key}_abs"] = present.qualified(ds, metric, y, r.dimension, r.category, absolute=True)
    has_year = bool((frame["year"] == y).any())
    has_prior = bool((frame["year"] == p).any())
    out["ops_availability"] = (
        f"Every figure in this chapter is for {y} only: the report gives no {p} comparatives, so none of them "
        "can be compared with a prior year." if has_year and not has_prior else
        f"The figures are for {y}, with {p} where the report gives it." if has_year else
        f"The report gives none of these figures for {y}: the tables below say so, the charts are empty and "
        "every figure quoted reads n/a.")
    # Ratios a reader would work out; hedged inputs make them approximate.
    initial = ds.value("case_credit_line_cny10k", dimension="credit_line_stage", category="initial")
    raised = ds.value("case_credit_line_cny10k", dimension="credit_line_stage", category="raised")
    out["ops_case_credit_line_increase_pct"] = present.pct(
        None if initial is None or raised is None else (raised - initial) / initial * 100)
    v = ds.value
    out["ops_ai_lines_per_block"] = present.num(kpis.div(v("ai_code_lines_10k"), v("ai_code_blocks_10k")))
    out["ops_cny_per_loan_alert"] = present.num(
        kpis.div(v("consumer_funds_protected_cny100m"), v("loan_alert_services_10k"), 1e8 / 1e4), 0)
    out["ops_panshi_rank_percentile"] = present.pct(
        kpis.div(v("panshi_rank"), v("panshi_teams", dimension="team_side", category="defence"), 100))
    out["ops_argus_edges_per_node"] = present.num(
        kpis.div(v("argus_graph_edges_100m"), v("argus_graph_nodes_100m")), 0)
    out["ops_ip_granted_share"] = present.pct(kpis.div(v("ip_patents_granted"), v("ip_patent_applications"), 100), 0)
    return out


def ai_table(ds: Dataset) -> present.Table:
    return present.figures_table(ds, FILE, "tbl-ops-ai", "Large models in the business (創新與研發): "
                                 "small-business finance, telesales, marketing, research and development, and the "
                                 "customer case, as published.", AI)


def platform_table(ds: Dataset) -> present.Table:
    return present.figures_table(ds, FILE, "tbl-ops-data-platform",
                                 "The 毓數 data platform (毓數大資料平臺), as published.", PLATFORM)


def security_table(ds: Dataset) -> present.Table:
    return present.figures_table(ds, FILE, "tbl-ops-data-security", "Data governance and security (資料治理): "
                                 "action against data crime, emergency response and the 磐石行動 exercise, as "
                                 "published.", SECURITY)


def argus_table(ds: Dataset) -> present.Table:
    return present.figures_table(ds, FILE, "tbl-ops-argus", "The Argus risk engine (智能風控), as published.", ARGUS)


def ip_table(ds: Dataset) -> present.Table:
    return present.figures_table(ds, FILE, "tbl-ops-ip", "Intellectual property (智慧財產權保護) at the end of the "
                                 "year, as published.", IP)


def _panels(ds: Dataset, metrics: list[str], label: str, title: str, what: str) -> charts.Chart:
    return charts.figure_panels(ds, metrics, label=label, title=f"{title}, {ds.year}",
                                description=f"Bar chart of {what} in {ds.year}, one panel per unit with its own "
                                "scale; each bar is labelled with the figure as the report gives it, including "
                                "hedges such as 'more than'.")


def ai_chart(ds: Dataset) -> charts.Chart:
    return _panels(ds, AI_SMB + AI_TELESALES + AI_MARKETING + AI_RND, "fig-ops-ai",
                   "Large models in the business (創新與研發)",
                   "the large-model figures for small-business finance, telesales, marketing and coding")


def platform_chart(ds: Dataset) -> charts.Chart:
    return _panels(ds, PLATFORM, "fig-ops-data-platform", "The 毓數 data platform (毓數大資料平臺)",
                   "the 毓數 data platform's query, diagnosis and service-level figures")


def security_chart(ds: Dataset) -> charts.Chart:
    return _panels(ds, DATA_CRIME + RESPONSE, "fig-ops-data-security",
                   "Action against data crime and fraud (打擊數據違法行為, 應急回應)",
                   "the counterfeit apps, channels, data sellers, losses stopped, platforms monitored, items "
                   "blocked and reported, borrowing alerts and consumer funds protected")


def panshi_chart(ds: Dataset) -> charts.Chart:
    return _panels(ds, PANSHI, "fig-ops-panshi", "The 磐石行動 cyber-security exercise",
                   "the attack and defence teams, the duration of the exercise and its group stage, and the "
                   "company's rank")


def argus_chart(ds: Dataset) -> charts.Chart:
    return _panels(ds, ARGUS, "fig-ops-argus", "The Argus risk engine (智能風控)",
                   "the Argus engine's automation, speed, loss, scale and graph figures")


def ip_chart(ds: Dataset) -> charts.Chart:
    return _panels(ds, IP, "fig-ops-ip", "Intellectual property (智慧財產權)",
                   "trademarks, patent applications, granted patents, copyright registrations and entities "
                   "recognised as national IP advantage enterprises")
