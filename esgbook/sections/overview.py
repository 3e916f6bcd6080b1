"""Chapter 1, company overview (公司概覽): profile, the year's honours, and the scope of the report."""
from __future__ import annotations

import pandas as pd

from .. import charts, kpis, present
from ..data import Dataset

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
STATUS_ORDER = ["disclosed", "partly", "not disclosed", "not applicable"]


def honours(ds: Dataset, year: int | None = None) -> pd.DataFrame:
    """The honours of one year, in the order the report prints them."""
    frame = ds.table("honours")
    return frame[frame["year"] == (ds.year if year is None else year)].sort_values("row")


def honours_by_theme(ds: Dataset) -> pd.DataFrame:
    """Count of the year's honours per theme, largest first (ties in THEMES order)."""
    frame = honours(ds)
    counts = frame["theme"].value_counts()
    rows = [{"theme": t, "theme_label": f"{en} {zh}", "honours": int(counts.get(t, 0)), "order": i}
            for i, (t, (en, zh)) in enumerate(THEMES.items()) if counts.get(t, 0)]
    out = pd.DataFrame(rows, columns=["theme", "theme_label", "honours", "order"])
    return out.sort_values(["honours", "order"], ascending=[False, True]).drop(columns="order").reset_index(drop=True)


def _count_or_none(frame: pd.DataFrame) -> float | None:
    return float(len(frame)) if len(frame) else None


def _guide_status(ds: Dataset) -> pd.DataFrame:
    index = ds.table("hkex_index")
    return index[index["year"] == ds.year]


def numbers(ds: Dataset) -> dict[str, str]:
    """Every figure the chapter's prose quotes, formatted."""
    y, p = ds.year, ds.year - 1
    out: dict[str, str] = {"ov_year": str(y), "ov_prior_year": str(p),
                           "ov_period": f"1 January {y} to 31 December {y}"}
    cur, prior = kpis.compute(ds, "employees", y), kpis.compute(ds, "employees", p)
    out.update(present.versus_prior("ov_employees", cur, prior, up="grew", down="shrank"))
    change, _ = kpis.yoy(cur, prior)
    out["ov_headcount_sentence"] = (
        f"Year-end headcount {out['ov_employees_direction']} from {out['ov_employees_prior']} to "
        f"{out['ov_employees']} ({out['ov_employees_change']})" if change is not None else
        f"Year-end headcount was {out['ov_employees']}, with no {p} figure in the data package to compare with"
        if cur is not None else f"The data package has no year-end headcount for {y}")
    directors = kpis.compute(ds, "directors", y)
    out["ov_directors"] = present.num(directors)
    out["ov_board_sentence"] = (f"the board had {present.num(directors)} directors at the end of the year"
                                if directors is not None else f"the data package has no board composition for {y}")

    # Honours: how many, where the report prints them, and what they are for.
    hon = honours(ds)
    listed = hon[hon["section"] == HONOURS_SECTION]
    elsewhere = hon[hon["section"] != HONOURS_SECTION]
    out["ov_honours_count"] = str(len(hon))
    out["ov_honours_listed_count"] = str(len(listed))
    out["ov_honours_elsewhere_count"] = str(len(elsewhere))
    out["ov_honours_elsewhere_sections"] = ", ".join(sorted(set(elsewhere["section"]))) or "none"
    out["ov_honours_unnamed_body_count"] = str(int((hon["awarded_by_en"] == "").sum()))
    by_theme = honours_by_theme(ds)
    out["ov_honours_theme_count"] = str(len(by_theme))
    if len(by_theme):
        top = by_theme.iloc[0]
        out["ov_honours_top_theme"] = top["theme_label"]
        out["ov_honours_top_theme_count"] = str(top["honours"])
        out["ov_honours_top_theme_share"] = present.pct(top["honours"] / len(hon) * 100, 0)
        out["ov_honours_availability"] = (f"The data package lists {len(hon)} honours for {y}; the report "
                                          f"gives no {p} list to compare with.")
    else:
        out.update(ov_honours_top_theme="n/a", ov_honours_top_theme_count="0", ov_honours_top_theme_share="n/a")
        latest = int(ds.table("honours")["year"].max())
        out["ov_honours_availability"] = (f"The data package holds no honours for {y} (that year's report "
                                          f"is not transcribed): the counts below are zero, the table and chart "
                                          f"empty, and the remarks on the list describe the {latest} report.")

    # The HKEX guide as this edition meets it (from the content index).
    status = _guide_status(ds)
    out["ov_guide_items"] = str(len(status))
    out["ov_guide_mandatory_count"] = str(int(status["code"].str.startswith("MDR").sum()))
    for s in STATUS_ORDER:
        out[f"ov_guide_{s.replace(' ', '_')}"] = str(int((status["status"] == s).sum()))
    return out


def profile_table(ds: Dataset) -> present.Table:
    """The company's scale at a glance, both years, from the other chapters' data."""
    y = ds.year
    frame = present.kpi_comparison(ds, ["employees", "directors", "independent_directors", "suppliers_total"])
    extra = present.years_side_by_side([
        ("Honours received", "所獲榮譽", "count", _count_or_none(honours(ds, y)), _count_or_none(honours(ds, y - 1)), 0),
        ("Material topics", "實質性議題", "count", _count_or_none(_topics(ds, y)), _count_or_none(_topics(ds, y - 1)), 0),
    ], y)
    frame = pd.concat([frame, extra], ignore_index=True)
    return present.table(frame, "tbl-ov-profile", f"The company at a glance (公司概覽), {y} against {y - 1}; "
                         "n/a where the data package holds no figure for the year.",
                         present.source(ds, "workforce", "board", "suppliers", "honours", "material_topics"))


def _topics(ds: Dataset, year: int) -> pd.DataFrame:
    frame = ds.table("material_topics")
    return frame[frame["year"] == year]


def honours_table(ds: Dataset) -> present.Table:
    hon = honours(ds)
    frame = pd.DataFrame({
        "No.": range(1, len(hon) + 1),
        "Honour": hon["award_en"].tolist(),
        "As printed (獎項)": hon["award_zh"].tolist(),
        "Awarded by": [b or "not named" for b in hon["awarded_by_en"]],
        "Theme": [" ".join(THEMES[t]) for t in hon["theme"]],
        "Printed in": [sec.split(" > ")[0] for sec in hon["section"]],
    })
    if frame.empty:
        frame = pd.DataFrame([{"No.": present.DASH, "Honour": f"No honours in the data package for {ds.year}",
                               "As printed (獎項)": "", "Awarded by": "", "Theme": "", "Printed in": ""}])
    return present.table(frame, "tbl-ov-honours", f"Honours received in {ds.year} (所獲榮譽), in the order the "
                         "report prints them; the theme is the book's classification, not the report's; 'Printed in' is the "
                         "report chapter (section titles in data/honours.csv).",
                         present.source(ds, "honours"))


def honours_chart(ds: Dataset) -> charts.Chart:
    frame = honours_by_theme(ds)
    title = f"Honours received in {ds.year} by theme (所獲榮譽), count"
    if frame.empty:
        return charts.placeholder("fig-ov-honours-theme", title, f"No honours in the data package for {ds.year}.")
    return charts.value_bars(frame, label="fig-ov-honours-theme", title=title, category="theme_label",
                             value="honours", unit="count", measure="Honours", sort=False, whole=True,
                             description=f"Bar chart of the {len(honours(ds))} honours of {ds.year} counted by "
                             "theme, largest first; each bar is labelled with its count.")


def guide_table(ds: Dataset) -> present.Table:
    """The guide's mandatory disclosures (Part B) and how this edition meets each."""
    status = _guide_status(ds)
    items = ds.table("hkex_guide_items").set_index("code")
    mdr = status[status["code"].str.startswith("MDR")].sort_values("code")
    frame = pd.DataFrame({
        "Item": mdr["code"].tolist(),
        "What the guide asks": [items.loc[c, "what_it_asks"] for c in mdr["code"]],
        "Status": mdr["status"].tolist(),
        "Our assessment": mdr["reason"].tolist(),
    })
    return present.table(frame, "tbl-ov-guide", f"The HKEX ESG Reporting Guide's mandatory disclosures (Part B) "
                         f"in the {ds.year} edition.", present.source(ds, "hkex_guide_items", "hkex_index"))

