"""Chapter 6, customers, suppliers and industry: service, consumer protection, anti-fraud, suppliers by
region, standards. 'missing' leaves a sentence out."""
from esgbook.book.narrative import figure_block


def _stated(text):
    return {"stated": text, "missing": ""}


def _is_are(n: str) -> str:
    return "is" if n == "1" else "are"


TEMPLATES = {
    "cus.scope": {
        "own_no_customers": "The report gives no service, consumer-protection, anti-fraud or industry figures for "
                            "{year}; {with_prior}.",
        "own": "The service, consumer-protection, anti-fraud and industry figures are for {year} only, with no "
               "{prior_year} comparative; {with_prior}.",
        "comparative": "This edition is built from the comparative figures of the {report_year} report, which gives "
                       "its service, consumer-protection, anti-fraud and industry figures for {report_year} only; "
                       "for {year} it gives {available}.",
        "comparative_none": "This edition is built from the comparative figures of the {report_year} report, which "
                            "gives none of this chapter's figures for {year}.",
    },
    "cus.with_prior": {
        "suppliers": "suppliers by region are the one breakdown the report gives for both years",
        "none": "no figure of the chapter goes back to {prior_year}",
    },
    "cus.service_rates": _stated(
        "User satisfaction (用戶滿意度) stands at {satisfaction} and the first-contact resolution rate (一次性解決率) at "
        "{fcr}: put the other way round, {repeat} of issues need a second contact."),
    "cus.service_claim": {
        "unchecked": "The {year} report says both rates rose on the prior year but prints no prior-year figure, so "
                     "the claim cannot be checked.",
        "missing": "",
    },
    "cus.service_channels": _stated(
        "Smart customer service (智能客服) absorbs {diversion} of contacts, agents connect {connection} of online "
        "contacts, and the service answers {per_day} consultations on an average day, some {per_year} over a year "
        "({{numref}}`tbl-cus-service`, {{numref}}`fig-cus-service`)."),
    "cus.complaints": {
        "not_disclosed": "Satisfaction measured by the company among users who reached its service is not the same "
                         "as complaints, and the report does not give the number of complaints that HKEX B6.2 asks "
                         "for. With most contacts handled by machines, a reader would also want satisfaction split "
                         "between smart and human service; it is not given.",
        "missing": "",
    },
    "cus.protection": _stated(
        "Consumer protection is reported as activity: the rebuilt consumer-protection section of the 360借條 app "
        "reached {reach} (user visits), the consumer protection and security centre (消保安全中心) served users "
        "{centre}, and {materials} customer-facing materials were checked online before use. Staff received "
        "{trainings} internal trainings (內部消保培訓), and {publications} issues of consumer-protection publications "
        "(刊物) and {publicity} issues of compliance publicity (合規宣傳) went out."),
    "cus.education": _stated(
        "Financial education (金融知識教育) used {educators} front-line staff in {cities} cities and reached {reach} people "
        "({{numref}}`tbl-cus-consumer-protection`, {{numref}}`fig-cus-consumer-protection`). Reach is counted in "
        "visits and people touched, so the same person may be counted many times, and none of the figures measures "
        "an outcome such as fewer mis-sold loans or complaints."),
    "cus.anti_fraud_model": _stated(
        "The anti-fraud model ran {runs} computations (反詐模型反覆計算次數) and identifies {per_day} fraud-related "
        "anomalies on an average day (日均識別涉詐異常行為), or about {per_year} a year; {dissuaded} potential "
        "victims were intercepted and dissuaded by staff (人工主動攔截勸阻), as distinct from the automated "
        "warnings."),
    "cus.anti_fraud_totals": _stated(
        "Counted up to 31 December {year} (截止), the company made {calls} warning calls (詐騙阻斷預警), intercepted "
        "{intercepted} people who were being defrauded (攔截被騙人數) and avoided {losses} of losses "
        "({{numref}}`tbl-cus-anti-fraud`, {{numref}}`fig-cus-anti-fraud`). That is about {calls_per_victim} calls "
        "and about CNY {loss_per_victim} of avoided loss per person intercepted (the loss figure carries two "
        "significant digits, so the average carries no more). \"Up to\" (截止) may mean a running total "
        "since the programme began rather than the year's count; the report does not say, so these figures should "
        "not be read as annual."),
    "cus.suppliers_total": {
        "up": "The number of suppliers rose from {prior} in {prior_year} to {cur} in {year} ({change}).",
        "down": "The number of suppliers fell from {prior} in {prior_year} to {cur} in {year} ({change}).",
        "flat": "The number of suppliers was unchanged at {cur} in {year}, as in {prior_year}.",
        "up_from_zero": "The number of suppliers rose from none in {prior_year} to {cur} in {year}.",
        "no_prior": "The data table counts {cur} suppliers in {year}; it has no {prior_year} figure to compare with.",
        "missing": "The report gives no suppliers by region for {year}.",
    },
    "cus.suppliers_check": {
        "match": "The regions of the data table add up exactly to the total the text gives.",
        "mismatch": "The regions add up to {counted}, not to the {published} the text gives.",
        "no_published": "The text gives no supplier total for {year}; the regions add up to {counted}.",
        "missing": "",
    },
    "cus.department": {
        "stated": "The text of the {year} report, however, calls them the suppliers of the user-growth department "
                  "(使用者增長部), while the data table heads them simply as suppliers by region. So either the data "
                  "table covers that one department only, or the department is the whole of the company's supplier "
                  "base; the report does not say which, nor whether the prior-year count is on the same basis. Any "
                  "change should be read with that in mind ({{numref}}`tbl-cus-suppliers`, "
                  "{{numref}}`fig-cus-suppliers-region`).",
        "missing": "",
    },
    "cus.region": {
        "with_prior": "{name} ({count}; {share}, against {prior_share} in {prior_year})",
        "no_prior": "{name} ({count}; {share})",
    },
    "cus.regions": {
        "listed": lambda f: (f"Counted by region, the suppliers are in {f['regions']}"
                             + (f"; {f['empty']} {'has' if f['n_empty'] == '1' else 'have'} none." if f['n_empty'] != '0'
                                else ".")),
    },
    "cus.largest_region": {
        "same_less": "{region} remains the largest region, but its share fell from {prior_share} in {prior_year} "
                     "to {share} in {year} ({change}): the supplier base is less concentrated than a year earlier.",
        "same_more": "{region} remains the largest region, and its share rose from {prior_share} in {prior_year} "
                     "to {share} in {year} ({change}): the supplier base is more concentrated than a year earlier.",
        "same_flat": "{region} remains the largest region, with {share} of suppliers in {year} as in {prior_year}.",
        "changed": "The largest region is now {region}, with {share} of suppliers in {year}; in {prior_year} it was "
                   "{prior_region}, with {prior_share}.",
        "no_prior": "The largest region is {region}, with {share} of suppliers in {year}.",
        "tied": "{region} share the first place, with {share} of suppliers each in {year}.",
    },
    "cus.domestic": {
        "by_construction": "Every region of the breakdown is a region of China, so the {published} share of "
                           "suppliers in China that the text states holds by construction: it adds no information "
                           "to the regional counts.",
        "differs": "Every region of the breakdown is a region of China, yet the text states that {published} of "
                   "suppliers are in China.",
        "not_published": "Every region of the breakdown is a region of China, so all the suppliers counted are in "
                         "China by construction; the report states no share for {year}.",
        "abroad": "The breakdown has regions outside China; the report states no share of suppliers in China for "
                  "{year}.",
    },
    "cus.share_check": {
        "match": "The text also gives rounded regional shares ({published}). Each is the share recomputed from the "
                 "counts, rounded to a whole percent.",
        "mismatch": "The text also gives rounded regional shares ({published}); not every one matches the share "
                    "recomputed from the counts.",
        "missing": "",
    },
    "cus.share_gap": {
        "left_out": lambda f: (f"The {f['n_published']} published shares add up to {f['total']}; the text leaves out "
                               f"{f['left_out']} ({{numref}}`fig-cus-supplier-shares`)."),
        "complete": "The {n_published} published shares cover every region with suppliers "
                    "({{numref}}`fig-cus-supplier-shares`).",
        "missing": "",
    },
    "cus.standards": {
        "listed": lambda f: (f"The company lists {f['count']} "
                             f"{'standard, guide or report' if f['count'] == '1' else 'standards, guides and reports'}"
                             f" it helped to draft in {f['year']} ({{numref}}`tbl-cus-standards`)."),
        "none": "The report lists no standard the company helped to draft in {year}.",
        "comparative": "The {report_year} report lists the standards the company helped to draft in {report_year}; "
                       "it lists none for {year}.",
    },
    "cus.llm_standard": _stated(
        "The most prominent is the evaluation standard for financial large models (金融大模型), which the company led "
        "with {co_drafters} other firms."),
    "cus.small_business_served": _stated(
        "The report also counts {served} small-business users served to date through its partnerships "
        "({{numref}}`tbl-cus-industry`)."),
}

def _figure(label: str, alt: str, caption: str) -> str:
    return figure_block(label, alt, caption, "Data (CSV)", " ")


TEMPLATES["cus.intro"] = {
    "service": "HKEX B6.2 asks for the number of products and service-related complaints received and how they "
               "are dealt with. The report measures service by satisfaction, first-contact resolution and how "
               "contacts are handled.",
    "protection": "The report counts consumer protection as activity: reach of the app's consumer-protection "
                  "section and of the security centre, materials reviewed, trainings, publications and financial "
                  "education. The report prints the training and publication counts together as a pair; they are "
                  "separated here.",
    "anti_fraud": "The anti-fraud figures describe a model that flags suspicious behaviour and the people and calls "
                  "that act on it. The borrowing alerts in {{ref}}`operations-data-security` are a separate tally.",
    "standards": "The report lists the standards, guides and reports the company helped to draft; most concern the "
                 "same ground as its own operations. Helping to draft a standard is a statement of influence, not "
                 "of compliance: the report does not say which of these documents have been published or adopted.",
}
TEMPLATES["cus.section_none"] = {
    "comparative": "No {what} for {year} (see the note at the top of the chapter)",
    "none": "The {year} report, as the data hold it, gives no {what}",
    "no_longer": "The data for {year} no longer disclose any of the {what}: {prior_year} had {n_prior}",
}
TEMPLATES["cus.figure"] = {
    "fig-cus-service": lambda f: _figure(
        "fig-cus-service", "Bar chart of satisfaction, first-contact resolution, diversion and connection rates",
        "Service quality rates by year where the report gives them (%). Source: `data/customers.csv`, report "
        "section 06 合作共贏 > 客戶為先."),
    "fig-cus-consumer-protection": lambda f: _figure(
        "fig-cus-consumer-protection", "Bar chart of consumer protection and education figures given exactly, one "
        "panel per unit", "Consumer protection and financial education figures that the report gives exactly, one "
        "panel per unit; hedged figures are listed under the title. Source: `data/customers.csv`, report section 06 "
        "合作共贏 > 客戶為先."),
    "fig-cus-anti-fraud": lambda f: _figure(
        "fig-cus-anti-fraud", "Bar chart of anti-fraud figures, one panel per unit",
        "Anti-fraud figures, one panel per unit; figures the report hedges are listed under the title. Source: "
        "`data/customers.csv`, report section 06 合作共贏 > 客戶為先."),
}
TEMPLATES["cus.share_item"] = {"listed": "{share} {region}"}  # '38% North China'
