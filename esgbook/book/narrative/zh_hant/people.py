"""第7章，以人為本：員工隊伍、流失、健康與安全（培訓及政策見ppl_training.py）。

分項的各組以編號事實傳入（'g0_label'、'g0_count' ...、'g_n'），與英文版相同。
"""
from __future__ import annotations

from esgbook.book.narrative.en.people import fact, listed
from esgbook.book.narrative.zh_hant import join

PEOPLE = {"female": "女性", "male": "男性"}
DIMENSION_WORDS = {"gender": "性別", "age_group": "年齡組別", "rank": "職級"}
ASK_B21 = "香港聯交所關鍵績效指標B2.1要求披露過去三年每年的因工亡故人數及比率。"
UP_DOWN = {"up": "增加", "down": "減少", "flat": "不變", "up_from_zero": "增加"}


def _people(item: dict) -> str:
    """'女性'、'30歲以下的僱員'。"""
    if item.get("category") in PEOPLE:
        return PEOPLE[item["category"]]
    return f"{item['zh']}的僱員" if item.get("zh") else f"{item['label']}的僱員"


def _counts_gender(f) -> str:
    parts = [f"{_people(g)}{g['count']}（{g['share']}）" for g in listed(f, "g")]
    return "按性別計算，" + join(parts) + "（{numref}`fig-ppl-gender`）。"


def _counts_rank(f) -> str:
    parts = [f"{g['label']}（{g['count']}，{g['share']}）" for g in listed(f, "g")]
    return "報告把僱員按職級劃分：" + join(parts) + "（{numref}`fig-ppl-rank`）。"


def _counts_age(f) -> str:
    parts = [f"{g['zh']}{g['count']}（{g['share']}）" for g in listed(f, "g")]
    return "按年齡計算，" + join(parts) + "（{numref}`fig-ppl-age`）。"


def _count_clause(item: dict) -> str:
    case = item["case"]
    if case == "flat":
        return "維持不變"
    if case == "up_from_zero":
        return f"由零增至{item['cur']}"
    return f"{UP_DOWN[case]}了{item['size']}"


def _share_trend(direction: str):
    def sentence(f) -> str:
        what = "女性佔比" if f["share_of"] == "female" else f"{f['label']}僱員的佔比"
        if direction == "flat":
            return f"{what}維持在{f['cur']}，與{f['prior_year']}年相同。"
        head = f"{what}由{f['prior_year']}年的{f['prior']}{'上升' if direction == 'up' else '下降'}至{f['cur']}（{f['change']}）"
        a, b = ({k: fact(f, f"{side}_{k}") for k in ("category", "label", "zh", "case", "cur", "size")}
                for side in ("a", "b"))
        if a["case"] not in UP_DOWN or b["case"] not in UP_DOWN:
            return head + "。"
        return f"{head}，因為{_people(a)}人數{_count_clause(a)}，而{_people(b)}人數{_count_clause(b)}。"
    return sentence


def _group_changes(f) -> str:
    parts = [f"{g['label']}維持在{g['cur']}" if g["case"] == "flat" else f"{g['label']}{_count_clause(g)}"
             for g in listed(f, "g")]
    return f"與{f['prior_year']}年相比，" + join(parts) + "。"


def _managers(direction: str):
    def sentence(f) -> str:
        head = f"兩級管理人員合共佔員工隊伍的{f['cur']}"
        if direction == "no_prior":
            return f"{head}，每名管理人員對應{f['ratio']}名普通員工。"
        against = {"up": f"高於{f['prior_year']}年的{f['prior']}（{f['change']}）",
                   "down": f"低於{f['prior_year']}年的{f['prior']}（{f['change']}）",
                   "flat": f"與{f['prior_year']}年相同"}[direction]
        ratio = {"up": f"，高於上一年的{f['ratio_prior']}", "down": f"，低於上一年的{f['ratio_prior']}",
                 "flat": "，與一年前相同"}.get(f["ratio_case"], "")
        return f"{head}，{against}；每名管理人員對應{f['ratio']}名普通員工{ratio}。"
    return sentence


def _shares(reproduced: bool):
    def sentence(f) -> str:
        hedged, count = int(f["hedged"]), f["count"]
        hedge = ("" if hedged == 0 else "，全部以「約」表述" if str(hedged) == count else f"，其中{hedged}個以「約」表述")
        head = (f"敘述部分引用了{f['year']}年員工隊伍的{count}個佔比{hedge}；{{numref}}`tbl-ppl-shares`把每一個與由數據表"
                "人數重新計算的佔比對照。")
        if reproduced:
            tail = "它可以重現：重新計算的佔比四捨五入後與公佈的相同。" if count == "1" else \
                f"{count}個全部可以重現：每個重新計算的佔比四捨五入後都與公佈的相同。"
        else:
            tail = f"{count}個中只有{f['reproduced']}個可由人數重現。"
        return head + tail
    return sentence


def _rate_list(groups: list[dict]) -> str:
    return join([f"{_people(g)}{'沒有人離職' if g.get('zero') else '為' + g['rate']}" for g in groups])


def _turnover_groups(f) -> str:
    gender, age = listed(f, "gender"), listed(f, "age")
    parts = []
    if gender:
        parts.append(f"按性別，{_rate_list(gender)}")
    if age:
        parts.append(f"按年齡，{_rate_list(age)}")
    return "；".join(parts) + "（{numref}`fig-ppl-turnover`、{numref}`tbl-ppl-turnover`）。"


def _caution(f) -> str:
    return (f"分項的比率按人數加權後，必須平均等於其所屬的總比率，因此就{f['year']}年而言，讀者應把總比率或"
            f"{f['dimensions']}比率視為未經核實。")


def _check_what(f) -> str:
    return DIMENSION_WORDS.get(f["dimension"], f["dimension"])


TEMPLATES = {
    "ppl.edition": {
        "own_report": "有關政策及計劃的描述概述{year}年報告的內容。",
        "comparative": "本{year}年版以{later}年報告數據表的比較欄為依據：有{year}年的數字，但沒有本身的{year}年政策、計劃"
                       "或陳述，因此本章不作描述。",
    },
    "ppl.headcount": {
        "up": "{year}年底公司共有{cur}：員工隊伍較一年前的{prior}增加了{diff}，即{size}。",
        "down": "{year}年底公司共有{cur}：員工隊伍較一年前的{prior}減少了{diff}，即{size}。",
        "flat": "{year}年底公司共有{cur}，與一年前相同：員工隊伍既無增加亦無減少。",
        "up_from_zero": "{year}年底公司共有{cur}，一年前則為零。",
        "no_prior": "{year}年底公司共有{cur}。數據中沒有{prior_year}年的數字，因此本版無法說明員工隊伍在年內的變化。",
        "missing": "報告沒有列出{year}年的僱員人數。",
    },
    "ppl.counts": {
        "gender": _counts_gender,
        "rank": _counts_rank,
        "age_group": _counts_age,
        "missing": "報告沒有列出{year}年按這個分項劃分的僱員人數。",
    },
    "ppl.share_trend": {
        "up": _share_trend("up"), "down": _share_trend("down"), "flat": _share_trend("flat"),
        "no_prior": "", "missing": "",
    },
    "ppl.group_changes": {"shown": _group_changes, "no_prior": "", "missing": ""},
    "ppl.managers": {"up": _managers("up"), "down": _managers("down"), "flat": _managers("flat"),
                     "no_prior": _managers("no_prior"), "missing": ""},
    "ppl.rank_weight": {
        "dominant": "職級在下文的培訓部分再次變得重要：普通員工佔員工隊伍的{share}，主導任何全公司的平均數。",
    },
    "ppl.employment_type": {
        "mostly_full_time": "差不多所有人都是全職僱員：{full}人，即{full_share}。兼職員工有{part}人（{part_share}）；"
                            "他們的棒形在{{numref}}`fig-ppl-employment-type`中幾乎看不見，因此標籤附上數值。",
        "mixed": "{full}人（{full_share}）為全職僱員，{part}人（{part_share}）為兼職僱員"
                 "（{{numref}}`fig-ppl-employment-type`）。",
        "missing": "報告沒有列出{year}年按僱傭類型劃分的僱員人數。",
    },
    "ppl.age_majority": {
        "more_than_half": "{label}的僱員佔員工隊伍的一半以上（{total}人中的{count}人）。",
        "less_than_half": "{label}的僱員不足員工隊伍的一半（{total}人中的{count}人）。",
        "half": "{label}的僱員恰好佔員工隊伍的一半（{total}人中的{count}人）。",
    },
    "ppl.young_team": {
        "stated": "報告形容其團隊刻意年輕化；值得留意的是人數的趨勢，而非敘述中四捨五入的佔比。",
    },
    "ppl.region": {
        "all_mainland": "全部{total}名僱員都在中國內地工作；報告計算中國境外為零。因此香港聯交所指引要求的按地區劃分在此"
                        "意義不大（{{numref}}`fig-ppl-region`）；按城市或辦公室劃分會更有參考價值，但報告沒有提供。",
        "some_outside": "{total}名僱員中有{outside}名（{outside_share}）在中國境外工作（{{numref}}`fig-ppl-region`）。",
        "missing": "報告沒有列出{year}年按地區劃分的僱員人數。",
    },
    "ppl.region_prior": {
        "same": "{prior_year}年的分佈相同。",
        "changed": "{prior_year}年報告計算中國境外有{prior_outside}名僱員。",
    },
    "ppl.shares": {
        "all_reproduced": _shares(True),
        "some_not": _shares(False),
        "none_published": "報告的敘述沒有公佈{year}年員工隊伍的任何佔比，因此無須核對；"
                          "{{numref}}`tbl-ppl-workforce`中的佔比由我們計算。",
        "no_narrative": "本版沒有本身的{year}年敘述，因此沒有已公佈的佔比可供核對；"
                        "{{numref}}`tbl-ppl-workforce`中的佔比由我們計算。",
    },
    "ppl.turnover_total": {
        "up": "{year}年整體僱員流失率為{cur}，高於{prior_year}年的{prior}（{change}）。",
        "down": "{year}年整體僱員流失率為{cur}，低於{prior_year}年的{prior}（{change}）。",
        "flat": "{year}年整體僱員流失率為{cur}，與{prior_year}年相同。",
        "no_prior": "{year}年整體僱員流失率為{cur}。",
        "missing": "報告沒有列出{year}年的整體僱員流失率。",
    },
    "ppl.turnover_groups": {"shown": _turnover_groups},
    "ppl.turnover_age_pattern": {
        "younger_higher": "年輕員工比年長同事更常離職，與大多數企業一樣。",
        "younger_not_higher": "不尋常的是，年輕員工並不比年長同事更常離職。",
    },
    "ppl.turnover_small_group": {
        "shown": "小組別的比率波動較大：{label}組別有{count}名僱員，因此只要一人離職，其比率就會變動約{swing}個百分點。",
    },
    "ppl.turnover_region": {
        "mainland_only": "按地區，報告只列出中國內地的比率；公司在中國境外沒有僱員。",
        "by_region": "報告亦按地區列出比率（{{numref}}`tbl-ppl-turnover`）。",
    },
    "ppl.turnover_check": {
        "consistent": lambda f: (f"{f['year']}年按年末人數加權的{_check_what(f)}比率平均為{f['implied']}，公佈的總比率為"
                                 f"{f['total']}：在四捨五入範圍內一致。"),
        "below_total": lambda f: (f"{f['year']}年按年末人數加權的{_check_what(f)}比率平均只有{f['implied']}，而非公佈的"
                                  f"總比率{f['total']}；即使把每個{_check_what(f)}比率都取其四捨五入所容許的最高值，"
                                  f"也只得{f['bound']}。"),
        "above_total": lambda f: (f"{f['year']}年按年末人數加權的{_check_what(f)}比率平均為{f['implied']}，高於公佈的"
                                  f"總比率{f['total']}；即使把每個{_check_what(f)}比率都取其四捨五入所容許的最低值，"
                                  f"仍得{f['bound']}。"),
        "not_both": lambda f: f"報告沒有同時列出{f['year']}年的總比率及{_check_what(f)}比率，因此兩者無法互相核對。",
    },
    "ppl.turnover_base": {
        "shown": "若把公佈的比率視為準確，要達到總比率，比率最高的{label}組別須佔計算比率所用基數約{need}；但它只佔年末"
                 "人數的{actual}。",
    },
    "ppl.turnover_caution": {
        "holds": "因此，{year}年的流失數字通過了這項核對。",
        "unverified": _caution,
    },
    "ppl.lost_days": {
        "zero_both": "{year}年沒有因工傷損失的工作日，{prior_year}年亦然。",
        "zero_no_prior": "{year}年沒有因工傷損失的工作日。",
        "up": "{year}年因工傷損失{cur}，{prior_year}年為{prior}。",
        "down": "{year}年因工傷損失{cur}，{prior_year}年為{prior}。",
        "flat": "{year}年因工傷損失{cur}，與{prior_year}年相同。",
        "up_from_zero": "{year}年因工傷損失{cur}，{prior_year}年則為零。",
        "no_prior": "{year}年因工傷損失{cur}。",
        "missing": "報告沒有列出{year}年的損失工作日數字。",
    },
    "ppl.lost_days_per_employee": {
        "zero": "數據表亦列出人均因工傷損失工作日數：{value}（{{numref}}`tbl-ppl-health`）。對辦公室員工隊伍而言，沒有"
                "損失工作日是合理的，但報告沒有說明工傷如何記錄，亦沒有說明上下班途中的意外是否計算在內。",
        "some": "數據表亦列出人均因工傷損失工作日數：{value}（{{numref}}`tbl-ppl-health`）。報告沒有說明工傷如何記錄，"
                "亦沒有說明上下班途中的意外是否計算在內。",
    },
    "ppl.fatalities": {
        "not_disclosed": ASK_B21 + "報告沒有列出其中任何一年的數字，連沒有亡故的陳述也沒有，因此B2.1未有披露。",
        "not_disclosed_comparative": ASK_B21 + "{later}年報告的比較欄沒有{year}年的亡故數字，而本版沒有本身的報告，因此"
                                               "B2.1未有披露。",
        "partly": ASK_B21 + "數據只有{given}年的亡故數字，因此B2.1屬部分披露。",
        "disclosed": ASK_B21 + "數據列出了每一年的亡故數字，由{first}年至{year}年。",
    },
    "ppl.health_measures": {
        "stated": "報告所描述的是辦公室僱主的措施：設有自身績效指標的環境、健康與安全（EHS）管理體系、安全培訓及巡查、"
                  "全體員工每年體檢並由醫生講解結果、急救講座，以及透過外部輔導服務及工作壓力管理課程支援心理健康。"
                  "報告沒有列出有多少僱員使用過這些措施。",
        "comparative": "{later}年報告的比較欄沒有{year}年健康與安全措施的說明。",
    },
}
