"""第4章，數目以外：ESG匯報路線、股權架構，以及按僱員人數計算的案件。"""

TEMPLATES = {
    "goa.esg_line": {
        "via_as_needed": "ESG委員會向{first}匯報，再由其按需要把事項提交董事會：董事會沒有自己的定期ESG匯報路線，"
                         "其{n_committees}個委員會（{committees}）亦沒有一個以ESG命名",
        "via_as_needed_board_esg": "ESG委員會向{first}匯報，再由其按需要把事項提交董事會，但董事會的{n_committees}個"
                                   "委員會（{committees}）中有一個負責ESG",
        "via": "ESG委員會經{path}匯報，每一步均屬定期",
        "direct": "ESG委員會直接向董事會匯報",
        "no_board": "ESG委員會向{path}匯報；報告沒有描述由此通往董事會的路線",
        "no_committee": "報告沒有描述{year}年的ESG委員會",
    },
    "goa.shares": {
        "first_full": "自{date}公司在香港上市起，每股均附一票（具不同投票權的B類股份已按一對一轉換）：{year}年是"
                      "同股同權的第一個完整年度",
        "in_force": "自{date}起每股均附一票：至{year}年底，同股同權已實行{full_years}個完整年度",
        "during": "具不同投票權的B類股份於{year}年內的{date}轉換為每股一票的A類股份",
        "after": "同股同權於{year}年之後的{date}才實施",
        "none": "數據中沒有股權架構的變動",
    },
    "goa.cases_rate": {
        "up": "按每1,000名年末僱員計算，貪污案件由{prior_year}年的{prior}宗上升至{year}年的{cur}宗：案件數目變動"
              "{cases_change}，而僱員人數變動{heads_change}",
        "up_from_zero": "按每1,000名年末僱員計算，貪污案件由{prior_year}年的零宗上升至{year}年的{cur}宗",
        "down": "按每1,000名年末僱員計算，貪污案件由{prior_year}年的{prior}宗下降至{year}年的{cur}宗：案件數目變動"
                "{cases_change}，而僱員人數變動{heads_change}",
        "flat": "按每1,000名年末僱員計算，{year}年的貪污案件為{cur}宗，與{prior_year}年相同",
        "no_prior": "按每1,000名年末僱員計算，{year}年的貪污案件為{cur}宗",
        "missing": "{year}年的數據缺少貪污案件數目或可與之對照的僱員人數",
    },
    "goa.whistle": {
        "no_count": "僱員可透過電郵向道德委員會舉報不當行為，由其獨立調查；報告沒有披露收到的舉報數目或其結果，"
                    "因此貪污案件數目沒有以提出的關注作分母",
        "counted": "道德委員會於{year}年收到{count}宗舉報",
        "no_channel": "數據沒有描述{year}年的舉報渠道",
    },
}
