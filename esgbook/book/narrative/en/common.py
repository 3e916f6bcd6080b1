"""Templates every chapter shares: a figure against the prior year."""


def _trend(verb_up: str, verb_down: str, flat: str):
    return {
        "up": "{name} " + verb_up + " from {prior} in {prior_year} to {cur} in {year} ({change})",
        "up_from_zero": "{name} " + verb_up + " from none in {prior_year} to {cur} in {year}",
        "down": "{name} " + verb_down + " from {prior} in {prior_year} to {cur} in {year} ({change})",
        "flat": "{name} " + flat + " at {cur} in {year}, as in {prior_year}",
        "no_prior": "{name} was {cur} in {year}",
        "missing": "The report gives no {name_lower} for {year}",
    }


TEMPLATES = {
    # Said once per chapter, so that a figure without a prior year does not repeat it.
    "prior_year": {"no_prior": "The data hold no {prior_year} figures to compare {year} with"},
    # "Electricity use rose from 1,558 MWh in 2022 to 1,276.2 MWh in 2023 (−18.1%)" with its own verbs.
    "trend": _trend("rose", "fell", "was unchanged"),
    "trend.grew": _trend("grew", "shrank", "was unchanged"),
}

# A per-employee figure next to its total: the arithmetic of a moving denominator, stated per case.
TEMPLATES["intensity"] = {
    "headcount_up": "Per year-end employee that is {cur} ({change}, against {total_change} for the total, "
                    "since the headcount grew by {headcount_size})",
    "headcount_down": "Per year-end employee that is {cur} ({change}, against {total_change} for the total, "
                      "since the headcount shrank by {headcount_size})",
    "headcount_flat": "Per year-end employee that is {cur}, moving with the total as the headcount was unchanged",
    "no_prior": "Per year-end employee that is {cur}",
}

# A name given in both languages (`findings.name`) and a date (`findings.date`), written the English way.
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
TEMPLATES["name"] = {"text": "{en}", "lower": lambda f: f["en"].lower(),
                     "first_lower": lambda f: f["en"][:1].lower() + f["en"][1:]}
TEMPLATES["date"] = {"day": lambda f: f"{f['day']} {MONTHS[int(f['month']) - 1]} {f['year']}",
                     "month": lambda f: f"{MONTHS[int(f['month']) - 1]} {f['year']}"}
