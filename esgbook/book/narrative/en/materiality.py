"""English templates of chapter 2, materiality ('mat.*' topics)."""
from __future__ import annotations

NUMBER_WORDS = {"1": "one", "2": "two", "3": "three", "4": "four", "5": "five"}


def _n(count: str, one: str, many: str) -> str:
    return f"{count} {one if count in ('1', 'one') else many}"


def _tiers(f: dict) -> str:
    """The ranking and one bullet per tier (a markdown list inside the glued paragraph)."""
    tiers = f["tier_count"]
    head = (f"For {f['year']} the report ranks {f['count']} topics and sorts them with a materiality matrix "
            f"(重要性矩陣) into {NUMBER_WORDS.get(tiers, tiers)} tier{'' if tiers == '1' else 's'} "
            "({numref}`tbl-mat-topics`, {numref}`fig-mat-topics`):")
    return head + "\n\n" + "\n".join(f"- {line}" for line in f["tier_lines"].split("\n")) + "\n"


def _groups(f: dict) -> str:
    """Where the workforce and environmental topics rank (a group the ranking lacks is left out)."""
    parts = [f"the {label} topics rank {f[key]}" for key, label in (("workforce", "workforce"),
                                                                       ("environment", "environmental"))
             if f[key]]
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def _series(sep: str, last: str = "."):
    """A list written one item after another ('mat.groups', 'mat.tier_lines' ...): `sep` between items."""
    return {"one": "{first}" + last, "two": "{first}" + sep + "{rest}", "more": "{first}" + sep + "{rest}"}


READING = ("The mapping mostly follows the company's own functions (employees to workforce topics, environmental "
           "organisations to the environmental ones) rather than reading like findings about what each group cares "
           "about{odd}. The report mentions questionnaires and a power–interest model (權力-利益模型) but gives no "
           "survey size, response rate or results, so the link between what stakeholders said and the ranking cannot "
           "be checked.")
MATRIX = ("The report does not publish the matrix itself (the scores on each axis), so a reader cannot see how close "
          "the topics on either side of a tier boundary were")

TEMPLATES = {
    "mat.tier_lines": _series(";\n"),
    "mat.groups": _series("; ", ""),
    "mat.pairs": _series("; ", ""),
    "mat.topic_name": {"both": "{en} ({zh})"},
    "mat.group_ranks": {"one_tier": "{ranks}, all in the {tiers} tier", "several_tiers": "{ranks}, in the {tiers} tiers"},
    "mat.overlap": {"pair": "{topic} against {ranked}"},
    "mat.unranked_topic": {"raised": "{topic} ({topic_zh}, raised by {groups})"},
    "mat.variant": {"pair": "{used} for {ranked}"},
    "mat.shared_topic": {"raised": "{topic} ({groups})"},
    "mat.odd_pairing": {"employees_inclusive_finance": "employees are listed as raising inclusive finance for small "
                                                       "businesses, answered by “{response}”"},
    "mat.thin_response": {"stated": "Some responses are also thin: “{response}” is the whole answer to {group}' "
                                    "concern about {topic}."},
    "mat.matching": {"intro": "Matching the stakeholder topics against the ranked list shows how far the two lists "
                              "share a vocabulary:"},
    "mat.office_based": {"stated": "That fits an office-based company whose environmental weight lies in what it "
                                   "finances rather than in its own operations", "none": ""},
    "mat.matrix": {"no_prior_ranking": MATRIX + ", nor how the ranking moved since the previous year",
                   "same_ranking": MATRIX + "; the ranking is the same as {prior_year}'s, topic for topic",
                   "moved": MATRIX + "; of the {both} topics ranked in both years, {moved} changed rank since "
                                     "{prior_year}"},
    "mat.topics": {
        "ranked": _tiers,
        "none": "The {year} report, as the data hold it, ranks no material topics.",
        "no_own_report": ("The {year} figures in this book come from the comparative column of the {report_year} "
                          "report, and the data hold no materiality assessment of {year}: there is no ranking of "
                          "topics and no stakeholder table for that year to analyse. The {report_year} edition "
                          "of this chapter discusses the {report_year} assessment."),
    },
    "mat.tier_line": {
        "several": "**{tier} ({tier_zh})**, ranks {first}–{last}: {count} topics, led by {top}",
        "one": "**{tier} ({tier_zh})**, rank {first}: one topic, {top}",
        "several_listed": "**{tier} ({tier_zh})**, ranks {first}–{last}: {count} topics, {topics}",
    },
    "mat.topic_groups": {"ranked": _groups, "none": ""},
    "mat.stakeholders": {
        "listed": ("For {year} the report lists {groups} stakeholder groups. Between them they raise {concerns} "
                   "concerns about {topics} distinct topics; {busiest} raise the most ({busiest_count} topics "
                   "each). {{numref}}`fig-mat-matrix` maps every group against every topic it raises, and "
                   "{{numref}}`tbl-mat-concerns` gives the company's response to each."),
        "listed_one_busiest": ("For {year} the report lists {groups} stakeholder groups. Between them they raise "
                               "{concerns} concerns about {topics} distinct topics; {busiest} raise the most "
                               "({busiest_count} topics). {{numref}}`fig-mat-matrix` maps every group against every "
                               "topic it raises, and {{numref}}`tbl-mat-concerns` gives the company's response to "
                               "each."),
        "none": "The {year} report, as the data hold it, lists no stakeholder concerns.",
    },
    "mat.unranked": {
        "some": lambda f: (f"- **Topics outside the ranked list.** {_n(f['count'], 'topic', 'topics')} that "
                           f"stakeholders raise {'is' if f['count'] == '1' else 'are'} not among the ranked material "
                           f"topics: {f['topics']}." + (f" Some overlap a ranked topic in substance "
                                                       f"({f['overlaps']})" if f["overlaps"] else "")
                           + (f"{'; others' if f['overlaps'] else ' Others'}, such as {f['no_counterpart']}, have "
                              "no counterpart in the ranking at all." if f["no_counterpart"] else
                              ("." if f["overlaps"] else ""))),
        "none": "- **Topics outside the ranked list.** Every topic stakeholders raise is among the ranked topics.",
    },
    "mat.variants": {
        "some": lambda f: (f"- **Wording.** In {_n(NUMBER_WORDS.get(f['count'], f['count']), 'case', 'cases')} the stakeholder table names a ranked "
                           f"topic in different words ({f['variants']}); the book matches the two on the English "
                           "topic name."),
        "none": "- **Wording.** The stakeholder table names every ranked topic in the words of the ranking.",
    },
    "mat.coverage": {
        "all_raised": "- **Coverage.** Every ranked topic is raised by at least one stakeholder group.",
        "some_silent": "- **Coverage.** No stakeholder group raises {silent}.",
    },
    "mat.shared": {
        "some": lambda f: (f"Only {_n(f['count'], 'ranked topic is', 'ranked topics are')} raised by more than one "
                           f"group: {f['topics']}."),
        "none": "No ranked topic is raised by more than one group.",
    },
    "mat.reading": {
        "none": READING.format(odd=""),
        "one_odd": READING.format(odd=", with one odd pairing in the published table: {odd}"),
        "several_odd": READING.format(odd=", with {count} odd pairings in the published table: {odd}"),
    },
}
