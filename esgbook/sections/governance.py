"""Chapter 4, governance (公司責任治理): board composition, compliance and anti-corruption, training."""
from __future__ import annotations

import altair as alt
import pandas as pd

from .. import charts, kpis, present
from ..data import Dataset

BOARD = "04 公司責任治理 > 董事會成員"
COMPLIANCE = "04 公司責任治理 > 合規與反腐敗管理"
TRAINING = "04 公司責任治理 > 宣導培訓"
HKEX_INED_MINIMUM_PCT = 100 / 3  # HKEX Listing Rule 3.10A: independent directors at least one third of the board

COMPLIANCE_METRICS = ["corruption_cases", "gift_declarations", "suppliers_removed"]
SHORT_NAMES = {"corruption_cases": "Corruption cases (貪污訴訟案件)", "gift_declarations": "Gift declarations (禮品申報)",
               "suppliers_removed": "Suppliers removed (清退供應商)"}
TRAINING_METRICS = ["integrity_emails", "values_certification_trainings", "new_hire_anti_fraud_sessions",
                    "supplier_conference_partners"]


def _board(ds: Dataset, year: int | None = None) -> pd.DataFrame:
    board = ds.table("board")
    return board[board["year"] == (ds.year if year is None else year)]


def age_band(age: int) -> str:
    decade = int(age) // 10 * 10
    return f"{decade}–{decade + 9}"


def numbers(ds: Dataset) -> dict[str, str]:
    """Every figure the chapter's prose quotes, formatted."""
    y, p = ds.year, ds.year - 1
    out: dict[str, str] = {"gov_year": str(y), "gov_prior_year": str(p)}
    for kid in ("directors", "independent_directors", "female_directors", "independent_director_share_pct"):
        k = kpis.BY_ID[kid]
        out[f"gov_{kid}"] = present.num(kpis.compute(ds, kid, y), k.decimals)
    directors = kpis.compute(ds, "directors", y)
    female = kpis.compute(ds, "female_directors", y)
    out["gov_independent_director_share_pct"] = present.pct(kpis.compute(ds, "independent_director_share_pct", y))
    out["gov_female_director_share_pct"] = present.pct(None if not directors else female / directors * 100)
    out["gov_ined_minimum_pct"] = present.pct(HKEX_INED_MINIMUM_PCT)
    share = kpis.compute(ds, "independent_director_share_pct", y)
    out["gov_ined_vs_minimum"] = ("cannot be compared with" if share is None else
                                  "above" if share > HKEX_INED_MINIMUM_PCT + 1e-9 else
                                  "exactly at" if abs(share - HKEX_INED_MINIMUM_PCT) < 1e-9 else "below")
    out["gov_report_year"] = str(max(ds.years))  # the one report all narrative comes from
    board = _board(ds)
    if board.empty:
        out.update(gov_age_min="n/a", gov_age_max="n/a", gov_age_median="n/a", gov_executive_directors="n/a",
                   gov_chair_independence="n/a", gov_executive_roles="n/a", gov_largest_age_band="n/a",
                   gov_gender_sentence="Without a list of directors the gender balance cannot be assessed.",
                   gov_board_note=f"The report lists no board for {y}, so this edition has no board "
                                  "composition to show.")
    else:
        out["gov_age_min"] = present.num(board["age"].min())
        out["gov_age_max"] = present.num(board["age"].max())
        out["gov_age_median"] = present.num(board["age"].median())
        executives = board[board["role_en"].str.contains("Chief")]
        out["gov_executive_directors"] = present.num(len(executives))
        roles = [r.replace(" and Director", "").lower() for r in executives["role_en"]]
        out["gov_executive_roles"] = present.join_and(roles)
        bands = board["age"].map(age_band).value_counts()
        out["gov_largest_age_band"] = sorted(bands[bands == bands.max()].index)[0]
        if female in (0, directors):
            out["gov_gender_sentence"] = "The board is single-gender, which the exchange no longer accepts."
        else:
            gap = abs(female / directors * 100 - 50)
            out["gov_gender_sentence"] = ("The board is not single-gender, which the exchange no longer accepts, "
                                          f"but it is {'far from' if gap > 20 else 'close to'} parity.")
        chair = board[board["role_en"].str.contains("Chairman")]
        out["gov_chair_independence"] = ("not independent" if len(chair) and not chair["independent"].iloc[0]
                                         else "independent" if len(chair) else "not named")
        out["gov_board_note"] = (f"The report gives the board as at the end of {y} only; it gives no earlier "
                                 "composition, so nothing here can be compared with a prior year.")
    # The published head counts against the list of directors.
    checks = []
    for metric, kid in (("directors", "directors"), ("independent_directors", "independent_directors")):
        pub, rec = ds.value(metric, y), kpis.compute(ds, kid, y)
        if pub is not None and rec is not None:
            checks.append(pub == rec)
    out["gov_board_check"] = ("The published counts match the list of directors." if checks and all(checks) else
                              "The published counts do not match the list of directors." if checks else
                              "There are no published counts to check the list against.")
    # Compliance: cases against the prior year.
    out.update(present.versus_prior("gov_corruption_cases", ds.value("corruption_cases", y),
                                    ds.value("corruption_cases", p)))
    for metric in COMPLIANCE_METRICS[1:] + TRAINING_METRICS:
        out[f"gov_{metric}"] = present.qualified(ds, metric, y)
    missing = [m for m in COMPLIANCE_METRICS[1:] + TRAINING_METRICS if ds.value(m, y) is None]
    out["gov_compliance_note"] = (
        f"The report gives the gift, supplier and training figures for {y} only, so they have no prior-year "
        "comparison." if not missing else
        f"The report gives no {y} figures for gift declarations, supplier removals or training; "
        f"only the corruption case count goes back to {y}.")
    return out


def board_table(ds: Dataset) -> present.Table:
    board = _board(ds)
    if board.empty:
        body = present.empty_note(ds, "list of directors")
    else:
        body = pd.DataFrame({
            "Director": board["name_en"] + " (" + board["name_zh"] + ")",
            "Age": board["age"].astype(int),
            "Gender": board["gender"].map(lambda g: ds.label("gender", g)),
            "Role": board["role_en"] + " (" + board["role_zh"] + ")",
            "Independent": board["independent"].map({True: "yes", False: "no"}),
        })
    return present.table(body, "tbl-gov-board", f"Board of directors (董事會成員) at the end of {ds.year}, in the "
                         "order the report lists them.", present.source(ds, "board", section=BOARD))


def board_kpi_table(ds: Dataset) -> present.Table:
    """Counts from the list of directors, with the counts the report states in its text."""
    frame = present.kpi_comparison(ds, ["directors", "independent_directors", "female_directors",
                                        "independent_director_share_pct"])
    published = {"directors": ds.value("directors"), "independent_directors": ds.value("independent_directors")}
    frame["Stated in the text"] = [present.num(published.get(k)) if published.get(k) is not None else present.DASH
                                   for k in ("directors", "independent_directors", "female_directors",
                                             "independent_director_share_pct")]
    return present.table(frame, "tbl-gov-board-kpis", f"Board composition (董事會成員) counted from the list of "
                         f"directors, {ds.year} against {ds.year - 1}, with the counts the report's text states.",
                         present.source(ds, "board", "governance", section=BOARD))


def composition_frame(ds: Dataset) -> pd.DataFrame:
    board = _board(ds)
    if board.empty:
        return pd.DataFrame(columns=["aspect", "group", "directors", "share_pct"])
    parts = [
        ("Independence (獨立性)", board["independent"].map({True: "Independent (獨立董事)",
                                                          False: "Not independent (非獨立董事)"}),
         ["Independent (獨立董事)", "Not independent (非獨立董事)"]),
        ("Gender (性別)", board["gender"].map(lambda g: present.category_name(ds, "gender", g)),
         None),
        ("Age (年齡)", board["age"].map(age_band), None),
    ]
    rows = []
    for aspect, groups, order in parts:
        counts = groups.value_counts()
        for group in (order or sorted(counts.index)):
            n = int(counts.get(group, 0))
            rows.append({"aspect": aspect, "group": group, "directors": n, "share_pct": round(n / len(board) * 100, 1)})
    return pd.DataFrame(rows)


def composition_chart(ds: Dataset) -> charts.Chart:
    label, title = "fig-gov-board-composition", f"Board composition (董事會成員), {ds.year}: directors"
    frame = composition_frame(ds)
    if frame.empty:
        return charts.placeholder(label, title, f"The report lists no board for {ds.year}.")
    frame["label"] = frame["directors"].astype(str) + " (" + frame["share_pct"].map(lambda v: f"{v:.1f}%") + ")"
    base = alt.Chart().encode(y=alt.Y("group:N", title=None, sort=None))
    bars = base.mark_bar(color=charts.PALETTE[0]).encode(
        x=alt.X("directors:Q", title="Directors (persons)", axis=alt.Axis(tickMinStep=1)))
    text = base.mark_text(align="left", dx=3, fontSize=10, font=charts.FONT).encode(x="directors:Q", text="label:N")
    chart = alt.layer(bars, text, data=frame).properties(width=380, height=alt.Step(20)).facet(
        row=alt.Row("aspect:N", sort=list(dict.fromkeys(frame["aspect"])), title=None,
                    header=alt.Header(labelFont=charts.FONT, labelAngle=0, labelAnchor="start", labelOrient="top",
                                      labelFontWeight="bold")),
        title=alt.TitleParams(title, anchor="start", font=charts.FONT),
    ).resolve_scale(y="independent")
    description = (f"Bar chart of the {len(_board(ds))} directors in {ds.year} by independence, by gender and by "
                   "age band (ten-year bands), each bar labelled with its count and share of the board.")
    return charts.Chart(charts._configure(chart), label, title, description, frame.drop(columns="label"))


def compliance_table(ds: Dataset) -> present.Table:
    rows = []
    for metric in COMPLIANCE_METRICS:
        m = ds.metric_info[metric]
        cur, prior = ds.value(metric), ds.value(metric, ds.year - 1)
        change, note = kpis.yoy(cur, prior)
        rows.append({"Metric": present.metric_name(ds, metric), "HKEX": m["hkex"], "Unit": m["unit"],
                     str(ds.year): present.qualified(ds, metric),
                     str(ds.year - 1): present.qualified(ds, metric, ds.year - 1),
                     "Change": present.change(change, note)})
    return present.table(pd.DataFrame(rows), "tbl-gov-compliance", f"Compliance and anti-corruption (合規與反腐敗) "
                         f"figures, {ds.year} against {ds.year - 1}; n/a: the report gives no figure for the year.",
                         present.source(ds, "governance", section=COMPLIANCE))


def compliance_chart(ds: Dataset) -> charts.Chart:
    label, title = "fig-gov-compliance", "Compliance and anti-corruption (合規與反腐敗), count"
    rows = []
    for metric in COMPLIANCE_METRICS:
        for y in (ds.year - 1, ds.year):
            v = ds.value(metric, y)
            if v is not None:
                rows.append({"item": SHORT_NAMES[metric], "metric": metric, "year": y, "value": v, "unit": "count"})
    frame = pd.DataFrame(rows)
    if frame.empty:
        return charts.placeholder(label, title, f"The report gives none of these figures for {ds.year}.")
    return charts.years_bars(frame, label=label, title=title, category="item", value="value", unit="count",
                             measure="Number", decimals=0,
                             description=f"Bar chart of corruption cases, gift declarations and "
                             f"suppliers removed, by year ({ds.year - 1} and {ds.year} where the report gives them); "
                             "each bar is labelled with its year and value.")


def training_table(ds: Dataset) -> present.Table:
    rows = [{"Activity": present.metric_name(ds, m), "HKEX": ds.metric_info[m]["hkex"],
             "Unit": ds.metric_info[m]["unit"], str(ds.year): present.qualified(ds, m),
             "Description": ds.metric_info[m]["description"]} for m in TRAINING_METRICS]
    return present.table(pd.DataFrame(rows), "tbl-gov-training", f"Anti-corruption publicity and training (宣導培訓), "
                         f"{ds.year}; n/a: the report gives no figure for the year.",
                         present.source(ds, "governance", section=TRAINING))


def training_chart(ds: Dataset) -> charts.Chart:
    return charts.figure_panels(ds, TRAINING_METRICS, label="fig-gov-training",
                                title=f"Anti-corruption publicity and training (宣導培訓), {ds.year}",
                                description="Bar chart of the integrity e-mails, certification trainings, new-hire "
                                "anti-fraud sessions and the partners briefed at the supplier conference, each bar "
                                "labelled with the figure as the report gives it.")


def figures(ds: Dataset) -> present.Table:
    return present.figures_table(ds, "governance", "tbl-gov-figures", "Every governance figure in the data "
                                 "(公司責任治理), as published, with both years where the report gives them.",
                                 what="governance figures")
