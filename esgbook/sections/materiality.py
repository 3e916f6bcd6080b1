"""Chapter 2, materiality (實質性議題分析): the ranked material topics and the stakeholder concerns.

The stakeholder table and the ranked list are two separate lists in the report. They are matched
on the English topic name, which the data package keeps consistent between the two files; the
Chinese names differ in wording once (see `matched_concerns`), so they cannot be the key.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from .. import charts, present
from ..data import Dataset

TIERS = {"high": ("High", "高度重要"), "medium": ("Medium", "中度重要"), "low": ("Low", "輕度重要")}
TIER_COLOURS = {"high": charts.PALETTE[0], "medium": charts.PALETTE[1], "low": charts.PALETTE[2],
                "not ranked": charts.PALETTE[5]}
NOT_RANKED = "not ranked"
# Which ranked topics the prose discusses as groups (ids of material_topics.csv).
WORKFORCE = ["employee_training", "employee_health_safety", "employee_rights"]
ENVIRONMENT = ["green_operations", "emissions_management", "resource_use", "extreme_weather"]


def _groups(items: list[str]) -> str:
    """Group names joined with semicolons (some names contain 'and')."""
    return "; ".join(items) if items else "none"


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


def numbers(ds: Dataset) -> dict[str, str]:
    """Every figure the chapter's prose quotes, formatted."""
    y = ds.year
    top, con = topics(ds), concerns(ds)
    out: dict[str, str] = {"mat_year": str(y)}
    out["mat_topics_count"] = str(len(top))
    out["mat_tiers_count"] = str(top["tier"].nunique())
    for tier in TIERS:
        part = top[top["tier"] == tier]
        out[f"mat_{tier}_count"] = str(len(part))
        out[f"mat_{tier}_ranks"] = (f"{part['rank'].min()}–{part['rank'].max()}" if len(part) > 1
                                    else str(part["rank"].iloc[0]) if len(part) else "n/a")
        out[f"mat_{tier}_topics"] = present.join_and([f"{r.name_en} ({r.name_zh})" for r in part.itertuples()])
    for key, ids in (("workforce", WORKFORCE), ("environment", ENVIRONMENT)):
        part = top[top["topic_id"].isin(ids)]
        tiers = [TIERS[t][0].lower() for t in dict.fromkeys(part["tier"])]
        where = f"all in the {tiers[0]} tier" if len(tiers) == 1 else f"in the {present.join_and(tiers)} tiers"
        ranks = present.join_and([str(r) for r in part["rank"]])
        out[f"mat_{key}_topics"] = f"{ranks}, {where}" if len(part) else "n/a"
    out["mat_top_topic"] = f"{top['name_en'].iloc[0]} ({top['name_zh'].iloc[0]})" if len(top) else "n/a"
    out["mat_topics_availability"] = (
        f"For {y} the report ranks {len(top)} topics." if len(top) else
        f"The data package holds no material topics for {y} (that year's report is not transcribed): the "
        f"figures below read n/a, the table and chart are empty, and the discussion describes the "
        f"{int(ds.table('material_topics')['year'].max())} report.")

    # Stakeholders: groups, concerns, and how their topics line up with the ranked list.
    m = matched_concerns(ds)
    out["mat_groups_count"] = str(con["stakeholder_id"].nunique())
    out["mat_concerns_count"] = str(len(con))
    out["mat_distinct_topics_count"] = str(con["topic_en"].str.casefold().nunique())
    per_group = con.groupby("stakeholder_en", sort=False).size()
    if len(per_group):
        most = sorted(g for g, n in per_group.items() if n == per_group.max())
        out["mat_busiest_groups"] = present.join_and(most)
        out["mat_busiest_groups_count"] = str(int(per_group.max()))
    else:
        out["mat_busiest_groups"], out["mat_busiest_groups_count"] = "none", "0"
    un = unranked_topics(ds)
    out["mat_unranked_count"] = str(len(un))
    out["mat_unranked_rows"] = str(int(m["rank"].isna().sum()))
    out["mat_unranked_topics"] = present.join_and(
        [f"{r.topic_en} ({r.topic_zh}, raised by {_groups(r.stakeholder_en)})" for r in un.itertuples()])
    variants = m.dropna(subset=["rank"])
    variants = variants[variants["topic_zh"] != variants["ranked_name_zh"]]
    out["mat_variant_count"] = str(len(variants))
    out["mat_variants"] = present.join_and([f"{r.topic_zh} for {r.ranked_name_zh}" for r in variants.itertuples()])
    gpt = groups_per_topic(ds)
    silent = gpt[gpt["group_count"] == 0]
    out["mat_silent_count"] = str(len(silent))
    out["mat_silent_sentence"] = (
        "Every ranked topic is raised by at least one stakeholder group." if len(gpt) and silent.empty else
        f"No stakeholder group raises {present.join_and(list(silent['name_en']))}." if len(silent) else
        "With no ranked topics for the year there is nothing to match.")
    shared = gpt[gpt["group_count"] > 1]
    out["mat_shared_count"] = str(len(shared))
    out["mat_shared_topics"] = present.join_and([f"{r.name_en} ({_groups(r.groups)})" for r in shared.itertuples()])
    out["mat_stakeholders_availability"] = (
        f"For {y} the report lists {con['stakeholder_id'].nunique()} stakeholder groups." if len(con) else
        f"The data package holds no stakeholder concerns for {y} (that year's report is not transcribed): the "
        f"counts below are zero, the matrix and table empty, and the discussion describes the "
        f"{int(ds.table('stakeholder_concerns')['year'].max())} report.")
    return out


def topics_table(ds: Dataset) -> present.Table:
    gpt = groups_per_topic(ds)
    frame = pd.DataFrame({
        "Rank": gpt["rank"].tolist(),
        "Topic (議題)": [f"{e} ({z})" for e, z in zip(gpt["name_en"], gpt["name_zh"])],
        "Tier": [f"{TIERS[t][0]} ({TIERS[t][1]})" for t in gpt["tier"]],
        "Raised by": [_groups(g) for g in gpt["groups"]],
    })
    if frame.empty:
        frame = pd.DataFrame([{"Rank": present.DASH, "Topic (議題)": f"No material topics in the data package for {ds.year}",
                               "Tier": "", "Raised by": ""}])
    return present.table(frame, "tbl-mat-topics", f"Material topics of {ds.year} (實質性議題) by rank and tier, "
                         "with the stakeholder groups that raise each in the stakeholder table.",
                         present.source(ds, "material_topics", "stakeholder_concerns",
                                        section="02 實質性議題分析 > 實質性議題的識別、評估與排序"))


def concerns_table(ds: Dataset) -> present.Table:
    m = matched_concerns(ds)
    frame = pd.DataFrame({
        "Stakeholder group": [f"{a} ({b})" for a, b in zip(m["stakeholder_en"], m["stakeholder_zh"])],
        "Topic raised": [f"{a} ({b})" for a, b in zip(m["topic_en"], m["topic_zh"])],
        "Rank": [NOT_RANKED if pd.isna(r) else str(int(r)) for r in m["rank"]],
        "Company response": m["response_en"].tolist(),
        "回應方式": m["response_zh"].tolist(),
    })
    if frame.empty:
        frame = pd.DataFrame([{"Stakeholder group": f"No stakeholder concerns in the data package for {ds.year}",
                               "Topic raised": "", "Rank": "", "Company response": "",
                               "回應方式": ""}])
    return present.table(frame, "tbl-mat-concerns", f"Stakeholder groups, the topics they raise and the company's "
                         f"responses (利益相關方溝通), {ds.year}; 'not ranked' marks a topic that is not among the "
                         "ranked material topics.",
                         present.source(ds, "stakeholder_concerns", "material_topics",
                                        section="02 實質性議題分析 > 利益相關方溝通"))


def _tier_label(tier: str) -> str:
    return "Not among the ranked topics" if tier == NOT_RANKED else f"{TIERS[tier][0]} {TIERS[tier][1]}"


def topics_chart(ds: Dataset) -> charts.Chart:
    """One bar per ranked topic, in rank order, grouped in one panel per tier; the bar is the
    number of stakeholder groups that raise the topic."""
    label, title = "fig-mat-topics", f"Material topics by tier and rank (實質性議題), {ds.year}"
    gpt = groups_per_topic(ds)
    if gpt.empty:
        return charts.placeholder(label, title, f"No material topics in the data package for {ds.year}.")
    frame = pd.DataFrame({
        "rank": gpt["rank"], "topic": [f"{r}. {e} {z}" for r, e, z in zip(gpt["rank"], gpt["name_en"], gpt["name_zh"])],
        "tier": gpt["tier"], "tier_label": [_tier_label(t) for t in gpt["tier"]],
        "stakeholder_groups": gpt["group_count"],
        "raised_by": [_groups(g) for g in gpt["groups"]],
    })
    frame["label"] = frame["stakeholder_groups"].map(lambda n: f"{n} group" + ("" if n == 1 else "s"))
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
                              subtitle="Ranked 1 (most material) downwards, one panel per tier of the report",
                              subtitleFont=charts.FONT)).resolve_scale(y="independent")
    return charts.Chart(charts._configure(chart), label, title,
                        f"Horizontal bar chart of the {len(frame)} material topics of {ds.year}, listed by rank in "
                        "one panel per materiality tier (high, medium, low); each bar's length and label give the "
                        "number of stakeholder groups that raise the topic.", frame.drop(columns="label"))


def matrix_chart(ds: Dataset) -> charts.Chart:
    """Stakeholder group x topic: a cell for each concern, coloured by the topic's tier and marked with
    the tier's letter (or ×, not ranked) so the colour is not the only carrier."""
    label, title = "fig-mat-matrix", f"Which stakeholder group raises which topic (利益相關方溝通), {ds.year}"
    m = matched_concerns(ds)
    if m.empty:
        return charts.placeholder(label, title, f"No stakeholder concerns in the data package for {ds.year}.")
    frame = pd.DataFrame({
        "stakeholder": [f"{a} {b}" for a, b in zip(m["stakeholder_en"], m["stakeholder_zh"])],
        "topic": [f"{'' if pd.isna(r) else str(int(r)) + '. '}{e} {z}" + ("" if not pd.isna(r) else " (not ranked)")
                  for r, e, z in zip(m["rank"], m["topic_en"], m["topic_zh"])],
        "rank": m["rank"], "tier": m["tier"], "tier_label": [_tier_label(t) for t in m["tier"]],
        "mark": ["×" if t == NOT_RANKED else TIERS[t][0][0] for t in m["tier"]],
        "response": m["response_en"],
    })
    # Ranked topics first by rank, then the unranked ones in the order the report lists them.
    topic_order = list(dict.fromkeys(frame.sort_values("rank", na_position="last", kind="stable")["topic"]))
    group_order = list(dict.fromkeys(frame["stakeholder"]))
    tiers = [t for t in [*TIERS, NOT_RANKED] if t in set(frame["tier"])]
    domain = [_tier_label(t) for t in tiers]
    base = alt.Chart(frame).encode(
        x=alt.X("stakeholder:N", sort=group_order, title="Stakeholder group (相關利益人士)",
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
    return charts.Chart(charts._configure(chart).configure_legend(orient="bottom", columns=2), label, title,
                        f"Matrix of the {m['stakeholder_id'].nunique()} stakeholder groups (columns) against the "
                        f"{frame['topic'].nunique()} topics they raise (rows, ranked topics first). A filled cell "
                        "means the group raises the topic; its letter gives the topic's materiality tier (H, M, "
                        "L) or × when the topic is not among the ranked material topics.",
                        frame.drop(columns="mark"))
