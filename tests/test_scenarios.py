"""An analyst's next year, scenario by scenario, in temporary data copies (never committed): every section of
every chapter is computed in both languages, and what the pages would say is checked against the data.

Scenarios: numbers only (no registers), a metric dropped, a new metric, a restated prior-year figure, no grid
factor for the year, a shrinking headcount, zero values, and a year with no prior year.
"""
import re
from importlib import import_module

import pytest
import synthetic
from test_zh_pages import check as zh_problems

from esgbook.analysis import draft, story
from esgbook.book import narrative
from esgbook.book.sections import CHAPTERS, content_index, opening
from esgbook.inputs import dataset as data
from esgbook.inputs import validate

# 'the None report', 'nan', a raw repr or a stray brace ('None of them gives a figure' is English)
GARBLED = re.compile(r"\b(?:the|of|from|by|in|a|an|is|was|to) None\b|None$|\b(?:nan|NaN)\b|\bn/a\b|Finding\(|Q\(value|[{}]")
MARKUP = re.compile(r"^```\{glue:figure\}.*?^```|\{(?:numref|ref|doc|download)\}`[^`]*`|`[^`]*`", re.M | re.S)


def _visible(text: str) -> str:
    """What a reader sees of a glued value: figure blocks, cross-references and code spans left out."""
    return MARKUP.sub("", str(text))


def _numbers_only(root):
    for name in synthetic.OBSERVATIONS:
        synthetic._edit(root, name, lambda rows: synthetic._copy_year(rows, "2023", "2024"))
    synthetic.add_report(root, 2024)
    return root


def _drop(root, file, metric, year="2024"):
    synthetic._edit(root, file, lambda rows: [r for r in rows if not (r["year"] == year and r["metric"] == metric)])


def _set(root, file, metric, value, year="2024"):
    synthetic._edit(root, file, lambda rows: [{**r, "value": value} if (r["year"], r["metric"]) == (year, metric)
                                              else r for r in rows])


def _new_metric(root):
    synthetic._edit(root, "metrics", lambda rows: rows + [{
        **next(r for r in rows if r["id"] == "gasoline_mwh"), "id": "diesel_mwh", "name_en": "Diesel consumption",
        "name_zh": "柴油", "description": "Diesel burnt by company vehicles (direct energy), MWh."}])
    synthetic._edit(root, "environment", lambda rows: rows + [{
        **next(r for r in rows if r["year"] == "2024" and r["metric"] == "gasoline_mwh"), "metric": "diesel_mwh",
        "value": "12.5"}])


SCENARIOS = {
    "numbers_only": lambda root: _numbers_only(root),
    "metric_dropped": lambda root: (_numbers_only(root), _drop(root, "environment", "hazardous_waste_t")),
    "new_metric": lambda root: (_numbers_only(root), _new_metric(root)),
    "restated": lambda root: (_numbers_only(root), synthetic.restate(root, "environment", "water_t", 2023, 60000, 2024)),
    "shrinking": lambda root: synthetic.reversed_year(root),
    "zeros": lambda root: (_numbers_only(root), _set(root, "governance", "corruption_cases", "0"),
                           _set(root, "environment", "hazardous_waste_t", "0")),
    "no_prior": lambda root: synthetic.without_prior(root),
}
YEAR = {"no_prior": 2023}


@pytest.fixture(scope="module", params=sorted(SCENARIOS))
def scenario(request, tmp_path_factory):
    root = synthetic.copy_data(tmp_path_factory.mktemp(request.param))
    SCENARIOS[request.param](root)
    validate.raise_if([])  # the package must be valid as an analyst would enter it
    assert validate.check_package(root), request.param
    return request.param, data.load(YEAR.get(request.param, 2024), root)


def _pages(ds, lang):
    """Every glued value of every chapter in `lang`, by chapter."""
    out = {}
    with narrative.using(lang):
        for chapter, modules in CHAPTERS.items():
            values = {}
            for module in modules:
                values |= import_module(f"esgbook.book.sections.{module}").numbers(ds)
            values |= story.lead_numbers(ds, chapter)
            out[chapter] = values
    return out


def test_no_garbled_token_in_either_language(scenario):
    name, ds = scenario
    for lang in ("en", "zh_hant"):
        for chapter, values in _pages(ds, lang).items():
            for key, text in values.items():
                prose = _visible(text)
                if prose.startswith("% not shown"):
                    continue
                bad = GARBLED.findall(prose)
                assert not bad, f"{name} {lang} {chapter}:{key}: {bad} in {prose[:160]}"


def test_chinese_reads_as_chinese(scenario):
    name, ds = scenario
    for chapter, values in _pages(ds, "zh_hant").items():
        for key, text in values.items():
            if str(text).startswith("% not shown"):
                continue
            problems = [p for p in zh_problems(_visible(text)) if p[0] in ("english", "simplified", "gloss")]
            assert not problems, f"{name} {chapter}:{key}: {problems[:3]}"


def test_statuses_match_the_data(scenario):
    name, ds = scenario
    index = content_index.content_index(ds).set_index("code")
    have = lambda code: any(ds.year in ds.years_of(m) for m, i in ds.metric_info.items() if i["hkex"] == code)  # noqa: E731
    for code in ("A1.2", "A2.1", "B1.1"):   # figures every scenario keeps
        assert have(code) and index.loc[code, "status"] in ("disclosed", "partly"), (name, code)
    counts = content_index.status_counts(ds)
    assert sum(counts.values()) == len(index)


def test_the_draft_checklist(scenario):
    name, ds = scenario
    missing = {m.register for m in draft.checklist(ds)}
    if name in ("shrinking", "no_prior"):
        assert not draft.is_draft(ds)           # registers copied / the real 2023
    else:
        assert {"board", "material_topics", "honours", "hkex_index"} <= missing, name
        assert "emission_factors" in missing    # no grid factor for 2024: the Scope 2 finding waits
        assert "scope2" not in story.by_id(ds)
        for lang in ("en", "zh_hant"):
            with narrative.using(lang):
                text = opening.draft_text(ds)
            assert "data/board.csv" in text and "data/hkex_index.csv" in text


def test_no_longer_disclosed_is_said_once_in_both_languages(scenario):
    name, ds = scenario
    dropped = story.dropped_metrics(ds)
    if name == "metric_dropped":
        assert dropped == {"08_environment": ["hazardous_waste_t"]}
        for lang, words in (("en", "No longer disclosed"), ("zh_hant", "不再披露")):
            pages = _pages(ds, lang)
            assert words in pages["08_environment"]["env_lead_text"]
            assert words in pages["00_index"]["idx_findings_text"]
    elif name in ("numbers_only", "new_metric", "restated", "zeros", "no_prior"):
        assert not dropped, (name, dropped)


def test_a_restated_figure_is_the_new_prior_year(scenario):
    name, ds = scenario
    if name == "restated":
        assert ds.value("water_t", 2023) == 60000


def test_zero_values_are_no_trend_and_no_rate(scenario):
    name, ds = scenario
    if name == "zeros":
        assert ds.value("corruption_cases") == 0
        assert not [k for k in story.key_findings(ds) if k.id == "trend_hazardous_waste_t"]
