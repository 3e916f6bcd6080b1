"""Chapter 10, what the report does not disclose: register statuses summarised."""

TEMPLATES = {
    "gap.reason": {
        "assessed": "{reason}",
        "qualified": "Partly: {finding}",
        "not_assessed": "Not assessed for {year}: the register assesses the narrative of the {assessed} report",
        "some_data": "The {year} data lack {missing}",
        "no_data": "The {year} data hold no {missing}",
    },
    "gap.dropped": {
        "one": "One figure the {prior_year} data hold is no longer disclosed for {year}: {names}",
        "some": "{count} figures the {prior_year} data hold are no longer disclosed for {year}: {names}",
        "many": ("{count} figures the {prior_year} data hold are no longer disclosed for {year}, among them {names} "
                 "(this edition's compared page lists every figure given only in some years)"),
    },
    "gap.summary": {
        "mixed": "Of the {items} items of the {framework_name} register, the {year} edition discloses {disclosed}, "
                 "partly discloses {partly} and does not disclose {not_disclosed}",
        "all_disclosed": "The {year} edition discloses all {items} items of the {framework_name} register",
        "none_disclosed": "The {year} edition discloses none of the {items} items of the {framework_name} register",
        "mixed_unassessed": ("Of the {items} items of the {framework_name} register, the {year} edition discloses "
                             "{disclosed}, partly discloses {partly} and does not disclose {not_disclosed}; "
                             "{not_assessed} only a report's narrative could disclose, and none of {year} is assessed"),
        "all_disclosed_unassessed": "The {year} edition discloses all {items} items of the {framework_name} register",
        "none_disclosed_unassessed": ("Of the {items} items of the {framework_name} register, the {year} data disclose "
                                      "none and do not disclose {not_disclosed}; {not_assessed} only a report's "
                                      "narrative could disclose, and none of {year} is assessed"),
    },
    "gap.climate": {
        "some_supported": "For the HKEX climate requirements that apply from FY2025, the {year} data already "
                          "support {supported}. Missing are {n_missing} of the {n_items} items: {missing}",
        "none_supported": "The {year} data support none of the HKEX climate metrics that apply from FY2025; "
                          "missing are {n_missing} of the {n_items} items: {missing}",
    },
    "gap.lender": {
        "missing": "Of the SASB figures a loan facilitator is judged on, the {year} edition gives none of these "
                   "{n}: {items}",
        "none_missing": "The {year} edition gives every SASB Consumer Finance figure the register lists",
    },
}
