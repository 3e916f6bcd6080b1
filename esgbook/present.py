"""Presentation: numbers formatted in Python, then glued into prose; numbered tables.

Numbers are formatted here, never in the narrative: `glue_numbers` turns values into the
strings the prose shows (numpy scalars and format specs do not mix in `{glue:text}`).
Tables are emitted as MyST markdown (a `{table}` directive), so they are numbered,
captioned, cross-referable and render the same in HTML and in the PDF.
"""
from __future__ import annotations

import math
from typing import Iterable

import pandas as pd

from .kpis import NO_PRIOR_YEAR

DASH = "–"


def num(value, decimals: int = 0, unit: str = "") -> str:
    """1234.5 -> '1,234.5'; None or NaN -> 'n/a'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    text = f"{float(value):,.{decimals}f}"
    if text.startswith("-0") and float(text.replace(",", "")) == 0:
        text = text[1:]  # no '-0.0'
    return f"{text} {unit}".strip() if unit else text


def pct(value, decimals: int = 1) -> str:
    return "n/a" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{num(value, decimals)}%"


def change(value, note: str = "", decimals: int = 1) -> str:
    """A signed change in %, or the reason there is none ('no prior year')."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return note or NO_PRIOR_YEAR
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return f"{sign}{num(abs(value), decimals)}%"


def direction(value, up: str = "rose", down: str = "fell", flat: str = "was unchanged",
              missing: str = "cannot be compared with a prior year") -> str:
    """A verb for prose that follows the data: 'rose' / 'fell' / ... ."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return missing
    return up if value > 0 else down if value < 0 else flat


def glue_numbers(values: dict[str, str]) -> None:
    """Glue each already-formatted string under its key, hidden (nothing is displayed)."""
    from myst_nb import glue  # noqa: PLC0415 - only inside a notebook

    for key, text in values.items():
        if not isinstance(text, str):
            raise TypeError(f"glue {key!r}: format the number before gluing (got {type(text).__name__})")
        glue(key, text, display=False)


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return DASH
    return str(value).replace("|", "\\|").replace("\n", " ")


def markdown_table(frame: pd.DataFrame) -> str:
    header = "| " + " | ".join(_cell(c) for c in frame.columns) + " |"
    align = "|" + "|".join(":---" if frame[c].dtype == object else "---:" for c in frame.columns) + "|"
    body = ["| " + " | ".join(_cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([header, align, *body])


class Table:
    """A numbered, captioned table; displays as MyST markdown that the book parses."""

    def __init__(self, frame: pd.DataFrame, label: str, caption: str, source: str):
        self.frame, self.label, self.caption, self.source = frame, label, caption, source

    def _repr_mimebundle_(self, include=None, exclude=None):
        md = (f":::{{table}} {self.caption}\n:name: {self.label}\n:align: left\n\n"
              f"{markdown_table(self.frame)}\n:::\n\n"
              f"<small>Source: {self.source}</small>\n")
        return {"text/markdown": md, "text/plain": f"Table {self.label}: {self.caption}"}


def table(frame: pd.DataFrame, label: str, caption: str, source: str) -> Table:
    return Table(frame, label, caption, source)


def years_side_by_side(rows: Iterable[tuple[str, str, str, float | None, float | None, int]],
                       year: int) -> pd.DataFrame:
    """Rows (name, name_zh, unit, current, prior, decimals) -> a table with both years and the change."""
    out = []
    for name, name_zh, unit, cur, prior, decimals in rows:
        ch = None if cur is None or prior in (None, 0) else (cur - prior) / prior * 100
        out.append({"Metric": f"{name} ({name_zh})", "Unit": unit, str(year): num(cur, decimals),
                    str(year - 1): num(prior, decimals),
                    "Change": change(ch) if prior is not None else NO_PRIOR_YEAR})
    return pd.DataFrame(out)


def kpi_comparison(ds, ids: list[str], year: int | None = None) -> pd.DataFrame:
    """KPIs side by side for the year and the prior year, with the change ('no prior year' when absent)."""
    from . import kpis  # noqa: PLC0415

    year = ds.year if year is None else year
    rows = []
    for kpi_id in ids:
        k = kpis.BY_ID[kpi_id]
        rows.append((k.name_en, k.name_zh, k.unit, k.compute(ds, year), k.compute(ds, year - 1), k.decimals))
    return years_side_by_side(rows, year)


def source(ds, *files: str, section: str | None = None) -> str:
    """'data/environment.csv; report section 09 附錄 > 數據統計表' for captions."""
    text = "; ".join(f"`data/{f}.csv`" for f in files)
    return f"{text}; report section {section}" if section else text


QUALIFIERS = {"more than": "more than", "about": "about", "below": "below", "at least": "at least"}


def figures_frame(ds, file: str, metrics: list[str] | None = None, years: list[int] | None = None) -> pd.DataFrame:
    """Every figure of one data file (or of the listed metrics), one row per metric and breakdown,
    each year side by side: the generic 'all the disclosed figures' table of a chapter."""
    frame = ds.table(file)
    if metrics is not None:
        frame = frame[frame["metric"].isin(metrics)]
        order = {m: i for i, m in enumerate(metrics)}
    else:
        order = {m: i for i, m in enumerate(dict.fromkeys(frame["metric"]))}
    years = years or sorted({int(y) for y in frame["year"] if y <= ds.year and y >= ds.year - 1}, reverse=True)
    info = ds.metric_info
    rows = []
    for (metric, dimension, category), part in frame.groupby(["metric", "dimension", "category"], sort=False):
        m = info[metric]
        row = {"Metric": f"{m['name_en']} ({m['name_zh']})",
               "Breakdown": "" if dimension == "total" else ds.label(dimension, category),
               "Unit": m["unit"]}
        for y in years:
            hit = part[part["year"] == y]
            if len(hit):
                q = hit["qualifier"].iloc[0]
                value = float(hit["value"].iloc[0])
                decimals = 0 if value == int(value) else len(f"{value:g}".split(".")[-1])
                row[str(y)] = (f"{QUALIFIERS[q]} " if q else "") + num(value, decimals)
            else:
                row[str(y)] = DASH
        row["Report section"] = part["section"].iloc[0]
        row["_order"] = (order.get(metric, 0), dimension != "total")
        rows.append(row)
    out = pd.DataFrame(rows)
    if out.empty:
        return out
    # Metrics with no figure in the years shown (a 2023-only figure in the 2022 edition) are left out.
    out = out[(out[[str(y) for y in years]] != DASH).any(axis=1)]
    if out.empty:
        return out
    keep = [str(y) for y in years if (out[str(y)] != DASH).any()]
    out = out.sort_values("_order", kind="stable").drop(columns="_order")
    return out[["Metric", "Breakdown", *keep, "Unit", "Report section"]].reset_index(drop=True)


def figures_table(ds, file: str, label: str, caption: str, metrics: list[str] | None = None) -> Table:
    """`figures_frame` as a numbered table, captioned with its data file."""
    return table(figures_frame(ds, file, metrics), label, caption, source(ds, file))
