"""Health and safety: days lost to work injury, and the fatality figures HKEX KPI B2.1 asks for."""
from __future__ import annotations

import pandas as pd

from esgbook.analysis import findings
from esgbook.book import formatting, present
from esgbook.book.narrative import Finding, Q
from esgbook.book.narrative.bilingual import Bilingual, entry, glossed
from esgbook.book.sections.people.base import FILE, TABLE, edition_source, years
from esgbook.inputs.dataset import Dataset

FATALITY_METRICS = ("work_fatalities", "work_fatality_rate_pct")  # ids a transcription would use; none today
FATALITY_YEARS = 3  # HKEX KPI B2.1 asks for work-related fatalities in each of the past three years


def _fatality_years(ds: Dataset) -> list[int]:
    """The years of the past three with a fatality figure in the data."""
    known = [m for m in FATALITY_METRICS if m in ds.metric_info]
    return [y for y in range(ds.year - FATALITY_YEARS + 1, ds.year + 1)
            if any(ds.value(m, y) is not None for m in known)]


def fatalities(ds: Dataset) -> Finding:
    """B2.1: disclosed for all three years, for some, or for none (and from which report)."""
    given = _fatality_years(ds)
    facts = {**edition_source(ds), "given": [str(y) for y in given], "first": str(ds.year - FATALITY_YEARS + 1)}
    if len(given) == FATALITY_YEARS:
        return Finding("ppl.fatalities", "disclosed", facts)
    if given:
        return Finding("ppl.fatalities", "partly", facts)
    return Finding("ppl.fatalities", "not_disclosed" if ds.own_report else "not_disclosed_comparative", facts)


def health_table(ds: Dataset) -> present.Table:
    y, p = years(ds)
    rows = []
    for metric, decimals in (("lost_days", 0), ("lost_days_per_employee", 0)):
        m = ds.metric_info[metric]
        rows.append({"Metric": present.metric_name(ds, metric), "Unit": m["unit"],
                     f"{y}": formatting.cell(ds.value(metric, y), decimals),
                     f"{p}": formatting.cell(ds.value(metric, p), decimals), "HKEX KPI": m["hkex"]})
    given = _fatality_years(ds)
    status = {True: Bilingual("given", "已披露"), False: "not disclosed"}
    rows.append({"Metric": glossed("Work-related fatalities, number and rate", "因工亡故的人數及比率"),
                 "Unit": Bilingual("persons, %", "人（%）"), f"{y}": status[y in given], f"{p}": status[p in given],
                 "HKEX KPI": "B2.1"})
    frame = pd.DataFrame(rows)
    if (frame[str(p)].iloc[:-1] == formatting.DASH).all():
        frame = frame.drop(columns=[str(p)])
    return present.table(frame, "tbl-ppl-health",
                         entry("Health and safety (注重健康與安全), {span}: days lost to work injury, and the fatality "
                               "figures the HKEX guide asks for.", span=present.versus(ds)),
                         present.source(ds, FILE, section=(TABLE, "07 以人為本 > 注重健康與安全")))


def lost_days(ds: Dataset) -> Finding:
    y, p = years(ds)
    cur, prior = Q(ds.value("lost_days", y), 0, "days"), Q(ds.value("lost_days", p), 0, "days")
    finding = findings.trend("ppl.lost_days", cur, prior, y)
    if not cur.missing and cur.value == 0:
        case = "zero_no_prior" if prior.missing else "zero_both" if prior.value == 0 else "down"
        finding = Finding("ppl.lost_days", case, finding.facts)
    return finding


def lost_days_per_employee(ds: Dataset) -> Finding | None:
    value = ds.value("lost_days_per_employee", ds.year)
    if value is None:
        return None
    return Finding("ppl.lost_days_per_employee", "zero" if value == 0 else "some", {"value": Q(value, 0, "count")})


def measures(ds: Dataset) -> Finding:
    """The health and safety measures the report describes: a narrative fact of the report's year."""
    return Finding("ppl.health_measures", "stated" if ds.own_report else "comparative", edition_source(ds))


def health_findings(ds: Dataset) -> dict:
    return {"lost_days": lost_days(ds), "lost_days_per_employee": lost_days_per_employee(ds),
            "fatalities": fatalities(ds), "health_measures": measures(ds)}


PARAGRAPHS = {
    "ppl_lost_days_text": ["lost_days", "lost_days_per_employee"],
    "ppl_fatality_text": ["fatalities"],
    "ppl_health_measures_text": ["health_measures"],
}
