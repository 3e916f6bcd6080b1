"""Chapter 7, people (以人為本): workforce, turnover, health and safety, training, labour standards.

The report showed the workforce by gender, employment type, rank and age only as images; this package
draws them from the headcounts, recomputes the published shares, and reads the reconciliation's checks
of the training and turnover breakdowns. Each topic module returns *findings* (`findings(ds)`); the
English sentences are written in one place, `esgbook/book/narrative/en/people.py`, and glued as paragraphs
(`numbers(ds)`). `hkex_status(ds)` gives the content-index status of the KPIs the chapter assesses,
computed from the same findings.
"""
from __future__ import annotations

from esgbook.analysis import inference
from esgbook.book.narrative import Finding, paragraph, sentence, write
from esgbook.book.narrative.bilingual import Bilingual, concat, entry, join, span
from esgbook.book.sections.people import health, practices, training, turnover, workforce
from esgbook.book.sections.people.base import DIMENSIONS, FILE, TRAINING_DIMENSIONS, TURNOVER_DIMENSIONS, WORDS  # noqa: F401
from esgbook.book.sections.people.health import health_table
from esgbook.book.sections.people.practices import OTHER_METRICS, other_table  # noqa: F401
from esgbook.book.sections.people.training import trained_share_chart, training_hours_chart, training_table
from esgbook.book.sections.people.turnover import turnover_chart, turnover_table
from esgbook.book.sections.people.workforce import headcount, shares_table, workforce_chart, workforce_table
from esgbook.inputs.dataset import Dataset

PREFIX = "ppl"  # of every glue key, table and figure label (tests/test_section_contract.py)

__all__ = ["PREFIX", "findings", "numbers", "hkex_status", "headcount", "workforce_table", "workforce_chart", "shares_table",
           "turnover_table", "turnover_chart", "health_table", "training_table", "trained_share_chart",
           "training_hours_chart", "other_table"]

PARAGRAPHS = {**practices.PARAGRAPHS, **workforce.PARAGRAPHS, **turnover.PARAGRAPHS, **health.PARAGRAPHS,
              **training.PARAGRAPHS}


def findings(ds: Dataset) -> dict[str, Finding | list[Finding] | None]:
    """Every finding the chapter states, by name (None or [] where the year has nothing to say)."""
    return ds.cached(("people_findings",), lambda: {
        **workforce.workforce_findings(ds), **turnover.turnover_findings(ds), **health.health_findings(ds),
        **training.training_findings(ds), **practices.practices_findings(ds, _status(ds))})


def _sentences(found) -> list[str]:
    if found is None:
        return []
    return [write(f) for f in (found if isinstance(found, list) else [found])]


def numbers(ds: Dataset) -> dict[str, str]:
    """The chapter's glued paragraphs: the same keys in every edition, every value a str (`Md`)."""
    found = findings(ds)
    out: dict[str, str] = {}
    for key, names in PARAGRAPHS.items():
        out[key] = paragraph(*[s for n in names for s in _sentences(found[n])])
    # What the rates and headcounts imply together (esgbook.analysis.inference), with its assumption; a year without the
    # inputs says so once. The new-hire retention rate is not used (its cohort and period are undefined): the
    # development paragraph says so, and no page sets it against the flows.
    flows = inference.run(ds)["flows"]
    out["ppl_flows_text"] = (paragraph(*inference.said(ds, "flows")) if flows.case != "no_inputs"
                             else paragraph(sentence(write(flows))))
    out["ppl_whole_numbers_text"] = paragraph(*inference.said(ds, "whole_numbers"))
    return out


# -- HKEX content index --------------------------------------------------------------------------
# What each breakdown KPI asks for, as its reason names it.
ASKED = {"B1.1": Bilingual("Employees by gender, employment type, age group and region",
                           "按性別、僱傭類型、年齡組別及地區劃分的僱員人數"),
         "B1.2": Bilingual("Turnover rates by gender, age group and region", "按性別、年齡組別及地區劃分的流失比率"),
         "B3.1": Bilingual("The percentage of employees trained by gender and by rank", "按性別及按職級劃分的受訓僱員百分比"),
         "B3.2": Bilingual("Average training hours by gender and by rank", "按性別及按職級劃分的平均受訓時數")}


def _coverage(ds: Dataset, metric: str, dimensions: tuple[str, ...]) -> tuple[str, list[Bilingual]]:
    given = [d for d in dimensions if not ds.breakdown(metric, d, ds.year).empty]
    status = "disclosed" if len(given) == len(dimensions) else "partly" if given else "not disclosed"
    return status, [WORDS[d] for d in dimensions if d not in given]


def _status(ds: Dataset) -> dict[str, tuple[str, str]]:
    """The statuses that need no other finding (the labour-standards paragraph quotes B4.1 and B4.2)."""
    if ds.own_report:
        return {"B2.3": ("disclosed", entry("Health checks, health campaigns, safety training, safety inspections "
                                            "and psychological support are described.")),
                "B4.1": ("partly", entry("The report states all hires are of legal working age but does not "
                                         "describe how hiring practices are reviewed.")),
                "B4.2": ("partly", entry("The report says cases would be handled under the relevant procedures, "
                                         "without describing the steps."))}
    reason = entry("Not disclosed: the {year} edition is built from the comparative column of a later report, which "
                   "has no {year2} narrative.", year=ds.year, year2=ds.year)
    return {code: ("not disclosed", reason) for code in ("B2.3", "B4.1", "B4.2")}


def _breakdown_reason(status: str, missing: list[Bilingual], what: Bilingual, year: int) -> str:
    if status == "disclosed":
        return entry("{text}: given for {year} in the data table.", text=what, year=year)
    if status == "partly":
        return entry("{text}: given for {year}, but not by {text2}.", text=what, year=year,
                     text2=join(missing, " or ", "或"))
    return entry("Not disclosed: the data hold no {text} for {year}.", year=year,
                 text=Bilingual(what[:1].lower() + what[1:], what.zh))


def _with_check(reason: str, found: Finding | None) -> str:
    """The reason, and whether the KPI's two breakdowns agree."""
    if found is None or found.case == "not_both":
        return reason
    check = (entry("The two breakdowns imply the same company-wide figure.") if found.case == "consistent" else
             entry("The two breakdowns imply different company-wide figures (see the chapter)."))
    return concat(reason, check, sep=" ", zh_sep="")


def _fatalities_reason(fatal: Finding) -> str:
    if fatal.case == "disclosed":
        return entry("Work-related fatalities are given for each of the past three years.")
    if fatal.case == "partly":
        return entry("Work-related fatalities are given for {text} only.",
                     text=join([span(int(y)) for y in fatal.facts["given"]], ", ", "、"))
    return entry("Not disclosed: the report gives no figure on work-related fatalities for the past three years.")


def hkex_status(ds: Dataset) -> dict[str, tuple[str, str]]:
    """Code -> (status, reason) for the HKEX KPIs chapter 7 assesses, from the chapter's own findings."""
    y, found = ds.year, findings(ds)
    out: dict[str, tuple[str, str]] = {}
    status, missing = _coverage(ds, "employees", ("gender", "employment_type", "age_group", "region"))
    out["B1.1"] = (status, _breakdown_reason(status, missing, ASKED["B1.1"], y))
    status, missing = _coverage(ds, "turnover_rate_pct", TURNOVER_DIMENSIONS)
    out["B1.2"] = (status, _breakdown_reason(status, missing, ASKED["B1.2"], y))
    fatal = found["fatalities"]
    out["B2.1"] = ({"disclosed": "disclosed", "partly": "partly"}.get(fatal.case, "not disclosed"),
                   _fatalities_reason(fatal))
    out["B2.2"] = (("disclosed", entry("Lost days due to work injury are given for {year} in the data table.", year=y))
                   if ds.value("lost_days", y) is not None else
                   ("not disclosed", entry("Not disclosed: the data hold no {text} for {year}.", year=y,
                                           text=Bilingual("lost days", "損失工作日數"))))
    for code, metric, check in (("B3.1", "trained_share_pct", found["trained_check"]),
                                ("B3.2", "training_hours_avg", found["hours_check"])):
        status, missing = _coverage(ds, metric, TRAINING_DIMENSIONS)
        out[code] = (status, _with_check(_breakdown_reason(status, missing, ASKED[code], y), check))
    out.update(_status(ds))
    return dict(sorted(out.items()))
