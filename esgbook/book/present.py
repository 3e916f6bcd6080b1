"""Presentation: numbers formatted in Python, then glued into prose; numbered tables.

Numbers are formatted here, never in the narrative: `glue_numbers` turns values into the
strings the prose shows (numpy scalars and format specs do not mix in `{glue:text}`).
Tables are emitted as MyST markdown (a `{table}` directive), so they are numbered,
captioned, cross-referable and render the same in HTML and in the PDF.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import cache
from importlib import import_module

import pandas as pd

from esgbook.analysis import kpis
from esgbook.analysis.findings import localised as row_text
from esgbook.analysis.kpis import NO_PRIOR_YEAR, yoy
from esgbook.book import narrative
from esgbook.book.formatting import DASH, SCALES, as_published, cell, hedged, num, plain_amount, signed
from esgbook.book.narrative.bilingual import Bilingual, concat, entry, glossed, hedge, points, span, zh_of


def change(value, note: str = "", decimals: int = 1) -> str:
    """A signed change in %, or the reason there is none ('no prior year')."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return note or NO_PRIOR_YEAR
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return f"{sign}{num(abs(value), decimals)}%"


def versus_prior(key: str, cur: float | None, prior: float | None, decimals: int = 0, **words) -> dict[str, str]:
    """A figure against the prior year for prose: `key`, `key`_prior, `key`_change and `key`_direction."""
    value, note = yoy(cur, prior)
    return {key: num(cur, decimals), f"{key}_prior": num(prior, decimals), f"{key}_change": change(value, note),
            f"{key}_direction": direction(value, **words)}


def change_pp(cur: float | None, prior: float | None, decimals: int = 0, word: str = "pp") -> str:
    """The change between two rates in percentage points ('+1 pp' / '+1個百分點', '−14 pp'), or 'no prior year'."""
    if cur is None or prior is None:
        return NO_PRIOR_YEAR
    return points(signed(round(cur - prior, decimals), decimals), word)  # rounded first: ±0, never −0


def direction(value, up: str = "rose", down: str = "fell", flat: str = "was unchanged",
              missing: str = "cannot be compared with a prior year") -> str:
    """A verb for prose that follows the data: 'rose' / 'fell' / ... ."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return missing
    return up if value > 0 else down if value < 0 else flat


def glue_numbers(numbers, *args) -> None:
    """Glue every string of the dict `numbers(*args)` under its key, hidden, in every language (the
    section function runs once per language); an `esgbook.book.narrative.Md` paragraph is glued as markdown
    for a `{glue:md}` block."""
    from esgbook.book.outputs import glue_all  # noqa: PLC0415 - only inside a notebook

    glue_all(numbers, *args)


def show(fn, *args) -> None:
    """Display the table (or markdown) `fn(*args)` in every language."""
    from esgbook.book.outputs import show as _show  # noqa: PLC0415

    _show(fn, *args)


def show_all(fn, *args) -> None:
    """Display each table of the list `fn(*args)` in every language."""
    from esgbook.book.outputs import show_all as _show_all  # noqa: PLC0415

    _show_all(fn, *args)


def label(text: str) -> str:
    """A label (caption, column, row name) in the current language: the language's catalogue. A
    language whose catalogue module tells labels shown from template facts (`labels.shown`) uses it."""

    lang = narrative.language()
    catalogue = _catalogue(lang.__name__)
    return catalogue.shown(text) if catalogue is not None else lang.label(text)


@cache
def _catalogue(language: str):
    try:
        module = import_module(f"{language}.labels")
    except ModuleNotFoundError:
        return None
    return module if hasattr(module, "shown") else None


def localised(data, column: str):
    """A data column (of a frame, or a field of a row tuple) in the current language: its Chinese sibling
    (`x_zh` for `x` or `x_en`) in the Chinese edition, cell by cell where the data give it."""

    if not isinstance(data, pd.DataFrame):
        return row_text(data._asdict() if hasattr(data, "_asdict") else data, column)
    zh = column.removesuffix("_en") + "_zh"
    if narrative.current() == "en" or zh not in data:
        return data[column]
    return data[zh].where(data[zh].fillna("").astype(str).str.strip() != "", data[column])


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

    # Past this many rows a table may run over a PDF page: LaTeX's longtable lets it break.
    LONG = 15

    def _repr_mimebundle_(self, include=None, exclude=None):
        if self.frame.empty or list(self.frame.columns) == ["Note"]:  # nothing but a note: the prose says it
            # A table the edition's year has no rows for shows nothing (a MyST comment keeps the output, so
            # every edition has the same cells); the section's prose says once what the year lacks.
            return {"text/markdown": f"% not shown: {self.label} has no rows for this edition\n", "text/plain": ""}
        long = "\n:class: longtable" if len(self.frame) > self.LONG else ""
        # Rendered in the current language: caption, headers, text cells and source through its labels.
        frame = self.frame.rename(columns=lambda c: label(c if isinstance(c, str) else str(c)))
        for col in frame.select_dtypes(include="object").columns:
            frame[col] = frame[col].map(lambda v: label(v) if isinstance(v, str) else v)
        caption, source = label(self.caption), label(self.source)
        # The source line is markdown, not HTML, so that the PDF keeps it too.
        md = (f":::{{table}} {caption}\n:name: {self.label}\n:align: left{long}\n\n"
              f"{markdown_table(frame)}\n:::\n\n"
              f"{label('*Source:*')} {source}\n")
        return {"text/markdown": md, "text/plain": f"Table {self.label}: {caption}"}


def table(frame: pd.DataFrame, label: str, caption: str, source: str) -> Table:
    return Table(frame, label, caption, source)


# Counts below this change by their difference, not a percentage: on so small a base a percentage says little.
SMALL_COUNT = 10


def years_side_by_side(rows: Iterable[tuple[str, str, str, float | None, float | None, int]],
                       year: int) -> pd.DataFrame:
    """Rows (name, name_zh, unit, current, prior, decimals) -> a table with both years and the change:
    % for amounts, percentage points for rates; a dash where a year lacks the figure (and no prior-year
    columns at all when no row has a prior figure)."""
    out = []
    for name, name_zh, unit, cur, prior, decimals in rows:
        if cur is None or prior is None:
            ch = DASH
        elif unit == "%":
            ch = change_pp(cur, prior, decimals)
        elif unit == "count" and max(abs(cur), abs(prior)) < SMALL_COUNT:
            ch = signed(cur - prior, decimals)  # 1 to 2 cases is +1, not +100.0%
        else:
            ch = DASH if prior == 0 else change((cur - prior) / prior * 100)
        out.append({"Metric": glossed(name, name_zh), "Unit": unit, str(year): cell(cur, decimals),
                    str(year - 1): cell(prior, decimals), "Change": ch})
    frame = pd.DataFrame(out)
    if len(frame) and (frame[str(year - 1)] == DASH).all():
        frame = frame.drop(columns=[str(year - 1), "Change"])
    return frame


def versus(ds) -> Bilingual:
    """'2023 against 2022' (2023年對比2022年) for captions, or '2022' when the data hold no prior year."""
    return span(ds.year, ds.year - 1) if ds.year - 1 in ds.years else span(ds.year)


def kpi_comparison(ds, ids: list[str], year: int | None = None) -> pd.DataFrame:
    """KPIs side by side for the year and the prior year, with the change ('no prior year' when absent)."""

    year = ds.year if year is None else year
    rows = []
    for kpi_id in ids:
        k = kpis.BY_ID[kpi_id]
        rows.append((k.name_en, k.name_zh, k.unit, k.compute(ds, year), k.compute(ds, year - 1), k.decimals))
    return years_side_by_side(rows, year)


def source(ds, *files: str, section: str | tuple[str, ...] | None = None) -> Bilingual:
    """'data/environment.csv; report section 09 附錄 > 數據統計表' for captions (sections as the report names
    them, in Chinese: one, or a tuple of several)."""
    sections = (section,) if isinstance(section, str) else tuple(section or ())
    en = "; ".join(f"`data/{f}.csv`" for f in files)
    zh = "；".join(f"`data/{f}.csv`" for f in files)
    if sections:
        en, zh = f"{en}; report section {' and '.join(sections)}", f"{zh}；報告章節 {'、'.join(sections)}"
    return Bilingual(en, zh)


# -- figures as published ---------------------------------------------------------------------


def qualified(ds, metric: str, year: int | None = None, dimension: str = "total", category: str = "all",
              absolute: bool = False, currency: bool = False) -> str:
    """A figure as the report hedges it ('more than 5,000', 'below 2%', `absolute`: 'about 4.5 million'), or 'n/a'."""
    row = ds.row(metric, year, dimension, category)
    if row is None:
        return "n/a"
    value, unit, q = float(row["value"]), row["unit"], row["qualifier"]
    if absolute and unit in SCALES:
        return hedged(plain_amount(value, unit, currency), q)
    return published(value, q, unit)


def published(value: float, qualifier: str = "", unit: str = "") -> str:
    """`formatting.as_published` with the hedge in each language ('more than 5,000' / '超過5,000')."""
    text = as_published(value, "", unit)
    return entry("{hedge} {n}", hedge=hedge(qualifier), n=text) if qualifier else text


def published_cell(value: float, qualifier: str = "", unit: str = "") -> str:
    """A published figure as a table cell, written as the prose of each language writes it: a 萬/億 figure in
    full in English ('4.5 million', 'more than 24.5 million'), as printed in Chinese (450, 超過2,450)."""
    printed = published(value, qualifier)  # the unit has its own column
    if unit not in SCALES:
        return printed
    return Bilingual(hedged(plain_amount(value, unit), qualifier), zh_of(printed))


# The scale words of a 萬/億 unit's English name ('10 thousand persons', 'CNY 100 million'): a `published_cell`
# carries the scale in English, so its unit cell drops them.
_SCALE_WORDS = re.compile(r"\s*\b(?:10 thousand|100 million)\b\s*")


def unit_cell(ds, unit: str) -> Bilingual:
    """The unit beside a `published_cell`: 'persons' / 萬人 for a 萬/億 unit, else the unit's name (units.csv)."""
    name = ds.unit_name(unit)
    return Bilingual(_SCALE_WORDS.sub(" ", str(name)).strip(), name.zh) if unit in SCALES else name


def metric_name(ds, metric: str, dimension: str = "total", category: str = "all") -> str:
    """'Corruption cases (貪污訴訟案件)', with ': <breakdown>' for a breakdown row."""
    m = ds.metric_info[metric]
    name = glossed(m["name_en"], m["name_zh"])
    return name if dimension == "total" else concat(name, ds.label(dimension, category), sep=": ", zh_sep="：")


def category_name(ds, dimension: str, category: str) -> str:
    """A breakdown category in both languages: 'North China (華北地區)'."""
    return glossed(ds.label(dimension, category), ds.label(dimension, category, "zh"))


def empty_note(ds, what: str) -> pd.DataFrame:
    """A one-row table body that says the report gives no `what` for the edition's two years."""
    return pd.DataFrame([{"Note": entry("The report gives no {text} for {span}.", text=what,
                                        span=span(ds.year, ds.year - 1, "or"))}])


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
        row = {"Metric": metric_name(ds, metric),
               "Breakdown": "" if dimension == "total" else ds.label(dimension, category),
               "Unit": unit_cell(ds, info[metric]["unit"])}
        for y in years:
            hit = part[part["year"] == y]
            row[str(y)] = (published_cell(float(hit["value"].iloc[0]), hit["qualifier"].iloc[0], info[metric]["unit"])
                           if len(hit) else DASH)
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


def figures_table(ds, file: str, label: str, caption: str, metrics: list[str] | None = None,
                  what: str = "figures for this section", section: str | None = None) -> Table:
    """`figures_frame` as a numbered table; a year with none of the figures gets one row saying so."""
    frame = figures_frame(ds, file, metrics)
    body = empty_note(ds, what) if frame.empty else frame
    return table(body, label, caption, source(ds, file, section=section))
