"""The reconciliation reproduces the consistent figures and flags the inconsistent ones."""
import pytest

from esgbook.analysis import reconcile


def _rows(ds, year):
    return reconcile.reconciliation(ds, year)


def _status(rec, metric, category="all"):
    hit = rec[(rec["metric"] == metric) & (rec["category"] == category)]
    assert len(hit) >= 1, f"no reconciliation row for {metric}/{category}"
    return list(hit["status"])


@pytest.mark.parametrize("year", [2023, 2022])
def test_consistent_published_figures(ds2023, year):
    rec = _rows(ds2023, year)
    for metric in ("ghg_per_employee_t", "energy_per_employee_mwh", "water_per_employee_t", "ghg_total_t"):
        assert _status(rec, metric) == ["consistent"], metric


def test_water_intensity_in_text_flagged(ds2023):
    rec = _rows(ds2023, 2023)
    row = rec[rec["metric"] == "water_per_employee_t_narrative"].iloc[0]
    assert row["status"] == "discrepancy"
    assert row["published"] == 24.21 and round(row["recomputed"], 2) == 20.07
    assert "2,587" in row["note"]  # the headcount the printed figure implies


def test_energy_2022_rounding_flagged(ds2023):
    rec = _rows(ds2023, 2022)
    row = rec[rec["metric"] == "energy_mwh"].iloc[0]
    assert row["status"] == "discrepancy" and round(row["difference"], 2) == 0.02
    assert "rounding" in row["note"]
    assert _status(_rows(ds2023, 2023), "energy_mwh") == ["consistent"]


@pytest.mark.parametrize("year, implied, above_all", [(2023, "1.0842", True), (2022, "0.8048", False)])
def test_scope2_factor_flagged(ds2023, year, implied, above_all):
    rec = _rows(ds2023, year)
    row = rec[(rec["kind"] == "sensitivity") & (rec["metric"] == "ghg_scope2_t")].iloc[0]
    # A recomputation with a factor we chose is a sensitivity, never counted as a discrepancy.
    assert row["status"] == "sensitivity"
    assert implied in row["note"]
    # 2023's implied factor beats every official national one; 2022's is beaten only by the fossil-only factor.
    assert ("above every one of the" in row["note"]) is above_all
    if not above_all:
        assert "0.8325 (fossil sources only) is higher" in row["note"]


def test_scope1_is_set_against_a_default_not_an_official_factor(ds2023):
    row = _rows(ds2023, 2023).query("kind == 'sensitivity' and metric == 'ghg_scope1_t'").iloc[0]
    assert "IPCC default" in row["name_en"] and "official" not in row["note"]
    assert "above the one default factor we hold for 2023 (0.2495)" in row["note"]


def test_tolerance_follows_the_digits_printed(ds2023):
    """A share printed as 99.9 is good to ±0.05, not to the metric's whole-percent rounding."""
    from esgbook.analysis.reconcile import printed_decimals
    assert printed_decimals(99.9, 0) == 1 and printed_decimals(100.0, 0) == 0 and printed_decimals(20.1, 2) == 2


def test_reconciliation_rows_name_the_breakdowns_compared(ds2023):
    rec = _rows(ds2023, 2023)
    checks = rec[rec["kind"] == "consistency check"]
    assert set(checks["compares"]) == {"gender|rank", "total|gender", "total|age_group"}


@pytest.mark.parametrize("year", [2023, 2022])
def test_training_breakdowns_flagged(ds2023, year):
    rec = _rows(ds2023, year)
    assert _status(rec, "trained_share_pct") == ["discrepancy"]
    assert _status(rec, "training_hours_avg") == ["discrepancy"]


def test_published_shares_reconcile(ds2023):
    rec = _rows(ds2023, 2023)
    assert _status(rec, "supplier_share_pct", "north_china") == ["consistent"]
    assert _status(rec, "employee_share_pct", "female") == ["consistent"]
    assert _status(rec, "suppliers_total") == ["consistent"]
