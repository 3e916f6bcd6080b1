"""Chapter 3, the special report (專題報告): inclusive, rural and green finance figures; small-business and
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
from ..narrative import write

# The data, findings and glued values live in highlights_findings (split to keep modules short).
from .highlights_findings import (  # noqa: F401
    COMMUNITY,
    FILE,
    HIGHLIGHTS,
    SMALL_BUSINESS,
    THEME_COLOURS,
    THEMES,
    _cumulative,
    _later_report,
    _row,
    _theme_of,
    _value,
    cases,
    community_findings,
    cumulative_finding,
    derived,
    figures_finding,
    hedged_ratio,
    hkex_status,
    numbers,
    per_merchant,
    small_business_finding,
    theme_findings,
    three_digits,
)

PREFIX = "hl"  # of every glue key, table and figure label (tests/test_section_contract.py)


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
            hit = _row(ds, m, year)
            row[str(year)] = (present.DASH if hit is None else
                              present.as_published(hit["value"], hit["qualifier"]))
        row["Unit"] = _unit_name(ds, ds.metric_info[m]["unit"])
        if with_theme:
            row["Covers"] = "cumulative to year end (start not stated)" if _cumulative(ds, m) else "not marked cumulative"
        hit = _row(ds, m, y)
        row["Report section"] = present.DASH if hit is None else hit["section"]
        rows.append(row)
    frame = pd.DataFrame(rows)
    if (frame[str(y)] == present.DASH).all():
        return frame.iloc[0:0]  # the year has none of the figures: the table says so in one row
    if (frame[str(p)] == present.DASH).all():
        frame = frame.drop(columns=str(p))  # a prior-year column with nothing in it goes
    return frame


def _figures_table(ds: Dataset, metrics: list[str], label: str, caption: str, section: str,
                   with_theme: bool = False, what: str = "highlight figures") -> present.Table:
    frame = _figures_frame(ds, metrics, with_theme)
    years = f"{ds.year} and {ds.year - 1}" if str(ds.year - 1) in frame else str(ds.year)
    # A year with none of the figures has no rows: nothing shows, the section's paragraph says so once.
    return present.table(frame, label, caption.format(years=years), present.source(ds, FILE, section=section))


def figures_table(ds: Dataset) -> present.Table:
    return _figures_table(ds, HIGHLIGHTS, "tbl-hl-figures", "Highlight figures (亮點數據), {years}; '–' where the "
                          "data hold no figure for the year. 'Covers' says whether the report marks the figure as "
                          "cumulative (累計).", "03 專題報告 > 亮點數據", with_theme=True)


def small_business_table(ds: Dataset) -> present.Table:
    return _figures_table(ds, SMALL_BUSINESS, "tbl-hl-small-business", "Small-business support (穩健助小微) "
                          "figures, {years}.",
                          "03 專題報告 > 穩健助小微，全力“撐腰”成長", what="small-business figures")


def community_table(ds: Dataset) -> present.Table:
    """Every community case with its partners and the figures the report gives for it (if any)."""
    rows = [{"Case": f"{c.name_en} ({c.name_zh})",
             "Partners": f"{c.partners_zh} ({c.partners_en})" if c.partners_en else c.partners_zh,
             "What was done": c.what_en, f"Figures given for {ds.year}": _case_figures(ds, c.metrics.split())}
            for c in cases(ds).itertuples()]
    body = pd.DataFrame(rows)  # no case of the year: no rows, nothing shows (the paragraph above says why)
    return present.table(body, "tbl-hl-community",
                         f"Community cases (公益向善) and the figures the report gives for each, {ds.year}.",
                         present.source(ds, "community_cases", FILE, section="03 專題報告 > 公益向善"))


def _case_figures(ds: Dataset, metrics: list[str]) -> str:
    """'Views of the disability programme livestreams: 12 million person-times; ...', or why there is none."""
    info = ds.metric_info
    given = [m for m in metrics if _value(ds, m) is not None]
    figures = "; ".join(f"{info[m]['name_en']}: {present.qualified(ds, m, absolute=True, currency=True)} "
                        f"{present.plain_unit(info[m]['unit'])}".strip() for m in given)
    return figures or ("none in the data" if metrics else "none")


def community_figures_table(ds: Dataset) -> present.Table:
    return _figures_table(ds, COMMUNITY, "tbl-hl-community-figures", "Community figures (公益向善), {years}.",
                          "03 專題報告 > 公益向善", what="community figures")


def _about(value: float | None) -> str:
    """An average to the three significant digits its inputs carry, as the prose gives it ('about 148,000')."""
    return present.DASH if value is None else present.hedged(present.num(three_digits(value).value, 0), "about")


def _per_merchant_cell(ds: Dataset) -> str:
    """The hedged average as the prose gives it ('more than 166')."""
    q = per_merchant(ds)
    return present.DASH if q.missing else present.hedged(present.num(q.value, q.decimals), q.qualifier)


def derived_table(ds: Dataset) -> present.Table:
    y, d = ds.year, derived(ds)
    implied = d["implied_loan_volume_cny100m"]
    rows = [
        ("Loan volume implied by the small-business share (隱含貸款規模)", "CNY 100 million (億元)",
         present.DASH if implied is None else f"about {present.num(round(implied, -1), 0)} (range "
         f"{present.num(d['implied_loan_volume_low_cny100m'], 0)}–{present.num(d['implied_loan_volume_high_cny100m'], 0)})",
         "small-business loans ÷ their share; the range allows for the rounding of both figures"),
        ("Average new-energy vehicle loan per owner (新能源車主人均貸款)", "CNY (元)",
         _about(d["nev_loan_per_owner_cny"]), "cumulative loans ÷ cumulative owners served"),
        ("Average loan per environmental enterprise (環保企業戶均貸款)", "CNY (元)",
         _about(d["green_loan_per_enterprise_cny"]), "cumulative loans ÷ cumulative enterprises served"),
        ("Support per merchant, wholesale and retail plan (生意金戶均支持)", "CNY (元)",
         _per_merchant_cell(ds), "total support ÷ merchants supported; a 'more than' total gives a floor, "
         "rounded down"),
    ]
    frame = pd.DataFrame(rows, columns=["Derived figure", "Unit", str(y), "How it is computed"])
    frame = frame[frame[str(y)] != present.DASH]  # none of the inputs: no rows, nothing shows
    return present.table(frame, "tbl-hl-derived", f"What the highlight figures imply, {y} (our arithmetic, not "
                         "figures the company published).", present.source(ds, FILE))


def _panel_frame(ds: Dataset, metrics: list[str], themed: bool) -> pd.DataFrame:
    """The year's figures for `charts.unit_panels`: named (with their theme) and marked cumulative."""
    frame = charts.figure_rows(ds, [m for m in metrics if _row(ds, m) is not None])
    # A hedged figure ('more than 100') is not drawn as a full bar; the prose names it.
    frame = frame[frame["qualifier"].fillna("") == ""].copy()
    # Units by name ('10 thousand enterprises (萬家)'), never by their ids.
    frame["unit_name"] = frame["unit"].map(lambda u: f"Unit: {_unit_name(ds, u)}")
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
                              missing=_no_figures(ds),
                              description=f"Bar charts of the {len(frame)} highlight figures of {ds.year}, one panel "
                              f"per unit ({unit_names}); each bar names its theme and is labelled with the figure as "
                              "printed, marked cumulative where it is a running total.")


def averages_chart(ds: Dataset) -> charts.Chart:
    """The per-customer averages the figures imply, in CNY, on one axis (same unit)."""
    label, title = "fig-hl-averages", f"Average amount per customer implied by the figures, CNY, {ds.year}"
    d = derived(ds)
    items = [("New-energy vehicle loan per owner 新能源車主", "nev_loan_per_owner_cny", ""),
             ("Loan per environmental enterprise 環保企業", "green_loan_per_enterprise_cny", ""),
             ("Wholesale and retail plan support per merchant 生意金", "wholesale_support_per_merchant_cny",
              per_merchant(ds).qualifier)]
    # A hedged average ('more than 167') is not drawn: a bar would state it as exact. The subtitle names it.
    frame = pd.DataFrame([{"item": name, "cny": three_digits(d[key]).value, "label": _about(d[key])}
                          for name, key, hedge in items if d[key] is not None and not hedge],
                         columns=["item", "cny", "label"])
    hedged = [f"{name.rsplit(' ', 1)[0].lower()} ({_per_merchant_cell(ds)} yuan)" for name, key, hedge in items
              if d[key] is not None and hedge]
    if frame.empty:
        return charts.placeholder(label, title, _no_figures(ds))
    subtitle = "Our arithmetic: amount ÷ customers; cumulative figures over an unstated period"
    if hedged:
        subtitle = [subtitle, "Not drawn, as the report hedges it: " + "; ".join(hedged)]
    base = charts.base(frame, title, subtitle)
    base = base.encode(y=alt.Y("item:N", sort=list(frame["item"]), title=None, axis=alt.Axis(labelLimit=380)))
    bars = base.mark_bar(color=charts.PALETTE[0]).encode(x=alt.X("cny:Q", title="CNY per customer (元)"))
    text = base.mark_text(align="left", dx=3, fontSize=10, font=charts.FONT).encode(x="cny:Q", text="label:N")
    chart = charts.configure(alt.layer(bars, text).properties(width=charts.WIDTH - 220, height=alt.Step(22)))
    return charts.Chart(chart, label, title,
                        f"Bar chart of the average amount per customer implied by the {ds.year} highlight figures, "
                        "in CNY, each bar labelled with its value" + (f"; not drawn, as the report hedges it: {'; '.join(hedged)}"
                                                                      if hedged else "") + ".",
                        frame.drop(columns="label"))


def drawn(chart: charts.Chart) -> bool:
    """Whether a chart draws figures (a placeholder holds only a note)."""
    return list(chart.data.columns) != ["note"]


def figure_blocks(ds: Dataset) -> dict[str, str]:
    """The `{glue:figure}` blocks (captions in the current language), glued only when the chart draws
    something: a year without the figures shows no placeholder chart."""
    from ..narrative import Finding, Md, absent  # noqa: PLC0415

    out = {}
    for key, make, label in (("hl_figures_figure", figures_chart, "fig-hl-figures"),
                             ("hl_averages_figure", averages_chart, "fig-hl-averages")):
        out[key] = Md(write(Finding("hl.figure", label))) if drawn(make(ds)) else absent(f"no {label} for {ds.year}")
    return out


def _no_figures(ds: Dataset, what: str = "highlight figures") -> str:
    if not ds.own_report:
        return f"No {what} for {ds.year}: the {_later_report(ds)} report gives them for {_later_report(ds)} only."
    return f"The data hold no {what} for {ds.year}."
