"""Chapter 1, company overview (公司概覽): profile, the year's honours, and the scope of the report.

The section computes findings (`esgbook.book.narrative.Finding`); the English sentences are written by
`esgbook.book.narrative.en.overview`. Honours and the report's period are facts of a report: an edition whose
year has no report of its own (2022, the comparative column of the 2023 report) says so instead.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from esgbook.analysis import draft, findings, kpis
from esgbook.book import charts, formatting, present
from esgbook.book.narrative import Finding, Md, Q, paragraph, sentence, write
from esgbook.book.narrative.bilingual import Bilingual, concat, date, entry, glossed, join_and, same, spaced, span
from esgbook.book.sections import content_index
from esgbook.inputs.dataset import Dataset

PREFIX = "ov"  # of every glue key, table and figure label (tests/test_section_contract.py)

HONOURS_SECTION = "01 公司概覽 > 2023年奇富科技所獲榮譽"

# The honours file classifies each award by theme; the report itself does not, so the
# labels below are the book's (categories.csv has no dimension for them). Order = display order.
THEMES = {
    "esg": ("ESG and social responsibility", "ESG與社會責任"),
    "ai_technology": ("AI and technology", "人工智能與科技"),
    "business": ("Business and industry standing", "業務與行業地位"),
    "consumer_protection": ("Consumer protection and anti-fraud", "消費者保護與反詐"),
    "security": ("Security and data governance", "網絡安全與數據治理"),
    "intellectual_property": ("Intellectual property", "知識產權"),
    "community": ("Community", "社區公益"),
}
STATUS_ORDER = list(content_index.STATUSES)


# -- data ------------------------------------------------------------------------------------
def honours(ds: Dataset, year: int | None = None) -> pd.DataFrame:
    """The honours of one year, in the order the report prints them."""
    frame = ds.table("honours")
    return frame[frame["year"] == (ds.year if year is None else year)].sort_values("row")


def honours_by_theme(ds: Dataset) -> pd.DataFrame:
    """Count of the year's honours per theme, largest first (ties in THEMES order)."""
    frame = honours(ds)
    counts = frame["theme"].value_counts()
    # The theme id is data the chart carries but does not show: the same in both languages.
    rows = [{"theme": same(t), "theme_label": spaced(en, zh), "theme_name": glossed(en, zh),
             "honours": int(counts.get(t, 0)), "order": i}
            for i, (t, (en, zh)) in enumerate(THEMES.items()) if counts.get(t, 0)]
    out = pd.DataFrame(rows, columns=["theme", "theme_label", "theme_name", "honours", "order"])
    return out.sort_values(["honours", "order"], ascending=[False, True]).drop(columns="order").reset_index(drop=True)


def _report_year(ds: Dataset) -> int | None:
    return int(ds.report["report_year"]) if ds.report else None


def _period(covers: str) -> Bilingual:
    """'2023-01-01/2023-12-31' -> '1 January 2023 to 31 December 2023' (2023年1月1日至2023年12月31日)."""
    start, end = (dt.date.fromisoformat(d) for d in covers.split("/"))
    return concat(*(date(d.day, d.month, d.year) for d in (start, end)), sep=" to ", zh_sep="至")


# -- findings --------------------------------------------------------------------------------
def headcount_finding(ds: Dataset) -> Finding:
    y = ds.year
    cur, prior = (Q(kpis.compute(ds, "employees", yr), 0) for yr in (y, y - 1))
    return findings.trend("trend.grew", cur, prior, y, name="Year-end headcount", name_lower="year-end headcount")


def board_finding(ds: Dataset) -> Finding:
    directors = kpis.compute(ds, "directors", ds.year)
    if directors is None:
        return Finding("ov.board", "missing", {"year": ds.year})
    return Finding("ov.board", "disclosed", {"directors": Q(directors), "year": ds.year})


def honours_findings(ds: Dataset) -> list[Finding]:
    """What the report says the company was recognised for: the list, its themes, who awarded."""
    y, report_year = ds.year, _report_year(ds)
    if not ds.own_report:
        return [Finding("ov.honours", "no_own_report", {"year": y, "report_year": report_year})]
    hon = honours(ds)
    if hon.empty and "honours" in {m.register for m in draft.checklist(ds)}:
        return [Finding("ov.honours", "not_entered", {"year": y})]   # a draft: not yet entered, not 'none'
    if hon.empty:
        return [Finding("ov.honours", "none", {"year": y, "report_year": y})]
    listed, elsewhere = hon[hon["section"] == HONOURS_SECTION], hon[hon["section"] != HONOURS_SECTION]
    out = [Finding("ov.honours", "listed", {
        "year": y, "report_year": y, "count": len(hon), "listed": len(listed), "elsewhere": len(elsewhere),
        "elsewhere_sections": join_and(sorted(set(elsewhere["section"])))})]
    by_theme = honours_by_theme(ds)
    top = by_theme[by_theme["honours"] == by_theme["honours"].max()]
    out.append(Finding("ov.honours_themes", "grouped", {
        "count": len(hon), "theme_count": len(by_theme), "tied": "yes" if len(top) > 1 else "no",
        "top": join_and(list(top["theme_name"])), "top_count": int(top["honours"].iloc[0]),
        "top_share": Q(top["honours"].iloc[0] / len(hon) * 100, 0, "%")}))
    unnamed = int((hon["awarded_by_en"].fillna("") == "").sum())
    out.append(Finding("ov.honours_bodies", "some_unnamed" if unnamed else "all_named", {"unnamed": unnamed}))
    return out


def period_finding(ds: Dataset) -> Finding:
    y = ds.year
    facts = {"year": y, "period": _period(f"{y}-01-01/{y}-12-31")}
    if ds.report is None:
        return Finding("ov.period", "no_report", facts)
    if ds.own_report:
        return Finding("ov.period", "own", {**facts, "period": _period(ds.report["covers"])})
    return Finding("ov.period", "comparative", {**facts, "report_year": _report_year(ds),
                                                "report_period": _period(ds.report["covers"])})


def guide_finding(ds: Dataset) -> Finding:
    """The content index in one sentence: the counts of esgbook.book.sections.content_index, the same the appendix prints."""
    counts = content_index.status_counts(ds)
    facts = {"year": ds.year, "report_year": _report_year(ds), "items": sum(counts.values()),
             **{s.replace(" ", "_"): n for s, n in counts.items()}}
    return Finding("ov.guide", "own" if ds.own_report else "comparative" if ds.report else "no_report", facts)


def numbers(ds: Dataset) -> dict[str, str]:
    """Every value the chapter glues: the same keys in every edition, every one a str (Md for paragraphs)."""
    headcount = headcount_finding(ds)
    head, board = write(headcount), write(board_finding(ds))
    # Said once: the first chapter of an edition without a prior year tells the reader so.
    no_prior = (sentence(write(Finding("prior_year", "no_prior", {"year": ds.year, "prior_year": ds.year - 1})))
                if headcount.case == "no_prior" else "")
    hon = honours_findings(ds)
    return {
        "ov_year": str(ds.year),
        "ov_profile_text": paragraph(write(Finding("ov.profile", "shown", {"headcount": head, "board": board})),
                                     no_prior),
        "ov_honours_text": paragraph(*(write(f) for f in hon)),
        "ov_period_text": Md(write(period_finding(ds))),
        "ov_guide_mandatory_count": str(int(ds.table("hkex_guide_items")["code"].str.startswith("MDR").sum())),
        "ov_guide_text": Md(write(guide_finding(ds))),
    }


# -- tables and charts -----------------------------------------------------------------------
def _count_of(frame: pd.DataFrame, own: bool) -> float | None:
    """A register's count for a year: None (not disclosed) when the year has no report of its own or no rows."""
    return float(len(frame)) if own and len(frame) else None


def profile_table(ds: Dataset) -> present.Table:
    """The company's scale at a glance, both years, from the other chapters' data; '–' where a year has
    no figure, and the prior-year column dropped when it is empty throughout."""
    y, p = ds.year, ds.year - 1
    rows = []
    for kpi_id in ["employees", "directors", "independent_directors", "suppliers_total"]:
        k = kpis.BY_ID[kpi_id]
        rows.append((glossed(k.name_en, k.name_zh), k.unit, k.compute(ds, y), k.compute(ds, p), k.decimals))
    reports = set(ds.table("reports")["report_year"].astype(int))
    for name, frame_of in ((glossed("Honours received", "所獲榮譽"), lambda yr: honours(ds, yr)),
                           (glossed("Material topics", "實質性議題"), lambda yr: _topics(ds, yr))):
        # Honours and topics are facts of a report: a year without its own report has none.
        rows.append((name, "count", _count_of(frame_of(y), y in reports), _count_of(frame_of(p), p in reports), 0))
    out = []
    for name, unit, cur, prior, decimals in rows:
        change = findings.change_of(Q(cur, decimals), Q(prior, decimals))
        out.append({"Metric": name, "Unit": unit, str(y): formatting.DASH if cur is None else formatting.num(cur, decimals),
                    str(p): formatting.DASH if prior is None else formatting.num(prior, decimals),
                    "Change": formatting.DASH if change.value is None else present.change(change.value)})
    frame = pd.DataFrame(out)
    frame = frame[frame[str(y)] != formatting.DASH].reset_index(drop=True)  # the prose says what the year lacks
    if (frame[str(p)] == formatting.DASH).all():
        frame = frame.drop(columns=[str(p), "Change"])
    years = span(y, p) if str(p) in frame else span(y)
    return present.table(frame, "tbl-ov-profile", entry("The company at a glance (公司概覽), {span}; '–' where the "
                                                        "prior year has no figure.", span=years),
                         present.source(ds, "workforce", "board", "suppliers", "honours", "material_topics"))


def _topics(ds: Dataset, year: int) -> pd.DataFrame:
    frame = ds.table("material_topics")
    return frame[frame["year"] == year]


def honours_table(ds: Dataset) -> present.Table:
    hon = honours(ds) if ds.own_report else honours(ds).iloc[0:0]
    frame = pd.DataFrame({
        "No.": range(1, len(hon) + 1),
        "Honour": [Bilingual(en, zh) for en, zh in zip(hon["award_en"], hon["award_zh"])],
        "As printed (獎項)": [same(zh) for zh in hon["award_zh"]],  # the report's Chinese, in both editions
        "Awarded by": [Bilingual(en, zh) if en else "not named"
                       for en, zh in zip(hon["awarded_by_en"].fillna(""), hon["awarded_by_zh"].fillna(""))],
        "Theme": [spaced(*THEMES[t]) for t in hon["theme"]],
        "Printed in": [sec.split(" > ")[0] for sec in hon["section"]],
    })
    return present.table(frame, "tbl-ov-honours", entry("Honours received in {year} (所獲榮譽), in the order the "
                         "report prints them; the theme is the book's classification, not the report's; 'Printed in' is the "
                         "report chapter (section titles in data/honours.csv).", year=ds.year),
                         present.source(ds, "honours"))


def _no_honours(ds: Dataset) -> Bilingual:
    if not ds.own_report:
        return entry("No honours for {year}: the edition has no report of its own.", year=ds.year)
    return entry("The report lists no honours for {year}.", year=ds.year)


def honours_chart(ds: Dataset) -> charts.Chart:
    frame = honours_by_theme(ds) if ds.own_report else honours_by_theme(ds).iloc[0:0]
    title = entry("Honours received in {year} by theme (所獲榮譽), count", year=ds.year)
    if frame.empty:
        return charts.placeholder("fig-ov-honours-theme", title, _no_honours(ds))
    return charts.value_bars(frame.drop(columns="theme_name"), label="fig-ov-honours-theme", title=title,
                             category="theme_label", value="honours", unit="count", measure="Honours", sort=False,
                             whole=True, description=entry("Bar chart of the {n} honours of {year} counted by theme, "
                                                           "largest first; each bar is labelled with its count.",
                                                           n=len(honours(ds)), year=ds.year))


def guide_table(ds: Dataset) -> present.Table:
    """The guide's mandatory disclosures (Part B) and how the edition's report meets each."""
    status = content_index.content_index(ds)
    items = ds.table("hkex_guide_items").set_index("code")
    mdr = status[status["code"].str.startswith("MDR")].sort_values("code")
    frame = pd.DataFrame({
        "Item": mdr["code"].tolist(),
        "What the guide asks": present.localised(items, "what_it_asks").reindex(mdr["code"]).tolist(),
        "Status": mdr["status"].tolist(),
        "Our assessment": present.localised(mdr, "reason").tolist(),
    })
    if frame.empty:
        frame = pd.DataFrame([{"Note": entry("No assessment against the guide for the {year} edition.", year=ds.year)}])
    return present.table(frame, "tbl-ov-guide", entry("The HKEX ESG Reporting Guide's mandatory disclosures (Part B) "
                                                      "in the {year} edition.", year=ds.year),
                         present.source(ds, "hkex_guide_items", "hkex_index"))
