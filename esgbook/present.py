"""Presentation: numbers formatted in Python, then glued into prose; numbered tables.

Numbers are formatted here, never in the narrative: `glue_numbers` turns values into the
strings the prose shows (numpy scalars and format specs do not mix in `{glue:text}`).
Tables are emitted as MyST markdown (a `{table}` directive), so they are numbered,
captioned, cross-referable and render the same in HTML and in the PDF.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cache
from importlib import import_module

import pandas as pd

from .kpis import NO_PRIOR_YEAR, yoy

DASH = "–"


def num(value, decimals: int = 0, unit: str = "") -> str:
    """1234.5 -> '1,234.5'; None or NaN -> 'n/a'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    text = f"{float(value):,.{decimals}f}"
    if text.startswith("-0") and float(text.replace(",", "")) == 0:
        text = text[1:]  # no '-0.0'
    if text.startswith("-"):
        text = "−" + text[1:]  # the book's minus sign (U+2212), never a hyphen
    return f"{text} {unit}".strip() if unit else text


def pct(value, decimals: int = 1) -> str:
    """12.345 -> '12.3%'; None or NaN -> 'n/a'."""
    return "n/a" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{num(value, decimals)}%"


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


def change_pp(cur: float | None, prior: float | None, decimals: int = 0) -> str:
    """The change between two rates in percentage points ('+1 pp', '−14 pp'), or 'no prior year'."""
    if cur is None or prior is None:
        return NO_PRIOR_YEAR
    diff = round(cur - prior, decimals)  # round first, so a tiny gap reads ±0, never −0
    sign = "+" if diff > 0 else ("−" if diff < 0 else "±")
    return f"{sign}{num(abs(diff), decimals)} pp"


def join_and(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'; 'none' for an empty list."""
    if not items:
        return "none"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def direction(value, up: str = "rose", down: str = "fell", flat: str = "was unchanged",
              missing: str = "cannot be compared with a prior year") -> str:
    """A verb for prose that follows the data: 'rose' / 'fell' / ... ."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return missing
    return up if value > 0 else down if value < 0 else flat


def glue_numbers(numbers, *args) -> None:
    """Glue every string of the dict `numbers(*args)` under its key, hidden, in every language (the
    section function runs once per language); an `esgbook.narrative.Md` paragraph is glued as markdown
    for a `{glue:md}` block."""
    from .outputs import glue_all  # noqa: PLC0415 - only inside a notebook

    glue_all(numbers, *args)


def show(fn, *args) -> None:
    """Display the table (or markdown) `fn(*args)` in every language."""
    from .outputs import show as _show  # noqa: PLC0415

    _show(fn, *args)


def show_all(fn, *args) -> None:
    """Display each table of the list `fn(*args)` in every language."""
    from .outputs import show_all as _show_all  # noqa: PLC0415

    _show_all(fn, *args)


def label(text: str) -> str:
    """A label (caption, column, row name) in the current language: the language's catalogue. A
    language whose catalogue module tells labels shown from template facts (`labels.shown`) uses it."""
    from . import narrative  # noqa: PLC0415

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
    from . import narrative  # noqa: PLC0415
    from .findings import localised as row_text  # noqa: PLC0415

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
        frame = self.frame.rename(columns=lambda c: label(str(c)))
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


def signed(value: float, decimals: int = 0) -> str:
    """'+1', '−3', '±0': a difference in the figure's own unit."""
    return ("+" if value > 0 else "−" if value < 0 else "±") + num(abs(value), decimals)


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
        out.append({"Metric": f"{name} ({name_zh})", "Unit": unit, str(year): cell(cur, decimals),
                    str(year - 1): cell(prior, decimals), "Change": ch})
    frame = pd.DataFrame(out)
    if len(frame) and (frame[str(year - 1)] == DASH).all():
        frame = frame.drop(columns=[str(year - 1), "Change"])
    return frame


def cell(value, decimals: int = 0) -> str:
    """A table cell: the formatted number, or a dash where the year lacks it."""
    return DASH if value is None or (isinstance(value, float) and math.isnan(value)) else num(value, decimals)


def pct_cell(value, decimals: int = 1) -> str:
    """A table cell for a rate: '41.1%', or a dash where the year lacks it."""
    return DASH if value is None or (isinstance(value, float) and math.isnan(value)) else pct(value, decimals)


def versus(ds) -> str:
    """'2023 against 2022' for captions, or '2022' when the data hold no prior year."""
    return f"{ds.year} against {ds.year - 1}" if ds.year - 1 in ds.years else str(ds.year)


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


# -- figures as published ---------------------------------------------------------------------
QUALIFIERS = {"more than": "more than", "about": "about", "below": "below", "at least": "at least",
              "nearly": "nearly"}  # nearly: 近 (近三百, nearly 300)
# How many units one 萬 (10k) or 億 (100m) unit id stands for, to write "450 (10k persons)" as "4.5 million".
SCALES = {"10k persons": 1e4, "10k times": 1e4, "10k count": 1e4, "10k person-times": 1e4,
          "10k times/day": 1e4, "10k enterprises": 1e4, "100m count": 1e8, "100m times/day": 1e8,
          "CNY 100m": 1e8, "CNY 10k": 1e4}
MAGNITUDES = ((1e9, " billion"), (1e6, " million"))


def decimals_of(value: float, most: int = 9) -> int:
    """The decimals a figure was published with (0.001 -> 3, 92.57 -> 2, 5000 -> 0), at most `most`."""
    value = float(value)
    # Compared, not read off the digits: a scaled figure such as 1.15 x 1e8 / 1e9 is 0.11499999999999999.
    return next((d for d in range(most + 1) if math.isclose(round(value, d), value, rel_tol=1e-12)), most)


def significant(value: float, digits: int = 2, least: int = 1) -> int:
    """Decimals that show `digits` significant digits of a small value (0.00216 -> 4), at least `least`."""
    if not value:
        return least
    return max(least, digits - 1 - math.floor(math.log10(abs(value))))


def large(value: float | None, decimals: int = 2) -> str:
    """4.5e6 -> '4.5 million', 1.64e11 -> '164 billion', 75600 -> '75,600'; at most `decimals` decimals."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    size, word = next(((s, w) for s, w in MAGNITUDES if abs(value) >= s), (1, ""))
    scaled = round(value / size, decimals)
    return num(scaled, decimals_of(scaled, decimals)) + word


def plain_amount(value: float, unit: str, currency: bool = False) -> str:
    """A 萬/億 figure written out in full: 375.2 (10k persons) -> '3.752 million'; 'CNY 162.1 billion' with `currency`."""
    # Up to six decimals of the millions or billions: every digit the report published is kept.
    text = large(value * SCALES[unit], decimals=6)
    return f"CNY {text}" if currency and unit.startswith("CNY") else text


def plain_unit(unit: str) -> str:
    """What a plain amount counts: '10k person-times' -> 'person-times'; a bare count or a share has no word."""
    word = unit.removeprefix("10k ").removeprefix("100m ")
    return "" if word in ("count", "%") else word


def hedged(text: str, qualifier: str) -> str:
    """A figure with the report's hedge in front: ('5,000', 'more than') -> 'more than 5,000'."""
    return f"{QUALIFIERS[qualifier]} {text}" if qualifier else text


def as_published(value: float, qualifier: str = "", unit: str = "") -> str:
    """A figure with the decimals and the hedge it was published with: 'more than 5,000'; 'below 2%' for a '%' unit."""
    return hedged(num(value, decimals_of(value)) + ("%" if unit == "%" else ""), qualifier)


def qualified(ds, metric: str, year: int | None = None, dimension: str = "total", category: str = "all",
              absolute: bool = False, currency: bool = False) -> str:
    """A figure as the report hedges it ('more than 5,000', 'below 2%', `absolute`: 'about 4.5 million'), or 'n/a'."""
    row = ds.row(metric, year, dimension, category)
    if row is None:
        return "n/a"
    value, unit, q = float(row["value"]), row["unit"], row["qualifier"]
    if absolute and unit in SCALES:
        return hedged(plain_amount(value, unit, currency), q)
    return as_published(value, q, unit)


def metric_name(ds, metric: str, dimension: str = "total", category: str = "all") -> str:
    """'Corruption cases (貪污訴訟案件)', with ': <breakdown>' for a breakdown row."""
    m = ds.metric_info[metric]
    name = f"{m['name_en']} ({m['name_zh']})"
    return name if dimension == "total" else f"{name}: {ds.label(dimension, category)}"


def category_name(ds, dimension: str, category: str) -> str:
    """A breakdown category in both languages: 'North China (華北地區)'."""
    return f"{ds.label(dimension, category)} ({ds.label(dimension, category, 'zh')})"


def empty_note(ds, what: str) -> pd.DataFrame:
    """A one-row table body that says the report gives no `what` for the edition's two years."""
    return pd.DataFrame([{"Note": f"The report gives no {what} for {ds.year} or {ds.year - 1}."}])


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
               "Unit": info[metric]["unit"]}
        for y in years:
            hit = part[part["year"] == y]
            row[str(y)] = as_published(float(hit["value"].iloc[0]), hit["qualifier"].iloc[0]) if len(hit) else DASH
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
