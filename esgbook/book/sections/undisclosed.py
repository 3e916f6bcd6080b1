"""Chapter 10, what the report does not disclose (未披露事項): the SASB Consumer Finance metrics and the
HKEX climate requirements from FY2025 against what the year's report and data give.

The register (`data/disclosure_register.csv`) holds each item, the report year its narrative was
assessed for, and the metrics that disclose it. An item with metrics is assessed from the year's data
(all given: the register's status; some: partly; none: not disclosed); an item only the narrative can
disclose keeps its status in the edition of the year assessed, and reads as not assessed elsewhere.
"""
from __future__ import annotations

import pandas as pd

from esgbook.analysis import story
from esgbook.book import charts, formatting, narrative, present
from esgbook.book.narrative import Finding, Q, absent, paragraph, sentence, write
from esgbook.book.narrative.bilingual import Bilingual, entry
from esgbook.book.sections.operations import row_of
from esgbook.inputs.dataset import Dataset

PREFIX = "gap"  # of every glue key, table and figure label (tests/test_section_contract.py)

STATUS_ORDER = ["disclosed", "partly", "not disclosed", "not applicable", "not assessed"]
FRAMEWORKS = {"SASB Consumer Finance": "sasb", "HKEX climate (FY2025)": "climate"}
CLIMATE_FROM = 2025  # the financial year the HKEX climate requirements apply from


def _metrics(cell: str) -> list[str]:
    return [m for m in str(cell or "").split() if m]


def _both(finding: Finding) -> Bilingual:
    """A finding written in each language: a table cell that carries its Chinese."""
    written = {}
    for lang in narrative.LANGUAGES:
        with narrative.using(lang):
            written[lang] = write(finding)
    return Bilingual(written["en"], written["zh_hant"])


def _texts(frame: pd.DataFrame, column: str) -> list[Bilingual]:
    """A text column of the register with its Chinese sibling (`requirement` with `requirement_zh`)."""
    return [Bilingual(en, zh) for en, zh in zip(frame[column], frame[f"{column}_zh"])]


def register(ds: Dataset) -> pd.DataFrame:
    """Every item with its status for the edition year, why, and the metrics the year's data hold."""
    reg = ds.table("disclosure_register").copy()
    statuses, reasons, given = [], [], []
    for r in reg.itertuples(index=False):
        metrics = _metrics(r.metrics)
        held = [m for m in metrics if row_of(ds, m) is not None]
        given.append(held)
        if r.status == "not applicable" or (not metrics and int(r.assessed_for) == ds.year):
            statuses.append(r.status)
            reasons.append(_both(Finding("gap.reason", "assessed", {"reason": Bilingual(r.reason, r.reason_zh)})))
        elif not metrics:
            statuses.append("not assessed")  # the narrative of a year the register has not read
            reasons.append(_both(Finding("gap.reason", "not_assessed", {"year": str(ds.year),
                                                                         "assessed": str(r.assessed_for)})))
        elif len(held) == len(metrics):
            statuses.append(r.status)
            reasons.append(_both(Finding("gap.reason", "assessed", {"reason": Bilingual(r.reason, r.reason_zh)})))
        else:
            statuses.append("partly" if held else "not disclosed")
            reasons.append(_both(Finding("gap.reason", "some_data" if held else "no_data", {
                "year": str(ds.year), "missing": [present.metric_name(ds, m) for m in metrics if m not in held]})))
    # A key finding that contradicts a register item's evidence qualifies it: 'no security accident' beside
    # data-leak losses stopped is not 'no breach', so that item is at most partly disclosed (esgbook.analysis.story).
    for k in story.key_findings(ds):
        for code in k.qualifies:
            for i in [i for i, c in enumerate(reg["code"]) if c == code and statuses[i] == "disclosed"]:
                statuses[i] = "partly"
                reasons[i] = _both(Finding("gap.reason", "qualified", {"finding": k.finding}))
    reg["status"], reg["reason"], reg["given"] = statuses, reasons, given
    return reg


def summary_findings(ds: Dataset) -> list[Finding]:
    reg = register(ds)
    out = []
    for framework, part in reg.groupby("framework", sort=False):
        counts = part["status"].value_counts()
        facts = {"year": str(ds.year), "framework": framework,
                 "framework_name": Bilingual(framework, part["framework_zh"].iloc[0]),
                 "items": Q(len(part), 0),
                 **{k.replace(" ", "_"): Q(int(counts.get(k, 0)), 0) for k in STATUS_ORDER}}
        case = "all_disclosed" if counts.get("disclosed", 0) == len(part) else \
            "none_disclosed" if counts.get("disclosed", 0) + counts.get("partly", 0) == 0 else "mixed"
        case += "_unassessed" if counts.get("not assessed", 0) else ""
        out.append(Finding("gap.summary", case, facts))
    return out


def climate_findings(ds: Dataset) -> list[Finding]:
    """What the year's data already support of the climate metrics, and what is missing."""
    reg = register(ds)
    climate = reg[reg["framework"] == "HKEX climate (FY2025)"]
    if climate.empty:
        return []
    supported = climate[(climate["status"] == "disclosed") & climate["metrics"].astype(bool)]
    missing = climate[climate["status"] == "not disclosed"]
    facts = {"year": str(ds.year), "supported": _short(supported), "missing": _short(missing),
             "n_missing": Q(len(missing), 0),
             "n_items": Q(len(climate), 0)}
    case = "some_supported" if len(supported) else "none_supported"
    return [Finding("gap.climate", case, facts)]


def _short(items: pd.DataFrame) -> list[Bilingual]:
    """The items' short names in both languages."""
    return [Bilingual(en, zh) for en, zh in zip(items["short_en"], items["short_zh"])]


def lender_findings(ds: Dataset) -> list[Finding]:
    """The consumer-protection figures a loan facilitator is judged on, and whether the year gives them."""
    reg = register(ds)
    sasb = reg[(reg["framework"] == "SASB Consumer Finance") & (reg["status"] == "not disclosed")]
    if sasb.empty:
        return [Finding("gap.lender", "none_missing", {"year": str(ds.year)})]
    return [Finding("gap.lender", "missing", {"year": str(ds.year), "items": _short(sasb),
                                              "n": Q(len(sasb), 0)})]


def dropped_finding(ds: Dataset) -> Finding | None:
    """The figures the prior year's data hold and this year's lack, counted once (esgbook.analysis.story)."""
    dropped = [m for metrics in story.dropped_metrics(ds).values() for m in metrics]
    if not dropped:
        return None
    case = "one" if len(dropped) == 1 else "some" if len(dropped) <= story.NAMES_SHOWN else "many"
    return Finding("gap.dropped", case, {"year": str(ds.year), "prior_year": str(ds.year - 1),
                                         "count": Q(len(dropped), 0),
                                         "names": story.metric_names(ds, dropped[:story.NAMES_SHOWN])})


def numbers(ds: Dataset) -> dict[str, str]:
    summary = [sentence(write(f)) for f in summary_findings(ds)]
    dropped = dropped_finding(ds)
    summary += [sentence(write(dropped))] if dropped else []
    climate = [sentence(write(f)) for f in climate_findings(ds)]
    return {
        "gap_year": str(ds.year),
        "gap_summary_text": paragraph(*summary) if summary else absent("no register items"),
        "gap_climate_text": paragraph(*climate) if climate else absent("no climate items"),
        "gap_lender_text": paragraph(*(sentence(write(f)) for f in lender_findings(ds))),
    }


def _where(chapter: str) -> str:
    return f"{{doc}}`{chapter}`" if chapter else formatting.DASH


def _frame(ds: Dataset, framework: str | None = None) -> pd.DataFrame:
    reg = register(ds)
    if framework:
        reg = reg[reg["framework"] == framework]
    return pd.DataFrame({"Framework": _texts(reg, "framework"), "Code": reg["code"], "Pillar": _texts(reg, "pillar"),
                         "Requirement": _texts(reg, "requirement"), "Status": reg["status"],
                         "Where in this book": [_where(c) for c in reg["chapter"]], "Why": reg["reason"]})


def summary_table(ds: Dataset) -> present.Table:
    reg = register(ds)
    counts = reg.groupby(["framework", "status"]).size().unstack(fill_value=0).reindex(
        columns=STATUS_ORDER, fill_value=0)
    frame = counts.reset_index().rename(columns={"framework": "Framework", **{s: s.capitalize() for s in STATUS_ORDER}})
    framework_zh = dict(zip(reg["framework"], reg["framework_zh"]))
    frame["Framework"] = [Bilingual(f, framework_zh[f]) for f in frame["Framework"]]
    frame["Items"] = counts.sum(axis=1).values
    return present.table(frame, "tbl-gap-summary", entry(
        "What the {year} edition discloses of the SASB Consumer Finance metrics and the HKEX climate requirements "
        "from FY{year2}, items by status.", year=ds.year, year2=CLIMATE_FROM), present.source(ds, "disclosure_register"))


def sasb_table(ds: Dataset) -> present.Table:
    return present.table(_frame(ds, "SASB Consumer Finance").drop(columns="Framework"), "tbl-gap-sasb",
                         entry("SASB Consumer Finance metrics against the {year} edition.", year=ds.year),
                         present.source(ds, "disclosure_register"))


def climate_table(ds: Dataset) -> present.Table:
    return present.table(_frame(ds, "HKEX climate (FY2025)").drop(columns="Framework"), "tbl-gap-climate",
                         entry("HKEX climate requirements from FY{year2} against the {year} edition.",
                               year2=CLIMATE_FROM, year=ds.year),
                         present.source(ds, "disclosure_register"))


def status_chart(ds: Dataset) -> charts.Chart:
    reg = register(ds)
    frame = reg.groupby(["pillar", "status"]).size().reset_index(name="items")
    frame["order"] = frame["status"].map({s: i for i, s in enumerate(STATUS_ORDER)})
    frame = frame.sort_values(["pillar", "order"]).drop(columns="order")
    pillar_zh = dict(zip(reg["pillar"], reg["pillar_zh"]))
    frame["pillar"] = [Bilingual(p, pillar_zh[p]) for p in frame["pillar"]]
    return charts.share_bars(frame, label="fig-gap-status", title="Disclosure status by pillar",
                             category="status", value="items", group="pillar", unit="items",
                             description=entry("Stacked bars, one per SASB topic or HKEX climate pillar, splitting "
                                               "its items by the {year} edition's status: disclosed, partly, not "
                                               "disclosed.", year=ds.year))
