"""第8章，綠色為榮（環境）：能源、水、溫室氣體、範圍2排放因子、廢棄物、密度。"""

_SCOPE1 = "範圍1除以汽油用量，得出數字所隱含的燃料排放因子："

_WRITTEN = ("報告發佈之時（{due}），最新的官方全國排放因子為{factor}（{variant}，{publisher}，"
            "適用於{applies}年的電力，於{published}發佈）。按此計算，{year}年的範圍2應為{official}")

TEMPLATES = {
    "env.electricity_share": {
        "share": "{year}年能源消耗總量為{energy}，其中電力佔{share}",
    },
    "env.printed_in": {
        "value": "{section}一節的{value}",
        "figure": "{section}一節的數字",
    },
    "env.published_intensity": {
        "reproduced": "報告所載的{name}{published}可由原始數據重新算出",
        "conflict": "報告為{year}年的{name}印出{count}個不同的數字：{listed}。以總量除以年末僱員人數得出{recomputed}，"
                    "與{matching}相符",
        "conflict_none": "報告為{year}年的{name}印出{count}個不同的數字：{listed}。以總量除以年末僱員人數得出"
                         "{recomputed}，與其中任何一個都不相符",
        "discrepancy": "報告所載的{name}{listed}無法重現：以總量除以年末僱員人數得出{recomputed}",
    },
    "env.scope2_vs_electricity": {
        "opposite": "範圍2{scope2_verb}（{scope2_change}），用電量卻{electricity_verb}（{electricity_change}）。"
                    "範圍2等於用電量乘以電網排放因子，因此數字所隱含的排放因子必然朝相反方向變動，下一節將加以檢視",
        "same": "範圍2{scope2_verb}（{scope2_change}），用電量亦{electricity_verb}（{electricity_change}），方向一致",
        "scope2_only": "範圍2{scope2_verb}（{scope2_change}），而用電量不變",
        "electricity_only": "範圍2不變，而用電量{electricity_verb}（{electricity_change}）",
        "flat": "範圍2與用電量均無變化",
    },
    "env.scope2_factor": {
        "above_all": "{year}年已公佈的數字隱含的排放因子為{value}，高於我們所持有該年全部{count}個全國電網排放因子"
                     "（最高者為{high}，{high_variant}）",
        "below_all": "{year}年已公佈的數字隱含的排放因子為{value}，低於我們所持有該年全部{count}個全國電網排放因子"
                     "（最低者為{low}，{low_variant}）",
        "within": "{year}年已公佈的數字隱含的排放因子為{value}，處於我們所持有該年{count}個全國電網排放因子的範圍之內，"
                  "由{low}（{low_variant}）至{high}（{high_variant}）",
        "equal_high": "{year}年已公佈的數字隱含的排放因子為{value}，取四位小數時與我們所持有該年{count}個全國電網"
                      "排放因子中最高者（{high_variant}）相同",
        "equal_low": "{year}年已公佈的數字隱含的排放因子為{value}，取四位小數時與我們所持有該年{count}個全國電網"
                     "排放因子中最低者（{low_variant}）相同",
        "equal": "{year}年已公佈的數字隱含的排放因子為{value}，取四位小數時與我們所持有該年唯一的全國電網排放因子"
                 "（{high_variant}）相同",
        "no_range": "{year}年已公佈的數字隱含的排放因子為{value}；我們沒有該年的官方全國電網排放因子可作比較",
    },
    "env.scope2_when_written": {
        "above": _WRITTEN + "；已公佈的{published_value}比此高{gap}",
        "below": _WRITTEN + "；已公佈的{published_value}比此低{gap}",
        "equal": _WRITTEN + "，與已公佈的數字相同",
    },
    "env.scope2_sensitivity": {
        "above": "若採用其後發佈的{year}年{variant}排放因子（{factor}，{publisher}），同樣的用電量得出{official}；"
                 "已公佈的數字比此高{gap}",
        "below": "若採用其後發佈的{year}年{variant}排放因子（{factor}，{publisher}），同樣的用電量得出{official}；"
                 "已公佈的數字比此低{gap}",
        "equal": "若採用其後發佈的{year}年{variant}排放因子（{factor}，{publisher}），同樣的用電量得出{official}，"
                 "與已公佈的數字相同",
    },
    "env.scope1_factor": {
        "one": _SCOPE1 + "{first}",
        "two": _SCOPE1 + "{first}；{last}",
    },
    "env.scope1_year": {
        "above": "{year}年為{value}，高於IPCC預設值{default}",
        "below": "{year}年為{value}，低於IPCC預設值{default}",
        "equal": "{year}年為{value}，取四位小數時與IPCC預設值相同",
        "no_default": "{year}年為{value}（我們沒有該年的預設排放因子）",
    },
    "env.hazardous_share": {
        "share": "{year}年有害廢棄物佔廢棄物總量的{share}",
        "none": "報告沒有{year}年的有害廢棄物",
    },
    "env.denominator": {
        "grew": "僱員人數增加了{size}，每個人均數字因此都低於其總量的變動：總量下降時人均跌幅更深，總量上升時人均"
                "升幅較小甚至轉為下降。比較不同年份時，讀者應留意分母的變化",
        "shrank": "僱員人數減少了{size}，每個人均數字因此都高於其總量的變動：總量上升時人均升幅更大，總量下降時人均"
                  "跌幅較小甚至轉為上升。比較不同年份時，讀者應留意分母的變化",
        "flat": "兩年的僱員人數相同，因此每個人均數字與其總量的變動完全一致",
        "no_prior": "數據中沒有上一年，因此{year}年的密度數字只能單獨閱讀",
    },
    "env.headcounts": {
        "both": "報告以年末僱員人數（{year}年為{cur}，{prior_year}年為{prior}）作分母，而非全年平均人數",
        "one": "報告以年末僱員人數（{year}年為{cur}）作分母，而非全年平均人數",
    },
    "env.climate": {
        "own": "報告指極端天氣是其營運所面對的主要實體氣候風險，並以颱風、洪水、雪災、地震及雷電的應急預案，以及一個"
               "氣候工作小組應對。報告認為低碳產品及更環保的數據中心帶來機遇。報告沒有訂立量化的排放或能源目標，"
               "亦沒有情景分析：與香港聯交所（HKEX）自2025年起要求的氣候披露相比，這些都是缺口",
        "comparative": "{year}年的數字取自{report_year}年報告的比較欄；該報告只描述{report_year}年的氣候風險及措施，"
                       "請參閱{report_year}年版",
    },
}
