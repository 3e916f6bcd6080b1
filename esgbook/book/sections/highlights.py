"""Chapter 3, the special report (專題報告): inclusive, rural and green finance figures; small-business and
community cases.

The highlight figures come in mixed units (億元, 萬人, 萬家, %), so they are charted in one small
panel per unit, never on a shared axis. Some are flows of the year and some cumulative totals
whose start date the report does not give; the metric names say which ("(cumulative)").
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from esgbook.book import charts, formatting, present
from esgbook.book.narrative import Finding, Md, absent, paragraph, write
from esgbook.book.narrative.bilingual import Bilingual, concat, entry, glossed, hedge, join, same, spaced, span
from esgbook.book.narrative.zh_hant import quantity as zh_quantity

# The data, findings and glued values live in highlights_findings (split to keep modules short).
from esgbook.book.sections.highlights_findings import (  # noqa: F401
    COMMUNITY,
    FILE,
    HIGHLIGHTS,
    SMALL_BUSINESS,
    THEME_COLOURS,
    THEMES,
    _cumulative,
    _later_report,
    _q,
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
    per_merchant,
    small_business_finding,
    theme_findings,
    three_digits,
)
from esgbook.inputs.dataset import Dataset

PREFIX = "hl"  # of every glue key, table and figure label (tests/test_section_contract.py)
# The community table's short Chinese names of the case figures (the metrics' own names, such as
# “微光·助殘計畫”引導關注人次, repeat the unit the figure is given in).
CASE_FIGURE_ZH = {"disability_programme_attention_10k": "助殘項目吸引關注",
                  "disability_livestream_views_10k": "助殘項目直播觀看",
                  "disability_devices_donated": "捐贈電子設備及手機",
                  "welfare_centre_volunteers": "福清福利院項目志願者"}


def _unit_name(ds: Dataset, unit: str) -> str:
    """'CNY 100 million (億元)' (億元 in Chinese); the id itself for a unit the units table lacks."""
    name = ds.unit_name(unit)
    return glossed(name, name.zh) if name != name.zh else unit


def _hedged(text: str, qualifier: str) -> str:
    """A number with the report's hedge: 'more than 5,000' / 超過5,000."""
    return entry("{hedge} {n}", hedge=hedge(qualifier), n=text) if qualifier else text


def _figures_frame(ds: Dataset, metrics: list[str], with_theme: bool = False) -> pd.DataFrame:
    """Both years of each listed figure, as published ('–' where the year has none)."""
    y, p = ds.year, ds.year - 1
    rows = []
    for m in metrics:
        row = {}
        if with_theme:
            row["Theme"] = glossed(*_theme_of(m))
        row["Figure"] = present.metric_name(ds, m)
        for year in (y, p):
            hit = _row(ds, m, year)
            row[str(year)] = (formatting.DASH if hit is None else
                              present.published_cell(hit["value"], hit["qualifier"], ds.metric_info[m]["unit"]))
        row["Unit"] = present.unit_cell(ds, ds.metric_info[m]["unit"])
        if with_theme:
            row["Covers"] = "cumulative to year end (start not stated)" if _cumulative(ds, m) else "not marked cumulative"
        hit = _row(ds, m, y)
        row["Report section"] = formatting.DASH if hit is None else hit["section"]
        rows.append(row)
    frame = pd.DataFrame(rows)
    if (frame[str(y)] == formatting.DASH).all():
        return frame.iloc[0:0]  # the year has none of the figures: the table says so in one row
    if (frame[str(p)] == formatting.DASH).all():
        frame = frame.drop(columns=str(p))  # a prior-year column with nothing in it goes
    return frame


def _figures_table(ds: Dataset, metrics: list[str], label: str, caption: str, section: str,
                   with_theme: bool = False, **slots) -> present.Table:
    """`caption`: a catalogue entry whose {span} is the years shown (and its other `slots`)."""
    frame = _figures_frame(ds, metrics, with_theme)
    years = span(ds.year, ds.year - 1, "and") if str(ds.year - 1) in frame else span(ds.year)
    caption = entry(caption, span=years, **slots)
    if with_theme:  # the 'Covers' column
        caption = concat(caption, entry("'Covers' says whether the report marks the figure as cumulative (累計)."),
                         sep=" ", zh_sep="")
    # A year with none of the figures has no rows: nothing shows, the section's paragraph says so once.
    return present.table(frame, label, caption, present.source(ds, FILE, section=section))


def figures_table(ds: Dataset) -> present.Table:
    return _figures_table(ds, HIGHLIGHTS, "tbl-hl-figures", "Highlight figures (亮點數據), {span}; '–' where the "
                          "data hold no figure for the year.", "03 專題報告 > 亮點數據", with_theme=True)


def small_business_table(ds: Dataset) -> present.Table:
    return _figures_table(ds, SMALL_BUSINESS, "tbl-hl-small-business", "Small-business support (穩健助小微) "
                          "figures, {span}.", "03 專題報告 > 穩健助小微，全力“撐腰”成長")


def community_table(ds: Dataset) -> present.Table:
    """Every community case with its partners and the figures the report gives for it (if any)."""
    figures = entry("Figures given for {year}", year=ds.year)
    rows = [{"Case": glossed(c.name_en, c.name_zh),
             "Partners": Bilingual(f"{c.partners_zh} ({c.partners_en})", c.partners_zh) if c.partners_en
             else c.partners_zh,
             "What was done": Bilingual(c.what_en, c.what_zh or c.what_en),  # English where the data have no Chinese
             figures: _case_figures(ds, c.metrics.split())}
            for c in cases(ds).itertuples()]
    body = pd.DataFrame(rows)  # no case of the year: no rows, nothing shows (the paragraph above says why)
    return present.table(body, "tbl-hl-community",
                         entry("Community cases (公益向善) and the figures the report gives for each, {year}.",
                               year=ds.year),
                         present.source(ds, "community_cases", FILE, section="03 專題報告 > 公益向善"))


def _case_figures(ds: Dataset, metrics: list[str]) -> str:
    """'Views of the disability programme livestreams: 12 million person-times; ...' (助殘項目直播觀看：1,200萬人次,
    the figure as the Chinese prose writes it), or why there is none."""
    info = ds.metric_info
    figures = [Bilingual(f"{info[m]['name_en']}: {present.qualified(ds, m, absolute=True, currency=True)} "
                         f"{formatting.plain_unit(info[m]['unit'])}".strip(),
                         f"{CASE_FIGURE_ZH.get(m, info[m]['name_zh'])}：{zh_quantity(_q(ds, m))}")
               for m in metrics if _value(ds, m) is not None]
    return join(figures) if figures else ("none in the data" if metrics else "none")


def community_figures_table(ds: Dataset) -> present.Table:
    return _figures_table(ds, COMMUNITY, "tbl-hl-community-figures", "{text}, {span}.", "03 專題報告 > 公益向善",
                          text=glossed("Community figures", "公益向善"))


def _about(value: float | None) -> str:
    """An average to the three significant digits its inputs carry, as the prose gives it ('about 148,000')."""
    return formatting.DASH if value is None else _hedged(formatting.num(three_digits(value).value, 0), "about")


def _per_merchant_cell(ds: Dataset) -> str:
    """The hedged average as the prose gives it ('more than 166')."""
    q = per_merchant(ds)
    return formatting.DASH if q.missing else _hedged(formatting.num(q.value, q.decimals), q.qualifier)


def _in_full(cny100m: float) -> Bilingual:
    """An amount in 億元 as the tables of each language write it: in full in English ('475 billion'), in 億 in
    Chinese (4,750)."""
    whole = round(cny100m)  # whole 億 (one decimal of a billion), as the Chinese prints it
    return Bilingual(formatting.large(whole * formatting.SCALES["CNY 100m"], 1), formatting.num(whole, 0))


def derived_table(ds: Dataset) -> present.Table:
    y, d = ds.year, derived(ds)
    implied = d["implied_loan_volume_cny100m"]
    cny = glossed("CNY", "元")
    rows = [
        (glossed("Loan volume implied by the small-business share", "隱含貸款規模"), present.unit_cell(ds, "CNY 100m"),
         formatting.DASH if implied is None else entry(
             "about {n} (range {n2}–{n3})", n=_in_full(round(implied, -1)),
             n2=_in_full(d["implied_loan_volume_low_cny100m"]), n3=_in_full(d["implied_loan_volume_high_cny100m"])),
         "small-business loans ÷ their share; the range allows for the rounding of both figures"),
        (glossed("Average new-energy vehicle loan per owner", "新能源車主人均貸款"), cny,
         _about(d["nev_loan_per_owner_cny"]), "cumulative loans ÷ cumulative owners served"),
        (glossed("Average loan per environmental enterprise", "環保企業戶均貸款"), cny,
         _about(d["green_loan_per_enterprise_cny"]), "cumulative loans ÷ cumulative enterprises served"),
        (glossed("Support per merchant, wholesale and retail plan", "生意金戶均支持"), cny,
         _per_merchant_cell(ds), "total support ÷ merchants supported; a 'more than' total gives a floor, "
         "rounded down"),
    ]
    frame = pd.DataFrame(rows, columns=["Derived figure", "Unit", str(y), "How it is computed"])
    frame = frame[frame[str(y)] != formatting.DASH]  # none of the inputs: no rows, nothing shows
    return present.table(frame, "tbl-hl-derived", entry("What the highlight figures imply, {year} (our arithmetic, "
                                                        "not figures the company published).", year=y),
                         present.source(ds, FILE))


def _panel_frame(ds: Dataset, metrics: list[str], themed: bool) -> pd.DataFrame:
    """The year's figures for `charts.unit_panels`: named (with their theme) and marked cumulative."""
    frame = charts.figure_rows(ds, [m for m in metrics if _row(ds, m) is not None])
    # A hedged figure ('more than 100') is not drawn as a full bar; the prose names it.
    frame = frame[frame["qualifier"].fillna("") == ""].copy()
    frame["dimension"] = frame["dimension"].map(same)  # an id ('total'), not text
    # Units by name in the CSV ('10 thousand enterprises (萬家)'), never by their ids.
    frame["unit_name"] = [entry("Unit: {text}", text=_unit_name(ds, u)) for u in frame["unit"]]
    # The bar's label says 'cumulative', so the name need not (the Chinese name has it at its start: 累計).
    names = [Bilingual(str(n).replace(" (cumulative)", ""), n.zh) for n in map(ds.name, frame["metric"])]
    frame["label"] = [entry("{n} (cumulative)", n=label) if _cumulative(ds, m) else label
                      for m, label in zip(frame["metric"], frame["label"])]
    if themed:
        themes = [_theme_of(m) for m in frame["metric"]]
        frame["group"] = [spaced(*t) for t in themes]
        frame["colour"] = [THEME_COLOURS[t[0]] for t in themes]
        names = [concat(g, n, sep=" — ", zh_sep="——") for g, n in zip(frame["group"], names)]
    frame["figure"] = names
    return frame


def figures_chart(ds: Dataset) -> charts.Chart:
    frame = _panel_frame(ds, HIGHLIGHTS, themed=True)
    unit_names = join([charts.panel_unit(ds, u) for u in dict.fromkeys(frame["unit"])], ", ", "、")  # as drawn
    title = entry("{text}, {span}", text=glossed("Highlight figures by unit", "亮點數據"), span=span(ds.year))
    return charts.unit_panels(frame, label="fig-hl-figures", title=title, missing=_no_figures(ds),
                              description=entry("Bar charts of the {n} highlight figures of {year}, one panel per "
                                                "unit ({text}); each bar names its theme and is labelled with the "
                                                "figure as printed, marked cumulative where it is a running total.",
                                                n=len(frame), year=ds.year, text=unit_names))


def averages_chart(ds: Dataset) -> charts.Chart:
    """The per-customer averages the figures imply, in CNY, on one axis (same unit)."""
    label = "fig-hl-averages"
    title = entry("Average amount per customer implied by the figures, CNY, {year}", year=ds.year)
    d = derived(ds)
    merchant = per_merchant(ds)
    items = [(spaced("New-energy vehicle loan per owner", "新能源車主"), "nev_loan_per_owner_cny", ""),
             (spaced("Loan per environmental enterprise", "環保企業"), "green_loan_per_enterprise_cny", ""),
             (spaced("Wholesale and retail plan support per merchant", "生意金"), "wholesale_support_per_merchant_cny",
              merchant.qualifier)]
    # A hedged average ('more than 167') is not drawn: a bar would state it as exact. The subtitle names it (only
    # the support per merchant can be hedged: its inputs carry the report's hedges).
    frame = pd.DataFrame([{"item": name, "cny": three_digits(d[key]).value, "label": _about(d[key])}
                          for name, key, qualifier in items if d[key] is not None and not qualifier],
                         columns=["item", "cny", "label"])
    hedged = ([entry("wholesale and retail plan support per merchant ({hedge} {n} yuan)",
                     hedge=hedge(merchant.qualifier), n=formatting.num(merchant.value, merchant.decimals))]
              if d["wholesale_support_per_merchant_cny"] is not None and merchant.qualifier else [])
    if frame.empty:
        return charts.placeholder(label, title, _no_figures(ds))
    subtitle = "Our arithmetic: amount ÷ customers; cumulative figures over an unstated period"
    if hedged:
        subtitle = [subtitle, entry("Not drawn, as the report hedges it: {text}", text=join(hedged))]
    base = charts.base(frame, title, subtitle)
    base = base.encode(y=alt.Y("item:N", sort=list(frame["item"]), title=None, axis=alt.Axis(labelLimit=380)))
    bars = base.mark_bar(color=charts.PALETTE[0]).encode(x=alt.X("cny:Q", title=glossed("CNY per customer", "元")))
    text = base.mark_text(align="left", dx=3, fontSize=10, font=charts.FONT).encode(x="cny:Q", text="label:N")
    chart = alt.layer(bars, text).properties(width=charts.WIDTH - 220, height=alt.Step(22))
    description = (entry("Bar chart of the average amount per customer implied by the {year} highlight figures, in "
                         "CNY, each bar labelled with its value; not drawn, as the report hedges it: {text}.",
                         year=ds.year, text=join(hedged)) if hedged else
                   entry("Bar chart of the average amount per customer implied by the {year} highlight figures, in "
                         "CNY, each bar labelled with its value.", year=ds.year))
    return charts.Chart(chart, label, title, description, frame.drop(columns="label"))


def drawn(chart: charts.Chart) -> bool:
    """Whether a chart draws figures (a placeholder holds only a note)."""
    return list(chart.data.columns) != ["note"]


def figure_blocks(ds: Dataset) -> dict[str, str]:
    """The `{glue:figure}` blocks (captions in the current language), glued only when the chart draws
    something: a year without the figures shows no placeholder chart."""
    out = {}
    for key, make, label in (("hl_figures_figure", figures_chart, "fig-hl-figures"),
                             ("hl_averages_figure", averages_chart, "fig-hl-averages")):
        out[key] = Md(write(Finding("hl.figure", label))) if drawn(make(ds)) else absent(f"no {label} for {ds.year}")
    return out


def numbers(ds: Dataset) -> dict[str, str]:
    """Every value the chapter glues: the same keys in every edition, every one a str (Md for paragraphs)."""
    fig = figures_finding(ds)
    themes = theme_findings(ds)
    community = community_findings(ds)
    head = [f for f in community if f.topic != "hl.community_resources"]
    tail = [f for f in community if f.topic == "hl.community_resources"]
    out: dict[str, str] = {"hl_year": str(ds.year)}
    # What the report's special-report chapter holds is said only for a year that has its own report.
    intro = ("no_own_report" if not ds.own_report else
             "own_report" if any(not _q(ds, m).missing for m in HIGHLIGHTS + SMALL_BUSINESS) else "no_figures")
    out["hl_intro_text"] = Md(write(Finding("hl.intro", intro, {"year": ds.year, "report_year": _later_report(ds)})))
    out["hl_figures_text"] = paragraph(write(fig), write(cumulative_finding(ds)) if fig.case in ("only_year",
                                                                                                 "with_prior") else "")
    for key, f in themes.items():
        out[f"hl_{key}_text"] = Md(write(f)) if f else absent(f"no {key} figures for the year")
    out["hl_small_business_text"] = Md(write(small_business_finding(ds)))
    # The cases, then one bullet per case that gives figures, then the community honours.
    intro = [write(f) for f in head if f.topic in ("hl.community",)]
    bullets = [f"- {write(f)}" for f in head if f.topic == "hl.case_figures"]
    honours = [write(f) for f in head if f.topic == "hl.community_honours"]
    lead = write(Finding("hl.case_figures_lead", "given")) if bullets else ""
    out["hl_community_text"] = Md("\n\n".join(part for part in (
        paragraph(*intro, lead), "\n".join(bullets), paragraph(*honours) if honours else "") if part) + "\n")
    out["hl_community_resources_text"] = paragraph(*(write(f) for f in tail)) if tail else absent("no cases")
    out.update(figure_blocks(ds))
    return out


def _no_figures(ds: Dataset) -> str:
    if not ds.own_report:
        return entry("No highlight figures for {year}: the {year2} report gives them for {year3} only.", year=ds.year,
                     year2=_later_report(ds), year3=_later_report(ds))
    return entry("The data hold no highlight figures for {year}.", year=ds.year)
