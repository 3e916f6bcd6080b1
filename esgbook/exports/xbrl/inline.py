"""The opening page's headline table as an Inline XBRL document (`ix:nonFraction` in XHTML).

The book's pages are HTML5 built by Sphinx, which cannot carry an Inline XBRL header; this is
the same table (the headline KPIs of `esgbook.book.sections.opening.HEADLINES`, this year and the
prior one, as the book prints them) as a standalone XHTML document that Arelle validates with
the same taxonomy package: `downloads/esg-<year>-headlines.xhtml`.
"""
from __future__ import annotations

from xml.sax.saxutils import escape

from esgbook.analysis import kpis
from esgbook.book import formatting
from esgbook.book.sections.opening import HEADLINES  # the opening page's own list: the two cannot differ
from esgbook.exports.xbrl import oim
from esgbook.exports.xbrl import taxonomy as tx

IX = "http://www.xbrl.org/2013/inlineXBRL"
IXT = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"


def _xml_period(year: int, period_type: str) -> str:
    if period_type == "instant":
        return f"<xbrli:instant>{year}-12-31</xbrli:instant>"
    return f"<xbrli:startDate>{year}-01-01</xbrli:startDate><xbrli:endDate>{year}-12-31</xbrli:endDate>"


def _unit_xml(uid: str, unit: dict) -> str:
    num, den = unit["numerator"], unit["denominator"]
    if not num and not den:
        return f'<xbrli:unit id="{uid}"><xbrli:measure>xbrli:pure</xbrli:measure></xbrli:unit>'
    if not den:
        return f'<xbrli:unit id="{uid}"><xbrli:measure>{num}</xbrli:measure></xbrli:unit>'
    return (f'<xbrli:unit id="{uid}"><xbrli:divide><xbrli:unitNumerator><xbrli:measure>{num or "xbrli:pure"}'
            f'</xbrli:measure></xbrli:unitNumerator><xbrli:unitDenominator><xbrli:measure>{den}</xbrli:measure>'
            '</xbrli:unitDenominator></xbrli:divide></xbrli:unit>')


def headlines_xhtml(ds) -> str:
    """The headline table of the dataset's year as an Inline XBRL 1.1 document (deterministic)."""

    concepts = {c.id: c for c in tx.concepts(ds.root)}
    units = tx.units()
    # As on the opening page: a figure the year lacks is left out, and so is the prior-year column
    # when the data hold no prior year at all.
    shown_ids = [k for k in HEADLINES if kpis.BY_ID[k].compute(ds, ds.year) is not None]
    years = [ds.year] + ([ds.year - 1] if any(kpis.BY_ID[k].compute(ds, ds.year - 1) is not None
                                              for k in shown_ids) else [])
    contexts, unit_ids, rows = {}, {}, []
    for kpi_id in shown_ids:
        k, c = kpis.BY_ID[kpi_id], concepts[kpi_id]
        unit = units[c.unit]
        cells = []
        for y in years:
            value = k.compute(ds, y)
            if value is None:
                cells.append(f"<td>{formatting.DASH}</td>")
                continue
            ctx = f"c-{y}-{c.period_type}"
            contexts[ctx] = (y, c.period_type)
            uid = "u-" + "".join(ch if ch.isalnum() else "_" for ch in c.unit)
            unit_ids[uid] = unit
            places = k.decimals  # as the opening page prints it (data/kpis.csv)
            shown = formatting.num(value, places)
            scale = oim.scale_exponent(unit["scale"])
            attrs = (f'name="{c.qname}" contextRef="{ctx}" unitRef="{uid}" decimals="{places + scale}" '
                     f'format="ixt:num-dot-decimal" id="{oim.fact_id(kpi_id, y)}"')
            if scale:
                attrs += f' scale="{-scale}"'
            if value < 0:
                attrs += ' sign="-"'
                shown = shown.lstrip("-")
            cells.append(f"<td><ix:nonFraction {attrs}>{shown}</ix:nonFraction></td>")
        rows.append(f"<tr><th>{escape(k.name_en)} ({escape(k.name_zh)})</th><td>{escape(c.unit)}</td>"
                    + "".join(cells) + "</tr>")
    ctx_xml = "".join(
        f'<xbrli:context id="{cid}"><xbrli:entity><xbrli:identifier scheme="{oim.ENTITY_SCHEME}">{oim.STOCK_CODE}'
        f'</xbrli:identifier><xbrli:segment><xbrldi:explicitMember dimension="{tx.PREFIX}:basis_axis">'
        f'{tx.PREFIX}:basis_recomputed_member</xbrldi:explicitMember></xbrli:segment></xbrli:entity>'
        f"<xbrli:period>{_xml_period(y, pt)}</xbrli:period></xbrli:context>"
        for cid, (y, pt) in sorted(contexts.items()))
    unit_xml = "".join(_unit_xml(uid, u) for uid, u in sorted(unit_ids.items()))
    ns = {"xbrli": tx.NS["xbrli"], "utr": tx.NS["utr"], "iso4217": tx.NS["iso4217"], tx.PREFIX: tx.NAMESPACE}
    ns_decl = " ".join(f'xmlns:{p}="{u}"' for p, u in ns.items())
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="{IX}" xmlns:ixt="{IXT}" '
        'xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'xmlns:xbrldi="http://xbrl.org/2006/xbrldi" {ns_decl} xml:lang="en">',
        f"<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"/><title>Qifu Technology ESG {ds.year}: headline figures (Inline XBRL)"
        "</title></head>",
        "<body>",
        '<div style="display:none"><ix:header><ix:references>'
        f'<link:schemaRef xlink:type="simple" xlink:href="{tx.ENTRY_POINT}"/></ix:references>'
        f"<ix:resources>{ctx_xml}{unit_xml}</ix:resources></ix:header></div>",
        f"<h1>The year at a glance: headline figures for {ds.year}</h1>",
        f"<p>Recomputed from raw data by the ESG book{f', against {years[1]}' if len(years) > 1 else ''}; "
        "every number is an XBRL fact "
        f"(basis: recomputed) of the extension taxonomy, entity HKEX {oim.STOCK_CODE}.</p>",
        "<table><thead><tr><th>Figure</th><th>Unit</th>" + "".join(f"<th>{y}</th>" for y in years) + "</tr></thead>",
        "<tbody>", *rows, "</tbody></table>",
        "</body></html>", ""])
