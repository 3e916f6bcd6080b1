"""Editions compared (a page of every edition after the first): what changed across editions, and what was restated."""

TEMPLATES = {
    "cmp.summary": {
        "several": "This page compares the {n_editions} editions up to this one ({editions}); each of the {kpis} KPIs is recomputed for "
                   "every one of them, and {with_all} of the {kpis} can be computed for every year. {missing} "
                   "figures are given for some years only",
        "one": "The data hold one edition ({editions}), so there is nothing to compare yet: the table lists the "
               "{kpis} KPIs of {latest}",
    },
    "cmp.biggest_move": {
        "up": ("Of the material moves (at least 10% on a base of at least 20 units of the last digit shown), "
               "{name} moved most from {prior_year} to {year}: it rose from {prior} to {cur} ({change})"),
        "down": ("Of the material moves (at least 10% on a base of at least 20 units of the last digit shown), "
                 "{name} moved most from {prior_year} to {year}: it fell from {prior} to {cur} ({change})"),
        "none": ("No amount moved materially from {prior_year} to {year} (by at least 10% on a base of at least 20 "
                 "units of the last digit shown)"),
    },
    "cmp.discrepancies": {
        "none": "No edition has a published figure that its raw data fail to reproduce",
        "some": "Across the editions the reconciliation flags {discrepancies} figures (by edition, {by_edition}); "
                "each edition's appendix explains its own",
    },
    "cmp.restatements": {
        "none": "No later report restates a figure of an earlier one: every figure comes from a single report "
                "(the data hold the reports of {reports})",
        "some": "{restatements} figures are restated by a later report; the first is {name} for {year}, "
                "{value} in the {reported_in} report and {restated_value} in the {restated_in} report. Each "
                "edition keeps the figures of its own report; later editions use the restated ones",
    },
    "cmp.missing_none": {"none": "Every figure is given for every year ({years})"},
    "cmp.discrepancies_none": {"none": "No discrepancies in any edition"},
    "cmp.restatements_none": {"none": "No figure is restated (the data hold the reports of {reports})"},
}
