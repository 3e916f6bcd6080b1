"""The edition's key findings (esgbook/analysis/story.py): their values, cases and severities for 2022, 2023 and
synthetic years, and that every page reads the same counts and statuses."""
import pytest
import synthetic

from esgbook.analysis import story
from esgbook.book import narrative
from esgbook.book.sections import appendix, compared, content_index, opening, overview, undisclosed
from esgbook.inputs import dataset as data


def test_2023_scope2_is_above_every_grid_average_and_the_fossil_only_factor(ds2023):
    test = story.grid_test(ds2023, 2023)
    assert test["case"] == "above_fossil" and test["implied"] == pytest.approx(1.0842, abs=1e-4)
    # national, seven regional and two provincial averages: the highest is Tianjin's provincial factor
    assert test["count"] == 11 and test["high"] == pytest.approx(0.6796) and test["high_row"]["region"] == "Tianjin"
    assert test["home"] == pytest.approx(0.5737) and test["fossil"] == pytest.approx(0.8273)
    assert test["times"] == pytest.approx(1.0842 / 0.5306, abs=1e-3)
    k = story.by_id(ds2023)["scope2"]
    assert k.severity == 3 and k.kind == "inference" and k.finding.case == "above_fossil_prior_differs"


def test_2022_scope2_is_above_every_regional_and_provincial_factor_but_not_the_fossil_only(ds2022):
    test = story.grid_test(ds2022, 2022)
    assert test["case"] == "above_all" and test["implied"] == pytest.approx(0.8048, abs=1e-4)
    assert test["high"] == pytest.approx(0.7252) and test["high_row"]["region"] == "Hebei"
    assert test["fossil"] == pytest.approx(0.8325) and test["home"] == pytest.approx(0.5849)
    assert story.by_id(ds2022)["scope2"].severity == 2


def test_the_fossil_only_factor_is_context_not_an_end_of_the_range(ds2023):
    test = story.grid_test(ds2023, 2022)
    assert test["high"] < test["implied"] < test["fossil"]   # 'within' only if fossil-only were a bound


def test_scope1_implied_fuel_factor_jumps(ds2023, ds2022):
    k = story.by_id(ds2023)["scope1"]
    assert k.finding.case == "rose" and k.finding.facts["move"].rounded() == 22
    assert k.finding.facts["sides"].case == "below_above"
    assert "scope1" not in story.by_id(ds2022)  # no prior year


def test_breakdowns_that_cannot_both_hold(ds2023, ds2022):
    for ds in (ds2022, ds2023):
        k = story.by_id(ds)["check_trained_share_pct_rank"]
        assert k.severity == 3 and k.chapter == "07_people"
    turnover = story.by_id(ds2023)["check_turnover_rate_pct_age_group"]
    assert turnover.finding.facts["a"].decimals == 0   # printed as 20%, not 20.0%
    assert turnover.finding.facts["b"].rounded() == pytest.approx(17.7)


def test_misprints_material_and_slips(ds2023, ds2022):
    water = story.by_id(ds2023)["misprint_water_per_employee_t_narrative"]
    assert water.severity == 2 and water.finding.case == "material"
    assert water.finding.facts["published"].value == pytest.approx(24.21)
    assert water.finding.facts["recomputed"].rounded() == pytest.approx(20.07)
    energy = story.by_id(ds2022)["misprint_energy_mwh"]
    assert energy.severity == 1 and energy.finding.case == "slip"


def test_referrals_and_data_security(ds2023, ds2022):
    assert story.by_id(ds2023)["corruption"].finding.case == "referred"
    assert "corruption" not in story.by_id(ds2022)
    sec = story.by_id(ds2023)["data_security"]
    assert sec.finding.case == "both" and sec.finding.facts["losses"].value == pytest.approx(4.2)
    # the gaps register cannot call data breaches disclosed beside the leak losses
    reg = undisclosed.register(ds2023).set_index("code")
    assert reg.loc["FN-CF-230a.1", "status"] == "partly"


def test_the_opening_ranks_by_severity_and_leaves_minor_ones_out(ds2023, ds2022):
    found = story.key_findings(ds2023)
    assert [k.severity for k in found] == sorted((k.severity for k in found), reverse=True)
    assert found[0].id == "scope2"
    with narrative.using("en"):
        text = story.opening(ds2022)
    assert "{ref}`people-training`" in text and "slip" not in text   # the 2022 energy slip is minor


def test_material_moves():
    assert story.material_move(0.04, 0.01, 2, "t") is None          # 0.01 t: one unit of the last digit
    assert story.material_move(2, 1, 0, "count") is None            # 1 to 2 cases
    assert story.material_move(141, 52, 0, "count") == pytest.approx(171.15, abs=0.01)
    assert story.material_move(1050, 1000, 0, "MWh") is None        # 5%: not material
    assert story.material_move(45, 40, 0, "%") is None              # rates move in points


def test_the_compared_page_leads_with_a_material_move(ds2023):
    move = compared.biggest_move(ds2023)
    assert move.facts["name"].facts["en"] == "Suppliers" and move.case == "up"


def test_one_content_index_for_every_page(ds2022, ds2023):
    for ds, disclosed, partly in ((ds2023, 31, 16), (ds2022, 11, 1)):
        counts = content_index.status_counts(ds)
        assert (counts["disclosed"], counts["partly"]) == (disclosed, partly)
        f = overview.guide_finding(ds)
        assert (f.facts["disclosed"], f.facts["partly"]) == (disclosed, partly)
        glued = appendix.numbers(ds)
        assert (glued["app_status_disclosed"], glued["app_status_partly"]) == (str(disclosed), str(partly))
        assert (appendix.hkex_index(ds)["status"] == "disclosed").sum() == disclosed


def test_a_year_without_assessment_is_assessed_from_its_data(tmp_path):
    """A numbers-only 2024 (2022's figures as 2024's, no hkex_index rows): figure items carry the last
    assessment where the data hold the same figures, narrative items read 'not assessed'."""
    root = synthetic.copy_data(tmp_path)
    for name in synthetic.OBSERVATIONS:
        synthetic._edit(root, name, lambda rows: synthetic._copy_year(rows, "2023", "2024"))
    synthetic.add_report(root, 2024)
    ds = data.load(2024, root)
    index = content_index.content_index(ds).set_index("code")
    assert index.loc["A1.2", "status"] == "disclosed"          # Scope 1 and 2 are in the 2024 data
    assert "2024" in index.loc["A1.2", "reason"] and "2023" in index.loc["A1.2", "reason"]
    assert index.loc["A1", "status"] == "not assessed"          # a narrative item needs the year's assessment
    assert index.loc["MDR.2", "status"] == "not assessed"       # a draft lacks the topics, not the disclosure
    assert content_index.status_counts(ds)["not disclosed"] == 0        # nothing the figures hold is called undisclosed
    assert overview.honours_findings(ds)[0].case == "not_entered"   # not 'the report lists none'
    with narrative.using("zh_hant"):
        assert "None" not in story.opening(ds) and "尚未" in narrative.write(overview.honours_findings(ds)[0])


def test_the_headline_table_reads_the_corruption_count_as_the_book_does(ds2023):
    frame = opening.headline_frame(ds2023).set_index("Figure")
    row = frame.loc["Corruption cases (貪污案件)"]
    assert row["Change"] == "+1" and "referred to the judicial authorities" in row["Note"]
    assert not any("lawsuit" in f.lower() for f in frame.index)


def test_no_grid_factor_for_the_year_leaves_the_finding_out(tmp_path):
    root = synthetic.copy_data(tmp_path)
    synthetic._edit(root, "emission_factors", lambda rows: [r for r in rows if r["applies_to_year"] != "2023"])
    ds = data.load(2023, root)
    assert "scope2" not in story.by_id(ds)
    with narrative.using("zh_hant"):
        assert "None" not in story.opening(ds)
