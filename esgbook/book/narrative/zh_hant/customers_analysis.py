"""第6章，比率以外：以每年接觸次數理解服務比率，以及欠缺的投訴數目。"""

TEMPLATES = {
    "cua.contacts": {
        "first_contact_resolution_pct": "若一次性解決率{rate}按每次諮詢量度，以每日{per_day}次諮詢計算，每日約有"
                                        "{daily}次、以{days}天計全年約{yearly}次接觸需要多於一次聯絡",
        "customer_satisfaction_pct": "若滿意度{rate}同樣按每次諮詢量度，則每日約有{daily}次接觸（{share}）、全年約"
                                     "{yearly}次未能令用戶滿意。未令用戶滿意的接觸並不等於投訴，因此這並不能說明有多少"
                                     "宗投訴",
    },
    "cua.baseline": {
        "no_count": "報告沒有披露{year}年向監管機構或公司提出的投訴數目，因此這些比率沒有可供比較的基線",
        "counted": "報告指{year}年有{complaints}宗投訴",
        "nothing": "{year}年的數據既沒有服務比率，也沒有投訴數目",
    },
}
