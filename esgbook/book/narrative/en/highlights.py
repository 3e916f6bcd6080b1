"""English templates of chapter 3, the special report ('hl.*' topics)."""
from __future__ import annotations

from esgbook.book.narrative import figure_block

NUMBER_WORDS = {"1": "one", "2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven",
                "8": "eight", "9": "nine"}


def _word(n: str) -> str:
    return NUMBER_WORDS.get(n, n)


def _units(f: dict) -> str:
    if f["unit_count"] == "1":
        return f"They are all in one unit ({f['units']}); {{numref}}`tbl-hl-figures` lists them."
    return (f"They come in {_word(f['unit_count'])} different units ({f['units']}), so {{numref}}`fig-hl-figures` "
            "draws one small panel per unit instead of forcing them onto one axis; {numref}`tbl-hl-figures` "
            "lists them with their units.")


def _figures(f: dict, head: str) -> str:
    hedged = (f" The report hedges {f['hedged']}; the chart leaves {'it' if f['hedged_count'] == '1' else 'them'} "
              "out, as a bar would overstate a hedged figure." if f["hedged"] else "")
    return f"{head} {_units(f)}{hedged}"


def _cumulative(f: dict) -> str:
    tail = (" Dividing a cumulative total by a figure for the year gives nothing meaningful, and next year's "
            "cumulative figure will not by itself say how much was added in the year.")
    if f["flow"] == "0":
        return f"A caution: all of them are marked cumulative (累計), and the report does not say from when.{tail}"
    return (f"A caution: {_word(f['cumulative'])} of them are marked cumulative (累計) and the report does not say "
            f"from when, while {_word(f['flow'])} are not marked so.{tail}")


def _rural(f: dict) -> str:
    text = (f"**Rural revitalisation (鄉村振興).** Loans to agriculture, rural areas and farmers (三農) came to "
            f"{f['lending_printed']} 億元 ({f['lending']}), and the company counts {f['farmers_printed']} 萬 "
            f"({f['farmers']}) farmers served.")
    if f["mixed"] == "yes":
        text += (" One of the two figures is marked cumulative and the other is not, so no average loan per "
                 "farmer can be derived from them.")
    return text


def _per_merchant(f: dict) -> str:
    if f["small"] != "yes":
        return ""
    return (" An average that small cannot be loan principal; it is most likely the value of the interest-free "
            "coupons and interest-free months the plan used, that is a price discount rather than credit extended. "
            "The report does not say.")


def _community(f: dict) -> str:
    text = (f"The report describes {_word(f['count'])} community case{'' if f['count'] == '1' else 's'} "
            f"({{numref}}`tbl-hl-community`): {f['names']}.")
    if f["unquantified"] == f["count"]:
        text += " None of them gives a figure."
    elif f["unquantified"] != "0":
        one = f["unquantified"] == "1"
        text += f" {_word(f['unquantified']).capitalize()} of them give{'s' if one else ''} no figure at all."
    return text


_NO_RESOURCES = ("; no case states the money donated or the hours volunteered, so the community disclosure is only "
                 "partly met.")


def _reach_only(f: dict) -> str:
    one = f["reach"] == "1"
    which = "The figure" if f["reach"] == f["figures"] == "1" else (
        "One of the figures" if one else f"{_word(f['reach']).capitalize()} of the figures")
    return (f"{which} {'is' if one else 'are'} reach counted in person-times (人次), in which one person watching "
            f"twice counts twice, and {'it says' if one else 'they say'} nothing about outcomes. More importantly "
            "for the HKEX guide, which asks for the resources contributed to the focus areas (KPI B8.2, money or "
            "time)" + _NO_RESOURCES)


TEMPLATES = {
    "hl.figures": {
        "only_year": lambda f: _figures(f, f"The report gives its {f['count']} headline figures (亮點數據) for "
                                           f"{f['year']} only, with no {f['prior_year']} comparative, so none of them "
                                           "can be compared with the prior year."),
        "with_prior": lambda f: _figures(f, f"The data hold {f['count']} headline figures (亮點數據) for {f['year']}, "
                                            f"{f['with_prior']} of them also for {f['prior_year']}: {f['trends']}."),
        "none": "The data hold none of the headline figures (亮點數據) for {year}.",
        "no_longer": "The data for {year} no longer disclose any of the headline figures (亮點數據): {prior_year} had "
                     "{n_prior}.",
        "no_own_report": ("The data hold none of the headline figures (亮點數據) for {year}: the {report_year} "
                          "report, whose comparative column this edition uses, gives them for {report_year} only."),
    },
    "hl.cumulative": {"some": _cumulative, "none": "None of them is marked cumulative (累計)."},
    "hl.inclusive": {
        "both": ("**Inclusive finance (普惠小微).** The company helped lenders extend {lending_printed} 億元 "
                 "({lending}) to small and micro businesses, which made up {share} of the loan volume it "
                 "facilitated (泛小微貸款規模占比). The prefix 泛 (\"broad\") signals a scope wider than the "
                 "regulatory definition of a small or micro enterprise: the report's chapter 5 describes models that "
                 "tag part-time and household businesses as small-business users, and the report does not define "
                 "the scope of this figure. Dividing the two figures gives the total loan volume they imply, about "
                 "{implied_printed} 億元 ({implied}; between {low} and {high} 億元 given the rounding of both figures; "
                 "{{numref}}`tbl-hl-derived`)."),
    },
    "hl.rural": {"both": _rural},
    "hl.green": {
        "full": ("**Green finance (綠色金融).** Cumulatively, the company helped lenders extend {green_printed} 億元 "
                 "({green}) to {enterprises_printed} 萬 ({enterprises}) environmental enterprises, and "
                 "{nev_printed} 億元 ({nev}) to {owners_printed} 萬 ({owners}) owners of new-energy vehicles. The "
                 "averages tell what kind of lending this is ({{numref}}`fig-hl-averages`): about CNY "
                 "{per_enterprise} per environmental enterprise, {enterprise_reading}, and about CNY {per_owner} per "
                 "vehicle owner, {owner_reading}. The report names the sectors it counts as environmental "
                 "(renewable energy, clean technology, waste treatment, energy saving) but no classification "
                 "standard or eligibility test, and it gives no estimate of the emissions avoided or financed."),
    },
    "hl.enterprise_reading": {
        "credit_line": "a small-business credit line rather than project finance",
        "large": "closer to project finance than to a small-business credit line",
    },
    "hl.owner_reading": {
        "car_price": "of the order of a car's price, consistent with the report's description of these as "
                     "car-purchase consumer loans",
        "other": "not of the order of a car's price, although the report describes these as car-purchase loans",
    },
    # A theme of which the year holds only some figures: they are listed, nothing is derived.
    "hl.named_figure": {"given": "{name} ({q})"},
    "hl.theme_partial": {"partial": "**{theme}.** For {year} the data hold only {figures}."},
    "hl.small_business": {
        "described": lambda f: (
            f"The report credits its small-business credit model to {f['years']} years of industry experience and "
            "describes two campaigns of the year ({numref}`tbl-hl-small-business`):\n\n"
            "- **6·18 stocking (科技金融點燃6·18備貨熱潮).** Around the mid-year shopping festival the company "
            "offered interest-free working capital and fee coupons through its lending apps, and counts "
            f"{f['stocking_printed']} 萬 ({f['stocking']}) small businesses given funding support. No amount is "
            "given, so the reach cannot be set against money lent.\n"
            "- **Wholesale and retail fund (“生意金”批零專項支持計畫).** Launched at the end of the year in "
            f"{f['provinces']} core provinces, it supported {f['merchants_printed']} 萬 ({f['merchants']}) merchants "
            f"with {f['support_printed']} 萬元 ({f['support']}) of support: {f['per_merchant']} yuan per merchant "
            "({numref}`tbl-hl-derived`)." + _per_merchant(f) + "\n"),
        "partial": "For {year} the data hold only some of the small-business campaign figures: {figures}.",
        "none": "The {year} report, as the data hold it, gives no small-business campaign figures.",
        "no_longer": "The data for {year} no longer disclose any small-business campaign figure: {prior_year} had "
                     "{n_prior}.",
        "no_own_report": ("The {year} edition has no report of its own, so there are no small-business campaigns of "
                          "{year} to describe."),
    },
    "hl.community": {
        "cases": _community,
        "none": "The {year} report, as the data hold it, describes no community cases.",
        "no_own_report": ("The {year} edition has no report of its own (its figures are the {report_year} report's "
                          "comparative column), so there are no community cases of {year}."),
    },
    "hl.case_figures": {"given": "**{case}**: {figures}."},
    # How one case figure reads in a sentence; a metric without its own phrase takes 'generic'.
    "hl.case_figure": {
        "disability_programme_attention_10k": "{q} of attention",
        "disability_livestream_views_10k": "{q} of livestream views",
        "disability_devices_donated": "{q} electronic devices and phones donated for vocational training",
        "welfare_centre_volunteers": "{q} employee volunteers",
        "generic": "{name_lower} of {q}",
    },
    "hl.community_honours": {
        "one": "One of the honours of the year ({{ref}}`overview-honours`) is for community work: {honours}.",
        "several": "Among the honours of the year ({{ref}}`overview-honours`) those for community work are {honours}.",
    },
    "hl.community_resources": {
        "reach_only": _reach_only,
        "no_resources": "The HKEX guide asks for the resources contributed to the focus areas (KPI B8.2, money or "
                        "time)" + _NO_RESOURCES,
        "resources": "For KPI B8.2 (resources contributed) the report states {resources}.",
        "no_figures": ("No case gives a figure, so the resources contributed that the HKEX guide asks for "
                       "(KPI B8.2) are not disclosed."),
    },
}

TEMPLATES["hl.case_figures_lead"] = {"given": "The cases that give figures:"}  # before the bullets


def _figure(label: str, alt: str, caption: str) -> str:
    return figure_block(label, alt, caption, "Data (CSV)", " ")


TEMPLATES["hl.intro"] = {
    "own_report": "The report's special-report chapter (專題報告) opens with a page of headline figures and a set of "
                  "cases: credit for small businesses, farmers and green borrowers, then community programmes. Every "
                  "lending figure here is money that banks and other institutions lent with the company's help "
                  "(協助金融機構), not lending on the company's own books. This chapter lays the figures out, checks "
                  "what they imply when set against each other, and notes what they leave out.",
    "no_figures": "The data for {year} hold none of the special-report chapter's (專題報告) figures; each section "
                  "below says what it lacks.",
    "no_own_report": "The special-report chapter (專題報告) is a chapter of the {report_year} report about "
                     "{report_year}: its headline figures, campaigns and community cases have no {year} counterpart, so "
                     "each section below is a one-line note.",
}
TEMPLATES["hl.figure"] = {
    "fig-hl-figures": lambda f: _figure(
        "fig-hl-figures", "Bar charts of the highlight figures, one panel per unit, each bar naming its theme and "
        "labelled with its value", "Highlight figures by unit; bars marked \"cumulative\" are running totals from "
        "an unstated start. Source: `data/highlights.csv`, report section 03 專題報告 > 亮點數據."),
    "fig-hl-averages": lambda f: _figure(
        "fig-hl-averages", "Bar chart of the average amount per customer implied by the highlight figures, in CNY",
        "Average amount per customer implied by the highlight and case figures (CNY; our arithmetic; an average the "
        "report's hedges leave inexact is named, not drawn). Source: `data/highlights.csv`, report sections 03 "
        "專題報告 > 亮點數據 and 穩健助小微，全力“撐腰”成長."),
}
