"""The spreadsheet round trip: template -> filled by hand -> import -> KPIs (and a 2024 edition)."""
import json
import os
import subprocess
import sys

import openpyxl
import pytest

from conftest import REPO, run_cli
from esgbook import data, kpis

SCALED = ("MWh", "t", "tCO2e")


def _fill(path, value_for=lambda unit, prior: prior * 1.1 if unit in SCALED else prior):
    """Fill every value cell as an analyst would: here from the prior-year column (J)."""
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets[1:]:
        for n in range(2, ws.max_row + 1):
            unit, prior = ws[f"D{n}"].value, ws[f"J{n}"].value
            ws[f"B{n}"] = int(prior) * 2 if unit == "employees" else round(value_for(unit, prior), 4)
    wb.save(path)
    return wb


@pytest.fixture
def template_2024(data_copy, tmp_path):
    out = run_cli("template", "--year", "2024", "--out", str(tmp_path / "data-entry-2024.xlsx"), data_dir=data_copy)
    assert out.returncode == 0, out.stderr
    return data_copy, tmp_path / "data-entry-2024.xlsx"


def test_template_has_a_row_per_prior_year_figure(template_2024):
    folder, path = template_2024
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["instructions", "environment", "workforce", "suppliers", "governance", "highlights",
                             "operations", "customers"]
    assert wb["instructions"]["B3"].value == 2024 and wb["instructions"]["B4"].value == 2023
    ws = wb["workforce"]
    rows = {(r[0], r[4], r[5]): r for r in ws.iter_rows(min_row=2, values_only=True)}
    n2023 = sum(1 for line in (folder / "workforce.csv").read_text(encoding="utf-8").splitlines()
                if line.startswith("2023,"))
    assert len(rows) == n2023
    female = rows["employees", "gender", "female"]
    assert female[1] is None and female[3] == "employees" and female[7] == "僱員總數" and female[9] == 1283
    assert female[8] == "Female / 女" and female[11] == "09 附錄 > 數據統計表"
    rule = ws.data_validations.dataValidation[0]
    assert (rule.type, rule.operator, rule.formula1, str(rule.sqref)) == ("decimal", "between", "0", f"B2:B{ws.max_row}")


def test_filled_template_imports_and_gives_the_kpis(template_2024):
    folder, path = template_2024
    _fill(path)
    counts = {n: sum(1 for line in (folder / n).read_text(encoding="utf-8").splitlines() if line.startswith("2023,"))
              for n in ("environment.csv", "workforce.csv", "suppliers.csv", "governance.csv", "highlights.csv",
                        "operations.csv", "customers.csv")}
    out = run_cli("import", str(path), data_dir=folder)
    assert out.returncode == 0, out.stderr
    assert out.stdout == "".join(f"data/{n}: {k} row(s) added\n" for n, k in counts.items())
    ds = data.load(2024, folder)
    table = kpis.kpi_table(ds).set_index(["metric", "dimension", "category"])
    assert table.loc[("employees", "total", "all"), "value"] == 6242
    assert table.loc[("employees", "total", "all"), "prior_value"] == 3121
    assert table.loc[("ghg_total_t", "total", "all"), "value"] == pytest.approx(1397.96 * 1.1, abs=1e-3)
    assert table.loc[("water_per_employee_t", "total", "all"), "value"] == pytest.approx(62634 * 1.1 / 6242)
    assert table.loc[("female_share_pct", "total", "all"), "value"] == pytest.approx(1283 / 3121 * 100)
    # Nothing of 2023 changed: its KPI table is the same as from the untouched data.
    before = kpis.kpi_table(data.load(2023)).to_csv()
    assert kpis.kpi_table(data.load(2023, folder)).to_csv() == before
    again = run_cli("import", str(path), data_dir=folder)  # a second import would duplicate: refused
    assert again.returncode == 2 and "already holds figures for 2024" in again.stderr


def test_imported_workbook_builds_a_2024_edition(template_2024, tmp_path):
    folder, path = template_2024
    _fill(path)
    assert run_cli("import", str(path), data_dir=folder).returncode == 0
    toc = tmp_path / "_toc.yml"
    toc.write_text("format: jb-book\nroot: chapters/08_environment\n", encoding="utf-8")
    env = {**os.environ, "ESGBOOK_DATA": str(folder), "ESGBOOK_TOC": str(toc), "ESGBOOK_NOTEBOOKS": str(tmp_path / "nb"),
           "ESGBOOK_BUILD": str(tmp_path / "build")}
    out = subprocess.run([sys.executable, "-m", "esgbook.editions", "run", "--year", "2024"], cwd=REPO, env=env,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-3000:]
    nb = json.loads((tmp_path / "nb" / "2024" / "08_environment.ipynb").read_text(encoding="utf-8"))
    glued = {o["metadata"]["scrapbook"]["name"]: next(iter(o["data"].values())).strip("'")
             for c in nb["cells"] for o in c.get("outputs", []) if "scrapbook" in o.get("metadata", {})}
    # The imported figures reach the prose: GHG x1.1 and the doubled headcount's intensity.
    assert f"to {1397.96 * 1.1:,.2f} tCO2e in 2024 (+10.0%)" in glued["env_ghg_text"]
    assert f"{1397.96 * 1.1 / 6242:.2f} tCO2e per employee" in glued["env_ghg_text"]


def test_workbook_with_errors_changes_no_file(template_2024):
    folder, path = template_2024
    wb = _fill(path)
    env, wf = wb["environment"], wb["workforce"]
    env["B2"] = "１２７６"            # typed with a Chinese input method, as text
    env["B3"] = "=B2*2"              # a formula
    env["B4"] = "1,558"              # thousands separator, as text
    env["C5"] = "<b>about</b>"       # markup in the qualifier
    wf["B3"] = wf["B3"].value + 1    # female employees: the gender breakdown no longer sums
    wb.save(path)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    out = run_cli("import", str(path), data_dir=folder)
    assert out.returncode == 2 and out.stdout == "" and "Traceback" not in out.stderr
    lines = out.stderr.splitlines()
    assert lines[0].startswith('error: data-entry-2024.xlsx, sheet "environment", cell B2: expected a number in ASCII '
                               'digits, got "１２７６"'), lines
    assert lines[1].startswith('error: data-entry-2024.xlsx, sheet "environment", cell B3: expected a value, got '
                               'the formula "=B2*2"')
    assert lines[2].startswith('error: data-entry-2024.xlsx, sheet "environment", cell B4: expected a number without '
                               'thousands separators (write 1558)')
    assert lines[3].startswith('error: data-entry-2024.xlsx, sheet "environment", cell C5: expected plain text')
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_package_rule_broken_by_the_workbook_names_the_cell(template_2024):
    folder, path = template_2024
    wb = _fill(path)
    wf = wb["workforce"]
    wf["B3"] = wf["B3"].value + 1  # female employees: the gender breakdown no longer sums to the total (B2)
    wb.save(path)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    out = run_cli("import", str(path), data_dir=folder)
    assert out.returncode == 2
    assert out.stderr.startswith('error: data-entry-2024.xlsx, sheet "workforce", cell B4: expected the employees by '
                                 'gender for 2024 to add up to the total 6242 (cell B2), got 6243'), out.stderr
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_schema_rule_broken_by_the_workbook_names_the_cell(template_2024):
    folder, path = template_2024
    wb = _fill(path)
    wb["customers"]["C3"] = "approximately"  # not one of the qualifiers the schema allows
    wb.save(path)
    out = run_cli("import", str(path), data_dir=folder)
    assert out.returncode == 2
    assert out.stderr == ('error: data-entry-2024.xlsx, sheet "customers", cell C3: expected one of '
                          "['more than', 'about', 'below', 'at least', 'nearly'], got \"approximately\"\n"), out.stderr
