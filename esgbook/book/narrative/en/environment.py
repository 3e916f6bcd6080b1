"""Chapter 8, environment: energy, water, GHG, the Scope 2 factor, waste, intensities."""

_SCOPE1 = "Scope 1 divided by the gasoline burnt gives the fuel factor the figures imply: "

TEMPLATES = {
    "env.electricity_share": {
        "share": "Electricity is {share} of the total energy of {energy} in {year}",
    },
    # Where the report prints a figure (the section as the report names it, in Chinese).
    "env.printed_in": {
        "value": "{value} in its {section} section",
        "figure": "the figure of its {section} section",
    },
    "env.published_intensity": {
        "reproduced": "The report's {name} of {published} is reproduced from the raw figures",
        "conflict": "The report prints {count} different figures for its {name} in {year}: {listed}. Dividing the total by "
                    "the year-end headcount gives {recomputed}, which matches {matching}",
        "conflict_none": "The report prints {count} different figures for its {name} in {year}: {listed}. Dividing the total "
                         "by the year-end headcount gives {recomputed}, which matches none of them",
        "discrepancy": "The report's {name} of {listed} is not reproduced: dividing the total by the year-end "
                       "headcount gives {recomputed}",
    },
    "env.scope2_vs_electricity": {
        "opposite": "Scope 2 (範圍2) {scope2_verb} ({scope2_change}) while electricity {electricity_verb} "
                    "({electricity_change}): as Scope 2 is electricity times a grid factor, the factor the "
                    "figures imply must have moved the other way, which the next section examines",
        "same": "Scope 2 (範圍2) {scope2_verb} ({scope2_change}) and electricity {electricity_verb} "
                "({electricity_change}) in the same direction",
        "scope2_only": "Scope 2 (範圍2) {scope2_verb} ({scope2_change}) while electricity was unchanged",
        "electricity_only": "Scope 2 (範圍2) was unchanged while electricity {electricity_verb} ({electricity_change})",
        "flat": "Scope 2 and electricity were both unchanged",
    },
    "env.scope2_factor": {
        "above_all": "For {year} the published figures imply {value}, above every one of the {count} national "
                     "grid factors we hold for that year (the highest is {high}, {high_variant})",
        "below_all": "For {year} the published figures imply {value}, below every one of the {count} national "
                     "grid factors we hold for that year (the lowest is {low}, {low_variant})",
        "within": "For {year} the published figures imply {value}, within the range of the {count} national "
                  "grid factors we hold for that year, from {low} ({low_variant}) to {high} ({high_variant})",
        "equal_high": "For {year} the published figures imply {value}, equal at four decimals to the highest of "
                      "the {count} national grid factors we hold for that year ({high_variant})",
        "equal_low": "For {year} the published figures imply {value}, equal at four decimals to the lowest of "
                     "the {count} national grid factors we hold for that year ({low_variant})",
        "equal": "For {year} the published figures imply {value}, equal at four decimals to the one national "
                 "grid factor we hold for that year ({high_variant})",
        "no_range": "For {year} the published figures imply {value}; we hold no official national grid factor "
                    "for that year to compare it with",
    },
    "env.scope2_when_written": {
        "above": "When the report was published ({due}), the latest official national factor was "
                 "{factor} ({variant}, {publisher}, for {applies} electricity, published {published}). On that "
                 "basis Scope 2 for {year} would be {official}; the published {published_value} is {gap} above it",
        "below": "When the report was published ({due}), the latest official national factor was "
                 "{factor} ({variant}, {publisher}, for {applies} electricity, published {published}). On that "
                 "basis Scope 2 for {year} would be {official}; the published {published_value} is {gap} below it",
        "equal": "When the report was published ({due}), the latest official national factor was "
                 "{factor} ({variant}, {publisher}, for {applies} electricity, published {published}). On that "
                 "basis Scope 2 for {year} would be {official}, the same as published",
    },
    "env.scope2_sensitivity": {
        "above": "With the later {variant} factor for {year} ({factor}, {publisher}) the same electricity gives "
                 "{official}; the published figure is {gap} above that",
        "below": "With the later {variant} factor for {year} ({factor}, {publisher}) the same electricity gives "
                 "{official}; the published figure is {gap} below that",
        "equal": "With the later {variant} factor for {year} ({factor}, {publisher}) the same electricity gives "
                 "{official}, the same as published",
    },
    "env.scope1_factor": {  # one clause per year
        "one": _SCOPE1 + "{first}",
        "two": _SCOPE1 + "{first}; {last}",
    },
    "env.scope1_year": {
        "above": "{value} for {year}, above the IPCC default of {default}",
        "below": "{value} for {year}, below the IPCC default of {default}",
        "equal": "{value} for {year}, equal to the IPCC default at four decimals",
        "no_default": "{value} for {year} (we hold no default factor for that year)",
    },
    "env.hazardous_share": {
        "share": "Hazardous waste is {share} of all waste in {year}",
        "none": "No hazardous waste is reported for {year}",
    },
    "env.denominator": {
        "grew": "With the workforce growing by {size}, each per-employee figure moves below its total: a "
                "total that fell shows a deeper fall per employee, one that rose a smaller rise or a fall. A "
                "reader comparing years should keep the denominator in mind",
        "shrank": "With the workforce shrinking by {size}, each per-employee figure moves above its total: a "
                  "total that rose shows a larger rise per employee, one that fell a smaller fall or a rise. A "
                  "reader comparing years should keep the denominator in mind",
        "flat": "The headcount was the same in both years, so each per-employee figure moves exactly as its total",
        "no_prior": "The data hold no prior year, so the intensities of {year} stand alone",
    },
    "env.headcounts": {
        "both": "The report divides by the headcount at year end ({cur} in {year}, {prior} in {prior_year}), "
                "not by an average over the year",
        "one": "The report divides by the headcount at year end ({cur} in {year}), not by an average over the year",
    },
    "env.climate": {
        "own": "The report names extreme weather as the main physical climate risk to its operations and "
               "answers it with contingency plans for typhoons, floods, snow, earthquakes and lightning, and a "
               "climate working group. It sees opportunities in low-carbon products and greener data centres. "
               "It sets no quantified emissions or energy target and gives no scenario analysis: gaps against "
               "the climate disclosures that the HKEX code requires from 2025",
        "comparative": "The {year} figures come from the comparative column of the {report_year} report, "
                       "which describes its climate risks and measures for {report_year} only: see the "
                       "{report_year} edition",
    },
}
