"""Traditional Chinese templates of the edition's key findings ('story.*' topics, esgbook/analysis/story.py)."""
from __future__ import annotations


def _scope2(f, case: str) -> str:
    base = case.split("_prior_differs")[0].removesuffix("_no_official")
    prior = "_prior_differs" in case
    head = f"按已公佈的{f['year']}年範圍2排放及用電量推算，隱含電網排放因子為{f['implied']}"
    if "_no_official" not in case:
        head += f"，是官方全國因子（{f['official']}）的{f['times']}倍"
    held = f"我們所持該年全部{f['count']}個全國、區域及省級電網平均因子"
    where = f"最高為{f['high_region']}的{f['high']}"
    if "home" in f:
        where += f"；公司總部所在的{f['home_name']}為{f['home']}"
    if base == "above_fossil":
        text = f"{head}，高於{held}（{where}），甚至高於只計化石能源的因子（{f['fossil']}），而任何電網平均因子都不會高於此值"
    elif base == "above_all":
        text = f"{head}，高於{held}（{where}）"
        if "fossil" in f:
            text += f"；只有並非範圍2因子的只計化石能源因子（{f['fossil']}）較高"
    elif base == "within":
        text = f"{head}，處於{held}的範圍之內（{where}）"
    else:
        text = f"{head}，低於{held}"
    if prior:
        text += f"。{f['prior_year']}年的隱含因子為{f['prior_implied']}，{f['prior_case']}"
    return text


_SCOPE2_CASES = [b + p + o for b in ("above_fossil", "above_all", "within", "below_all")
                 for p in ("", "_prior_differs") for o in ("", "_no_official")]


def _scope1(f, case: str) -> str:
    went = "上升" if case.startswith("rose") else "下降"
    text = (f"與{f['prior_year']}年相比，範圍1排放變動{f['scope1_move']}，汽油用量變動{f['fuel_move']}；兩者隱含的"
            f"燃料排放因子由{f['prior']}{went}至{f['cur']}，幅度為{f['move']}")
    if "default" in f:
        text += f"，{f['sides']}"
    return text + "。燃料的排放因子不會如此變動：其中一個數字有誤"


TEMPLATES = {
    "story.opening": {
        "some": "{year}年版讀者應先知道的事項，按嚴重程度排列",
        "none": "{year}年版的數據沒有重大差異，亦沒有言過其實的數字",
    },
    "story.see": {"ref": "（見{{ref}}`@target@`）"},
    "story.scope2": {case: (lambda f, c=case: _scope2(f, c)) for case in _SCOPE2_CASES},
    "story.scope2_prior": {
        "above_fossil": "甚至高於只計化石能源的因子",
        "above_all": "高於所有電網平均因子，但低於只計化石能源的因子",
        "within": "處於電網平均因子的範圍之內",
        "below_all": "低於所有電網平均因子",
    },
    "story.scope1": {case: (lambda f, c=case: _scope1(f, c)) for case in ("rose", "fell", "rose_no_default",
                                                                         "fell_no_default")},
    "story.scope1_sides": {
        "below_above": "由低於IPCC車用汽油預設因子（{default}）變為高於該值",
        "above_below": "由高於IPCC車用汽油預設因子（{default}）變為低於該值",
        "below_below": "兩年均低於IPCC車用汽油預設因子（{default}）",
        "above_above": "兩年均高於IPCC車用汽油預設因子（{default}）",
        "at_above": "由等於IPCC車用汽油預設因子（{default}）變為高於該值",
        "at_below": "由等於IPCC車用汽油預設因子（{default}）變為低於該值",
        "above_at": "由高於IPCC車用汽油預設因子變為等於該值（{default}）",
        "below_at": "由低於IPCC車用汽油預設因子變為等於該值（{default}）",
        "at_at": "兩年均等於IPCC車用汽油預設因子（{default}）"},
    "story.breakdown": {"gender": "按性別", "rank": "按僱員類型", "age_group": "按年齡組別", "total": "總數"},
    "story.check": {
        "trained_share_pct": ("兩項受訓僱員比例的分項不能同時成立：按人數加權，{first}的分項顯示{year}年{employees}名"
                              "僱員中有{a}受訓，{second}的分項則為{b}"),
        "training_hours_avg": "兩項平均受訓時數的分項並不一致：按人數加權，{year}年{first}的分項為{a}，{second}的分項為{b}",
        "turnover_rate_pct": "{year}年{second}的流失比例按年末人數加權平均為{b}，而非已公佈的總數{a}",
    },
    "story.misprint": {
        "material": "{year}年的{name}印作{published}，但按報告本身的原始數字計算為{recomputed}（相差{gap}）",
        "slip": "{year}年的{name}印作{published}；按報告本身的原始數字計算為{recomputed}，屬進位或抄錄誤差",
    },
    "story.corruption": {
        "referred": "數據表列為已審結貪污訴訟的{year}年{count}宗案件，按報告本身的敘述，是移交司法機關的案件，並無報告結果",
    },
    "story.data_security": {
        "both": ("報告指{year}年沒有網絡安全事件導致事故，但同時報告數據洩漏止損{losses}及排查數據販賣者{sellers}：沒有事故"
                 "不等於沒有洩露，而報告沒有列出洩露事件數目"),
        "losses": "報告指{year}年沒有網絡安全事件導致事故，但同時報告數據洩漏止損{losses}：沒有事故不等於沒有洩露",
        "sellers": "報告指{year}年沒有網絡安全事件導致事故，但同時報告排查數據販賣者{sellers}：沒有事故不等於沒有洩露",
    },
    "story.dropped": {
        "one": "不再披露：數據有{prior_year}年的{names}，但沒有{year}年的",
        "some": "不再披露：數據有{prior_year}年的{count}項數字，{year}年則沒有：{names}",
        "many": "不再披露：數據有{prior_year}年的{count}項數字，{year}年則沒有，包括{names}",
    },
    "story.trend": {
        "up": "{name}較{prior_year}年上升{change}，由{prior}增至{cur}",
        "down": "{name}較{prior_year}年下降{change}，由{prior}減至{cur}",
    },
    "story.denominator": {
        "grew_intensities_fell": ("每名僱員的各項密度均下降，降幅為{per_low}至{per_high}，但年末僱員人數增加{heads}："
                                  "總量本身的變動介乎{total_low}至{total_high}"),
        "shrank_intensities_rose": ("每名僱員的各項密度均上升，升幅為{per_low}至{per_high}，但年末僱員人數減少{heads}："
                                    "總量本身的變動介乎{total_low}至{total_high}"),
    },
}
