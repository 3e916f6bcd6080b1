"""首頁：本版的依據，以及對賬結果一覽。"""

def _summary(f: dict) -> str:
    sens = f["sensitivities"]
    return (f"{f['first']}；{f['checks']}。" + (f"{sens}。" if sens else "")
            + "各項核對詳列於附錄的「{ref}`appendix-reconciliation`」一節。")


TEMPLATES = {
    "idx.summary": {"shown": _summary},
    "idx.draft": {
        "draft": "本版是{year}年版的初稿：數字已經輸入，但數據仍欠缺以下登記冊，讀取這些登記冊的章節會說明所欠缺的內容。"
                 "請逐一填寫各檔案，然後再次執行`make validate`及`make book`",
    },
    "idx.basis": {
        "own": "本版以公司本身的{year}年報告《{title}》為依據，並採用該報告所列{prior_year}年的比較數字",
        "own_alone": "本版以公司本身的{year}年報告《{title}》為依據",
        "comparative": "本版以{report_year}年報告的比較欄為依據：即《{title}》在其本年數字旁列出的{year}年數字。本版沒有"
                       "{year}年的政策、案例或榮譽，亦沒有{prior_year}年的數字，因此篇幅較短：以報告敘述為主題的章節會"
                       "說明這一點，並指向{report_year}年版",
        "none": "數據包的data/reports.csv中沒有{year}年的報告：本版的數字未能歸屬於任何一份報告",
    },
    "idx.reconciliation": {
        "all_reproduced": "公司為{year}年公佈的全部{checked}個衍生數字（密度、總計、佔比）均可由原始數據在其公佈的"
                          "四捨五入範圍內重現",
        "some": "公司為{year}年公佈的{checked}個衍生數字（密度、總計、佔比）中，{reproduced}個可由原始數據在其公佈的"
                "四捨五入範圍內重現，{not_reproduced}個不能",
        "none": "數據中沒有{year}年已公佈的衍生數字可供重現",
    },
    "idx.checks": {
        "clean": "各組必須互相吻合的分項數字確實吻合",
        "flagged": "在{checks}項分項數字之間的核對中，有{flagged}項發現數字並不吻合",
        "none": "沒有可互相核對的分項數字",
    },
    "idx.sensitivities": {
        "some": "另有{count}項以官方或預設排放因子重新計算排放量的敏感度分析分開列示：以我們選用的排放因子重新計算，"
                "並不構成差異",
        "none": "",
    },
}
