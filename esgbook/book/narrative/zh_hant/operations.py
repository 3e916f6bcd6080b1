"""第5章，責任運營：公司的營運統計；某年沒有相關數字時（'missing'）略去該句。"""


def _stated(text):
    return {"stated": text, "missing": ""}


TEMPLATES = {
    "ops.scope": {
        "year_only": "本章所有數字只屬{year}年：報告沒有{prior_year}年的比較數字，因此全部無法與上一年比較。",
        "with_prior": "數字屬{year}年；報告為其中{n_prior}個列出{prior_year}年的比較數字。",
        "none": "報告沒有列出本章任何{year}年的數字。",
        "comparative": "本版以{report_year}年報告的比較數字為依據，該報告只列出{report_year}年的營運統計：沒有{year}年的"
                       "數字，因此以下各節各只有一句說明。",
    },
    "ops.smb_model": _stated(
        "**小微金融**。在借款人中識別小微企業主的模型，小微識別模型整體AUC達{auc}（衡量模型區分企業主與其他借款人的"
        "能力），但報告沒有說明量度所用的樣本。模型找出{new_users}名公司過去未有標記的兼職及個體經營者，令已識別群體"
        "擴大了{growth}。"),
    "ops.smb_industry": _stated(
        "行業資訊現已涵蓋這些用戶的{coverage}，所依據的知識圖譜涵蓋{industries}個行業，並有{tagged}名用戶帶有行業標籤。"),
    "ops.telesales": _stated(
        "**智慧電銷**。借助大模型陪練機器人，通話時長增加了{duration}；自動化質檢覆蓋{qc}的通話，發現的問題多了"
        "{detection}；機器生成的話術有{scripts}被評為優質（優質話術生成率）。較長的通話被描述為更佳的體驗，但同時也是成本，"
        "報告沒有說明如何權衡。"),
    "ops.marketing": _stated(
        "**智慧行銷**。模型現時生成{image}的圖像素材及{video}的影片素材。客戶觸達規模增加了{reach}，線索識別準確率為"
        "{accuracy}，轉化率提升了{conversion}，授信成本下降了{credit_cost}。"),
    "ops.rnd": _stated(
        "**研發**。毓智AI編碼助手已在{blocks}個程式碼區塊中寫出{lines}行程式碼，約每塊{per_block}行，公司指其承擔了{share}的"
        "編碼工作。"),
    "ops.ai_caveat": _stated(
        "這些大多是沒有列出起點的變動（「增加了」、「下降了」），而比率的變動究竟是相對變動還是百分點亦不清楚。它們說明的"
        "是技術的方向多於規模（{{numref}}`tbl-ops-ai`）。"),
    "ops.case": _stated(
        "報告以一名借款人說明小微模型：一名作坊主的信用額度由{initial}提高至{raised}（增加了{increase}），年內借款"
        "{borrowings}次：這是個案，而非統計。"),
    "ops.platform": _stated(
        "自建數據平台報告的是速度與可靠性，而非數據量：新的查詢引擎令資源用量及等候時間減少{cost_cut}，{fast_share}的"
        "分析場景在{threshold}內返回結果，AI診斷{diagnosed}的系統異常，系統自行修復{self_healing}的失敗任務，服務水平協議"
        "（SLA）的達標率為{sla}（{{numref}}`tbl-ops-data-platform`）。SLA百分比須配合"
        "其目標及量度期間才有意義，而兩者都沒有列明。"),
    "ops.certifications": {
        "stated": "{year}年報告以認證（{certifications}）、有關數據安全及分類分級的內部規定，以及具備水印、私隱偵測及動態"
                  "脫敏功能的數據可信平台作為數據治理的基礎。",
        "missing": "",
    },
    "ops.data_crime": _stated(
        "**打擊數據違法行為**。公司處理了{apps}個仿冒360借條應用程式，發現{channels}個活躍的數據黑灰產交易渠道，調查了"
        "出售數據的{sellers}，並阻止了{loss}的數據洩露損失。公司監測了{platforms}個網站、網頁及應用程式，令{blocked}個"
        "仿冒網站及應用程式被封禁，並舉報了{posts}則冒充其客服的帖文及影片（{{numref}}`tbl-ops-data-security`）"
        "。損失數字如何估算並無說明。"),
    "ops.no_hacking": {
        "stated": "**應急回應**。{year}年報告指{year}年沒有因黑客攻擊或惡意軟件引致的事故。",
        "missing": "",
    },
    "ops.alerts": _stated(
        "公司計算向有受騙風險的用戶發出{alerts}次借款提醒及攔截，保障了{funds}的消費者資金：每次提醒約{per_alert}元，"
        "顯示大部分提醒屬例行提示，而非截停的詐騙。這些並非{{ref}}`customers-anti-fraud`所載的反詐騙數字，在不清楚兩者如何"
        "重疊之前，不應把它們相加。"),
    "ops.panshi": _stated(
        "**磐石行動**。在這次實戰攻防演練中，{attack}支攻擊隊伍與{defence}支防守隊伍對壘{days}，首{group_days}天為小組賽。"
        "公司的隊伍在防守方中排第{rank}位，位列最佳的{percentile}之內（{{numref}}`tbl-ops-data-security`）。"),
    "ops.argus": _stated(
        "申請{remote}以遙距方式辦理並電子簽署，{auto_approval}的授信審批自動完成，平均審批需時{approval_s}，提款需時"
        "{drawdown_s}。Argus運行{rules}條決策規則、{models}個機器學習模型及{features}個風險特徵，其自動化決策的準確率"
        "據稱為{accuracy}。"),
    "ops.argus_graph": _stated(
        "其反欺詐關係圖譜有{nodes}個節點及{edges}條邊，即每個節點約{per_node}條邊，每日運算{daily}次；繪出一度及二度關聯"
        "分別需時{first_ms}及{second_ms}（{{numref}}`tbl-ops-argus`）。"),
    "ops.loss_rates": _stated(
        "兩個損失指標須小心閱讀。欺詐損失率為{fraud_rate}，而偽冒及賬戶損失發生率為{impersonation}。兩者量度的是不同的"
        "東西，基數報告都沒有界定，因此無法互相核對。"),
    "ops.ip": _stated(
        "{year}年底，公司在中國及海外持有{trademarks}個註冊商標、{applications}項專利申請（其中{granted}項為授權專利）及"
        "{copyrights}項版權登記。報告在商標數字上方的小標題寫的是「專利保護」；該數字實際上關乎商標。"),
    "ops.ip_granted_share": {
        "exact": "授權專利是專利申請的一部分，而非另外新增：至今已有{share}的申請獲得授權。",
        "upper_bound": "授權專利是專利申請的一部分，而非另外新增：至今最多約有{share}的申請獲得授權；由於申請數目是"
                       "下限，這是一個上限。",
        "approximate": "授權專利是專利申請的一部分，而非另外新增：至今約有{share}的申請獲得授權，兩個數目都是約數。",
        "missing": "",
    },
    "ops.intro": {
        "chapter": "本章匯集報告有關業務背後技術的內容：應用於借貸、行銷及編碼的大模型、毓數大數據平台、數據安全、Argus風控"
                   "引擎，以及公司的專利及商標。這些數字是公司本身的營運統計，沒有說明方法或基準，單位亦各不相同（百分比、萬人、"
                   "億元、毫秒）。表格按報告原樣列出數字，包括報告的修飾語（「超過」、「約」、「低於」），每節一個表格。不同性質的"
                   "數字（服務水平協議達標率、轉化率、隊伍數目）不會互相排序比較。",
        "ai": "報告描述大模型在四方面的應用：在借款人中識別小微企業主、電話銷售、行銷及編寫程式碼。其數字大多是比率及變動。",
        "platform": "自建數據平台以速度及可靠性量度：查詢成本、回應時間、自動診斷及修復，以及服務水平協議（SLA）的達標時間"
                    "比例。",
        "security": "香港聯交所B6.5要求說明公司如何保障消費者資料及私隱。報告以認證及內部規定作答，並列出其對外行動的數字："
                    "打擊仿冒應用程式、數據販子及冒充客服，以及其應急回應。",
        "argus": "Argus是決定授信及篩查詐騙的引擎。報告以自動化程度、速度、規模及損失率量度它。香港聯交所B6.4詢問質量檢定"
                 "及回收程序；對借貸服務而言，引擎的數字是報告最接近前者的內容，而回收並不適用。",
        "ip": "香港聯交所B6.3詢問公司如何維護及保障知識產權。報告計算公司於年末所持有的：商標、專利申請及授權，以及版權。",
    },
    "ops.section_none": {
        "comparative": "沒有{year}年有關{what}的數字（見本章開首的說明）",
        "none": "數據所載的{year}年報告沒有列出有關{what}的數字",
        "no_longer": "{year}年的數據不再披露任何有關{what}的數字：{prior_year}年有{n_prior}項",
    },
    "ops.ip_entities": _stated(
        "集團在北京及上海共有{entities}家實體獲評為國家知識產權優勢企業（{{numref}}`tbl-ops-ip`）。"),
}
