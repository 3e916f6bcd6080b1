"""The opening page: what the edition is built from, and the reconciliation at a glance."""

def _summary(f: dict) -> str:
    sens = f["sensitivities"]
    return (f"{f['first']}; {f['checks']}." + (f" {sens[0].upper()}{sens[1:]}." if sens else "")
            + " The appendix gives every check ({ref}`appendix-reconciliation`).")


TEMPLATES = {
    # The three findings below in one paragraph, with the pointer to the appendix.
    "idx.summary": {"shown": _summary},
    "idx.draft": {
        "draft": ("This is a draft of the {year} edition: its figures are in, but the data still lack the "
                  "registers below, so the chapters that read them say what is missing. Fill each file, then "
                  "run `make validate` and `make book` again"),
    },
    "idx.basis": {
        "own": "This edition is built from the company's own report for {year}, the {title}, with the "
               "figures of {prior_year} that report gives for comparison",
        "own_alone": "This edition is built from the company's own report for {year}, the {title}",
        "comparative": "This edition is built from the comparative column of the {report_year} report: the "
                       "figures for {year} that the {title} prints beside its own. It holds no {year} "
                       "policies, cases or honours, and no figures for {prior_year}, so it is a shorter book: "
                       "chapters whose subject is a report's narrative say so and point to the "
                       "{report_year} edition",
        "none": "The data package names no report for {year} in data/reports.csv: the figures of this edition "
                "have not been attributed to a report",
    },
    "idx.reconciliation": {
        "all_reproduced": "All {checked} derived figures the company published for {year} (intensities, "
                          "totals, shares) are reproduced from the raw data within their published rounding",
        "some": "Of the {checked} derived figures the company published for {year} (intensities, totals, "
                "shares), {reproduced} are reproduced from the raw data within their published rounding and "
                "{not_reproduced} {verb} not",
        "none": "The data hold no derived figure published for {year} to reproduce",
    },
    "idx.checks": {
        "clean": "the breakdowns that must agree with each other do",
        "flagged": "{flagged} of {checks} checks between breakdowns that must agree find that they do not",
        "none": "there is no pair of breakdowns to check against each other",
    },
    "idx.sensitivities": {
        "some": "{count} sensitivity recomputation{plural} of the emissions with an official or default factor "
                "{verb} shown apart: a recomputation with a factor we chose is not a discrepancy",
        "none": "",
    },
}
