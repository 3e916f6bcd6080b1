"""Inference checks: the 2023 values, and each check's case for a year that lacks its inputs."""
from __future__ import annotations

import pytest

from esgbook.analysis import inference
from esgbook.book import narrative
from esgbook.book.sections import customers_analysis, governance_analysis, operations_analysis


def test_implied_hires_lie_between_the_headcount_bases(ds2023):
    f = inference.implied_flows(ds2023)
    assert f.case == "grew"
    assert f.facts["net"].value == 922
    # Leavers: 19.5% to 20.5% (20% as printed) of the start-of-year (2,199), average (2,660) or year-end (3,121)
    # headcount: 428.8 to 639.8, so hires 1,350.8 to 1,561.8, to the nearest ten.
    raw = inference.flows(ds2023)
    assert raw["leavers"]["start"][0] == pytest.approx(0.195 * 2199)
    assert raw["leavers"]["year_end"][1] == pytest.approx(0.205 * 3121)
    assert f.facts["hires_low"].value == 1350 and f.facts["hires_high"].value == 1560
    assert 43 <= f.facts["joined_low"].rounded() < f.facts["joined_high"].rounded() <= 50


def test_the_new_hire_retention_rate_is_not_applied(ds2023):
    f = inference.new_hire_leavers(ds2023)
    assert f.case == "undefined" and f.facts["retention"].value == 75


def test_whole_numbers_find_the_senior_managers_and_the_over_50s():
    assert not inference.rate_fits(49, 0, 14) and inference.rate_fits(50, 0, 14)
    assert not inference.rate_fits(14, 0, 6) and inference.rate_fits(0, 0, 6)
    assert inference.smallest_group(49, 0) == 35


def test_whole_number_finding_lists_the_failures(ds2023):
    f = inference.whole_numbers(ds2023)
    frame = inference.whole_number_frame(ds2023)
    bad = frame[~frame["year_end_fits"]]
    assert f.case == "some_fail" and f.facts["failed"] == "2"
    assert set(zip(bad["year"], bad["category"])) == {(2023, "senior_management"), (2022, "over_50")}


def test_small_business_users_are_shown_side_by_side_not_tested(ds2023):
    f = inference.smb_users(ds2023)
    assert f.case == "side_by_side"  # identified users and users covered need not be the same population
    # 25% is 24.5% to 25.5%: 450 / 0.255 + 450 to 450 / 0.245 + 450 (10k)
    assert (f.facts["by_growth_low"].value, f.facts["by_growth_high"].value) == (2210, 2290)
    assert f.facts["by_coverage"].value == 2630 and f.facts["by_coverage"].qualifier == "more than"


def test_festival_share_of_the_cumulative_count_is_an_upper_bound(ds2023):
    f = inference.cumulative_check(ds2023)
    assert f.case == "at_most" and f.facts["share"].rounded() == 56  # of 'more than 9 million'
    assert "at most about 56%" in narrative.write(f)


def test_electricity_fell_while_the_staff_grew(ds2023, ds2024):
    f = inference.electricity_vs_headcount(ds2023)
    assert f.case == "fell_as_staff_grew"
    assert round(f.facts["electricity"].value, 1) == -18.1 and round(f.facts["heads"].value, 1) == 41.9
    assert round(f.facts["per_head"].value, 1) == -42.3
    assert inference.electricity_vs_headcount(ds2024).case == "rose_as_staff_shrank"


def test_scope2_gap_needs_twice_the_electricity(ds2023):
    f = inference.scope2_gap(ds2023)
    assert f.case == "more"
    assert f.facts["needed"].rounded() == 2608 and f.facts["ratio"].rounded() == 2.04


@pytest.mark.parametrize("check", ["flows", "new_hires", "electricity_heads"])
def test_checks_needing_a_prior_year_say_so(ds2023_alone, check):
    f = inference.run(ds2023_alone)[check]
    assert f.case == "no_inputs"
    assert "lack" in narrative.write(f)
    assert inference.said(ds2023_alone, check) == []


def test_every_check_has_an_assumption_and_a_table_row(ds2023):
    frame = inference.table_frame(ds2023)
    assert len(frame) == len(inference.CHECKS)
    assert all(a.startswith("Assumed:") for a in frame["Assumption"])


def test_governance_line_and_share_structure(ds2023, ds2022):
    line = governance_analysis.esg_line(ds2023)
    assert line.case == "via_as_needed" and line.facts["n_committees"].value == 3
    assert governance_analysis.share_structure(ds2023).case == "first_full"
    assert governance_analysis.share_structure(ds2022).case == "during"
    # 2022 has no report of its own: its structure is unknown, not absent, so nothing is said of it
    assert governance_analysis.esg_line(ds2022) is None


def test_no_rate_per_employee_on_a_handful_of_cases(ds2023, ds2023_alone):
    # 2 cases against 1: a rate per 1,000 employees would dress a count of one or two as a trend
    assert governance_analysis.cases_rate(ds2023) is None
    assert governance_analysis.cases_rate(ds2023_alone) is None


def test_customer_contacts_and_missing_baseline(ds2023):
    found = {f.case: f for f in customers_analysis.findings(ds2023)}
    assert found["first_contact_resolution_pct"].facts["daily"].value == 9220
    assert found["first_contact_resolution_pct"].facts["yearly"].value == 337  # 10k: 3.37 million
    assert found["customer_satisfaction_pct"].facts["daily"].value == 600
    assert "no_count" in found


def test_operations_cyber_and_engine(ds2023):
    assert operations_analysis.cyber_finding(ds2023).case == "none_tested"
    assert operations_analysis.engine_finding(ds2023).facts["generation"].value == 4
