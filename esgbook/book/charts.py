"""Charts: Altair specs rendered to SVG by vl-convert, with their data as CSV.

Why SVG through vl-convert rather than Altair's HTML output: the HTML output loads Vega
from a CDN (blank offline and in a PDF) and carries a random element id (breaks nbval and
byte-identical notebooks). vl-convert renders offline and deterministically. The SVG is
split one element per line so a notebook diff shows what moved.

Every chart has a title, axis titles with units, a description (the SVG's aria-label for
screen readers) and the CSV of what it draws, written next to the notebook under
`downloads/` and linked from the figure's caption. Colour never carries meaning alone: bars are
labelled with their year (or category) and value.
"""
from __future__ import annotations

import hashlib
import html
import json
import os
import re
from pathlib import Path

import altair as alt
import pandas as pd

from esgbook.book import formatting, narrative, present
from esgbook.book.narrative.bilingual import Bilingual, bracketed, entry, zh_of
from esgbook.book.narrative.zh_hant import labels
from esgbook.build import chartfont
from esgbook.build.chartfont import MEASURE_ENV, MEASURE_FAMILY
from esgbook.paths import build_dir, keep

# Traditional glyph forms (TC), as the report's Chinese terms are Traditional.
FONT = f"{chartfont.FAMILY}, Noto Sans, DejaVu Sans, sans-serif"
YEAR_COLOURS = ["#9aa5b1", "#1f5f8b"]  # prior year grey, current year blue; labels carry the year too
# The book's one palette: every chart's categories take their colours from it (THEME sets it as the
# category range, so a chart that names no colours gets these, not Vega's default scheme).
PALETTE = ["#1f5f8b", "#e07b39", "#4c9a6a", "#b54a6a", "#7a6bb0", "#9aa5b1"]
WIDTH = 440
# The PDF's text column (A4 less 15 mm margins each side) in CSS px. A chart drawn wider is scaled down to it in
# print, and its text with it (below 11 px), so `fitted` narrows the plots of a wider chart until it fits.
PRINT_WIDTH = 680
# Text sizes in px at the chart's own size. The site shows a chart at its own size or larger (never scaled
# down: a chart wider than the column scrolls in its frame), so these are the sizes a reader sees, and the
# PDF's column is wide enough for them too. TEXT_MIN is the floor every text mark is raised to.
TEXT_SIZE, TITLE_SIZE, TEXT_MIN = 12, 15, 12


def downloads_dir() -> Path:
    """Where chart CSVs go: `downloads/` beside the executing notebook (ESGBOOK_OUTPUT_DIR)."""
    return Path(os.environ.get("ESGBOOK_OUTPUT_DIR", ".")) / "downloads"


class Chart:
    """An Altair chart that displays as SVG (and names itself in text/plain)."""

    def __init__(self, chart: alt.TopLevelMixin, label: str, title: str, description: str, data: pd.DataFrame,
                 placeholder: bool = False):
        self.chart, self.label, self.title, self.description, self.data = chart, label, title, description, data
        self.placeholder = placeholder  # a year without data: the site leaves its figure out

    def spec(self) -> dict:
        # Not validated here, nor copied to set the description (Altair deep-copies a chart, data included,
        # on every method call): a third of a chapter's run went there. tests/test_charts.py validates every
        # chart of an edition against the Vega-Lite schema.
        spec = self.chart.to_dict(validate=False)
        spec.pop("$schema", None)
        spec["description"] = self.description
        # The book's theme (fonts, sizes, palette) under whatever the chart configured itself.
        config = spec.setdefault("config", {})
        for part, values in THEME.items():
            config[part] = {**values, **config.get(part, {})}
        return _labelled(_legible(spec))

    def svg(self) -> str:
        svg = fitted(self.spec())
        # vl-convert drops the description: put it back as the SVG's accessible name and title.
        text = html.escape(f"{present.label(self.title)}{present.label('. ')}{present.label(self.description)}",
                           quote=True)
        svg = re.sub(r"<svg\b", f'<svg role="img" aria-label="{text}"', svg, count=1)
        svg = re.sub(r"(<svg\b[^>]*>)", rf"\1<title>{text}</title>", svg, count=1)
        return re.sub(r">\s*<", ">\n<", svg).strip() + "\n"

    def csv_path(self) -> Path:
        return downloads_dir() / f"{self.label}.csv"

    def write_csv(self) -> Path:
        path = self.csv_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        self.data.to_csv(path, index=False, lineterminator="\n")
        return path

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"image/svg+xml": self.svg(), "text/plain": f"Chart {self.label}: {present.label(self.title)}"}


def drawn(spec: dict) -> str:
    """vl-convert's SVG of a spec. Drawing takes about a tenth of a second a chart (mostly measuring text in the
    CJK font), and a chapter executed again redraws mostly the same charts, so each SVG is kept in the build
    folder (`svg/`) under a digest of the spec, the renderer's version and the fonts asked for; vl-convert
    is deterministic, so a kept SVG is the one it would draw."""
    import vl_convert as vlc  # noqa: PLC0415 - import cost only where charts are drawn

    text = json.dumps(spec, sort_keys=True, ensure_ascii=False, default=str)
    key = hashlib.sha256(f"{vlc.__version__}\0{FONT}\0{text}".encode()).hexdigest()
    path = build_dir() / "svg" / f"{key[:2]}" / f"{key}.svg"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    if FONT in text and _measuring(vlc, text):  # the same SVG, drawn in a third of the time
        svg = vlc.vegalite_to_svg(json.loads(text.replace(FONT, MEASURE_FAMILY))).replace(MEASURE_FAMILY, FONT)
    else:
        svg = vlc.vegalite_to_svg(spec)
    keep(path, svg)  # parallel chapters may draw the same chart; a read-only build folder draws every time
    return svg


def fitted(spec: dict) -> str:
    """The chart drawn no wider than PRINT_WIDTH where narrower plots allow it. A chart's width is its labels,
    legends and titles plus its plots (`width`, or width steps), linear in a factor on the plots. The first
    guess takes the excess off the widest plot (exact for one plot, or panels in rows); if that misses, the
    two drawings give the line and a third is drawn at the factor that fits. Plots are never narrowed below
    half; a chart whose text alone is too wide stays as wide as that leaves it."""
    svg = drawn(spec)
    full = svg_width(svg)
    if full <= PRINT_WIDTH:
        return svg
    excess = full - PRINT_WIDTH + 1  # 1 px to spare for rounding
    plot = max(_view_widths(spec), default=0)
    guess = max(0.5, 1 - excess / plot) if plot else 0.5
    narrower = drawn(_plots_scaled(spec, round(guess, 3)))
    width = svg_width(narrower)
    if PRINT_WIDTH - 30 <= width <= PRINT_WIDTH or guess == 0.5 and width > PRINT_WIDTH:
        return narrower
    slope = (full - width) / (1 - guess)
    if slope <= 0:
        return svg
    return drawn(_plots_scaled(spec, round(max(0.5, 1 - excess / slope), 3)))


def _view_widths(node) -> list[float]:
    """The widths in px of a spec's views (not steps, not a mark's own width)."""
    if isinstance(node, list):
        return [w for v in node for w in _view_widths(v)]
    if not isinstance(node, dict) or "type" in node:
        return []
    own = [node["width"]] if isinstance(node.get("width"), (int, float)) else []
    return own + [w for k, v in node.items() if k not in ("config", "datasets", "data") for w in _view_widths(v)]


def svg_width(svg: str) -> float:
    """The width of a drawn chart, in px (the outer `<svg width=...>`)."""
    return float(re.search(r'<svg\b[^>]*?\swidth="([\d.]+)"', svg).group(1))


def _plots_scaled(node, factor: float):
    """The spec with every view's width (a number of px, or a step per band) times `factor`; a mark's own width
    (a dict with a `type`) and the config are left alone."""
    if isinstance(node, list):
        return [_plots_scaled(v, factor) for v in node]
    if not isinstance(node, dict) or "type" in node:
        return node
    out = {k: v if k in ("config", "datasets", "data") else _plots_scaled(v, factor) for k, v in node.items()}
    width = out.get("width")
    if isinstance(width, (int, float)):
        out["width"] = round(width * factor, 1)
    elif isinstance(width, dict) and isinstance(width.get("step"), (int, float)):
        out["width"] = {**width, "step": round(width["step"] * factor, 1)}
    return out


# The build's subset of the chart font for measuring text (esgbook.build.chartfont), once found.
_MEASURING: dict = {"path": None, "chars": frozenset()}


def _measuring(vlc, text: str) -> bool:
    """Whether a chart (its spec as JSON) can be measured in the build's subset of the chart font: the subset is
    made (registered with vl-convert the first time it is found) and holds every character of the chart."""
    path = os.environ.get(MEASURE_ENV)
    if not path:
        return False
    if _MEASURING["path"] != path:
        try:
            chars = Path(path).with_name("chart-metrics.txt").read_text(encoding="utf-8")
        except OSError:
            return False  # not made yet: the system font measures the same, only slower
        vlc.register_font_directory(str(Path(path).parent))
        _MEASURING.update(path=path, chars=frozenset(chars))
    return set(text) <= _MEASURING["chars"]


SIZE_KEYS = {"fontSize", "labelFontSize", "titleFontSize", "subtitleFontSize"}


def _legible(node):
    """The book's theme over a whole spec: any text size below TEXT_MIN (chart functions and sections write
    9, 10 or 11, on marks, axes, legends, headers) is raised to TEXT_SIZE; and no label is cut short (a
    `labelLimit` or a text `limit` is lifted: 0 is no limit in Vega)."""
    if isinstance(node, list):
        return [_legible(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: _legible(v) for k, v in node.items()}
    for key in SIZE_KEYS & out.keys():
        if isinstance(out[key], (int, float)) and out[key] < TEXT_MIN:
            out[key] = TEXT_SIZE
    for key in ("labelLimit", "limit"):
        if isinstance(out.get(key), (int, float)) and out[key] > 0:
            out[key] = 0
    return out


# Where a chart spec holds text a reader sees: titles, descriptions, and the string values of its data
# (category names on axes and legends); field names, types and formats are left alone.
_TEXT_KEYS = {"title", "subtitle", "text", "description"}
_ID_FIELDS = {"metric", "dimension", "category", "unit", "qualifier", "colour"}


# A Chinese gloss in brackets ('Users reached (觸達人次)'): the English edition's tables print it on a second line
# in a smaller style; its charts leave it out, since a gloss on every axis label widens a chart past the
# column (in the PDF, scaled down to text below 11 px).
_CJK = "\u3000-\u30ff\u3400-\u9fff\uff00-\uffef"
# bracketed ('Water (用水量)', `glossed`), or a word after a space that ends the text or comes before a bracket
# or a dash ('Female 女', 'Labour standards 勞工標準 (not ranked)', 'Green finance 綠色金融 — Farmers served', `spaced`)
_GLOSS = re.compile(rf"\s*[(（](?:[^()（）]|[(（][^()（）]*[)）])*[)）]|\s+[{_CJK}][^\sA-Za-z0-9]*(?=\s*[(（—]|$)")


def unglossed(text: str) -> str:
    """English chart text without its Chinese glosses: 'Users reached (觸達人次): Male' -> 'Users reached: Male'."""
    return _GLOSS.sub(lambda m: "" if re.search(f"[{_CJK}]", m.group()) else m.group(), text)


def _labelled(spec):
    """The spec with its visible text in the current language (in English, without Chinese glosses)."""
    english = narrative.current() == "en"

    def walk(node, key=None, in_data=False):
        if isinstance(node, dict):
            return {k: walk(v, k, in_data or k in ("datasets", "values")) for k, v in node.items()}
        if isinstance(node, list):  # a list of category names (sort order, scale domain) is data too
            return [walk(v, key, in_data or key in ("sort", "domain")) for v in node]
        if isinstance(node, str) and (key in _TEXT_KEYS or in_data) and key not in ("field", "type", "format"):
            # ids a chart's data carry beside the names it shows (never drawn) stay as they are
            if key in _ID_FIELDS and not hasattr(node, "zh"):
                return node
            return unglossed(node) if english else present.label(node)
        return node

    return walk(spec)


def publish(make, *args) -> None:
    """Glue the chart `make(*args)` under its label (for `{glue:figure}`), in every language, and write
    its data beside the notebook.

    The figure's caption links `downloads/<label>.csv` (a `{download}` role, so a missing file
    fails the build). Returns nothing: nbval does not honour a trailing `;`, so a returned
    chart would show up as an extra output when it re-runs the notebook.
    """
    from esgbook.book.outputs import each_language, emit  # noqa: PLC0415

    built = each_language(make, *args)  # built in each language: its description may be a sentence
    built["en"].write_csv()
    bundles = {}
    for lang, chart in built.items():
        with narrative.using(lang):
            bundles[lang] = chart._repr_mimebundle_()
    emit(bundles, glue_name=built["en"].label, placeholder=built["en"].placeholder)


def base(data: pd.DataFrame, title: str, subtitle: str | None = None) -> alt.Chart:
    """An empty chart of the book's width with its title and subtitle: the start of every chart."""
    t = alt.TitleParams(title, subtitle=subtitle or "", anchor="start", font=FONT, subtitleFont=FONT)
    return alt.Chart(data, title=t).properties(width=WIDTH)


_TEXT = {"labelFont": FONT, "titleFont": FONT, "labelFontSize": TEXT_SIZE, "titleFontSize": TEXT_SIZE}
# The book's theme (Vega-Lite config): fonts, text sizes (TEXT_SIZE at least, titles TITLE_SIZE), labels never
# cut short (limit 0), the palette, no frame.
THEME = {"axis": {**_TEXT, "labelLimit": 0},
         "legend": {**_TEXT, "labelLimit": 0, "titleLimit": 0},
         "header": {**_TEXT, "labelLimit": 0, "titleLimit": 0},
         "title": {"font": FONT, "fontSize": TITLE_SIZE, "subtitleFont": FONT, "subtitleFontSize": TEXT_SIZE, "limit": 0},
         "text": {"font": FONT, "fontSize": TEXT_SIZE},
         "range": {"category": PALETTE},
         "view": {"stroke": None}}


def placeholder(label: str, title: str, message: str) -> Chart:
    """A chart holding only a sentence, for a year without data: every `{glue:figure}` needs its key glued."""
    frame = pd.DataFrame({"note": [message]})
    chart = base(frame, title).mark_text(font=FONT, fontSize=13, align="left", x=0, y=20).encode(
        text="note:N").properties(height=40)
    return Chart(chart, label, title, entry("No chart: {text}", text=message), frame, placeholder=True)


def years_bars(data: pd.DataFrame, *, label: str, title: str, category: str, value: str, unit: str,
               description: str, year: str = "year", decimals: int = 1, subtitle: str | None = None,
               measure: str | None = None, text: str | None = None, domain: list[float] | None = None,
               ticks: list[float] | None = None) -> Chart:
    """Horizontal bars, one per (category, year), each labelled 'year: value' or with its own `text` column."""
    frame = data.copy()
    frame[year] = frame[year].astype(str)
    if text is None:
        frame["label"] = _year_labels(frame[year], frame[value], decimals)
    years = sorted(frame[year].unique())
    colours = YEAR_COLOURS[-len(years):] if len(years) <= 2 else PALETTE[: len(years)]
    order = list(dict.fromkeys(frame[category]))
    shared = base(frame, title, subtitle).encode(
        y=alt.Y(f"{category}:N", sort=order, title=None),
        yOffset=alt.YOffset(f"{year}:N", sort=years),
    )
    x = alt.X(f"{value}:Q", title=_axis_title(measure or value.replace("_", " "), unit))
    colour = alt.Color(f"{year}:N", scale=alt.Scale(domain=years, range=colours), title="Year")
    tooltip = alt.Undefined
    # Room on the right for the value labels, and the legend on top, so that a label never runs
    # into the legend or off the chart.
    x = x.scale(domain=domain or [0, float(frame[value].max()) * (1.35 if text else 1.25) or 1.0], nice=False)
    x = x.axis(values=ticks) if ticks else x
    colour = colour.legend(orient="top")
    if text is not None:
        tooltip = [f"{category}:N", f"{year}:N", f"{text}:N"]
    bars = shared.mark_bar().encode(x=x, color=colour, tooltip=tooltip)
    labels = shared.mark_text(align="left", dx=3, font=FONT, fontSize=10).encode(
        x=alt.X(f"{value}:Q"), text=f"{text or 'label'}:N")
    chart = alt.layer(bars, labels).properties(height=alt.Step(16))
    return Chart(chart, label, title, description, data.drop(columns=[text]) if text else data)


def years_panels(data: pd.DataFrame, *, label: str, title: str, category: str, value: str, unit: str,
                 description: str, year: str = "year", decimals: int = 2) -> Chart:
    """One small panel per category, each on its own scale (figures in unlike units never share an
    axis), bars per year labelled 'year: value'; `unit` is a column naming each category's unit."""
    frame = data.copy()
    frame[year] = frame[year].astype(str)
    frame["label"] = _year_labels(frame[year], frame[value], decimals)
    frame["panel"] = [bracketed(c, u) for c, u in zip(frame[category], frame[unit])]
    years = sorted(frame[year].unique())
    colours = YEAR_COLOURS[-len(years):] if len(years) <= 2 else PALETTE[: len(years)]
    panels = list(dict.fromkeys(frame["panel"]))
    base = alt.Chart().encode(y=alt.Y(f"{year}:N", sort=years, title=None))
    bars = base.mark_bar().encode(
        x=alt.X(f"{value}:Q", title=None, axis=alt.Axis(tickCount=3)),
        color=alt.Color(f"{year}:N", scale=alt.Scale(domain=years, range=colours), legend=None))
    text = base.mark_text(align="left", dx=3, fontSize=10, font=FONT).encode(x=f"{value}:Q", text="label:N")
    # An invisible point past the longest bar of each panel leaves room for its label.
    frame["room"] = frame.groupby("panel")[value].transform("max") * 1.3
    room = base.mark_point(opacity=0).encode(x="room:Q")
    chart = alt.layer(bars, text, room, data=frame).properties(width=300, height=alt.Step(18)).facet(
        row=alt.Row("panel:N", sort=panels, title=None,
                    header=alt.Header(labelFont=FONT, labelAngle=0, labelAnchor="start", labelOrient="top",
                                      labelFontWeight="bold")),
        title=alt.TitleParams(title, anchor="start", font=FONT)).resolve_scale(x="independent")
    return Chart(chart, label, title, description, data)


def share_bars(data: pd.DataFrame, *, label: str, title: str, category: str, value: str, group: str,
               description: str, unit: str = "employees", subtitle: str | None = None) -> Chart:
    """Stacked 100% bars per group (e.g. year), each segment labelled with category and value."""
    frame = data.copy()
    frame[group] = frame[group].astype(str)
    total = frame.groupby(group)[value].transform("sum")
    frame["share_pct"] = frame[value] / total * 100
    frame["label"] = [Bilingual(f"{c} {v:.1f}%", f"{zh_of(c)}{v:.1f}%") for c, v in zip(frame[category], frame["share_pct"])]
    order = list(dict.fromkeys(frame[category]))
    frame["order"] = frame[category].map({c: i for i, c in enumerate(order)})
    shared = base(frame, title, subtitle).encode(
        y=alt.Y(f"{group}:N", title=None, sort="descending"),
        x=alt.X(f"{value}:Q", stack="normalize", title=entry(f"Share of {unit} (%)"), axis=alt.Axis(format="%")),
        order=alt.Order("order:Q"),
    )
    bars = shared.mark_bar(stroke="white").encode(
        color=alt.Color(f"{category}:N", sort=order, scale=alt.Scale(range=PALETTE), title=None),
        tooltip=[group, category, value, alt.Tooltip("share_pct:Q", format=".1f")])
    text = shared.mark_text(align="left", dx=2, fontSize=9, font=FONT, color="white").encode(
        text=alt.condition(alt.datum.share_pct >= 12, "label:N", alt.value("")))
    chart = alt.layer(bars, text).properties(height=alt.Step(34))
    return Chart(chart, label, title, description, data)


def value_bars(data: pd.DataFrame, *, label: str, title: str, category: str, value: str, unit: str,
               description: str, decimals: int = 0, subtitle: str | None = None, sort: bool = True,
               reference: float | None = None, reference_label: str = "", measure: str | None = None,
               whole: bool = False) -> Chart:
    """Plain horizontal bars with their values written at the end (one year, many items); `whole`: counts."""
    frame = data.copy()
    frame["label"] = frame[value].map(lambda v: f"{v:,.{decimals}f}")
    order = list(frame.sort_values(value, ascending=False)[category]) if sort else list(frame[category])
    shared = base(frame, title, subtitle).encode(y=alt.Y(f"{category}:N", sort=order, title=None))
    # Small counts would otherwise be ticked at 0.5, 1.5, ...
    axis = alt.Axis(tickMinStep=1, format="d") if whole else alt.Undefined
    bars = shared.mark_bar(color=PALETTE[0]).encode(
        x=alt.X(f"{value}:Q", title=_axis_title(measure or value.replace("_", " "), unit), axis=axis))
    text = shared.mark_text(align="left", dx=3, fontSize=10, font=FONT).encode(x=f"{value}:Q", text="label:N")
    layers = [bars, text]
    if reference is not None:
        rule = alt.Chart(pd.DataFrame({"x": [reference], "t": [reference_label]})).mark_rule(
            strokeDash=[4, 3], color="#b54a6a").encode(x="x:Q")
        layers.append(rule)
    chart = alt.layer(*layers).properties(height=alt.Step(20))
    return Chart(chart, label, title, description, data)


def _axis_title(measure, unit) -> Bilingual:
    """'Honours (count)' / 榮譽（項）: the catalogue's entry for the pair where it has one, else the two bracketed."""
    key = f"{measure} ({unit})"
    return entry(key) if not hasattr(measure, "zh") and key in labels.catalogue() else bracketed(measure, unit)


def _year_labels(years: pd.Series, values: pd.Series, decimals: int) -> list:
    """'2023: 41.1' (or '2023 published: 20.0' / '2023年公佈數字：20.0' for a bilingual year label)."""
    # after a Chinese word the colon is full-width ('2023年公佈數字：20.0'), after a bare year it is not
    return [Bilingual(f"{y}: {v:,.{decimals}f}", f"{zh_of(y)}{'：' if hasattr(y, 'zh') else ': '}{v:,.{decimals}f}")
            for y, v in zip(years, values)]


def figure_rows(ds, metrics: list[str], year: int | None = None) -> pd.DataFrame:
    """One row per figure of the listed metrics in one year (every breakdown), labelled as published; made in
    the current language. `unit_name` names the unit as published (the CSV's column); a chart shows `panel`
    and `shown`, which write a 萬/億 figure as the tables and the prose of the language do: in full in English
    ('Unit: persons', 50,000,000), as printed in Chinese (單位：萬人, 5,000)."""
    year = ds.year if year is None else year
    english = narrative.current() == "en"
    rows = []
    for metric in metrics:
        for r in ds.rows(metric, year).itertuples(index=False):
            unit_name = _unit_with_id(ds, r.unit)
            value, scale = float(r.value), formatting.SCALES.get(r.unit)
            rows.append({"figure": present.metric_name(ds, metric, r.dimension, r.category), "metric": metric,
                         "dimension": r.dimension, "category": r.category, "year": year,
                         "value": value, "unit": r.unit, "unit_name": entry("Unit: {text}", text=unit_name),
                         "qualifier": r.qualifier,
                         "label": present.published_cell(value, r.qualifier, r.unit) if scale else
                         present.published(value, r.qualifier, r.unit),
                         "panel": entry("Unit: {text}", text=panel_unit(ds, r.unit)),
                         "shown": value * scale if scale and english else value})
    return pd.DataFrame(rows, columns=["figure", "metric", "dimension", "category", "year", "value", "unit",
                                       "unit_name", "qualifier", "label", "panel", "shown"])


def _unit_with_id(ds, unit: str) -> Bilingual:
    """'percent (%)' / 百分比: a unit's name with its id, as the CSVs name it."""
    name = ds.unit_name(unit)
    return Bilingual(unit if str(name) == unit else f"{name} ({unit})", name.zh)


def panel_unit(ds, unit: str) -> Bilingual:
    """The unit a panel of `unit_panels` is drawn in: a 萬/億 unit as the tables of each language write it
    ('persons' / 萬人; 'count' for a bare 萬), else the unit's name with its id ('percent (%)')."""
    if unit not in formatting.SCALES:
        return _unit_with_id(ds, unit)
    words = present.unit_cell(ds, unit)
    return words if str(words) else Bilingual("count", words.zh)


def unit_panels(frame: pd.DataFrame, *, label: str, title: str, description: str, missing: str) -> Chart:
    """Bars of figures in mixed units, one panel (own scale) per unit; a placeholder saying `missing` if none."""
    # frame: as `figure_rows` makes it, optionally with group and colour to colour the bars by group.
    # Figures in different units are never drawn on one axis.
    if frame.empty:
        return placeholder(label, title, missing)
    order = list(dict.fromkeys(frame["figure"]))
    units = list(dict.fromkeys(frame["panel"]))
    # A name 'group — figure' is written over two lines, which needs taller rows.
    two_lines = frame["figure"].str.contains(" — ").any()
    axis = alt.Axis(labelLimit=330, labelExpr="split(datum.label, ' — ')", labelLineHeight=12)
    base = alt.Chart().encode(y=alt.Y("figure:N", sort=order, title=None, axis=axis))
    # English draws a 萬/億 figure in full: its ticks in millions and billions, as its labels ('162.1 billion')
    ticks = alt.Axis(tickCount=4, labelExpr=LARGE_TICKS) if narrative.current() == "en" else alt.Axis(tickCount=4)
    bars = base.mark_bar(color=PALETTE[0]).encode(
        x=alt.X("shown:Q", title="Value (unit named above each panel)", axis=ticks))
    if "group" in frame:  # the figure names carry the group too: colour never carries meaning alone
        bars = bars.encode(color=_group_colours(frame))
    text = base.mark_text(align="left", dx=3, fontSize=10, font=FONT).encode(x="shown:Q", text="label:N")
    chart = alt.layer(bars, text, data=frame).properties(width=300, height=alt.Step(28 if two_lines else 18)).facet(
        row=alt.Row("panel:N", sort=units, title=None,
                    header=alt.Header(labelFont=FONT, titleFont=FONT, labelAngle=0,
                                      labelAnchor="start", labelOrient="top", labelFontWeight="bold")),
        title=alt.TitleParams(title, anchor="start", font=FONT),
    ).resolve_scale(x="independent", y="independent")
    return Chart(chart, label, title, description, frame.drop(columns=CHART_ONLY, errors="ignore"))


LARGE_TICKS = ("abs(datum.value) >= 1e9 ? format(datum.value / 1e9, ',~f') + ' billion' : "
               "abs(datum.value) >= 1e6 ? format(datum.value / 1e6, ',~f') + ' million' : datum.label")
# What `figure_rows` and the sections add for drawing only: not in a chart's CSV.
CHART_ONLY = ["label", "colour", "panel", "shown"]


def _group_colours(frame: pd.DataFrame) -> alt.Color:
    """Colour by the frame's `group`, in its `colour`s; a legend only when there is more than one group."""
    legend = alt.Legend(orient="bottom") if frame["group"].nunique() > 1 else None
    return alt.Color("group:N", title=None, legend=legend, scale=alt.Scale(
        domain=list(dict.fromkeys(frame["group"])), range=list(dict.fromkeys(frame["colour"]))))


def figure_panels(ds, metrics: list[str], *, label: str, title: str, description: str,
                  year: int | None = None) -> Chart:
    """`unit_panels` of the listed metrics' figures in one year, as published, hedges included."""
    year = ds.year if year is None else year
    return unit_panels(figure_rows(ds, metrics, year), label=label, title=title, description=description,
                       missing=entry("The report gives none of these figures for {year}.", year=year))


def factors_chart(data: pd.DataFrame, *, label: str, title: str, description: str) -> Chart:
    """Points of emission factors (tCO2/MWh) by year: implied vs official, each point labelled."""
    frame = data.copy()
    frame["year"] = frame["year"].astype(str)
    frame["order"] = frame.groupby("year").cumcount()  # each year's panel in its own row order
    base = alt.Chart(frame).encode(
        y=alt.Y("series:N", title=None, sort=alt.EncodingSortField("order", op="min")),
        x=alt.X("value:Q", title="Emission factor (tCO2/MWh)", scale=alt.Scale(zero=True)))
    points = base.mark_point(filled=True, size=80).encode(
        shape=alt.Shape("kind:N", title="Source", legend=alt.Legend(orient="bottom")),
        color=alt.Color("kind:N", scale=alt.Scale(range=PALETTE), title="Source", legend=alt.Legend(orient="bottom")))
    text = base.mark_text(align="left", dx=8, fontSize=10, font=FONT).encode(text=alt.Text("value:Q", format=".4f"))
    layered = alt.layer(points, text).properties(width=WIDTH - 120, height=alt.Step(20))
    # the year above its panel, not turned on its side beside it: the labels leave the plot little room
    header = alt.Header(labelFont=FONT, labelAngle=0, labelAnchor="start", labelOrient="top", labelFontWeight="bold")
    chart = layered.facet(row=alt.Row("year:N", title=None, header=header),
                          title=alt.TitleParams(title, anchor="start", font=FONT)).resolve_scale(y="independent")
    return Chart(chart, label, title, description, data)
