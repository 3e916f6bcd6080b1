"""各版比較（第一版以後每一版的頁面）：各版之間的變化，以及重述的數字。"""

TEMPLATES = {
    "cmp.summary": {
        "several": "本頁比較截至本版的{n_editions}個版本（{editions}）；{kpis}個關鍵績效指標逐一按每個版本重新計算，其中"
                   "{with_all}個可計算每一年。有{missing}個數字只披露部分年份",
        "one": "數據只包含一個版本（{editions}），因此暫時沒有可比較的內容：表中列出{latest}年的{kpis}個關鍵績效指標",
    },
    "cmp.biggest_move": {
        "up": ("在重大變動（基數至少為所列末位數的20個單位、變動至少10%）之中，{name}由{prior_year}年至{year}年的變動最大："
               "由{prior}上升至{cur}（{change}）"),
        "down": ("在重大變動（基數至少為所列末位數的20個單位、變動至少10%）之中，{name}由{prior_year}年至{year}年的變動最大："
                 "由{prior}下降至{cur}（{change}）"),
        "none": "由{prior_year}年至{year}年沒有總量數字出現重大變動（基數至少為所列末位數的20個單位、變動至少10%）",
    },
    "cmp.discrepancies": {
        "none": "沒有任何版本的公佈數字是其原始數據無法重現的",
        "some": "各版的對賬共標示{discrepancies}個數字（按版本：{by_edition}）；每版的附錄各自解釋",
    },
    "cmp.restatements": {
        "none": "沒有任何較後的報告重述較早報告的數字：每個數字都只來自一份報告（數據包含{reports}年的報告）",
        "some": "有{restatements}個數字被較後的報告重述；第一個是{year}年的{name}，在{reported_in}年報告中為{value}，"
                "在{restated_in}年報告中為{restated_value}。每版保留其本身報告的數字；較後的版本採用重述後的數字",
    },
    "cmp.missing_none": {"none": "每個數字都披露了每一年（{years}）"},
    "cmp.discrepancies_none": {"none": "所有版本均沒有差異"},
    "cmp.restatements_none": {"none": "沒有數字被重述（數據包含{reports}年的報告）"},
}
