"""各章共用的句式：某數字與上一年比較。"""


def _trend(up: str, down: str, flat: str):
    return {
        "up": "{name}由{prior_year}年的{prior}" + up + "至{year}年的{cur}（{change}）",
        "up_from_zero": "{name}由{prior_year}年的零" + up + "至{year}年的{cur}",
        "down": "{name}由{prior_year}年的{prior}" + down + "至{year}年的{cur}（{change}）",
        "flat": "{name}於{year}年為{cur}，與{prior_year}年" + flat,
        "no_prior": "{name}於{year}年為{cur}",
        "missing": "報告沒有披露{year}年的{name_lower}",
    }


TEMPLATES = {
    # 每章只說一次，免得每個沒有上年數字的指標重複。
    "prior_year": {"no_prior": "數據中沒有{prior_year}年的數字可與{year}年比較"},
    "trend": _trend("上升", "下降", "相同"),
    "trend.grew": _trend("增加", "減少", "相同"),
}

# 人均數字與其總量並列：分母變動時的算術，逐一按情況說明。
TEMPLATES["intensity"] = {
    "headcount_up": "按年末僱員人數計算，人均為{cur}（{change}；總量為{total_change}，因僱員人數增加了{headcount_size}）",
    "headcount_down": "按年末僱員人數計算，人均為{cur}（{change}；總量為{total_change}，因僱員人數減少了{headcount_size}）",
    "headcount_flat": "按年末僱員人數計算，人均為{cur}；由於僱員人數不變，人均與總量同步變動",
    "no_prior": "按年末僱員人數計算，人均為{cur}",
}

# 以兩種語言提供的名稱（`findings.name`）及日期（`findings.date`），按中文寫法。
TEMPLATES["name"] = {"text": "{zh}", "lower": "{zh}", "first_lower": "{zh}"}
TEMPLATES["date"] = {"day": "{year}年{month}月{day}日", "month": "{year}年{month}月"}
