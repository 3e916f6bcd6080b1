"""Chapter 1 (company overview): findings and figures for every edition, real and synthetic."""
import re

import pandas as pd
import pytest

from esgbook.book.narrative import Md
from esgbook.book.sections import content_index
from esgbook.book.sections import overview as ov


def test_headcount_and_board_2023(ds2023):
    f = ov.headcount_finding(ds2023)
    assert f.case == "up" and (f.facts["cur"].value, f.facts["prior"].value) == (3121, 2199)
    assert round(f.facts["change"].value, 1) == 41.9
    assert ov.board_finding(ds2023).case == "disclosed" and ov.board_finding(ds2023).facts["directors"].value == 9


def test_headcount_reverses_in_2024(ds2024):
    f = ov.headcount_finding(ds2024)
    assert f.case == "down" and (f.facts["cur"].value, f.facts["prior"].value) == (2199, 3121)
    assert "shrank" in ov.numbers(ds2024)["ov_profile_text"]


def test_without_prior_year(ds2023_alone):
    assert ov.headcount_finding(ds2023_alone).case == "no_prior"
    assert "no 2022 figures" in ov.numbers(ds2023_alone)["ov_profile_text"]


def test_honours_2023(ds2023):
    listed, themes, bodies = ov.honours_findings(ds2023)
    assert listed.case == "listed"
    assert (listed.facts["count"], listed.facts["listed"], listed.facts["elsewhere"]) == (24, 22, 2)
    assert listed.facts["elsewhere_sections"] == "05 責任運營 > 智慧財產權保護"
    assert themes.facts["top"].startswith("ESG") and themes.facts["top_count"] == 7 and themes.facts["tied"] == "no"
    assert themes.facts["top_share"].value == pytest.approx(700 / 24)
    assert bodies.case == "some_unnamed" and bodies.facts["unnamed"] == 3


def test_2022_has_no_honours_of_its_own(ds2022):
    assert not ds2022.own_report
    (only,) = ov.honours_findings(ds2022)
    assert only.case == "no_own_report" and only.facts["report_year"] == 2023
    assert ov.honours_table(ds2022).frame.empty   # no empty shell: the sentence above says it once
    chart = ov.honours_chart(ds2022)
    assert chart.label == "fig-ov-honours-theme" and "no report of its own" in chart.data["note"].iloc[0]


def test_period_and_guide_follow_the_edition(ds2023, ds2022):
    assert ov.period_finding(ds2023).case == "own"
    assert ov.period_finding(ds2023).facts["period"] == "1 January 2023 to 31 December 2023"
    p = ov.period_finding(ds2022)
    assert p.case == "comparative" and p.facts["report_year"] == 2023
    assert p.facts["period"] == "1 January 2022 to 31 December 2022"
    assert ov.guide_finding(ds2023).case == "own"
    g = ov.guide_finding(ds2022)
    assert g.case == "comparative" and g.facts["report_year"] == 2023
    parts = sum(g.facts[s.replace(" ", "_")] for s in ov.STATUS_ORDER)
    assert parts == g.facts["items"] > 0
    # The 2022 guide table shows the 2023 report's assessments, not 'assumed' rows.
    assert not ov.guide_table(ds2022).frame["Our assessment"].str.contains("assumed").any()


def test_hkex_status(ds2023, ds2022):
    now = content_index.report_items(ds2023)
    assert set(now) == {"MDR.1", "MDR.3"} and now["MDR.1"][0] == "partly" and now["MDR.3"][0] == "disclosed"
    assert {s for s, _ in content_index.report_items(ds2022).values()} == {"not assessed"}   # no 2022 report to read


def test_same_keys_and_strings_in_every_edition(ds2023, ds2022, ds2024, ds2023_alone):
    editions = [ov.numbers(ds) for ds in (ds2023, ds2022, ds2024, ds2023_alone)]
    assert all(set(n) == set(editions[0]) for n in editions)
    for n in editions:
        assert all(isinstance(v, str) for v in n.values())
        text = " ".join(n.values())
        assert not re.search(r"\bn/a\b|\bnan\b|\bNone\b|(?<![\d,])0 honours", text)
    assert all(isinstance(editions[0][k], Md) for k in ("ov_profile_text", "ov_honours_text", "ov_period_text"))


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


def test_profile_table(ds2023, ds2022):
    frame = ov.profile_table(ds2023).frame.set_index("Metric")
    assert frame.loc["Employees at year end (僱員總數)", "2023"] == "3,121"
    assert frame.loc["Suppliers (合作供應商數目)", "Change"] == "+171.2%"
    assert frame.loc["Honours received (所獲榮譽)", "2022"] == "–"
    assert frame.loc["Honours received (所獲榮譽)", "Change"] == "–"
    # 2022: no 2021 figures at all, so the prior-year column goes.
    assert list(ov.profile_table(ds2022).frame.columns) == ["Metric", "Unit", "2022"]


def test_honours_chart_csv_rows(ds2023, tmp_path, monkeypatch):
    monkeypatch.setenv("ESGBOOK_OUTPUT_DIR", str(tmp_path))
    chart = ov.honours_chart(ds2023)
    assert chart.label == "fig-ov-honours-theme"
    csv = pd.read_csv(chart.write_csv())
    assert len(csv) == 7 and csv["honours"].sum() == 24
    assert "<svg" in chart.svg()
