"""Synthetic years, built in a temporary copy of data/ (never committed), to test that every
sentence of the book follows the data rather than the 2023 story.

- `reversed_year(root)`: a year 2024 whose every figure is the 2022 figure, so every change from
  2023 to 2024 runs the other way from 2022 to 2023 (registers: board, honours, cases ... copy 2023).
- `without_prior(root)`: the 2022 rows removed, so the 2023 edition has no prior year.
- `without_metrics(root, metrics)`: the 2023 rows of some metrics removed (not disclosed).
- `without_discrepancies(root)`: 2023 published figures set to what the raw data give, and the
  breakdowns that disagree removed, so the reconciliation flags nothing.
Each returns the data folder; point ESGBOOK_DATA at it or pass it to `data.load(year, root)`.
"""
from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from esgbook.analysis import reconcile
from esgbook.inputs import dataset as data

REPO = Path(__file__).resolve().parent.parent
OBSERVATIONS = ["environment", "workforce", "suppliers", "governance", "highlights", "operations", "customers"]
REGISTERS = ["board", "material_topics", "stakeholder_concerns", "honours", "industry_standards",
             "community_cases", "hkex_index", "governance_bodies"]


def copy_data(target: Path) -> Path:
    root = target / "data"
    shutil.copytree(REPO / "data", root)
    return root


def _read(path: Path) -> tuple[list[str], list[dict]]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, fields: list[str], rows: list[dict]) -> None:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def _edit(root: Path, name: str, change) -> None:
    fields, rows = _read(root / f"{name}.csv")
    _write(root / f"{name}.csv", fields, change(rows))


def _copy_year(rows: list[dict], source: str, target: str, column: str = "year") -> list[dict]:
    # A copied observation row is given by the new year's own report.
    return rows + [{**r, column: target, **({"reported_in": target} if "reported_in" in r else {})}
                   for r in rows if r[column] == source]


def restate(root: Path, file: str, metric: str, year: int, value: float, reported_in: int,
            dimension: str = "total", category: str = "all") -> Path:
    """A later report's restatement: a row for (year, metric, breakdown) with `value`, `reported_in` the
    later report (the original row stays, as the earlier report gave it)."""
    def change(rows):
        original = next(r for r in rows if (r["year"], r["metric"], r["dimension"], r["category"])
                        == (str(year), metric, dimension, category) and r["reported_in"] != str(reported_in))
        return rows + [{**original, "value": f"{value:g}", "reported_in": str(reported_in),
                        "section": f"Synthetic report {reported_in} > restated"}]
    _edit(root, file, change)
    return root


def add_report(root: Path, year: int) -> None:
    """A reports.csv row for `year`, so its edition counts as built from its own report."""
    _edit(root, "reports", lambda rows: rows + [{**rows[0], "report_year": str(year),
                                                 "title_en": f"Synthetic report {year}",
                                                 "title_zh": f"{year}年合成報告",
                                                 "covers": f"{year}-01-01/{year}-12-31",
                                                 "published_by": f"{year + 1}-04-30"}])


def reversed_year(root: Path, year: int = 2024) -> Path:
    add_edition(root, year, figures_of="2022")
    return root


def without_prior(root: Path, prior: int = 2022) -> Path:
    for name in OBSERVATIONS + REGISTERS:
        _edit(root, name, lambda rows: [r for r in rows if r["year"] != str(prior)])
    return root


def without_metrics(root: Path, metrics: list[str], year: int = 2023) -> Path:
    for name in OBSERVATIONS:
        _edit(root, name, lambda rows: [r for r in rows if not (r["metric"] in metrics and r["year"] == str(year))])
    return root


def without_discrepancies(root: Path, year: int = 2023) -> Path:
    rec = reconcile.reconciliation(data.load(year, root))
    fixes = {(r.metric, r.dimension, r.category): r.recomputed
             for r in rec.itertuples() if r.kind == "published figure" and r.status == "discrepancy"}
    drop = {(r.metric, r.compares.split("|")[1]) for r in rec.itertuples()
            if r.kind == "consistency check" and r.status == "discrepancy"}

    def change(rows):
        out = []
        for r in rows:
            if r["year"] == str(year) and (r["metric"], r["dimension"]) in drop:
                continue
            key = (r["metric"], r["dimension"], r["category"])
            if r["year"] == str(year) and key in fixes:
                decimals = data.load(year, root).metric_info[r["metric"]]["decimals"]
                r = {**r, "value": f"{fixes[key]:.{int(decimals) if decimals == decimals else 0}f}"}
            out.append(r)
        return out

    for name in OBSERVATIONS:
        _edit(root, name, change)
    return root


def add_edition(root: Path, year: int, figures_of: str | None = None) -> None:
    """A synthetic edition `year` in the data copy `root`: the figures of `figures_of` (by default 2022 for even
    years, 2023 for odd ones) and the registers and emission factors of 2023, given by the year's own report
    (the benchmark's sites of N editions are made this way)."""
    source = figures_of or ("2022" if year % 2 == 0 else "2023")
    for name in OBSERVATIONS:
        _edit(root, name, lambda rows: _copy_year(rows, source, str(year)))
    for name in REGISTERS:
        _edit(root, name, lambda rows: _copy_year(rows, "2023", str(year)))
    _edit(root, "emission_factors", lambda rows: rows + [
        {**r, "applies_to_year": str(year), "factor_id": r["factor_id"].replace("2023", str(year))}
        for r in rows if r["applies_to_year"] == "2023"])
    add_report(root, year)
