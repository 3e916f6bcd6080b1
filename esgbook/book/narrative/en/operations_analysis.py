"""Chapter 5, past the figures: cyber-security incidents and the Argus engine."""

TEMPLATES = {
    "opa.cyber": {
        "none_tested": "The report states that no hacking, trojan or other cyber-security incident caused an "
                       "accident in {year}; the same year its defence team ranked {rank} of {teams} in the "
                       "磐石行動 exercise, the one outside test of those defences the report gives",
        "none": "The report states that no cyber-security incident caused an accident in {year}",
        "some": "The report counts {incidents} cyber-security incidents that caused an accident in {year}",
        "missing": "",
    },
    "opa.leaks": {
        "leaks_counted": "That is a statement about accidents, not about data: the same report counts {loss} of "
                         "data-leak losses stopped and {sellers} people selling data, so it does not show that no customer "
                         "data leaked",
        "loss_only": "That is a statement about accidents, not about data: the same report counts {loss} of data-leak "
                     "losses stopped, so it does not show that no customer data leaked",
        "sellers_only": "That is a statement about accidents, not about data: the same report counts {sellers} "
                        "selling data, so it does not show that no customer data leaked",
        "missing": "",
    },
    "opa.engine": {
        "stated": "The Argus engine in use in {year} is its generation {generation}",
        "new": "The Argus engine moved from generation {prior} to {generation} in {year}",
        "same": "The Argus engine was still generation {generation} in {year}, as in {prior_year}",
        "missing": "",
    },
}
