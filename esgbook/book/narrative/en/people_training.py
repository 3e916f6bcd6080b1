"""Chapter 7, people: training and its two breakdowns, development figures, and the report's policy
descriptions (labour standards, pay and benefits), shown only in an edition with its own report."""
from __future__ import annotations

from esgbook.book import formatting
from esgbook.book.narrative.en.people import PEOPLE, fact, listed


# -- training ------------------------------------------------------------------------------------
def _training_list(f, prefix: str, unit: str) -> str:
    groups = listed(f, prefix)
    if unit == "%":
        return formatting.join_and([f"{g['value']} of {PEOPLE.get(g['category'], g['label'])}" for g in groups])
    return formatting.join_and([f"{g['value']} for {PEOPLE.get(g['category'], g['label'])}" for g in groups])


def _training_rates(f) -> str:
    parts = [f"by {p}, {_training_list(f, p, '%')}" for p in ("gender", "rank") if int(f[f"{p}_n"])]
    parts[0] += " were trained"
    text = "; ".join(parts)
    lead = ("The data table breaks training down by gender and by rank, both for the share of employees trained "
            "(受訓僱員百分比) and for the average training hours (平均受訓時數). ")
    return lead + text[:1].upper() + text[1:] + " ({numref}`fig-ppl-trained-share`)."


def _training_hours(f) -> str:
    parts = [_training_list(f, p, "h") for p in ("gender", "rank") if int(f[f"{p}_n"])]
    return ("Average hours were " + "; ".join(parts) + " ({numref}`fig-ppl-training-hours`). "
            "{numref}`tbl-ppl-training` lists them with the figure each breakdown implies for all employees.")


def _prior(kind: str):
    def sentence(f) -> str:
        if kind == "trained":
            figures = f"{f['by_gender']} by gender against {f['by_rank']} by rank"
        else:
            figures = f"{f['by_gender']} hours by gender against {f['by_rank']} by rank"
        if f["status"] == "discrepancy":
            verb = "disagree as well" if f["now"] == "discrepancy" else "disagreed"
        else:
            verb = "agree as well" if f["now"] == "consistent" else "agreed"
        return f"The {f['year']} comparatives {verb}: {figures}."
    return sentence


def _prior_cases(kind: str) -> dict:
    return {case: _prior(kind) for case in ("discrepancy", "consistent")}


def _development(f) -> str:
    parts = []
    if fact(f, "retention"):
        parts.append(f"a new-hire retention rate (新員工的留存率) of {f['retention']} at the end of the period")
    if fact(f, "score"):
        parts.append(f"a satisfaction score of {f['score']} out of {f['scale']} for induction training")
    if fact(f, "sessions"):
        levels = f["levels"]
        parts.append(f"{f['sessions']} training and sharing sessions of the technology committee"
                     + (f" across {levels} levels, from company-wide to within a department" if levels != "0" else ""))
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + ", and " + parts[-1] if parts else ""
    return ("The narrative adds a few figures of its own on development ({numref}`tbl-ppl-other`)"
            + (f". For {f['year']} they are {listed}." if listed else "."))


TEMPLATES = {
    # -- training
    "ppl.training_rates": {"shown": _training_rates},
    "ppl.training_hours": {"shown": _training_hours},
    "ppl.training_rank": {
        "same_rank": "Among the ranks, {most} average the most hours; {least} are the least often trained and also "
                     "average the fewest hours.",
        "different": "Among the ranks, {most} average the most hours; {least} are the least often trained, while "
                     "{fewest} average the fewest hours.",
    },
    "ppl.trained_check": {
        "discrepancy": "Both breakdowns describe the same {employees} people, so they must imply the same share "
                       "trained for the company as a whole. They do not: weighted by headcount, the gender figures "
                       "imply {by_gender} trained (about {gender_people} people), the rank figures {by_rank} (about "
                       "{rank_people} people).",
        "consistent": "Both breakdowns describe the same {employees} people, so they must imply the same share "
                      "trained for the company as a whole, and they do: weighted by headcount, the gender figures "
                      "imply {by_gender} trained and the rank figures {by_rank}, equal within rounding.",
        "not_both": "The report does not give the share trained both by gender and by rank for {year}, so the two "
                    "breakdowns cannot be checked against each other.",
    },
    "ppl.trained_general": {
        "exceeds": "General staff alone show why: the rank table has {rate} of the {general} general staff trained, "
                   "which is already {trained} people, {share} of the workforce, more than the {by_gender} the "
                   "gender split allows for everyone together.",
        "gap": "Put in people, the two breakdowns differ by about {people} trained employees.",
    },
    "ppl.trained_rounding": {
        "beyond_rounding_general": "Rounding cannot explain it: even with general staff at the bottom of their "
                                   "rounding and women and men at the top of theirs, general staff alone make up "
                                   "{low} of the workforce trained, more than the {high} the gender figures allow.",
        "beyond_rounding": "The gap of {gap} percentage points is larger than the rounding of whole percents can "
                           "explain.",
    },
    "ppl.trained_prior": _prior_cases("trained"),
    "ppl.hours_check": {
        "discrepancy": lambda f: (
            f"The hours disagree{' too' if f['share_status'] == 'discrepancy' else ''}. The gender figures imply "
            f"{f['by_gender']} hours per employee, about {f['gender_total']} hours in all; the rank figures "
            f"{f['by_rank']} hours, about {f['rank_total']} hours, a difference of about {f['gap']} hours."),
        "consistent": "The hours agree: the gender figures imply {by_gender} hours per employee and the rank figures "
                      "{by_rank}, equal within the rounding of two decimals.",
        "not_both": "The report does not give the average training hours both by gender and by rank for {year}, so "
                    "the two cannot be checked against each other.",
    },
    "ppl.hours_reach": {
        "above_every_gender": "No mix of women and men can reach the rank figure: the higher of the two gender "
                              "averages is {highest} hours, below the {by_rank} the ranks imply.",
        "below_every_gender": "No mix of women and men can fall to the rank figure: the lower of the two gender "
                              "averages is {lowest} hours, above the {by_rank} the ranks imply.",
        "beyond_rounding": "The averages are published to two decimals, so rounding cannot explain a gap of this "
                           "size.",
    },
    "ppl.hours_prior": _prior_cases("hours"),
    "ppl.training_causes": {
        "discrepancy": "The report does not explain the difference. Plausible causes are that the breakdowns count "
                       "different people (for example, everyone employed during the year for one and the year-end "
                       "headcount for the other) or that \"average hours\" means per trained employee in one table "
                       "and per employee in the other. Until the company says which, neither breakdown can be used "
                       "for a company-wide training figure; the appendix's reconciliation lists the checks.",
    },
    # -- development, labour standards, pay
    "ppl.development": {
        "shown": lambda f: _development(f),
        "none": "The report's narrative gives no development figures (new-hire retention, induction satisfaction, "
                "technology-committee sessions) for {year}.",
        "comparative": "The {later} report's comparative column gives no development figures for {year}.",
        "no_longer": "The data for {year} no longer disclose any development figure (new-hire retention, induction "
                     "satisfaction, technology-committee sessions, sick leave): {prior_year} had {n_prior}.",
    },
    "ppl.development_prior": {
        "no_prior": "The report gives them for {year} only, with no {prior_year} comparative.",
        "with_prior": "They are shown with their {prior_year} comparatives where the report gives them.",
    },
    "ppl.retention_definition": {
        "undefined": "The new-hire retention rate is not defined (which cohort of new hires, kept for how long), so "
                     "it is not set against the turnover rate or the hires implied above "
                     "({{ref}}`people-turnover`), nor used to say how many of the year's hires left.",
    },
    "ppl.performance": {
        "stated": "Beyond training, the company runs a performance cycle with goal setting, self-assessment and "
                  "all-round review at mid-year and at year end, and a promotion process open to every employee "
                  "once a year with coaching and a panel defence, on a manager track and a specialist track.",
        "comparative": "",
    },
    "ppl.labour": {
        "stated": "The company says it checks that everyone it hires is of legal working age, prohibits child and "
                  "forced labour, and would deal with any case under its internal procedures and discipline those "
                  "responsible. It reports no case of child or forced labour in any region during the period. What "
                  "it does not describe is how hiring practices are reviewed to keep it that way (KPI B4.1, "
                  "content index status: {b41}) or the concrete steps it would take on finding a case (KPI B4.2, "
                  "status: {b42}). It also commits to equal opportunity in hiring and promotion regardless of "
                  "religion, nationality, ethnicity, gender, age or marital status, and offers several feedback "
                  "channels, including an anonymous suggestion box and a yearly staff satisfaction survey whose "
                  "results are not published.",
        "comparative": "The {later} report's comparative column gives no account of labour standards for {year}: "
                       "there is no statement on child or forced labour of that year to summarise, so KPIs B4.1 and "
                       "B4.2 are not disclosed in this edition.",
    },
    "ppl.pay": {
        "stated": "Pay follows a \"total rewards\" approach: a fixed salary, a variable part tied to company and "
                  "individual performance, allowances and overtime pay, plus short- and long-term incentives, "
                  "reviewed periodically against market surveys. Beyond the statutory social insurance and housing "
                  "fund, the company pays for supplementary medical insurance and gives gifts and cash support for "
                  "life events such as marriage, birth, hospital stays and serious illness; depending on the site "
                  "there are canteens, afternoon tea, gyms and sports clubs, shuttle buses and a clinic. Working "
                  "time is flexible, with working from home possible when needed.",
        "comparative": "The {later} report's comparative column gives no account of pay, benefits or working time "
                       "for {year}.",
    },
    "ppl.sick_leave": {
        "one_day": "On top of the statutory leave, every employee is granted {days} day of paid sick leave a month.",
        "days": "On top of the statutory leave, every employee is granted {days} days of paid sick leave a month.",
        "missing": "The report gives no paid sick leave allowance for {year}.",
    },
    "ppl.pay_gaps": {
        "stated": "Beyond that, the report gives no pay levels, no pay ratio between women and men and no take-up "
                  "of benefits, so these policies cannot be assessed from the data.",
    },
}
