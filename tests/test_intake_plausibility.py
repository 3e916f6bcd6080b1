"""Plausibility warnings: printed by `make validate` with file, row and what was compared; never an error."""
from types import SimpleNamespace

from conftest import DATA, edit_cell, row_of, run_cli
from esgbook.inputs import dataset as data
from esgbook.inputs import validate
from esgbook.inputs.intake import plausibility


def _warnings(folder):
    return {(w.file, w.row, w.check): w for w in validate.plausibility(data.check(folder))}


def test_real_data_warnings_are_the_supplier_jumps_and_hazardous_waste():
    found = _warnings(DATA)
    assert sorted(found) == [("data/environment.csv", 27, "prior-year"), ("data/suppliers.csv", 2, "prior-year"),
                             ("data/suppliers.csv", 3, "prior-year"), ("data/suppliers.csv", 4, "prior-year")]
    east = found["data/suppliers.csv", 2, "prior-year"]
    assert (east.metric, east.category, east.value, east.compared_with) == \
        ("suppliers", "east_china", 52.0, "the 2022 value 9 (row 8)")


def test_value_moving_by_more_than_3x_is_a_warning_not_an_error(data_copy):
    row = row_of(data_copy, "environment.csv", year=2023, metric="water_t")
    prior = row_of(data_copy, "environment.csv", year=2022, metric="water_t")
    edit_cell(data_copy, "environment.csv", row, "value", "626340")  # a digit too many
    out = run_cli("validate", data_dir=data_copy)
    assert out.returncode == 0 and out.stdout.startswith("data package valid; years: 2022, 2023 (5 plausibility")
    line = next(ln for ln in out.stderr.splitlines() if "water_t" in ln)
    assert line.startswith(f'warning: data/environment.csv, row {row}, column "value": water_t 2023 is 626,340 t, ')
    assert line.endswith(f"7.4 times the 2022 value 84,240 (row {prior}): check the figure and its unit"), line


def test_share_disagreeing_with_its_counts(data_copy):
    row = row_of(data_copy, "workforce.csv", year=2023, metric="employee_share_pct", dimension="gender",
                 category="female")
    edit_cell(data_copy, "workforce.csv", row, "value", "48")
    w = _warnings(data_copy)["data/workforce.csv", row, "share"]
    counts = row_of(data_copy, "workforce.csv", year=2023, metric="employees", dimension="gender", category="female")
    assert w.compared_with == f"1,283 of 3,121 employees by gender = 41.1% (data/workforce.csv, row {counts})"
    assert w.message.endswith(f"employee_share_pct (gender female) 2023 is 48%, but the counts give {w.compared_with}")


def _row(year, value, row):
    return SimpleNamespace(file="data/environment.csv", row=row, year=year, metric="water_t", dimension="total",
                           category="all", value=value, unit="t")


def test_value_far_outside_its_range_across_the_years_held():
    # Years not consecutive, so the prior-year check has nothing to compare: the range check has.
    rows = [_row(2017, 60000, 2), _row(2019, 70000, 3), _row(2021, 65000, 4), _row(2023, 650, 5)]
    found = plausibility.check(rows, {})
    assert [(w.check, w.row, w.compared_with) for w in found] == \
        [("range", 5, "the range 60,000 to 70,000 of 2017, 2019, 2021")]


def test_within_a_factor_of_3_and_within_rounding_is_quiet():
    rows = [_row(2021, 60000, 2), _row(2022, 170000, 3), _row(2023, 60000, 4)]
    assert plausibility.check(rows, {}) == []
