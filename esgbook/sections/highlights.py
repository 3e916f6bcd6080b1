"""Chapter 3, highlights (專題報告): inclusive, rural and green finance figures; small-business and
community cases.

The highlight figures come in mixed units (億元, 萬人, 萬家, %), so they are charted in one small
panel per unit, never on a shared axis. Some are flows of the year and some cumulative totals
whose start date the report does not give; the metric names say which ("(cumulative)").
"""
from __future__ import annotations

import math

import altair as alt
import pandas as pd

from .. import charts, present
from ..data import Dataset
from .overview import note_chart

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
# The community cases of 公益向善 (the report's text; the figures are in data/highlights.csv).
CASES = [
    ("Rural support plan", "鄉村助力計畫", "鄉村筆記 (Xiangcun Biji)",
     "Free promotion of farm products from Anhui and Yunnan counties in livestreams", []),
    ("Glimmer disability support plan", "微光·助殘計畫", "錦昌公益服務中心; 上海市殘疾人就業服務中心",
     "Livestreams, donations and employee experience days for people with disabilities",
     ["disability_programme_attention_10k", "disability_livestream_views_10k", "disability_devices_donated"]),
    ("Gratitude to the new era, empathy for Sanfu", "感恩新時代，共情三福地", "福清市金融局; 福清市民政局; 福清市社會福利中心",
     "Volunteer sessions for disabled children of the Fuqing welfare centre; a cochlear implant paid for",
     ["welfare_centre_volunteers"]),
    ("Sunshine Stars support for disadvantaged children", "陽光星辰·弱勢兒童助力計畫", "鋪路石 youth charity",
     "Employees teach digital literacy and programming to migrant children in Shanghai", []),
]
# What one unit of each unit id is in plain numbers (for the English figures and the averages).
SCALE = {"CNY 100m": 1e8, "CNY 10k": 1e4, "10k persons": 1e4, "10k enterprises": 1e4, "10k count": 1e4,
         "10k person-times": 1e4}
THEME_COLOURS = {"Inclusive finance": charts.PALETTE[0], "Rural revitalisation": charts.PALETTE[2],
                 "Green finance": charts.PALETTE[1]}


def _row(ds: Dataset, metric: str, year: int):
    rows = ds.rows(metric, year)
    rows = rows[rows["dimension"] == "total"]
    return None if rows.empty else rows.iloc[0]


def _decimals(value: float) -> int:
    """The decimals a figure was published with (1621 -> 0, 221.4 -> 1)."""
    return 0 if value == int(value) else len(f"{value:g}".split(".")[-1])


def figure(ds: Dataset, metric: str, year: int | None = None) -> str:
    """A published figure as printed, with its hedge ('more than 5,000'); 'n/a' when absent."""
    row = _row(ds, metric, ds.year if year is None else year)
    if row is None:
        return "n/a"
    q = f"{row['qualifier']} " if row["qualifier"] else ""
    return q + present.num(row["value"], _decimals(float(row["value"])))


def plain(ds: Dataset, metric: str, year: int | None = None) -> str:
    """The figure in plain English magnitudes: 1,621 億元 -> 'CNY 162.1 billion'."""
    row = _row(ds, metric, ds.year if year is None else year)
    if row is None:
        return "n/a"
    unit = row["unit"]
    if unit not in SCALE:
        return figure(ds, metric, year)
    exact = float(row["value"]) * SCALE[unit]
    size, word = next(((s, w) for s, w in ((1e9, " billion"), (1e6, " million"), (1, "")) if exact >= s), (1, ""))
    scaled = exact / size
    decimals = next(d for d in range(0, 7) if math.isclose(round(scaled, d), scaled, rel_tol=1e-12))
    text = present.num(scaled, decimals) + word
    text = f"CNY {text}" if unit.startswith("CNY") else text
    return (f"{row['qualifier']} " if row["qualifier"] else "") + text


def _plain_unit(unit: str) -> str:
    """What `plain` counts: '10k person-times' -> 'person-times'; a bare count has no word."""
    word = unit.removeprefix("10k ")
    return "" if word in ("count", "%") else word


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


def _rows_in(ds: Dataset, year: int) -> int:
    frame = ds.table(FILE)
    return int((frame["year"] == year).sum())


def numbers(ds: Dataset) -> dict[str, str]:
    """Every figure the chapter's prose quotes, formatted."""
    y, p = ds.year, ds.year - 1
    out: dict[str, str] = {"hl_year": str(y), "hl_prior_year": str(p)}
    for m in HIGHLIGHTS + SMALL_BUSINESS + COMMUNITY:
        out[f"hl_{m}"] = figure(ds, m)
        out[f"hl_{m}_plain"] = plain(ds, m)
    share = _value(ds, "small_business_loan_share_pct")
    out["hl_small_business_loan_share"] = present.pct(share, _decimals(share) if share is not None else 1)
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
    q = _row(ds, "wholesale_retail_fund_support_cny10k", y)
    hedge = f"{q['qualifier']} " if q is not None and q["qualifier"] and d["wholesale_support_per_merchant_cny"] else ""
    out["hl_wholesale_support_per_merchant_cny"] = hedge + present.num(d["wholesale_support_per_merchant_cny"], 0)

    out["hl_case_count"] = str(len(CASES))
    out["hl_unquantified_case_count"] = str(sum(1 for c in CASES if not c[4]))
    out["hl_community_figure_count"] = str(sum(_value(ds, m) is not None for m in COMMUNITY))
    return out


def _figures_frame(ds: Dataset, metrics: list[str], with_theme: bool = False) -> pd.DataFrame:
    """Both years of each listed figure, as published ('–' where the year has none)."""
    info, units = ds.metric_info, ds.table("units").set_index("id")
    y, p = ds.year, ds.year - 1
    rows = []
    for m in metrics:
        row = {}
        if with_theme:
            row["Theme"] = "{} ({})".format(*_theme_of(m))
        row["Figure"] = f"{info[m]['name_en']} ({info[m]['name_zh']})"
        for year in (y, p):
            text = figure(ds, m, year)
            row[str(year)] = present.DASH if text == "n/a" else text
        unit = info[m]["unit"]
        row["Unit"] = f"{units.loc[unit, 'name_en']} ({units.loc[unit, 'name_zh']})" if unit in units.index else unit
        if with_theme:
            row["Covers"] = "cumulative to year end (start not stated)" if _cumulative(ds, m) else "not marked cumulative"
        hit = _row(ds, m, y)
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
    info = ds.metric_info
    rows = []
    for en, zh, partners, what, metrics in CASES:
        given = [m for m in metrics if _value(ds, m) is not None]
        figures = "; ".join(f"{info[m]['name_en']}: {plain(ds, m)} {_plain_unit(info[m]['unit'])}".strip()
                            for m in given)
        rows.append({"Case": f"{en} ({zh})", "Partners": partners, "What was done": what,
                     f"Figures given for {ds.year}": figures or ("none in the data package" if metrics else "none")})
    return present.table(pd.DataFrame(rows), "tbl-hl-community",
                         f"Community cases (公益向善) and the figures the report gives for each, {ds.year}. "
                         "No case states money spent or hours volunteered.",
                         present.source(ds, FILE, section="03 專題報告 > 公益向善"))


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


def _unit_panels(frame: pd.DataFrame, *, label: str, title: str, description: str) -> charts.Chart:
    """One small bar panel per unit (stacked vertically), each with its own axis titled with the unit,
    bars labelled with the figure as printed. frame: item, value, unit_label, label, colour_key."""
    panels = []
    # A single group needs no legend; with several, the group is also written in each bar's name.
    legend = alt.Legend(orient="bottom") if frame["group"].nunique() > 1 else None
    for unit_label, part in frame.groupby("unit_label", sort=False):
        # Item names read "theme — figure": split over two lines to keep the panels narrow.
        base = alt.Chart(part).encode(y=alt.Y("item:N", sort=list(part["item"]), title=None, axis=alt.Axis(
            labelLimit=320, labelExpr="split(datum.label, ' — ')", labelLineHeight=12)))
        bars = base.mark_bar().encode(
            x=alt.X("value:Q", title=unit_label, scale=alt.Scale(domainMin=0)),
            color=alt.Color("group:N", title="Theme", legend=legend, scale=alt.Scale(
                domain=list(dict.fromkeys(frame["group"])), range=list(dict.fromkeys(frame["colour"])))),
            tooltip=["item:N", "label:N", "unit_label:N"])
        text = base.mark_text(align="left", dx=3, fontSize=10, font=charts.FONT).encode(x="value:Q", text="label:N")
        panels.append(alt.layer(bars, text).properties(width=charts.WIDTH - 220, height=alt.Step(28)))
    chart = alt.vconcat(*panels, spacing=18, title=alt.TitleParams(
        title, anchor="start", font=charts.FONT, subtitleFont=charts.FONT,
        subtitle="One panel per unit: the figures are not on a common scale"))
    return charts.Chart(charts._configure(chart), label, title, description,
                        frame.drop(columns=["colour"]))


def _panel_frame(ds: Dataset, metrics: list[str], group_of) -> pd.DataFrame:
    info, units = ds.metric_info, ds.table("units").set_index("id")
    rows = []
    for m in metrics:
        row = _row(ds, m, ds.year)
        if row is None:
            continue
        unit = info[m]["unit"]
        name = info[m]["name_en"].replace(" (cumulative)", "")  # the bar label says it
        group = group_of(m)
        rows.append({"item": f"{group[0]} {group[1]} — {name}" if group else name, "metric": m,
                     "value": float(row["value"]), "unit": unit,
                     "unit_label": f"{units.loc[unit, 'name_en']} ({units.loc[unit, 'name_zh']})",
                     "label": figure(ds, m) + (" (cumulative)" if _cumulative(ds, m) else ""),
                     "group": f"{group[0]} {group[1]}" if group else "Community 公益向善",
                     "colour": THEME_COLOURS[group[0]] if group else charts.PALETTE[3]})
    return pd.DataFrame(rows)


def figures_chart(ds: Dataset) -> charts.Chart:
    label, title = "fig-hl-figures", f"Highlight figures by unit (亮點數據), {ds.year}"
    frame = _panel_frame(ds, HIGHLIGHTS, _theme_of)
    if frame.empty:
        return note_chart(label, title, f"No highlight figures in the data package for {ds.year}.",
                          f"Placeholder: the data package holds no highlight figures for {ds.year}.")
    return _unit_panels(frame, label=label, title=title,
                        description=f"Bar charts of the {len(frame)} highlight figures of {ds.year}, one panel per "
                        f"unit ({', '.join(dict.fromkeys(frame['unit_label']))}); each bar names its theme and is "
                        "labelled with the figure as printed, marked cumulative where it is a running total.")


def community_chart(ds: Dataset) -> charts.Chart:
    label, title = "fig-hl-community", f"Community figures by unit (公益向善), {ds.year}"
    frame = _panel_frame(ds, COMMUNITY, lambda m: None)
    if frame.empty:
        return note_chart(label, title, f"No community figures in the data package for {ds.year}.",
                          f"Placeholder: the data package holds no community figures for {ds.year}.")
    return _unit_panels(frame, label=label, title=title,
                        description=f"Bar charts of the {len(frame)} community figures of {ds.year}, one panel per "
                        "unit; each bar is labelled with the figure as printed (with 'more than' where the report "
                        "hedges it).")


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
        return note_chart(label, title, f"No highlight figures in the data package for {ds.year}.",
                          f"Placeholder: the data package holds no highlight figures for {ds.year}.")
    base = charts._base(frame, title, "Our arithmetic: amount ÷ customers; cumulative figures over an unstated period")
    base = base.encode(y=alt.Y("item:N", sort=list(frame["item"]), title=None, axis=alt.Axis(labelLimit=380)))
    bars = base.mark_bar(color=charts.PALETTE[0]).encode(x=alt.X("cny:Q", title="CNY per customer (元)"))
    text = base.mark_text(align="left", dx=3, fontSize=10, font=charts.FONT).encode(x="cny:Q", text="label:N")
    chart = charts._configure(alt.layer(bars, text).properties(width=charts.WIDTH - 220, height=alt.Step(22)))
    return charts.Chart(chart, label, title,
                        f"Bar chart of the average amount per customer implied by the {ds.year} highlight figures, "
                        "in CNY, each bar labelled with its value.", frame.drop(columns="label"))
