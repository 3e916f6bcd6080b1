"""Chapter 6, past the rates: service rates as contacts a year, and the missing complaint count."""

TEMPLATES = {
    "cua.contacts": {
        "first_contact_resolution_pct": "If the first-contact resolution rate of {rate} is measured per "
                                        "consultation, {per_day} consultations a day leave about {daily} contacts "
                                        "a day, some {yearly} over {days} days, that needed more than one contact",
        "customer_satisfaction_pct": "If the satisfaction rate of {rate} is likewise measured per consultation, "
                                     "about {daily} contacts a day ({share}), some {yearly} a year, did not end "
                                     "satisfied. A contact that did not end satisfied is not a complaint, so this "
                                     "says nothing about how many complaints were made",
    },
    "cua.baseline": {
        "no_count": "The report gives no count of complaints for {year}, to the regulator or to the company, so "
                    "the rates have no baseline to be read against",
        "counted": "The report counts {complaints} complaints in {year}",
        "nothing": "The data for {year} hold neither service rates nor a complaint count",
    },
}
