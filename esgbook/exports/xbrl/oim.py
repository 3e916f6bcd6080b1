"""An edition's xBRL-JSON report (XBRL Open Information Model): one fact per figure.

Facts, all for the edition's year:
- every observation row of the data package (raw activity data and published figures),
  basis = published, decimals = the rounding it was printed with (metrics.csv `decimals`, or
  more when the printed figure has more places);
- every row of the KPI table (`esgbook.analysis.kpis.kpi_table`), basis = recomputed, stated at the
  KPI's decimals, as the book shows it.

Values are stated in the unit's base measure (esgbook/exports/xbrl/units.csv): a percentage as a
ratio (18.1% -> 0.181, decimals + 2), CNY 100m in yuan, "10k persons" in persons, ms in
seconds; `decimals` moves with the scale, so the fact carries exactly the printed precision.

Same data -> byte-identical JSON: keys sorted, ids built from what the fact is
(`<concept>-<year>-<basis>[-<dimension>-<category>]`).
"""
from __future__ import annotations

import csv
import json
from decimal import Decimal

from esgbook.analysis import kpis
from esgbook.exports.xbrl import taxonomy as tx

DOCUMENT_TYPE = "https://xbrl.org/2021/xbrl-json"
# Qifu Technology's Hong Kong secondary listing: class A ordinary shares, stock code 3660 on
# The Stock Exchange of Hong Kong Limited (cover page of the company's 2023 Form 20-F, "Securities
# registered ... Trading Symbol(s) ... 3660 The Stock Exchange of Hong Kong Limited").
ENTITY_SCHEME = "https://www.hkex.com.hk"
ENTITY_PREFIX = "hkex"
STOCK_CODE = "3660"
ENTITY = f"{ENTITY_PREFIX}:{STOCK_CODE}"
PUBLISHED, RECOMPUTED = "published", "recomputed"


def fact_id(metric: str, year: int, dimension: str = "total", category: str = "all",
            basis: str = RECOMPUTED) -> str:
    """The fact's id in the edition's report (stable: made of what the fact is)."""
    fid = f"{metric}-{int(year)}-{basis}"
    return fid if dimension == "total" else f"{fid}-{dimension}-{category}"


def with_fact_ids(table):
    """The KPI table with a `fact_id` column (the id of each row's fact in esg-<year>.json)."""
    table = table.copy()
    table["fact_id"] = [fact_id(r.metric, r.year, r.dimension, r.category, RECOMPUTED)
                        for r in table.itertuples()]
    return table


def period(year: int, period_type: str) -> str:
    """OIM period: the calendar year as a duration, or its end (midnight 1 January next) as an instant."""
    end = f"{int(year) + 1}-01-01T00:00:00"
    return end if period_type == "instant" else f"{int(year)}-01-01T00:00:00/{end}"


def unit_string(unit: dict) -> str | None:
    """OIM unit string, or None for xbrli:pure (which OIM states by leaving the unit out)."""
    num, den = unit["numerator"], unit["denominator"]
    if not num and not den:
        return None
    return (num or "xbrli:pure") + (f"/{den}" if den else "")


def scale_exponent(scale: str) -> int:
    """The power of ten of a unit's scale ("0.01" -> -2, "100000000" -> 8)."""
    d = Decimal(scale).normalize()
    if d.as_tuple().digits != (1,):
        raise ValueError(f"unit scale {scale} is not a power of ten")
    return d.as_tuple().exponent


def state(value: str | float, decimals: int, unit: dict) -> tuple[str, int]:
    """(lexical value, decimals) of a figure shown with `decimals` places, in the unit's base measure."""
    # A printed figure (text) keeps its digits; a computed one is rounded as the book rounds it for
    # display (`esgbook.book.formatting.num`: Python's float formatting), so the fact is the number shown.
    shown = Decimal(f"{Decimal(value):.{int(decimals)}f}" if isinstance(value, str) else f"{float(value):.{int(decimals)}f}")
    k = scale_exponent(unit["scale"])
    stated = shown.scaleb(k)
    text = format(stated, "f")
    if text.startswith("-") and Decimal(text) == 0:
        text = text[1:]
    return text, int(decimals) - k


def in_book_unit(fact: dict) -> Decimal:
    """A fact's value back in the book's unit: 0.411 -> 41.1 (%), 162100000000 -> 1621 (CNY 100m)."""
    concept = {c.qname: c for c in tx.concepts()}[fact["dimensions"]["concept"]]
    return Decimal(fact["value"]).scaleb(-scale_exponent(tx.units()[concept.unit]["scale"]))


def _printed(ds) -> dict[tuple, str]:
    """Each observation's value as written in its file (the printed places survive: 1276.20)."""
    out = {}
    for name in ds.observation_tables:
        ds.table(name)  # records the read, as every other use of the data does
        path = ds.root / ds.resources[name]["path"]
        with open(path, encoding="utf-8-sig", newline="") as fh:
            for r in csv.DictReader(fh):
                out[(r["metric"], int(r["year"]), r["dimension"], r["category"])] = r["value"].strip()
    return out


def _places(text: str) -> int:
    return len(text.split(".", 1)[1]) if "." in text else 0


def _fact(concept: tx.Concept, unit: dict, year: int, basis: str, dimension: str, category: str,
          value: str, decimals: int) -> dict:
    dims = {"concept": concept.qname, "entity": ENTITY, "period": period(year, concept.period_type),
            f"{tx.PREFIX}:basis_axis": f"{tx.PREFIX}:basis_{basis}_member"}
    u = unit_string(unit)
    if u:
        dims["unit"] = u
    if dimension != "total":
        dims[f"{tx.PREFIX}:{dimension}_axis"] = f"{tx.PREFIX}:{dimension}_{category}_member"
    return {"decimals": decimals, "dimensions": dims, "value": value}


def facts(ds, year: int | None = None) -> dict[str, dict]:
    """Every fact of the edition `year` (default: the dataset's year), keyed by fact id."""

    year = ds.year if year is None else int(year)
    ds.table("metrics"), ds.table("categories")  # record the reads: the taxonomy is made from them
    concepts = {c.id: c for c in tx.concepts(ds.root)}
    units = tx.units()
    info = ds.metric_info
    out: dict[str, dict] = {}

    printed = _printed(ds)
    for name in ds.observation_tables:
        frame = ds.table(name)
        for r in frame[frame["year"] == year].itertuples():
            c = concepts[r.metric]
            text = printed[(r.metric, year, r.dimension, r.category)]
            dec = info[r.metric].get("decimals")
            dec = _places(text) if dec is None or dec != dec else max(int(dec), _places(text))
            value, decimals = state(text, dec, units[c.unit])
            out[fact_id(r.metric, year, r.dimension, r.category, PUBLISHED)] = _fact(
                c, units[c.unit], year, PUBLISHED, r.dimension, r.category, value, decimals)

    for r in kpis.kpi_table(ds, year).itertuples():
        c = concepts[r.metric]
        value, decimals = state(r.value, int(r.decimals), units[c.unit])
        out[fact_id(r.metric, year, r.dimension, r.category, RECOMPUTED)] = _fact(
            c, units[c.unit], year, RECOMPUTED, r.dimension, r.category, value, decimals)
    return dict(sorted(out.items()))


def report(ds, year: int | None = None) -> dict:
    """The xBRL-JSON document of the edition."""
    namespaces = {p: u for p, u in tx.NS.items() if p not in ("xbrldt", "dtr")}
    namespaces[ENTITY_PREFIX] = ENTITY_SCHEME
    return {
        "documentInfo": {
            "documentType": DOCUMENT_TYPE,
            "namespaces": dict(sorted(namespaces.items())),
            "taxonomy": [tx.ENTRY_POINT],
        },
        "facts": facts(ds, year),
    }


def dumps(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
