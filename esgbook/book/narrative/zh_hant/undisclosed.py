"""第10章，報告未披露的事項：登記冊各項狀態的概覽。"""

TEMPLATES = {
    "gap.reason": {
        "assessed": "{reason}",
        "qualified": "部分披露：{finding}",
        "not_assessed": "{year}年未作評估：登記冊評估的是{assessed}年報告的敍述",
        "some_data": "{year}年的數據缺少{missing}",
        "no_data": "{year}年的數據沒有{missing}",
    },
    "gap.dropped": {
        "one": "數據中有{prior_year}年的一項數字在{year}年不再披露：{names}",
        "some": "數據中有{prior_year}年的{count}項數字在{year}年不再披露：{names}",
        "many": "數據中有{prior_year}年的{count}項數字在{year}年不再披露，包括{names}（本版的版本比較頁列出只在部分年度披露的全部數字）",
    },
    "gap.summary": {
        "mixed": "在{framework_name}登記冊的{items}個項目中，{year}年版披露{disclosed}個，部分披露{partly}個，"
                 "未有披露{not_disclosed}個",
        "all_disclosed": "{year}年版披露了{framework_name}登記冊全部{items}個項目",
        "none_disclosed": "{year}年版沒有披露{framework_name}登記冊{items}個項目中的任何一個",
        "mixed_unassessed": ("在{framework_name}登記冊的{items}個項目中，{year}年版披露{disclosed}個，部分披露{partly}個，"
                             "未有披露{not_disclosed}個；另有{not_assessed}個只能由報告敘述披露，而{year}年的報告敘述未經評估"),
        "all_disclosed_unassessed": "{year}年版披露了{framework_name}登記冊全部{items}個項目",
        "none_disclosed_unassessed": ("在{framework_name}登記冊的{items}個項目中，{year}年的數據一個也沒有披露，未有披露"
                                      "{not_disclosed}個；另有{not_assessed}個只能由報告敘述披露，而{year}年的報告敘述未經評估"),
    },
    "gap.climate": {
        "some_supported": "就2025財政年度起適用的香港聯交所氣候規定，{year}年的數據已可支持{supported}。"
                          "{n_items}個項目中欠缺{n_missing}個：{missing}",
        "none_supported": "{year}年的數據未能支持任何一項2025財政年度起適用的香港聯交所氣候指標；{n_items}個項目中"
                          "欠缺{n_missing}個：{missing}",
    },
    "gap.lender": {
        "missing": "在評價助貸機構所用的SASB數字中，{year}年版沒有提供以下{n}項中的任何一項：{items}",
        "none_missing": "{year}年版提供了登記冊所列的每一項SASB消費金融數字",
    },
}
