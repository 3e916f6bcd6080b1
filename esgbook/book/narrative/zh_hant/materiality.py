"""第2章，重要性評估（'mat.*'）。"""
from __future__ import annotations

from esgbook.book.narrative.zh_hant import word


def _tiers(f: dict) -> str:
    head = (f"報告為{f['year']}年排列了{f['count']}個議題，並以重要性矩陣把它們分為{word(f['tier_count'])}個層級"
            "（{numref}`tbl-mat-topics`、{numref}`fig-mat-topics`）：")
    return head + "\n\n" + "\n".join(f"- {line}" for line in f["tier_lines"].split("\n")) + "\n"


def _groups(f: dict) -> str:
    parts = [f"{label}議題{f[key]}" for key, label in (("workforce", "僱員相關"), ("environment", "環境"))
             if f[key]]
    return "；".join(parts) + "。"


def _unranked(f: dict) -> str:
    text = f"- **排序以外的議題**。利益相關方提出的{f['count']}個議題並不在已排序的重大議題之中：{f['topics']}。"
    if f["overlaps"]:
        text += f"其中一些在實質上與某個已排序議題重疊（{f['overlaps']}）"
        text += f"；另一些，例如{f['no_counterpart']}，在排序中完全沒有對應。" if f["no_counterpart"] else "。"
    elif f["no_counterpart"]:
        text += f"另一些，例如{f['no_counterpart']}，在排序中完全沒有對應。"
    return text


def _series(sep: str, last_sep: str | None = None, last: str = "。"):
    """逐項寫出的清單（'mat.groups'、'mat.tier_lines' 等）：項與項之間用`sep`，最後兩項之間用`last_sep`。"""
    return {"one": "{first}" + last, "two": "{first}" + (last_sep or sep) + "{rest}", "more": "{first}" + sep + "{rest}"}


MATRIX = "報告沒有公佈矩陣本身（各軸的分數），因此讀者無法看出層級界線兩側的議題有多接近"
READING = ("這種對應大致依照公司本身的職能劃分（僱員對應僱員議題，環保組織對應環境議題），讀來不像是對各群體真正關心"
           "甚麼的發現{odd}。報告提及問卷及權力-利益模型，但沒有披露調查的樣本、回應率或結果，因此利益相關方的意見與議題"
           "排序之間的關係無法核實。")

TEMPLATES = {
    "mat.tier_lines": _series("；\n"),
    "mat.groups": _series("；", last=""),  # group names contain 及
    "mat.pairs": _series("；", last=""),
    "mat.topic_name": {"both": "{zh}"},
    "mat.group_ranks": {"one_tier": "排第{ranks}位，全屬{tiers}層級", "several_tiers": "排第{ranks}位，分屬{tiers}層級"},
    "mat.overlap": {"pair": "{topic}對應{ranked}"},
    "mat.unranked_topic": {"raised": "{topic}（由{groups}提出）"},
    "mat.variant": {"pair": "以「{used}」稱「{ranked}」"},
    "mat.shared_topic": {"raised": "{topic}（{groups}）"},
    "mat.odd_pairing": {"employees_inclusive_finance": "僱員被列為提出小微企業普惠金融議題，公司的回應是「{response}」"},
    "mat.thin_response": {"stated": "部分回應亦很單薄：公司對{group}關注{topic}的全部回應就是「{response}」。"},
    "mat.matching": {"intro": "把利益相關方提出的議題與已排序的議題對照，可見兩份清單的用詞有多一致："},
    "mat.office_based": {"stated": "這與一家以辦公室為主的公司相符：其環境影響主要在於所融資的業務，而非自身營運",
                         "none": ""},
    "mat.matrix": {"no_prior_ranking": MATRIX + "，也無法看出排序較上一年有何變動",
                   "same_ranking": MATRIX + "；排序與{prior_year}年完全相同",
                   "moved": MATRIX + "；在兩年均有排序的{both}個議題中，有{moved}個的排位較{prior_year}年有所變動"},
    "mat.topics": {
        "ranked": _tiers,
        "none": "按數據所載，{year}年報告沒有排列任何重大議題。",
        "no_own_report": "本書的{year}年數字取自{report_year}年報告的比較欄，數據中沒有{year}年的重要性評估：該年沒有議題"
                         "排序，也沒有利益相關方表可供分析。本章的{report_year}年版討論{report_year}年的評估。",
    },
    "mat.tier_line": {
        "several": "**{tier_zh}**，第{first}至{last}位：{count}個議題，以{top}居首",
        "one": "**{tier_zh}**，第{first}位：一個議題，{top}",
        "several_listed": "**{tier_zh}**，第{first}至{last}位：{count}個議題，{topics}",
    },
    "mat.topic_groups": {"ranked": _groups, "none": ""},
    "mat.stakeholders": {
        "listed": "報告為{year}年列出{groups}個利益相關方群體。他們合共提出{concerns}項關注，涉及{topics}個不同議題；"
                  "{busiest}提出的最多（各{busiest_count}個議題）。{{numref}}`fig-mat-matrix`把每個群體與其提出的"
                  "每個議題對應，{{numref}}`tbl-mat-concerns`列出公司對每項關注的回應。",
        "listed_one_busiest": "報告為{year}年列出{groups}個利益相關方群體。他們合共提出{concerns}項關注，涉及{topics}個不同"
                              "議題；{busiest}提出的最多（{busiest_count}個議題）。{{numref}}`fig-mat-matrix`把每個群體"
                              "與其提出的每個議題對應，{{numref}}`tbl-mat-concerns`列出公司對每項關注的回應。",
        "none": "按數據所載，{year}年報告沒有列出利益相關方關注的議題。",
    },
    "mat.unranked": {
        "some": _unranked,
        "none": "- **排序以外的議題**。利益相關方提出的每個議題都在已排序的議題之中。",
    },
    "mat.variants": {
        "some": lambda f: (f"- **用詞**。利益相關方表有{word(f['count'])}處以不同字眼稱呼已排序的議題（{f['variants']}）；"
                           "本書按議題的英文名稱把兩者對應。"),
        "none": "- **用詞**。利益相關方表稱呼每個已排序議題的用詞都與排序一致。",
    },
    "mat.coverage": {
        "all_raised": "- **覆蓋**。每個已排序議題都至少有一個利益相關方群體提出。",
        "some_silent": "- **覆蓋**。沒有任何利益相關方群體提出{silent}。",
    },
    "mat.shared": {
        "some": "只有{count}個已排序議題由多於一個群體提出：{topics}。",
        "none": "沒有任何已排序議題由多於一個群體提出。",
    },
    "mat.reading": {
        "none": READING.format(odd=""),
        "one_odd": READING.format(odd="；已公佈的表中有一處對應頗為奇怪：{odd}"),
        "several_odd": READING.format(odd="；已公佈的表中有{count}處對應頗為奇怪：{odd}"),
    },
}
