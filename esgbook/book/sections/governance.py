"""Chapter 4, governance (公司責任治理): board composition, compliance and anti-corruption, training.

`findings(ds)` looks at the data and says what they show (the templates in
`esgbook.book.narrative.en.governance` write it); `numbers(ds)` glues the paragraphs, the same keys in every
edition; `hkex_status(ds)` derives the HKEX B7 statuses from the same findings. Tables and charts
follow.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from esgbook.analysis import kpis
from esgbook.analysis.assumptions import HKEX_INED_FLOOR_PCT
from esgbook.analysis.findings import name, trend
from esgbook.book import charts, formatting, present
from esgbook.book.narrative import Change, Finding, Q, absent, paragraph, sentence, write
from esgbook.book.narrative.bilingual import Bilingual, concat, entry, glossed, span
from esgbook.book.sections.operations import exact_panels, figure_q, row_of, value
from esgbook.inputs.dataset import Dataset

PREFIX = "gov"  # of every glue key, table and figure label (tests/test_section_contract.py)

BOARD = "04 公司責任治理 > 董事會成員"
COMPLIANCE = "04 公司責任治理 > 合規與反腐敗管理"
TRAINING = "04 公司責任治理 > 宣導培訓"

COMPLIANCE_METRICS = ["corruption_cases", "gift_declarations", "suppliers_removed"]
SHORT_NAMES = {"corruption_cases": glossed("Corruption cases", "貪污訴訟案件"),
               "gift_declarations": glossed("Gift declarations", "禮品申報"),
               "suppliers_removed": glossed("Suppliers removed", "清退供應商")}
TRAINING_METRICS = ["integrity_emails", "values_certification_trainings", "new_hire_anti_fraud_sessions",
                    "supplier_conference_partners"]
TRAINING_FACTS = dict(zip(TRAINING_METRICS, ["emails", "certification", "new_hire", "partners"]))
# How the chapter names a figure in running prose, for the list of what an edition holds.
PROSE_NAMES = {"corruption_cases": ("the corruption case count", "貪污案件數目"),
               "gift_declarations": ("the gift declarations", "接收禮品申報"),
               "suppliers_removed": ("the suppliers removed", "清退供應商"),
               "directors": ("the board's head count", "董事人數"),
               "independent_directors": ("the number of independent directors", "獨立董事人數"),
               **{m: ("the training counts", "培訓數字") for m in TRAINING_METRICS}}
DIRECTOR_LIST = ("the list of directors", "董事名單")

# What a report's narrative states beyond its data table, by the year of the report (section 04
# 合規與反腐敗管理). Shown only in that year's own edition (`ds.own_report`): a new report adds its entry.
REPORT_STATEMENTS = {
    2023: {"revised_rules": [glossed("anti-fraud rules", "《反舞弊管理規定》"),
                             glossed("gift-acceptance rules", "《禮品接受及處理規定》"),
                             glossed("whistle-blower protection and reward rules", "《舉報人保護及獎勵規定》")],
           # "2 suspected commercial bribery cases found, investigated and referred to the judicial
           # authorities; problem suppliers removed and supplier checks tightened" (no outcome given).
           "cases": "referred", "suppliers_removed_after_cases": True},
}


def _board(ds: Dataset, year: int | None = None) -> pd.DataFrame:
    board = ds.table("board")
    return board[board["year"] == (ds.year if year is None else year)]


def age_band(age: int) -> str:
    decade = int(age) // 10 * 10
    return f"{decade}–{decade + 9}"


def _statements(ds: Dataset) -> dict | None:
    """The year's own report statements, or None (no own report, or none held)."""
    return REPORT_STATEMENTS.get(ds.year) if ds.own_report else None


def _report_year(ds: Dataset) -> str:
    return str(ds.report["report_year"]) if ds.report else str(ds.year)


def _count(n: float | None) -> Q:
    return Q(n, 0, "count")


# -- findings -------------------------------------------------------------------------------
def board_findings(ds: Dataset) -> list[Finding]:
    y = ds.year
    board = _board(ds)
    if board.empty:
        case = "not_listed" if ds.own_report else "not_listed_comparative"
        return [Finding("gov.board", case, {"year": y, "report_year": _report_year(ds)})]
    directors, independent = len(board), int(board["independent"].sum())
    share = Q(independent / directors * 100, 1, "%")
    # Compared as whole numbers, so 3 of 9 is exactly at the floor (no float tolerance needed).
    floor_case = ("above" if independent * 3 > directors else "at" if independent * 3 == directors else "below")
    gap = round(share.rounded() - round(HKEX_INED_FLOOR_PCT, 1), 1)
    out = [Finding("gov.board", "listed", {"directors": directors, "independent": independent, "share": share}),
           Finding("gov.ined_floor", floor_case, {"floor": Q(HKEX_INED_FLOOR_PCT, 1, "%"),
                                                  "gap": Change(abs(gap), True, 1, False)})]
    checks = [(value(ds, metric, y), count) for metric, count in
              (("directors", directors), ("independent_directors", independent)) if value(ds, metric, y) is not None]
    if not checks:
        out.append(Finding("gov.board_check", "no_published"))
    elif all(pub == count for pub, count in checks):
        out.append(Finding("gov.board_check", "match"))
    else:
        out.append(Finding("gov.board_check", "mismatch", {"published": [_count(p) for p, _ in checks],
                                                           "counted": [_count(c) for _, c in checks]}))
    executives = board[board["role_en"].str.contains("Chief")]
    chair = board[board["role_en"].str.contains("Chairman")]
    out.append(Finding("gov.executives", "listed", {
        "chair": "not_named" if chair.empty else "independent" if chair["independent"].iloc[0] else "not_independent",
        "executives": len(executives),
        "roles": [name(en.replace(" and Director", ""), zh.removesuffix("兼董事"), "lower")
                  for en, zh in zip(executives["role_en"], executives["role_zh"])]}))
    prior = _board(ds, y - 1)
    if prior.empty:
        out.append(Finding("gov.board_period", "one_year", {"year": y}))
    else:
        out.append(trend("trend", _count(directors), _count(len(prior)), y, name=name("The number of directors", "董事人數")))
        out.append(trend("trend", share, Q(prior["independent"].sum() / len(prior) * 100, 1, "%"), y,
                         name=name("The share of independent directors", "獨立董事比例")))
    return out


def gender_findings(ds: Dataset) -> list[Finding]:
    board = _board(ds)
    if board.empty:
        return []
    directors, female = len(board), int((board["gender"] == "female").sum())
    share = female / directors * 100
    case = ("no_women" if female == 0 else "no_men" if female == directors else
            "far_from_parity" if abs(share - 50) > 20 else "near_parity")
    bands = board["age"].map(age_band).value_counts()
    largest = sorted(bands[bands == bands.max()].index)
    return [Finding("gov.gender", case, {"female": female, "directors": directors, "share": Q(share, 1, "%")}),
            Finding("gov.ages", "one_band" if len(largest) == 1 else "tied_bands", {
                "youngest": int(board["age"].min()), "oldest": int(board["age"].max()),
                "median": formatting.num(board["age"].median()), "band": largest,
                "band_count": int(bands.max()), "directors": directors})]


def scope_finding(ds: Dataset) -> Finding:
    metrics = COMPLIANCE_METRICS + TRAINING_METRICS + ["directors", "independent_directors"]
    if ds.own_report:
        with_prior = list(dict.fromkeys(PROSE_NAMES[m] for m in metrics
                                        if value(ds, m) is not None and value(ds, m, ds.year - 1) is not None))
        if _board(ds, ds.year - 1).empty is False:
            with_prior.append(DIRECTOR_LIST)
        with_prior = [name(*n) for n in with_prior]
        return Finding("gov.scope", "own" if with_prior else "own_no_prior", {
            "year": ds.year, "prior_year": ds.year - 1, "with_prior": with_prior, "n_with_prior": len(with_prior)})
    available = [name(*n) for n in dict.fromkeys(PROSE_NAMES[m] for m in metrics if value(ds, m) is not None)]
    case = "comparative" if available else "comparative_none"
    return Finding("gov.scope", case, {"year": ds.year, "report_year": _report_year(ds), "available": available,
                                       "n_available": len(available)})


def policies_finding(ds: Dataset) -> Finding:
    said = _statements(ds)
    if not ds.own_report:
        return Finding("gov.policies", "comparative", {"year": ds.year, "report_year": _report_year(ds)})
    if not said:
        return Finding("gov.policies", "not_held", {"year": ds.year})
    return Finding("gov.policies", "stated", {"year": ds.year, "revised": said["revised_rules"]})


def cases_finding(ds: Dataset) -> Finding:
    cur, prior = value(ds, "corruption_cases"), value(ds, "corruption_cases", ds.year - 1)
    f = trend("gov.cases", _count(cur), _count(prior), ds.year)
    return Finding(f.topic, f.case, {**f.facts, "cur_n": formatting.num(cur), "prior_n": formatting.num(prior)})


def corruption_reading(ds: Dataset) -> Finding | None:
    """The one reading of the B7.1 count for the whole book: the data table's label (已審結, concluded)
    against what the report's narrative says of the cases. None when the year has no count."""
    cases = value(ds, "corruption_cases")
    if cases is None:
        return None
    facts = {"year": ds.year, "report_year": _report_year(ds), "cur_n": formatting.num(cases)}
    if cases == 0:
        return Finding("gov.case_reading", "none", facts)
    if not ds.own_report:
        return Finding("gov.case_reading", "comparative", facts)
    said = _statements(ds)
    return Finding("gov.case_reading", "referred" if said and said.get("cases") == "referred" else "label_only", facts)


def corruption_label(ds: Dataset) -> str:
    """A short label for the count in tables elsewhere (the opening page): what the figure is read as."""
    reading = corruption_reading(ds)
    return write(Finding("gov.case_label", reading.case)) if reading else formatting.DASH


def compliance_finding(ds: Dataset) -> Finding:
    facts = {"year": ds.year}
    for metric, key in (("gift_declarations", "gifts"), ("suppliers_removed", "removed")):
        if value(ds, metric) is not None:
            facts[key] = figure_q(ds, metric)
    if len(facts) == 1:
        return Finding("gov.compliance", "none", facts)
    said = _statements(ds) or {}
    after = "removed" in facts and said.get("suppliers_removed_after_cases")
    return Finding("gov.compliance", "after_cases" if after else "figures", facts)


def training_findings(ds: Dataset) -> list[Finding]:
    facts = {"year": ds.year, "report_year": _report_year(ds)}
    for metric, key in TRAINING_FACTS.items():
        if value(ds, metric) is not None:
            facts[key] = figure_q(ds, metric)
    if len(facts) == 2:
        # One sentence: no training of any kind (board included) is reported for the year.
        return [Finding("gov.training", "none" if ds.own_report else "comparative", facts)]
    # No figure of the data counts directors' training: B7.3's board half is never disclosed.
    return [Finding("gov.training", "counted", facts), Finding("gov.board_training", "not_reported", facts)]


def findings(ds: Dataset) -> dict[str, list[Finding]]:
    """Every finding of the chapter, by the paragraph that states it."""
    reading = corruption_reading(ds)
    return {"scope": [scope_finding(ds)], "board": board_findings(ds), "gender": gender_findings(ds),
            "policies": [policies_finding(ds)], "cases": [cases_finding(ds)] + ([reading] if reading else []),
            "compliance": [compliance_finding(ds)], "training": training_findings(ds)}


def numbers(ds: Dataset) -> dict[str, str]:
    """The chapter's glued paragraphs: the same keys in every edition, each a str (`Md` for `{glue:md}`)."""
    found = findings(ds)
    text = {part: paragraph(*(sentence(write(f)) for f in fs)) if fs else absent(f"no {part} for {ds.year}")
            for part, fs in found.items()}
    reading = corruption_reading(ds)
    board_refs = sentence(write(Finding("gov.board_refs", "listed")))
    return {
        "gov_year": str(ds.year),
        "gov_scope_text": text["scope"],
        "gov_board_text": paragraph(text["board"], board_refs if not _board(ds).empty else ""),
        "gov_gender_text": text["gender"],
        "gov_policies_text": text["policies"],
        "gov_cases_text": text["cases"],
        "gov_compliance_text": text["compliance"],
        "gov_training_text": text["training"],
        # For the opening page: one label and one reading of the B7.1 count.
        "gov_corruption_label": corruption_label(ds),
        "gov_corruption_reading": sentence(write(reading if reading else
                                                 Finding("gov.corruption_reading", "none", {"year": ds.year}))),
    }


def hkex_status(ds: Dataset) -> dict[str, tuple[str, str]]:
    """HKEX B7 items: (status, reason), from the same findings the chapter states."""
    policies = policies_finding(ds)
    reading = corruption_reading(ds)
    compliance = compliance_finding(ds)
    training = training_findings(ds)[0]
    out = {}
    out["B7"] = (("disclosed", "Anti-corruption rules, their revision and the whistle-blowing channel are described.")
                 if policies.case == "stated" else
                 ("not disclosed", entry("No anti-corruption policy of {year} is described: the edition is built from a "
                                         "later report's comparative figures.", year=ds.year)
                  if policies.case == "comparative" else
                  entry("No anti-corruption policy of {year} is described: the data hold no statement of the year's "
                        "report.", year=ds.year)))
    if reading is None:
        out["B7.1"] = ("not disclosed", entry("No count of corruption cases is given for {year}.", year=ds.year))
    elif reading.case == "none":
        out["B7.1"] = ("disclosed", entry("No corruption case is reported for {year}.", year=ds.year))
    else:
        out["B7.1"] = ("partly", entry({
            "referred": "{n} case(s) counted; the narrative says they were referred to the judicial authorities, and "
                        "no outcome is reported.",
            "comparative": "{n} case(s) counted; the figure is a later report's comparative, with no account of the "
                           "case or its outcome.",
            "label_only": "{n} case(s) counted; no account of the cases or their outcome is held."}[reading.case],
            n=formatting.num(value(ds, "corruption_cases"))))
    said = _statements(ds)
    if said and compliance.case != "none":
        out["B7.2"] = ("disclosed", "The whistle-blowing channel, whistle-blower protection rules and gift "
                       "declarations are described.")
    elif compliance.case != "none":
        out["B7.2"] = ("partly", "Gift declarations or supplier removals are counted; no whistle-blowing procedure "
                       "is described.")
    else:
        out["B7.2"] = ("not disclosed", entry("No preventive measure or whistle-blowing procedure is described for "
                                             "{year}.", year=ds.year))
    out["B7.3"] = (("partly", "Staff integrity training is counted; no anti-corruption training for the directors is "
                    "reported.") if training.case == "counted" else
                   ("not disclosed", entry("No anti-corruption training is reported for {year}.", year=ds.year)))
    return out


# -- tables ---------------------------------------------------------------------------------
def board_table(ds: Dataset) -> present.Table:
    board = _board(ds)
    if board.empty:
        body = present.empty_note(ds, "list of directors")
    else:
        body = pd.DataFrame({
            # Bilingual: as plain text the header would be read as the data's role 'Director'
            Bilingual("Director", "董事"): [glossed(en, zh) for en, zh in zip(board["name_en"], board["name_zh"])],
            "Age": board["age"].astype(int),
            "Gender": board["gender"].map(lambda g: ds.label("gender", g)),
            "Role": [glossed(en, zh) for en, zh in zip(board["role_en"], board["role_zh"])],
            "Independent": board["independent"].map({True: "yes", False: "no"}),
        })
    return present.table(body, "tbl-gov-board", entry("Board of directors (董事會成員) at the end of {year}, in the "
                                                       "order the report lists them.", year=ds.year),
                         present.source(ds, "board", section=BOARD))


def _num_or_dash(value: float | None, decimals: int = 0, unit: str = "") -> str:
    if value is None:
        return formatting.DASH
    return formatting.pct(value, decimals) if unit == "%" else formatting.num(value, decimals)


def _points(cur: float | None, prior: float | None) -> str:
    """A change of a share in percentage points, as the board table writes it ('+11.1 points')."""
    return present.change_pp(cur, prior, 1, word="points")  # '+11.1 points', or why there is no change


def board_kpi_table(ds: Dataset) -> present.Table:
    """Counts from the list of directors, with the counts the report states in its text."""
    ids = ["directors", "independent_directors", "female_directors", "independent_director_share_pct"]
    y, p = ds.year, ds.year - 1
    has_prior = not _board(ds, p).empty
    caption = (entry("Board composition (董事會成員) counted from the list of directors at the end of {year}, against "
                     "{year2}, with the counts the report's text states.", year=y, year2=p) if has_prior else
               entry("Board composition (董事會成員) counted from the list of directors at the end of {year}, with the "
                     "counts the report's text states.", year=y))
    source = present.source(ds, "board", "governance", section=BOARD)
    if _board(ds).empty:
        return present.table(present.empty_note(ds, "list of directors"), "tbl-gov-board-kpis", caption, source)
    rows = []
    for kid in ids:
        k = kpis.BY_ID[kid]
        cur, prior = kpis.compute(ds, kid, y), kpis.compute(ds, kid, p)
        row = {"Metric": glossed(k.name_en, k.name_zh), str(y): _num_or_dash(cur, k.decimals, k.unit)}
        if has_prior:
            row[str(p)] = _num_or_dash(prior, k.decimals, k.unit)
            row["Change"] = (_points(cur, prior) if k.unit == "%"
                             else formatting.DASH if cur == prior else formatting.num(cur - prior))
        stated = value(ds, kid) if kid in ("directors", "independent_directors") else None
        row["Stated in the text"] = _num_or_dash(stated)
        rows.append(row)
    return present.table(pd.DataFrame(rows), "tbl-gov-board-kpis", caption, source)


def compliance_table(ds: Dataset) -> present.Table:
    y, p = ds.year, ds.year - 1
    rows = []
    for metric in COMPLIANCE_METRICS:
        m = ds.metric_info[metric]
        cur, prior = row_of(ds, metric), row_of(ds, metric, p)
        rows.append({"Metric": present.metric_name(ds, metric), "HKEX": m["hkex"], "Unit": ds.unit_name(m["unit"]),
                     str(y): formatting.DASH if cur is None else present.qualified(ds, metric),
                     str(p): formatting.DASH if prior is None else present.qualified(ds, metric, p)})
    frame = pd.DataFrame(rows)
    frame = frame[(frame[[str(y), str(p)]] != formatting.DASH).any(axis=1)]
    if (frame[str(p)] == formatting.DASH).all():
        frame = frame.drop(columns=str(p))  # no prior year at all: no empty column
    body = frame if len(frame) else present.empty_note(ds, "compliance figures")
    years = span(y, p, "and") if str(p) in body else span(y)
    caption = concat(entry("Compliance and anti-corruption (合規與反腐敗) figures for {span}; –: the report gives no "
                           "figure for the year.", span=years),
                     "The case count is the data table's (已審結); see the text for how it is read.", sep=" ", zh_sep="")
    return present.table(body, "tbl-gov-compliance", caption, present.source(ds, "governance", section=COMPLIANCE))


def compliance_chart(ds: Dataset) -> charts.Chart:
    label, title = "fig-gov-compliance", entry("Compliance and anti-corruption (合規與反腐敗), count")
    rows = []
    for metric in COMPLIANCE_METRICS:
        for y in (ds.year - 1, ds.year):
            v = value(ds, metric, y)
            if v is not None:
                rows.append({"item": SHORT_NAMES[metric], "metric": metric, "year": y, "value": v, "unit": "count"})
    frame = pd.DataFrame(rows)
    if frame.empty:
        return charts.placeholder(label, title, entry("The report gives none of these figures for {year}.", year=ds.year))
    years = span(*sorted(frame["year"].unique()), how="and")
    return charts.years_bars(frame, label=label, title=title, category="item", value="value", unit="count",
                             measure="Number", decimals=0,
                             description=entry("Bar chart of corruption cases, gift declarations and suppliers removed "
                                               "where the report gives them ({span}); each bar is labelled with its year "
                                               "and value.", span=years))


def training_table(ds: Dataset) -> present.Table:
    rows = [{"Activity": present.metric_name(ds, m), "HKEX": ds.metric_info[m]["hkex"],
             "Unit": ds.unit_name(ds.metric_info[m]["unit"]), str(ds.year): present.qualified(ds, m),
             "Description": ds.metric_info[m]["description"]} for m in TRAINING_METRICS if value(ds, m) is not None]
    body = pd.DataFrame(rows) if rows else present.empty_note(ds, "anti-corruption training figures")
    return present.table(body, "tbl-gov-training", entry("Anti-corruption publicity and training (宣導培訓), {year}, "
                                                          "as published (hedges included).", year=ds.year),
                         present.source(ds, "governance", section=TRAINING))


def training_chart(ds: Dataset) -> charts.Chart:
    return exact_panels(ds, TRAINING_METRICS, label="fig-gov-training",
                        title=entry("Anti-corruption publicity and training (宣導培訓), {year}", year=ds.year),
                        description="Bar chart of the integrity e-mails, certification trainings and new-hire "
                        "anti-fraud sessions, each bar labelled with the figure as the report gives it.")


def figures(ds: Dataset) -> present.Table:
    return present.figures_table(ds, "governance", "tbl-gov-figures", "Every governance figure in the data "
                                 "(公司責任治理), as published, with both years where the report gives them.",
                                 what="governance figures")


# -- board chart ----------------------------------------------------------------------------
def composition_frame(ds: Dataset) -> pd.DataFrame:
    board = _board(ds)
    if board.empty:
        return pd.DataFrame(columns=["aspect", "group", "directors", "share_pct"])
    independent, not_independent = glossed("Independent", "獨立董事"), glossed("Not independent", "非獨立董事")
    parts = [
        (glossed("Independence", "獨立性"), board["independent"].map({True: independent, False: not_independent}),
         [independent, not_independent]),
        (glossed("Gender", "性別"), board["gender"].map(lambda g: present.category_name(ds, "gender", g)), None),
        (glossed("Age", "年齡"), board["age"].map(age_band), None),
    ]
    rows = []
    for aspect, groups, order in parts:
        counts = groups.value_counts()
        for group in (order or sorted(counts.index)):
            n = int(counts.get(group, 0))
            rows.append({"aspect": aspect, "group": group, "directors": n, "share_pct": round(n / len(board) * 100, 1)})
    return pd.DataFrame(rows)


def composition_chart(ds: Dataset) -> charts.Chart:
    label, title = "fig-gov-board-composition", entry("Board composition (董事會成員), {year}: directors", year=ds.year)
    frame = composition_frame(ds)
    if frame.empty:
        return charts.placeholder(label, title, entry("The report lists no board for {year}.", year=ds.year))
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
    description = entry("Bar chart of the {n} directors in {year} by independence, by gender and by age band (ten-year "
                        "bands), each bar labelled with its count and share of the board.", n=len(_board(ds)), year=ds.year)
    return charts.Chart(chart, label, title, description, frame.drop(columns="label"))
