"""The build's subset of the chart font (esgbook.build.chartfont): made with fontTools from the tools environment,
it measures chart text as the system font does, so every chart is drawn byte for byte the same with it, faster."""
import os
import time

import pytest
import vl_convert

from esgbook.book import charts
from esgbook.build import chartfont


@pytest.fixture(scope="module")
def subset(tmp_path_factory):
    build = tmp_path_factory.mktemp("build")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ESGBOOK_BUILD", str(build))
        started = time.perf_counter()
        with chartfont.measuring_font(chartfont.WORTH) as path:
            assert path is not None, "no tools environment or no system chart font"
        took = time.perf_counter() - started
    assert path.exists() and path.with_name("chart-metrics.txt").exists()
    assert not [p for p in path.parent.parent.iterdir() if p.name.startswith(".")]  # no work folder left
    return path, took


def test_a_few_chapters_make_no_subset(tmp_path, monkeypatch):
    monkeypatch.setenv("ESGBOOK_BUILD", str(tmp_path))
    with chartfont.measuring_font(chartfont.WORTH - 1) as path:
        assert path is None and chartfont.MEASURE_ENV not in os.environ
    assert not (tmp_path / "fonts").exists()


def test_the_subset_is_small_and_holds_the_books_characters(subset):
    path, took = subset
    assert path.stat().st_size < 3_000_000  # the system collection is about 19 MB
    chars = set(path.with_name("chart-metrics.txt").read_text(encoding="utf-8"))
    assert {"董", "溫", "碳", "A", "%", "（", "："} <= chars
    assert took < 60


def _draw(spec, fast, monkeypatch, path):
    monkeypatch.setattr(charts, "_MEASURING", {"path": None, "chars": frozenset()})
    if fast:
        monkeypatch.setenv(chartfont.MEASURE_ENV, str(path))
    else:
        monkeypatch.delenv(chartfont.MEASURE_ENV, raising=False)
    calls = []
    draw = vl_convert.vegalite_to_svg
    monkeypatch.setattr(vl_convert, "vegalite_to_svg", lambda s: calls.append(s) or draw(s))
    monkeypatch.setenv("ESGBOOK_BUILD", str(path.parent / f"svg-{fast}-{time.perf_counter_ns()}"))  # no kept SVG
    svg = charts.drawn(spec)
    return svg, [c for c in calls if chartfont.MEASURE_FAMILY in str(c)]


def test_every_chart_is_drawn_the_same_with_the_subset(subset, monkeypatch, tmp_path):
    from test_charts import _chapter_charts

    path, _ = subset
    built = _chapter_charts(2023, monkeypatch, tmp_path)
    assert len(built) >= 50
    for lang, label, spec in built:
        slow, _ = _draw(spec, False, monkeypatch, path)
        fast, measured = _draw(spec, True, monkeypatch, path)
        assert measured, (lang, label)  # measured in the subset
        assert fast == slow, (lang, label)
        assert chartfont.MEASURE_FAMILY not in fast and charts.FONT in fast


def test_a_character_the_subset_lacks_is_measured_in_the_system_font(subset, monkeypatch):
    path, _ = subset
    rare = "\u9f98"  # 龘: in the system font, in no data or code of the book
    assert rare not in path.with_name("chart-metrics.txt").read_text(encoding="utf-8")
    spec = {"data": {"values": [{"a": f"Name {rare}", "b": 1}]}, "mark": "bar",
            "config": {"font": charts.FONT, "axis": {"labelFont": charts.FONT}},
            "encoding": {"y": {"field": "a", "type": "nominal"}, "x": {"field": "b", "type": "quantitative"}}}
    fast, measured = _draw(spec, True, monkeypatch, path)
    assert not measured and fast == _draw(spec, False, monkeypatch, path)[0]


def _running(marker: str) -> bool:
    """Whether a live process has `marker` in its command line (a zombie has none)."""
    from pathlib import Path

    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if marker.encode() in cmdline.read_bytes():
                return True
        except OSError:
            pass  # ended while we looked
    return False


def test_a_failed_run_ends_the_making_and_a_finished_one_waits_for_it(tmp_path, monkeypatch):
    """The subset is made in a process of its own: a run that fails (or is stopped) ends it and leaves no work
    folder; a run that ends waits for it, so nothing is left running either way."""
    monkeypatch.setenv("ESGBOOK_BUILD", str(tmp_path))
    marker = f"esgbook-chartfont-test-{os.getpid()}"
    monkeypatch.setattr(chartfont, "SUBSET", f"import time; time.sleep(30)  # {marker}")
    started = time.perf_counter()
    with pytest.raises(RuntimeError), chartfont.measuring_font(chartfont.WORTH):
        deadline = time.perf_counter() + 10
        while not _running(marker) and time.perf_counter() < deadline:  # started, then shows its command line
            time.sleep(0.05)
        assert _running(marker)
        raise RuntimeError("a chapter failed")
    assert time.perf_counter() - started < 20 and not _running(marker)  # ended, not waited for
    assert not list((tmp_path / "fonts").iterdir())  # no work folder left, no font
    monkeypatch.setattr(chartfont, "SUBSET", f"import time; time.sleep(0.5)  # {marker}")
    started = time.perf_counter()
    with chartfont.measuring_font(chartfont.WORTH):
        pass
    assert not _running(marker) and time.perf_counter() - started >= 0.5  # waited for
