"""The command line: exit codes, columns, values, and errors on stderr only."""
import csv
import io
import json
import time

import pytest

from conftest import edit_cell, row_of, run_cli


def _kpis(year, fmt="csv"):
    out = run_cli("kpis", "--year", str(year), "--format", fmt)
    assert out.returncode == 0, out.stderr
    return out.stdout


@pytest.mark.parametrize("year, expected", [
    (2023, {"ghg_per_employee_t": 0.4479, "water_per_employee_t": 20.07, "female_share_pct": 41.1,
            "suppliers_total": 141}),
    (2022, {"ghg_per_employee_t": 0.5767, "water_per_employee_t": 38.31, "female_share_pct": 43.0,
            "suppliers_total": 52}),
])
def test_kpis_csv_values(year, expected):
    rows = list(csv.DictReader(io.StringIO(_kpis(year))))
    assert {"year", "metric", "value", "unit", "hkex"} <= set(rows[0])
    totals = {r["metric"]: float(r["value"]) for r in rows if r["dimension"] == "total"}
    places = {"ghg_per_employee_t": 4, "water_per_employee_t": 2, "female_share_pct": 1, "suppliers_total": 0}
    for metric, value in expected.items():
        assert round(totals[metric], places[metric]) == value


def test_kpis_json_unrounded():
    records = json.loads(_kpis(2023, "json"))
    ghg = next(r for r in records if r["metric"] == "ghg_per_employee_t")
    assert ghg["value"] == pytest.approx(1397.96 / 3121, rel=1e-12) and ghg["unit"] == "tCO2e/employee"
    assert ghg["hkex"] == "A1.2"


def test_reconcile_lists_discrepancies():
    out = run_cli("reconcile", "--year", "2023")
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    flagged = {r["metric"] for r in rows if r["status"] == "discrepancy"}
    assert {"water_per_employee_t_narrative", "trained_share_pct"} <= flagged
    # Emissions on an official basis are sensitivities, counted apart from the discrepancies.
    assert {r["metric"] for r in rows if r["status"] == "sensitivity"} == {"ghg_scope1_t", "ghg_scope2_t"}
    assert "ghg_scope2_t" not in flagged


def test_missing_year():
    out = run_cli("kpis", "--year", "2031")
    assert out.returncode != 0 and out.stdout == ""
    assert out.stderr.count("\n") == 1 and "2022, 2023" in out.stderr


@pytest.mark.parametrize("command", ["kpis", "reconcile"])
@pytest.mark.parametrize("file, match, column, value", [
    ("environment.csv", {"year": 2023, "metric": "water_t"}, "value", "lots"),
    ("workforce.csv", {"year": 2023, "metric": "employees", "dimension": "total"}, "value", "-3"),
    ("suppliers.csv", {"year": 2023, "metric": "suppliers", "category": "east_china"}, "unit", "bananas"),
    ("metrics.csv", {"id": "water_t"}, "kind", "guess"),
])
def test_corrupted_file_fails_fast(data_copy, command, file, match, column, value):
    row = row_of(data_copy, file, **match)
    edit_cell(data_copy, file, row, column, value)
    started = time.perf_counter()
    out = run_cli(command, "--year", "2023", data_dir=data_copy)
    elapsed = time.perf_counter() - started
    assert out.returncode != 0 and out.stdout == ""
    assert f"data/{file}, row {row}, column \"{column}\"" in out.stderr
    assert elapsed < 1.5, f"took {elapsed:.2f}s"  # the issue asks for under a second; allow a loaded CI machine
