"""Every chart of both editions is valid Vega-Lite (`Chart.spec` does not validate, for speed: the chapters'
code is run here with `charts.publish` collecting the specs), and a drawn SVG is kept and reused."""
import contextlib
import io
import json

import altair as alt
import jupytext
import pytest
from altair.utils.schemapi import validate_jsonschema
from altair.vegalite.v6.schema import core

from esgbook.book import charts, narrative
from esgbook.build import editions


def _chapter_charts(year: int, monkeypatch, tmp_path) -> list[tuple[str, str, dict]]:
    from esgbook.book.outputs import each_language

    built = []

    def publish(make, *args):
        for lang, chart in each_language(make, *args).items():
            with narrative.using(lang):
                built.append((lang, chart.label, chart.spec()))

    monkeypatch.setattr(charts, "publish", publish)
    monkeypatch.setenv("ESGBOOK_OUTPUT_DIR", str(tmp_path))
    for source in editions.chapters(year):
        namespace = {"year": year}
        for cell in jupytext.read(source).cells:
            if cell.cell_type == "code" and not cell.source.lstrip().startswith("%"):
                with contextlib.redirect_stdout(io.StringIO()):
                    exec(cell.source, namespace)  # the chapter's own code
    return built


@pytest.mark.parametrize("year", [2022, 2023])
def test_every_chart_of_an_edition_is_valid_vega_lite(year, monkeypatch, tmp_path):
    built = _chapter_charts(year, monkeypatch, tmp_path)
    assert len({label for _, label, _ in built}) >= 20  # every chart of the edition, in both languages
    assert {lang for lang, _, _ in built} == {"en", "zh_hant"}
    schema = core.load_schema()
    for lang, label, spec in built:
        validate_jsonschema({"$schema": alt.SCHEMA_URL, **spec}, schema)  # raises naming what is wrong
        assert spec["description"] and spec["config"]["range"]["category"] == charts.PALETTE, (lang, label)


def test_a_drawn_chart_is_kept_and_drawn_again_only_when_its_spec_changes(monkeypatch, tmp_path):
    import vl_convert

    monkeypatch.setenv("ESGBOOK_BUILD", str(tmp_path))
    calls = []
    draw = vl_convert.vegalite_to_svg
    monkeypatch.setattr(vl_convert, "vegalite_to_svg", lambda spec: calls.append(spec) or draw(spec))
    spec = {"data": {"values": [{"a": "x", "b": 1}]}, "mark": "bar",
            "encoding": {"x": {"field": "a", "type": "nominal"}, "y": {"field": "b", "type": "quantitative"}}}
    first = charts.drawn(spec)
    assert charts.drawn(spec) == first and len(calls) == 1
    assert len(list((tmp_path / "svg").rglob("*.svg"))) == 1
    changed = {**spec, "data": {"values": [{"a": "x", "b": 2}]}}
    assert charts.drawn(changed) != first and len(calls) == 2


def _drawn_widths(year: int) -> dict[tuple[str, str], float]:
    """(language, label) -> width in px of every chart an edition's committed notebooks draw."""
    key = "application/papermill.record/image/svg+xml"
    widths = {}
    for nb in sorted((editions.NOTEBOOKS / str(year)).glob("*.ipynb")):
        for cell in json.loads(nb.read_text(encoding="utf-8"))["cells"]:
            for out in cell.get("outputs", []):
                if key not in out.get("data", {}):
                    continue
                label = out["metadata"]["scrapbook"]["name"]
                for lang, svg in (("en", out["data"][key]), ("zh_hant", out["metadata"]["esgbook"]["zh_hant"][key])):
                    widths[lang, label] = charts.svg_width("".join(svg) if isinstance(svg, list) else svg)
    return widths


@pytest.mark.parametrize("year", [2022, 2023])
def test_every_chart_fits_the_printed_column(year):
    """A chart wider than the PDF's column is scaled down in print, its text below 11 px: none is."""
    widths = _drawn_widths(year)
    assert len(widths) >= 40
    wide = {k: w for k, w in widths.items() if w > charts.PRINT_WIDTH}
    assert not wide, wide


def test_a_wide_chart_is_drawn_narrower_to_fit_and_a_narrow_one_as_it_is(monkeypatch, tmp_path):
    monkeypatch.setenv("ESGBOOK_BUILD", str(tmp_path))
    names = [f"A long category name number {i} of the chart" for i in range(3)]
    spec = {"data": {"values": [{"a": n, "b": i + 1} for i, n in enumerate(names)]}, "mark": "bar", "width": 700,
            "encoding": {"y": {"field": "a", "type": "nominal"}, "x": {"field": "b", "type": "quantitative"}}}
    assert charts.svg_width(charts.drawn(spec)) > 900
    fitted = charts.fitted(spec)
    assert charts.PRINT_WIDTH - 20 < charts.svg_width(fitted) <= charts.PRINT_WIDTH
    assert all(n in fitted for n in names)  # narrower plots, the labels whole
    narrow = {**spec, "width": 200}
    assert charts.fitted(narrow) == charts.drawn(narrow)


def test_english_chart_text_leaves_out_the_chinese_glosses():
    assert charts.unglossed("Users reached by the section (專區累計觸達用戶(萬人次))") == "Users reached by the section"
    assert charts.unglossed("Labour standards 勞工標準 (not ranked)") == "Labour standards (not ranked)"
    assert charts.unglossed("Female 女") == "Female"
    # an English bracket, and a Chinese name inside the English text, stay
    assert charts.unglossed("Emission factor (tCO2/MWh)") == "Emission factor (tCO2/MWh)"
    assert charts.unglossed("The 毓數 data platform") == "The 毓數 data platform"
    assert charts.unglossed("Green finance 綠色金融 — Farmers served") == "Green finance — Farmers served"
