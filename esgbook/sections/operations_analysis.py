"""Chapter 5, past the figures: the operating figures ranked within their kind (hedges kept), the
cross-checks between them (`esgbook.inference`), and what a loan facilitator's report should give and
this one does not (the disclosure register, chapter 10)."""
from __future__ import annotations

import pandas as pd

from .. import inference, present
from ..data import Dataset
from ..errors import DataError
from ..narrative import Finding, Q, paragraph, sentence, write
from . import operations as ops
from . import undisclosed

PREFIX = "ops"  # of every glue key, table and figure label (tests/test_section_contract.py)

GROUPS = {"ai": ops.AI_SMB + ops.AI_TELESALES + ops.AI_MARKETING + ops.AI_RND, "data_platform": ops.PLATFORM,
          "data_security": ops.DATA_CRIME + ops.RESPONSE, "panshi": ops.PANSHI, "ip": ops.IP,
          # The engine's generation is an ordinal, said in the text (engine_finding), not ranked among counts.
          "argus": [m for m in ops.ARGUS if m != "argus_engine_generation"]}
TITLES = {"ai": "Large models in the business (創新與研發)", "data_platform": "The 毓數 data platform (毓數大資料平臺)",
          "data_security": "Action against data crime and fraud (打擊數據違法行為, 應急回應)",
          "panshi": "The 磐石行動 cyber-security exercise", "argus": "The Argus risk engine (智能風控)",
          "ip": "Intellectual property (智慧財產權)"}


def _rows(ds: Dataset, metrics: list[str]) -> pd.DataFrame:
    from .. import charts  # noqa: PLC0415 - figure_rows lives with the charts

    known = []
    for metric in metrics:
        try:
            ds.rows(metric)
            known.append(metric)
        except DataError:
            pass
    return charts.figure_rows(ds, known)


def ranked_frame(ds: Dataset, group: str) -> pd.DataFrame:
    """The group's figures by kind of unit, largest first within a kind; hedged figures keep their hedge
    and rank by the number the report gives."""
    rows = _rows(ds, GROUPS[group])
    if rows.empty:
        return present.empty_note(ds, "such figures")
    rows["kind"] = rows["unit"].map(lambda u: ops.unit_words(ds, u))
    rows = rows.sort_values(["kind", "value"], ascending=[True, False], kind="stable")
    rows["rank"] = rows.groupby("kind").cumcount() + 1
    return pd.DataFrame({"Unit": rows["kind"], "Rank": rows["rank"].astype(str), "Figure": rows["figure"],
                         "As published": rows["label"],
                         "Hedge": [present.QUALIFIERS.get(q, q) if q else present.DASH for q in rows["qualifier"]]})


def ranked_table(ds: Dataset, group: str) -> present.Table:
    return present.table(ranked_frame(ds, group), f"tbl-ops-{group.replace('_', '-')}-ranked",
                         f"{TITLES[group]}, {ds.year}: the figures grouped by unit and ranked within each, "
                         "with the report's hedges.", present.source(ds, ops.FILE))


def cyber_finding(ds: Dataset) -> Finding:
    """The report's count of cyber-security accidents, set beside the exercise that tested the defences."""
    incidents = ops.figure_q(ds, "cyber_security_incidents")
    if incidents.missing:
        return Finding("opa.cyber", "missing", {"year": str(ds.year)})
    rank, teams = ops.figure_q(ds, "panshi_rank", bare=True), ops.figure_q(ds, "panshi_teams", None, "team_side",
                                                                          "defence", bare=True)
    facts = {"year": str(ds.year), "incidents": Q(incidents.value, 0)}
    if incidents.value == 0:
        if not rank.missing and not teams.missing:
            return Finding("opa.cyber", "none_tested", {**facts, "rank": rank, "teams": teams})
        return Finding("opa.cyber", "none", facts)
    return Finding("opa.cyber", "some", facts)


def engine_finding(ds: Dataset) -> Finding:
    gen = ops.figure_q(ds, "argus_engine_generation")
    prior = ops.figure_q(ds, "argus_engine_generation", ds.year - 1)
    if gen.missing:
        return Finding("opa.engine", "missing", {"year": str(ds.year)})
    facts = {"year": str(ds.year), "generation": Q(gen.value, 0), "prior_year": str(ds.year - 1)}
    if prior.missing:
        return Finding("opa.engine", "stated", facts)
    return Finding("opa.engine", "new" if gen.value > prior.value else "same", {**facts, "prior": Q(prior.value, 0)})


def numbers(ds: Dataset) -> dict[str, str]:
    said = [sentence(write(f)) for f in (cyber_finding(ds), engine_finding(ds)) if f.case != "missing"]
    return {
        "ops_crosscheck_text": paragraph(*inference.said(ds, "smb_users", "cumulative")),
        "ops_resilience_text": paragraph(*said),
        "ops_missing_text": paragraph(*(sentence(write(f)) for f in undisclosed.lender_findings(ds))),
    }
