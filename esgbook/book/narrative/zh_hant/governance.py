"""第4章，治理為基：董事會、獨立董事比例下限、貪污案件、培訓。"""


def _cases(n: str) -> str:
    return "沒有案件" if n == "0" else f"{n}宗案件"


def _floor(shape: str):
    def write(f: dict) -> str:
        gap = f["gap"].lstrip("+−±")
        return {"above": f"比香港上市規則就獨立非執行董事所訂的三分之一下限（{f['floor']}）高出{gap}。",
                "at": f"恰好等於香港上市規則就獨立非執行董事所訂的三分之一下限（{f['floor']}）。",
                "below": f"比香港上市規則就獨立非執行董事所訂的三分之一下限（{f['floor']}）低{gap}。"}[shape]
    return write


def _executives(f: dict) -> str:
    chair = {"not_independent": "董事長並非獨立董事", "independent": "董事長是獨立董事",
             "not_named": "名單沒有列出董事長"}[f["chair"]]
    if f["executives"] == "0":
        return f"{chair}，亦沒有董事擔任行政職務。"
    return f"{chair}，另有{f['executives']}名董事兼任行政職務（{f['roles']}），因此管理層與獨立董事一同在董事會內直接發聲。"


def _compliance(f: dict) -> str:
    parts = []
    if "gifts" in f:
        parts.append(f"按其禮品接受規定記錄了{f['gifts']}宗接收禮品申報")
    if "removed" in f:
        parts.append(f"清退了{f['removed']}家有問題供應商")
    return f"{f['year']}年公司" + "，並".join(parts) + "。"


def _training(f: dict) -> str:
    parts = []
    if "emails" in f:
        parts.append(f"向全體員工發出{f['emails']}封誠信漫畫宣傳郵件")
    if "certification" in f:
        parts.append(f"{f['certification']}次附網上測試的價值觀年度認證培訓")
    if "new_hire" in f:
        parts.append(f"{f['new_hire']}場為新員工而設的《反舞弊制度體系》培訓")
    text = f"報告計算{f['year']}年有" + "；".join(parts[:-1]) + ("及" if len(parts) > 1 else "") + parts[-1] + "。" \
        if parts else ""
    if "partners" in f:
        text += f"在公司以外，誠信訊息在全國供應商大會上傳達至{f['partners']}家合作夥伴及供應商。"
    return text.strip()


TEMPLATES = {
    "gov.scope": {
        "own": "本章{year}年的數字中，只有{with_prior}有{prior_year}年的比較數字。",
        "own_no_prior": "本章{year}年的數字全部沒有{prior_year}年的比較數字。",
        "comparative": "本版以{report_year}年報告的比較數字為依據，該報告沒有{year}年的董事會、政策、案例或培訓可供描述。"
                       "本章的數字中，只有{available}列出{year}年的數字。",
        "comparative_none": "本版以{report_year}年報告的比較數字為依據，該報告沒有列出本章任何{year}年的數字。",
    },
    "gov.board": {
        "listed": "董事會有{directors}名董事，其中{independent}名為獨立董事，佔{share}。",
        "not_listed_comparative": "{report_year}年報告只列出{report_year}年底的董事，因此本版沒有{year}年的董事會組成。",
        "not_listed": "報告沒有列出{year}年的董事，因此本版沒有董事會組成。",
    },
    "gov.ined_floor": {"above": _floor("above"), "at": _floor("at"), "below": _floor("below")},
    "gov.board_check": {
        "match": "報告正文所述的人數與董事名單相符。",
        "mismatch": "報告正文所述為{published}，而董事名單得出{counted}。",
        "no_published": "報告正文沒有列出可與名單核對的人數。",
    },
    "gov.executives": {"listed": _executives},
    "gov.board_period": {
        "one_year": "報告只列出{year}年底的董事會，因此這裏的數字都無法與上一年比較。",
    },
    "gov.gender": {
        "no_women": "董事會沒有女性成員：這是單一性別董事會，而聯交所已不再接受。",
        "no_men": "全體董事均為女性：這是單一性別董事會，而聯交所已不再接受。",
        "far_from_parity": "女性佔{directors}席中的{female}席（{share}）：董事會並非聯交所已不再接受的單一性別董事會，"
                           "但距離性別均衡仍遠。",
        "near_parity": "女性佔{directors}席中的{female}席（{share}），接近性別均衡。",
    },
    "gov.ages": {
        "one_band": "董事年齡介乎{youngest}至{oldest}歲，中位數為{median}歲；人數最多的十年年齡組別是{band}歲，"
                    "{directors}名董事中有{band_count}名。",
        "tied_bands": "董事年齡介乎{youngest}至{oldest}歲，中位數為{median}歲；人數最多的十年年齡組別是{band}歲，"
                      "各有{band_count}名董事。",
    },
    "gov.policies": {
        "stated": "{year}年報告描述合規部門負責日常審查並設有合規風險登記冊，並指公司於{year}年修訂了{revised}。員工可透過"
                  "電郵向道德委員會舉報違規行為，由委員會獨立調查。",
        "not_held": "數據中沒有{year}年報告有關公司反貪污規定或舉報渠道的陳述。",
        "comparative": "{report_year}年報告所描述的政策、規定及舉報渠道屬於{report_year}年；本版沒有本身的{year}年政策。",
    },
    "gov.cases": {
        "up": lambda f: (f"數據表計算{f['year']}年有{_cases(f['cur_n'])}，{f['prior_year']}年則有{_cases(f['prior_n'])}；"
                         "基數如此之小，百分比變動說明不了甚麼。"),
        "up_from_zero": lambda f: f"數據表計算{f['year']}年有{_cases(f['cur_n'])}，{f['prior_year']}年則沒有。",
        "down": lambda f: (f"數據表計算{f['year']}年有{_cases(f['cur_n'])}，少於{f['prior_year']}年的"
                           f"{_cases(f['prior_n'])}；基數如此之小，百分比變動說明不了甚麼。"),
        "flat": lambda f: f"數據表計算{f['year']}年有{_cases(f['cur_n'])}，與{f['prior_year']}年相同。",
        "no_prior": lambda f: (f"數據表計算{f['year']}年有{_cases(f['cur_n'])}；沒有{f['prior_year']}年的數字可作比較。"),
        "missing": "報告沒有列出{year}年的貪污案件數目。",
    },
    "gov.case_reading": {
        "referred": lambda f: (
            "數據表把這個數字列為針對公司或其僱員提出並已審結的貪污訴訟案件，即香港聯交所B7.1的用語。然而報告的敘述"
            f"把{f['year']}年的案件描述為公司發現、調查並已移交司法機關的涉嫌非公受賄，且沒有報告任何結果。移交並不等於"
            "審結：本書把這個數字理解為移交檢控的案件，而非已判決的案件。"),
        "comparative": lambda f: (
            f"{f['report_year']}年報告只在數據表中列出{f['year']}年的數字，標題同樣是已審結的訴訟案件；對{f['year']}年的"
            "案件別無說明：既沒有說明案件性質，也沒有說明如何處理或結果如何。"),
        "label_only": "數據表把這個數字列為已審結的案件；數據中沒有{year}年報告對案件性質或結果的說明。",
        "none": "數據表沒有報告{year}年的貪污案件。",
    },
    "gov.case_label": {
        "referred": "已移交司法機關（數據表標示為已審結；沒有報告結果）",
        "comparative": "數據表標示為已審結；別無說明",
        "label_only": "數據表標示為已審結；沒有報告結果",
        "none": "沒有報告",
    },
    "gov.compliance": {
        "figures": _compliance,
        "after_cases": lambda f: _compliance(f)[:-1] + "，並在調查後收緊了供應商准入及評分的審查。",
        "none": "報告沒有列出{year}年的接收禮品申報或清退供應商數字。",
    },
    "gov.training": {
        "counted": _training,
        "none": "報告沒有列出{year}年員工或董事的反貪污培訓。",
        "comparative": "{report_year}年報告只計算{report_year}年的誠信培訓；沒有{year}年員工或董事的培訓數字。",
    },
    "gov.board_training": {
        "not_reported": "這些是活動次數，而非受訓人數或培訓時數，報告亦沒有說明董事有否參與：香港聯交所B7.3所問的"
                        "董事會本身的反貪污培訓並未披露。",
    },
}

TEMPLATES["gov.board_refs"] = {
    "listed": "見{{numref}}`tbl-gov-board`、{{numref}}`tbl-gov-board-kpis`及{{numref}}`fig-gov-board-composition`"}
TEMPLATES["gov.corruption_reading"] = {"none": "報告沒有披露{year}年的貪污案件數目"}
