"""Validation of the data package, before anything is computed.

Three layers:
0. what a spreadsheet does to a file (`intake.files`, `intake.cells`): the encoding, the header's
   names, blank rows, and each cell as written: numbers in ASCII digits with nothing around them,
   no spreadsheet errors or formulas, no markup in text;
1. the schema in `datapackage.json`, checked by Frictionless: types, required cells,
   minimums, enums, patterns, required columns, duplicated primary keys and unknown
   metric or unit ids (foreign keys);
2. the rules a schema cannot say (`domain_problems`): a metric's unit must match the
   dictionary, shares lie in 0-100 %, breakdowns add up to their total, published figures
   say what they reconcile to; a register's list of metric ids (`metrics`) names known metrics; every
   `reported_in` year has its report's row in data/reports.csv.

Every problem is reported as `file, row N, column "c": expected ..., got ...`.
Frictionless is imported here only, so that a caller who never validates stays fast.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from types import SimpleNamespace

from esgbook.analysis.assumptions import SUM_TOLERANCE  # head counts are integers: no rounding allowance
from esgbook.inputs.errors import DataError, where
from esgbook.inputs.intake import cells, files
from esgbook.paths import build_dir, keep

# `reported_in`: the year of the report a figure was read from. A later report's restatement of an earlier
# year is a row of its own, so the key is (reported_in, year, metric, dimension, category).
OBSERVATION_COLUMNS = ["year", "metric", "dimension", "category", "value", "unit", "qualifier", "section",
                       "reported_in"]

# Share metrics (unit %) must lie in 0-100; counts broken down must add up to their total row.
PERCENT_UNIT = "%"
SUMMED_METRICS = {"employees"}  # breakdowns of these must each sum to the total row


def _rel(path: str | Path, root: Path) -> str:
    """Name a file as the analyst sees it: data/<file>.csv."""
    p = Path(path)
    if not p.is_absolute():
        p = root / p
    return f"data/{p.relative_to(root)}" if p.is_relative_to(root) else str(p)


def _expected(error, field_types: dict[str, str]) -> str:
    """Turn a Frictionless error into 'expected ..., got ...'."""
    kind = error.type
    cell = getattr(error, "cell", None)
    got = f'got "{cell}"' if cell not in (None, "") else "got an empty cell"
    note = getattr(error, "note", "") or ""
    field = getattr(error, "field_name", None)
    if kind == "type-error":
        return f"expected {field_types.get(field, 'a valid value')}, {got}"
    if kind == "constraint-error":
        m = re.search(r'constraint "(\w+)" is "(.*)"', note)
        if m:
            name, limit = m.groups()
            wanted = {
                "minimum": f"a value >= {limit}",
                "maximum": f"a value <= {limit}",
                "required": "a value (the column is required)",
                "enum": f"one of {limit}",
                "pattern": f"a value matching {limit}",
                "unique": "a unique value",
            }.get(name, f"{name} {limit}")
            return f"expected {wanted}, {got}"
        return f"expected a valid value ({note}), {got}"
    if kind == "primary-key":
        return f"expected one row per key, but this row duplicates another ({note})"
    if kind == "foreign-key":
        m = re.search(r'for "([^"]+)": values "([^"]+)" not found in the lookup table "([^"]+)" as "([^"]+)"', note)
        if m:
            col, value, table, key = m.groups()
            return f'expected a known {col} (an {key} of data/{table}.csv), got unknown "{value}"'
        return f"expected a known id ({note})"
    if kind == "incorrect-label":
        return f'expected the column "{field}" at this position, got "{getattr(error, "label", "")}"'
    if kind == "missing-label":
        return f'expected a column "{field}" (required by data/datapackage.json), the file has none'
    if kind == "extra-label":
        return f'expected no column here (not in data/datapackage.json), got "{getattr(error, "label", "")}"'
    if kind == "missing-cell":
        return f'expected a value in column "{field}", the row is too short'
    if kind == "extra-cell":
        return "expected no more cells than the header has columns"
    return error.message


def _FIELD_NAMES(kind: str) -> str:
    return {"integer": "a whole number", "number": "a number", "boolean": "true or false",
            "string": "text", "date": "a date (YYYY-MM-DD)"}.get(kind, kind)


def _resource_problems(resource_descriptor: dict, root: Path) -> list[DataError]:
    """Validate one resource against its schema (Frictionless): types, constraints, primary key.

    Foreign keys are checked across files in `domain_problems` (fast, in pandas); the full
    package, foreign keys included, is validated by Frictionless in the test suite.
    """
    file = f"data/{resource_descriptor['path']}"
    text = files.read_text(root / resource_descriptor["path"], file)
    rows = files.parse(text)
    header = rows[0] if rows else []
    shape = files.shape_problems(rows, file)
    if shape:
        return shape
    # Columns by name first: Frictionless matches them by position, which turns one missing
    # column into a cascade of wrong-label errors on every later column.
    expected = [f["name"] for f in resource_descriptor["schema"]["fields"]]
    missing = [c for c in expected if c not in header]
    extra = [c for c in header if c not in expected]
    if missing or extra:
        return [DataError(f'{where(file, 1, c)}: expected a column "{c}" (required by data/datapackage.json), '
                          f"the file has none", file=file, row=1, column=c) for c in missing] + \
               [DataError(f'{where(file, 1, c)}: expected only the columns of data/datapackage.json '
                          f"({', '.join(expected)}), got an extra one", file=file, row=1, column=c) for c in extra]
    # Cells as a spreadsheet writes them, before Frictionless: it reads "１２７６", "inf" and "1e308"
    # as numbers, and knows nothing of markup.
    kinds = [next(f.get("type", "string") for f in resource_descriptor["schema"]["fields"] if f["name"] == c)
             for c in header]
    found = [DataError(f"{where(file, n, header[i])}: {problem}", file=file, row=n, column=header[i])
             for n, row in enumerate(rows[1:], start=2) for i, cell in enumerate(row[:len(header)])
             if (problem := cells.cell_problem(cell, kinds[i]))]
    if found:
        return found
    from frictionless import Resource, Schema  # noqa: PLC0415 - heavy: only for a file that got this far

    descriptor = json.loads(json.dumps(resource_descriptor))
    descriptor["schema"].pop("foreignKeys", None)
    # The decoded text, not the file: a byte-order mark or CRLF must not change what is checked.
    resource = Resource(data=text.encode("utf-8"), format="csv", encoding="utf-8",
                        schema=Schema.from_descriptor(descriptor["schema"]))
    fields = {f.name: _FIELD_NAMES(f.type) for f in resource.schema.fields}
    keys = resource.schema.primary_key
    problems: list[DataError] = []
    for error in resource.validate().tasks[0].errors:
        row = getattr(error, "row_number", None)
        column = getattr(error, "field_name", None)
        if error.type == "primary-key":
            column = ", ".join(keys)
        elif error.type in {"missing-label", "blank-label", "duplicate-label", "incorrect-label", "extra-label"}:
            column = column or getattr(error, "label", None)
            row = 1
        problems.append(DataError(f"{where(file, row, column)}: {_expected(error, fields)}",
                                  file=file, row=row, column=column))
    return problems


CACHE_NAME = "validated.json"
# Libraries whose version changes what a check finds: a new Frictionless may check a schema differently.
LIBRARIES = ("frictionless", "pandas")

# The checking code itself: a file that passed under older rules is checked again under new ones.
RULES = hashlib.sha256(b"".join(Path(m).read_bytes() for m in (__file__, cells.__file__, files.__file__))).digest()


def cache_path() -> Path:
    """Where passing checks are remembered: the build folder (ESGBOOK_BUILD, else _build/)."""
    return build_dir() / CACHE_NAME


def library_versions() -> str:
    """'frictionless==5.x;pandas==2.x', read from the installed metadata without importing either."""
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    def of(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "absent"
    return ";".join(f"{name}=={of(name)}" for name in LIBRARIES)


def _key(resource_descriptor: dict, root: Path, versions: str) -> str:
    """What a schema check depends on: the rules, the library versions, the resource's description and
    its file's bytes."""
    h = hashlib.sha256(RULES + versions.encode() + b"\0" + json.dumps(resource_descriptor, sort_keys=True).encode())
    h.update((root / resource_descriptor["path"]).read_bytes())
    return h.hexdigest()


def schema_problems(datapackage: Path) -> list[DataError]:
    """Schema-check every resource whose file or description changed since it last passed.

    Passing checks are remembered by content digest (never by time), so an unchanged file is
    not re-checked while any change, however small, is.
    """
    root = datapackage.parent
    descriptor = json.loads(datapackage.read_text(encoding="utf-8"))
    cache, versions = cache_path(), library_versions()
    try:
        passed = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        passed = {}
    problems: list[DataError] = []
    changed = False
    for resource in descriptor.get("resources", []):
        key = _key(resource, root, versions)
        if key in passed:
            continue
        found = _resource_problems(resource, root)
        problems += found
        if not found:
            passed[key] = resource["path"]
            changed = True
    if changed:
        keep(cache, json.dumps(passed, indent=0, sort_keys=True))  # a read-only checkout validates every time
    return problems


def read_rows(root: Path, resource: dict) -> list[SimpleNamespace]:
    """A resource's rows as plain records (no pandas: this runs on the fast failure path)."""
    file = f"data/{resource['path']}"
    numeric = {f["name"] for f in resource["schema"]["fields"] if f.get("type") in ("number", "integer")}
    header, *rows = files.read_rows(root / resource["path"], file)
    out = []
    for n, cells_ in enumerate(rows, start=2):
        values = {k: (float(v) if k in numeric and v != "" else v) for k, v in zip(header, cells_)}
        out.append(SimpleNamespace(**values, file=file, row=n))
    return out


def domain_problems(obs: list, metrics: list, categories: list, units_table: list) -> list[DataError]:
    """Rules across rows and files, on schema-valid rows from `read_rows`."""
    problems: list[DataError] = []

    def add(r, column, text):
        problems.append(DataError(f"{where(r.file, r.row, column)}: {text}", file=r.file, row=r.row, column=column))

    known_units = {u.id for u in units_table}
    for r in metrics:
        if r.unit not in known_units:
            add(r, "unit", f'expected a known unit (an id of data/units.csv), got unknown "{r.unit}"')
        if r.kind == "published" and not r.reconciles_to:
            add(r, "reconciles_to", f"expected the KPI id that the published metric {r.id} is reconciled "
                                    "against, got an empty cell")
    units = {m.id: m.unit for m in metrics}
    known = {(c.dimension, c.category) for c in categories}
    for r in obs:
        if r.metric not in units:
            add(r, "metric", f'expected a known metric (an id of data/metrics.csv), got unknown "{r.metric}"')
        if r.unit not in known_units:
            add(r, "unit", f'expected a known unit (an id of data/units.csv), got unknown "{r.unit}"')
        elif r.metric in units and r.unit != units[r.metric]:
            add(r, "unit", f'expected "{units[r.metric]}" (the unit of {r.metric} in data/metrics.csv), got "{r.unit}"')
        if r.unit == PERCENT_UNIT and not 0 <= r.value <= 100:
            add(r, "value", f"expected a share between 0 and 100 %, got {r.value:g}")
        if (r.dimension, r.category) not in known:
            add(r, "category", f'expected a (dimension, category) listed in data/categories.csv, '
                               f'got ("{r.dimension}", "{r.category}")')
        elif (r.dimension == "total") != (r.category == "all"):
            add(r, "category", 'expected category "all" exactly when dimension is "total"')
        if r.reported_in != "" and r.year != "" and int(r.reported_in) < int(r.year):
            add(r, "reported_in", f"expected the year of a report that can give a {int(r.year)} figure "
                                  f"({int(r.year)} or later), got {int(r.reported_in)}")

    # Each breakdown of a summed metric must add up to that year's total row, within one report (a later
    # report may restate the total alone: its rule applies to the rows it gives).
    groups: dict[tuple, list] = {}
    for r in obs:
        if r.metric in SUMMED_METRICS:
            groups.setdefault((r.metric, int(r.year), int(r.reported_in)), []).append(r)
    for (metric, year, _report), rows in sorted(groups.items()):
        totals = [r for r in rows if r.dimension == "total"]
        if not totals:
            add(rows[0], "dimension", f"expected a total row (dimension total) for {metric} in {year} "
                                      f"reported in {_report}, found only breakdowns")
            continue
        expected = totals[0].value
        parts: dict[str, list] = {}
        for r in rows:
            if r.dimension != "total":
                parts.setdefault(r.dimension, []).append(r)
        for dimension, part in parts.items():
            got = sum(r.value for r in part)
            if abs(got - expected) > SUM_TOLERANCE:
                add(part[-1], "value", f"expected the {metric} by {dimension} for {year} to add up to the total "
                                       f"{expected:g} (row {totals[0].row}), got {got:g}")
    return problems


def report_problems(obs: list, reports: list) -> list[DataError]:
    """Every `reported_in` of an observation row names a report of data/reports.csv: a figure is read from a
    report, and the edition built from it needs the report's title, period and date. One problem per file and
    missing report year, on its first row (the fix is one row in data/reports.csv, not one per figure)."""
    known = {int(r.report_year) for r in reports if r.report_year != ""}
    first: dict[tuple[str, int], list] = {}
    for r in obs:
        if r.reported_in != "" and int(r.reported_in) not in known:
            first.setdefault((r.file, int(r.reported_in)), []).append(r)
    problems = []
    for (file, year), rows in first.items():
        r, more = rows[0], len(rows) - 1
        also = f"; {more} more row(s) of the file name it too" if more else ""
        problems.append(DataError(
            f'{where(file, r.row, "reported_in")}: expected the year of a report listed in data/reports.csv, got '
            f"{year}, which has no row there{also}: add the {year} report's row to data/reports.csv (report_year "
            f"{year}, title_en, title_zh, covers, published_by), or import it with the workbook's report sheet",
            file=file, row=r.row, column="reported_in"))
    return problems


def listed_metric_problems(rows: list, metrics: list) -> list[DataError]:
    """Ids in a register's space-separated `metrics` cell (community_cases.csv) must be ids of metrics.csv."""
    known = {m.id for m in metrics}
    return [DataError(f'{where(r.file, r.row, "metrics")}: expected known metrics (ids of data/metrics.csv), '
                      f'got unknown "{m}"', file=r.file, row=r.row, column="metrics")
            for r in rows for m in r.metrics.split() if m not in known]


def check_package(root: Path) -> list[int]:
    """Validate the package at `root` completely; return the years it holds. Raises DataError."""
    datapackage = root / "datapackage.json"
    if not datapackage.exists():
        raise DataError(f"data/datapackage.json: file not found in {root}", file="data/datapackage.json")
    try:
        descriptor = json.loads(datapackage.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(f"data/datapackage.json, row {exc.lineno}: expected valid JSON ({exc.msg})",
                        file="data/datapackage.json", row=exc.lineno) from exc
    for r in descriptor.get("resources", []):
        if not (root / r["path"]).exists():
            raise DataError(f"data/{r['path']}: file not found (listed in data/datapackage.json)",
                            file=f"data/{r['path']}")
    raise_if(schema_problems(datapackage))
    resources = {r["name"]: r for r in descriptor["resources"]}
    obs = [row for r in descriptor["resources"]
           if [f["name"] for f in r["schema"]["fields"]] == OBSERVATION_COLUMNS
           for row in read_rows(root, r)]
    metrics, categories, units = (read_rows(root, resources[n]) for n in ("metrics", "categories", "units"))
    listing = [row for r in descriptor["resources"] if "metrics" in [f["name"] for f in r["schema"]["fields"]]
               for row in read_rows(root, r)]
    reports = read_rows(root, resources["reports"]) if "reports" in resources else None
    raise_if(domain_problems(obs, metrics, categories, units) + listed_metric_problems(listing, metrics)
             + (report_problems(obs, reports) if reports is not None else []))
    return sorted({int(r.year) for r in obs})


def raise_if(problems: list[DataError]) -> None:
    """Raise the first problem, carrying the rest, so the one-line message leads with it."""
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        raise DataError(str(first) + more, file=first.file, row=first.row, column=first.column,
                        problems=[str(p) for p in problems])


def plausibility(ds) -> list:
    """Warnings on valid figures that look wrong (`intake.plausibility.Implausible` records, each with
    file, row, year, metric, dimension, category, value, `compared_with` and a one-line `message`).

    `ds` is a Dataset (`esgbook.inputs.dataset.load(year)` or `data.check()`); every year it holds is checked.
    Warnings never stop a build: `make validate` prints them, the reconciliation can list them.
    """
    from esgbook.analysis.kpis import SHARES  # noqa: PLC0415
    from esgbook.inputs.intake import plausibility as checks  # noqa: PLC0415 - needs kpis (pandas), not on the fast path

    obs = [SimpleNamespace(**r) for r in ds.observations().to_dict("records")]
    return checks.check(obs, dict(SHARES))
