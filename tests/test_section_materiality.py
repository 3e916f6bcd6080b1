"""Chapter 2 (materiality): the ranked topics, the stakeholder table, how they match, for every edition."""
import re

import pandas as pd
from synthetic import copy_data, reversed_year

from esgbook.book.narrative import using, write
from esgbook.book.sections import materiality as mat
from esgbook.inputs import dataset as data


def _by_topic(findings):
    return {f.topic: f for f in findings}


def test_tiers_2023(ds2023):
    ranked, groups = mat.topics_findings(ds2023)
    assert ranked.case == "ranked" and (ranked.facts["count"], ranked.facts["tier_count"]) == (18, 3)
    lines = write(ranked.facts["tier_lines"]).split("\n")
    assert [re.search(r"ranks? (\d+)(?:–(\d+))?", line).groups() for line in lines] == \
        [("1", "9"), ("10", "16"), ("17", "18")]
    assert "Innovation and R&D (創新與研發)" in lines[0]
    env, work = groups.facts["environment"], groups.facts["workforce"]
    assert (env.case, env.facts["ranks"], work.case, work.facts["ranks"]) == \
        ("several_tiers", ["9", "15", "17", "18"], "one_tier", ["13", "14", "16"])
    assert write(env) == "9, 15, 17 and 18, in the high, medium and low tiers"
    assert write(work) == "13, 14 and 16, all in the medium tier"
    with using("zh_hant"):
        assert write(work) == "排第13、14及16位，全屬中度重要層級"
        assert write(ranked.facts["tier_lines"]).split("\n")[0].startswith("**高度重要**，第1至9位")


def test_stakeholders_2023(ds2023):
    f = _by_topic(mat.stakeholder_findings(ds2023))
    s = f["mat.stakeholders"]
    assert s.case == "listed" and (s.facts["groups"], s.facts["concerns"], s.facts["topics"]) == (8, 26, 24)
    assert [b.facts["en"] for b in s.facts["busiest"]] == ["Customers", "Employees"] and s.facts["busiest_count"] == 5
    assert f["mat.shared"].case == "some" and f["mat.shared"].facts["count"] == 2
    assert f["mat.coverage"].case == "all_raised"
    assert f["mat.unranked"].case == "some" and f["mat.unranked"].facts["count"] == 6
    assert [o.facts["topic"].facts["en"] for o in mat._series_items(f["mat.unranked"].facts["overlaps"])] == \
        ["Corporate governance", "Compliance and anti-corruption management", "Poverty alleviation and charity"]
    (variant,) = f["mat.variants"].facts["variants"]
    assert f["mat.variants"].case == "some" and variant.facts == {"used": "極端天氣應對", "ranked": "極端天氣的應對"}
    assert f["mat.reading"].case == "one_odd"
    assert f["mat.reading"].facts["odd"][0].facts["response"].facts["en"] == "Provide targeted assistance"
    assert f["mat.thin_response"].facts["group"].facts["zh"] == "政府及監管機構"
    # Names are written per language: the group is 員工 (the table's word), not a KPI caught by the catalogue.
    with using("zh_hant"):
        assert write(s).count("客戶及員工提出的最多") == 1
        assert "創新與研發（客戶；供應商）" in write(f["mat.shared"])


def test_matrix_and_office_readings(ds2023, ds2024):
    assert mat.matrix_finding(ds2023).case == "no_prior_ranking"
    # The synthetic 2024 carries 2023's registers, so the data hold the prior ranking, unchanged.
    same = mat.matrix_finding(ds2024)
    assert same.case == "same_ranking" and same.facts["prior_year"] == 2023
    assert "same as 2023's" in mat.numbers(ds2024)["mat_topic_groups_text"]
    assert mat.office_finding(ds2023).case == "stated"  # environmental median rank 16 of 18


def test_a_moved_ranking_is_counted(tmp_path):
    root = reversed_year(copy_data(tmp_path))
    frame = pd.read_csv(root / "material_topics.csv")
    first = frame.index[(frame["year"] == 2024) & (frame["rank"].isin([1, 2]))]
    frame.loc[first, "rank"] = frame.loc[first[::-1], "rank"].to_numpy()
    frame.to_csv(root / "material_topics.csv", index=False)
    moved = mat.matrix_finding(data.load(2024, root))
    assert moved.case == "moved" and (moved.facts["moved"], moved.facts["both"]) == (2, 18)


def test_topics_outside_the_ranking_are_computed(ds2023):
    un = mat.unranked_topics(ds2023)
    assert list(un["topic_zh"]) == ["員工薪酬與福利", "勞工標準", "公司治理", "合規與反腐敗管理", "扶貧慈善事業", "碳中和計畫"]
    m = mat.matched_concerns(ds2023)
    row = m[m["topic_zh"] == "極端天氣應對"].iloc[0]
    assert row["rank"] == 18 and row["tier"] == "low"


def test_2022_has_no_materiality_assessment(ds2022):
    (only,) = mat.topics_findings(ds2022)
    assert only.case == "no_own_report" and only.facts["report_year"] == 2023
    assert mat.stakeholder_findings(ds2022) == []
    n = mat.numbers(ds2022)
    assert "no materiality assessment of 2022" in n["mat_topics_text"]
    for key in ("mat_topic_groups_text", "mat_stakeholders_text", "mat_matching_text", "mat_reading_text"):
        assert n[key].startswith("% not shown")
    assert mat.topics_table(ds2022).frame.columns.tolist() == ["Note"]
    assert mat.concerns_table(ds2022).frame.columns.tolist() == ["Note"]
    for chart in (mat.topics_chart(ds2022), mat.matrix_chart(ds2022)):
        assert "<svg" in chart.svg() and "2023 report" in chart.data["note"].iloc[0]
    assert mat.hkex_status(ds2022)["MDR.2"][0] == "not disclosed"


def test_hkex_status_2023(ds2023):
    status, reason = mat.hkex_status(ds2023)["MDR.2"]
    assert status == "disclosed" and "18" in reason


def test_same_keys_and_strings_in_every_edition(ds2023, ds2022, ds2024, ds2023_alone):
    editions = [mat.numbers(ds) for ds in (ds2023, ds2022, ds2024, ds2023_alone)]
    assert all(set(n) == set(editions[0]) for n in editions)
    for n in editions:
        assert all(isinstance(v, str) for v in n.values())
        assert not re.search(r"\bn/a\b|\bnan\b|\bNone\b|into 0 tiers|\b0 topics", " ".join(n.values()))
    # A year with its own report and the same registers reads the same ranking.
    assert mat.topics_findings(ds2024)[0].case == "ranked"


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


def test_groups_in_tables_are_named_per_language(ds2023):
    """The 'Raised by' cells use the stakeholder table's Chinese names (員工), not a KPI the catalogue knows."""
    assert mat.topics_table(ds2023).frame.loc[6, "Raised by"] == "Employees"
    with using("zh_hant"):
        frame = mat.topics_table(ds2023).frame
        assert frame.loc[0, "Raised by"] == "客戶；供應商" and frame.loc[6, "Raised by"] == "員工"
        assert set(mat.topics_chart(ds2023).data["raised_by"]) >= {"環境組織", "業務合作夥伴；政府及監管機構"}
