"""Chapter 5, past the figures: the cross-checks between them (`esgbook.analysis.inference`), what the report's
"no accident" does and does not say, and what a loan facilitator's report should give and this one does not
(the disclosure register, chapter 10). Figures of unlike kinds (an SLA, a conversion rate) are never ranked
against each other: each section shows one table, as published."""
from __future__ import annotations

from esgbook.analysis import inference
from esgbook.book.narrative import Finding, Q, paragraph, sentence, write
from esgbook.book.sections import operations as ops
from esgbook.book.sections import undisclosed
from esgbook.inputs.dataset import Dataset

PREFIX = "ops"  # of every glue key, table and figure label (tests/test_section_contract.py)

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


def leaks_finding(ds: Dataset) -> Finding:
    """'No accident' is not 'no breach': the same report counts data-leak losses stopped and people selling data."""
    incidents = ops.figure_q(ds, "cyber_security_incidents")
    loss, sellers = ops.figure_q(ds, "data_leak_loss_prevented_cny100m"), ops.figure_q(ds, "data_sellers_investigated", bare=True)
    if incidents.missing or incidents.value != 0 or (loss.missing and sellers.missing):
        return Finding("opa.leaks", "missing")
    return Finding("opa.leaks", "leaks_counted" if not loss.missing and not sellers.missing else
                   "loss_only" if not loss.missing else "sellers_only", {"loss": loss, "sellers": sellers})


def numbers(ds: Dataset) -> dict[str, str]:
    said = [sentence(write(f)) for f in (cyber_finding(ds), leaks_finding(ds), engine_finding(ds))
            if f.case != "missing"]
    return {
        "ops_crosscheck_text": paragraph(*inference.said(ds, "smb_users", "cumulative")),
        "ops_resilience_text": paragraph(*said),
        "ops_missing_text": paragraph(*(sentence(write(f)) for f in undisclosed.lender_findings(ds))),
    }
