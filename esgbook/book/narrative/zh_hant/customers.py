"""第6章，客戶、供應商及行業：服務、消費者保護、反詐騙、按地區劃分的供應商、標準。'missing'略去該句。"""
from esgbook.book.narrative import figure_block


def _stated(text):
    return {"stated": text, "missing": ""}


TEMPLATES = {
    "cus.scope": {
        "own_no_customers": "報告沒有列出{year}年的服務、消費者保護、反詐騙或行業數字；{with_prior}。",
        "own": "服務、消費者保護、反詐騙及行業數字只屬{year}年，沒有{prior_year}年的比較數字；{with_prior}。",
        "comparative": "本版以{report_year}年報告的比較數字為依據，該報告只列出{report_year}年的服務、消費者保護、反詐騙"
                       "及行業數字；{year}年只有{available}。",
        "comparative_none": "本版以{report_year}年報告的比較數字為依據，該報告沒有列出本章任何{year}年的數字。",
    },
    "cus.with_prior": {
        "suppliers": "按地區劃分的供應商是報告唯一列出兩年數字的分項",
        "none": "本章沒有任何數字可追溯至{prior_year}年",
    },
    "cus.service_rates": _stated(
        "用戶滿意度為{satisfaction}，一次性解決率為{fcr}：反過來說，{repeat}的問題需要第二次聯絡。"),
    "cus.service_claim": {
        "unchecked": "{year}年報告指兩個比率均較上一年上升，卻沒有列出上一年的數字，因此這個說法無法核實。",
        "missing": "",
    },
    "cus.service_channels": _stated(
        "智能客服分流了{diversion}的聯絡，人工客服接通了{connection}的線上聯絡，平均每日解答{per_day}次諮詢，全年約"
        "{per_year}次（{{numref}}`tbl-cus-service`、{{numref}}`fig-cus-service`）。"),
    "cus.complaints": {
        "not_disclosed": "公司在曾聯絡其客服的用戶中量度的滿意度並不等於投訴，報告亦沒有列出香港聯交所B6.2要求的投訴數目。"
                         "由於大部分聯絡由機器處理，讀者亦會想知道智能客服與人工客服各自的滿意度；報告沒有列出。",
        "missing": "",
    },
    "cus.protection": _stated(
        "消費者保護以活動形式報告：360借條應用程式重建後的消保專區觸達{reach}（用戶瀏覽），消保安全中心為用戶服務"
        "{centre}，另有{materials}份面向客戶的材料在使用前經過線上審核。員工接受了{trainings}場內部消保培訓，並發出"
        "{publications}期消保刊物及{publicity}期合規宣傳。"),
    "cus.education": _stated(
        "金融知識教育動用了{cities}個城市的{educators}名前線員工，觸及{reach}人（{{numref}}`tbl-cus-consumer-protection`、"
        "{{numref}}`fig-cus-consumer-protection`）。觸及範圍按瀏覽及接觸人數計算，同一人可能被計算多次，而且沒有一個數字"
        "量度成效，例如不當銷售的貸款或投訴是否減少。"),
    "cus.anti_fraud_model": _stated(
        "反詐模型反覆計算{runs}次，平均每日識別{per_day}宗涉詐異常行為，即全年約{per_year}宗；另有{dissuaded}名潛在"
        "受害人由人工主動攔截勸阻，有別於自動發出的預警。"),
    "cus.anti_fraud_totals": _stated(
        "截至{year}年12月31日，公司發出{calls}次詐騙阻斷預警，攔截了{intercepted}名正被詐騙的人，並避免了{losses}的損失"
        "（{{numref}}`tbl-cus-anti-fraud`、{{numref}}`fig-cus-anti-fraud`）。即每攔截一人約需{calls_per_victim}次來電，並避免"
        "約{loss_per_victim}元的損失（損失數字只有兩位有效數字，平均數亦然）。「截止」可能指計劃開展以來的累計總數，而非當年的數目；報告沒有說明，因此不應把這些"
        "數字視為全年數字。"),
    "cus.suppliers_total": {
        "up": "供應商數目由{prior_year}年的{prior}家增加至{year}年的{cur}家（{change}）。",
        "down": "供應商數目由{prior_year}年的{prior}家減少至{year}年的{cur}家（{change}）。",
        "flat": "供應商數目於{year}年為{cur}家，與{prior_year}年相同。",
        "up_from_zero": "供應商數目由{prior_year}年的零增加至{year}年的{cur}家。",
        "no_prior": "數據表計算{year}年有{cur}家供應商；沒有{prior_year}年的數字可作比較。",
        "missing": "報告沒有列出{year}年按地區劃分的供應商。",
    },
    "cus.suppliers_check": {
        "match": "數據表各地區的數目加起來恰好等於正文所述的總數。",
        "mismatch": "各地區加起來是{counted}，而非正文所述的{published}。",
        "no_published": "正文沒有列出{year}年的供應商總數；各地區加起來是{counted}。",
        "missing": "",
    },
    "cus.department": {
        "stated": "然而{year}年報告的正文把它們稱為使用者增長部的供應商，而數據表的標題只是按地區劃分的供應商。因此，要麼"
                  "數據表只涵蓋這一個部門，要麼這個部門就是公司全部的供應商；報告沒有說明是哪一種，也沒有說明上一年的數目"
                  "是否按同一基礎計算。解讀任何變動時都應記住這一點（{{numref}}`tbl-cus-suppliers`、"
                  "{{numref}}`fig-cus-suppliers-region`）。",
        "missing": "",
    },
    "cus.region": {
        "with_prior": "{name}（{count}家；{share}，{prior_year}年為{prior_share}）",
        "no_prior": "{name}（{count}家；{share}）",
    },
    "cus.regions": {
        "listed": lambda f: (f"按地區計算，供應商分佈於{f['regions']}"
                             + (f"；{f['empty']}沒有供應商。" if f["n_empty"] != "0" else "。")),
    },
    "cus.largest_region": {
        "same_less": "{region}仍是最大的地區，但其佔比由{prior_year}年的{prior_share}下降至{year}年的{share}"
                     "（{change}）：供應商基礎較一年前分散。",
        "same_more": "{region}仍是最大的地區，其佔比由{prior_year}年的{prior_share}上升至{year}年的{share}"
                     "（{change}）：供應商基礎較一年前集中。",
        "same_flat": "{region}仍是最大的地區，{year}年佔供應商的{share}，與{prior_year}年相同。",
        "changed": "最大的地區現為{region}，{year}年佔供應商的{share}；{prior_year}年則為{prior_region}，佔{prior_share}。",
        "no_prior": "最大的地區是{region}，{year}年佔供應商的{share}。",
        "tied": "{region}並列首位，{year}年各佔供應商的{share}。",
    },
    "cus.domestic": {
        "by_construction": "分項中每個地區都位於中國，因此正文所述中國境內供應商佔{published}，按定義必然成立：它沒有為"
                           "各地區的數目增添任何資訊。",
        "differs": "分項中每個地區都位於中國，但正文卻指中國境內供應商佔{published}。",
        "not_published": "分項中每個地區都位於中國，因此按定義所計算的供應商全部位於中國；報告沒有列出{year}年的佔比。",
        "abroad": "分項中有中國以外的地區；報告沒有列出{year}年中國境內供應商的佔比。",
    },
    "cus.share_check": {
        "match": "正文亦列出四捨五入的地區佔比（{published}），每一個都等於由數目重新計算、四捨五入至整數百分比的佔比。",
        "mismatch": "正文亦列出四捨五入的地區佔比（{published}）；並非每一個都與由數目重新計算的佔比相符。",
        "missing": "",
    },
    "cus.share_gap": {
        "left_out": lambda f: (f"已公佈的{f['n_published']}個佔比加起來是{f['total']}；正文略去了{f['left_out']}"
                               "（{numref}`fig-cus-supplier-shares`）。"),
        "complete": "已公佈的{n_published}個佔比涵蓋了每個有供應商的地區（{{numref}}`fig-cus-supplier-shares`）。",
        "missing": "",
    },
    "cus.standards": {
        "listed": "公司列出{year}年參與起草的{count}項標準、指引及報告（{{numref}}`tbl-cus-standards`）。",
        "none": "報告沒有列出公司於{year}年參與起草的標準。",
        "comparative": "{report_year}年報告列出公司於{report_year}年參與起草的標準；沒有列出{year}年的標準。",
    },
    "cus.llm_standard": _stated(
        "其中最受注目的是金融大模型評測標準，由公司牽頭、聯同{co_drafters}家其他企業起草。"),
    "cus.small_business_served": _stated(
        "報告亦計算透過合作至今服務了{served}名小微用戶（{{numref}}`tbl-cus-industry`）。"),
}

def _figure(label: str, alt: str, caption: str) -> str:
    return figure_block(label, alt, caption, "數據（CSV）", "")


TEMPLATES["cus.intro"] = {
    "service": "香港聯交所B6.2要求披露接獲關於產品及服務的投訴數目及處理方法。報告以滿意度、一次性解決率及聯絡的處理方式"
               "量度服務。",
    "protection": "報告以活動計算消費者保護：應用程式消保專區及消保安全中心的觸達、審核的材料、培訓、刊物及金融知識教育。"
                  "報告把培訓及刊物數目成對列出；本書把它們分開。",
    "anti_fraud": "反欺詐數字描述一個標記可疑行為的模型，以及據此採取行動的人員及來電。{{ref}}`operations-data-security`"
                  "中的借款提醒是另一個獨立的統計。",
    "standards": "報告列出公司參與起草的標準、指引及報告；大部分與其本身的業務範疇相同。參與起草標準是影響力的表述，而非"
                 "合規的表述：報告沒有說明這些文件當中哪些已經發佈或獲採納。",
}
TEMPLATES["cus.section_none"] = {
    "comparative": "沒有{year}年的{what}（見本章開首的說明）",
    "none": "數據所載的{year}年報告沒有披露{what}",
    "no_longer": "{year}年的數據不再披露任何{what}：{prior_year}年有{n_prior}項",
}
TEMPLATES["cus.figure"] = {
    "fig-cus-service": lambda f: _figure(
        "fig-cus-service", "滿意度、一次性解決率、分流率及接通率的棒形圖",
        "按年份列出報告有數字的服務質素比率（%）。資料來源：`data/customers.csv`，報告章節 06 合作共贏 > 客戶為先。"),
    "fig-cus-consumer-protection": lambda f: _figure(
        "fig-cus-consumer-protection", "報告有確切數值的消費者保護及教育數字棒形圖，每個單位一個小圖",
        "報告有確切數值的消費者保護及金融知識教育數字，每個單位一個小圖；約數列於標題之下。資料來源："
        "`data/customers.csv`，報告章節 06 合作共贏 > 客戶為先。"),
    "fig-cus-anti-fraud": lambda f: _figure(
        "fig-cus-anti-fraud", "反欺詐數字的棒形圖，每個單位一個小圖",
        "反欺詐數字，每個單位一個小圖；報告的約數列於標題之下。資料來源：`data/customers.csv`，報告章節 06 合作共贏 > "
        "客戶為先。"),
}
TEMPLATES["cus.share_item"] = {"listed": "{region}{share}"}  # 華北地區38%
