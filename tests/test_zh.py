"""The Traditional Chinese edition carries the English edition's facts: every template case exists in
both languages, every glued value has the same keys and numbers, the Chinese prose has no English
template words, every label of every table and chart is catalogued, and the Chinese chapter sources
run exactly the English code."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import jupytext
import pytest
import zh_render

from esgbook.book.narrative import en, zh_hant
from esgbook.book.narrative.zh_hant import labels
from esgbook.inputs import dataset as data

REPO = Path(__file__).resolve().parent.parent
# English words the Chinese prose may keep: names, standards, and MyST syntax.
ALLOWED = {"IPCC", "HKEX", "ESG", "Scope", "XBRL", "CSV", "AUC", "SLA", "EHS", "KPI", "ISO", "DSG", "Argus", "AI",
           "APP", "MEE", "NBS", "SASB", "glue", "numref", "ref", "download", "format", "myst"}
MONTHS = {m: i for i, m in enumerate(["January", "February", "March", "April", "May", "June", "July", "August",
                                       "September", "October", "November", "December"], start=1)}
NUMBER = re.compile(r"(?<![A-Za-z\d.,])(\d[\d,]*(?:\.\d+)?)\s*(million|billion|萬|億)?")
SCALE = {"million": 1e6, "billion": 1e9, "萬": 1e4, "億": 1e8, "": 1}


def _plain(text: str) -> str:
    """Prose without markup a reader does not read as words: directive fences and options (a glued figure
    block), roles, backticks, MyST comments."""
    text = re.sub(r"^(?:```|:::|:[a-z]+:).*$", " ", text, flags=re.M)
    text = re.sub(r"\{[a-z:]+\}`[^`]*`", " ", text)
    text = re.sub(r"`[^`]*`", " ", text)
    return re.sub(r"^% not shown:.*$", " ", text, flags=re.M)


def _dates(text: str) -> tuple[str, list[str]]:
    """Dates in either language as ISO tokens (so '31 December 2023' and 2023年12月31日 compare)."""
    found = []

    def en_day(m):
        found.append(f"{m[3]}-{MONTHS[m[2]]}-{int(m[1])}")
        return " "

    def en_month(m):
        found.append(f"{m[2]}-{MONTHS[m[1]]}")
        return " "

    def zh_day(m):
        found.append(f"{m[1]}-{int(m[2])}" + (f"-{int(m[3])}" if m[3] else ""))
        return " "
    months = "|".join(MONTHS)
    text = re.sub(rf"\b(\d{{1,2}}) ({months}) (\d{{4}})", en_day, text)
    text = re.sub(rf"\b({months}) (\d{{4}})", en_month, text)
    text = re.sub(r"(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?", zh_day, text)
    return text, found


@pytest.fixture(scope="module")
def unit_names():
    names = data.load(2023).table("units")["name_en"].dropna().astype(str)
    return sorted(names, key=len, reverse=True)


def numbers_in(text: str, unit_names: list[str]) -> set:
    """The figures a text states, as values (萬/億 and million/billion resolved) and date tokens."""
    text = _plain(text)
    for name in unit_names:  # unit names ('10 thousand persons') are words, not figures
        text = text.replace(name, " ")
    text, dates = _dates(text)
    text = re.sub(r"(?<![A-Za-z])FY(\d{4})", r" \1", text)  # 'FY2025' is the Chinese 2025財政年度
    values = {float(f"{float(n.replace(',', '')) * SCALE[s]:.9g}") for n, s in NUMBER.findall(text)}
    return values | set(dates)


def english_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z]{3,}", _plain(text)) if w not in ALLOWED]


# -- templates -------------------------------------------------------------------------------------
def test_every_case_in_both_languages():
    e, z = en.templates(), zh_hant.templates()
    assert set(e) == set(z)
    for topic in e:
        assert set(e[topic]) == set(z[topic]), topic
    # functions stay functions, so a case with several shapes keeps them in Chinese
    assert callable(z["app.reconciliation"]["counts"]) and callable(z["ppl.counts"]["gender"])


def test_scaled_units_read_as_the_report_prints_them():
    from esgbook.book.narrative import Finding, Q, using, write
    from esgbook.book.narrative.bilingual import glossed
    with using("zh_hant"):
        assert zh_hant.quantity(Q(450, 0, "10k persons")) == "450萬人"
        assert zh_hant.quantity(Q(1621, 0, "CNY 100m", "more than")) == "超過1,621億元"
        assert zh_hant.quantity(Q(375.2, 0, "10k count")) == "375.2萬"
        assert zh_hant.fmt(["甲", "乙", "丙"]) == "甲、乙及丙"
        assert write(Finding("trend", "down", {"name": glossed("Electricity use", "用電總量"), "prior": Q(1558, 1, "MWh"),
                                              "cur": Q(1276.2, 1, "MWh"), "change": _change(),
                                              "year": "2023", "prior_year": "2022"})) == \
            "用電總量由2022年的1,558.0兆瓦時下降至2023年的1,276.2兆瓦時（−18.1%）"


def _change():
    from esgbook.book.narrative import Change
    return Change(-18.1)


# -- the glued values of every edition ---------------------------------------------------------------
@pytest.fixture(scope="module", params=["ds2022", "ds2023", "ds2024", "ds2023_alone", "clean2023"])
def edition(request, tmp_path_factory):
    if request.param == "clean2023":
        from synthetic import copy_data, without_discrepancies
        ds = data.load(2023, without_discrepancies(copy_data(tmp_path_factory.mktemp("clean"))))
    else:
        ds = request.getfixturevalue(request.param)
    return ds, zh_render.numbers(ds, "en"), zh_render.numbers(ds, "zh_hant")


def test_same_keys_in_both_languages(edition):
    _, e, z = edition
    assert list(e) == list(z)
    for section in e:
        assert list(e[section]) == list(z[section]), section


def test_chinese_prose_has_no_english_words(edition):
    _, _, z = edition
    leaks = {f"{s}:{k}": english_words(v) for s, values in z.items() for k, v in values.items() if english_words(v)}
    assert not leaks


def test_no_placeholder_values(edition):
    _, _, z = edition
    for section, values in z.items():
        for key, text in values.items():
            assert not re.search(r"\bn/a\b|\bnan\b|\bNone\b", text), (section, key, text)


def test_same_numbers_in_both_languages(edition, unit_names):
    _, e, z = edition
    differ = {}
    for section in e:
        for key in e[section]:
            a, b = numbers_in(e[section][key], unit_names), numbers_in(z[section][key], unit_names)
            if a != b:
                differ[f"{section}:{key}"] = (sorted(map(str, a - b)), sorted(map(str, b - a)))
    assert not differ


# -- labels ------------------------------------------------------------------------------------------
def test_every_label_is_catalogued(ds2022, ds2023, ds2024, ds2023_alone):
    """Every string of every table and chart of every chapter has its Chinese by key: a text that has none
    raises `labels.MissingEntry` naming it (a new English label fails here until it is given its Chinese)."""
    for ds in (ds2022, ds2023, ds2024, ds2023_alone):
        zh_render.rendered(ds, "zh_hant")
    assert labels.translate("electricity_mwh") == "用電量"  # a metric id: the data's Chinese name
    assert labels.translate("no prior year") == "沒有上一年度數字"


def test_unknown_label_is_a_build_error():
    with pytest.raises(labels.MissingEntry, match="A label nobody wrote"):
        labels.translate("A label nobody wrote")


# -- chapter sources ---------------------------------------------------------------------------------
def _code_cells(path: Path) -> list[str]:
    nb = jupytext.read(path)
    return [c.source for c in nb.cells if c.cell_type == "code"]


@pytest.mark.parametrize("path", sorted((REPO / "chapters").glob("*.md")), ids=lambda p: p.stem)
def test_chinese_chapter_runs_the_english_code(path):
    zh = REPO / "chapters" / "zh-hant" / path.name
    assert zh.exists(), zh
    assert _code_cells(zh) == _code_cells(path)
    own = {k: v for k, v in jupytext.read(zh).metadata.items() if k != "esgbook"}  # its synced_with record
    assert own == jupytext.read(path).metadata
    en_text, zh_text = path.read_text(encoding="utf-8"), zh.read_text(encoding="utf-8")
    for pattern in (r"\{glue:(?:text|md)\}`([^`]+)`", r"```\{glue:md\}\s*(\S+)", r"^\((\S+)\)=$", r":name: (\S+)",
                    r"\{numref\}`([^`]+)`", r"\{download\}`[^`<]*<([^>]+)>`"):
        assert Counter(re.findall(pattern, zh_text, re.M)) == Counter(re.findall(pattern, en_text, re.M)), pattern


# -- names, dates and the issue-13 chapters in Chinese ---------------------------------------------
def test_names_and_dates_are_written_per_language():
    from esgbook.analysis import findings
    from esgbook.book.narrative import using, write
    assert write(findings.date("2022-11-29")) == "29 November 2022"
    assert write(findings.date("2023-02-01", "month")) == "February 2023"
    assert write(findings.name("Audit committee", "審計委員會", "lower")) == "audit committee"
    assert write(findings.name("Water intensity", "用水密度", "first_lower")) == "water intensity"
    with using("zh_hant"):
        assert write(findings.date("2022-11-29")) == "2022年11月29日"
        assert write(findings.date("2023-02-01", "month")) == "2023年2月"
        assert write(findings.name("Audit committee", "審計委員會", "lower")) == "審計委員會"


def test_new_sections_in_chinese(ds2023):
    from esgbook.book.narrative import using
    from esgbook.book.sections import (
        compared,
        customers_analysis,
        governance_analysis,
        operations_analysis,
        undisclosed,
    )
    with using("zh_hant"):
        gov = governance_analysis.numbers(ds2023)
        gap = undisclosed.numbers(ds2023)
        cmp = compared.numbers(ds2023)
        texts = [*gov.values(), gap["gap_summary_text"], *cmp.values(), *customers_analysis.numbers(ds2023).values(),
                 operations_analysis.numbers(ds2023)["ops_resilience_text"]]
    assert "2022年11月29日" in gov["gov_structure_text"] and "審計委員會" in gov["gov_structure_text"]
    assert "SASB消費金融登記冊的12個項目" in gap["gap_summary_text"]
    assert "本頁比較截至本版的2個版本" in cmp["cmp_summary_text"]
    # the register's item names are zhB's (a short_zh column); the other new paragraphs are all Chinese
    assert not [t for t in texts if english_words(t)]
    assert all("。" in t for t in (gov["gov_cases_rate_text"], cmp["cmp_restatements_text"]))


def test_inference_is_written_in_the_language_asked(ds2023):
    from esgbook.analysis import inference
    from esgbook.book.narrative import using
    english = inference.run(ds2023)["whole_numbers"].facts["items"]
    with using("zh_hant"):
        chinese = inference.run(ds2023)["whole_numbers"].facts["items"]
    assert len(english) == len(chinese) > 0
    assert all(english_words(c) == [] for c in chinese) and all(english_words(e) for e in english)


def test_names_in_chinese_prose_come_from_the_data(ds2024):
    """The names the 2024 prose states are looked up per language (name_zh, title_zh), not translated."""
    from esgbook.book.narrative import using, write
    from esgbook.book.sections import compared, governance, opening
    move, basis = compared.biggest_move(ds2024), opening.basis(ds2024)
    assert move.case == "down" and move.facts["name"].facts == {"en": "Fall in water use on the prior year",
                                                                 "zh": "用水量較上一年減少"}
    assert basis.case == "own" and basis.facts["title"].facts == {"en": "Synthetic report 2024", "zh": "2024年合成報告"}
    trends = [f for f in governance.board_findings(ds2024) if f.topic == "trend"]
    assert [t.case for t in trends] == ["flat", "flat"]
    with using("zh_hant"):
        assert "用水量較上一年減少由2023年至2024年的變動最大" in write(move)
        assert "《2024年合成報告》" in write(basis)
        assert [write(t) for t in trends] == ["董事人數於2024年為9，與2023年相同", "獨立董事比例於2024年為44.4%，與2023年相同"]
    assert write(basis).startswith("This edition is built from the company's own report for 2024, the Synthetic report 2024")
