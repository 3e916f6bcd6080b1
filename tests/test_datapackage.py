"""The data package descriptor is valid Frictionless, foreign keys included, and describes every file."""
import json
from pathlib import Path

from frictionless import Package

DATA = Path(__file__).resolve().parent.parent / "data"


def test_datapackage_validates():
    report = Package(str(DATA / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_every_csv_is_described_with_units():
    descriptor = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["path"] for r in descriptor["resources"]}
    assert described == {p.name for p in DATA.glob("*.csv")}
    for resource in descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            assert field.get("description"), f"{resource['path']}: {field['name']} lacks a description"


def test_every_row_names_its_report_section():
    import csv
    for path in DATA.glob("*.csv"):
        with open(path, encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        if rows and "section" in rows[0]:
            assert all(r["section"] for r in rows), path.name
