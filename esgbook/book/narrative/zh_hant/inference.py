"""推算核對：把已公佈的數字放在一起時所隱含的結論，每項附其假設。"""


def _leavers(f) -> str:
    """各個人數基數下的離職人數：年初、年內平均、年末。"""
    return (f"以年初人數（{f['start']}人）計約有{f['leavers_start_low']}至{f['leavers_start_high']}人離職，以年內平均"
            f"人數（{f['average']}人）計為{f['leavers_average_low']}至{f['leavers_average_high']}人，以年末人數"
            f"（{f['end']}人）計為{f['leavers_year_end_low']}至{f['leavers_year_end_high']}人")


TEMPLATES = {
    "inf.flows": {
        "grew": lambda f: (
            f"流失率公佈為{f['rate']}（即介乎{f['rate_low']}至{f['rate_high']}），加上僱員淨增加{f['net']}人（由"
            f"{f['start']}人增至{f['end']}人），視乎比率以哪個人數計算，意味着{f['year']}年" + _leavers(f)
            + f"，因此入職約{f['hires_low']}至{f['hires_high']}人：年末僱員中有{f['joined_low']}至{f['joined_high']}"
            "是年內加入的，凡以年末人數計算的培訓及留任數字都受此影響"),
        "shrank": lambda f: (
            f"流失率公佈為{f['rate']}（即介乎{f['rate_low']}至{f['rate_high']}），加上僱員淨減少{f['net']}人（由"
            f"{f['start']}人減至{f['end']}人），視乎比率以哪個人數計算，意味着{f['year']}年" + _leavers(f)
            + f"，因此入職約{f['hires_low']}至{f['hires_high']}人：年末僱員中有{f['joined_low']}至{f['joined_high']}"
            "是年內加入的"),
        "flat": lambda f: (
            f"僱員人數維持{f['end']}人不變，流失率公佈為{f['rate']}（即介乎{f['rate_low']}至{f['rate_high']}），意味着"
            f"{f['year']}年入職與離職人數相同：約{f['hires_low']}至{f['hires_high']}人，即年末僱員的{f['joined_low']}至"
            f"{f['joined_high']}"),
        "negative_hires": lambda f: (
            f"流失率公佈為{f['rate']}，無法解釋{f['year']}年僱員淨減少{f['net']}人（由{f['start']}人減至{f['end']}人）："
            f"無論以哪個人數計算，其隱含的離職人數（{_leavers(f)}）都少於流失的人數，可見該比率沒有計入部分離職"),
        "no_inputs": lambda f: (
            f"數據缺少{f['prior_year']}年的僱員人數，因此無法推算{f['year']}年的入職及離職人數"
            if f["only_prior"] == "1" else
            f"{f['year']}年的數據缺少流失率或{f['prior_year']}年的僱員人數，因此無法推算入職及離職人數"),
    },
    "inf.new_hires": {
        "undefined": "新入職僱員留任率{retention}沒有用於這些新入職者：報告沒有說明該比率追蹤哪一批新入職者、追蹤多久，"
                     "因此無法得知年內新入職者中有多少人離職",
        "no_inputs": "{year}年的數據缺少新入職僱員留任率，或缺少可與之對照的人員流動數字",
    },
    "inf.whole_numbers": {
        "some_fail": "在以年末人數核對的{tested}個分組比率中，有{failed}個不可能是其人數的佔比，因為沒有任何整數人數"
                     "能得出公佈的數字：{items}",
        "all_fit": "核對的{tested}個分組比率，每個都是其年末人數中的整數人數，因此都可能以年末人數計算",
        "no_inputs": "{year}年的數據沒有可與人數核對的分組比率",
    },
    "inf.whole_item": {
        "average_fits": "{year}年{headcount}名{group}僱員的{rate}是{people}人，但以年內平均人數計算則吻合",
        "no_base": "{year}年{headcount}名{group}僱員的{rate}是{people}人，數據中沒有任何人數基數吻合"
                   "（能得出{rate}的最小群體有{smallest}人）",
    },
    "inf.smb_users": {
        "side_by_side": "報告以兩種方法計算小微企業用戶，而兩者未必是同一群體：新識別用戶{new}、增長{growth}，意味着"
                        "{year}年已識別約{by_growth_low}至{by_growth_high}用戶；帶行業標籤的用戶{tagged}、覆蓋率"
                        "{coverage}，則意味着行業資訊覆蓋的用戶{by_coverage}。報告沒有說明已識別用戶與行業資訊覆蓋的"
                        "用戶是否同一群體，因此兩個數字不能互相比較",
        "growth_only": "新識別小微企業用戶{new}、增長{growth}，意味着{year}年已識別約{by_growth_low}至{by_growth_high}",
        "coverage_only": "帶行業標籤的小微企業用戶{tagged}、覆蓋率{coverage}，意味着{year}年行業資訊覆蓋的用戶"
                         "{by_coverage}",
        "no_inputs": "{year}年的數據沒有任何一種方法可計算已識別的小微企業用戶",
    },
    "inf.cumulative": {
        "within": "單是6.18備貨節已資助{event}家小微企業，佔公司成立以來服務的{total}小微企業用戶的{share}",
        "at_most": "單是6.18備貨節已資助{event}家小微企業：最多約佔公司成立以來服務的{total}小微企業用戶的{share}"
                   "（由於總數只是下限，這是上限）",
        "exceeds": "單是6.18備貨節已資助{event}家小微企業，多於累計服務的{total}小微企業用戶：兩個數字不可能描述"
                   "同一群體",
        "no_inputs": "{year}年的數據缺少單一活動的數字，或缺少其所屬的累計數字",
    },
    "inf.electricity_benchmark": {
        "below": "用電量折合每名僱員每年{per_head}，即每名僱員每個工作天{per_day}（以{days}個工作天計）：是一般辦公室"
                 "人員用電{typical}的{ratio}。以一般水平計算，報告的用電量約可供{covered}人使用，而非{heads}人，"
                 "顯示報告範圍比整體僱員為窄",
        "ordinary": "用電量折合每名僱員每年{per_head}，即每名僱員每個工作天{per_day}（以{days}個工作天計）：是一般"
                    "辦公室人員用電{typical}的{ratio}，屬正常水平",
        "above": "用電量折合每名僱員每年{per_head}，即每名僱員每個工作天{per_day}（以{days}個工作天計）：是一般辦公室"
                 "人員用電{typical}的{ratio}，數據機房可以解釋",
        "no_inputs": "{year}年的數據缺少用電量、僱員人數或辦公室基準",
    },
    "inf.electricity_heads": {
        "fell_as_staff_grew": "用電量變動{electricity}，而僱員人數變動{heads}，因此人均用電在一年內變動{per_head}。"
                              "節能措施很少能做到這個幅度；所涵蓋辦公室或用電計算方法的改變同樣可以解釋，而報告"
                              "沒有說明是哪一種",
        "rose_as_staff_shrank": "用電量變動{electricity}，而僱員人數變動{heads}，因此人均用電變動{per_head}；報告沒有"
                                "說明用電增加的原因",
        "same_way": "用電量（{electricity}）與僱員人數（{heads}）同向變動；人均變動為{per_head}",
        "one_flat": "用電量變動{electricity}，僱員人數變動{heads}；人均變動為{per_head}",
        "no_inputs": "數據缺少{year}年或{prior_year}年的用電量或僱員人數",
    },
    "inf.scope2_gap": {
        "more": "按官方電網排放因子{factor}計算，公佈的範圍2排放{scope2}需要{needed}的電力，是報告用電量{reported}"
                "的{ratio}倍（多出{extra}）：所用因子遠高於官方因子，或範圍2涵蓋了能源數字未有計入的電力",
        "less": "按官方電網排放因子{factor}計算，公佈的範圍2排放{scope2}只需要{needed}的電力，是報告用電量{reported}"
                "的{ratio}倍（少了{extra}）：所用因子低於官方因子，或部分電力被視為零排放",
        "equal": "按官方電網排放因子{factor}計算，公佈的範圍2排放{scope2}與報告的用電量{reported}吻合",
        "no_inputs": "{year}年的數據缺少範圍2排放、用電量或官方電網排放因子",
    },
    "inf.assumption": {
        "flows": "假設：離職人數為流失率乘以僱員人數（年初人數、年內平均人數或年末人數，報告沒有說明是哪一種），比率可為"
                 "其公佈數字四捨五入範圍內的任何數值；入職人數為淨變動加離職人數；人數取至最接近的十位",
        "new_hires": "假設：沒有；該比率雖有公佈但不予使用，因其所追蹤的新入職者及期間均未有界定",
        "whole_numbers": "假設：比率為整數人數除以人數，並按公佈的小數位四捨五入",
        "smb_users": "假設：增長指已識別用戶數目的增長，因此新增用戶為上一年數目的該百分比；覆蓋率為其所覆蓋用戶中帶行業"
                     "標籤的比例",
        "cumulative": "假設：備貨節資助的企業屬已服務的小微企業用戶",
        "electricity_benchmark": "假設：`data/benchmarks.csv`中的一般辦公室數字（每平方米用電量乘以每名僱員的辦公面積）"
                                 "適用於中國的辦公室",
        "electricity_heads": "假設：兩年的用電量及僱員人數涵蓋相同的辦公室",
        "scope2_gap": "假設：範圍2為按當年國家排放因子計算的電網電力",
    },
}
