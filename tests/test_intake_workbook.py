"""The spreadsheet round trip: template -> filled by hand -> import -> KPIs (and a 2024 edition)."""
import datetime
import json
import os
import subprocess
import sys

import openpyxl
import pytest

from conftest import REPO, run_cli
from esgbook.analysis import kpis
from esgbook.inputs import dataset as data

SCALED = ("MWh", "t", "tCO2e")


def _fill(path, value_for=lambda unit, prior: prior * 1.1 if unit in SCALED else prior, report=True):
    """Fill every value cell as an analyst would: here from the prior-year column (J); and the report's row."""
    wb = openpyxl.load_workbook(path)
    if report:
        sheet = wb["report"]
        sheet["B3"], sheet["B4"] = "Qifu Technology ESG Report 2024", "奇富科技 環境、社會和治理報告 2024"
        sheet["B6"] = datetime.datetime(2025, 4, 28)  # typed as a date: written 2025-04-28
    for ws in wb.worksheets[2:]:
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
    assert wb.sheetnames == ["instructions", "report", "environment", "workforce", "suppliers", "governance",
                             "highlights", "operations", "customers"]
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
    assert out.stdout == "data/reports.csv: 1 row(s) added\n" + "".join(f"data/{n}: {k} row(s) added\n"
                                                                      for n, k in counts.items())
    assert (folder / "reports.csv").read_text(encoding="utf-8").splitlines()[-1] == (
        "2024,Qifu Technology ESG Report 2024,奇富科技 環境、社會和治理報告 2024,2024-01-01/2024-12-31,2025-04-28,")
    assert data.load(2024, folder).report["own"]
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
    out = subprocess.run([sys.executable, "-m", "esgbook.build.editions", "run", "--year", "2024"], cwd=REPO, env=env,
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


def test_report_sheet_asks_for_the_years_report(template_2024):
    _, path = template_2024
    ws = openpyxl.load_workbook(path)["report"]
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, max_row=7, values_only=True)}
    assert list(rows) == ["report_year", "title_en", "title_zh", "covers", "published_by", "note"]
    assert rows["report_year"][1] == 2024 and rows["covers"][1] == "2024-01-01/2024-12-31"
    assert rows["title_en"][1] is None and rows["title_en"][3].endswith("Report 2023")  # the prior report beside it


def test_report_without_a_title_names_the_cell(template_2024):
    folder, path = template_2024
    wb = _fill(path)
    wb["report"]["B4"] = None  # the Chinese title left empty
    wb.save(path)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    out = run_cli("import", str(path), data_dir=folder)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr == ('error: data-entry-2024.xlsx, sheet "report", cell B4: expected a value (the column is '
                          'required), got an empty cell\n'), out.stderr
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_workbook_without_report_sheet_needs_the_row(template_2024):
    folder, path = template_2024
    wb = _fill(path, report=False)
    del wb["report"]
    wb.save(path)
    out = run_cli("import", str(path), data_dir=folder)
    assert out.returncode == 2
    assert out.stderr.startswith('error: data-entry-2024.xlsx: expected a sheet "report" with the 2024 report\'s row'
                                 ), out.stderr
    # With the row entered by hand in data/reports.csv, the same workbook imports, and the row is kept.
    with open(folder / "reports.csv", "a", encoding="utf-8") as fh:
        fh.write("2024,Report 2024,報告 2024,2024-01-01/2024-12-31,,\n")
    kept = (folder / "reports.csv").read_bytes()
    out = run_cli("import", str(path), data_dir=folder)
    assert out.returncode == 0, out.stderr
    assert "reports.csv" not in out.stdout and (folder / "reports.csv").read_bytes() == kept


def test_report_row_already_in_the_file_is_never_overwritten(data_copy, tmp_path):
    with open(data_copy / "reports.csv", "a", encoding="utf-8") as fh:
        fh.write("2024,Report 2024,報告 2024,2024-01-01/2024-12-31,2025-04-30,\n")
    path = tmp_path / "data-entry-2024.xlsx"
    assert run_cli("template", "--year", "2024", "--out", str(path), data_dir=data_copy).returncode == 0
    wb = _fill(path, report=False)
    assert wb["report"]["B3"].value == "Report 2024"  # shown as the file has it
    wb["report"]["B3"] = "Another title"
    wb.save(path)
    out = run_cli("import", str(path), data_dir=data_copy)
    assert out.returncode == 2
    assert out.stderr.startswith('error: data-entry-2024.xlsx, sheet "report", cell B3: expected "Report 2024", as '
                                 "data/reports.csv has it"), out.stderr
