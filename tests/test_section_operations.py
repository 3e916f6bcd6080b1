"""Chapter 5 (responsible operations): figures as published, hedges, unit panels, 2022 edition."""
from esgbook.sections import operations as ops


def test_sections_cover_every_operations_metric(ds2023):
    listed = [m for metrics in ops.SECTIONS.values() for m in metrics]
    assert len(listed) == len(set(listed))
    assert set(listed) == set(ds2023.table("operations")["metric"])


def test_figures_as_published_with_hedges(ds2023):
    n = ops.numbers(ds2023)
    assert n["ops_smb_model_auc"] == "at least 0.9"
    assert n["ops_smb_users_newly_identified_10k_abs"] == "4.5 million"
    assert n["ops_smb_users_industry_tagged_10k_abs"] == "more than 24.5 million"
    assert n["ops_marketing_assets_generated_pct_image"] == "about 70%"
    assert n["ops_counterfeit_apps_handled"] == "more than 5,000"
    assert n["ops_data_leak_loss_prevented_cny100m_abs"] == "420 million"
    assert n["ops_argus_fraud_loss_rate_pct"] == "below 2%"
    assert n["ops_impersonation_account_loss_rate_bp"] == "below 0.001"
    assert n["ops_argus_graph_edges_100m_abs"] == "164 billion"
    assert n["ops_ip_patent_applications"] == "more than 900"
    assert n["ops_ip_patents_granted"] == "about 300"


def test_derived_ratios(ds2023):
    n = ops.numbers(ds2023)
    assert n["ops_case_credit_line_increase_pct"] == "66.7%"   # CNY 120,000 -> 200,000
    assert n["ops_ai_lines_per_block"] == "23"                  # 460,000 lines / 20,000 blocks
    assert n["ops_panshi_rank_percentile"] == "7.5%"            # 12th of 160 defence teams
    assert n["ops_argus_edges_per_node"] == "68"                # 164 bn edges / 2.4 bn nodes
    assert n["ops_ip_granted_share"] == "33%"
    assert n["ops_cny_per_loan_alert"] == "14"                  # CNY 315 m / 21.8 m alerts


def test_no_prior_year_is_said(ds2023):
    assert "no 2022 comparatives" in ops.numbers(ds2023)["ops_availability"]


def test_unit_panels_keep_units_apart(ds2023):
    chart = ops.argus_chart(ds2023)
    frame = chart.data
    assert set(frame["unit"]) == {"%", "s", "count", "100m count", "100m times/day", "ms", "bp"}
    times = frame[frame["metric"] == "argus_avg_disbursement_time_s"].set_index("category")["value"].to_dict()
    assert times == {"credit_approval": 44.0, "drawdown": 39.0}
    assert chart.label == "fig-ops-argus"


def test_ip_chart_rows(ds2023):
    frame = ops.ip_chart(ds2023).data.set_index("metric")
    assert frame.loc["ip_trademarks", "value"] == 200
    assert frame.loc["ip_trademarks", "qualifier"] == "more than"
    assert frame.loc["ip_advantage_entities", "value"] == 2


def test_tables_list_each_figure(ds2023):
    assert len(ops.argus_table(ds2023).frame) == 15  # 13 metrics, two of them with two breakdowns
    assert len(ops.security_table(ds2023).frame) == 14  # 13 metrics, the teams split into attack and defence
    panshi = ops.security_table(ds2023).frame
    assert panshi[panshi["Breakdown"] == "Defence teams"]["2023"].tolist() == ["160"]


def test_2022_edition_has_no_figures_but_all_charts(ds2022):
    n = ops.numbers(ds2022)
    assert n["ops_smb_model_auc"] == "n/a"
    assert n["ops_ip_granted_share"] == "n/a"
    assert "none of these figures for 2022" in n["ops_availability"]
    for make in (ops.ai_chart, ops.platform_chart, ops.security_chart, ops.panshi_chart, ops.argus_chart,
                 ops.ip_chart):
        chart = make(ds2022)
        assert chart.label.startswith("fig-ops-") and chart.description.startswith("No chart")
    assert ops.ai_table(ds2022).frame.columns.tolist() == ["Note"]
