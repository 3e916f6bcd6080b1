"""Machine-readable disclosure: the xBRL-JSON report of each edition, its taxonomy, and Arelle's verdict."""
from __future__ import annotations

import copy
import csv
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest

from esgbook.analysis import kpis
from esgbook.book import formatting
from esgbook.exports import xbrl
from esgbook.exports.xbrl import arelle
from esgbook.exports.xbrl import taxonomy as tx
from esgbook.exports.xbrl.oim import RECOMPUTED, fact_id

REPO = Path(__file__).resolve().parent.parent
YEARS = [2022, 2023]
XS = "{http://www.w3.org/2001/XMLSchema}"
LINK = "{http://www.xbrl.org/2003/linkbase}"
XLINK = "{http://www.w3.org/1999/xlink}"


@pytest.fixture(scope="module")
def datasets():
    from esgbook.inputs import dataset as data
    return {y: data.load(y) for y in YEARS}


@pytest.fixture(scope="module")
def reports(datasets):
    return {y: xbrl.report(ds) for y, ds in datasets.items()}


@pytest.fixture(scope="module")
def written(datasets, tmp_path_factory):
    """Each edition's downloads as `write_downloads` leaves them: esg-<year>.json and the taxonomy zip."""
    out = {}
    for y, ds in datasets.items():
        folder = tmp_path_factory.mktemp(f"downloads-{y}")
        files = xbrl.write(ds, folder)
        out[y] = (folder / files["xbrl_json"], folder / files["xbrl_taxonomy"])
    return out


unscaled = xbrl.in_book_unit


def at(value, places: int) -> Decimal:
    return Decimal(f"{Decimal(str(value)):.{places}f}")


# -- the taxonomy ----------------------------------------------------------------------------
def test_committed_taxonomy_is_what_the_generator_writes():
    assert tx.stale() == [], "run `python -m esgbook.exports.xbrl taxonomy` and commit taxonomy/qifu-esg/"


def test_taxonomy_check_command():
    proc = subprocess.run([sys.executable, "-m", "esgbook.exports.xbrl", "taxonomy", "--check"], cwd=REPO,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "is current" in proc.stdout


def test_every_metric_and_kpi_is_a_concept_with_both_labels():
    with open(REPO / "data" / "metrics.csv", encoding="utf-8") as fh:
        metrics = {r["id"]: r for r in csv.DictReader(fh)}
    schema = ET.parse(tx.PACKAGE_DIR / tx.SCHEMA).getroot()
    declared = {e.get("name"): e for e in schema.iter(f"{XS}element")}
    for mid in list(metrics) + [k.id for k in kpis.KPIS]:
        assert mid in declared, f"no concept for {mid}"
        assert declared[mid].get("substitutionGroup") == "xbrli:item"
    labels = {}
    for lang, name in tx.LABELS.items():
        root = ET.parse(tx.PACKAGE_DIR / name).getroot()
        labels[lang] = {lab.get(f"{XLINK}label"): lab.text for lab in root.iter(f"{LINK}label")}
    for mid, m in metrics.items():
        assert labels["en"][f"lab_{mid}_label"] == m["name_en"]
        assert labels["zh-Hant"][f"lab_{mid}_label"] == m["name_zh"]
    assert labels["zh-Hant"]["lab_female_share_pct_label"] == kpis.BY_ID["female_share_pct"].name_zh


def test_concept_types_and_periods():
    concepts = {c.id: c for c in tx.concepts()}
    assert concepts["ghg_scope1_t"].item_type == "dtr:ghgEmissionsItemType"
    assert concepts["electricity_mwh"].item_type == "dtr:energyItemType"
    assert concepts["water_t"].item_type == "dtr:massItemType"
    assert concepts["female_share_pct"].item_type == "dtr:percentItemType"
    assert concepts["ghg_scope1_t"].period_type == "duration"
    assert concepts["employees"].period_type == "instant"
    assert concepts["directors"].period_type == "instant"
    assert {r["id"] for r in csv.DictReader(open(tx.HERE / "instant.csv", encoding="utf-8"))} <= set(concepts)


def test_every_breakdown_is_a_dimension_with_a_default():
    with open(REPO / "data" / "categories.csv", encoding="utf-8") as fh:
        cats = [r for r in csv.DictReader(fh) if r["dimension"] != "total"]
    dims = {d.id: d for d in tx.dimensions()}
    assert {c["dimension"] for c in cats} | {"basis"} == set(dims)
    for c in cats:
        assert c["category"] in {m[0] for m in dims[c["dimension"]].members}
    definition = (tx.PACKAGE_DIR / tx.DEFINITION).read_text(encoding="utf-8")
    assert definition.count("arcrole/dimension-default") == len(dims) + 1  # + its arcroleRef
    assert 'xbrldt:closed="true"' in definition


def test_ifrs_s2_table_names_real_concepts():
    concepts = {c.id for c in tx.concepts()}
    rows = tx.ifrs_s2()
    assert {"ghg_scope1_t", "ghg_scope2_t"} <= {r["concept"] for r in rows}
    for r in rows:
        assert r["concept"] in concepts
        assert r["ifrs_s2_paragraph"]


# -- the report ------------------------------------------------------------------------------
def test_document_info_and_entity(reports):
    doc = reports[2023]
    info = doc["documentInfo"]
    assert info["documentType"] == "https://xbrl.org/2021/xbrl-json"
    assert info["taxonomy"] == [tx.ENTRY_POINT]
    assert info["namespaces"]["qfesg"] == tx.NAMESPACE and info["namespaces"]["utr"] == "http://www.xbrl.org/2009/utr"
    assert {f["dimensions"]["entity"] for f in doc["facts"].values()} == {"hkex:3660"}
    assert info["namespaces"]["hkex"] == xbrl.ENTITY_SCHEME


def test_ghg_energy_and_headcount_facts(reports):
    facts = reports[2023]["facts"]
    scope1 = facts["ghg_scope1_t-2023-published"]
    assert scope1["value"] == "14.35" and scope1["decimals"] == 2
    assert scope1["dimensions"]["unit"] == "utr:tCO2e"
    assert scope1["dimensions"]["period"] == "2023-01-01T00:00:00/2024-01-01T00:00:00"
    assert facts["electricity_mwh-2023-published"]["value"] == "1276.20"  # printed places kept
    assert facts["electricity_mwh-2023-published"]["dimensions"]["unit"] == "utr:MWh"
    heads = facts["employees-2023-published"]
    assert heads["dimensions"]["period"] == "2024-01-01T00:00:00"  # instant: the end of 31 December
    assert "unit" not in heads["dimensions"]  # xbrli:pure, which OIM states by omission
    share = facts["female_share_pct-2023-recomputed"]
    assert (share["value"], share["decimals"]) == ("0.411", 3)  # 41.1% at 1 decimal
    intensity = facts["ghg_per_employee_t-2023-recomputed"]
    assert (intensity["value"], intensity["decimals"]) == ("0.45", 2)  # data/kpis.csv: 2 decimals, as shown
    money = facts["small_business_lending_cny100m-2023-published"]
    assert money["dimensions"]["unit"] == "iso4217:CNY" and money["value"] == "162100000000"


def test_published_and_recomputed_are_told_apart(reports):
    facts = reports[2022]["facts"]
    published, recomputed = facts["energy_mwh-2022-published"], facts["energy_mwh-2022-recomputed"]
    assert (published["value"], recomputed["value"]) == ("1620.95", "1620.93")
    assert published["dimensions"]["qfesg:basis_axis"] == "qfesg:basis_published_member"
    assert recomputed["dimensions"]["qfesg:basis_axis"] == "qfesg:basis_recomputed_member"
    assert {k: v for k, v in published["dimensions"].items() if k != "qfesg:basis_axis"} == \
        {k: v for k, v in recomputed["dimensions"].items() if k != "qfesg:basis_axis"}


def test_breakdowns_are_dimensions(reports):
    facts = reports[2023]["facts"]
    female = facts["employees-2023-published-gender-female"]
    assert female["value"] == "1283"
    assert female["dimensions"]["qfesg:gender_axis"] == "qfesg:gender_female_member"
    share = facts["supplier_share_pct-2023-recomputed-supplier_region-north_china"]
    assert share["dimensions"]["qfesg:supplier_region_axis"] == "qfesg:supplier_region_north_china_member"


def test_one_fact_per_observation_and_per_kpi(datasets, reports):
    for year, ds in datasets.items():
        obs = ds.observations()
        kpi_rows = kpis.kpi_table(ds)
        assert len(reports[year]["facts"]) == (obs["year"] == year).sum() + len(kpi_rows)
        assert all(re.fullmatch(r"[A-Za-z][A-Za-z0-9_.-]*", fid) for fid in reports[year]["facts"])


def test_same_data_same_bytes(datasets, written, tmp_path):
    from esgbook.inputs import dataset as data
    again = xbrl.write(data.load(2023), tmp_path)
    json_path, zip_path = written[2023]
    assert (tmp_path / again["xbrl_json"]).read_bytes() == json_path.read_bytes()
    assert (tmp_path / again["xbrl_taxonomy"]).read_bytes() == zip_path.read_bytes()
    text = json_path.read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def test_report_command_writes_the_edition(tmp_path):
    out = tmp_path / "esg-2022.json"
    proc = subprocess.run([sys.executable, "-m", "esgbook.exports.xbrl", "report", "--year", "2022", "--out", str(out)],
                          cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["facts"]["employees-2022-published"]["value"] == "2199"
    bad = subprocess.run([sys.executable, "-m", "esgbook.exports.xbrl", "report", "--year", "1999", "--out", str(out)],
                         cwd=REPO, capture_output=True, text=True)
    assert bad.returncode == 2 and "no data for 1999" in bad.stderr


def test_downloads_write_and_link_the_report(datasets, tmp_path):
    from esgbook.book.sections import appendix
    files = appendix.write_downloads(datasets[2023], tmp_path)
    assert files["xbrl_json"] == "esg-2023.json"
    assert (tmp_path / "esg-2023.json").read_text(encoding="utf-8") == xbrl.dumps(xbrl.report(datasets[2023]))
    assert (tmp_path / tx.PACKAGE_NAME).exists() and (tmp_path / files["xbrl_inline"]).exists()
    links = appendix.downloads_list(datasets[2023])
    assert "<downloads/esg-2023.json>" in links and "<downloads/esg-2023-headlines.xhtml>" in links


# -- one fact, one number --------------------------------------------------------------------
@pytest.mark.parametrize("year", YEARS)
def test_every_kpi_row_is_its_fact(datasets, reports, year):
    """Each KPI of the edition's table (as the downloads page gives it) is its fact, at its decimals."""
    facts = reports[year]["facts"]
    table = xbrl.with_fact_ids(kpis.kpi_table(datasets[year]))
    for row in table.itertuples():
        fact = facts[row.fact_id]
        assert fact["dimensions"]["qfesg:basis_axis"] == "qfesg:basis_recomputed_member"
        shown = formatting.num(row.value, int(row.decimals)).replace(",", "")  # as the book prints it
        assert unscaled(fact) == Decimal(shown), row.fact_id


@pytest.mark.parametrize("year", YEARS)
def test_committed_kpi_download_matches_the_facts(reports, year):
    """downloads/kpis-<year>.csv as appendix.write_downloads wrote it into the committed edition."""
    path = REPO / "notebooks" / str(year) / "downloads" / f"kpis-{year}.csv"
    if not path.exists():
        pytest.skip(f"{path.relative_to(REPO)} not built")
    facts = reports[year]["facts"]
    with open(path, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    for r in rows:
        fid = r.get("fact_id") or fact_id(r["metric"], int(r["year"]), r["dimension"], r["category"], RECOMPUTED)
        fact = facts[fid]
        places = int(fact["decimals"]) + xbrl.scale_exponent(tx.units()[r["unit"]]["scale"])
        assert unscaled(fact) == at(r["value"], places), fid


GLUE_QUALIFIERS = re.compile(r"^(more than|about|below|at least|over|under|nearly)\s+")


def _glued(year: int):
    """(name, text) of every glued value in the committed edition."""
    for nb_path in sorted((REPO / "notebooks" / str(year)).glob("*.ipynb")):
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            for out in cell.get("outputs", []):
                rec = out.get("metadata", {}).get("scrapbook")
                text = out.get("data", {}).get("application/papermill.record/text/plain")
                if rec and isinstance(text, str):
                    yield nb_path.name, rec["name"], text.strip("'\"")


def _number(text: str) -> Decimal | None:
    t = GLUE_QUALIFIERS.sub("", text.strip()).replace(",", "").replace("−", "-").rstrip("%")
    return Decimal(t) if re.fullmatch(r"-?\d+(\.\d+)?", t) else None


@pytest.mark.parametrize("year", YEARS)
def test_headline_numbers_are_the_facts(reports, year):
    """Every KPI of the opening page's headline table (the numbers the prose of every chapter repeats) is
    that KPI's recomputed fact, rounded as the book prints it."""
    nb = json.loads((REPO / "notebooks" / str(year) / "00_index.ipynb").read_text(encoding="utf-8"))
    table = next("".join(o["data"]["text/markdown"]) for c in nb["cells"] for o in c.get("outputs", [])
                 if "tbl-idx-headlines" in "".join(o.get("data", {}).get("text/markdown", "")))
    by_name = {f"{k.name_en} ({k.name_zh})": k.id for k in kpis.KPIS}
    facts = reports[year]["facts"]
    checked = 0
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if cells[0] not in by_name:
            continue
        value = _number(cells[2])
        fact = facts[fact_id(by_name[cells[0]], year, basis=RECOMPUTED)]
        assert at(unscaled(fact), -value.as_tuple().exponent) == value, (cells[0], cells[2], fact["value"])
        checked += 1
    assert checked >= 10


# -- Arelle, offline -------------------------------------------------------------------------
@pytest.mark.parametrize("year", YEARS)
def test_arelle_validates_each_edition(written, year):
    report, package = written[year]
    result = arelle.validate(report, package)
    print(f"{year}: {result.summary}")
    assert result.errors == [], result.log
    assert any(t.startswith("validated") for _l, _c, t in result.messages), result.log
    assert any("Activation of package" in t for _l, _c, t in result.messages), result.log


@pytest.mark.parametrize("year", YEARS)
def test_committed_edition_report_is_current_and_valid(reports, year):
    path = REPO / "notebooks" / str(year) / "downloads" / f"esg-{year}.json"
    if not path.exists():
        pytest.skip(f"{path.relative_to(REPO)} not built yet (the edition predates the xBRL download)")
    assert path.read_text(encoding="utf-8") == xbrl.dumps(reports[year]), "stale: rebuild the edition"
    result = arelle.validate(path)
    assert result.errors == [], result.log


def _broken(doc: dict, how: str) -> dict:
    doc = copy.deepcopy(doc)
    facts = doc["facts"]
    if how == "wrong unit":
        facts["ghg_scope1_t-2023-published"]["dimensions"]["unit"] = "utr:MWh"
    elif how == "unknown concept":
        facts["ghg_scope1_t-2023-published"]["dimensions"]["concept"] = "qfesg:ghg_scope4_t"
    elif how == "missing period":
        del facts["employees-2023-published"]["dimensions"]["period"]
    return doc


@pytest.mark.parametrize("how, code, text", [
    ("wrong unit", "utre:error-NumericFactUtrInvalid",
     "Unit u-06 disallowed on fact qfesg:ghg_scope1_t of type ghgEmissionsItemType"),
    ("unknown concept", "oime:unknownConcept",
     "The concept QName could not be resolved with available DTS: qfesg:ghg_scope4_t."),
    ("missing period", "oime:missingPeriodDimension", "Missing period for instant fact employees-2023-published."),
])
def test_arelle_rejects_a_broken_report(reports, written, tmp_path, how, code, text):
    bad = tmp_path / "bad.json"
    bad.write_text(xbrl.dumps(_broken(reports[2023], how)), encoding="utf-8")
    result = arelle.validate(bad, written[2023][1])
    assert not result.ok
    codes = [(c, t) for _l, c, t in result.errors]
    assert any(c == code for c, _t in codes), result.log
    if how == "wrong unit":
        assert any(c == code and re.fullmatch(r"Unit u-\d+ disallowed on fact qfesg:ghg_scope1_t of type "
                                              r"ghgEmissionsItemType", t) for c, t in codes), result.log
    else:
        assert (code, text) in codes, result.log


def test_arelle_units_registry_check_is_on(reports, written, tmp_path):
    """Without --utr a wrong unit on a GHG fact would pass: the check is what catches it."""
    bad = tmp_path / "bad.json"
    bad.write_text(xbrl.dumps(_broken(reports[2023], "wrong unit")), encoding="utf-8")
    result = arelle.validate(bad, written[2023][1], utr=False)
    assert result.errors == [], result.log


# -- the headline table as Inline XBRL ---------------------------------------------------------
@pytest.mark.parametrize("year", YEARS)
def test_inline_headlines_are_the_opening_page_numbers(datasets, reports, written, year):
    from esgbook.book.sections import opening
    path = written[year][0].with_name(f"esg-{year}-headlines.xhtml")
    root = ET.parse(path).getroot()
    ix = "{http://www.xbrl.org/2013/inlineXBRL}"
    found = {e.get("id"): e for e in root.iter(f"{ix}nonFraction")}
    frame = opening.headline_frame(datasets[year])
    by_label = {f"{kpis.BY_ID[k].name_en} ({kpis.BY_ID[k].name_zh})": k for k in opening.HEADLINES}
    assert len(frame) and len(found) == sum(
        1 for row in frame.to_dict("records") for y in (year, year - 1) if row.get(str(y), formatting.DASH) != formatting.DASH)
    for row in frame.to_dict("records"):
        kpi_id = by_label[row["Figure"]]
        for y in (year, year - 1):
            shown = row.get(str(y), formatting.DASH)
            fid = fact_id(kpi_id, y)
            if shown == formatting.DASH:
                assert fid not in found
                continue
            assert found[fid].text == shown, fid  # the page's very text
            if y == year:  # ... and the xBRL-JSON fact of the same figure, at the page's places
                places = -Decimal(shown.replace(",", "")).as_tuple().exponent
                assert at(unscaled(reports[year]["facts"][fid]), places) == Decimal(shown.replace(",", ""))


@pytest.mark.parametrize("year", YEARS)
def test_arelle_validates_the_inline_headlines(written, year, tmp_path):
    report, package = written[year]
    path = report.with_name(f"esg-{year}-headlines.xhtml")
    result = arelle.validate(path, package)
    assert result.errors == [], result.log
    broken = tmp_path / path.name
    broken.write_text(path.read_text(encoding="utf-8").replace('name="qfesg:ghg_total_t"', 'name="qfesg:ghg_totl_t"'),
                      encoding="utf-8")
    assert any("ghg_totl_t" in t for _l, _c, t in arelle.validate(broken, package).errors)
