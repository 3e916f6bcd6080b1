"""Chapter 9, appendix: the reconciliation counted."""


def _counts(f: dict) -> str:
    text = (f"Of the {f['published']} published figures checked, {f['published_ok']} "
            f"{'is' if f['published_ok'] == '1' else 'are'} consistent")
    if f["checks"] != "0":
        text += (f"; of the {f['checks']} consistency checks between two breakdowns of the same population, "
                 f"{f['checks_bad']} find a discrepancy" if f["checks_bad"] != "0" else
                 f"; the {f['checks']} consistency checks between breakdowns all agree")
    if f["sensitivities"] != "0":
        text += (f". {f['sensitivities']} emission figure{'s are' if f['sensitivities'] != '1' else ' is'} also "
                 "recomputed with an official or default factor as a sensitivity, shown apart from the "
                 "discrepancies")
    return text


TEMPLATES = {"app.reconciliation": {"counts": _counts}}
