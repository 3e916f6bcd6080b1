"""第5章，數字以外：網絡安全事故與Argus引擎。"""

TEMPLATES = {
    "opa.cyber": {
        "none_tested": "報告指{year}年沒有黑客、木馬或其他網絡安全事件導致事故；同年其防守隊伍在磐石行動演習的"
                       "{teams}支隊伍中排名第{rank}，這是報告就這些防禦所提供的唯一外部測試",
        "none": "報告指{year}年沒有網絡安全事件導致事故",
        "some": "報告指{year}年有{incidents}宗網絡安全事件導致事故",
        "missing": "",
    },
    "opa.leaks": {
        "leaks_counted": "這是關於事故的陳述，而非關於數據：同一份報告計算了{loss}的數據洩露止損及{sellers}名數據販賣者，"
                         "因此並不表示沒有客戶數據外洩",
        "loss_only": "這是關於事故的陳述，而非關於數據：同一份報告計算了{loss}的數據洩露止損，因此並不表示沒有客戶數據外洩",
        "sellers_only": "這是關於事故的陳述，而非關於數據：同一份報告計算了{sellers}名數據販賣者，因此並不表示沒有客戶數據"
                        "外洩",
        "missing": "",
    },
    "opa.engine": {
        "stated": "{year}年使用的Argus引擎為第{generation}代",
        "new": "Argus引擎於{year}年由第{prior}代升級至第{generation}代",
        "same": "{year}年的Argus引擎仍是第{generation}代，與{prior_year}年相同",
        "missing": "",
    },
}
