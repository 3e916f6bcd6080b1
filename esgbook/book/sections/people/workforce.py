"""The workforce: headcounts by gender, employment type, rank, age and region, and the shares the
report's narrative publishes. The report showed these breakdowns only as images; they are redrawn
from the headcounts here, and every sentence about them is a finding computed from the data."""
from __future__ import annotations

import pandas as pd

from esgbook.analysis import findings, kpis, reconcile
from esgbook.analysis.assumptions import MOSTLY_FULL_TIME_PCT as MOSTLY
from esgbook.analysis.assumptions import SMALL_GROUP
from esgbook.book import charts, formatting, present
from esgbook.book.narrative import Finding, Q
from esgbook.book.narrative.bilingual import entry, hedge, same, spaced, span
from esgbook.book.sections.people.base import (
    DIMENSIONS,
    FILE,
    NARRATIVE,
    TABLE,
    WORDS,
    categories,
    drop_empty_prior,
    edition_source,
    group,
    heads,
    indexed,
    name,
    rate,
    relative,
    years,
)
from esgbook.inputs.dataset import Dataset


# -- tables and charts ---------------------------------------------------------------------------
def workforce_frame(ds: Dataset, dimension: str) -> pd.DataFrame:
    """Headcount and share of each group of one breakdown, for the year and the prior year (the breakdown by
    its id: the same in both languages)."""
    rows = []
    for year in sorted(years(ds)):
        counts = ds.breakdown("employees", dimension, year)
        shares = kpis.share(ds, "employees", dimension, year)
        for category, count in counts.items():
            rows.append({"dimension": same(dimension), "category": category, "item": name(ds, dimension, category),
                         "year": year, "value": int(count), "share_pct": round(float(shares[category]), 2)})
    return pd.DataFrame(rows, columns=["dimension", "category", "item", "year", "value", "share_pct"])


def workforce_chart(ds: Dataset, dimension: str) -> charts.Chart:
    """One of the report's image-only charts, drawn from the headcounts: bars per group and year."""
    label_en, label_zh, label = DIMENSIONS[dimension]
    title = entry("Employees by {raw} ({zh}), year end", raw=label_en.lower(), zh=label_zh)
    frame = workforce_frame(ds, dimension)
    if frame.empty:
        return charts.placeholder(label, title, entry("No headcount by {text} for {year}.", text=WORDS[dimension],
                                                      year=ds.year))
    frame["text"] = [f"{y}: {v:,} ({s:.1f}%)" for y, v, s in zip(frame["year"], frame["value"], frame["share_pct"])]
    drawn = [int(y) for y in sorted(frame["year"].unique())]
    shown = span(drawn[0], drawn[1], "and") if len(drawn) == 2 else span(drawn[0])
    return charts.years_bars(
        frame, label=label, title=title, category="item", value="value", text="text", measure="Employees",
        unit="headcount", subtitle="Each bar: year, headcount and share of all employees",
        description=entry("Bar chart of employees at year end by {text} for {span}; each bar is labelled with its "
                          "year, headcount and share of the workforce.", text=WORDS[dimension], span=shown))


def _cell(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _change(cur: float | None, prior: float | None) -> str:
    """The change on the prior year: in % for a group of at least SMALL_GROUP people, in people for a smaller one
    (4 to 3 part-time staff is '−1 people', not −25.0%)."""
    if cur is not None and prior is not None and prior < SMALL_GROUP:
        return entry("{n} people", n=formatting.signed(cur - prior))
    return present.change(relative(cur, prior), formatting.DASH)


def workforce_table(ds: Dataset) -> present.Table:
    y, p = years(ds)
    total, total_prior = ds.value("employees", y), ds.value("employees", p)
    share, share_prior = (entry("{year} share", year=year) for year in (y, p))
    rows = [{"Breakdown": spaced("Total", "僱員總數"), "Group": "All employees", f"{y}": formatting.cell(total),
             share: "100.0%" if total else formatting.DASH, f"{p}": formatting.cell(total_prior),
             share_prior: "100.0%" if total_prior else formatting.DASH,
             "Change": _change(total, total_prior)}]
    for dimension, (label_en, label_zh, _) in DIMENSIONS.items():
        cur, prior = ds.breakdown("employees", dimension, y), ds.breakdown("employees", dimension, p)
        s_cur, s_prior = kpis.share(ds, "employees", dimension, y), kpis.share(ds, "employees", dimension, p)
        for category in [c for c in categories(ds, dimension) if c in cur.index or c in prior.index]:
            c, pr = _cell(cur.get(category)), _cell(prior.get(category))
            rows.append({"Breakdown": spaced(label_en, label_zh), "Group": name(ds, dimension, category),
                         f"{y}": formatting.cell(c), share: formatting.pct_cell(s_cur.get(category)),
                         f"{p}": formatting.cell(pr), share_prior: formatting.pct_cell(s_prior.get(category)),
                         "Change": _change(c, pr)})
    frame = drop_empty_prior(pd.DataFrame(rows), p)
    return present.table(frame, "tbl-ppl-workforce",
                         entry("Employees at year end (僱員) by gender, employment type, rank, age group and region, "
                               "{span}: headcounts as published, shares recomputed from them; the change is in % for "
                               "groups of at least {n} people and in people for smaller ones.",
                               span=present.versus(ds), n=SMALL_GROUP),
                         present.source(ds, FILE, section=TABLE))


def _published_shares(ds: Dataset) -> list[dict]:
    return [r for r in reconcile.published_rows(ds, ds.year, (FILE,)) if r["metric"] == "employee_share_pct"]


def shares_frame(ds: Dataset) -> pd.DataFrame:
    """The shares the narrative publishes, against the shares the headcounts give."""
    rows = []
    qualifiers = ds.rows("employee_share_pct").set_index(["dimension", "category"])["qualifier"]
    for r in _published_shares(ds):
        q = qualifiers.get((r["dimension"], r["category"]), "")
        decimals = 1 if r["published"] != int(r["published"]) else 0
        published = formatting.pct(r["published"], decimals)
        rows.append({"Group": name(ds, r["dimension"], r["category"]),
                     "Published": entry("{hedge} {n}", hedge=hedge(q), n=published) if q else published,
                     "Recomputed": formatting.pct(r["recomputed"], 2),
                     "Difference": present.change_pp(r["published"], r["recomputed"], 2),
                     "Within rounding": "yes" if r["within_rounding"] else "no"})
    # No published share (an edition without its own narrative): no rows, so the table shows nothing and the
    # paragraph above it says why once.
    return pd.DataFrame(rows)


def shares_table(ds: Dataset) -> present.Table:
    return present.table(shares_frame(ds), "tbl-ppl-shares",
                         entry("Shares of the workforce (員工占比) as the narrative publishes them for {year}, against "
                               "the shares recomputed from the headcounts; a published share is reproduced when the "
                               "recomputed one rounds to it.", year=ds.year),
                         present.source(ds, FILE, section=(NARRATIVE, TABLE)))


# -- findings ------------------------------------------------------------------------------------
def headcount(ds: Dataset) -> Finding:
    """The headcount against the prior year: grew / shrank / unchanged / no prior year / missing.
    Other chapters (intensities per employee) can use it for 'because the headcount grew'."""
    y, p = years(ds)
    cur, prior = heads(ds, y), heads(ds, p)
    diff = None if cur.missing or prior.missing else abs(cur.value - prior.value)
    change = relative(cur.value, prior.value)
    return findings.trend("ppl.headcount", cur, prior, y, diff=Q(diff, 0, "persons"),
                          size=Q(None if change is None else abs(change), 1, "%"))


def _counts(ds: Dataset, dimension: str, year: int) -> list[dict]:
    counts, shares = ds.breakdown("employees", dimension, year), kpis.share(ds, "employees", dimension, year)
    return [{"category": c, "label": group(ds, dimension, c), "zh": ds.label(dimension, c, "zh"),
             "count": Q(float(counts[c]), 0, "count"), "share": rate(float(shares[c]), 1)} for c in counts.index]


def breakdown_counts(ds: Dataset, dimension: str) -> Finding:
    """The groups of one breakdown with their headcounts and shares, for the year."""
    items = _counts(ds, dimension, ds.year)
    return Finding("ppl.counts", dimension if items else "missing",
                   {"year": str(ds.year), **indexed("g", items)})


def _change_item(ds: Dataset, dimension: str, category: str) -> dict:
    y, p = years(ds)
    cur, prior = ds.value("employees", y, dimension, category), ds.value("employees", p, dimension, category)
    case = findings.direction(Q(cur), Q(prior))
    if case == "up" and prior == 0:
        case = "up_from_zero"
    change = relative(cur, prior)
    return {"category": category, "label": group(ds, dimension, category), "case": case,
            "cur": Q(cur, 0, "count"), "size": Q(None if change is None else abs(change), 1, "%")}


def share_trend(ds: Dataset, dimension: str, category: str, against: str) -> Finding:
    """One group's share of the workforce against the prior year (in percentage points), with the
    headcount changes of the two groups that moved it."""
    y, p = years(ds)
    cur = rate(kpis.share(ds, "employees", dimension, y).get(category), 1)
    prior = rate(kpis.share(ds, "employees", dimension, p).get(category), 1)
    facts = {"share_of": category, "label": group(ds, dimension, category)}
    for key, c in (("a", category), ("b", against)):
        facts.update({f"{key}_{k}": v for k, v in _change_item(ds, dimension, c).items()})
    return findings.trend("ppl.share_trend", cur, prior, y, **facts)


def rank_changes(ds: Dataset) -> Finding:
    """Each rank's headcount against the prior year (rose / fell / unchanged)."""
    items = [_change_item(ds, "rank", c) for c in reversed(categories(ds, "rank"))
             if ds.value("employees", ds.year, "rank", c) is not None]
    cases = {i["case"] for i in items}
    case = "missing" if not items else "no_prior" if cases & {"no_prior", "missing"} else "shown"
    return Finding("ppl.group_changes", case, {"prior_year": str(ds.year - 1), **indexed("g", items)})


def _managers(ds: Dataset, year: int) -> tuple[float | None, float | None]:
    """Managers of both levels as a share of the workforce, and general staff per manager."""
    total = ds.value("employees", year)
    managers = [ds.value("employees", year, "rank", c) for c in ("senior_management", "middle_management")]
    general = ds.value("employees", year, "rank", "general_staff")
    if not total or None in managers or general is None or not sum(managers):
        return None, None
    return sum(managers) / total * 100, general / sum(managers)


def managers(ds: Dataset) -> Finding:
    y, p = years(ds)
    (share, ratio), (share_p, ratio_p) = _managers(ds, y), _managers(ds, p)
    return findings.trend("ppl.managers", rate(share, 1), rate(share_p, 1), y, ratio=Q(ratio, 1),
                          ratio_prior=Q(ratio_p, 1),
                          ratio_case=findings.direction(Q(ratio, 1), Q(ratio_p, 1)))


def general_staff_weight(ds: Dataset) -> Finding | None:
    """When general staff are most of the workforce, their figures dominate any company-wide average."""
    share = kpis.share(ds, "employees", "rank", ds.year).get("general_staff")
    return None if share is None or share <= 50 else Finding("ppl.rank_weight", "dominant", {"share": rate(share, 1)})


def employment_type(ds: Dataset) -> Finding:
    items = {i["category"]: i for i in _counts(ds, "employment_type", ds.year)}
    if not {"full_time", "part_time"} <= set(items):
        return Finding("ppl.employment_type", "missing", {"year": str(ds.year)})
    full, part = items["full_time"], items["part_time"]
    case = "mostly_full_time" if full["share"].value >= MOSTLY else "mixed"
    return Finding("ppl.employment_type", case, {"full": full["count"], "full_share": full["share"],
                                                 "part": part["count"], "part_share": part["share"]})


def age_majority(ds: Dataset) -> Finding | None:
    """Are employees under 30 more or less than half of the workforce? Compared in heads, not rounded shares."""
    young, total = ds.value("employees", ds.year, "age_group", "under_30"), ds.value("employees", ds.year)
    if young is None or not total:
        return None
    case = "more_than_half" if 2 * young > total else "less_than_half" if 2 * young < total else "half"
    return Finding("ppl.age_majority", case, {"count": Q(young, 0, "count"), "total": Q(total, 0, "count"),
                                              "label": group(ds, "age_group", "under_30")})


def region(ds: Dataset) -> list[Finding]:
    y, p = years(ds)
    total, outside = ds.value("employees", y), ds.value("employees", y, "region", "outside_mainland_china")
    if total is None or outside is None:
        return [Finding("ppl.region", "missing", {"year": str(y)})]
    out = [Finding("ppl.region", "all_mainland" if outside == 0 else "some_outside",
                   {"total": Q(total, 0, "count"), "outside": Q(outside, 0, "count"),
                    "outside_share": rate(outside / total * 100 if total else None, 1)})]
    before = ds.value("employees", p, "region", "outside_mainland_china")
    if before is not None:
        out.append(Finding("ppl.region_prior", "same" if before == outside else "changed",
                           {"prior_year": str(p), "prior_outside": Q(before, 0, "count")}))
    return out


def published_shares(ds: Dataset) -> Finding:
    """The shares the narrative publishes, reproduced or not by the headcounts."""
    published = _published_shares(ds)
    facts = {**edition_source(ds), "count": Q(len(published), 0, "count"),
             "reproduced": Q(sum(r["within_rounding"] for r in published), 0, "count"),
             "hedged": Q(sum(ds.row("employee_share_pct", ds.year, r["dimension"], r["category"])["qualifier"]
                             == "about" for r in published), 0, "count")}
    if not published:
        return Finding("ppl.shares", "none_published" if ds.own_report else "no_narrative", facts)
    ok = facts["reproduced"].value == len(published)
    return Finding("ppl.shares", "all_reproduced" if ok else "some_not", facts)


def young_team(ds: Dataset) -> Finding | None:
    """The report's own description of its workforce: a narrative fact of the report's year."""
    return Finding("ppl.young_team", "stated") if ds.own_report else None


def workforce_findings(ds: Dataset) -> dict[str, Finding | list[Finding] | None]:
    return {"headcount": headcount(ds), "gender_counts": breakdown_counts(ds, "gender"),
            "female_share": share_trend(ds, "gender", "female", "male"),
            "employment_type": employment_type(ds), "rank_counts": breakdown_counts(ds, "rank"),
            "rank_changes": rank_changes(ds), "managers": managers(ds), "rank_weight": general_staff_weight(ds),
            "age_counts": breakdown_counts(ds, "age_group"),
            "young_share": share_trend(ds, "age_group", "under_30", "30_to_50"),
            "age_majority": age_majority(ds), "young_team": young_team(ds), "region": region(ds),
            "shares": published_shares(ds)}


# Which findings make each glued paragraph of the workforce sections.
PARAGRAPHS = {
    "ppl_headcount_text": ["headcount"],
    "ppl_gender_text": ["gender_counts", "female_share"],
    "ppl_employment_type_text": ["employment_type"],
    "ppl_rank_text": ["rank_counts", "rank_changes", "managers", "rank_weight"],
    "ppl_age_text": ["age_counts", "young_share", "age_majority", "young_team"],
    "ppl_region_text": ["region"],
    "ppl_shares_text": ["shares"],
}
