"""Inference checks: what the published figures imply together, each with its assumption."""


TEMPLATES = {
    "inf.flows": {
        "grew": "A turnover rate of {rate} and a net addition of {net} people (from {start} to {end}) imply "
                "{leavers_avg} to {leavers_end} leavers in {year}, so {hires_low} to {hires_high} hires: "
                "{joined_low} to {joined_high} of the year-end staff joined during the year, which weighs on "
                "every training and retention figure that uses year-end headcount",
        "shrank": "A turnover rate of {rate} and a net fall of {net} people (from {start} to {end}) imply "
                  "{leavers_avg} to {leavers_end} leavers in {year}, so {hires_low} to {hires_high} hires: "
                  "{joined_low} to {joined_high} of the year-end staff joined during the year",
        "flat": "With the headcount unchanged at {end}, a turnover rate of {rate} implies as many hires as "
                "leavers in {year}: {hires_low} to {hires_high}, or {joined_low} to {joined_high} of the "
                "year-end staff",
        "negative_hires": "A turnover rate of {rate} cannot account for a net fall of {net} people (from {start} "
                          "to {end}) in {year}: the leavers it implies ({leavers_avg} to {leavers_end}) are fewer "
                          "than the people lost, so the rate leaves some departures out",
        "no_inputs": "The data for {year} lack the turnover rate or a headcount of {prior_year}, so hires and "
                     "leavers cannot be inferred",
    },
    "inf.new_hires": {
        "share": "If the new-hire retention rate of {retention} applies to those hires, {lost_low} to {lost_high} "
                 "of them left in {year}: {share_low} to {share_high} of all leavers",
        "exceeds": "If the new-hire retention rate of {retention} applied to those hires, {lost_low} to "
                   "{lost_high} of them would have left, up to {share_high} of all leavers: more than left in "
                   "total, so the rate cannot apply to the year's hires",
        "no_inputs": "The data for {year} lack the new-hire retention rate or the flows it would apply to",
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
        "coverage_higher": "The small-business figures do not agree: {new} newly identified users at {growth} "
                           "growth imply about {by_growth} identified in {year}, while {tagged} tagged users at "
                           "{coverage} coverage imply about {by_coverage}, {gap} more",
        "growth_higher": "The small-business figures do not agree: {new} newly identified users at {growth} "
                         "growth imply about {by_growth} identified in {year}, while {tagged} tagged users at "
                         "{coverage} coverage imply about {by_coverage}, {gap} fewer",
        "agree": "The small-business figures agree: {new} newly identified users at {growth} growth imply about "
                 "{by_growth} identified in {year}, and {tagged} tagged users at {coverage} coverage about "
                 "{by_coverage}",
        "growth_only": "{new} newly identified small-business users at {growth} growth imply about {by_growth} "
                       "identified in {year}; the report gives no coverage figure to check it against",
        "coverage_only": "{tagged} small-business users tagged at {coverage} coverage imply about {by_coverage} "
                         "identified in {year}; the report gives no growth figure to check it against",
        "no_inputs": "The data for {year} give neither way of counting identified small-business users",
    },
    "inf.cumulative": {
        "within": "The 6.18 stocking festival alone funded {event} small businesses, {share} of the {total} "
                  "small-business users served since the company began",
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
        "flows": "Assumed: leavers are the turnover rate times the headcount, at year end or on average over the "
                 "year (the report does not say which), and hires are the net change plus the leavers",
        "new_hires": "Assumed: retention is measured on the year's own hires by the year end",
        "whole_numbers": "Assumed: a rate is a whole number of people divided by a headcount, rounded to the "
                         "decimals published",
        "smb_users": "Assumed: the growth is of the number of users identified, so the extra users are that "
                     "share of the prior count; coverage is the tagged share of the users identified",
        "cumulative": "Assumed: the businesses funded in the festival are among the small-business users served",
        "electricity_benchmark": "Assumed: the typical office figure of data/benchmarks.csv (electricity per "
                                 "square metre times floor area per worker) applies to offices in China",
        "electricity_heads": "Assumed: the electricity and headcount figures cover the same offices in both years",
        "scope2_gap": "Assumed: Scope 2 is grid electricity at the national factor held for the year",
    },
}
