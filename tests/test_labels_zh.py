"""The Chinese by key: catalogue entries with slots cover any year and value, text carries its Chinese from the
data or the catalogue (never parsed back out of English), a missing entry names its key, codes are kept, and
text that is data comes from the data's Chinese columns in the Chinese edition while the English is unchanged."""
from __future__ import annotations

import csv
import re

import pandas as pd
import pytest

from esgbook.book import charts, narrative, present
from esgbook.book.narrative.bilingual import Bilingual, bracketed, concat, entry, glossed, join_and, span
from esgbook.book.narrative.zh_hant import labels
from esgbook.book.sections import appendix, content_index, undisclosed
from esgbook.paths import data_dir

SLOTS = {"year", "n", "span", "month", "mn", "hedge", "raw", "zh", "text"}


def test_catalogue_entries_are_pairs_with_known_slots():
    entries = labels.catalogue()
    assert len(entries) > 400
    for en, zh in entries.items():
        for slot, _ in re.findall(r"\{([a-z]+)(\d?)\}", en + zh):
            assert slot in SLOTS, (slot, en)
        # every English entry's slots reappear in its Chinese line (a dropped year or value is a bug), but for
        # the English half of a name given in both languages, and a unit the Chinese leaves out
        dropped = set(re.findall(r"\{\w+\}", en)) - set(re.findall(r"\{\w+\}", zh))
        keep_out = {"{raw}"} if "{zh}" in en or " count{raw}" in en else set()
        assert dropped <= keep_out or en.startswith("Age group:"), en


@pytest.mark.parametrize("first, second, how, zh", [(2031, None, "against", "2031年"),
                                                      (2031, 2030, "against", "2031年對比2030年"),
                                                      (2031, 2030, "or", "2031年或2030年"),
                                                      (2029, 2031, "–", "2029年至2031年")])
def test_an_entry_of_any_year(first, second, how, zh):
    text = entry("The report gives no {text} for {span}.", text="list of directors", span=span(first, second, how))
    assert text.zh == f"報告沒有{zh}的董事名單。"
    assert str(text) == f"The report gives no list of directors for {span(first, second, how)}."


def test_a_missing_entry_names_its_key():
    with pytest.raises(labels.MissingEntry, match="The report gives no frobnication"):
        entry("The report gives no frobnication for {span}.", span=span(2031))
    with pytest.raises(labels.MissingEntry, match="Frobnication"):
        labels.translate("Frobnication")  # plain English that is no key: a build error, not a guess


def test_bilingual_text_keeps_its_chinese_through_joins():
    a, b = glossed("Water use", "用水量"), Bilingual("Energy", "能源")
    assert (str(a), a.zh) == ("Water use (用水量)", "用水量")
    both = join_and([a, b, Bilingual("Waste", "廢棄物")])
    assert (str(both), both.zh) == ("Water use (用水量), Energy and Waste", "用水量、能源及廢棄物")
    assert concat(b, Bilingual("more than 5", "超過5"), sep=": ", zh_sep="：").zh == "能源：超過5"
    assert bracketed(b, "tCO2e").zh == "能源（噸二氧化碳當量）"
    assert not hasattr(f"{a}", "zh")  # an f-string is English only: build text with these helpers


def test_codes_and_ids_are_kept_or_named():
    assert labels.translate("FN-CF-220a.1") == "FN-CF-220a.1"
    assert labels.translate("IPCC") == "IPCC"
    assert labels.translate("#1f5f8b") == "#1f5f8b"      # a colour in a chart's data
    assert labels.translate("corruption_cases") == "貪污案件"  # a metric id: the data's name
    assert labels.translate("Unit") == "單位"
    assert labels.translate(Bilingual("KPMG", "畢馬威")) == "畢馬威"


def test_a_template_token_is_translated_only_where_shown():
    assert labels.translate("yes") == "yes"       # a fact steering a template
    assert labels.shown("yes") == "是"            # the same word in a table cell
    with narrative.using("zh_hant"):
        assert present.label("consistent") == "一致"
    assert present.label("consistent") == "consistent"  # the English edition is untouched


def test_a_bilingual_chart_keeps_its_chinese_through_the_spec():
    frame = pd.DataFrame({"region": [Bilingual("East China", "華東")], "value": [1.0]})
    chart = charts.value_bars(frame, label="fig-x", title=Bilingual("Suppliers", "供應商"), category="region",
                              value="value", unit="count", description=Bilingual("Bars.", "棒形圖。"),
                              measure=Bilingual("Suppliers", "供應商"))
    with narrative.using("zh_hant"):
        svg = chart.svg()
    assert "華東" in svg and "供應商" in svg and "East China" not in svg


def _rows(file: str) -> list[dict]:
    with open(data_dir() / f"{file}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("file, columns", [
    ("hkex_guide_items", ["aspect", "what_it_asks"]), ("hkex_index", ["reason"]),
    ("disclosure_register", ["framework", "pillar", "requirement", "short_en", "reason"]),
    ("emission_factors", ["variant", "publisher", "edition", "confidence"]),
    ("honours", ["awarded_by_en"]), ("community_cases", ["what_en"])])
def test_text_that_is_data_has_its_chinese(file, columns):
    for n, row in enumerate(_rows(file), start=2):
        for col in columns:
            zh = (col[:-3] if col.endswith("_en") else col) + "_zh"
            if row[col]:
                assert re.search(r"[\u3400-\u9fff]", row[zh]), f"data/{file}.csv, row {n}, column {zh}"


def test_the_hkex_index_reads_the_language_of_the_edition(ds2023, ds2022):
    english = appendix.hkex_table(ds2023).frame
    assert english.loc[english["Code"] == "A1", "Aspect"].item() == "Emissions"
    with narrative.using("zh_hant"):
        chinese = appendix.hkex_table(ds2023).frame
        assert labels.shown(chinese.loc[chinese["Code"] == "A1", "Aspect"].item()) == "層面A1：排放物"
        assert labels.shown(chinese.loc[chinese["Code"] == "B2.2", "What the guide asks"].item()) == "因工傷損失工作日數"
        # a status a chapter assesses brings its own reason, not the data's Chinese one for another case
        assessed = content_index.chapter_statuses(ds2022)
        old = appendix.hkex_table(ds2022).frame.set_index("Code")
        for code, (_, reason) in assessed.items():
            assert old.loc[code, "Note"] == reason
    assert list(english.columns) == list(chinese.columns)


def test_localised_falls_back_to_english_where_the_data_have_no_chinese():
    import pandas as pd
    frame = pd.DataFrame({"reason": ["a", "b"], "reason_zh": ["甲", ""]})
    assert list(present.localised(frame, "reason")) == ["a", "b"]
    with narrative.using("zh_hant"):
        assert list(present.localised(frame, "reason")) == ["甲", "b"]
        assert list(present.localised(frame.drop(columns="reason_zh"), "reason")) == ["a", "b"]


def test_the_register_tables_read_the_language_of_the_edition(ds2023, monkeypatch):
    monkeypatch.setattr(undisclosed, "write", lambda finding: "")  # the reasons' templates are not under test
    with narrative.using("zh_hant"):
        frame = undisclosed._frame(ds2023, "HKEX climate (FY2025)")
    assert "範圍1溫室氣體排放" in {labels.shown(v) for v in frame["Requirement"]}
    assert "指標及目標" in {labels.shown(v) for v in frame["Pillar"]}
    assert "Scope 1 greenhouse gas emissions" in set(undisclosed._frame(ds2023)["Requirement"])


def test_index_notes_name_the_cases_in_the_edition_language(ds2023):
    english = appendix.hkex_table(ds2023).frame.set_index("Code")
    assert not english["Note"].str.contains("Finding(", regex=False).any()
    assert "Rural support plan (鄉村助力計畫)" in english.loc["B8.1", "Note"]
    with narrative.using("zh_hant"):
        note = appendix.hkex_table(ds2023).frame.set_index("Code").loc["B8.1", "Note"]
        assert labels.shown(note).startswith("專注範疇為4個案例所涉及的範疇：鄉村助力計畫、")


def test_the_downloads_list_in_both_languages(ds2023):
    files = {k: f"{k}.file" for k in ("kpis_csv", "kpis_json", "reconciliation_csv", "xbrl_json", "xbrl_taxonomy",
                                      "xbrl_inline")}
    english = appendix.downloads_list(ds2023, files)
    assert "`KPI table 2023 (CSV) <downloads/kpis_csv.file>`" in english
    assert "`Environment (environment.csv) <downloads/data/environment.csv>`" in english
    with narrative.using("zh_hant"):
        chinese = appendix.downloads_list(ds2023, files)
    assert "`2023年關鍵績效指標表（CSV） <downloads/kpis_csv.file>`" in chinese
    for r in ds2023.descriptor["resources"]:  # every data file by its Chinese title
        assert f"`{r['title_zh']} ({r['path']}) <downloads/data/{r['path']}>`" in chinese
    assert len(chinese.splitlines()) == len(english.splitlines())
