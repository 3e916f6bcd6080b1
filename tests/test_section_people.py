"""Chapter 7, people: findings (cases and numbers) for 2023, 2022 and synthetic years, and the
tables, charts and glue keys a reader relies on."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd
import pytest

from esgbook.analysis import inference, story
from esgbook.book.narrative import Md
from esgbook.book.sections import people as ppl
from esgbook.inputs import dataset as data

sys.path.insert(0, str(Path(__file__).parent))
import synthetic

CHAPTER = Path(__file__).parents[1] / "chapters" / "07_people.md"
BAD = re.compile(r"n/a|\bnan\b|\bNone\b|from n/a|0 more than|±|changed by [+−]|\b(\w+) \1\b")


@pytest.fixture(scope="module")
def f23(ds2023):
    return ppl.findings(ds2023)


@pytest.fixture(scope="module")
def f22(ds2022):
    return ppl.findings(ds2022)


@pytest.fixture(scope="module")
def reversed_ds(tmp_path_factory):
    return data.load(2024, synthetic.reversed_year(synthetic.copy_data(tmp_path_factory.mktemp("rev"))))


@pytest.fixture(scope="module")
def no_prior_ds(tmp_path_factory):
    return data.load(2023, synthetic.without_prior(synthetic.copy_data(tmp_path_factory.mktemp("noprior"))))


@pytest.fixture(scope="module")
def no_training_ds(tmp_path_factory):
    root = synthetic.copy_data(tmp_path_factory.mktemp("notrain"))
    return data.load(2023, synthetic.without_metrics(root, ["trained_share_pct", "training_hours_avg",
                                                            "turnover_rate_pct"]))


@pytest.fixture(scope="module")
def consistent_ds(tmp_path_factory):
    return data.load(2023, synthetic.without_discrepancies(synthetic.copy_data(tmp_path_factory.mktemp("ok"))))


@pytest.fixture(scope="module")
def flat_ds(tmp_path_factory):
    """A 2024 whose workforce figures are 2023's: the headcount did not change."""
    root = synthetic.copy_data(tmp_path_factory.mktemp("flat"))
    synthetic._edit(root, "workforce", lambda rows: synthetic._copy_year(rows, "2023", "2024"))
    synthetic.add_report(root, 2024)
    return data.load(2024, root)


def facts(finding, *keys):
    return tuple(finding.facts[k].value if hasattr(finding.facts[k], "value") else finding.facts[k] for k in keys)


# -- every edition -------------------------------------------------------------------------------
EDITIONS = ["ds2023", "ds2022", "reversed_ds", "no_prior_ds", "no_training_ds", "consistent_ds", "flat_ds"]


@pytest.mark.parametrize("edition", EDITIONS)
def test_same_keys_every_value_a_clean_str(edition, request, ds2023):
    numbers = ppl.numbers(request.getfixturevalue(edition))
    assert set(numbers) == set(ppl.numbers(ds2023))
    for key, value in numbers.items():
        assert key.startswith("ppl_") and isinstance(value, Md), key
        assert not BAD.search(value), (key, value)
        assert not re.search(r"\d\.\d{3,}", value), (key, value)  # no float with more digits than its rounding


@pytest.mark.parametrize("edition", EDITIONS)
def test_hkex_status(edition, request):
    status = ppl.hkex_status(request.getfixturevalue(edition))
    assert set(status) == {"B1.1", "B1.2", "B2.1", "B2.2", "B2.3", "B3.1", "B3.2", "B4.1", "B4.2"}
    assert all(s in ("disclosed", "partly", "not disclosed", "not applicable") and r for s, r in status.values())
    assert status["B2.1"][0] == "not disclosed"  # no fatality figure in any year


def test_hkex_status_follows_the_data(ds2023, ds2022, no_training_ds):
    s23, s22, bare = ppl.hkex_status(ds2023), ppl.hkex_status(ds2022), ppl.hkex_status(no_training_ds)
    assert s23["B1.1"][0] == s23["B1.2"][0] == s23["B3.1"][0] == s23["B3.2"][0] == "disclosed"
    assert "different company-wide figures" in s23["B3.1"][1]
    assert (s23["B4.1"][0], s23["B4.2"][0]) == ("partly", "partly")
    assert (s22["B2.3"][0], s22["B4.1"][0], s22["B4.2"][0]) == ("not disclosed",) * 3  # no 2022 narrative
    assert (bare["B1.2"][0], bare["B3.1"][0], bare["B3.2"][0]) == ("not disclosed",) * 3


# -- workforce -----------------------------------------------------------------------------------
def test_headcount_direction(f23, f22, reversed_ds, no_prior_ds, flat_ds):
    h = f23["headcount"]
    assert h.case == "up" and facts(h, "cur", "prior", "diff") == (3121, 2199, 922)
    assert round(h.facts["size"].value, 1) == 41.9
    assert ppl.findings(reversed_ds)["headcount"].case == "down"
    assert ppl.findings(no_prior_ds)["headcount"].case == "no_prior"
    assert f22["headcount"].case == "no_prior"
    flat = ppl.findings(flat_ds)["headcount"]
    assert flat.case == "flat"
    text = ppl.numbers(flat_ds)["ppl_headcount_text"]
    assert "neither grew nor shrank" in text and "0 more" not in text


def test_gender_share_in_points_and_count_directions(f23, reversed_ds):
    share = f23["female_share"]
    assert share.case == "down" and share.facts["change"].points and share.facts["change"].value == -1.9
    assert (share.facts["a_case"], share.facts["b_case"]) == ("up", "up")
    assert round(share.facts["a_size"].value, 1) == 35.6  # the number of women rose by 35.6%
    rev = ppl.findings(reversed_ds)["female_share"]
    assert rev.case == "up" and (rev.facts["a_case"], rev.facts["b_case"]) == ("down", "down")
    assert "women fell by" in ppl.numbers(reversed_ds)["ppl_gender_text"]


def test_ranks(f23, f22, flat_ds):
    items = {f23["rank_changes"].facts[f"g{i}_category"]: f23["rank_changes"].facts[f"g{i}_case"]
             for i in range(3)}
    assert items == {"general_staff": "up", "middle_management": "up", "senior_management": "flat"}
    m = f23["managers"]
    assert m.case == "down" and round(m.facts["ratio"].value, 1) == 16.7 and m.facts["ratio_case"] == "up"
    assert f22["rank_changes"].case == "no_prior" and f22["managers"].case == "no_prior"
    assert ppl.findings(flat_ds)["managers"].case == "flat"
    text = ppl.numbers(ppl_ds := flat_ds)["ppl_rank_text"]
    assert "senior management was unchanged at 14" in text and ppl_ds.year == 2024


def test_age_and_region(f23, f22, reversed_ds):
    assert f23["young_share"].case == "down" and f23["age_majority"].case == "less_than_half"
    assert f22["age_majority"].case == "more_than_half" and f22["young_share"].case == "no_prior"
    assert ppl.findings(reversed_ds)["young_share"].case == "up"
    assert [f.case for f in f23["region"]] == ["all_mainland", "same"]
    assert [f.case for f in f22["region"]] == ["all_mainland"]


def test_published_shares(ds2023, ds2022, f23, f22, reversed_ds):
    assert f23["shares"].case == "all_reproduced" and facts(f23["shares"], "count", "hedged") == (4, 3)
    assert f22["shares"].case == "no_narrative"
    assert ppl.findings(reversed_ds)["shares"].case == "none_published"
    t = ppl.shares_table(ds2023)
    assert list(t.frame["Published"]) == ["about 41%", "about 59%", "99.9%", "about 45%"]
    assert set(t.frame["Within rounding"]) == {"yes"}
    # 2022 has no narrative of its own: the paragraph says so once, and the table has no rows (nothing shows).
    shown = ppl.shares_table(ds2022)
    assert shown.frame.empty and shown._repr_mimebundle_()["text/markdown"].startswith("% not shown")


def test_workforce_table(ds2023, ds2022):
    t = ppl.workforce_table(ds2023)
    total = t.frame[t.frame["Breakdown"] == "Total 僱員總數"].iloc[0]
    assert (total["2023"], total["2022"], total["Change"]) == ("3,121", "2,199", "+41.9%")
    assert len(t.frame) == 13
    t22 = ppl.workforce_table(ds2022)
    assert list(t22.frame.columns) == ["Breakdown", "Group", "2022", "2022 share"]  # no empty 2021 column


# -- turnover ------------------------------------------------------------------------------------
def test_turnover(f23, f22, reversed_ds):
    assert f23["turnover_total"].case == "up" and f23["turnover_total"].facts["change"].value == 1
    assert ppl.findings(reversed_ds)["turnover_total"].case == "down"
    assert f22["turnover_total"].case == "no_prior"
    age = f23["turnover_check_age_group"]
    assert age.case == "below_total" and round(age.facts["implied"].value, 1) == 17.7
    assert age.facts["total"].value == 20 and round(age.facts["bound"].value, 1) == 18.2
    assert f23["turnover_check_gender"].case == "consistent"
    assert f23["turnover_check_age_group_prior"].case == "consistent"
    assert f22["turnover_check_age_group_prior"] is None  # nothing of 2021
    assert round(f23["turnover_base_age_group"].facts["need"].value) == 83
    assert f23["turnover_caution"].case == "unverified" and f22["turnover_caution"].case == "holds"
    rev = ppl.findings(reversed_ds)
    assert rev["turnover_check_age_group"].case == "consistent"
    assert rev["turnover_check_age_group_prior"].case == "below_total"


def test_turnover_consistent_and_missing(consistent_ds, no_training_ds):
    f = ppl.findings(consistent_ds)
    assert f["turnover_check_age_group"] is None or f["turnover_check_age_group"].case != "below_total"
    bare = ppl.findings(no_training_ds)
    assert bare["turnover_total"].case == "missing" and bare["turnover_caution"] is None


def test_turnover_table(ds2023, ds2022):
    t = ppl.turnover_table(ds2023).frame.set_index("Group")
    implied = t.loc["Implied for all employees by the age group rates (weighted by headcount)"]
    assert (implied["2023"], implied["2022"]) == ("17.7%", "18.5%")
    assert t.loc["Age group: Over 50 50歲以上", "Change"] == "−14 pp"
    assert "2021" not in ppl.turnover_table(ds2022).frame.columns


# -- health and safety ----------------------------------------------------------------------------
def test_health(f23, f22, ds2023, ds2022):
    assert f23["lost_days"].case == "zero_both" and f22["lost_days"].case == "zero_no_prior"
    assert f23["fatalities"].case == "not_disclosed" and f22["fatalities"].case == "not_disclosed_comparative"
    assert f23["health_measures"].case == "stated" and f22["health_measures"].case == "comparative"
    fat = ppl.health_table(ds2023).frame.iloc[-1]
    assert fat["HKEX KPI"] == "B2.1" and fat["2023"] == "not disclosed"
    assert "2021" not in ppl.health_table(ds2022).frame.columns


# -- training ------------------------------------------------------------------------------------
def test_training_checks(f23, f22, reversed_ds):
    share = f23["trained_check"]
    assert share.case == "discrepancy"
    assert round(share.facts["by_gender"].value, 1) == 91.6 and round(share.facts["by_rank"].value, 1) == 99.6
    assert [f.case for f in f23["trained_why"]] == ["exceeds", "beyond_rounding_general"]
    assert f23["trained_prior"].case == "discrepancy" and f22["trained_prior"] is None
    hours = f23["hours_check"]
    # 6.73 and 7.27 hours over 3,121 people: 21,006 and 22,701 hours, 1,696 apart; averages printed to two
    # decimals carry three significant digits, so the totals are about 21,000 and 22,700, about 1,700 apart.
    assert hours.case == "discrepancy"
    assert (hours.facts["gender_total"].value, hours.facts["rank_total"].value) == (21000, 22700)
    assert hours.facts["gap"].value == 1700 and f22["hours_check"].facts["gap"].value == 150
    assert (share.facts["gender_people"].value, share.facts["rank_people"].value) == (2860, 3110)
    assert f23["hours_why"].case == "above_every_gender"
    assert f22["hours_why"].case == "beyond_rounding"  # 5.87 lies between the gender averages
    assert f23["training_causes"].case == "discrepancy"
    assert f23["training_rank"].case == "same_rank"
    assert ppl.findings(reversed_ds)["trained_prior"].facts["year"] == "2023"


def test_training_without_breakdowns_or_discrepancy(no_training_ds, consistent_ds):
    bare = ppl.findings(no_training_ds)
    assert bare["trained_check"].case == "not_both" and bare["hours_check"].case == "not_both"
    assert bare["training_rates"] is None and bare["training_causes"] is None
    numbers = ppl.numbers(no_training_ds)
    assert numbers["ppl_training_text"].startswith("% not shown")
    assert numbers["ppl_training_causes_text"].startswith("% not shown")
    ok = ppl.findings(consistent_ds)
    assert ok["trained_check"].case in ("consistent", "not_both") and ok["training_causes"] is None
    assert ok["trained_why"] == []


def test_training_chart_and_table(ds2023):
    chart = ppl.trained_share_chart(ds2023)
    implied = chart.data[chart.data["kind"] == "implied"].set_index(["year", "dimension"])["value"]
    assert round(implied[(2023, "gender")], 1) == 91.6 and round(implied[(2023, "rank")], 1) == 99.6
    hours = ppl.training_table(ds2023).frame.set_index("Group")
    assert hours.loc["All employees, implied by rank", "2023"].iloc[-1] == "7.27"


# -- narrative facts of a report --------------------------------------------------------------------
def test_no_report_facts_without_own_report(f22, ds2022):
    assert f22["edition"].case == "comparative"
    assert [f.case for f in f22["development"]] == ["comparative"]
    assert f22["labour"].case == f22["pay"].case == f22["performance"].case == "comparative"
    assert f22["young_team"] is None and f22["sick_leave"] is None and f22["pay_gaps"] is None
    numbers = ppl.numbers(ds2022)
    assert "total rewards" not in numbers["ppl_pay_text"] and "legal working age" not in numbers["ppl_labour_text"]


def test_development_figures(f23, ds2023, ds2022):
    cases = [f.case for f in f23["development"]]
    assert cases == ["shown", "no_prior", "undefined"]
    assert facts(f23["development"][0], "retention", "score", "sessions", "levels") == (75, 97, 36, 4)
    assert list(ppl.other_table(ds2023).frame["2023"]) == ["75", "97", "36", "12", "6", "10", "8", "1"]
    shown = ppl.other_table(ds2022)
    assert shown.frame.empty and shown._repr_mimebundle_()["text/markdown"].startswith("% not shown")


def test_one_position_on_the_new_hire_retention_rate(ds2023, ds2022):
    """The rate is not defined, so no page uses it as a share of hires leaving: the chapter says so once."""
    text = " ".join(ppl.numbers(ds2023).values())
    assert "not defined" in ppl.numbers(ds2023)["ppl_development_text"]
    assert "applies to those hires" not in text and "of all leavers" not in text
    assert "retention rate" not in ppl.numbers(ds2023)["ppl_flows_text"]
    assert inference.new_hire_leavers(ds2023).case == "undefined"
    assert inference.new_hire_leavers(ds2022).case == "no_inputs"


def test_implied_hires_on_every_base_the_chapter_names(ds2023, ds2022):
    f = inference.implied_flows(ds2023)
    assert f.case == "grew" and f.facts["net"].value == 922
    # 20% printed with no decimals is 19.5% to 20.5%
    assert (f.facts["rate_low"].value, f.facts["rate_high"].value) == (19.5, 20.5)
    # leavers on the start-of-year (2,199), average (2,660) and year-end (3,121) headcount, to the nearest ten
    got = {b: (f.facts[f"leavers_{b}_low"].value, f.facts[f"leavers_{b}_high"].value) for b in inference.FLOW_BASES}
    assert got == {"start": (430, 450), "average": (520, 550), "year_end": (610, 640)}
    assert (f.facts["hires_low"].value, f.facts["hires_high"].value) == (1350, 1560)
    assert (f.facts["joined_low"].rounded(), f.facts["joined_high"].rounded()) == (43, 50)
    text = ppl.numbers(ds2023)["ppl_flows_text"]
    assert "start-of-year headcount (2,199)" in text and "average headcount (2,660)" in text
    assert "year-end headcount (3,121)" in text and "19.5%" in text
    # 2022 has no 2021 headcount: one sentence says so
    n22 = ppl.numbers(ds2022)["ppl_flows_text"]
    assert n22.startswith("The data lack a headcount for 2021") and "\n" not in n22


# -- charts --------------------------------------------------------------------------------------
@pytest.mark.parametrize("dimension,label,rows", [
    ("gender", "fig-ppl-gender", 4), ("employment_type", "fig-ppl-employment-type", 4),
    ("rank", "fig-ppl-rank", 6), ("age_group", "fig-ppl-age", 6), ("region", "fig-ppl-region", 4)])
def test_workforce_charts(ds2023, dimension, label, rows):
    chart = ppl.workforce_chart(ds2023, dimension)
    assert chart.label == label and len(chart.data) == rows
    assert chart.data.groupby("year")["value"].sum().to_dict() == {2022: 2199, 2023: 3121}


def test_chart_csv(ds2023, tmp_path, monkeypatch):
    monkeypatch.setenv("ESGBOOK_OUTPUT_DIR", str(tmp_path))
    frame = pd.read_csv(ppl.turnover_chart(ds2023).write_csv())
    assert len(frame) == 14


# -- the chapter source ------------------------------------------------------------------------
def test_chapter_glues_known_keys(ds2023):
    text = CHAPTER.read_text(encoding="utf-8")
    used = set(re.findall(r"\{glue:(?:text|md)\}`?\s*([A-Za-z0-9_]+)", text))
    used |= set(re.findall(r"```\{glue:md\} (\S+)", text))
    assert used == set(ppl.numbers(ds2023)) | set(story.lead_numbers(ds2023, "07_people"))
    figures = set(re.findall(r"```\{glue:figure\} (\S+)", text))
    assert figures == {"fig-ppl-gender", "fig-ppl-employment-type", "fig-ppl-rank", "fig-ppl-age",
                       "fig-ppl-region", "fig-ppl-turnover", "fig-ppl-trained-share", "fig-ppl-training-hours"}
    for label in ("people-workforce", "people-turnover", "people-health-safety", "people-training",
                  "people-labour-standards", "people-policies"):
        assert f"({label})=" in text
    assert not re.search(r"^#.*\b20\d\d\b", text, flags=re.M)  # no heading carries a year


def test_prose_types_no_numbers():
    text = CHAPTER.read_text(encoding="utf-8")
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    text = re.sub(r"^---.*?---", "", text, flags=re.S)
    text = re.sub(r"\{[a-z:]+\}`[^`]*`", "", text)
    text = re.sub(r"\([^()]*[\u4e00-\u9fff][^()]*\)", "", text)
    text = re.sub(r"\bB\d\.\d\b", "", text)
    text = re.sub(r"^# 7 ", "", text, flags=re.M)
    assert not re.findall(r".*\d.*", text)


def test_development_figures_the_new_year_drops_are_no_longer_disclosed(reversed_ds):
    (only,) = ppl.findings(reversed_ds)["development"]
    assert only.case == "no_longer" and only.facts["n_prior"] == "4"
