"""English templates of chapter 1, company overview ('ov.*' topics)."""
from __future__ import annotations


def _plural(n: str, one: str, many: str) -> str:
    return f"{n} {one if n == '1' else many}"


def _guide_counts(f: dict) -> str:
    """'33 are disclosed, 14 partly disclosed and 2 not applicable' (zero counts left out)."""
    words = [("disclosed", "disclosed"), ("partly", "partly disclosed"), ("not_disclosed", "not disclosed"),
             ("not_applicable", "not applicable"), ("not_assessed", "not yet assessed")]
    parts = [f"{f[key]} {label}" for key, label in words if f[key] != "0"]
    if parts:
        parts[0] = parts[0].replace(" ", " is " if parts[0].startswith("1 ") else " are ", 1)
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _honours(f: dict) -> str:
    head = (f"The {f['report_year']} report lists {_plural(f['count'], 'honour', 'honours')} received in {f['year']}")
    if f["elsewhere"] == "0":
        where = "all printed in its overview chapter"
    else:
        where = (f"{f['listed']} in its overview chapter and {f['elsewhere']} more mentioned only in a later "
                 f"section ({f['elsewhere_sections']})")
    return f"{head}: {where}; {{numref}}`tbl-ov-honours` shows each with where it was printed."


def _themes(f: dict) -> str:
    lead = "Grouped by theme ({numref}`fig-ov-honours-theme`; the themes are our own grouping of the award titles, " \
           "not the report's), "
    if f["theme_count"] == "1":
        return lead + f"all {f['count']} fall under {f['top']}."
    if f["tied"] == "yes":
        return lead + (f"the honours spread over {f['theme_count']} themes; the largest groups are {f['top']}, "
                       f"with {f['top_count']} honours each ({f['top_share']} of the total each).")
    return lead + (f"the honours spread over {f['theme_count']} themes; the largest is {f['top']}, with "
                   f"{f['top_count']} of the {f['count']} honours ({f['top_share']}).")


TEMPLATES = {
    "ov.profile": {"shown": "{headcount}, and {board}."},
    "ov.board": {
        "disclosed": "the board had {directors} directors at the end of {year}",
        "missing": "the data hold no board composition for {year}",
    },
    "ov.honours": {
        "listed": _honours,
        "none": "The {report_year} report lists no honours received in {year}.",
        "not_entered": "The data hold no honours for {year} yet: `data/honours.csv` has no row for the year.",
        "no_own_report": ("The {year} edition has no report of its own: its figures are the comparative column of "
                          "the {report_year} report, so the data hold no honours for {year}."),
    },
    "ov.honours_themes": {"grouped": _themes},
    "ov.honours_bodies": {
        "some_unnamed": ("Two cautions for a reader: these are largely awards from media outlets and industry "
                         "bodies, not independent ESG ratings, and for {unnamed} of them the report does not name "
                         "the awarding body at all."),
        "all_named": ("One caution for a reader: these are largely awards from media outlets and industry bodies, "
                      "not independent ESG ratings; the report names the awarding body of each."),
    },
    "ov.period": {
        "own": "**Reporting period (報告時間範圍).** The report covers {period}, the company's financial year.",
        "comparative": ("**Reporting period (報告時間範圍).** This edition covers {period}, but the data hold no "
                        "report of {year}: every figure in it is the prior-year comparative column of the "
                        "{report_year} report, which covers {report_period}. The edition therefore has no policies, "
                        "cases or honours of its own, and what the chapters say about the report's boundary, "
                        "principles and narrative is said of the {report_year} report."),
        "no_report": ("**Reporting period (報告時間範圍).** The edition covers {period}; the data name no report "
                      "that covers {year}."),
    },
    "ov.guide": {
        "own": lambda f: (f"Of the {f['items']} guide items our content index tracks for the {f['year']} edition, "
                          f"{_guide_counts(f)}; the appendix (chapter 9) gives the item-by-item index."),
        "comparative": lambda f: (f"The data hold no report of {f['year']} itself, only the figures for {f['year']} "
                                  f"that the {f['report_year']} report prints beside its own; on those, of the "
                                  f"{f['items']} guide items our content index tracks, {_guide_counts(f)}; the "
                                  "appendix (chapter 9) gives the item-by-item index."),
        "no_report": lambda f: (f"The data hold no report for {f['year']} yet; from the figures they hold, of the "
                                f"{f['items']} guide items our content index tracks, {_guide_counts(f)}; the appendix "
                                "(chapter 9) gives the item-by-item index."),
    },
}
