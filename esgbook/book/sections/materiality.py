"""Chapter 2, materiality (實質性議題分析): the ranked material topics and the stakeholder concerns.

The stakeholder table and the ranked list are two separate lists in the report. They are matched
on the English topic name, which the data package keeps consistent between the two files; the
Chinese names differ in wording once (see `matched_concerns`), so they cannot be the key.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from esgbook.analysis.findings import name
from esgbook.book import charts, present
from esgbook.book.narrative import Finding, Md, absent, paragraph, sentence, write
from esgbook.book.narrative.bilingual import Bilingual, concat, entry, glossed, same, spaced, span
from esgbook.inputs.dataset import Dataset

PREFIX = "mat"  # of every glue key, table and figure label (tests/test_section_contract.py)

TIERS = {"high": ("High", "高度重要"), "medium": ("Medium", "中度重要"), "low": ("Low", "輕度重要")}
TIER_COLOURS = {"high": charts.PALETTE[0], "medium": charts.PALETTE[1], "low": charts.PALETTE[2],
                "not ranked": charts.PALETTE[5]}
NOT_RANKED = "not ranked"
# Which ranked topics the prose discusses as groups (ids of material_topics.csv).
WORKFORCE = ["employee_training", "employee_health_safety", "employee_rights"]
ENVIRONMENT = ["green_operations", "emissions_management", "resource_use", "extreme_weather"]


def _groups(items: list[str], con: pd.DataFrame) -> str:
    """Group names in the current language, joined with semicolons (some names contain 'and'); 'none'."""
    return write(_group_names(items, con)) if items else "none"


def topics(ds: Dataset) -> pd.DataFrame:
    frame = ds.table("material_topics")
    return frame[frame["year"] == ds.year].sort_values("rank").reset_index(drop=True)


def concerns(ds: Dataset) -> pd.DataFrame:
    """Stakeholder concerns of the year, in the report's order."""
    frame = ds.table("stakeholder_concerns")
    return frame[frame["year"] == ds.year].sort_values("row").reset_index(drop=True)


def matched_concerns(ds: Dataset) -> pd.DataFrame:
    """Each concern with the ranked topic it names (rank, tier, topic_id), or NaN when it names none."""
    top = topics(ds)[["rank", "topic_id", "name_en", "name_zh", "tier"]].rename(columns={"name_zh": "ranked_name_zh"})
    top["key"] = top["name_en"].str.casefold()
    frame = concerns(ds).copy()
    frame["key"] = frame["topic_en"].str.casefold()
    out = frame.merge(top.drop(columns="name_en"), on="key", how="left").drop(columns="key")
    out["tier"] = out["tier"].fillna(NOT_RANKED)
    return out


def unranked_topics(ds: Dataset) -> pd.DataFrame:
    """Topics stakeholders raise that are not among the ranked material topics (one row per topic)."""
    m = matched_concerns(ds)
    miss = m[m["rank"].isna()]
    return miss.groupby(["topic_en", "topic_zh"], sort=False)["stakeholder_en"].apply(list).reset_index()


def groups_per_topic(ds: Dataset) -> pd.DataFrame:
    """Ranked topics with the stakeholder groups that raise each (possibly none)."""
    m = matched_concerns(ds).dropna(subset=["rank"])
    raised = m.groupby("topic_id")["stakeholder_en"].apply(list)
    out = topics(ds).copy()
    out["groups"] = [raised.get(t, []) for t in out["topic_id"]]
    out["group_count"] = out["groups"].map(len)
    return out


# The book's reading of the stakeholder table: an unranked topic that overlaps a ranked one in substance
# (English topic names of the two files). Only pairs present in the year's data are stated.
OVERLAPS = {"Corporate governance": "compliant operations",
            "Compliance and anti-corruption management": "compliant operations",
            "Poverty alleviation and charity": "community and public welfare"}
# Pairings the book calls out when the year's table holds them: (group id, topic_en) -> the case of
# 'mat.odd_pairing' that says what is odd.
ODD_PAIRINGS = {("employees", "Inclusive finance for small and micro businesses"): "employees_inclusive_finance"}
THIN_RESPONSES = {"Information disclosure"}


def _series(topic: str, items: list) -> Finding:
    """A list the languages join their own way ('a; b; c' in English, where names contain 'and')."""
    if len(items) == 1:
        return Finding(topic, "one", {"first": items[0]})
    return Finding(topic, "two" if len(items) == 2 else "more", {"first": items[0], "rest": _series(topic, items[1:])})


def _series_items(series: Finding) -> list:
    """The items of a `_series` list, in order."""
    return [series.facts["first"], *(_series_items(series.facts["rest"]) if "rest" in series.facts else [])]


def _group_names(groups: list[str], con: pd.DataFrame, listed: bool = True) -> Finding | list[Finding]:
    """Stakeholder groups (by English name) in both languages: a list joined with semicolons, or the names."""
    zh = dict(zip(con["stakeholder_en"], con["stakeholder_zh"]))
    names = [name(g, zh[g]) for g in groups]
    return _series("mat.groups", names) if listed else names


def _group_ranks(top: pd.DataFrame, ids: list[str]) -> Finding | str:
    """Where a group of topics ranks ('13, 14 and 16, all in the medium tier'); '' when the ranking holds none."""
    part = top[top["topic_id"].isin(ids)]
    if part.empty:
        return ""
    tiers = [name(TIERS[t][0].lower(), TIERS[t][1]) for t in dict.fromkeys(part["tier"])]
    return Finding("mat.group_ranks", "one_tier" if len(tiers) == 1 else "several_tiers",
                   {"ranks": [str(r) for r in part["rank"]], "tiers": tiers})


def _tier_line(part: pd.DataFrame, tier: str) -> Finding:
    en, zh = TIERS[tier]
    names = [Finding("mat.topic_name", "both", {"en": r.name_en, "zh": r.name_zh}) for r in part.itertuples()]
    facts = {"tier": en, "tier_zh": zh, "first": int(part["rank"].min()), "last": int(part["rank"].max()),
             "count": len(part), "top": names[0], "topics": names}
    # A short tier is listed in full; a long one is named by its first topic.
    case = "one" if len(part) == 1 else "several_listed" if len(part) <= 3 else "several"
    return Finding("mat.tier_line", case, facts)


def topics_findings(ds: Dataset) -> list[Finding]:
    """The ranked topics by tier, and where the workforce and environmental topics rank."""
    y, top = ds.year, topics(ds)
    if not ds.own_report:
        later = ds.report["report_year"] if ds.report else y + 1
        return [Finding("mat.topics", "no_own_report", {"year": y, "report_year": int(later)})]
    if top.empty:
        return [Finding("mat.topics", "none", {"year": y})]
    lines = [_tier_line(top[top["tier"] == t], t) for t in TIERS if (top["tier"] == t).any()]
    return [Finding("mat.topics", "ranked", {"year": y, "count": len(top), "tier_count": top["tier"].nunique(),
                                             "tier_lines": _series("mat.tier_lines", lines)}),
            Finding("mat.topic_groups", "ranked" if top["topic_id"].isin(WORKFORCE + ENVIRONMENT).any() else "none",
                    {"workforce": _group_ranks(top, WORKFORCE), "environment": _group_ranks(top, ENVIRONMENT)})]


def stakeholder_findings(ds: Dataset) -> list[Finding]:
    """The stakeholder table, and how its topics line up with the ranked list."""
    y, con = ds.year, concerns(ds)
    if not ds.own_report:
        return []  # said once, with the topics
    if con.empty:
        return [Finding("mat.stakeholders", "none", {"year": y})]
    per_group = con.groupby("stakeholder_en", sort=False).size()
    busiest = sorted(g for g, n in per_group.items() if n == per_group.max())
    out = [Finding("mat.stakeholders", "listed" if len(busiest) > 1 else "listed_one_busiest", {
        "year": y, "groups": con["stakeholder_id"].nunique(), "concerns": len(con),
        "topics": con["topic_en"].str.casefold().nunique(), "busiest": _group_names(busiest, con, listed=False),
        "busiest_count": int(per_group.max())})]
    top = topics(ds)
    if top.empty:
        return out
    m = matched_concerns(ds)
    un = unranked_topics(ds)
    ranked = {n.casefold(): (n, z) for n, z in zip(top["name_en"], top["name_zh"])}
    # An overlap is stated only when its ranked counterpart is ranked in the year.
    paired = {r.topic_en: r for r in un.itertuples() if OVERLAPS.get(r.topic_en, "").casefold() in ranked}
    overlaps = [Finding("mat.overlap", "pair", {"topic": name(t, r.topic_zh, "first_lower"),
                                                "ranked": name(OVERLAPS[t], ranked[OVERLAPS[t].casefold()][1])})
                for t, r in paired.items()]
    others = [name(r.topic_en, r.topic_zh, "first_lower") for r in un.itertuples() if r.topic_en not in paired]
    out.append(Finding("mat.unranked", "some" if len(un) else "none", {
        "count": len(un), "overlaps": _series("mat.pairs", overlaps) if overlaps else "",
        "no_counterpart": others[:2] if others else "",
        "topics": [Finding("mat.unranked_topic", "raised", {"topic": name(r.topic_en, r.topic_zh), "topic_zh": r.topic_zh,
                                                              "groups": _group_names(r.stakeholder_en, con)})
                   for r in un.itertuples()]}))
    variants = m.dropna(subset=["rank"])
    variants = variants[variants["topic_zh"] != variants["ranked_name_zh"]]
    out.append(Finding("mat.variants", "some" if len(variants) else "none", {
        "count": len(variants),
        "variants": [Finding("mat.variant", "pair", {"used": r.topic_zh, "ranked": r.ranked_name_zh})
                     for r in variants.itertuples()]}))
    gpt = groups_per_topic(ds)
    silent, shared = gpt[gpt["group_count"] == 0], gpt[gpt["group_count"] > 1]
    out.append(Finding("mat.coverage", "some_silent" if len(silent) else "all_raised",
                       {"silent": [name(e, z) for e, z in zip(silent["name_en"], silent["name_zh"])]}))
    out.append(Finding("mat.shared", "some" if len(shared) else "none", {
        "count": len(shared), "topics": [Finding("mat.shared_topic", "raised", {
            "topic": name(r.name_en, r.name_zh), "groups": _group_names(r.groups, con)}) for r in shared.itertuples()]}))
    odd = [Finding("mat.odd_pairing", case, {"response": name(r.response_en, r.response_zh, "lower")})
           for r in con.itertuples() for (group, topic), case in ODD_PAIRINGS.items()
           if r.stakeholder_id == group and r.topic_en == topic]
    out.append(Finding("mat.reading", "none" if not odd else "one_odd" if len(odd) == 1 else "several_odd",
                       {"odd": odd, "count": len(odd)}))
    out += [Finding("mat.thin_response", "stated", {
        "response": name(r.response_en, r.response_zh, "lower"), "group": name(r.stakeholder_en, r.stakeholder_zh, "lower"),
        "topic": name(r.topic_en, r.topic_zh, "lower")}) for r in con.itertuples() if r.response_en in THIN_RESPONSES][:1]
    return out


def office_finding(ds: Dataset) -> Finding:
    """The book's reading of a ranking whose environmental topics sit mostly in its lower half."""
    top = topics(ds)
    env = top[top["topic_id"].isin(ENVIRONMENT)]
    return Finding("mat.office_based", "stated" if len(env) and env["rank"].median() > len(top) / 2 else "none", {})


def matrix_finding(ds: Dataset) -> Finding:
    """What a reader cannot see without the matrix scores, and whether the data hold the prior year's ranking."""
    frame = ds.table("material_topics")
    cur, prior = topics(ds), frame[frame["year"] == ds.year - 1]
    if prior.empty:
        return Finding("mat.matrix", "no_prior_ranking", {"prior_year": ds.year - 1})
    both = cur.merge(prior[["topic_id", "rank"]], on="topic_id", suffixes=("", "_prior"))
    moved = int((both["rank"] != both["rank_prior"]).sum())
    return Finding("mat.matrix", "moved" if moved else "same_ranking",
                   {"prior_year": ds.year - 1, "moved": moved, "both": len(both)})


def numbers(ds: Dataset) -> dict[str, str]:
    """Every value the chapter glues: the same keys in every edition, every one a str (Md for paragraphs)."""
    tops, stake = topics_findings(ds), stakeholder_findings(ds)
    by_topic = {f.topic: f for f in stake}
    shown = ds.own_report and not topics(ds).empty

    def one(topic: str) -> str:
        return write(by_topic[topic]) if topic in by_topic else ""

    matching = [one("mat.unranked"), one("mat.variants")]
    if "mat.coverage" in by_topic:
        matching.append(paragraph(one("mat.coverage"), one("mat.shared")))
    matching_text = write(Finding("mat.matching", "intro", {})) + "\n\n" + "\n".join(m for m in matching if m) + "\n"
    return {
        "mat_year": str(ds.year),
        "mat_topics_text": Md(write(tops[0])),
        "mat_topic_groups_text": (paragraph(write(tops[1]), sentence(write(office_finding(ds))),
                                            sentence(write(matrix_finding(ds))))
                                  if shown else absent("the ranking's reading")),
        "mat_stakeholders_text": (Md(one("mat.stakeholders")) if "mat.stakeholders" in by_topic
                                  else absent("no stakeholder table for the year")),
        "mat_matching_text": Md(matching_text) if "mat.unranked" in by_topic else absent("no ranked list to match"),
        "mat_reading_text": (paragraph(sentence(one("mat.reading")), sentence(one("mat.thin_response")))
                             if "mat.reading" in by_topic else absent("no stakeholder table")),
    }


def hkex_status(ds: Dataset) -> dict[str, tuple[str, str]]:
    """MDR.2 (how the materiality principle was applied), from the same findings the chapter states."""
    case = topics_findings(ds)[0].case
    if case == "ranked":
        top = topics(ds)
        return {"MDR.2": ("disclosed", entry(
            "The report explains its reporting principles and ranks {n} material topics in {n2} tiers with a "
            "materiality matrix; the matrix scores are not published.", n=len(top), n2=top["tier"].nunique()))}
    if case == "none":
        return {"MDR.2": ("not disclosed", entry("The data hold no materiality assessment for {year}.", year=ds.year))}
    return {"MDR.2": ("not disclosed", entry(
        "No report of {year} in the data: the edition's figures are a later report's comparative column, with no "
        "materiality assessment of {year2}.", year=ds.year, year2=ds.year))}


def _missing_note(ds: Dataset, what: str) -> Bilingual:
    """Why a table or chart of the year is empty: no report of its own, or none in its report (`what`: the
    catalogue's 'material topics' or 'stakeholder concerns')."""
    if ds.own_report:
        return entry("The {year} report, as the data hold it, gives no {text}.", year=ds.year, text=what)
    if ds.report:
        return entry("No {text} for {year}: the edition's figures are the {year2} report's comparative column.",
                     text=what, year=ds.year, year2=ds.report["report_year"])
    return entry("No {text} for {year}: the edition's figures are a later report's comparative column.",
                 text=what, year=ds.year)


def topics_table(ds: Dataset) -> present.Table:
    gpt = groups_per_topic(ds)
    frame = pd.DataFrame({
        "Rank": gpt["rank"].tolist(),
        "Topic (議題)": [glossed(e, z) for e, z in zip(gpt["name_en"], gpt["name_zh"])],
        "Tier": [glossed(*TIERS[t]) for t in gpt["tier"]],
        "Raised by": [_groups(g, concerns(ds)) for g in gpt["groups"]],
    })
    if frame.empty:
        frame = pd.DataFrame([{"Note": _missing_note(ds, "material topics")}])
    return present.table(frame, "tbl-mat-topics", entry("Material topics of {year} (實質性議題) by rank and tier, "
                                                        "with the stakeholder groups that raise each in the "
                                                        "stakeholder table.", year=ds.year),
                         present.source(ds, "material_topics", "stakeholder_concerns",
                                        section="02 實質性議題分析 > 實質性議題的識別、評估與排序"))


def concerns_table(ds: Dataset) -> present.Table:
    m = matched_concerns(ds)
    frame = pd.DataFrame({
        "Stakeholder group": [glossed(a, b) for a, b in zip(m["stakeholder_en"], m["stakeholder_zh"])],
        "Topic raised": [glossed(a, b) for a, b in zip(m["topic_en"], m["topic_zh"])],
        "Rank": [NOT_RANKED if pd.isna(r) else str(int(r)) for r in m["rank"]],
        "Company response": _responses(m),
        "回應方式": [same(z) for z in m["response_zh"]],  # the report's own words, in both editions
    })
    if frame.empty:
        frame = pd.DataFrame([{"Note": _missing_note(ds, "stakeholder concerns")}])
    return present.table(frame, "tbl-mat-concerns", entry("Stakeholder groups, the topics they raise and the "
                                                          "company's responses (利益相關方溝通), {year}; 'not ranked' "
                                                          "marks a topic that is not among the ranked material "
                                                          "topics.", year=ds.year),
                         present.source(ds, "stakeholder_concerns", "material_topics",
                                        section="02 實質性議題分析 > 利益相關方溝通"))


def _responses(m: pd.DataFrame) -> list[Bilingual]:
    """The company's response to each concern, with the report's Chinese."""
    return [Bilingual(e, z) for e, z in zip(m["response_en"], m["response_zh"])]


def _tier_label(tier: str) -> str:
    return "Not among the ranked topics" if tier == NOT_RANKED else spaced(*TIERS[tier])


def _ranked_topic(rank, en: str, zh: str) -> Bilingual:
    """A topic as a chart's axis names it: '1. Innovation and R&D 創新與研發' / 1.創新與研發, or, not ranked,
    'Carbon neutrality plan 碳中和計畫 (not ranked)' / 碳中和計畫（未排序）."""
    if pd.isna(rank):
        return entry("{text} (not ranked)", text=spaced(en, zh))
    return concat(same(f"{int(rank)}."), spaced(en, zh), sep=" ", zh_sep="")


def topics_chart(ds: Dataset) -> charts.Chart:
    """One bar per ranked topic, in rank order, grouped in one panel per tier; the bar is the
    number of stakeholder groups that raise the topic."""
    label, title = "fig-mat-topics", entry("Material topics by tier and rank (實質性議題), {year}", year=ds.year)
    gpt = groups_per_topic(ds)
    if gpt.empty:
        return charts.placeholder(label, title, _missing_note(ds, "material topics"))
    frame = pd.DataFrame({
        "rank": gpt["rank"],
        "topic": [_ranked_topic(r, e, z) for r, e, z in zip(gpt["rank"], gpt["name_en"], gpt["name_zh"])],
        "tier": gpt["tier"], "tier_label": [_tier_label(t) for t in gpt["tier"]],
        "stakeholder_groups": gpt["group_count"],
        "raised_by": [_groups(g, concerns(ds)) for g in gpt["groups"]],
    })
    frame["label"] = frame["stakeholder_groups"].map(lambda n: entry("{n} group" if n == 1 else "{n} groups", n=n))
    tiers = [t for t in TIERS if t in set(frame["tier"])]
    base = alt.Chart(frame).encode(y=alt.Y("topic:N", sort=alt.EncodingSortField("rank", order="ascending"),
                                           title=None, axis=alt.Axis(labelLimit=420)))
    ticks = list(range(0, int(frame["stakeholder_groups"].max()) + 1))
    bars = base.mark_bar().encode(
        x=alt.X("stakeholder_groups:Q", title="Stakeholder groups raising the topic (count)",
                axis=alt.Axis(values=ticks, format="d"), scale=alt.Scale(domainMin=0)),
        color=alt.Color("tier_label:N", legend=None, sort=[_tier_label(t) for t in tiers],
                        scale=alt.Scale(domain=[_tier_label(t) for t in tiers],
                                        range=[TIER_COLOURS[t] for t in tiers])),
        tooltip=["rank:Q", "topic:N", "tier_label:N", "stakeholder_groups:Q", "raised_by:N"])
    text = base.mark_text(align="left", dx=3, fontSize=10, font=charts.FONT).encode(
        x="stakeholder_groups:Q", text="label:N")
    chart = alt.layer(bars, text).properties(width=charts.WIDTH - 220, height=alt.Step(18)).facet(
        row=alt.Row("tier_label:N", title=None, sort=[_tier_label(t) for t in tiers],
                    header=alt.Header(labelFont=charts.FONT, labelAngle=0, labelAlign="left", labelOrient="top",
                                      labelFontWeight="bold", labelFontSize=12, labelAnchor="start")),
        title=alt.TitleParams(title, anchor="start", font=charts.FONT,
                              subtitle=entry("Ranked {n} (most material) downwards, one panel per tier of the "
                                             "report", n=1),
                              subtitleFont=charts.FONT)).resolve_scale(y="independent")
    return charts.Chart(chart, label, title,
                        entry("Horizontal bar chart of the {n} material topics of {year}, listed by rank in one panel "
                              "per materiality tier (high, medium, low); each bar's length and label give the number "
                              "of stakeholder groups that raise the topic.", n=len(frame), year=ds.year),
                        frame.drop(columns="label"))


def matrix_chart(ds: Dataset) -> charts.Chart:
    """Stakeholder group x topic: a cell for each concern, coloured by the topic's tier and marked with
    the tier's letter (or ×, not ranked) so the colour is not the only carrier."""
    label = "fig-mat-matrix"
    title = entry("{text}, {span}", text=glossed("Which stakeholder group raises which topic", "利益相關方溝通"),
                  span=span(ds.year))
    m = matched_concerns(ds)
    if m.empty:
        return charts.placeholder(label, title, _missing_note(ds, "stakeholder concerns"))
    frame = pd.DataFrame({
        "stakeholder": [spaced(a, b) for a, b in zip(m["stakeholder_en"], m["stakeholder_zh"])],
        "topic": [_ranked_topic(r, e, z) for r, e, z in zip(m["rank"], m["topic_en"], m["topic_zh"])],
        "rank": m["rank"], "tier": m["tier"], "tier_label": [_tier_label(t) for t in m["tier"]],
        "mark": ["×" if t == NOT_RANKED else TIERS[t][0][0] for t in m["tier"]],
        "response": _responses(m),
    })
    # Ranked topics first by rank, then the unranked ones in the order the report lists them.
    topic_order = list(dict.fromkeys(frame.sort_values("rank", na_position="last", kind="stable")["topic"]))
    group_order = list(dict.fromkeys(frame["stakeholder"]))
    tiers = [t for t in [*TIERS, NOT_RANKED] if t in set(frame["tier"])]
    domain = [_tier_label(t) for t in tiers]
    base = alt.Chart(frame).encode(
        x=alt.X("stakeholder:N", sort=group_order, title=glossed("Stakeholder group", "相關利益人士"),
                axis=alt.Axis(labelAngle=-40, orient="top", labelLimit=260)),
        y=alt.Y("topic:N", sort=topic_order, title=None, axis=alt.Axis(labelLimit=420)))
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color("tier_label:N", title="Tier of the topic", sort=domain,
                        scale=alt.Scale(domain=domain, range=[TIER_COLOURS[t] for t in tiers])),
        tooltip=["stakeholder:N", "topic:N", "tier_label:N", "response:N"])
    text = base.mark_text(font=charts.FONT, fontSize=11, fontWeight="bold", color="white").encode(text="mark:N")
    chart = alt.layer(cells, text).properties(
        width=alt.Step(44), height=alt.Step(18),
        title=alt.TitleParams(title, anchor="start", font=charts.FONT, subtitleFont=charts.FONT,
                              subtitle=["Rows: topics raised (關注的實質性議題), ranked topics first by rank",
                                        "Cell letter = tier of the topic: H high, M medium, L low, × not ranked"]))
    return charts.Chart(chart.configure_legend(orient="bottom", columns=2), label, title,
                        concat(entry("Matrix of the {n} stakeholder groups (columns) against the {n2} topics they "
                                     "raise (rows, ranked topics first).", n=m["stakeholder_id"].nunique(),
                                     n2=frame["topic"].nunique()),
                               entry("A filled cell means the group raises the topic; its letter gives the topic's "
                                     "materiality tier (H, M, L) or × when the topic is not among the ranked "
                                     "material topics."), sep=" ", zh_sep=""),
                        frame.drop(columns="mark"))
