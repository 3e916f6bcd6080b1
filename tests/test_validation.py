"""Bad input is rejected before any computation, with file, row, column and what was expected."""
import pytest

from conftest import edit_cell, row_of
from esgbook.inputs import dataset as data
from esgbook.inputs.errors import DataError, YearNotFound


def _fails(folder, *fragments):
    with pytest.raises(DataError) as exc:
        data.load(2023, folder)
    message = str(exc.value)
    for fragment in fragments:
        assert fragment in message, message
    return message


def test_non_numeric_value(data_copy):
    row = row_of(data_copy, "environment.csv", year=2023, metric="water_t")
    edit_cell(data_copy, "environment.csv", row, "value", "62,6x4")
    _fails(data_copy, "data/environment.csv", f"row {row}", 'column "value"', "expected a number", '"62,6x4"')


def test_negative_quantity(data_copy):
    row = row_of(data_copy, "environment.csv", year=2022, metric="electricity_mwh")
    edit_cell(data_copy, "environment.csv", row, "value", "-1558")
    _fails(data_copy, "data/environment.csv", f"row {row}", 'column "value"', "expected a value >= 0")


def test_unknown_metric(data_copy):
    row = row_of(data_copy, "environment.csv", year=2023, metric="gasoline_mwh")
    edit_cell(data_copy, "environment.csv", row, "metric", "petrol_mwh")
    _fails(data_copy, f"row {row}", 'column "metric"', 'unknown "petrol_mwh"', "data/metrics.csv")


def test_unknown_unit(data_copy):
    row = row_of(data_copy, "environment.csv", year=2023, metric="gasoline_mwh")
    edit_cell(data_copy, "environment.csv", row, "unit", "kWh")
    _fails(data_copy, f"row {row}", 'column "unit"', '"kWh"')


def test_wrong_unit_for_metric(data_copy):
    row = row_of(data_copy, "environment.csv", year=2023, metric="gasoline_mwh")
    edit_cell(data_copy, "environment.csv", row, "unit", "t")
    _fails(data_copy, f"row {row}", 'column "unit"', 'expected "MWh"')


def test_duplicated_row(data_copy):
    path = data_copy / "environment.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append(lines[1])  # the first data row again
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _fails(data_copy, "data/environment.csv", f"row {len(lines)}", "year, metric, dimension, category",
           "duplicates another")


def test_missing_required_column(data_copy):
    path = data_copy / "workforce.csv"
    rows = [line.split(",") for line in path.read_text(encoding="utf-8").splitlines()]
    i = rows[0].index("unit")
    path.write_text("\n".join(",".join(r[:i] + r[i + 1:]) for r in rows) + "\n", encoding="utf-8")
    _fails(data_copy, "data/workforce.csv", "row 1", 'column "unit"')


def test_share_outside_0_100(data_copy):
    row = row_of(data_copy, "customers.csv", year=2023, metric="customer_satisfaction_pct")
    edit_cell(data_copy, "customers.csv", row, "value", "109.2")
    _fails(data_copy, "data/customers.csv", f"row {row}", 'column "value"', "between 0 and 100")


def test_breakdown_must_sum_to_headcount(data_copy):
    row = row_of(data_copy, "workforce.csv", year=2022, metric="employees", dimension="gender", category="male")
    edit_cell(data_copy, "workforce.csv", row, "value", "1250")
    _fails(data_copy, "data/workforce.csv", 'column "value"', "by gender for 2022", "2199", "got 2196")


def test_missing_year_lists_existing_years():
    with pytest.raises(YearNotFound) as exc:
        data.load(2031)
    assert "no data for 2031" in str(exc.value) and "2022, 2023" in str(exc.value)


def test_valid_package_loads(ds2023):
    assert ds2023.years == [2022, 2023]
