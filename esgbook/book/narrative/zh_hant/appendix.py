"""第9章，附錄：對賬結果的統計。"""


def _counts(f: dict) -> str:
    text = f"在核對的{f['published']}個已公佈數字中，{f['published_ok']}個一致"
    if f["checks"] != "0":
        text += (f"；在{f['checks']}項同一群體兩種分項之間的一致性核對中，{f['checks_bad']}項發現差異"
                 if f["checks_bad"] != "0" else f"；{f['checks']}項分項之間的一致性核對全部吻合")
    if f["sensitivities"] != "0":
        text += (f"。另有{f['sensitivities']}個排放數字以官方或預設排放因子重新計算，作為敏感度分析，與差異分開列示")
    return text


TEMPLATES = {"app.reconciliation": {"counts": _counts}}
