"""The data-entry workbook: `make template YEAR=Y` writes it, `make import FILE=...` reads it back.

One sheet per observation file, one row per figure (metric and breakdown) the prior year had, with
the prior year's value beside an empty value cell; and a sheet "report" for the year's row of
data/reports.csv (title in English and Chinese, period covered, publication date), which the import adds
when data/reports.csv has none for the year: every figure names the report it was read from. The import checks every cell, then the whole
package with the new rows added (in a scratch copy), and writes the CSV files only when all is
valid: a workbook with one bad cell changes nothing. Errors name the sheet and the cell (B17).
"""
from __future__ import annotations

import json
import math
import re
import shutil
import tempfile
from pathlib import Path

from esgbook.inputs import validate
from esgbook.inputs.errors import DataError
from esgbook.inputs.intake import cells, files

# Column letter -> (heading, CSV column or None for reference only). B, C and L are filled in.
LAYOUT = {
    "A": ("metric", "metric"), "B": ("value", "value"), "C": ("qualifier", "qualifier"), "D": ("unit", "unit"),
    "E": ("dimension", "dimension"), "F": ("category", "category"), "G": ("name (English)", None),
    "H": ("name (中文)", None), "I": ("breakdown", None), "J": ("prior-year value", None),
    "K": ("prior-year qualifier", None), "L": ("section", "section"),
}
TO_FILL = ("B", "C", "L")
COLUMN_OF = {csv: letter for letter, (_, csv) in LAYOUT.items() if csv}
INSTRUCTIONS = "instructions"
YEAR_CELL = "B3"
REPORT = "report"  # the sheet of the year's row of data/reports.csv
# Its rows: (CSV column, what it is); the value is in column B, row 2 onwards, in this order.
REPORT_FIELDS = [
    ("report_year", "The reporting year the report covers (the workbook's year; do not change)"),
    ("title_en", "The report's title in English (required)"),
    ("title_zh", "The report's title as printed, in Chinese (required)"),
    ("covers", "The period covered, as start/end dates: YYYY-MM-DD/YYYY-MM-DD (required)"),
    ("published_by", "The publication date, YYYY-MM-DD (where unknown: leave empty, or the latest it can have "
                     "been, 30 April of the next year, and say so in the note)"),
    ("note", "How the dates were established, or anything a reader of the row should know (optional)"),
]
REPORT_CELL = {column: f"B{n}" for n, (column, _) in enumerate(REPORT_FIELDS, start=2)}


def _observation_resources(descriptor: dict) -> list[dict]:
    return [r for r in descriptor["resources"]
            if [f["name"] for f in r["schema"]["fields"]] == validate.OBSERVATION_COLUMNS]


def _latest(rows) -> list:
    """A year's figures as its latest report gave them (a restatement replaces the original)."""
    best: dict[tuple, object] = {}
    for r in rows:
        key = (r.metric, r.dimension, r.category)
        if key not in best or int(r.reported_in) >= int(best[key].reported_in):
            best[key] = r
    return sorted(best.values(), key=lambda r: r.row)


def _qualifiers(resource: dict) -> list[str]:
    field = next(f for f in resource["schema"]["fields"] if f["name"] == "qualifier")
    return field.get("constraints", {}).get("enum", [])


def _load(root: Path) -> tuple[dict, list[int]]:
    years = validate.check_package(root)
    return json.loads((root / "datapackage.json").read_text(encoding="utf-8")), years


def template(year: int, root: Path, out: Path) -> Path:
    """Write the data-entry workbook for `year`, from the figures of the latest earlier year."""
    from openpyxl import Workbook  # noqa: PLC0415 - only the workbook commands need it
    from openpyxl.styles import Font, PatternFill  # noqa: PLC0415
    from openpyxl.worksheet.datavalidation import DataValidation  # noqa: PLC0415

    descriptor, years = _load(root)
    earlier = [y for y in years if y < year]
    if year in years:
        raise DataError(f"data/ already holds figures for {year}: a template is for a year not yet entered "
                        f"(the years held are {', '.join(map(str, years))})")
    if not earlier:
        raise DataError(f"no year before {year} in data/ to base the template on (the years held are "
                        f"{', '.join(map(str, years))})")
    prior = earlier[-1]
    resources = _observation_resources(descriptor)
    by_id = {m.id: m for m in validate.read_rows(root, next(r for r in descriptor["resources"] if r["name"] == "metrics"))}
    labels = {(c.dimension, c.category): c for c in
              validate.read_rows(root, next(r for r in descriptor["resources"] if r["name"] == "categories"))}
    wb = Workbook()
    info = wb.active
    info.title = INSTRUCTIONS
    _instructions(info, year, prior, [r["name"] for r in resources])
    fill, bold = PatternFill("solid", fgColor="FFF2CC"), Font(bold=True)
    _report_sheet(wb.create_sheet(REPORT), year, _report_rows(root, descriptor), fill, bold)
    for resource in resources:
        ws = wb.create_sheet(resource["name"])
        ws.append([heading for heading, _ in LAYOUT.values()])
        for cell in ws[1]:
            cell.font = bold
        for r in _latest(r for r in validate.read_rows(root, resource) if int(r.year) == prior):
            m, c = by_id[r.metric], labels[(r.dimension, r.category)]
            breakdown = "" if r.dimension == "total" else f"{c.name_en} / {c.name_zh}"
            ws.append([r.metric, None, r.qualifier or None, r.unit, r.dimension, r.category, m.name_en, m.name_zh,
                       breakdown, r.value, r.qualifier or None, r.section])
        last = max(ws.max_row, 2)
        number = DataValidation(type="decimal", operator="between", formula1="0", formula2=f"{cells.LARGEST:.0f}",
                                allow_blank=True, showErrorMessage=True, errorTitle="A number",
                                error="Type a number: digits and a point, no unit, % sign or thousands separator.")
        choice = DataValidation(type="list", formula1='"' + ",".join(_qualifiers(resource)) + '"', allow_blank=True,
                                showErrorMessage=True)
        for dv, col in ((number, "B"), (choice, "C")):
            ws.add_data_validation(dv)
            dv.add(f"{col}2:{col}{last}")
        for col in TO_FILL:
            for (cell,) in ws[f"{col}2:{col}{last}"]:
                cell.fill = fill
        for col, width in zip(LAYOUT, (34, 14, 12, 12, 16, 18, 40, 24, 28, 16, 12, 34)):
            ws.column_dimensions[col].width = width
        ws.freeze_panes = "C2"
    out = Path(out)
    wb.save(out)
    return out


def _report_rows(root: Path, descriptor: dict) -> dict[int, dict]:
    """data/reports.csv by report year, as CSV text."""
    resource = next((r for r in descriptor["resources"] if r["name"] == "reports"), None)
    if resource is None:
        return {}
    header, *rows = files.read_rows(root / resource["path"], f"data/{resource['path']}")
    return {int(rec["report_year"]): rec for rec in (dict(zip(header, r)) for r in rows) if rec.get("report_year")}


def _report_sheet(ws, year: int, reports: dict[int, dict], fill, bold) -> None:
    """The year's report row to fill (or, when data/reports.csv has it, as it is there), beside the prior
    report's row for reference."""
    earlier = [y for y in reports if y < year]
    prior = reports.get(max(earlier)) if earlier else None
    have = reports.get(year)
    ws.append(["field", "value", "what it is", f"the {prior['report_year']} report" if prior else "prior report"])
    for cell in ws[1]:
        cell.font = bold
    for column, what in REPORT_FIELDS:
        if have is not None:
            value = have.get(column, "") or None
        else:
            value = {"report_year": year, "covers": f"{year}-01-01/{year}-12-31"}.get(column)
        ws.append([column, int(value) if column == "report_year" and value else value, what,
                   (prior or {}).get(column) or None])
    last = 1 + len(REPORT_FIELDS)
    for (cell,) in ws[f"B3:B{last}"]:
        cell.fill = fill
    ws.append([])
    ws.append(["data/reports.csv already has this report's row: the import keeps it as it is (edit the file to "
               "change it)." if have is not None else
               "The import adds this row to data/reports.csv: every figure of the workbook names this report."])
    for col, width in zip("ABCD", (16, 60, 90, 60)):
        ws.column_dimensions[col].width = width


def _instructions(ws, year: int, prior: int, sheets: list[str]) -> None:
    from openpyxl.styles import Font  # noqa: PLC0415

    rows = [
        [f"Data entry for the {year} ESG report"], [],
        ["Reporting year", year],
        ["Figures of", prior],
        [],
        ["How to fill it in"],
        [f'0. Sheet "{REPORT}": the {year} report itself (titles in English and Chinese, period covered, '
         "publication date), one row of data/reports.csv."],
        [f"1. Each sheet ({', '.join(sheets)}) is one data file; each row one figure the {prior} report gave."],
        ["2. Type the new figure in the yellow column B (value), in the unit of column D, as a plain number:"],
        ["   digits and a point; no unit, no % sign, no thousands separators, no formula (paste values only)."],
        ["3. Leave B empty for a figure the new report does not give: the year then has no such figure."],
        ["4. Column C (qualifier): empty, or how the report hedges the figure: more than, about, below, at least."],
        ["5. Column L (section): the section of the new report the figure comes from (the prior one is filled in)."],
        ["6. Do not change columns A and D-F (they identify the figure) nor this sheet's year."],
        [],
        ["Then, from the checkout: make import FILE=<this file>. Nothing is written unless every cell is valid;"],
        ["each error names the sheet and the cell (e.g. B17) and what was expected."],
        ["A new metric or breakdown needs a row in data/metrics.csv or data/categories.csv first;"],
        ["the registers (board, honours, community cases, HKEX index) are edited in their CSV files."],
    ]
    for row in rows:
        ws.append(row)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A6"].font = Font(bold=True)
    ws.column_dimensions["A"].width = 110


# -- import -----------------------------------------------------------------------------------
def _cell_value(cell) -> tuple[str, str | None]:
    """A value cell as CSV text, and what is wrong with it (None when nothing is)."""
    v = cell.value
    if v is None or (isinstance(v, str) and v == ""):
        return "", None
    if isinstance(v, bool) or not isinstance(v, (int, float, str)):
        return "", f"expected a number, got {type(v).__name__} {v!r}"
    if isinstance(v, str):  # typed as text: the same rules as a CSV cell
        return v, cells.number_problem(v)
    if not math.isfinite(v) or abs(v) > cells.LARGEST:
        return "", f"expected a number below {cells.LARGEST:.0e}, got {v!r}"
    return (str(int(v)) if float(v).is_integer() else repr(float(v))), None


def _text(cell) -> str:
    return "" if cell.value is None else str(cell.value)


def _rows_of(ws, year: int, name: str, problems: list[str]) -> list[tuple[int, dict]]:
    """The sheet's filled rows as CSV records, with their sheet row; cell problems go to `problems`."""
    headings = [heading for heading, _ in LAYOUT.values()]
    if [c.value for c in ws[1]][:len(headings)] != headings:
        problems.append(f'{name}, sheet "{ws.title}", row 1: expected the headings of the template '
                        f"({', '.join(headings)}); make a new template with `make template YEAR={year}`")
        return []
    out = []
    for n in range(2, ws.max_row + 1):
        value, problem = _cell_value(ws[f"B{n}"])
        if problem:
            problems.append(f'{name}, sheet "{ws.title}", cell B{n}: {problem}')
            continue
        if value == "":
            continue  # a figure the new report does not give
        record = {csv: _text(ws[f"{letter}{n}"]) for letter, (_, csv) in LAYOUT.items() if csv}
        record.update(year=str(year), value=value, reported_in=str(year))  # the new report gives it
        for col in ("C", "L"):
            text = _text(ws[f"{col}{n}"])
            if problem := cells.text_problem(text):
                problems.append(f'{name}, sheet "{ws.title}", cell {col}{n}: {problem}')
        out.append((n, record))
    return out


def _csv_line(record: dict, columns: list[str] | None = None) -> str:
    def quoted(cell: str) -> str:
        return '"' + cell.replace('"', '""') + '"' if any(c in cell for c in ',"\n\r') else cell
    return ",".join(quoted(record.get(c, "")) for c in columns or validate.OBSERVATION_COLUMNS) + "\n"


def _report_cell(cell) -> str:
    """A cell of the report sheet as CSV text: a date typed as a date is written YYYY-MM-DD."""
    import datetime as dt  # noqa: PLC0415

    v = cell.value
    if v is None:
        return ""
    if isinstance(v, dt.datetime) and v.time() == dt.time(0):
        return v.date().isoformat()
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return "" if isinstance(v, str) and not v.strip() else str(v)


def _report_record(wb, year: int, reports: dict[int, dict], name: str, problems: list[str]) -> dict | None:
    """The year's row for data/reports.csv from the sheet "report", or None when the file has it already
    (the sheet must then agree with it: an import never overwrites)."""
    if REPORT not in wb.sheetnames:
        if year not in reports:
            problems.append(f'{name}: expected a sheet "{REPORT}" with the {year} report\'s row (title in English and '
                            f"Chinese, period covered, publication date), as `make template YEAR={year}` writes it, "
                            f"or that row in data/reports.csv (report_year {year})")
        return None
    ws = wb[REPORT]
    fields = [ws[f"A{n}"].value for n in range(2, 2 + len(REPORT_FIELDS))]
    if fields != [column for column, _ in REPORT_FIELDS]:
        problems.append(f'{name}, sheet "{REPORT}", column A: expected the fields of the template '
                        f"({', '.join(c for c, _ in REPORT_FIELDS)}); make a new template with "
                        f"`make template YEAR={year}`")
        return None
    record = {column: _report_cell(ws[cell]) for column, cell in REPORT_CELL.items()}
    if record["report_year"] != str(year):
        problems.append(f'{name}, sheet "{REPORT}", cell {REPORT_CELL["report_year"]}: expected {year}, the '
                        f"workbook's year (sheet \"{INSTRUCTIONS}\", cell {YEAR_CELL}), got "
                        f'"{record["report_year"]}"')
        return None
    have = reports.get(year)
    if have is not None:
        for column, cell in REPORT_CELL.items():
            if record[column] != (have.get(column) or ""):
                problems.append(f'{name}, sheet "{REPORT}", cell {cell}: expected "{have.get(column) or ""}", as '
                                f"data/reports.csv has it (row of report_year {year}); an import never changes that "
                                f"row: edit data/reports.csv to change {column}")
        return None
    return record


PROBLEM = re.compile(r'^(data/[^,:]+), row (\d+)(?:, column "([^"]+)")?: (.*)$')


def _in_workbook(problem: str, origin: dict, name: str) -> str:
    """Say a package problem about an imported row in terms of the workbook (sheet, cell)."""
    m = PROBLEM.match(problem)
    if not m or (m[1], int(m[2])) not in origin:
        return problem
    sheet, n = origin[m[1], int(m[2])]
    if sheet == REPORT:  # the report's row: one field per row of the sheet
        return f'{name}, sheet "{sheet}", cell {REPORT_CELL.get(m[3], "B2")}: {m[4]}'
    text = re.sub(r"\(row (\d+)\)", lambda r: f"(cell B{origin[m[1], int(r[1])][1]})"
                  if (m[1], int(r[1])) in origin else r[0], m[4])
    return f'{name}, sheet "{sheet}", cell {COLUMN_OF.get(m[3], "B")}{n}: {text}'


def import_workbook(path: Path, root: Path) -> dict[str, int]:
    """Append the workbook's figures to the CSV files in `root`; returns rows added per file.

    Raises DataError (one line per problem in `.problems`) and writes nothing if any cell is wrong.
    """
    from openpyxl import load_workbook  # noqa: PLC0415

    path = Path(path)
    name = path.name
    descriptor, years = _load(root)
    try:
        wb = load_workbook(path)  # formulas stay formulas: they are refused, not evaluated
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a file it cannot read
        raise DataError(f"{name}: expected an .xlsx workbook made by `make template`, could not open it "
                        f"({type(exc).__name__}: {exc})", file=name) from None
    if INSTRUCTIONS not in wb.sheetnames or not isinstance(wb[INSTRUCTIONS][YEAR_CELL].value, int):
        raise DataError(f'{name}: expected a sheet "{INSTRUCTIONS}" with the year in {YEAR_CELL}; '
                        "make the workbook with `make template YEAR=<year>`", file=name)
    year = wb[INSTRUCTIONS][YEAR_CELL].value
    if year in years:
        raise DataError(f"{name}: data/ already holds figures for {year}; an import never overwrites figures "
                        f"(remove the {year} rows first, e.g. with git checkout data/, to import again)", file=name)
    problems: list[str] = []
    reports_resource = next((r for r in descriptor["resources"] if r["name"] == "reports"), None)
    report = _report_record(wb, year, _report_rows(root, descriptor), name, problems) if reports_resource else None
    added: dict[str, list[tuple[int, dict]]] = {}
    for resource in _observation_resources(descriptor):
        if resource["name"] not in wb.sheetnames:
            problems.append(f'{name}: expected a sheet "{resource["name"]}" (one per observation file), got none')
            continue
        added[resource["path"]] = _rows_of(wb[resource["name"]], year, name, problems)
    if problems:
        _fail(problems)
    # The whole package with the new rows, checked in a scratch copy: sums, units, ids, keys.
    texts, origin = {}, {}
    for file, rows in added.items():
        old = (root / file).read_text(encoding="utf-8")
        old = old if old.endswith("\n") or not old else old + "\n"
        first = old.count("\n") + 1
        sheet = next(r["name"] for r in descriptor["resources"] if r["path"] == file)
        for i, (n, _) in enumerate(rows):
            origin[f"data/{file}", first + i] = (sheet, n)
        texts[file] = old + "".join(_csv_line(rec) for _, rec in rows)
    if report is not None:  # the year's report row, first: the figures name it
        file = reports_resource["path"]
        old = (root / file).read_text(encoding="utf-8")
        old = old if old.endswith("\n") or not old else old + "\n"
        origin[f"data/{file}", old.count("\n") + 1] = (REPORT, None)
        header = [f["name"] for f in reports_resource["schema"]["fields"]]
        texts = {file: old + _csv_line(report, header), **texts}
        added = {file: [(0, report)], **added}
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "data"
        shutil.copytree(root, scratch)
        for file, text in texts.items():
            (scratch / file).write_text(text, encoding="utf-8")
        try:
            validate.check_package(scratch)
        except DataError as exc:
            _fail([_in_workbook(p, origin, name) for p in exc.problems])
    for file, text in texts.items():  # all valid: now, and only now, the real files
        tmp_file = root / f".{file}.import"
        tmp_file.write_text(text, encoding="utf-8")
        tmp_file.replace(root / file)
    return {file: len(rows) for file, rows in added.items()}


def _fail(problems: list[str]) -> None:
    more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
    raise DataError(problems[0] + more, problems=problems)
