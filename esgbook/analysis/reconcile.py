"""Reconciliation: every figure the company published next to what the raw data give.

Three kinds of row:
- `published figure`: a derived figure as published (an intensity, a total, a share, a
  change) against the KPI recomputed from raw data. It is consistent when the difference
  is within the published rounding (half a unit of the last published decimal).
- `consistency check`: two breakdowns of the same population that must agree (training
  coverage by gender and by rank, turnover by group and in total), compared as the
  headcount-weighted mean each implies.
- `sensitivity`: a published emission figure against the same activity times the official
  factor for the year. The company did not disclose its factors; the row shows how far
  the published figure is from an official basis, it does not claim to know the factor used.
"""
from __future__ import annotations

import math

import pandas as pd

from esgbook.analysis import kpis
from esgbook.analysis.assumptions import (
    FLOAT_NOISE,
    ROUNDING_SHARE,
    SENSITIVITY_DECIMALS,
    SLIP_DIGITS,
    TRAINED_SHARE_TOLERANCE_PP,
    TRAINING_HOURS_TOLERANCE,
    TURNOVER_TOLERANCE_PP,
)
from esgbook.book.formatting import decimals_of
from esgbook.book.narrative.bilingual import Bilingual, concat, entry, join
from esgbook.inputs.dataset import Dataset

COLUMNS = ["year", "kind", "metric", "dimension", "category", "compares", "name_en", "name_zh", "unit", "published",
           "recomputed", "difference", "tolerance", "within_rounding", "status", "note", "section"]
# status: 'consistent' / 'discrepancy' for published figures and checks; a sensitivity is a
# recomputation with a factor we chose, never a discrepancy: its status is 'sensitivity'.
STATUSES = ("consistent", "discrepancy", "sensitivity")


def _fmt(x: float, decimals: int = 2) -> str:
    return f"{x:,.{decimals}f}"


def _signed(x: float, decimals: int = 2) -> str:
    """'+0.02', '−1.54': the book's minus sign (U+2212) everywhere, never a hyphen."""
    return ("+" if x > 0 else "−" if x < 0 else "±") + _fmt(abs(x), decimals)


def _tolerance(decimals) -> float:
    d = 0 if decimals is None or (isinstance(decimals, float) and math.isnan(decimals)) else int(decimals)
    return ROUNDING_SHARE * 10 ** (-d) + FLOAT_NOISE  # half the last published digit, plus float noise


def printed_decimals(value: float, metric_decimals) -> int:
    """The decimals the company printed: those of the value itself (99.9 -> 1), or the metric's
    rounding where that is finer (a printed 20.10 is read back as 20.1)."""
    d = 0 if metric_decimals is None or (isinstance(metric_decimals, float) and math.isnan(metric_decimals)) \
        else int(metric_decimals)
    return max(d, decimals_of(value, 6))


def _recomputed(ds: Dataset, kpi_id: str, dimension: str, category: str, year: int):
    if dimension == "total":
        return kpis.compute(ds, kpi_id, year)
    for share_id, metric in kpis.SHARES.items():
        if share_id == kpi_id:
            s = kpis.share(ds, metric, dimension, year)
            return float(s[category]) if category in s.index else None
    return None


def _sentences(*parts) -> Bilingual:
    """A note of several sentences: a space between them in English, none in Chinese."""
    return concat(*parts, sep=" ", zh_sep="")


def _published_note(ds, m: dict, row, recomputed: float, decimals: int, ok: bool, year: int) -> Bilingual:
    # the unit after a figure, in Chinese its unit name; a count takes none there (141.00, not 141.00個)
    unit = Bilingual("count", "") if m["unit"] == "count" else m["unit"]
    if ok:
        return entry("Reproduced: recomputed {n} {text} rounds to the published {n2}.",
                     n=_fmt(recomputed, max(decimals, 2)), text=unit, n2=_fmt(row.value, decimals))
    diff = row.value - recomputed
    text = entry("Not reproduced: the raw data give {n} {text}, the report prints {n2} ({n3}).",
                 n=_fmt(recomputed, max(decimals, 2)), text=unit, n2=_fmt(row.value, decimals),
                 n3=_signed(diff, max(decimals, 2)))
    target = m["reconciles_to"]
    if target.endswith("_per_employee_t") or target.endswith("_per_employee_mwh"):
        headcount = ds.value("employees", year)
        numerator = recomputed * headcount
        if row.value:
            text = _sentences(text, entry(
                "Dividing the same total by {n} year-end employees gives the data-table figure; the printed one "
                "implies a headcount of about {n2}.", n=_fmt(headcount, 0), n2=_fmt(numerator / row.value, 0)))
    elif abs(diff) <= SLIP_DIGITS * _tolerance(decimals):
        text = _sentences(text, entry("The gap is a few units of the last digit: a rounding or transcription slip "
                                      "in the total."))
    return text


def published_rows(ds: Dataset, year: int, tables: tuple[str, ...] | None = None) -> list[dict]:
    """Published derived figures of `year` against their recomputed KPI; `tables` limits the files
    read (a chapter that asks only about the workforce should not depend on every file)."""
    info = ds.metric_info
    rows = []
    for name in tables or ds.observation_tables:
        frame = ds.table(name)
        for r in frame[frame["year"] == year].itertuples(index=False):
            m = info.get(r.metric)
            if not m or m["kind"] != "published":
                continue
            decimals = printed_decimals(float(r.value), m["decimals"])
            recomputed = _recomputed(ds, m["reconciles_to"], r.dimension, r.category, year)
            if recomputed is None:
                continue
            diff = float(r.value) - recomputed
            tol = _tolerance(decimals)
            ok = abs(diff) <= tol
            label = m["name_en"] + ("" if r.dimension == "total" else f": {ds.label(r.dimension, r.category)}")
            rows.append(dict(year=year, kind="published figure", metric=r.metric, dimension=r.dimension,
                             category=r.category, compares="", name_en=label, name_zh=m["name_zh"], unit=m["unit"],
                             published=float(r.value), recomputed=recomputed, difference=diff, tolerance=tol,
                             within_rounding=ok, status="consistent" if ok else "discrepancy",
                             note=_published_note(ds, m, r, recomputed, decimals, ok, year), section=r.section))
    return rows


def _check(year, metric, compares, name_en, name_zh, unit, a, b, tol, note_ok, note_bad, section):
    """`compares`: the two breakdowns set against each other, 'gender|rank' or 'total|age_group'."""
    diff = a - b
    ok = abs(diff) <= tol
    return dict(year=year, kind="consistency check", metric=metric, dimension="total", category="all",
                compares=compares, name_en=name_en, name_zh=name_zh, unit=unit, published=a, recomputed=b, difference=diff,
                tolerance=tol, within_rounding=ok, status="consistent" if ok else "discrepancy",
                note=note_ok if ok else note_bad, section=section)


def check_rows(ds: Dataset, year: int) -> list[dict]:
    """The breakdown consistency checks of `year` (computed once per dataset)."""
    return [dict(r) for r in ds.cached(("check_rows", year), lambda: _check_rows(ds, year))]


def _check_rows(ds: Dataset, year: int) -> list[dict]:
    rows = []
    table = "09 附錄 > 數據統計表"
    by_gender = kpis.compute(ds, "training_coverage_by_gender_pct", year)
    by_rank = kpis.compute(ds, "training_coverage_by_rank_pct", year)
    if by_gender is not None and by_rank is not None:
        # Each published share is rounded to a whole percent, so each implied total is good to ±0.5.
        rows.append(_check(
            year, "trained_share_pct", "gender|rank", "Share of employees trained: gender vs rank breakdown",
            "受訓僱員百分比：按性別與按僱員類型", "%", by_gender, by_rank, TRAINED_SHARE_TOLERANCE_PP,
            entry("The two breakdowns imply the same share of trained employees within rounding."),
            entry("Weighted by headcount, the gender breakdown implies {n} % of employees were trained and the rank "
                  "breakdown {n2} %: both describe the same {n3} employees, so they cannot both hold.",
                  n=_fmt(by_gender, 1), n2=_fmt(by_rank, 1), n3=_fmt(ds.value("employees", year), 0)), table))
    h_gender = kpis.compute(ds, "training_hours_by_gender", year)
    h_rank = kpis.compute(ds, "training_hours_by_rank", year)
    if h_gender is not None and h_rank is not None:
        rows.append(_check(
            year, "training_hours_avg", "gender|rank", "Average training hours: gender vs rank breakdown",
            "每名僱員完成受訓的平均時數：按性別與按僱員類型", "hours/employee", h_gender, h_rank, TRAINING_HOURS_TOLERANCE,
            entry("The two breakdowns imply the same average hours within rounding."),
            entry("Weighted by headcount, the gender breakdown implies {n} hours per employee and the rank "
                  "breakdown {n2}: the two averages describe the same workforce and should agree.",
                  n=_fmt(h_gender), n2=_fmt(h_rank)), table))
    total = ds.value("turnover_rate_pct", year)
    for dimension in ("gender", "age_group"):
        implied = kpis.weighted("turnover_rate_pct", dimension)(ds, year)
        if total is None or implied is None:
            continue
        group = dimension.replace("_", " ")  # each breakdown has its own catalogue entries
        rows.append(_check(
            year, "turnover_rate_pct", f"total|{dimension}", f"Turnover rate: total vs {group} breakdown",
            "僱員流失比例：總數與分組", "%", total, implied, TURNOVER_TOLERANCE_PP,
            entry(f"The {group} rates, weighted by year-end headcount, agree with the total within rounding."),
            _sentences(
                entry(f"The {group} rates, weighted by year-end headcount, imply {{n}} % against the published "
                      "total of {n2} %.", n=_fmt(implied, 1), n2=_fmt(total, 0)),
                entry("The report does not say which denominator its rates use; with any common denominator the "
                      "groups should average to the total.")), table))
    return rows


def sensitivity_rows(ds: Dataset, year: int) -> list[dict]:
    rows = []
    ef = ds.table("emission_factors")
    for scope, published_id, activity_id, official_id, implied_id in (
            ("grid", "ghg_scope2_t", "electricity_mwh", "ghg_scope2_official_t", "scope2_implied_factor"),
            ("fuel", "ghg_scope1_t", "gasoline_mwh", "ghg_scope1_ipcc_t", "scope1_implied_factor")):
        published = ds.value(published_id, year)
        official = kpis.compute(ds, official_id, year)
        implied = kpis.compute(ds, implied_id, year)
        factor = kpis.factor(ds, year, scope)
        if published is None or official is None or factor is None:
            continue
        same_year = ef[(ef["applies_to_year"] == year) & (ef["scope"] == scope) & (ef["unit"] == "tCO2/MWh")]
        if scope == "grid":
            same_year = same_year[same_year["region"] == "national"]
        # the kind of factor is part of each sentence's catalogue entry (its Chinese words differ)
        kind = "official national grid factor" if scope == "grid" else "default factor"
        diff = published - official
        note = [entry("Published {n} t implies {n2} tCO2/MWh.", n=_fmt(published), n2=_fmt(implied, 4)),
                entry("With the {text} " + kind + " for {year} ({n}, {text2}) the same {n2} MWh give {n3} t ({n4} % "
                      "published against that basis).", text=Bilingual(factor["publisher"], factor["publisher_zh"]),
                      year=year, n=_fmt(factor["value"], 4), text2=Bilingual(factor["variant"], factor["variant_zh"]),
                      n2=_fmt(ds.value(activity_id, year)), n3=_fmt(official), n4=_signed(diff / official * 100, 1))]
        higher = same_year[same_year["value"].round(4) > round(implied, 4)]
        lower = same_year[same_year["value"].round(4) < round(implied, 4)]
        held = dict(n=len(same_year), year=year)
        if len(same_year) == 1:
            side = "equal to" if higher.empty and lower.empty else "below" if lower.empty else "above"
            note.append(entry("The implied factor is " + side + " the one " + kind + " we hold for {year} ({n}).",
                              year=year, n=_fmt(float(same_year["value"].iloc[0]), 4)))
        elif higher.empty and lower.empty:
            note.append(entry("The implied factor equals the {n} " + kind + "s we hold for {year} at four decimals.",
                              **held))
        elif higher.empty:
            note.append(entry("The implied factor is above every one of the {n} " + kind + "s we hold for {year} "
                              "(highest: {n2}).", **held, n2=_fmt(float(same_year["value"].max()), 4)))
        elif lower.empty:
            note.append(entry("The implied factor is below every one of the {n} " + kind + "s we hold for {year} "
                              "(lowest: {n2}).", **held, n2=_fmt(float(same_year["value"].min()), 4)))
        else:
            factors = join([Bilingual(f"{_fmt(float(r.value), 4)} ({r.variant})",
                                      f"{_fmt(float(r.value), 4)}（{r.variant_zh}）") for r in higher.itertuples()],
                           ", ", "、")
            verb = "is" if len(higher) == 1 else "are"
            note.append(entry("Of the {n} " + kind + "s we hold for {year}, {text} " + verb + " higher than the "
                              "implied factor.", **held, text=factors))
        note = _sentences(*note, entry("The company does not disclose the factor it used."))
        info = ds.metric_info[published_id]
        rows.append(dict(year=year, kind="sensitivity", metric=published_id, dimension="total", category="all",
                         compares="", name_en=f"{info['name_en']} with the "
                         f"{'official grid' if scope == 'grid' else 'IPCC default'} factor", name_zh=info["name_zh"],
                         unit=info["unit"], published=published, recomputed=official, difference=diff,
                         tolerance=_tolerance(SENSITIVITY_DECIMALS), within_rounding=abs(diff) <= _tolerance(SENSITIVITY_DECIMALS),
                         status="sensitivity", note=note, section=ds.rows(published_id, year)["section"].iloc[0]))
    return rows


def reconciliation(ds: Dataset, year: int | None = None) -> pd.DataFrame:
    """All reconciliation rows for the year, published figures first."""
    year = ds.year if year is None else year
    frame = ds.cached(("reconciliation", year), lambda: pd.DataFrame(
        published_rows(ds, year) + check_rows(ds, year) + sensitivity_rows(ds, year), columns=COLUMNS))
    return frame.copy()


def discrepancy_key(row) -> tuple[int, str, str, str]:
    """(year, metric, dimension, category) of a reconciliation row, as data/known_discrepancies.csv lists it:
    a consistency check names the two breakdowns it compares in place of a dimension."""
    return (int(row["year"]), row["metric"], row["compares"] or row["dimension"], row["category"])


def flagged(ds: Dataset, year: int | None = None) -> set[tuple[int, str, str, str]]:
    """The keys of every figure the reconciliation flags as a discrepancy in `year`."""
    rec = reconciliation(ds, year)
    return {discrepancy_key(r) for _, r in rec[rec["status"] == "discrepancy"].iterrows()}


def known_discrepancies(ds: Dataset, year: int | None = None) -> dict[tuple[int, str, str, str], str]:
    """The discrepancies data/known_discrepancies.csv expects in `year`, with their reasons."""
    year = ds.year if year is None else year
    known = ds.table("known_discrepancies")
    known = known[known["year"] == year]
    return {(int(r.year), r.metric, r.dimension, r.category): r.reason for r in known.itertuples()}
