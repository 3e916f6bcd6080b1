"""Chapter 4, past the counts: the ESG reporting line, the share structure, cases per employee."""

TEMPLATES = {
    "goa.esg_line": {
        "via_as_needed": "The ESG committee reports to {first}, which passes matters on to the board only as "
                         "needed: the board has no regular ESG line of its own, and none of its {n_committees} "
                         "committees ({committees}) has ESG in its name",
        "via_as_needed_board_esg": "The ESG committee reports to {first}, which passes matters on to the board "
                                   "only as needed, though one of the board's {n_committees} committees "
                                   "({committees}) covers ESG",
        "via": "The ESG committee reports to {path}, each step on a regular basis",
        "direct": "The ESG committee reports directly to the board",
        "no_board": "The ESG committee reports to {path}; the report describes no line from there to the board",
        "no_committee": "The report describes no ESG committee for {year}",
    },
    "goa.shares": {
        "first_full": "Since {date}, when the company listed in Hong Kong, every share carries one vote (the "
                      "Class B shares with weighted votes were converted one for one): {year} is the first full "
                      "year of one share, one vote",
        "in_force": "Every share has carried one vote since {date}: by the end of {year}, {full_years} full "
                    "years of one share, one vote",
        "during": "The Class B shares with weighted votes were converted into one-vote Class A shares on {date}, "
                  "during {year}",
        "after": "The conversion to one share, one vote came after {year}, on {date}",
        "none": "The data hold no change of the share structure",
    },
    "goa.cases_rate": {
        "up": "Per 1,000 year-end employees, corruption cases rose from {prior} in {prior_year} to {cur} in "
              "{year}: the count changed by {cases_change} while the headcount changed by {heads_change}",
        "up_from_zero": "Per 1,000 year-end employees, corruption cases rose from none in {prior_year} to {cur} "
                        "in {year}",
        "down": "Per 1,000 year-end employees, corruption cases fell from {prior} in {prior_year} to {cur} in "
                "{year}: the count changed by {cases_change} while the headcount changed by {heads_change}",
        "flat": "Per 1,000 year-end employees, corruption cases were {cur} in {year}, as in {prior_year}",
        "no_prior": "Per 1,000 year-end employees, corruption cases were {cur} in {year}",
        "missing": "The data for {year} lack the corruption count or the headcount to relate them",
    },
    "goa.whistle": {
        "no_count": "Employees can report misconduct by email to the ethics committee, which investigates "
                    "independently; the report gives no count of the reports received or of their outcomes, so "
                    "the corruption count has no denominator of concerns raised",
        "counted": "The ethics committee received {count} whistle-blowing reports in {year}",
        "no_channel": "The data describe no whistle-blowing channel for {year}",
    },
}
