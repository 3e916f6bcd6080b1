"""Inference checks: what the published figures imply together, each with its assumption."""


def _leavers(f) -> str:
    """Leavers on each headcount base the chapter names: start of year, average, year end."""
    return (f"about {f['leavers_start_low']} to {f['leavers_start_high']} leavers on the start-of-year headcount "
            f"({f['start']}), {f['leavers_average_low']} to {f['leavers_average_high']} on the average headcount "
            f"({f['average']}) and {f['leavers_year_end_low']} to {f['leavers_year_end_high']} on the year-end "
            f"headcount ({f['end']})")


TEMPLATES = {
    "inf.flows": {
        "grew": lambda f: (
            f"A turnover rate printed as {f['rate']} (so between {f['rate_low']} and {f['rate_high']}) and a net "
            f"addition of {f['net']} people (from {f['start']} to {f['end']}) imply, depending on the headcount the "
            f"rate is taken on, " + _leavers(f) + f" in {f['year']}, so about {f['hires_low']} to {f['hires_high']} "
            f"hires: {f['joined_low']} to {f['joined_high']} of the year-end staff joined during the year, which "
            "weighs on every training and retention figure that uses year-end headcount"),
        "shrank": lambda f: (
            f"A turnover rate printed as {f['rate']} (so between {f['rate_low']} and {f['rate_high']}) and a net "
            f"fall of {f['net']} people (from {f['start']} to {f['end']}) imply, depending on the headcount the rate "
            f"is taken on, " + _leavers(f) + f" in {f['year']}, so about {f['hires_low']} to {f['hires_high']} "
            f"hires: {f['joined_low']} to {f['joined_high']} of the year-end staff joined during the year"),
        "flat": lambda f: (
            f"With the headcount unchanged at {f['end']}, a turnover rate printed as {f['rate']} (so between "
            f"{f['rate_low']} and {f['rate_high']}) implies as many hires as leavers in {f['year']}: about "
            f"{f['hires_low']} to {f['hires_high']}, or {f['joined_low']} to {f['joined_high']} of the year-end staff"),
        "negative_hires": lambda f: (
            f"A turnover rate printed as {f['rate']} cannot account for a net fall of {f['net']} people (from "
            f"{f['start']} to {f['end']}) in {f['year']}: on every headcount base the leavers it implies "
            f"({_leavers(f)}) are fewer than the people lost, so the rate leaves some departures out"),
        "no_inputs": lambda f: (
            f"The data lack a headcount for {f['prior_year']}, so hires and leavers in {f['year']} cannot be "
            "inferred" if f["only_prior"] == "1" else
            f"The data for {f['year']} lack the turnover rate or a headcount of {f['prior_year']}, so hires and "
            "leavers cannot be inferred"),
    },
    "inf.new_hires": {
        "undefined": "The new-hire retention rate of {retention} is not applied to those hires: the report does not "
                     "say which new hires it follows or for how long, so it cannot tell how many of the year's hires "
                     "left",
        "no_inputs": "The data for {year} lack the new-hire retention rate or the flows it would be set against",
    },
    "inf.whole_numbers": {
        "some_fail": "Of {tested} group rates tested against their year-end headcount, {failed} cannot be a "
                     "share of it, as no whole number of people gives the published figure: {items}",
        "all_fit": "Each of the {tested} group rates tested is a whole number of people out of its year-end "
                   "headcount, so each can have been computed on it",
        "no_inputs": "The data for {year} hold no group rate with a headcount to test it against",
    },
    "inf.whole_item": {
        "average_fits": "{rate} of the {headcount} {group} of {year} is {people} people, yet the average "
                        "headcount over the year fits it",
        "no_base": "{rate} of the {headcount} {group} of {year} is {people} people, and no headcount base the "
                   "data hold fits it (the smallest group that gives {rate} has {smallest} people)",
    },
    "inf.smb_users": {
        "side_by_side": "The report counts small-business users two ways, and the two need not be the same "
                        "population: {new} newly identified users at {growth} growth imply about {by_growth_low} to "
                        "{by_growth_high} identified users in {year}, while {tagged} users tagged by industry at "
                        "{coverage} coverage imply {by_coverage} users covered by industry information. The report "
                        "does not say whether the identified users and the users covered are the same group, so "
                        "the two figures cannot be set against each other",
        "growth_only": "{new} newly identified small-business users at {growth} growth imply about {by_growth_low} "
                       "to {by_growth_high} identified in {year}",
        "coverage_only": "{tagged} small-business users tagged at {coverage} coverage imply {by_coverage} users "
                         "covered by industry information in {year}",
        "no_inputs": "The data for {year} give neither way of counting identified small-business users",
    },
    "inf.cumulative": {
        "within": "The 6.18 stocking festival alone funded {event} small businesses, {share} of the {total} "
                  "small-business users served since the company began",
        "at_most": "The 6.18 stocking festival alone funded {event} small businesses: at most about {share} of the "
                   "{total} small-business users served since the company began (an upper bound, as the total is "
                   "a floor)",
        "exceeds": "The 6.18 stocking festival alone funded {event} small businesses, more than the {total} "
                   "small-business users served in total: the two counts cannot describe the same population",
        "no_inputs": "The data for {year} lack a single event's count or the cumulative count it belongs to",
    },
    "inf.electricity_benchmark": {
        "below": "Electricity comes to {per_head} a year, {per_day} per employee per working day ({days} "
                 "working days): {ratio} of the {typical} a typical office worker draws. At that typical rate "
                 "the electricity reported would serve about {covered} people, not {heads}, which suggests a "
                 "reporting boundary narrower than the whole workforce",
        "ordinary": "Electricity comes to {per_head} a year, {per_day} per employee per working day ({days} "
                    "working days): {ratio} of the {typical} a typical office worker draws, an ordinary figure",
        "above": "Electricity comes to {per_head} a year, {per_day} per employee per working day ({days} "
                 "working days): {ratio} of the {typical} a typical office worker draws, as data rooms would explain",
        "no_inputs": "The data for {year} lack electricity, the headcount or the office benchmark",
    },
    "inf.electricity_heads": {
        "fell_as_staff_grew": "Electricity changed by {electricity} while the headcount changed by {heads}, so use "
                              "per employee changed by {per_head} in one year. Savings measures rarely do that much; "
                              "a change in the offices covered or in how electricity is counted would explain it "
                              "as well, and the report does not say which",
        "rose_as_staff_shrank": "Electricity changed by {electricity} while the headcount changed by {heads}, so "
                                "use per employee changed by {per_head}; the report does not say what drew more",
        "same_way": "Electricity ({electricity}) moved the same way as the headcount ({heads}); per employee the "
                    "change is {per_head}",
        "one_flat": "Electricity changed by {electricity} and the headcount by {heads}; per employee the change "
                    "is {per_head}",
        "no_inputs": "The data lack electricity or headcount for {year} or {prior_year}",
    },
    "inf.scope2_gap": {
        "more": "At the official grid factor of {factor}, the published Scope 2 of {scope2} would take {needed} "
                "of electricity, {ratio} times the {reported} reported ({extra} more): either the factor used "
                "is far above the official one, or Scope 2 covers electricity the energy figure leaves out",
        "less": "At the official grid factor of {factor}, the published Scope 2 of {scope2} would take only "
                "{needed} of electricity, {ratio} times the {reported} reported ({extra} less): the factor used "
                "is below the official one, or some electricity is counted as emission-free",
        "equal": "At the official grid factor of {factor}, the published Scope 2 of {scope2} matches the "
                 "{reported} of electricity reported",
        "no_inputs": "The data for {year} lack Scope 2, electricity or an official grid factor",
    },
    "inf.assumption": {
        "flows": "Assumed: leavers are the turnover rate times a headcount, at the start of the year, on average "
                 "or at year end (the report does not say which), the rate anywhere within its printed rounding; "
                 "hires are the net change plus the leavers; counts are rounded to the nearest ten",
        "new_hires": "Assumed: nothing; the rate is reported but not used, as its cohort and period are not defined",
        "whole_numbers": "Assumed: a rate is a whole number of people divided by a headcount, rounded to the "
                         "decimals published",
        "smb_users": "Assumed: the growth is of the number of users identified, so the extra users are that "
                     "share of the prior count; coverage is the tagged share of the users it covers",
        "cumulative": "Assumed: the businesses funded in the festival are among the small-business users served",
        "electricity_benchmark": "Assumed: the typical office figure of data/benchmarks.csv (electricity per "
                                 "square metre times floor area per worker) applies to offices in China",
        "electricity_heads": "Assumed: the electricity and headcount figures cover the same offices in both years",
        "scope2_gap": "Assumed: Scope 2 is grid electricity at the national factor held for the year",
    },
}
