"""第3章，專題報告（'hl.*'）。萬／億數字照報告的寫法列出，不另換算。"""
from __future__ import annotations

from esgbook.book.narrative import figure_block
from esgbook.book.narrative.zh_hant import word


def _units(f: dict) -> str:
    if f["unit_count"] == "1":
        return f"它們全部採用同一單位（{f['units']}）；{{numref}}`tbl-hl-figures`逐一列出。"
    return (f"它們採用{word(f['unit_count'])}種不同單位（{f['units']}），因此{{numref}}`fig-hl-figures`按單位各畫一個"
            "小圖，而不是硬放在同一坐標軸上；{numref}`tbl-hl-figures`連同單位逐一列出。")


def _figures(f: dict, head: str) -> str:
    hedged = (f"報告對{f['hedged']}有所保留（用了約數），圖表把{'它' if f['hedged_count'] == '1' else '它們'}略去，"
              "因為以棒形表示約數會誇大其精確程度。" if f["hedged"] else "")
    return f"{head}{_units(f)}{hedged}"


def _cumulative(f: dict) -> str:
    tail = "以累計總額除以單一年度的數字沒有意義，而明年的累計數字本身亦不能顯示年內增加了多少。"
    if f["flow"] == "0":
        return f"須留意：這些數字全部標明為累計，而報告沒有說明由何時起計。{tail}"
    return (f"須留意：其中{word(f['cumulative'])}個標明為累計，報告沒有說明由何時起計，另外{word(f['flow'])}個則沒有"
            f"這樣標明。{tail}")


def _rural(f: dict) -> str:
    text = (f"**鄉村振興**。三農貸款達{f['lending_printed']}億元，累計服務農民人數達{f['farmers']}人"
            "。")
    if f["mixed"] == "yes":
        text += "兩個數字一個標明為累計、另一個沒有，因此不能由此推算每名農民的平均貸款。"
    return text


def _per_merchant(f: dict) -> str:
    if f["small"] != "yes":
        return ""
    return ("平均金額如此之小，不可能是貸款本金；較可能是計劃所用免息券及免息期的價值，即價格折扣而非發放的信貸。"
            "報告對此沒有說明。")


def _community(f: dict) -> str:
    text = f"報告描述了{word(f['count'])}個社區案例（{{numref}}`tbl-hl-community`）：{f['names']}。"
    if f["unquantified"] == f["count"]:
        text += "全部案例都沒有任何數字。"
    elif f["unquantified"] != "0":
        text += f"其中{word(f['unquantified'])}個完全沒有數字。"
    return text


_NO_RESOURCES = "；沒有任何案例列明捐出的金額或義工時數，因此社區投資的披露只屬部分披露。"


def _reach_only(f: dict) -> str:
    one = f["reach"] == "1"
    which = "該數字" if f["reach"] == f["figures"] == "1" else ("其中一個數字" if one else f"其中{word(f['reach'])}個數字")
    return (f"{which}以人次計算觸及範圍（同一人觀看兩次即計兩次），並不反映成效。對香港聯交所指引而言更重要的是，"
            "指引要求披露在專注範疇所動用的資源（關鍵績效指標B8.2，金錢或時間）" + _NO_RESOURCES)


TEMPLATES = {
    "hl.figures": {
        "only_year": lambda f: _figures(f, f"報告只列出{f['year']}年的{f['count']}個亮點數據，沒有{f['prior_year']}年的"
                                           "比較數字，因此全部無法與上一年比較。"),
        "with_prior": lambda f: _figures(f, f"數據中有{f['year']}年的{f['count']}個亮點數據，其中{f['with_prior']}個"
                                            f"亦有{f['prior_year']}年的數字：{f['trends']}。"),
        "none": "數據中沒有{year}年的亮點數據。",
        "no_longer": "{year}年的數據不再披露任何亮點數據：{prior_year}年有{n_prior}項。",
        "no_own_report": "數據中沒有{year}年的亮點數據：本版採用其比較欄的{report_year}年報告，只列出{report_year}年的"
                         "亮點數據。",
    },
    "hl.cumulative": {"some": _cumulative, "none": "這些數字都沒有標明為累計。"},
    "hl.inclusive": {
        "both": ("**普惠小微**。公司協助金融機構向小微企業發放{lending_printed}億元貸款，佔其促成貸款規模的{share}"
                 "（泛小微貸款規模占比）。「泛」字表示範圍比監管對小微企業的定義更寬：報告第5章描述了把兼職及個體"
                 "經營者標記為小微用戶的模型，而報告沒有界定這個數字的範圍。把兩個數字相除，可得出它們所隱含的貸款"
                 "總規模，約{implied_printed}億元（計及兩個數字的四捨五入，介乎{low}至{high}億元；"
                 "{{numref}}`tbl-hl-derived`）。"),
    },
    "hl.rural": {"both": _rural},
    "hl.green": {
        "full": ("**綠色金融**。公司累計協助金融機構向{enterprises}家環保企業發放"
                 "{green_printed}億元貸款，並向{owners}名新能源汽車車主發放{nev_printed}億元"
                 "貸款。平均數可說明這是哪一類貸款（{{numref}}`fig-hl-averages`）：每家環保企業約{per_enterprise}元，"
                 "{enterprise_reading}；每名車主約{per_owner}元，{owner_reading}。報告列出其視為環保的行業（可再生能源、"
                 "清潔技術、廢物處理、節能），但沒有任何分類標準或資格審查，亦沒有估算所避免或所融資的排放量。"),
    },
    "hl.enterprise_reading": {
        "credit_line": "屬小微企業的信貸額度，而非項目融資",
        "large": "較接近項目融資，而非小微企業的信貸額度",
    },
    "hl.owner_reading": {
        "car_price": "與一輛汽車的價格屬同一量級，符合報告把這些貸款描述為購車消費貸款的說法",
        "other": "與一輛汽車的價格並不屬同一量級，儘管報告把這些貸款描述為購車貸款",
    },
    "hl.named_figure": {"given": "{name}（{q}）"},
    "hl.theme_partial": {"partial": "**{theme}**。{year}年的數據只有{figures}。"},
    "hl.small_business": {
        "described": lambda f: (
            f"報告指其小微信貸模型建基於{f['years']}年的行業經驗，並描述了年內兩項活動（{{numref}}`tbl-hl-small-business`）：\n\n"
            "- **科技金融點燃6·18備貨熱潮**。在年中購物節前後，公司透過旗下借貸應用程式提供免息經營資金及費用優惠券，"
            f"並計算出獲得資金支持的小微企業有{f['stocking']}家。報告沒有列出金額，因此"
            "無法把觸及範圍與貸出的金額對照。\n"
            f"- **「生意金」批零專項支持計畫**。計劃於年底在{f['provinces']}個核心省份推出，以{f['support_printed']}萬元"
            f"支持{f['merchants']}名商戶：每名商戶{f['per_merchant']}元"
            "（{numref}`tbl-hl-derived`）。" + _per_merchant(f) + "\n"),
        "partial": "數據中只有{year}年部分小微活動的數字：{figures}。",
        "none": "按數據所載，{year}年報告沒有列出小微活動的數字。",
        "no_longer": "{year}年的數據不再披露任何小微活動數字：{prior_year}年有{n_prior}項。",
        "no_own_report": "{year}年版沒有本身的報告，因此沒有{year}年的小微活動可以描述。",
    },
    "hl.community": {
        "cases": _community,
        "none": "按數據所載，{year}年報告沒有描述任何社區案例。",
        "no_own_report": "{year}年版沒有本身的報告（其數字取自{report_year}年報告的比較欄），因此沒有{year}年的社區案例。",
    },
    "hl.case_figures": {"given": "**{case}**：{figures}。"},
    "hl.case_figure": {
        "disability_programme_attention_10k": "關注度{q}",
        "disability_livestream_views_10k": "直播觀看{q}",
        "disability_devices_donated": "捐贈{q}台電子設備及手機作職業培訓之用",
        "welfare_centre_volunteers": "員工義工{q}名",
        "generic": "{name_lower}{q}",
    },
    "hl.community_honours": {
        "one": "年內的榮譽（{{ref}}`overview-honours`）中有一項與社區工作有關：{honours}。",
        "several": "年內的榮譽（{{ref}}`overview-honours`）中與社區工作有關的有{honours}。",
    },
    "hl.community_resources": {
        "reach_only": _reach_only,
        "no_resources": "香港聯交所指引要求披露在專注範疇所動用的資源（關鍵績效指標B8.2，金錢或時間）" + _NO_RESOURCES,
        "resources": "就關鍵績效指標B8.2（所動用的資源），報告列明{resources}。",
        "no_figures": "沒有任何案例列出數字，因此香港聯交所指引要求的所動用資源（關鍵績效指標B8.2）並未披露。",
    },
}

TEMPLATES["hl.case_figures_lead"] = {"given": "有數字的案例如下："}  # 其後為逐項列出


def _figure(label: str, alt: str, caption: str) -> str:
    return figure_block(label, alt, caption, "數據（CSV）", "")


TEMPLATES["hl.intro"] = {
    "own_report": "報告的專題報告一章以一頁亮點數據及一系列案例開始：為小微企業、農民及綠色借款人提供的信貸，然後是社區計劃。"
                  "這裏每一個貸款數字都是銀行及其他機構在公司協助下發放的資金（協助金融機構），而非公司自身賬上的貸款。本章列出"
                  "這些數字，檢查它們互相對照時所隱含的意思，並指出它們遺漏了甚麼。",
    "no_figures": "{year}年的數據沒有專題報告的任何數字；以下各節分別說明所欠缺的內容。",
    "no_own_report": "專題報告是{report_year}年報告中關於{report_year}年的一章：其亮點數據、活動及社區案例都沒有{year}年的"
                     "對應內容，因此以下各節各只有一句說明。",
}
TEMPLATES["hl.figure"] = {
    "fig-hl-figures": lambda f: _figure(
        "fig-hl-figures", "亮點數據的棒形圖，每個單位一個小圖，每條棒註明其主題及數值",
        "按單位劃分的亮點數據；標明「累計」的棒是由未說明的起點開始計算的累計總數。資料來源：`data/highlights.csv`，"
        "報告章節 03 專題報告 > 亮點數據。"),
    "fig-hl-averages": lambda f: _figure(
        "fig-hl-averages", "亮點數據所隱含的每名客戶平均金額棒形圖（人民幣）",
        "亮點及案例數字所隱含的每名客戶平均金額（人民幣；我們的計算；因報告的約數而不精確的平均數只列名稱，不畫出）。"
        "資料來源：`data/highlights.csv`，報告章節 03 專題報告 > 亮點數據及穩健助小微，全力“撐腰”成長。"),
}
