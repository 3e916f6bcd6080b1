"""Chapter 7, people: the figures a reader would check, for the 2023 and the 2022 edition."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from esgbook.sections import people as ppl


@pytest.fixture(scope="module")
def n23(ds2023):
    return ppl.numbers(ds2023)


@pytest.fixture(scope="module")
def n22(ds2022):
    return ppl.numbers(ds2022)


def md(table) -> str:
    return table._repr_mimebundle_()["text/markdown"]


def row(table, first: str) -> pd.Series:
    frame = table.frame
    return frame[frame.iloc[:, 0] == first].iloc[0]


# -- numbers ------------------------------------------------------------------------------------
def test_every_glued_value_is_a_prefixed_string(n23, n22):
    for numbers in (n23, n22):
        assert all(k.startswith("ppl_") for k in numbers)
        assert all(isinstance(v, str) and v for v in numbers.values())
    assert set(n23) == set(n22)  # the same keys in both editions: no glue is missing for a year


def test_headcount_and_growth(n23, n22):
    assert n23["ppl_employees"] == "3,121"
    assert n23["ppl_employees_prior"] == "2,199"
    assert n23["ppl_employees_change"] == "+41.9%"
    assert n23["ppl_employees_direction"] == "rose"
    assert n23["ppl_growth_sentence"] == "That is 922 more than the 2,199 of 2022 (+41.9%)."
    assert n22["ppl_employees"] == "2,199"
    assert n22["ppl_employees_change"] == "no prior year"
    assert "no 2021 comparative" in n22["ppl_growth_sentence"]


def test_breakdown_shares(n23, n22):
    assert n23["ppl_gender_female"] == "1,283" and n23["ppl_gender_female_share"] == "41.1%"
    assert n23["ppl_gender_male_share"] == "58.9%"
    assert n23["ppl_employment_type_full_time_share"] == "99.9%"
    assert n23["ppl_employment_type_part_time"] == "3"
    assert n23["ppl_age_group_under_30_share"] == "45.2%"
    assert n23["ppl_age_group_under_30_share_prior"] == "50.0%"
    assert n23["ppl_rank_general_staff_change"] == "+44.0%"
    assert n23["ppl_rank_senior_management_direction"] == "was unchanged"
    assert "from 13.3 to 16.7" in n23["ppl_rank_sentence"]  # general staff per manager
    assert "fell from 43.0% in 2022" in n23["ppl_gender_sentence"]
    assert n23["ppl_age_majority_sentence"].endswith("less than half of the workforce.")
    assert n22["ppl_age_majority_sentence"].endswith("more than half of the workforce.")
    assert n22["ppl_gender_female_share_prior"] == "n/a"


def test_published_shares_reproduced(ds2023, ds2022, n23, n22):
    t = ppl.shares_table(ds2023)
    assert list(t.frame["Published"]) == ["about 41%", "about 59%", "99.9%", "about 45%"]
    assert list(t.frame["Recomputed"]) == ["41.11%", "58.89%", "99.90%", "45.18%"]
    assert set(t.frame["Within rounding"]) == {"yes"}
    assert n23["ppl_shares_published"] == "4" and n23["ppl_shares_reproduced"] == "4"
    # The 2022 edition has no published shares: the table says so instead of failing.
    t22 = ppl.shares_table(ds2022)
    assert len(t22.frame) == 1 and "no shares for 2022" in t22.frame["Group"].iloc[0]
    assert "publishes no workforce shares for 2022" in n22["ppl_shares_sentence"]


def test_workforce_table(ds2023, ds2022):
    t = ppl.workforce_table(ds2023)
    assert t.label == "tbl-ppl-workforce"
    total = row(t, "Total 僱員總數")
    assert (total["2023"], total["2022"], total["Change"]) == ("3,121", "2,199", "+41.9%")
    middle = t.frame[t.frame["Group"].str.startswith("Middle management")].iloc[0]
    assert (middle["2023"], middle["2023 share"], middle["2022"]) == ("162", "5.2%", "140")
    assert len(t.frame) == 13  # total + 2 gender + 2 type + 3 rank + 3 age + 2 region
    t22 = ppl.workforce_table(ds2022)
    assert set(t22.frame["Change"]) == {"no prior year"}
    assert set(t22.frame["2021"]) == {"–"}


# -- charts --------------------------------------------------------------------------------------
@pytest.mark.parametrize("dimension,label,rows", [
    ("gender", "fig-ppl-gender", 4), ("employment_type", "fig-ppl-employment-type", 4),
    ("rank", "fig-ppl-rank", 6), ("age_group", "fig-ppl-age", 6), ("region", "fig-ppl-region", 4)])
def test_workforce_charts(ds2023, dimension, label, rows):
    chart = ppl.workforce_chart(ds2023, dimension)
    assert chart.label == label
    assert len(chart.data) == rows
    assert sorted(chart.data["year"].unique()) == [2022, 2023]
    # Each year's groups add up to the total headcount.
    assert chart.data.groupby("year")["value"].sum().to_dict() == {2022: 2199, 2023: 3121}
    svg = chart.svg()
    assert "2023: 3,121 (100.0%)" in svg if dimension == "region" else "2023:" in svg


def test_gender_chart_labels_carry_count_and_share(ds2023):
    svg = ppl.workforce_chart(ds2023, "gender").svg()
    assert "2023: 1,283 (41.1%)" in svg and "2022: 1,253 (57.0%)" in svg


def test_workforce_chart_2022_edition_has_one_year(ds2022):
    chart = ppl.workforce_chart(ds2022, "age_group")
    assert list(chart.data["year"].unique()) == [2022]
    assert dict(zip(chart.data["category"], chart.data["value"])) == {"under_30": 1100, "30_to_50": 1093,
                                                                       "over_50": 6}


def test_chart_csv(ds2023, tmp_path, monkeypatch):
    monkeypatch.setenv("ESGBOOK_OUTPUT_DIR", str(tmp_path))
    path = ppl.turnover_chart(ds2023).write_csv()
    frame = pd.read_csv(path)
    assert path.name == "fig-ppl-turnover.csv"
    assert len(frame) == 14  # 7 groups x 2 years
    hit = frame[(frame["year"] == 2023) & (frame["category"] == "under_30")]
    assert float(hit["value"].iloc[0]) == 21.0


def test_placeholder_chart_for_a_year_without_data(ds2023):
    """A year with no workforce rows still gets a chart (its label is glued), with a message."""
    class Empty:
        year = 2030
        def breakdown(self, *a, **k):
            return pd.Series(dtype=float)
        def value(self, *a, **k):
            return None
        label = ds2023.label
    chart = ppl.turnover_chart(Empty())
    assert chart.label == "fig-ppl-turnover" and "2030" in chart.data["note"].iloc[0]
    assert "no turnover rates for 2030" in chart.svg()


# -- turnover -------------------------------------------------------------------------------------
def test_turnover(ds2023, n23, n22):
    assert n23["ppl_turnover_total"] == "20%" and n23["ppl_turnover_total_prior"] == "19%"
    assert n23["ppl_turnover_total_pp"] == "+1 pp"
    assert n23["ppl_turnover_over_50"] == "0%" and n23["ppl_turnover_over_50_prior"] == "14%"
    assert n23["ppl_turnover_gender_implied"] == "19.6%"
    assert n23["ppl_turnover_age_group_implied"] == "17.7%"
    # 2023: the age rates do not average to the total, even at the top of their rounding.
    s = n23["ppl_turnover_age_group_sentence"]
    assert "average only 17.7%, not the published total of 20%" in s and "gives 18.2%" in s
    assert "83% of the base" in s and "45.2% of the year-end headcount" in s
    assert "consistent within rounding" in n23["ppl_turnover_gender_sentence"]
    # 2022: both breakdowns agree with the total.
    assert "consistent within rounding" in n23["ppl_turnover_age_group_prior_sentence"]
    assert "consistent within rounding" in n22["ppl_turnover_age_group_sentence"]
    assert "no age group turnover rates for 2021" in n22["ppl_turnover_age_group_prior_sentence"]
    assert n22["ppl_turnover_total_pp"] == "no prior year"
    assert "about 17 points" in n23["ppl_turnover_small_group_sentence"]  # 1 of 6 over-50s
    assert "either the total or the age group rates as unverified" in n23["ppl_turnover_caution_sentence"]
    assert n22["ppl_turnover_caution_sentence"] == "The 2022 turnover figures therefore hold together on this check."


def test_turnover_table(ds2023):
    t = ppl.turnover_table(ds2023)
    age = row(t, "Implied for all employees by the age group rates (weighted by headcount)")
    assert (age["2023"], age["2022"]) == ("17.7%", "18.5%")
    assert row(t, "Age group: Over 50 50歲以上")["Change"] == "−14 pp"


# -- health and safety ----------------------------------------------------------------------------
def test_health_and_safety(ds2023, ds2022, n23, n22):
    assert n23["ppl_lost_days"] == "0" and n23["ppl_lost_days_prior"] == "0"
    assert n23["ppl_lost_days_sentence"] == "No working day was lost to work injury in 2023, nor in 2022."
    assert n22["ppl_lost_days_sentence"].endswith("no 2021 comparative.")
    assert n23["ppl_status_B21"] == "not disclosed"
    assert "not disclosed" in n23["ppl_fatality_sentence"]
    fat = ppl.health_table(ds2023).frame.iloc[-1]
    assert fat["HKEX KPI"] == "B2.1" and fat["2023"] == "not disclosed"
    assert ppl.health_table(ds2022).frame.iloc[0]["2021"] == "–"


# -- training ---------------------------------------------------------------------------------
def test_training_breakdowns_cannot_both_hold(n23, n22):
    assert n23["ppl_trained_by_gender"] == "91.6%"
    assert n23["ppl_trained_by_rank"] == "99.6%"
    assert n23["ppl_trained_general_count"] == "2,945"
    assert n23["ppl_trained_general_share"] == "94.4%"
    assert "more than the 91.6% the gender split allows" in n23["ppl_trained_plain_sentence"]
    assert n23["ppl_trained_general_low"] == "93.9%" and n23["ppl_trained_gender_high"] == "92.1%"
    assert n23["ppl_trained_sentence"].startswith("Rounding cannot explain it")
    assert "90.6% by gender against 99.4% by rank" in n23["ppl_trained_prior_sentence"]
    assert n22["ppl_trained_by_gender"] == "90.6%"
    assert "no 2021 training breakdowns" in n22["ppl_trained_prior_sentence"]


def test_training_hours_disagree(n23, n22):
    assert n23["ppl_hours_by_gender"] == "6.73" and n23["ppl_hours_by_rank"] == "7.27"
    assert n23["ppl_hours_gap"] == "1,696"
    assert "7.01 hours, below the 7.27" in n23["ppl_hours_sentence"]  # no gender mix reaches 7.27
    # In 2022 the rank figure (5.87) is below the higher gender average (6.03): the other wording applies.
    assert n22["ppl_hours_by_rank"] == "5.87"
    assert "rounding cannot explain" in n22["ppl_hours_sentence"]
    assert n23["ppl_training_rank_sentence"] == ("Among the ranks, middle management average the most hours; "
                                                 "senior management are the least often trained and also "
                                                 "average the fewest hours.")


def test_training_chart_and_table(ds2023):
    chart = ppl.trained_share_chart(ds2023)
    implied = chart.data[chart.data["kind"] == "implied"].set_index(["year", "dimension"])["value"]
    assert round(implied[(2023, "gender")], 1) == 91.6 and round(implied[(2023, "rank")], 1) == 99.6
    assert "2023: 100%" in chart.svg()
    t = ppl.training_table(ds2023)
    hours = t.frame[t.frame["Metric"].str.startswith("Average training hours")].set_index("Group")
    assert hours.loc["All employees, implied by rank", "2023"] == "7.27"
    assert hours.loc["Rank: Middle management 中級管理層", "2022"] == "12.26"
    assert len(t.frame) == 14


# -- other figures -----------------------------------------------------------------------------
def test_other_figures(ds2023, ds2022, n23, n22):
    t = ppl.other_table(ds2023)
    assert list(t.frame["2023"]) == ["75", "97", "36", "12", "6", "10", "8", "1"]
    assert n23["ppl_new_hire_retention"] == "75%" and n23["ppl_induction_score"] == "97"
    assert n23["ppl_tech_sessions"] == "36" and n23["ppl_tech_levels"] == "4"
    assert "1 day of paid sick leave" in n23["ppl_sick_leave_sentence"]
    assert n23["ppl_other_sentence"] == "The report gives them for 2023 only, with no 2022 comparative."
    # The 2022 edition does not borrow the 2023 figures.
    t22 = ppl.other_table(ds2022)
    assert t22.frame.columns.tolist() == ["Note"] and "no new-hire retention" in t22.frame["Note"].iloc[0]
    assert n22["ppl_tech_sessions"] == "n/a"
    assert n22["ppl_other_sentence"] == "The report gives none of these figures for 2022."
    assert n23["ppl_development_sentence"].startswith("For 2023 they are a new-hire retention rate (新員工的留存率) of 75%")
    assert "36 training and sharing sessions of the technology committee across 4 levels" in \
        n23["ppl_development_sentence"]
    assert n22["ppl_development_sentence"] == "The report gives none of these figures for 2022."


def test_tables_are_labelled_and_sourced(ds2023):
    labels = []
    for t in (ppl.workforce_table(ds2023), ppl.shares_table(ds2023), ppl.turnover_table(ds2023),
              ppl.health_table(ds2023), ppl.training_table(ds2023), ppl.other_table(ds2023)):
        text = md(t)
        assert text.startswith(":::{table}") and "data/workforce.csv" in text
        labels.append(t.label)
    assert all(label.startswith("tbl-ppl-") for label in labels) and len(set(labels)) == len(labels)


# -- the chapter source ------------------------------------------------------------------------
def test_chapter_glues_only_known_keys_and_defines_labels(ds2023, n23):
    from pathlib import Path

    text = (Path(__file__).parents[1] / "chapters" / "07_people.md").read_text(encoding="utf-8")
    used = set(re.findall(r"\{glue:text\}`([^`]+)`", text))
    assert used <= set(n23), used - set(n23)
    figures = set(re.findall(r"```\{glue:figure\} (\S+)", text))
    assert figures == {"fig-ppl-gender", "fig-ppl-employment-type", "fig-ppl-rank", "fig-ppl-age",
                       "fig-ppl-region", "fig-ppl-turnover", "fig-ppl-trained-share", "fig-ppl-training-hours"}
    for label in ("people-workforce", "people-turnover", "people-health-safety", "people-training",
                  "people-labour-standards", "people-policies"):
        assert f"({label})=" in text


def test_prose_types_no_numbers():
    """Every figure in the narrative is glued: prose lines (outside code, front matter and directives)
    carry no digits except inside Chinese terms and KPI codes such as B2.1."""
    from pathlib import Path

    text = (Path(__file__).parents[1] / "chapters" / "07_people.md").read_text(encoding="utf-8")
    text = re.sub(r"```.*?```", "", text, flags=re.S)          # code cells and directives
    text = re.sub(r"^---.*?---", "", text, flags=re.S)          # front matter
    text = re.sub(r"\{[a-z:]+\}`[^`]*`", "", text)              # roles
    text = re.sub(r"\([^()]*[\u4e00-\u9fff][^()]*\)", "", text)  # (Chinese terms)
    text = re.sub(r"\bB\d\.\d\b", "", text)                      # HKEX KPI codes
    text = re.sub(r"^# 7 ", "", text, flags=re.M)                # the chapter number
    assert not re.findall(r".*\d.*", text)
