"""Every chart of both editions is valid Vega-Lite (`Chart.spec` does not validate, for speed: the chapters'
code is run here with `charts.publish` collecting the specs), and a drawn SVG is kept and reused."""
import contextlib
import io

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
