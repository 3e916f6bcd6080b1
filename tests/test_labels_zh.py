"""The Chinese label catalogue: entries with slots cover any year and value, notes are translated sentence by
sentence, codes are kept and English words are not, and text that is data comes from the data's Chinese
columns in the Chinese edition while the English edition is unchanged."""
from __future__ import annotations

import csv
import re

import pytest

from esgbook import narrative, present, story
from esgbook.narrative.zh_hant import labels
from esgbook.paths import data_dir
from esgbook.sections import appendix, undisclosed


@pytest.fixture
def clean_missing():
    labels.MISSING.clear()
    yield labels.MISSING
    labels.MISSING.clear()


def test_catalogue_entries_are_pairs_with_known_slots():
    exact, patterns = labels.catalogue()
    assert len(exact) > 100 and len(patterns) > 100
    text = (data_dir().parent / "esgbook" / "narrative" / "zh_hant" / "labels.txt").read_text(encoding="utf-8")
    for slot, _ in re.findall(r"\{([a-z]+)(\d?)\}", text):
        assert slot in labels.SLOTS, slot
    # every English entry's slots reappear in its Chinese line (a dropped year or value is a bug), but for
    # the English half of a name given in both languages, and ages the category's Chinese name holds
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    for en, zh in zip(lines[::2], lines[1::2]):
        dropped = set(re.findall(r"\{\w+\}", en)) - set(re.findall(r"\{\w+\}", zh))
        # a {raw} may be dropped after a Chinese name, and where it only separates a unit the Chinese leaves
        # out (' count{raw}': a count has no measure word after a decimal figure)
        keep_out = {"{raw}"} if "{zh}" in en or " count{raw}" in en else set()
        assert dropped <= keep_out or en.startswith("Age group:"), en


@pytest.mark.parametrize("span, zh", [("2031", "2031年"), ("2031 against 2030", "2031年對比2030年"),
                                      ("2031 and 2030", "2031年及2030年"), ("2029–2031", "2029年至2031年")])
def test_a_caption_of_any_year(span, zh, clean_missing):
    caption = (f"Energy use (能源消耗), {span}; totals and intensities recomputed from electricity, gasoline and "
               "year-end headcount.")
    assert labels.translate(caption) == f"能源消耗（{zh}）；總量及密度由電力、汽油及年末僱員人數重新計算。"
    assert labels.translate(f"Water use (水資源消耗), {span}.") == f"水資源消耗（{zh}）。"
    assert not clean_missing


def test_a_reconciliation_note_keeps_its_figures(clean_missing):
    note = ("Published 2,001.50 t implies 0.9123 tCO2/MWh. With the MEE and NBS official national grid factor for "
            "2030 (0.4567, all sources) the same 2,194.00 MWh give 1,002.00 t (+99.8 % published against that basis). "
            "The implied factor is above every one of the 2 official national grid factors we hold for 2030 "
            "(highest: 0.6001). The company does not disclose the factor it used.")
    zh = labels.translate(note)
    for figure in ("2,001.50", "0.9123", "2030", "0.4567", "2,194.00", "1,002.00", "+99.8", "0.6001"):
        assert figure in zh
    assert "全部電源" in zh and "生態環境部及國家統計局" in zh and not re.search(r"[A-Za-z]{3,}", zh)
    assert labels.translate("Reproduced: recomputed 7.25 t/employee rounds to the published 7.3.") == \
        "已重現：重新計算得7.25噸/僱員，四捨五入後與公佈的7.3相符。"
    assert not clean_missing


def test_codes_are_kept_and_english_words_are_not(clean_missing):
    assert labels.translate("FN-CF-220a.1") == "FN-CF-220a.1"
    assert labels.translate("IPCC") == "IPCC"
    assert labels.translate("#1f5f8b") == "#1f5f8b"      # a colour in a chart's data
    assert labels.translate("tier_label") == "tier_label"  # a field id, never shown
    assert labels.translate("Unit") == "單位"
    assert labels.translate("KPMG") == "畢馬威"          # a name the data translate
    assert not clean_missing
    assert labels.translate("Frobnication") == "Frobnication" and "Frobnication" in clean_missing
    assert labels.translate("frobnicated") == "frobnicated" and "frobnicated" in clean_missing


def test_a_template_token_is_translated_only_where_shown():
    assert labels.translate("yes") == "yes"       # a fact steering a template
    assert labels.shown("yes") == "是"            # the same word in a table cell
    with narrative.using("zh_hant"):
        assert present.label("consistency check: consistent") == "一致性核對：一致"
    assert present.label("consistent") == "consistent"  # the English edition is untouched


def test_lists_titles_and_units(clean_missing):
    assert labels.translate("GHG emissions (溫室氣體排放), tCO2e") == "溫室氣體排放（噸二氧化碳當量）"
    assert labels.translate("Anti-fraud (反欺詐), 2031") == "反欺詐，2031年"
    assert labels.translate("Farmers served (cumulative) (累計服務農民人數)") == "累計服務農民人數"
    assert labels.translate("Attention drawn by the disability support programme: more than 12 million "
                            "person-times") == "助殘項目吸引關注：超過1,200萬人次"
    assert labels.translate("People reached by education courses (課程人群觸達): more than 5,000 10 thousand "
                            "persons") == "課程人群觸達：超過5,000萬人"
    assert labels.translate("electricity CO2 emission factors for 2030 (published Mar 2032)") == \
        "2030年電力二氧化碳排放因子（2032年3月發佈）"
    assert not clean_missing


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
        assert chinese.loc[chinese["Code"] == "A1", "Aspect"].item() == "層面A1：排放物"
        assert chinese.loc[chinese["Code"] == "B2.2", "What the guide asks"].item() == "因工傷損失工作日數"
        # a status a chapter assesses brings its own reason, not the data's Chinese one for another case
        assessed = story.chapter_statuses(ds2022)
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
    assert "範圍1溫室氣體排放" in set(frame["Requirement"]) and "指標及目標" in set(frame["Pillar"])
    assert "Scope 1 greenhouse gas emissions" in set(undisclosed._frame(ds2023)["Requirement"])


def test_index_notes_name_the_cases_in_the_edition_language(ds2023):
    english = appendix.hkex_table(ds2023).frame.set_index("Code")
    assert not english["Note"].str.contains("Finding(", regex=False).any()
    assert "Rural support plan (鄉村助力計畫)" in english.loc["B8.1", "Note"]
    with narrative.using("zh_hant"):
        note = appendix.hkex_table(ds2023).frame.set_index("Code").loc["B8.1", "Note"]
        assert labels.shown(note).startswith("專注範疇為4個案例所涉及的範疇：鄉村助力計畫、")


def test_the_downloads_list_in_both_languages(ds2023, clean_missing):
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
    assert not clean_missing
    assert len(chinese.splitlines()) == len(english.splitlines())
