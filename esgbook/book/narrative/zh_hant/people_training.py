"""第7章，以人為本：培訓及其兩種分項、發展數字，以及報告的政策描述（只在有本身報告的版本中列出）。"""
from __future__ import annotations

from esgbook.book.narrative.en.people import fact, listed
from esgbook.book.narrative.zh_hant import join
from esgbook.book.narrative.zh_hant.people import PEOPLE


def _training_list(f, prefix: str, unit: str) -> str:
    groups = listed(f, prefix)
    if unit == "%":
        return join([f"{PEOPLE.get(g['category'], g['label'])}{g['value']}" for g in groups])
    return join([f"{PEOPLE.get(g['category'], g['label'])}{g['value']}" for g in groups])


def _training_rates(f) -> str:
    names = {"gender": "按性別", "rank": "按職級"}
    parts = [f"{names[p]}，受訓比例為{_training_list(f, p, '%')}" for p in ("gender", "rank") if int(f[f"{p}_n"])]
    lead = "數據表按性別及按職級劃分培訓，分別列出受訓僱員百分比及平均受訓時數。"
    return lead + "；".join(parts) + "（{numref}`fig-ppl-trained-share`）。"


def _training_hours(f) -> str:
    parts = [_training_list(f, p, "h") for p in ("gender", "rank") if int(f[f"{p}_n"])]
    return ("平均受訓時數為" + "；".join(parts) + "小時（{numref}`fig-ppl-training-hours`）。"
            "{numref}`tbl-ppl-training`連同每種分項所隱含的全體僱員數字一併列出。")


def _prior(kind: str):
    def sentence(f) -> str:
        if kind == "trained":
            figures = f"按性別為{f['by_gender']}，按職級為{f['by_rank']}"
        else:
            figures = f"按性別為{f['by_gender']}小時，按職級為{f['by_rank']}小時"
        if f["status"] == "discrepancy":
            verb = "同樣不一致" if f["now"] == "discrepancy" else "當時並不一致"
        else:
            verb = "同樣一致" if f["now"] == "consistent" else "當時是一致的"
        return f"{f['year']}年的比較數字{verb}：{figures}。"
    return sentence


def _prior_cases(kind: str) -> dict:
    return {case: _prior(kind) for case in ("discrepancy", "consistent")}


def _development(f) -> str:
    parts = []
    if fact(f, "retention"):
        parts.append(f"期末新員工的留存率為{f['retention']}")
    if fact(f, "score"):
        parts.append(f"入職培訓的滿意度為{f['score']}（滿分{f['scale']}）")
    if fact(f, "sessions"):
        levels = f["levels"]
        parts.append(f"技術委員會舉辦了{f['sessions']}場培訓及分享"
                     + (f"，涵蓋由全公司至部門內部的{levels}個層級" if levels != "0" else ""))
    return ("敘述部分另外列出一些有關發展的數字（{numref}`tbl-ppl-other`）"
            + (f"。{f['year']}年的數字是：{'；'.join(parts)}。" if parts else "。"))


TEMPLATES = {
    "ppl.training_rates": {"shown": _training_rates},
    "ppl.training_hours": {"shown": _training_hours},
    "ppl.training_rank": {
        "same_rank": "各職級中，{most}的平均受訓時數最多；{least}的受訓比例最低，平均受訓時數亦最少。",
        "different": "各職級中，{most}的平均受訓時數最多；{least}的受訓比例最低，而{fewest}的平均受訓時數最少。",
    },
    "ppl.trained_check": {
        "discrepancy": "兩種分項描述的是同一批{employees}人，因此必然隱含相同的全公司受訓比例。但兩者並不一致：按人數加權，"
                       "性別數字隱含{by_gender}受訓（約{gender_people}人），職級數字則為{by_rank}（約{rank_people}人）。",
        "consistent": "兩種分項描述的是同一批{employees}人，因此必然隱含相同的全公司受訓比例，而兩者確實一致：按人數加權，"
                      "性別數字隱含{by_gender}受訓，職級數字為{by_rank}，在四捨五入範圍內相同。",
        "not_both": "報告沒有同時按性別及按職級列出{year}年的受訓比例，因此兩種分項無法互相核對。",
    },
    "ppl.trained_general": {
        "exceeds": "單看普通員工就能說明原因：職級表顯示{general}名普通員工中有{rate}受訓，即已有{trained}人，佔員工隊伍的"
                   "{share}，多於性別分項容許全體僱員合共的{by_gender}。",
        "gap": "以人數計算，兩種分項相差約{people}名受訓僱員。",
    },
    "ppl.trained_rounding": {
        "beyond_rounding_general": "四捨五入無法解釋這個差距：即使把普通員工取其四捨五入的最低值、女性及男性取最高值，"
                                   "單是普通員工已佔員工隊伍受訓的{low}，多於性別數字容許的{high}。",
        "beyond_rounding": "{gap}個百分點的差距大於整數百分比的四捨五入所能解釋的範圍。",
    },
    "ppl.trained_prior": _prior_cases("trained"),
    "ppl.hours_check": {
        "discrepancy": lambda f: (
            f"受訓時數{'同樣' if f['share_status'] == 'discrepancy' else ''}不一致。性別數字隱含每名僱員{f['by_gender']}小時，"
            f"合共約{f['gender_total']}小時；職級數字為{f['by_rank']}小時，約{f['rank_total']}小時，相差約{f['gap']}小時。"),
        "consistent": "受訓時數一致：性別數字隱含每名僱員{by_gender}小時，職級數字為{by_rank}小時，在兩位小數的四捨五入範圍內相同。",
        "not_both": "報告沒有同時按性別及按職級列出{year}年的平均受訓時數，因此兩者無法互相核對。",
    },
    "ppl.hours_reach": {
        "above_every_gender": "無論女性與男性如何組合都無法達到職級數字：兩個性別平均數中較高者為{highest}小時，低於職級隱含的{by_rank}小時。",
        "below_every_gender": "無論女性與男性如何組合都無法降至職級數字：兩個性別平均數中較低者為{lowest}小時，高於職級隱含的{by_rank}小時。",
        "beyond_rounding": "平均數公佈至兩位小數，因此四捨五入無法解釋這樣大的差距。",
    },
    "ppl.hours_prior": _prior_cases("hours"),
    "ppl.training_causes": {
        "discrepancy": "報告沒有解釋這個差異。可能的原因是兩種分項計算的人不同（例如一種計算年內曾受僱的所有人，另一種"
                       "計算年末人數），或「平均受訓時數」在一個表中指每名受訓僱員、在另一個表中指每名僱員。在公司說明之前，"
                       "兩種分項都不能用作全公司的培訓數字；附錄的對賬列出了有關核對。",
    },
    "ppl.development": {
        "shown": lambda f: _development(f),
        "none": "報告的敘述沒有列出{year}年的發展數字（新員工留存率、入職培訓滿意度、技術委員會活動）。",
        "no_longer": "{year}年的數據不再披露任何發展數字（新員工留存率、入職培訓滿意度、技術委員會活動、病假）："
                     "{prior_year}年有{n_prior}項。",
        "comparative": "{later}年報告的比較欄沒有{year}年的發展數字。",
    },
    "ppl.development_prior": {
        "no_prior": "報告只列出{year}年的這些數字，沒有{prior_year}年的比較數字。",
        "with_prior": "報告有列出{prior_year}年比較數字的，一併列示。",
    },
    "ppl.retention_definition": {
        "undefined": "新員工留存率沒有定義（哪一批新員工、留任多久），因此本書既不把它與上文的流失率或推算的入職人數"
                     "（{{ref}}`people-turnover`）對照，也不用它推算年內新入職者中有多少人離職。",
    },
    "ppl.performance": {
        "stated": "除培訓外，公司在年中及年末進行績效周期，包括目標設定、自評及全方位評估；晉升程序每年向所有僱員開放"
                  "一次，設有輔導及答辯評審，分管理及專業兩條路徑。",
        "comparative": "",
    },
    "ppl.labour": {
        "stated": "公司表示會核實所聘用的每一個人均已達法定工作年齡，禁止童工及強制勞工，如發現個案會按內部程序處理並"
                  "懲處責任人。報告指期內任何地區均沒有童工或強制勞工個案。報告沒有描述的是如何檢討招聘慣例以確保"
                  "情況維持（關鍵績效指標B4.1，內容索引狀態：{b41}），以及發現個案時會採取的具體步驟（關鍵績效指標B4.2，"
                  "狀態：{b42}）。公司亦承諾在招聘及晉升上提供平等機會，不論宗教、國籍、種族、性別、年齡或婚姻狀況，並設有"
                  "多個意見渠道，包括匿名意見箱及每年的員工滿意度調查，但調查結果沒有公佈。",
        "comparative": "{later}年報告的比較欄沒有{year}年勞工準則的說明：沒有該年有關童工或強制勞工的陳述可供概述，"
                       "因此關鍵績效指標B4.1及B4.2在本版未有披露。",
    },
    "ppl.pay": {
        "stated": "薪酬採用「全面薪酬」方針：固定薪金、與公司及個人績效掛鈎的浮動部分、津貼及加班費，另加短期及長期激勵，"
                  "並定期參照市場調查檢討。除法定社會保險及住房公積金外，公司為僱員購買補充醫療保險，並在結婚、生育、"
                  "住院及重病等人生大事時送上禮物及現金支援；視乎辦公地點，設有飯堂、下午茶、健身室及運動會、穿梭巴士及"
                  "診所。工作時間具彈性，有需要時可在家工作。",
        "comparative": "{later}年報告的比較欄沒有{year}年薪酬、福利或工作時間的說明。",
    },
    "ppl.sick_leave": {
        "one_day": "在法定假期以外，每名僱員每月可享{days}天有薪病假。",
        "days": "在法定假期以外，每名僱員每月可享{days}天有薪病假。",
        "missing": "報告沒有列出{year}年的有薪病假。",
    },
    "ppl.pay_gaps": {
        "stated": "除此以外，報告沒有列出薪酬水平、女性與男性的薪酬比率或福利的使用情況，因此無法以數據評估這些政策。",
    },
}
