"""Editions compared (a page of every edition after the first, over the editions up to its own): every KPI
for every year with its change, the figures some years lack, each edition's discrepancies, and the
restatement ledger; each also as CSV.
Glue prefix `cmp_`."""
from __future__ import annotations

import pandas as pd

from esgbook.analysis import across_editions as editions_compared
from esgbook.analysis import kpis, story
from esgbook.analysis.findings import name
from esgbook.book import charts, formatting, present
from esgbook.book.narrative import Change, Finding, Q, paragraph, sentence, write
from esgbook.book.narrative.bilingual import Bilingual, entry, glossed, join, points, span
from esgbook.book.narrative.zh_hant import labels
from esgbook.inputs.dataset import Dataset

PREFIX = "cmp_"
CSV = {"kpis": "editions-compared-kpis.csv", "missing": "editions-compared-not-disclosed.csv",
       "discrepancies": "editions-compared-discrepancies.csv", "restatements": "restatements.csv"}


def _years(ds: Dataset) -> list[int]:
    return ds.years_to_date


def _missing(value) -> bool:
    return value is None or value != value  # None, or NaN (pandas turns None into NaN in a frame)


def _change_cell(value: float | None, unit: str) -> str:
    if _missing(value):
        return formatting.DASH
    decimals = 1
    if round(value, decimals) == 0:
        return present.label("unchanged")
    signed = ("+" if value > 0 else "−") + formatting.num(abs(value), decimals)
    return points(signed) if unit == "%" else f"{signed}%"


def _named(en: str, zh: str) -> Bilingual:
    """A KPI's or a reconciled figure's name with its Chinese ('Water (用水總量)' / 用水總量); a gloss with an
    entry of its own in the catalogue takes its fuller Chinese (the implied emission factors)."""
    key = f"{en} ({zh})"
    return entry(key) if key in labels.catalogue() else glossed(en, zh)


def _with_csv(source: str, key: str) -> Bilingual:
    """A table's source with its CSV download after it."""
    return join([source, f"{{download}}`CSV <downloads/{CSV[key]}>`"])


def kpi_frame(ds: Dataset) -> pd.DataFrame:
    return ds.cached("cmp-kpis", lambda: editions_compared.kpis_by_year(ds))


def kpi_table(ds: Dataset) -> present.Table:
    frame, years = kpi_frame(ds), _years(ds)
    rows = []
    for r in frame.to_dict("records"):
        row = {"KPI": _named(r["name_en"], r["name_zh"]), "Unit": r["unit"]}
        for y in years:
            row[str(y)] = formatting.cell(r[str(y)], int(r["decimals"]))
        for a, b in zip(years, years[1:]):
            row[f"{a}→{b}"] = _change_cell(r[f"change {a}-{b}"], r["unit"])
        rows.append(row)
    return present.table(pd.DataFrame(rows), "tbl-cmp-kpis",
                         entry("Every KPI for every year, {span}, as the {year} edition reads the data; the change "
                               "between consecutive years in percentage points (pp) for rates, in per cent otherwise.",
                               span=span(years[0], years[-1], "–") if len(years) > 1 else span(years[0]),
                               year=ds.year),
                         _with_csv(present.source(ds, *ds.observation_tables), "kpis"))


def missing_table(ds: Dataset) -> present.Table:
    frame = editions_compared.not_disclosed(ds)
    if frame.empty:
        body = pd.DataFrame([{"Note": write(Finding("cmp.missing_none", "none", {"years": _years(ds)}))}])
    else:
        body = pd.DataFrame({
            "Figure": [present.metric_name(ds, m, d, c) for m, d, c in
                       zip(frame["metric"], frame["dimension"], frame["category"])],
            "Given for": frame["given_for"], "Not given for": frame["not_given_for"]})
    return present.table(body, "tbl-cmp-missing", "Figures the data give for some years but not for others.",
                         _with_csv(present.source(ds, *ds.observation_tables), "missing"))


def discrepancy_frame(ds: Dataset) -> pd.DataFrame:
    return ds.cached("cmp-discrepancies", lambda: editions_compared.discrepancies(ds.root, ds.year))


def discrepancy_table(ds: Dataset) -> present.Table:
    frame = discrepancy_frame(ds)
    if frame.empty:
        body = pd.DataFrame([{"Note": write(Finding("cmp.discrepancies_none", "none", {}))}])
    else:
        body = pd.DataFrame({
            "Edition": frame["edition"].astype(str),
            "Figure": [_named(a, b) for a, b in zip(frame["name_en"], frame["name_zh"])],
            "Kind": frame["kind"], "Published": [formatting.num(v, formatting.decimals_of(v, 4)) for v in frame["published"]],
            "Recomputed": [formatting.num(v, formatting.decimals_of(v, 2) if abs(v) >= 1 else 4) for v in frame["recomputed"]],
            "Unit": frame["unit"]})
    return present.table(body, "tbl-cmp-discrepancies",
                         "Each edition's discrepancies: published figures the raw data do not reproduce, and breakdowns "
                         "that disagree (the reconciliation of each edition's appendix).",
                         _with_csv("`python -m esgbook reconcile --year <year>`", "discrepancies"))


def ledger(ds: Dataset) -> pd.DataFrame:
    return editions_compared.restatements(ds)


def ledger_table(ds: Dataset) -> present.Table:
    frame = ledger(ds)
    if frame.empty:
        body = pd.DataFrame([{"Note": write(Finding("cmp.restatements_none", "none", {
            "reports": _reports(ds)}))}])
    else:
        body = pd.DataFrame({
            "Figure": [present.metric_name(ds, m, d, c) for m, d, c in
                       zip(frame["metric"], frame["dimension"], frame["category"])],
            "Year": frame["year"].astype(str), "Unit": frame["unit"],
            "Reported in": frame["reported_in"].astype(str), "Value": [_value(v) for v in frame["value"]],
            "Restated in": frame["restated_in"].astype(str), "Restated value": [_value(v) for v in frame["restated_value"]],
            "Change": [_change_cell(p, "") for p in frame["change_pct"]],
            "Rows": [entry("{raw}, rows {n} and {n2}", raw=f, n=a, n2=b)
                     for f, a, b in zip(frame["file"], frame["row"], frame["restated_row"])]})
    return present.table(body, "tbl-cmp-restatements",
                         "The restatement ledger: every figure a later report gives differently from an earlier one, "
                         "with both values and the change.",
                         _with_csv(present.source(ds, *ds.observation_tables), "restatements"))


def _value(v: float) -> str:
    return formatting.num(v, formatting.decimals_of(v, 4))


def _reports(ds: Dataset) -> list[str]:
    years = set()
    for table in ds.observation_tables:
        years |= {int(y) for y in ds.all_reports(table)["reported_in"].unique()}
    return [str(y) for y in sorted(years)]


def write_csvs(ds: Dataset) -> None:
    """The page's four tables as CSV downloads, into the chapter's output folder (the chapter calls it once)."""
    folder = charts.downloads_dir()
    folder.mkdir(parents=True, exist_ok=True)
    frames = {"kpis": kpi_frame(ds), "missing": editions_compared.not_disclosed(ds),
              "discrepancies": discrepancy_frame(ds), "restatements": ledger(ds)}
    for key, frame in frames.items():
        frame.to_csv(folder / CSV[key], index=False, lineterminator="\n", float_format="%.10g")


def biggest_move(ds: Dataset) -> Finding | None:
    """The KPI that moved most between the last two years among the material moves (esgbook.analysis.story's rule:
    at least 10% on a base of at least 20 units of the last digit shown), for the summary."""
    years = _years(ds)
    if len(years) < 2:
        return None
    a, b = years[-2], years[-1]
    frame = kpi_frame(ds)
    frame = frame[frame[f"change {a}-{b}"].notna()]
    material = frame[[story.material_move(r[str(b)], r[str(a)], int(r["decimals"]), r["unit"]) is not None
                      for _, r in frame.iterrows()]]
    if material.empty:
        return Finding("cmp.biggest_move", "none", {"prior_year": a, "year": b})
    top = material.loc[material[f"change {a}-{b}"].abs().idxmax()]
    return Finding("cmp.biggest_move", "up" if top[f"change {a}-{b}"] > 0 else "down", {
        "name": name(top["name_en"], top["name_zh"], "first_lower"), "prior_year": a, "year": b,
        "prior": Q(top[str(a)], int(top["decimals"]), top["unit"]), "cur": Q(top[str(b)], int(top["decimals"]), top["unit"]),
        "change": Change(top[f"change {a}-{b}"])})


def numbers(ds: Dataset) -> dict[str, str]:
    years = _years(ds)
    frame = kpi_frame(ds)
    missing = editions_compared.not_disclosed(ds)
    disc = discrepancy_frame(ds)
    restated = ledger(ds)
    facts = {"editions": [str(y) for y in years], "n_editions": str(len(years)), "kpis": str(len(kpis.KPIS)),
             "latest": ds.year, "first": years[0],
             "with_all": str(int(frame[[str(y) for y in years]].notna().all(axis=1).sum())),
             "missing": str(len(missing)), "discrepancies": str(len(disc)),
             "restatements": str(len(restated)), "reports": _reports(ds)}
    summary = write(Finding("cmp.summary", "several" if len(years) > 1 else "one", facts))
    disc_case = "none" if disc.empty else "some"
    by_edition = [f"{y}: {n}" for y, n in disc.groupby("edition").size().items()] if not disc.empty else []
    discrepancies = write(Finding("cmp.discrepancies", disc_case, {**facts, "by_edition": by_edition}))
    if restated.empty:
        restatement = write(Finding("cmp.restatements", "none", facts))
    else:
        first = restated.iloc[0]
        restatement = write(Finding("cmp.restatements", "some", {
            **facts, "name": present.metric_name(ds, first["metric"], first["dimension"], first["category"]),
            "year": int(first["year"]), "reported_in": int(first["reported_in"]), "restated_in": int(first["restated_in"]),
            "value": Q(first["value"], formatting.decimals_of(first["value"], 4), first["unit"]),
            "restated_value": Q(first["restated_value"], formatting.decimals_of(first["restated_value"], 4), first["unit"])}))
    move = biggest_move(ds)
    return {
        "cmp_summary_text": paragraph(sentence(summary), sentence(write(move)) if move else ""),
        "cmp_discrepancies_text": paragraph(sentence(discrepancies)),
        "cmp_restatements_text": paragraph(sentence(restatement)),
    }
