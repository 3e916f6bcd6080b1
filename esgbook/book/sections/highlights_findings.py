"""Chapter 3, the special report (專題報告): the data it reads and the findings it states.

`esgbook.book.sections.highlights` draws the tables and charts; this module computes the findings that
`esgbook.book.narrative.en.highlights` writes, and the HKEX statuses (B8) derived from them. Cases and campaigns are
facts of a report: an edition without its own report (2022) has none of them.
"""
from __future__ import annotations

import pandas as pd

from esgbook.analysis import findings
from esgbook.book import charts, formatting
from esgbook.book.narrative import Finding, Q, write
from esgbook.book.narrative.bilingual import Bilingual, entry, glossed, join, join_and
from esgbook.inputs.dataset import Dataset
from esgbook.inputs.errors import DataError

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


def _row(ds: Dataset, metric: str, year: int | None = None):
    """The observation row, or None when the year has none (or the data hold the metric for no year at all)."""
    try:
        return ds.row(metric, ds.year if year is None else year)
    except DataError:  # a metric with no rows in any observation file: not disclosed
        return None


def _value(ds: Dataset, metric: str, year: int | None = None) -> float | None:
    row = _row(ds, metric, year)
    return None if row is None else float(row["value"])


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
    # Both figures are printed rounded (1,621 億元 to the unit, 34.1% to one decimal): the true values lie within
    # half a unit of their last digit, and the range of the quotient allows for both.
    lending = v["small_business_lending_cny100m"]
    if share is None or lending is None:
        out["implied_loan_volume_low_cny100m"] = out["implied_loan_volume_high_cny100m"] = None
    else:
        half_share = 0.5 * 10 ** -formatting.decimals_of(share)
        half_lending = 0.5 * 10 ** -formatting.decimals_of(lending)
        out["implied_loan_volume_low_cny100m"] = (lending - half_lending) / ((share + half_share) / 100)
        out["implied_loan_volume_high_cny100m"] = (lending + half_lending) / ((share - half_share) / 100)
    out["nev_loan_per_owner_cny"] = ratio("nev_loans_cny100m", "nev_owners_served_10k", 1e8, 1e4)
    out["green_loan_per_enterprise_cny"] = ratio("green_lending_cny100m", "green_enterprises_served_10k", 1e8, 1e4)
    out["wholesale_support_per_merchant_cny"] = ratio("wholesale_retail_fund_support_cny10k",
                                                      "wholesale_retail_fund_merchants_10k", 1e4, 1e4)
    return out


# How a ratio's bound follows its inputs' hedges: a 'more than' total over an exact count is 'more than' the
# quotient, rounded down so the bound stays true (more than 5,000萬 ÷ 30萬 is more than 166.7: 'more than 166');
# a 'below' or 'nearly' total rounds up; an 'about' on either side, or hedges that pull apart, give 'about'.
FLOOR_HEDGES, CEIL_HEDGES = ("more than", "at least"), ("below", "nearly")


def hedged_ratio(value: float | None, numerator: str, denominator: str, decimals: int = 0) -> Q:
    """A quotient with the hedge its inputs allow, rounded so that a bound stays true."""
    import math  # noqa: PLC0415

    if value is None:
        return Q(None)
    scale = 10 ** decimals
    if not denominator and numerator in FLOOR_HEDGES:
        return Q(math.floor(value * scale) / scale, decimals, "", "more than")
    if not denominator and numerator in CEIL_HEDGES:
        return Q(math.ceil(value * scale) / scale, decimals, "", "below" if numerator == "below" else "nearly")
    if not numerator and not denominator:
        return Q(value, decimals)
    return Q(value, decimals, "", "about")


def per_merchant(ds: Dataset) -> Q:
    """Support per merchant of the wholesale and retail plan, hedged as its inputs are."""
    support, merchants = (_row(ds, m) for m in ("wholesale_retail_fund_support_cny10k",
                                               "wholesale_retail_fund_merchants_10k"))
    if support is None or merchants is None:
        return Q(None)
    return hedged_ratio(derived(ds)["wholesale_support_per_merchant_cny"], support["qualifier"] or "",
                        merchants["qualifier"] or "")


def three_digits(value: float) -> Q:
    """An average of inputs printed to three or four significant digits, to three (148,343 -> 148,000)."""
    return Q(round(value, formatting.significant(value, 3, least=-9)))


def cases(ds: Dataset) -> pd.DataFrame:
    """The community cases of the edition year (data/community_cases.csv), in the report's order; none for an
    edition without its own report (cases are facts of a report)."""
    frame = ds.table("community_cases")
    return frame[frame["year"] == ds.year] if ds.own_report else frame.iloc[0:0]


def _q(ds: Dataset, metric: str, year: int | None = None) -> Q:
    """A figure as published: its decimals, unit and hedge (a missing Q when the year has none)."""
    row = _row(ds, metric, year)
    if row is None:
        return Q(None, 0, ds.metric_info[metric]["unit"])
    value = float(row["value"])
    return Q(value, formatting.decimals_of(value), row["unit"], row["qualifier"])


def _bare(q: Q) -> Q:
    """The amount without its unit word, for a sentence that names what is counted ('3.752 million farmers')."""
    unit = ("10k count" if q.unit.startswith("10k ") and not q.unit.startswith("10k person-times") else
            "100m count" if q.unit.startswith("100m ") else "" if q.unit in ("persons", "count", "enterprises") else q.unit)
    return Q(q.value, q.decimals, unit, q.qualifier)


def _printed(q: Q) -> Q:
    """The number as the report prints it, without its 萬/億 unit ('1,621' of '1,621 億元')."""
    return Q(q.value, q.decimals, "", q.qualifier)


def _later_report(ds: Dataset) -> int:
    return int(ds.report["report_year"]) if ds.report else ds.year + 1


def _name_lower(ds: Dataset, metric: str) -> Bilingual:
    """'farmers served' (累計服務農民人數): a metric's name inside a sentence."""
    name = ds.name(metric)
    en = str(name).replace(" (cumulative)", "")
    return Bilingual(en[0].lower() + en[1:], name.zh)


def _both(finding: Finding) -> Bilingual:
    """A finding written in each language, for a phrase that is joined with others before a template takes it."""
    return Bilingual(write(finding, "en"), write(finding, "zh_hant"))


def _named(ds: Dataset, metric: str) -> Bilingual:
    """'farmers served (3.752 million)': a figure named in a list."""
    return _both(Finding("hl.named_figure", "given", {"name": _name_lower(ds, metric), "q": _q(ds, metric)}))


def _partial(ds: Dataset, theme: str, metrics: list[str]) -> Finding:
    """A theme of which the year holds only some figures: list them as published."""
    given = [_named(ds, m) for m in metrics if not _q(ds, m).missing]
    return Finding("hl.theme_partial", "partial", {"theme": theme, "year": ds.year, "figures": join_and(given)})


def figures_finding(ds: Dataset) -> Finding:
    """The headline figures: how many, in how many units, with or without a prior year."""
    y, p = ds.year, ds.year - 1
    present_hl = [m for m in HIGHLIGHTS if not _q(ds, m).missing]
    if not present_hl:
        if not ds.own_report:
            return Finding("hl.figures", "no_own_report", {"year": y, "report_year": _later_report(ds)})
        prior = [m for m in HIGHLIGHTS if not _q(ds, m, p).missing]
        if prior:  # the prior year had them: the new report no longer discloses them
            return Finding("hl.figures", "no_longer", {"year": y, "prior_year": p, "n_prior": len(prior)})
        return Finding("hl.figures", "none", {"year": y})
    units = list(dict.fromkeys(ds.metric_info[m]["unit"] for m in present_hl))
    names = ds.table("units").set_index("id")
    hedged = [m for m in present_hl if _q(ds, m).qualifier]
    facts = {"year": y, "prior_year": p, "count": len(present_hl), "unit_count": len(units),
             "units": join_and([Bilingual(names.loc[u, "name_en"], names.loc[u, "name_zh"]) if u in names.index
                                else u for u in units]),
             "hedged_count": len(hedged),
             "hedged": join_and([_named(ds, m) for m in hedged]) if hedged else ""}
    both = [m for m in present_hl if not _q(ds, m, p).missing]
    if not both:
        return Finding("hl.figures", "only_year", facts)
    trends = [_both(findings.trend("trend", _q(ds, m), _q(ds, m, p), y, name=_name_lower(ds, m))) for m in both]
    return Finding("hl.figures", "with_prior", {**facts, "with_prior": len(both), "trends": join(trends)})


def cumulative_finding(ds: Dataset) -> Finding:
    present_hl = [m for m in HIGHLIGHTS if not _q(ds, m).missing]
    cum = sum(_cumulative(ds, m) for m in present_hl)
    return Finding("hl.cumulative", "some" if cum else "none", {"cumulative": cum, "flow": len(present_hl) - cum})


def _theme_finding(ds: Dataset, topic: str, case: str, theme: str, metrics: list[str], facts) -> Finding | None:
    """The theme's finding when all its figures are there, a partial list when some are, None when none are."""
    have = [not _q(ds, m).missing for m in metrics]
    if all(have):
        return Finding(topic, case, facts())
    return _partial(ds, theme, metrics) if any(have) else None


def theme_findings(ds: Dataset) -> dict[str, Finding | None]:
    """Inclusive, rural and green finance: the figures and what they imply."""
    d = derived(ds)
    q = {m: _q(ds, m) for m in HIGHLIGHTS}

    def inclusive():
        lending, share = q["small_business_lending_cny100m"], q["small_business_loan_share_pct"]
        # A three-digit share carries three significant digits: about 4,750 億元, not 4,754
        x = d["implied_loan_volume_cny100m"]
        implied = Q(round(x, formatting.significant(x, 3, least=-9)), 0, "CNY 100m")
        return {"lending_printed": _printed(lending), "lending": lending, "share": share,
                "implied_printed": _printed(implied), "implied": implied,
                "low": Q(d["implied_loan_volume_low_cny100m"]), "high": Q(d["implied_loan_volume_high_cny100m"])}

    def rural():
        lending, farmers = q["rural_lending_cny100m"], q["farmers_served_10k"]
        mixed = _cumulative(ds, "rural_lending_cny100m") != _cumulative(ds, "farmers_served_10k")
        return {"lending_printed": _printed(lending), "lending": lending, "farmers_printed": _printed(farmers),
                "farmers": _bare(farmers), "mixed": "yes" if mixed else "no"}

    def green():
        per_enterprise, per_owner = d["green_loan_per_enterprise_cny"], d["nev_loan_per_owner_cny"]
        enterprise_case = "credit_line" if per_enterprise < 1e6 else "large"
        owner_case = "car_price" if 3e4 <= per_owner <= 5e5 else "other"
        out = {f"{k}_printed": _printed(q[m]) for k, m in (("green", "green_lending_cny100m"),
                                                            ("enterprises", "green_enterprises_served_10k"),
                                                            ("nev", "nev_loans_cny100m"),
                                                            ("owners", "nev_owners_served_10k"))}
        out.update(green=q["green_lending_cny100m"], enterprises=_bare(q["green_enterprises_served_10k"]),
                   nev=q["nev_loans_cny100m"], owners=_bare(q["nev_owners_served_10k"]),
                   # The counts (21.6萬, 17.5萬) carry three significant digits, so the averages carry no more.
                   per_enterprise=three_digits(per_enterprise), per_owner=three_digits(per_owner),
                   enterprise_reading=write(Finding("hl.enterprise_reading", enterprise_case)),
                   owner_reading=write(Finding("hl.owner_reading", owner_case)))
        return out

    return {
        "inclusive": _theme_finding(ds, "hl.inclusive", "both", glossed(*THEMES[0][:2]), THEMES[0][2], inclusive),
        "rural": _theme_finding(ds, "hl.rural", "both", glossed(*THEMES[1][:2]), THEMES[1][2], rural),
        "green": _theme_finding(ds, "hl.green", "full", glossed(*THEMES[2][:2]), THEMES[2][2], green),
    }


def small_business_finding(ds: Dataset) -> Finding:
    y = ds.year
    if not ds.own_report:
        return Finding("hl.small_business", "no_own_report", {"year": y})
    q = {m: _q(ds, m) for m in SMALL_BUSINESS}
    if all(v.missing for v in q.values()):
        prior = [m for m in SMALL_BUSINESS if not _q(ds, m, y - 1).missing]
        if prior:
            return Finding("hl.small_business", "no_longer", {"year": y, "prior_year": y - 1, "n_prior": len(prior)})
        return Finding("hl.small_business", "none", {"year": y})
    if any(v.missing for v in q.values()):
        given = [_named(ds, m) for m, v in q.items() if not v.missing]
        return Finding("hl.small_business", "partial", {"year": y, "figures": join_and(given)})
    average = per_merchant(ds)
    support = q["wholesale_retail_fund_support_cny10k"]
    return Finding("hl.small_business", "described", {
        "years": _printed(q["credit_experience_years"]),
        "stocking_printed": _printed(q["stocking_festival_small_businesses_10k"]),
        "stocking": _bare(q["stocking_festival_small_businesses_10k"]),
        "provinces": _printed(q["wholesale_retail_fund_provinces"]),
        "merchants_printed": _printed(q["wholesale_retail_fund_merchants_10k"]),
        "merchants": _bare(q["wholesale_retail_fund_merchants_10k"]),
        "support_printed": _printed(support), "support": support,
        # An average of a hedged total carries the total's hedge, rounded so that the bound holds.
        "per_merchant": average, "small": "yes" if average.value < 1e4 else "no"})


def _case_figure(ds: Dataset, metric: str) -> Bilingual:
    q = _q(ds, metric)
    q = _bare(q) if q.unit in ("persons", "count") else q
    try:
        return _both(Finding("hl.case_figure", metric, {"q": q}))
    except KeyError:  # a metric without its own phrase
        return _both(Finding("hl.case_figure", "generic", {"q": q, "name_lower": _name_lower(ds, metric)}))


def community_findings(ds: Dataset) -> list[Finding]:
    """The community cases, the figures each gives, the community honours and what B8.2 asks."""
    y, community = ds.year, cases(ds)
    if not ds.own_report:
        return [Finding("hl.community", "no_own_report", {"year": y, "report_year": _later_report(ds)})]
    if community.empty:
        return [Finding("hl.community", "none", {"year": y})]
    figured = [(c, [m for m in c.metrics.split() if not _q(ds, m).missing]) for c in community.itertuples()]
    out = [Finding("hl.community", "cases", {
        "count": len(community), "unquantified": sum(1 for _, ms in figured if not ms),
        "names": [findings.name(f"{c.name_en} ({c.name_zh})", c.name_zh) for c in community.itertuples()]})]
    for c, metrics in figured:
        if metrics:
            out.append(Finding("hl.case_figures", "given", {
                "case": glossed(c.name_en, c.name_zh),
                "figures": join_and([_case_figure(ds, m) for m in metrics])}))
    hon = ds.table("honours")
    hon = hon[(hon["year"] == y) & (hon["theme"] == "community")]
    if len(hon):
        out.append(Finding("hl.community_honours", "one" if len(hon) == 1 else "several", {
            "honours": [findings.name(f"the {h.award_en[0].lower() + h.award_en[1:]}"
                                      + (f" from the {h.awarded_by_en}" if h.awarded_by_en else ""), h.award_zh)
                        for h in hon.itertuples()]}))
    units = [ds.metric_info[m]["unit"] for _, ms in figured for m in ms]
    resources = [m for _, ms in figured for m in ms if ds.metric_info[m]["unit"].startswith(("CNY", "hours"))]
    case = ("resources" if resources else "no_figures" if not units else
            "reach_only" if any("person-times" in u for u in units) else "no_resources")
    out.append(Finding("hl.community_resources", case, {
        "resources": join_and([_case_figure(ds, m) for m in resources]), "figures": len(units),
        "reach": sum("person-times" in u for u in units)}))
    return out


def hkex_status(ds: Dataset) -> dict[str, tuple[str, str]]:
    """B8, B8.1 and B8.2 (community investment), from the same findings the chapter states."""
    found = {f.topic: f for f in community_findings(ds)}
    main = found["hl.community"]
    if main.case == "no_own_report":
        reason = entry("No report of {year} in the data: the edition's figures are the {year2} report's comparative "
                       "column, which describes no community work of that year.", year=ds.year, year2=_later_report(ds))
        return {code: ("not disclosed", reason) for code in ("B8", "B8.1", "B8.2")}
    if main.case == "none":
        reason = entry("The data hold no community cases for {year}.", year=ds.year)
        return {code: ("not disclosed", reason) for code in ("B8", "B8.1", "B8.2")}
    count = main.facts["count"]
    resources = found["hl.community_resources"].case
    b82 = {"resources": ("disclosed", "The report states the money or time contributed."),
           "reach_only": ("partly", "Case figures (reach, devices, volunteers) are given but no money donated or "
                                    "hours volunteered."),
           "no_resources": ("partly", "Case figures are given but no money donated or hours volunteered."),
           "no_figures": ("not disclosed", "No case gives a figure.")}[resources]
    names = join_and([glossed(c.name_en, c.name_zh) for c in cases(ds).itertuples()])
    return {"B8": ("disclosed", entry("The report describes its community programmes ({n} cases).", n=count)),
            "B8.1": ("disclosed", entry("The focus areas are those of the {n} cases: {text}.", n=count, text=names)),
            "B8.2": b82}
