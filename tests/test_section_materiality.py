"""Chapter 2 (materiality): the ranked topics, the stakeholder table, and how they match."""
import pandas as pd

from esgbook.sections import materiality as mat


def test_tiers_2023(ds2023):
    n = mat.numbers(ds2023)
    assert n["mat_topics_count"] == "18" and n["mat_tiers_count"] == "3"
    assert (n["mat_high_count"], n["mat_medium_count"], n["mat_low_count"]) == ("9", "7", "2")
    assert (n["mat_high_ranks"], n["mat_medium_ranks"], n["mat_low_ranks"]) == ("1–9", "10–16", "17–18")
    assert n["mat_top_topic"] == "Innovation and R&D (創新與研發)"
    assert n["mat_environment_topics"] == "9, 15, 17 and 18, in the high, medium and low tiers"
    assert n["mat_workforce_topics"] == "13, 14 and 16, all in the medium tier"


def test_stakeholders_2023(ds2023):
    n = mat.numbers(ds2023)
    assert (n["mat_groups_count"], n["mat_concerns_count"], n["mat_distinct_topics_count"]) == ("8", "26", "24")
    assert n["mat_busiest_groups"] == "Customers and Employees" and n["mat_busiest_groups_count"] == "5"
    assert n["mat_shared_count"] == "2"
    assert n["mat_silent_count"] == "0"


def test_topics_outside_the_ranking_are_computed(ds2023):
    un = mat.unranked_topics(ds2023)
    assert list(un["topic_zh"]) == ["員工薪酬與福利", "勞工標準", "公司治理", "合規與反腐敗管理", "扶貧慈善事業", "碳中和計畫"]
    assert mat.numbers(ds2023)["mat_unranked_count"] == "6"
    # 極端天氣應對 is the ranked 極端天氣的應對 in other words: matched, and reported as a variant.
    m = mat.matched_concerns(ds2023)
    row = m[m["topic_zh"] == "極端天氣應對"].iloc[0]
    assert row["rank"] == 18 and row["tier"] == "low"
    assert mat.numbers(ds2023)["mat_variants"] == "極端天氣應對 for 極端天氣的應對"


def test_topics_table(ds2023):
    frame = mat.topics_table(ds2023).frame
    assert list(frame["Rank"]) == list(range(1, 19))
    assert frame.loc[0, "Raised by"] == "Customers; Suppliers"
    assert frame.loc[17, "Tier"] == "Low (輕度重要)"


def test_concerns_table_marks_unranked(ds2023):
    frame = mat.concerns_table(ds2023).frame
    assert len(frame) == 26
    assert (frame["Rank"] == "not ranked").sum() == 6


def test_chart_csvs(ds2023, tmp_path, monkeypatch):
    monkeypatch.setenv("ESGBOOK_OUTPUT_DIR", str(tmp_path))
    topics = pd.read_csv(mat.topics_chart(ds2023).write_csv())
    assert len(topics) == 18 and topics["stakeholder_groups"].sum() == 20  # 26 concerns - 6 unranked
    matrix = mat.matrix_chart(ds2023)
    csv = pd.read_csv(matrix.write_csv())
    assert len(csv) == 26 and (csv["tier"] == "not ranked").sum() == 6
    assert "<svg" in matrix.svg()


def test_2022_edition_degrades(ds2022):
    n = mat.numbers(ds2022)
    assert n["mat_topics_count"] == "0" and "no material topics for 2022" in n["mat_topics_availability"]
    assert "no stakeholder concerns for 2022" in n["mat_stakeholders_availability"]
    assert n["mat_top_topic"] == "n/a" and n["mat_workforce_topics"] == "n/a"
    for chart in (mat.topics_chart(ds2022), mat.matrix_chart(ds2022)):
        assert "<svg" in chart.svg() and "2022" in chart.data["note"].iloc[0]
    assert mat.concerns_table(ds2022).frame.iloc[0, 0].startswith("No stakeholder concerns")
