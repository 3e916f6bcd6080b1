"""Chapter 7, people: workforce, turnover, health and safety (training and policies: ppl_training.py).

Facts arrive formatted ('3,121 employees', '41.1%', '+1.9 percentage points'); groups of a breakdown
arrive as indexed facts ('g0_label', 'g0_count', ..., 'g_n'), so a sentence can list any number of them.
"""
from __future__ import annotations

from esgbook.book import formatting

# A headcount group inside a sentence, by category id ('the number of women'); others use their label.
PEOPLE = {"female": "women", "male": "men"}
SHARE_OF = {"female": "the female share"}
DIMENSION_WORDS = {"gender": "gender", "age_group": "age group", "rank": "rank"}
ASK_B21 = ("HKEX KPI B2.1 asks for the number and rate of work-related fatalities (因工亡故) in each of the past "
           "three years. ")
UP_DOWN = {"up": "rose", "down": "fell", "flat": "was unchanged", "up_from_zero": "rose"}


def listed(f, prefix: str) -> list[dict]:
    """The indexed facts of one list of groups, as dicts."""
    n = int(f[f"{prefix}_n"])
    out = []
    for i in range(n):
        keys = ("category", "label", "zh", "count", "share", "case", "cur", "size", "rate", "zero", "value")
        item = {k: v for k in keys if (v := fact(f, f"{prefix}{i}_{k}")) is not None}
        out.append(item)
    return out


def fact(f, key: str):
    """A fact, or None when the finding lacks it (or it is a missing figure the case leaves out)."""
    try:
        return f[key]
    except (KeyError, ValueError):
        return None


def _people(item: dict) -> str:
    """'women', 'employees under 30', 'employees aged 30 to 50'."""
    if item.get("category") in PEOPLE:
        return PEOPLE[item["category"]]
    label = item["label"]
    return f"employees aged {label}" if label[:1].isdigit() else f"employees {label}"


def _those(item: dict) -> str:
    """'women', 'those under 30', 'those aged 30 to 50'."""
    if item.get("category") in PEOPLE:
        return PEOPLE[item["category"]]
    label = item["label"]
    return f"those aged {label}" if label[:1].isdigit() else f"those {label}"


# -- workforce -----------------------------------------------------------------------------------
def _counts_gender(f) -> str:
    groups = listed(f, "g")
    parts = [f"{_people(g).capitalize() if i == 0 else _people(g)} ({g['zh']}) {'numbered ' if i == 0 else ''}"
             f"{g['count']} ({g['share']})" for i, g in enumerate(groups)]
    return formatting.join_and(parts) + " ({numref}`fig-ppl-gender`)."


def _counts_rank(f) -> str:
    parts = [f"{g['label']} ({g['zh']}, {g['count']}, {g['share']})" for g in listed(f, "g")]
    return "The report sorts employees into ranks: " + formatting.join_and(parts) + " ({numref}`fig-ppl-rank`)."


def _counts_age(f) -> str:
    groups = listed(f, "g")
    parts = [f"{(_people(g) if i == 0 else _those(g))} ({g['zh']}) {'numbered ' if i == 0 else ''}{g['count']} "
             f"({g['share']})" for i, g in enumerate(groups)]
    text = formatting.join_and(parts)
    return text[:1].upper() + text[1:] + " ({numref}`fig-ppl-age`)."


def _count_clause(item: dict, verb_shown: bool = True) -> str:
    """'the number of women rose by 35.6%', or without the verb when the previous clause had it."""
    case = item["case"]
    if case == "flat":
        return "stayed the same"
    if case == "up_from_zero":
        return f"went from none to {item['cur']}"
    verb = UP_DOWN[case] + " " if verb_shown else ""
    return f"{verb}by {item['size']}"


def _share_trend(direction: str):
    def sentence(f) -> str:
        what = SHARE_OF.get(f["share_of"], f"the share of employees {f['label']}")
        if direction == "flat":
            return f"{what.capitalize()} was unchanged at {f['cur']}, as in {f['prior_year']}."
        head = (f"{what.capitalize()} {UP_DOWN[direction]} from {f['prior']} in {f['prior_year']} to {f['cur']} "
                f"({f['change']})")
        a, b = ({k: fact(f, f"{side}_{k}") for k in ("category", "label", "case", "cur", "size")}
                for side in ("a", "b"))
        if a["case"] not in UP_DOWN or b["case"] not in UP_DOWN:
            return head + "."
        same = a["case"] == b["case"] and a["case"] in ("up", "down")
        link = " and that of " if same else " while that of "
        return (f"{head}, as the number of {_people(a)} {_count_clause(a)}{link}{_people(b)} "
                f"{_count_clause(b, verb_shown=not same)}.")
    return sentence


def _group_changes(f) -> str:
    """'Against 2022, general staff rose by 44.0%, middle management by 15.7% and senior management was
    unchanged at 14.'"""
    parts, previous = [], None
    for g in listed(f, "g"):
        if g["case"] == "flat":
            parts.append(f"{g['label']} was unchanged at {g['cur']}")
        else:
            parts.append(f"{g['label']} {_count_clause(g, verb_shown=g['case'] != previous)}")
        previous = g["case"]
    return f"Against {f['prior_year']}, " + formatting.join_and(parts) + "."


def _managers(direction: str):
    def sentence(f) -> str:
        head = f"Managers of both levels made up {f['cur']} of the workforce"
        if direction == "no_prior":
            return f"{head}, with {f['ratio']} general staff per manager."
        against = {"up": f"up from {f['prior']} in {f['prior_year']} ({f['change']})",
                   "down": f"down from {f['prior']} in {f['prior_year']} ({f['change']})",
                   "flat": f"as in {f['prior_year']}"}[direction]
        ratio = {"up": f", up from {f['ratio_prior']}", "down": f", down from {f['ratio_prior']}",
                 "flat": ", as a year earlier"}.get(f["ratio_case"], "")
        return f"{head}, {against}; there were {f['ratio']} general staff per manager{ratio}."
    return sentence


def _shares(reproduced: bool):
    def sentence(f) -> str:
        hedged = int(f["hedged"])
        count = f["count"]
        hedge = ("" if hedged == 0 else ", all of them hedged with “about” (約)" if str(hedged) == count else
                 f", {hedged} of them hedged with “about” (約)")
        head = (f"The narrative quotes {count} share{'' if count == '1' else 's'} of the workforce for {f['year']}"
                f"{hedge}; {{numref}}`tbl-ppl-shares` sets each against the share recomputed from the data-table "
                "headcounts.")
        if reproduced:
            tail = ("It is reproduced: the recomputed share rounds to the published one." if count == "1" else
                    f"All {count} are reproduced: each recomputed share rounds to the published one.")
        else:
            tail = f"Only {f['reproduced']} of the {count} are reproduced by the headcounts."
        return f"{head} {tail}"
    return sentence


# -- turnover ------------------------------------------------------------------------------------
def _rate_list(groups: list[dict]) -> str:
    parts = [f"none of {_those(g)}" if g.get("zero") else f"{g['rate']} of {_those(g)}" for g in groups]
    return formatting.join_and(parts)


def _turnover_groups(f) -> str:
    gender, age = listed(f, "gender"), listed(f, "age")
    parts = []
    if gender:
        parts.append(f"by gender, {_rate_list(gender)} left")
    if age:
        parts.append(f"by age, {_rate_list(age)}" + (" left" if not gender else ""))
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + " ({numref}`fig-ppl-turnover`, {numref}`tbl-ppl-turnover`)."


def _caution(f) -> str:
    return (f"A breakdown's rates, weighted by headcount, must average to the total they belong to, so for "
            f"{f['year']} a reader should treat either the total or the {f['dimensions']} rates as unverified.")


def _check_what(f) -> str:
    return DIMENSION_WORDS.get(f["dimension"], f["dimension"].replace("_", " "))


TEMPLATES = {
    "ppl.edition": {
        "own_report": "The descriptions of policies and programmes summarise the {year} report.",
        "comparative": "This {year} edition is built from the comparative column of the {later} report's data table: "
                       "it has the {year} figures but no policies, programmes or statements of its own for "
                       "{year}, so the chapter describes none.",
    },
    "ppl.headcount": {
        "up": "At the end of {year} the company had {cur} (僱員總數): the workforce grew by {diff}, or {size}, "
              "from {prior} a year earlier.",
        "down": "At the end of {year} the company had {cur} (僱員總數): the workforce shrank by {diff}, or {size}, "
                "from {prior} a year earlier.",
        "flat": "At the end of {year} the company had {cur} (僱員總數), as many as a year earlier: the workforce "
                "neither grew nor shrank.",
        "up_from_zero": "At the end of {year} the company had {cur} (僱員總數), against none a year earlier.",
        "no_prior": "At the end of {year} the company had {cur} (僱員總數). The data hold no {prior_year} figures, "
                    "so this edition cannot say how the workforce changed on the year.",
        "missing": "The report gives no headcount for {year}.",
    },
    "ppl.counts": {
        "gender": _counts_gender,
        "rank": _counts_rank,
        "age_group": _counts_age,
        "missing": "The report gives no headcount by this breakdown for {year}.",
    },
    "ppl.share_trend": {
        "up": _share_trend("up"), "down": _share_trend("down"), "flat": _share_trend("flat"),
        "no_prior": "", "missing": "",
    },
    "ppl.group_changes": {"shown": _group_changes, "no_prior": "", "missing": ""},
    "ppl.managers": {"up": _managers("up"), "down": _managers("down"), "flat": _managers("flat"),
                     "no_prior": _managers("no_prior"), "missing": ""},
    "ppl.rank_weight": {
        "dominant": "The ranks matter again for training below, where general staff, {share} of the workforce, "
                    "dominate any company-wide average.",
    },
    "ppl.employment_type": {
        "mostly_full_time": "Nearly everyone is employed full-time (全職): {full} people, or {full_share}. Part-time "
                            "staff (兼職) numbered {part} ({part_share}); their bar is barely visible in "
                            "{{numref}}`fig-ppl-employment-type`, which is why its label carries the value.",
        "mixed": "{full} people ({full_share}) are employed full-time (全職) and {part} ({part_share}) part-time "
                 "(兼職) ({{numref}}`fig-ppl-employment-type`).",
        "missing": "The report gives no headcount by employment type for {year}.",
    },
    "ppl.age_majority": {
        "more_than_half": "Employees {label} are more than half of the workforce ({count} of {total}).",
        "less_than_half": "Employees {label} are less than half of the workforce ({count} of {total}).",
        "half": "Employees {label} are exactly half of the workforce ({count} of {total}).",
    },
    "ppl.young_team": {
        "stated": "The report describes a deliberately young team (年輕化); the trend in the headcounts is the "
                  "thing to watch, not the rounded share in the narrative.",
    },
    "ppl.region": {
        "all_mainland": "Every one of the {total} employees works in mainland China (中國); the report counts none "
                        "outside it (中國境外). The regional breakdown the HKEX guide asks for therefore says little "
                        "here ({{numref}}`fig-ppl-region`); a split by city or office would be more informative, "
                        "but the report does not give one.",
        "some_outside": "{outside} of the {total} employees ({outside_share}) work outside mainland China (中國境外) "
                        "({{numref}}`fig-ppl-region`).",
        "missing": "The report gives no headcount by region for {year}.",
    },
    "ppl.region_prior": {
        "same": "The split was the same in {prior_year}.",
        "changed": "In {prior_year} the report counted {prior_outside} employees outside mainland China.",
    },
    "ppl.shares": {
        "all_reproduced": _shares(True),
        "some_not": _shares(False),
        "none_published": "The report's narrative publishes no shares of the workforce for {year}, so there is "
                          "nothing to reconcile; the shares in {{numref}}`tbl-ppl-workforce` are our own.",
        "no_narrative": "This edition has no narrative of its own for {year}, so there are no published shares to "
                        "reconcile; the shares in {{numref}}`tbl-ppl-workforce` are our own.",
    },
    # -- turnover
    "ppl.turnover_total": {
        "up": "The overall turnover rate was {cur} in {year}, up from {prior} in {prior_year} ({change}).",
        "down": "The overall turnover rate was {cur} in {year}, down from {prior} in {prior_year} ({change}).",
        "flat": "The overall turnover rate was {cur} in {year}, as in {prior_year}.",
        "no_prior": "The overall turnover rate was {cur} in {year}.",
        "missing": "The report gives no overall turnover rate for {year}.",
    },
    "ppl.turnover_groups": {"shown": _turnover_groups},
    "ppl.turnover_age_pattern": {
        "younger_higher": "Younger staff leave more often than their older colleagues, as in most firms.",
        "younger_not_higher": "Unusually, younger staff do not leave more often than their older colleagues.",
    },
    "ppl.turnover_small_group": {
        "shown": "Rates of small groups swing: the {label} group has {count} employees, so a single leaver moves "
                 "its rate by about {swing} percentage points.",
    },
    "ppl.turnover_region": {
        "mainland_only": "By region the report gives a rate for mainland China (中國) only; it has no employees "
                         "outside mainland China.",
        "by_region": "The report also gives the rates by region ({{numref}}`tbl-ppl-turnover`).",
    },
    "ppl.turnover_check": {
        "consistent": lambda f: (f"In {f['year']} the {_check_what(f)} rates, weighted by year-end headcount, "
                                 f"average {f['implied']} against the published total of {f['total']}: "
                                 "consistent within rounding."),
        "below_total": lambda f: (f"In {f['year']} the {_check_what(f)} rates, weighted by year-end headcount, "
                                  f"average only {f['implied']}, not the published total of {f['total']}; even "
                                  f"reading every {_check_what(f)} rate at the highest value its rounding allows "
                                  f"gives {f['bound']}."),
        "above_total": lambda f: (f"In {f['year']} the {_check_what(f)} rates, weighted by year-end headcount, "
                                  f"average {f['implied']}, above the published total of {f['total']}; even "
                                  f"reading every {_check_what(f)} rate at the lowest value its rounding allows "
                                  f"gives {f['bound']}."),
        "not_both": lambda f: (f"The report does not give both the total and the {_check_what(f)} rates for "
                               f"{f['year']}, so the two cannot be checked against each other."),
    },
    "ppl.turnover_base": {
        "shown": "Taking the printed rates as exact, to reach the total the {label} group, whose rate is the highest, "
                 "would have to make up about {need} of the base the rates are computed on; it is {actual} of the "
                 "year-end headcount.",
    },
    "ppl.turnover_caution": {
        "holds": "The {year} turnover figures therefore hold together on this check.",
        "unverified": _caution,
    },
    # -- health and safety
    "ppl.lost_days": {
        "zero_both": "No working day was lost to work injury in {year}, nor in {prior_year}.",
        "zero_no_prior": "No working day was lost to work injury in {year}.",
        "up": "{cur} were lost to work injury in {year}, against {prior} in {prior_year}.",
        "down": "{cur} were lost to work injury in {year}, against {prior} in {prior_year}.",
        "flat": "{cur} were lost to work injury in {year}, as in {prior_year}.",
        "up_from_zero": "{cur} were lost to work injury in {year}, against none in {prior_year}.",
        "no_prior": "{cur} were lost to work injury in {year}.",
        "missing": "The report gives no lost-day figure for {year}.",
    },
    "ppl.lost_days_per_employee": {
        "zero": "The data table also gives lost days per employee (人均因工傷損失工作日數): {value} "
                "({{numref}}`tbl-ppl-health`). No lost day is plausible for an office workforce, but the report does "
                "not say how injuries are recorded or whether commuting accidents count.",
        "some": "The data table also gives lost days per employee (人均因工傷損失工作日數): {value} "
                "({{numref}}`tbl-ppl-health`). The report does not say how injuries are recorded or whether "
                "commuting accidents count.",
    },
    "ppl.fatalities": {
        "not_disclosed": ASK_B21 + "The report gives no figure for any of those years, not even a statement that "
                                   "there were none, so B2.1 is not disclosed.",
        "not_disclosed_comparative": ASK_B21 + "The {later} report's comparative column gives no fatality figure for "
                                               "{year}, and this edition has no report of its own, so B2.1 is not "
                                               "disclosed.",
        "partly": ASK_B21 + "The data give fatality figures for {given} only, so B2.1 is partly disclosed.",
        "disclosed": ASK_B21 + "The data give fatality figures for each of them, from {first} to {year}.",
    },
    "ppl.health_measures": {
        "stated": "The measures described are those of an office employer: an environment, health and safety (EHS) "
                  "management system with its own performance indicators, safety training and inspections, yearly "
                  "health checks for all staff with a doctor to explain the results, first-aid talks, and support "
                  "for mental health through an outside counselling service and a course on handling stress at "
                  "work. The report gives no figures on how many employees used any of them.",
        "comparative": "The {later} report's comparative column gives no account of health and safety measures "
                       "for {year}.",
    },
}
