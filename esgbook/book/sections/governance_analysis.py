"""Chapter 4, past the counts: how ESG matters reach the board, the share structure, and the
corruption count against the size of the workforce."""
from __future__ import annotations

import pandas as pd

from esgbook.analysis import kpis
from esgbook.analysis.findings import date as date_of
from esgbook.analysis.findings import trend
from esgbook.book import present
from esgbook.book.narrative import Finding, Q, paragraph, sentence, write
from esgbook.book.narrative.bilingual import Bilingual
from esgbook.book.sections.operations import value
from esgbook.inputs.dataset import Dataset

PREFIX = "gov"  # of every glue key, table and figure label (tests/test_section_contract.py)


def _bodies(ds: Dataset) -> pd.DataFrame:
    bodies = ds.table("governance_bodies")
    return bodies[bodies["year"] == ds.year].set_index("body_id")


def esg_line(ds: Dataset) -> Finding | None:
    """The line from the ESG committee up to the board, and whether every step is regular. None for an
    edition without a report of its own: the data lack its structure, which is not to say it had none."""
    if not ds.own_report:
        return None
    bodies = _bodies(ds)
    if "esg_committee" not in bodies.index:
        return Finding("goa.esg_line", "no_committee", {"year": str(ds.year)})
    path, node, conditional = [], "esg_committee", False
    while node in bodies.index and bodies.loc[node, "reports_to"] and len(path) < 10:
        conditional |= bodies.loc[node, "escalation"] == "as needed"
        node = bodies.loc[node, "reports_to"]
        path.append(node)
    committees = [b for b in bodies.index if bodies.loc[b, "reports_to"] == "board" and b.endswith("_committee")]

    def named(body):  # a body the data do not list keeps its id; 'ESG委員會' carries its own Chinese
        row = bodies.loc[body] if body in bodies.index else {"name_en": body, "name_zh": body}
        return Bilingual(row["name_en"].lower(), row["name_zh"])
    facts = {"year": str(ds.year), "path": [named(p) for p in path], "first": named(path[0]) if path else "",
             "committees": [named(c) for c in committees], "n_committees": Q(len(committees), 0)}
    board_esg = any("esg" in c.lower() or "sustainab" in c.lower() for c in bodies.loc[committees, "name_en"])
    if node != "board":
        return Finding("goa.esg_line", "no_board", facts)
    if len(path) == 1:
        return Finding("goa.esg_line", "direct", facts)
    if conditional:
        return Finding("goa.esg_line", "via_as_needed_board_esg" if board_esg else "via_as_needed", facts)
    return Finding("goa.esg_line", "via", facts)


def share_structure(ds: Dataset) -> Finding:
    events = ds.table("corporate_events").set_index("event_id")
    if "one_share_one_vote" not in events.index:
        return Finding("goa.shares", "none", {"year": str(ds.year)})
    date = pd.Timestamp(events.loc["one_share_one_vote", "date"])
    facts = {"year": str(ds.year), "date": date_of(date), "full_years": str(ds.year - date.year)}
    if date.year >= ds.year + 1:
        return Finding("goa.shares", "after", facts)
    if date.year == ds.year:
        return Finding("goa.shares", "during", facts)
    return Finding("goa.shares", "first_full" if ds.year - date.year == 1 else "in_force", facts)


def cases_rate(ds: Dataset) -> Finding | None:
    """Corruption cases per 1,000 year-end employees: the count against the size of the workforce. None
    when either year counts fewer than present.SMALL_COUNT cases: on so small a base a rate adds nothing."""
    counts = [value(ds, "corruption_cases", y) for y in (ds.year, ds.year - 1)]
    if any(c is not None and c < present.SMALL_COUNT for c in counts):
        return None
    def rate(y):
        return kpis.div(value(ds, "corruption_cases", y), value(ds, "employees", y), 1000)
    cur, prior = Q(rate(ds.year), 2), Q(rate(ds.year - 1), 2)
    f = trend("goa.cases_rate", cur, prior, ds.year)
    cases = trend("x", Q(value(ds, "corruption_cases"), 0), Q(value(ds, "corruption_cases", ds.year - 1), 0), ds.year)
    heads = trend("x", Q(value(ds, "employees"), 0), Q(value(ds, "employees", ds.year - 1), 0), ds.year)
    return Finding(f.topic, f.case, {**f.facts, "cases_change": cases.facts["change"],
                                     "heads_change": heads.facts["change"]})


def whistleblowing(ds: Dataset) -> Finding | None:
    if not ds.own_report:
        return None
    bodies = _bodies(ds)
    if "ethics_committee" not in bodies.index:
        return Finding("goa.whistle", "no_channel", {"year": str(ds.year)})
    count = value(ds, "whistleblowing_reports")
    if count is None:
        return Finding("goa.whistle", "no_count", {"year": str(ds.year)})
    return Finding("goa.whistle", "counted", {"year": str(ds.year), "count": Q(count, 0)})


def findings(ds: Dataset) -> list[Finding]:
    return [esg_line(ds), share_structure(ds), cases_rate(ds), whistleblowing(ds)]


def numbers(ds: Dataset) -> dict[str, str]:
    f = findings(ds)
    return {"gov_structure_text": paragraph(*(sentence(write(x)) for x in f[:2] if x)),
            "gov_cases_rate_text": paragraph(*(sentence(write(x)) for x in f[2:] if x))}
