"""Chapter 1 (company overview): the figures a reader checks against the report."""
import pandas as pd

from esgbook.sections import overview as ov


def test_numbers_2023(ds2023):
    n = ov.numbers(ds2023)
    assert n["ov_employees"] == "3,121" and n["ov_employees_prior"] == "2,199"
    assert n["ov_employees_change"] == "+41.9%" and n["ov_employees_direction"] == "grew"
    assert n["ov_directors"] == "9"
    assert n["ov_period"] == "1 January 2023 to 31 December 2023"
    # 22 honours in the overview's list, 2 more printed only under intellectual property.
    assert (n["ov_honours_count"], n["ov_honours_listed_count"], n["ov_honours_elsewhere_count"]) == ("24", "22", "2")
    assert n["ov_honours_elsewhere_sections"] == "05 責任運營 > 智慧財產權保護"
    assert n["ov_honours_top_theme"].startswith("ESG") and n["ov_honours_top_theme_count"] == "7"
    assert n["ov_honours_top_theme_share"] == "29%"
    assert n["ov_honours_unnamed_body_count"] == "3"
    assert n["ov_guide_mandatory_count"] == "3"
    assert all(isinstance(v, str) for v in n.values())


def test_guide_counts_add_up(ds2023):
    n = ov.numbers(ds2023)
    parts = sum(int(n[f"ov_guide_{s.replace(' ', '_')}"]) for s in ov.STATUS_ORDER)
    assert parts == int(n["ov_guide_items"]) > 0


def test_honours_by_theme_sorted_and_complete(ds2023):
    frame = ov.honours_by_theme(ds2023)
    assert frame["honours"].sum() == 24
    assert list(frame["honours"]) == sorted(frame["honours"], reverse=True)
    assert dict(zip(frame["theme"], frame["honours"]))["ai_technology"] == 6


def test_honours_table_lists_every_honour_in_report_order(ds2023):
    frame = ov.honours_table(ds2023).frame
    assert len(frame) == 24
    assert frame["As printed (獎項)"].iloc[0].startswith("榮獲2023人民網普惠金融優秀案例")
    assert (frame["Awarded by"] == "not named").sum() == 3
    assert set(frame["Printed in"]) == {"01 公司概覽", "05 責任運營"}


def test_profile_table_both_years(ds2023):
    frame = ov.profile_table(ds2023).frame.set_index("Metric")
    assert frame.loc["Employees at year end (僱員總數)", "2023"] == "3,121"
    assert frame.loc["Suppliers (供應商數目)", "Change"] == "+171.2%"
    assert frame.loc["Honours received (所獲榮譽)", "2022"] == "n/a"
    assert frame.loc["Honours received (所獲榮譽)", "Change"] == "no prior year"


def test_honours_chart_csv_rows(ds2023, tmp_path, monkeypatch):
    monkeypatch.setenv("ESGBOOK_OUTPUT_DIR", str(tmp_path))
    chart = ov.honours_chart(ds2023)
    assert chart.label == "fig-ov-honours-theme"
    csv = pd.read_csv(chart.write_csv())
    assert len(csv) == 7 and csv["honours"].sum() == 24
    assert "<svg" in chart.svg()


def test_2022_edition_degrades(ds2022):
    n = ov.numbers(ds2022)
    assert n["ov_employees"] == "2,199" and n["ov_employees_change"] == "no prior year"
    assert "no 2021 figure" in n["ov_headcount_sentence"]
    assert n["ov_honours_count"] == "0" and "no honours for 2022" in n["ov_honours_availability"]
    assert n["ov_board_sentence"] == "the data package has no board composition for 2022"
    assert ov.honours_table(ds2022).frame["Honour"].iloc[0] == "No honours in the data package for 2022"
    chart = ov.honours_chart(ds2022)
    assert chart.label == "fig-ov-honours-theme" and "No honours" in chart.data["note"].iloc[0]
    assert "<svg" in chart.svg()
