"""第1章，公司概覽（'ov.*'）。"""
from __future__ import annotations


def _guide_counts(f: dict) -> str:
    """'33項已披露、14項部分披露及2項不適用'（數目為零者略去）。"""
    words = [("disclosed", "已披露"), ("partly", "部分披露"), ("not_disclosed", "未披露"), ("not_applicable", "不適用"), ("not_assessed", "尚未評估")]
    parts = [f"{f[key]}項{label}" for key, label in words if f[key] != "0"]
    return "、".join(parts[:-1]) + "及" + parts[-1] if len(parts) > 1 else "".join(parts)


def _honours(f: dict) -> str:
    head = f"{f['report_year']}年報告列出{f['year']}年獲得的{f['count']}項榮譽"
    if f["elsewhere"] == "0":
        where = "全部載於其概覽章節"
    else:
        where = f"其中{f['listed']}項載於其概覽章節，另有{f['elsewhere']}項只在較後的章節提及（{f['elsewhere_sections']}）"
    return f"{head}：{where}；{{numref}}`tbl-ov-honours`逐項列出並註明其出處。"


def _themes(f: dict) -> str:
    lead = "按主題分組（{numref}`fig-ov-honours-theme`；主題是我們按獎項名稱所作的分類，並非報告的分類），"
    if f["theme_count"] == "1":
        return lead + f"全部{f['count']}項都屬於{f['top']}。"
    if f["tied"] == "yes":
        return lead + (f"榮譽分佈於{f['theme_count']}個主題；最大的幾組是{f['top']}，各有{f['top_count']}項"
                       f"（各佔總數的{f['top_share']}）。")
    return lead + (f"榮譽分佈於{f['theme_count']}個主題；最大的是{f['top']}，佔{f['count']}項中的{f['top_count']}項"
                   f"（{f['top_share']}）。")


TEMPLATES = {
    "ov.profile": {"shown": "{headcount}；{board}。"},
    "ov.board": {
        "disclosed": "{year}年底董事會有{directors}名董事",
        "missing": "數據中沒有{year}年的董事會組成",
    },
    "ov.honours": {
        "listed": _honours,
        "none": "{report_year}年報告沒有列出{year}年獲得的榮譽。",
        "not_entered": "數據中尚未有{year}年的榮譽：`data/honours.csv`沒有該年的資料。",
        "no_own_report": "{year}年版沒有本身的報告：其數字取自{report_year}年報告的比較欄，因此數據中沒有{year}年的榮譽。",
    },
    "ov.honours_themes": {"grouped": _themes},
    "ov.honours_bodies": {
        "some_unnamed": "讀者須留意兩點：這些大多是媒體及行業組織頒發的獎項，並非獨立的ESG評級；而且其中{unnamed}項，"
                        "報告完全沒有列明頒獎機構。",
        "all_named": "讀者須留意一點：這些大多是媒體及行業組織頒發的獎項，並非獨立的ESG評級；報告列明了每一項的頒獎機構。",
    },
    "ov.period": {
        "own": "**報告時間範圍**。報告涵蓋{period}，即公司的財政年度。",
        "comparative": "**報告時間範圍**。本版涵蓋{period}，但數據中沒有{year}年的報告：其中每一個數字都取自"
                       "{report_year}年報告的上年比較欄，而該報告涵蓋{report_period}。因此本版沒有本身的政策、案例或榮譽，"
                       "各章有關報告範圍、原則及敘述的內容，說的都是{report_year}年報告。",
        "no_report": "**報告時間範圍**。本版涵蓋{period}；數據中沒有涵蓋{year}年的報告。",
    },
    "ov.guide": {
        "own": lambda f: (f"我們的內容索引就{f['year']}年版追蹤指引的{f['items']}個項目，其中{_guide_counts(f)}；"
                          "附錄（第9章）逐項列出索引。"),
        "comparative": lambda f: (f"數據中沒有{f['year']}年本身的報告，只有{f['report_year']}年報告與其本年數字並列的"
                                  f"{f['year']}年數字；據此，我們的內容索引追蹤指引的{f['items']}個項目，其中"
                                  f"{_guide_counts(f)}；附錄（第9章）逐項列出索引。"),
        "no_report": lambda f: (f"數據中尚未有{f['year']}年的報告；按數據所載數字，我們的內容索引追蹤指引的{f['items']}個"
                                f"項目，其中{_guide_counts(f)}；附錄（第9章）逐項列出索引。"),
    },
}
