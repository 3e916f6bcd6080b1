"""What the report's narrative says about development, labour standards, pay and benefits: figures
of the narrative (new-hire retention, induction satisfaction, committee sessions, sick leave) and
policy descriptions. Both belong to the year of the report that states them, so an edition built
from a later report's comparative column (`ds.own_report` False) shows none of them."""
from __future__ import annotations

from esgbook.book import present
from esgbook.book.narrative import Finding, Q
from esgbook.book.sections.people.base import DEVELOPMENT, FILE, edition_source, rate, years
from esgbook.inputs.dataset import Dataset

OTHER_METRICS = ["new_hire_retention_pct", "induction_satisfaction_score", "tech_committee_sessions",
                 "paid_sick_leave_days_per_month"]
INDUCTION_SCALE = 100  # the report scores induction satisfaction out of 100 (滿分100)


def other_table(ds: Dataset) -> present.Table:
    """New-hire retention, induction satisfaction, technology-committee sessions, paid sick leave."""
    # A year without these figures gets no rows, so nothing shows: the development paragraph says so once.
    return present.table(present.figures_frame(ds, FILE, OTHER_METRICS), "tbl-ppl-other",
                         "Other people figures from the report's narrative: new-hire retention, induction training "
                         "satisfaction, technology-committee sessions by level, and paid sick leave.",
                         present.source(ds, FILE, section=(DEVELOPMENT, "07 以人為本 > 多元的薪酬福利體系")))


def edition(ds: Dataset) -> Finding:
    """Where the edition's narrative comes from: its own report, or none (a later report's comparatives)."""
    return Finding("ppl.edition", "own_report" if ds.own_report else "comparative", edition_source(ds))


def development(ds: Dataset) -> list[Finding]:
    """The development figures of the narrative, with what they lack (a comparative, a definition)."""
    y, p = years(ds)
    facts = {**edition_source(ds), "prior_year": str(p)}
    retention = ds.value("new_hire_retention_pct", y)
    score = ds.value("induction_satisfaction_score", y)
    sessions = ds.value("tech_committee_sessions", y)
    if retention is not None:
        facts["retention"] = rate(retention)
    if score is not None:
        facts.update(score=Q(score, 0, "count"), scale=Q(INDUCTION_SCALE, 0, "count"))
    if sessions is not None:
        facts.update(sessions=Q(sessions, 0, "count"),
                     levels=Q(len(ds.breakdown("tech_committee_sessions", "session_level", y)), 0, "count"))
    have = [m for m in OTHER_METRICS if ds.value(m, y) is not None]
    if not have:
        prior = [m for m in OTHER_METRICS if ds.value(m, p) is not None]
        case = "no_longer" if prior else "none" if ds.own_report else "comparative"
        return [Finding("ppl.development", case, {**facts, "n_prior": str(len(prior))})]
    out = [Finding("ppl.development", "shown", facts)]
    with_prior = any(ds.value(m, p) is not None for m in have)
    out.append(Finding("ppl.development_prior", "with_prior" if with_prior else "no_prior", facts))
    if retention is not None:
        out.append(Finding("ppl.retention_definition", "undefined"))
    return out


def narrative(ds: Dataset, topic: str) -> Finding:
    """One section of policy description: stated by the edition's own report, or absent."""
    return Finding(f"ppl.{topic}", "stated" if ds.own_report else "comparative", edition_source(ds))


def labour(ds: Dataset, status: dict[str, tuple[str, str]]) -> Finding:
    if not ds.own_report:
        return narrative(ds, "labour")
    return Finding("ppl.labour", "stated", {"b41": status["B4.1"][0], "b42": status["B4.2"][0]})


def sick_leave(ds: Dataset) -> Finding | None:
    days = ds.value("paid_sick_leave_days_per_month", ds.year)
    if days is None:
        return Finding("ppl.sick_leave", "missing", {"year": str(ds.year)}) if ds.own_report else None
    return Finding("ppl.sick_leave", "one_day" if days == 1 else "days", {"days": Q(days, 0, "count")})


def practices_findings(ds: Dataset, status: dict[str, tuple[str, str]]) -> dict:
    return {"edition": edition(ds), "development": development(ds), "performance": narrative(ds, "performance"),
            "labour": labour(ds, status), "pay": narrative(ds, "pay"),
            "sick_leave": sick_leave(ds) if ds.own_report else None,
            "pay_gaps": Finding("ppl.pay_gaps", "stated") if ds.own_report else None}


PARAGRAPHS = {
    "ppl_edition_text": ["edition"],
    "ppl_development_text": ["development"],
    "ppl_performance_text": ["performance"],
    "ppl_labour_text": ["labour"],
    "ppl_pay_text": ["pay", "sick_leave", "pay_gaps"],
}
