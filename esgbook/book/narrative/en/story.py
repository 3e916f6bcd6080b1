"""English templates of the edition's key findings ('story.*' topics, esgbook/analysis/story.py)."""
from __future__ import annotations


def _scope2(f, case: str) -> str:
    base = case.split("_prior_differs")[0].removesuffix("_no_official")
    prior = "_prior_differs" in case
    head = f"For {f['year']} the published Scope 2 and electricity imply a grid factor of {f['implied']}"
    if "_no_official" not in case:
        head += f", {f['times']} times the official national factor ({f['official']})"
    held = f"the {f['count']} national, regional and provincial grid averages we hold for the year"
    where = f"highest {f['high']}, {f['high_region']}"
    if "home" in f:
        where += f"; {f['home_name']}, where the company has its headquarters, {f['home']}"
    if base == "above_fossil":
        text = (f"{head}. That is above all {held} ({where}) and even above the fossil-only factor "
                f"({f['fossil']}), which no grid average can exceed")
    elif base == "above_all":
        text = f"{head}. That is above all {held} ({where})"
        if "fossil" in f:
            text += f"; only the fossil-only factor ({f['fossil']}), which is no Scope 2 factor, is higher"
    elif base == "within":
        text = f"{head}, within the range of {held} ({where})"
    else:
        text = f"{head}, below all {held}"
    if prior:
        text += f". For {f['prior_year']} they imply {f['prior_implied']}, {f['prior_case']}"
    return text


_SCOPE2_CASES = [b + p + o for b in ("above_fossil", "above_all", "within", "below_all")
                 for p in ("", "_prior_differs") for o in ("", "_no_official")]

_SIDES = {"below_above": "from below the IPCC default for motor gasoline ({default}) to above it",
          "above_below": "from above the IPCC default for motor gasoline ({default}) to below it",
          "below_below": "below the IPCC default for motor gasoline ({default}) in both years",
          "above_above": "above the IPCC default for motor gasoline ({default}) in both years"}


def _scope1(f, case: str) -> str:
    went = "rose" if case.startswith("rose") else "fell"
    text = (f"Scope 1 moved {f['scope1_move']} and gasoline use {f['fuel_move']} on {f['prior_year']}: the fuel "
            f"factor the two imply {went} {f['move']}, from {f['prior']} to {f['cur']}")
    if "default" in f:
        text += f", {f['sides']}"
    return text + ". A fuel's factor does not move like that: one of the figures is off"


TEMPLATES = {
    "story.opening": {
        "some": "What a reader of the {year} edition should know first, the most serious first",
        "none": "The data of the {year} edition hold no material discrepancy and no figure that overreaches",
    },
    "story.see": {"ref": "(see {{ref}}`@target@`)"},
    "story.scope2": {case: (lambda f, c=case: _scope2(f, c)) for case in _SCOPE2_CASES},
    "story.scope2_prior": {
        "above_fossil": "above even the fossil-only factor",
        "above_all": "above every grid average but below the fossil-only factor",
        "within": "within the range of the grid averages",
        "below_all": "below every grid average",
    },
    "story.scope1": {case: (lambda f, c=case: _scope1(f, c)) for case in ("rose", "fell", "rose_no_default",
                                                                         "fell_no_default")},
    "story.scope1_sides": {k: v for k, v in _SIDES.items()} | {
        "at_above": "from the IPCC default for motor gasoline ({default}) to above it",
        "at_below": "from the IPCC default for motor gasoline ({default}) to below it",
        "above_at": "from above the IPCC default for motor gasoline to the default ({default})",
        "below_at": "from below the IPCC default for motor gasoline to the default ({default})",
        "at_at": "equal to the IPCC default for motor gasoline ({default}) in both years"},
    "story.breakdown": {"gender": "gender", "rank": "employee-category", "age_group": "age-group", "total": "total"},
    "story.check": {
        "trained_share_pct": ("The two breakdowns of training coverage cannot both hold: weighted by headcount, the "
                              "{first} breakdown implies {a} of the {employees} employees were trained in {year} and "
                              "the {second} breakdown {b}"),
        "training_hours_avg": ("The two breakdowns of average training hours disagree: weighted by headcount, "
                               "{a} by the {first} breakdown against {b} by the {second} breakdown for {year}"),
        "turnover_rate_pct": ("The {second} turnover rates, weighted by year-end headcount, average to {b}, "
                              "not the published total of {a} for {year}"),
    },
    "story.misprint": {
        "material": ("The {name} for {year} is printed as {published}, but the report's own raw figures give "
                     "{recomputed} ({gap} apart)"),
        "slip": ("The {name} for {year} is printed as {published}; the report's own raw figures give {recomputed}, "
                 "a rounding or transcription slip"),
    },
    "story.corruption": {
        "referred": ("The {count} corruption cases of {year} that the data table heads as concluded lawsuits are, "
                     "in the report's own account, referrals to the judicial authorities with no outcome reported"),
    },
    "story.data_security": {
        "both": ("The report says no cyber-security incident caused an accident in {year}, yet it reports "
                 "{losses} of data-leak losses stopped and {sellers} investigated for selling data: no accident is "
                 "not no breach, and the report gives no count of breaches"),
        "losses": ("The report says no cyber-security incident caused an accident in {year}, yet it reports "
                   "{losses} of data-leak losses stopped: no accident is not no breach"),
        "sellers": ("The report says no cyber-security incident caused an accident in {year}, yet it reports "
                    "{sellers} investigated for selling data: no accident is not no breach"),
    },
    "story.dropped": {
        "one": "No longer disclosed: the data hold {names} for {prior_year} but not for {year}",
        "some": "No longer disclosed: the data hold {count} figures for {prior_year} that they lack for {year}: {names}",
        "many": ("No longer disclosed: the data hold {count} figures for {prior_year} that they lack for {year}, among "
                 "them {names}"),
    },
    "story.trend": {
        "up": "{name} rose {change} on {prior_year}, from {prior} to {cur}",
        "down": "{name} fell {change} on {prior_year}, from {prior} to {cur}",
    },
    "story.denominator": {
        "grew_intensities_fell": ("Every per-employee intensity fell, by {per_low} to {per_high}, but the year-end "
                                  "headcount grew {heads}: the totals themselves moved between {total_low} and "
                                  "{total_high}"),
        "shrank_intensities_rose": ("Every per-employee intensity rose, by {per_low} to {per_high}, but the year-end "
                                    "headcount shrank {heads}: the totals themselves moved between {total_low} and "
                                    "{total_high}"),
    },
}
