"""Chapter 3 (highlights): the headline figures, what they imply, and the cases."""
import pandas as pd
import pytest

from esgbook.sections import highlights as hl


def test_every_figure_of_the_file_is_shown(ds2023):
    shown = set(hl.HIGHLIGHTS + hl.SMALL_BUSINESS + hl.COMMUNITY)
    assert shown == set(ds2023.table("highlights")["metric"])


def test_figures_as_printed(ds2023):
    n = hl.numbers(ds2023)
    assert n["hl_small_business_lending_cny100m"] == "1,621"
    assert n["hl_small_business_lending_cny100m_plain"] == "CNY 162.1 billion"
    assert n["hl_small_business_loan_share"] == "34.1%"
    assert n["hl_rural_lending_cny100m_plain"] == "CNY 22.14 billion"
    assert n["hl_farmers_served_10k_plain"] == "3.752 million"
    assert n["hl_green_enterprises_served_10k_plain"] == "216,000"
    assert n["hl_wholesale_retail_fund_support_cny10k"] == "more than 5,000"
    assert n["hl_wholesale_retail_fund_support_cny10k_plain"] == "more than CNY 50 million"
    assert n["hl_welfare_centre_volunteers"] == "more than 60"
    assert (n["hl_highlight_count"], n["hl_unit_count"], n["hl_cumulative_count"], n["hl_flow_count"]) == \
        ("8", "4", "5", "3")
    assert "no 2022 comparative" in n["hl_availability"]


def test_derived_figures(ds2023):
    d = hl.derived(ds2023)
    assert d["implied_loan_volume_cny100m"] == pytest.approx(1621 / 0.341)
    assert d["implied_loan_volume_low_cny100m"] < d["implied_loan_volume_cny100m"] < d["implied_loan_volume_high_cny100m"]
    assert d["nev_loan_per_owner_cny"] == pytest.approx(259.6e8 / 17.5e4)
    assert d["green_loan_per_enterprise_cny"] == pytest.approx(160.5e8 / 21.6e4)
    n = hl.numbers(ds2023)
    assert n["hl_implied_loan_volume_cny100m"] == "4,754" and n["hl_implied_loan_volume_bn"] == "475.4"
    assert n["hl_wholesale_support_per_merchant_cny"] == "more than 167"


def test_figures_table_both_years(ds2023):
    frame = hl.figures_table(ds2023).frame
    assert len(frame) == 8 and list(frame.columns[:4]) == ["Theme", "Figure", "2023", "2022"]
    assert (frame["2022"] == "–").all()
    assert (frame["Covers"].str.startswith("cumulative")).sum() == 5


def test_community_table_flags_cases_without_figures(ds2023):
    frame = hl.community_table(ds2023).frame
    col = "Figures given for 2023"
    assert (frame[col] == "none").sum() == 2
    assert "more than 1 million person-times" in frame.loc[1, col]
    assert frame.loc[0, "Partners"] == "鄉村筆記 (Xiangcun Biji)"
    n = hl.numbers(ds2023)
    assert (n["hl_case_count"], n["hl_unquantified_case_count"]) == ("4", "2")


def test_community_cases_are_data_of_their_year(ds2023, ds2022):
    """The cases come from data/community_cases.csv; the 2022 edition does not borrow the 2023 cases."""
    assert list(hl.cases(ds2023)["case_id"]) == ["rural_support", "glimmer_disability", "fuqing_welfare",
                                                 "sunshine_stars"]
    assert hl.numbers(ds2022)["hl_case_count"] == "0"
    assert hl.community_table(ds2022).frame.columns.tolist() == ["Note"]


def test_charts_panel_by_unit(ds2023, tmp_path, monkeypatch):
    monkeypatch.setenv("ESGBOOK_OUTPUT_DIR", str(tmp_path))
    chart = hl.figures_chart(ds2023)
    csv = pd.read_csv(chart.write_csv())
    assert len(csv) == 8 and csv["unit"].nunique() == 4
    assert chart.spec()["facet"]["row"]["field"] == "unit_name"  # one panel per unit, never a shared axis
    assert csv["unit_name"].nunique() == 4 and csv["group"].nunique() == 3
    community = pd.read_csv(hl.community_chart(ds2023).write_csv())
    assert sorted(community["value"]) == [55, 60, 100, 1200]
    averages = pd.read_csv(hl.averages_chart(ds2023).write_csv())
    assert len(averages) == 3


def test_2022_edition_degrades(ds2022):
    n = hl.numbers(ds2022)
    assert n["hl_small_business_lending_cny100m"] == "n/a"
    assert n["hl_implied_loan_volume_cny100m"] == "n/a"
    assert n["hl_wholesale_support_per_merchant_cny"] == "n/a"
    assert "none of these figures for 2022" in n["hl_availability"]
    assert (hl.figures_table(ds2022).frame["2022"] == "–").all()
    for chart in (hl.figures_chart(ds2022), hl.community_chart(ds2022), hl.averages_chart(ds2022)):
        assert "<svg" in chart.svg() and "2022" in chart.data["note"].iloc[0]
