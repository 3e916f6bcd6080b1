"""Chapter 3, highlights (專題報告): inclusive, rural and green finance figures; small-business and
community cases.

The highlight figures come in mixed units (億元, 萬人, 萬家, %), so they are charted in one small
panel per unit, never on a shared axis. Some are flows of the year and some cumulative totals
whose start date the report does not give; the metric names say which ("(cumulative)").
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from .. import charts, present
from ..data import Dataset

FILE = "highlights"
# The report's three highlight themes (亮點數據) and the figures under each, in its order.
THEMES = [
    ("Inclusive finance", "普惠小微", ["small_business_lending_cny100m", "small_business_loan_share_pct"]),
    ("Rural revitalisation", "鄉村振興", ["rural_lending_cny100m", "farmers_served_10k"]),
    ("Green finance", "綠色金融", ["green_lending_cny100m", "green_enterprises_served_10k", "nev_loans_cny100m",
                                   "nev_owners_served_10k"]),
]
HIGHLIGHTS = [m for _, _, ms in THEMES for m in ms]
SMALL_BUSINESS = ["credit_experience_years", "stocking_festival_small_businesses_10k",
                  "wholesale_retail_fund_provinces", "wholesale_retail_fund_merchants_10k",
                  "wholesale_retail_fund_support_cny10k"]
COMMUNITY = ["disability_programme_attention_10k", "disability_livestream_views_10k", "disability_devices_donated",
             "welfare_centre_volunteers"]
THEME_COLOURS = {"Inclusive finance": charts.PALETTE[0], "Rural revitalisation": charts.PALETTE[2],
                 "Green finance": charts.PALETTE[1]}


def _value(ds: Dataset, metric: str, year: int | None = None) -> float | None:
    return ds.value(metric, ds.year if year is None else year)


def _cumulative(ds: Dataset, metric: str) -> bool:
    return "(cumulative)" in ds.metric_info[metric]["name_en"]


def _theme_of(metric: str) -> tuple[str, str]:
    return next((en, zh) for en, zh, ms in THEMES if metric in ms)


def derived(ds: Dataset) -> dict[str, float | None]:
    """What the published figures imply (None where an input is missing)."""
    v = {m: _value(ds, m) for m in HIGHLIGHTS + SMALL_BUSINESS}

    def ratio(a, b, scale_a, scale_b):
        return None if v[a] is None or not v[b] else v[a] * scale_a / (v[b] * scale_b)

    share = v["small_business_loan_share_pct"]
    out = {"implied_loan_volume_cny100m": ratio("small_business_lending_cny100m", "small_business_loan_share_pct",
                                                100, 1)}
    # The share is printed to one decimal, so the true share lies within ±0.05 points of it.
    half = 0.05
    out["implied_loan_volume_low_cny100m"] = (None if share is None or v["small_business_lending_cny100m"] is None
                                              else v["small_business_lending_cny100m"] / ((share + half) / 100))
    out["implied_loan_volume_high_cny100m"] = (None if share is None or v["small_business_lending_cny100m"] is None
                                               else v["small_business_lending_cny100m"] / ((share - half) / 100))
    out["nev_loan_per_owner_cny"] = ratio("nev_loans_cny100m", "nev_owners_served_10k", 1e8, 1e4)
    out["green_loan_per_enterprise_cny"] = ratio("green_lending_cny100m", "green_enterprises_served_10k", 1e8, 1e4)
    out["wholesale_support_per_merchant_cny"] = ratio("wholesale_retail_fund_support_cny10k",
                                                      "wholesale_retail_fund_merchants_10k", 1e4, 1e4)
    return out


def cases(ds: Dataset) -> pd.DataFrame:
    """The community cases of the edition year (data/community_cases.csv), in the report's order."""
    frame = ds.table("community_cases")
    return frame[frame["year"] == ds.year]


def _rows_in(ds: Dataset, year: int) -> int:
    frame = ds.table(FILE)
    return int((frame["year"] == year).sum())


def numbers(ds: Dataset) -> dict[str, str]:
    """Every figure the chapter's prose quotes, formatted."""
    y, p = ds.year, ds.year - 1
    out: dict[str, str] = {"hl_year": str(y), "hl_prior_year": str(p)}
    for m in HIGHLIGHTS + SMALL_BUSINESS + COMMUNITY:
        out[f"hl_{m}"] = present.qualified(ds, m)
        out[f"hl_{m}_plain"] = present.qualified(ds, m, absolute=True, currency=True)
    share = _value(ds, "small_business_loan_share_pct")
    out["hl_small_business_loan_share"] = present.pct(share, present.decimals_of(share) if share is not None else 1)
    now, before = _rows_in(ds, y), _rows_in(ds, p)
    if now and not before:
        out["hl_availability"] = (f"The report gives these figures for {y} only, with no {p} comparative, so "
                                  "none of them can be compared with the prior year.")
    elif now:
        out["hl_availability"] = f"The data package holds {now} figures for {y} and {before} for {p}."
    else:
        latest = int(ds.table(FILE)["year"].max())
        out["hl_availability"] = (f"The data package holds none of these figures for {y} (that year's report is not "
                                  f"transcribed): they read n/a, the tables and charts are empty, and the discussion "
                                  f"describes the {latest} report.")
    info = ds.metric_info
    present_hl = [m for m in HIGHLIGHTS if _value(ds, m) is not None]
    out["hl_highlight_count"] = str(len(present_hl))
    units = list(dict.fromkeys(info[m]["unit"] for m in present_hl))
    out["hl_unit_count"] = str(len(units))
    names = ds.table("units").set_index("id")["name_zh"]
    out["hl_units"] = ", ".join(str(names.get(u, u)) for u in units) or "none"
    out["hl_cumulative_count"] = str(sum(_cumulative(ds, m) for m in present_hl))
    out["hl_flow_count"] = str(sum(not _cumulative(ds, m) for m in present_hl))

    d = derived(ds)
    out["hl_implied_loan_volume_cny100m"] = present.num(d["implied_loan_volume_cny100m"], 0)
    out["hl_implied_loan_volume_bn"] = present.num(None if d["implied_loan_volume_cny100m"] is None
                                                   else d["implied_loan_volume_cny100m"] / 10, 1)
    out["hl_implied_loan_volume_low_cny100m"] = present.num(d["implied_loan_volume_low_cny100m"], 0)
    out["hl_implied_loan_volume_high_cny100m"] = present.num(d["implied_loan_volume_high_cny100m"], 0)
    out["hl_nev_loan_per_owner_cny"] = present.num(d["nev_loan_per_owner_cny"], 0)
    out["hl_green_loan_per_enterprise_cny"] = present.num(d["green_loan_per_enterprise_cny"], 0)
    per_merchant, support = d["wholesale_support_per_merchant_cny"], ds.row("wholesale_retail_fund_support_cny10k", y)
    hedge = support["qualifier"] if support is not None and per_merchant else ""  # an average of a hedged total
    out["hl_wholesale_support_per_merchant_cny"] = present.hedged(present.num(per_merchant, 0), hedge)

    community = cases(ds)
    out["hl_case_count"] = str(len(community))
    out["hl_unquantified_case_count"] = str(int((community["metrics"] == "").sum()))
    unquantified = int((community["metrics"] == "").sum())
    out["hl_cases_sentence"] = (
        f"The report describes {len(community)} community cases, around rural producers, people with "
        "disabilities and disadvantaged children" if len(community)
        else f"The data package holds no community cases for {y}, so the figures below read n/a")
    out["hl_unquantified_sentence"] = (f"{unquantified} of them give no figure at all." if unquantified else "")
    out["hl_community_figure_count"] = str(sum(_value(ds, m) is not None for m in COMMUNITY))
    return out


def _unit_name(ds: Dataset, unit: str) -> str:
    """'CNY 100 million (億元)'; the id itself for a unit the units table lacks."""
    units = ds.table("units").set_index("id")
    return f"{units.loc[unit, 'name_en']} ({units.loc[unit, 'name_zh']})" if unit in units.index else unit


def _figures_frame(ds: Dataset, metrics: list[str], with_theme: bool = False) -> pd.DataFrame:
    """Both years of each listed figure, as published ('–' where the year has none)."""
    y, p = ds.year, ds.year - 1
    rows = []
    for m in metrics:
        row = {}
        if with_theme:
            row["Theme"] = "{} ({})".format(*_theme_of(m))
        row["Figure"] = present.metric_name(ds, m)
        for year in (y, p):
            hit = ds.row(m, year)
            row[str(year)] = (present.DASH if hit is None else
                              present.as_published(hit["value"], hit["qualifier"]))
        row["Unit"] = _unit_name(ds, ds.metric_info[m]["unit"])
        if with_theme:
            row["Covers"] = "cumulative to year end (start not stated)" if _cumulative(ds, m) else "not marked cumulative"
        hit = ds.row(m, y)
        row["Report section"] = present.DASH if hit is None else hit["section"]
        rows.append(row)
    return pd.DataFrame(rows)


def figures_table(ds: Dataset) -> present.Table:
    return present.table(_figures_frame(ds, HIGHLIGHTS, with_theme=True), "tbl-hl-figures",
                         f"Highlight figures (亮點數據), {ds.year} and {ds.year - 1}; '–' where the data package has "
                         "no figure for the year. 'Covers' says whether the report marks the figure as cumulative (累計).",
                         present.source(ds, FILE, section="03 專題報告 > 亮點數據"))


def small_business_table(ds: Dataset) -> present.Table:
    return present.table(_figures_frame(ds, SMALL_BUSINESS), "tbl-hl-small-business",
                         f"Small-business support (穩健助小微) figures, {ds.year} and {ds.year - 1}: the credit model "
                         "and the two campaigns of the year.",
                         present.source(ds, FILE, section="03 專題報告 > 穩健助小微，全力“撐腰”成長"))


def community_table(ds: Dataset) -> present.Table:
    """Every community case with its partners and the figures the report gives for it (if any)."""
    rows = [{"Case": f"{c.name_en} ({c.name_zh})",
             "Partners": f"{c.partners_zh} ({c.partners_en})" if c.partners_en else c.partners_zh,
             "What was done": c.what_en, f"Figures given for {ds.year}": _case_figures(ds, c.metrics.split())}
            for c in cases(ds).itertuples()]
    body = pd.DataFrame(rows) if rows else present.empty_note(ds, "community cases")
    return present.table(body, "tbl-hl-community",
                         f"Community cases (公益向善) and the figures the report gives for each, {ds.year}. "
                         "No case states money spent or hours volunteered.",
                         present.source(ds, "community_cases", FILE, section="03 專題報告 > 公益向善"))


def _case_figures(ds: Dataset, metrics: list[str]) -> str:
    """'Views of the disability programme livestreams: 12 million person-times; ...', or why there is none."""
    info = ds.metric_info
    given = [m for m in metrics if _value(ds, m) is not None]
    figures = "; ".join(f"{info[m]['name_en']}: {present.qualified(ds, m, absolute=True, currency=True)} "
                        f"{present.plain_unit(info[m]['unit'])}".strip() for m in given)
    return figures or ("none in the data package" if metrics else "none")


def community_figures_table(ds: Dataset) -> present.Table:
    return present.table(_figures_frame(ds, COMMUNITY), "tbl-hl-community-figures",
                         f"Community figures (公益向善), {ds.year} and {ds.year - 1}.",
                         present.source(ds, FILE, section="03 專題報告 > 公益向善"))


def derived_table(ds: Dataset) -> present.Table:
    y, n = ds.year, numbers(ds)
    rows = [
        ("Loan volume implied by the small-business share (隱含貸款規模)", "CNY 100m (億元)",
         n["hl_implied_loan_volume_cny100m"] if n["hl_implied_loan_volume_cny100m"] == "n/a" else
         f"{n['hl_implied_loan_volume_cny100m']} (range {n['hl_implied_loan_volume_low_cny100m']}–"
         f"{n['hl_implied_loan_volume_high_cny100m']})",
         "small-business loans ÷ their share; the range allows for the share's rounding"),
        ("Average new-energy vehicle loan per owner (新能源車主人均貸款)", "CNY (元)",
         n["hl_nev_loan_per_owner_cny"], "cumulative loans ÷ cumulative owners served"),
        ("Average loan per environmental enterprise (環保企業戶均貸款)", "CNY (元)",
         n["hl_green_loan_per_enterprise_cny"], "cumulative loans ÷ cumulative enterprises served"),
        ("Support per merchant, wholesale and retail plan (生意金戶均支持)", "CNY (元)",
         n["hl_wholesale_support_per_merchant_cny"], "total support ÷ merchants supported"),
    ]
    frame = pd.DataFrame(rows, columns=["Derived figure", "Unit", str(y), "How it is computed"])
    return present.table(frame, "tbl-hl-derived", f"What the highlight figures imply, {y} (our arithmetic, not "
                         "figures the company published).", present.source(ds, FILE))


def _panel_frame(ds: Dataset, metrics: list[str], themed: bool) -> pd.DataFrame:
    """The year's figures for `charts.unit_panels`: named (with their theme) and marked cumulative."""
    frame = charts.figure_rows(ds, metrics)
    # The bar's label says 'cumulative', so the name need not.
    names = frame["metric"].map(lambda m: ds.metric_info[m]["name_en"].replace(" (cumulative)", ""))
    frame["label"] += frame["metric"].map(lambda m: " (cumulative)" if _cumulative(ds, m) else "")
    if themed:
        themes = frame["metric"].map(_theme_of)
        frame["group"] = themes.map(" ".join)
        frame["colour"] = themes.map(lambda t: THEME_COLOURS[t[0]])
        names = frame["group"] + " — " + names
    frame["figure"] = names
    return frame


def figures_chart(ds: Dataset) -> charts.Chart:
    frame = _panel_frame(ds, HIGHLIGHTS, themed=True)
    unit_names = ", ".join(_unit_name(ds, u) for u in dict.fromkeys(frame["unit"]))
    return charts.unit_panels(frame, label="fig-hl-figures", title=f"Highlight figures by unit (亮點數據), {ds.year}",
                              missing=f"No highlight figures in the data package for {ds.year}.",
                              description=f"Bar charts of the {len(frame)} highlight figures of {ds.year}, one panel "
                              f"per unit ({unit_names}); each bar names its theme and is labelled with the figure as "
                              "printed, marked cumulative where it is a running total.")


def community_chart(ds: Dataset) -> charts.Chart:
    frame = _panel_frame(ds, COMMUNITY, themed=False)
    return charts.unit_panels(frame, label="fig-hl-community", title=f"Community figures by unit (公益向善), {ds.year}",
                              missing=f"No community figures in the data package for {ds.year}.",
                              description=f"Bar charts of the {len(frame)} community figures of {ds.year}, one panel "
                              "per unit; each bar is labelled with the figure as printed (with 'more than' where the "
                              "report hedges it).")


def averages_chart(ds: Dataset) -> charts.Chart:
    """The per-customer averages the figures imply, in CNY, on one axis (same unit)."""
    label, title = "fig-hl-averages", f"Average amount per customer implied by the figures, CNY, {ds.year}"
    d, n = derived(ds), numbers(ds)
    items = [("New-energy vehicle loan per owner 新能源車主", "nev_loan_per_owner_cny"),
             ("Loan per environmental enterprise 環保企業", "green_loan_per_enterprise_cny"),
             ("Wholesale and retail plan support per merchant 生意金", "wholesale_support_per_merchant_cny")]
    frame = pd.DataFrame([{"item": name, "cny": round(d[key], 2), "label": n[f"hl_{key}"]}
                          for name, key in items if d[key] is not None])
    if frame.empty:
        return charts.placeholder(label, title, f"No highlight figures in the data package for {ds.year}.")
    base = charts._base(frame, title, "Our arithmetic: amount ÷ customers; cumulative figures over an unstated period")
    base = base.encode(y=alt.Y("item:N", sort=list(frame["item"]), title=None, axis=alt.Axis(labelLimit=380)))
    bars = base.mark_bar(color=charts.PALETTE[0]).encode(x=alt.X("cny:Q", title="CNY per customer (元)"))
    text = base.mark_text(align="left", dx=3, fontSize=10, font=charts.FONT).encode(x="cny:Q", text="label:N")
    chart = charts._configure(alt.layer(bars, text).properties(width=charts.WIDTH - 220, height=alt.Step(22)))
    return charts.Chart(chart, label, title,
                        f"Bar chart of the average amount per customer implied by the {ds.year} highlight figures, "
                        "in CNY, each bar labelled with its value.", frame.drop(columns="label"))
