"""The KPI engine reproduces the figures a reader checks in the report."""
import pytest

from esgbook.analysis import kpis


@pytest.mark.parametrize("kpi_id, y2023, y2022, places", [
    ("employees", 3121, 2199, 0),
    ("ghg_per_employee_t", 0.4479, 0.5767, 4),
    ("water_per_employee_t", 20.07, 38.31, 2),
    ("energy_per_employee_mwh", 0.43, 0.74, 2),
    ("female_share_pct", 41.1, 43.0, 1),
    ("suppliers_total", 141, 52, 0),
    ("ghg_total_t", 1397.96, 1268.11, 2),
    ("energy_mwh", 1328.40, 1620.93, 2),
    ("waste_total_t", 503.08, 462.10, 2),
    ("turnover_rate_pct", 20, 19, 0),
    ("scope2_implied_factor", 1.0842, 0.8048, 4),
    ("scope1_implied_factor", 0.2749, 0.2250, 4),
    ("grid_factor_official", 0.5306, 0.5366, 4),
])
def test_kpi_values(ds2023, kpi_id, y2023, y2022, places):
    assert round(kpis.compute(ds2023, kpi_id, 2023), places) == pytest.approx(y2023)
    assert round(kpis.compute(ds2023, kpi_id, 2022), places) == pytest.approx(y2022)


def test_scope2_sensitivity_uses_official_factor(ds2023):
    assert kpis.compute(ds2023, "ghg_scope2_official_t") == pytest.approx(1276.2 * 0.5306)


def test_year_on_year_and_missing_prior_year(ds2023, ds2022):
    change, note = kpis.yoy(kpis.compute(ds2023, "ghg_scope2_t"), kpis.compute(ds2023, "ghg_scope2_t", 2022))
    assert round(change, 1) == 10.3 and note == ""
    table = kpis.kpi_table(ds2022).set_index("metric")
    assert table.loc["employees", "change_note"] == kpis.NO_PRIOR_YEAR
    assert table.loc["employees", "prior_value"] is None or table["prior_value"].isna()["employees"]
    assert kpis.yoy(5.0, None) == (None, kpis.NO_PRIOR_YEAR)


def test_kpi_table_has_required_ids(ds2023):
    table = kpis.kpi_table(ds2023)
    assert set(kpis.REQUIRED_IDS) <= set(table["metric"])
    assert {"year", "metric", "value", "unit", "hkex"} <= set(table.columns)
    shares = table[table["metric"] == "employee_share_pct"].set_index("category")["value"]
    assert round(shares["female"], 1) == 41.1 and round(shares["under_30"], 1) == 45.2


def test_training_breakdowns_imply_different_totals(ds2023):
    assert round(kpis.compute(ds2023, "training_coverage_by_gender_pct"), 1) == 91.6
    assert round(kpis.compute(ds2023, "training_coverage_by_rank_pct"), 1) == 99.6


def test_metadata_and_formulas_hold_the_same_ids():
    import csv

    from esgbook.paths import data_dir
    with open(data_dir() / kpis.METADATA, encoding="utf-8") as fh:
        ids = [r["id"] for r in csv.DictReader(fh)]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(kpis.FORMULAS) | set(kpis.SHARES)
    assert [k.id for k in kpis.KPIS] == [i for i in ids if i in kpis.FORMULAS]


def test_display_decimals_come_from_the_metadata(ds2023):
    # One rule: the opening page, the environment chapter and the export round with kpis.csv's decimals.
    from esgbook.book.sections import environment, opening
    assert kpis.BY_ID["ghg_per_employee_t"].decimals == 2
    assert environment.q(ds2023, "ghg_per_employee_t").decimals == 2
    row = opening.headline_frame(ds2023).set_index("Figure").filter(like="GHG emissions per employee", axis=0)
    assert row["2023"].iloc[0] == "0.45"
    table = kpis.kpi_table(ds2023).set_index("metric")
    assert table.loc["ghg_per_employee_t", "decimals"] == 2 and table.loc["scope2_implied_factor", "decimals"] == 4


def test_domestic_supplier_share_is_whole_by_construction(ds2023):
    assert kpis.compute(ds2023, "domestic_supplier_share_pct") == 100.0
    assert "by construction" in kpis.BY_ID["domestic_supplier_share_pct"].definition_en


def test_a_kpi_row_without_formula_fails_naming_the_row(data_copy):
    import os
    import subprocess
    import sys
    from pathlib import Path
    path = data_copy / "kpis.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "made_up_kpi,X,X,count,,0,X.,X。\n", encoding="utf-8")
    row = len(text.splitlines()) + 1
    env = dict(os.environ, ESGBOOK_DATA=str(data_copy))
    repo = Path(__file__).resolve().parent.parent
    run = subprocess.run([sys.executable, "-c", "import esgbook.analysis.kpis"], env=env, cwd=repo,
                         capture_output=True, text=True)
    assert run.returncode != 0
    assert f'data/kpis.csv, row {row}, column "id"' in run.stderr and "made_up_kpi" in run.stderr


def test_a_figure_has_one_name(ds2023):
    # a KPI that is a metric reads its names from metrics.csv; the prose, the tables and the XBRL labels share them
    for k in kpis.KPIS:
        if k.id in ds2023.metric_info:
            assert (k.name_en, k.name_zh, k.unit) == (ds2023.name(k.id), ds2023.name(k.id).zh,
                                                      ds2023.metric_info[k.id]["unit"])
    assert kpis.BY_ID["water_t"].name.zh == "用水量"
    assert kpis.BY_ID["scope2_implied_factor"].name.zh == "範圍2隱含電網排放因子"  # a KPI no metric holds


def test_a_second_name_for_a_metric_fails_naming_the_cell(data_copy):
    import os
    import subprocess
    import sys
    from pathlib import Path
    path = data_copy / "kpis.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    row = next(n for n, line in enumerate(lines, start=1) if line.startswith("water_t,"))
    lines[row - 1] = lines[row - 1].replace("water_t,,", "water_t,Water,", 1)
    path.write_text("".join(lines), encoding="utf-8")
    env = dict(os.environ, ESGBOOK_DATA=str(data_copy))
    repo = Path(__file__).resolve().parent.parent
    run = subprocess.run([sys.executable, "-c", "import esgbook.analysis.kpis"], env=env, cwd=repo,
                         capture_output=True, text=True)
    assert run.returncode != 0
    assert f'data/kpis.csv, row {row}, column "name_en"' in run.stderr and "metrics.csv" in run.stderr
