"""Chapter 4, governance: the board, the independent-director floor, corruption cases, training."""


def _cases(n: str) -> str:
    """'no case', '1 case', '2 cases' (n is the formatted count)."""
    return "no case" if n == "0" else f"{n} case" if n == "1" else f"{n} cases"


def _they(n: str) -> tuple[str, str]:
    return ("it", "was") if n == "1" else ("they", "were")


def _floor(shape: str):
    def write(f: dict) -> str:
        gap = f["gap"].lstrip("+−±")
        return {"above": f"That is {gap} above the floor of one third ({f['floor']}) that the Hong Kong listing rules "
                         "set for independent non-executive directors.",
                "at": f"That is exactly the floor of one third ({f['floor']}) that the Hong Kong listing rules set "
                      "for independent non-executive directors.",
                "below": f"That is {gap} below the floor of one third ({f['floor']}) that the Hong Kong listing "
                         "rules set for independent non-executive directors."}[shape]
    return write


def _executives(f: dict) -> str:
    chair = {"not_independent": "The chair is not independent", "independent": "The chair is independent",
             "not_named": "The list names no chair"}[f["chair"]]
    if f["executives"] == "0":
        return f"{chair}, and no director holds executive office."
    them = "director also holds" if f["executives"] == "1" else "directors also hold"
    return (f"{chair}, and {f['executives']} {them} executive office ({f['roles']}), so management has a direct "
            "voice in the boardroom alongside the independent members.")


def _compliance(f: dict) -> str:
    parts = []
    if "gifts" in f:
        parts.append(f"recorded {f['gifts']} gift declarations (接收禮品申報) under its gift-acceptance rules")
    if "removed" in f:
        parts.append(f"removed {f['removed']} problem suppliers (清退有問題供應商)")
    return "In " + f["year"] + " the company " + " and ".join(parts) + "."


def _training(f: dict) -> str:
    parts = []
    if "emails" in f:
        parts.append(f"{f['emails']} integrity comic e-mails (誠信漫畫宣傳郵件) sent to all staff")
    if "certification" in f:
        parts.append(f"{f['certification']} annual integrity-values certification with an online test "
                     "(價值觀年度認證培訓)")
    if "new_hire" in f:
        parts.append(f"{f['new_hire']} sessions on the anti-fraud rules for new employees (《反舞弊制度體系》培訓)")
    text = ""
    if parts:
        text = f"The report counts {_join(parts)} in {f['year']}."
    if "partners" in f:
        text += (f" Outside the company, the integrity message reached {f['partners']} partners and suppliers "
                 "at the national supplier conference.")
    return text.strip()


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else "; ".join(items[:-1]) + " and " + items[-1]


TEMPLATES = {
    "gov.scope": {
        "own": lambda f: (f"Of this chapter's figures for {f['year']}, only {f['with_prior']} "
                          f"{'has' if f['n_with_prior'] == '1' else 'have'} a {f['prior_year']} comparative."),
        "own_no_prior": "None of this chapter's figures for {year} has a {prior_year} comparative.",
        "comparative": lambda f: (
            f"This edition is built from the comparative figures of the {f['report_year']} report, which has no "
            f"board, policies, cases or training of {f['year']} to describe. Of this chapter's figures, only "
            f"{f['available']} {'is' if f['n_available'] == '1' else 'are'} given for {f['year']}."),
        "comparative_none": "This edition is built from the comparative figures of the {report_year} report, which "
                            "gives none of this chapter's figures for {year}.",
    },
    "gov.board": {
        "listed": "The board has {directors} directors (董事), of whom {independent} are independent (獨立董事), "
                  "a share of {share}.",
        "not_listed_comparative": "The {report_year} report lists its directors at the end of {report_year} only, "
                                  "so this edition has no board composition for {year}.",
        "not_listed": "The report lists no directors for {year}, so this edition has no board composition.",
    },
    "gov.ined_floor": {"above": _floor("above"), "at": _floor("at"), "below": _floor("below")},
    "gov.board_check": {
        "match": "The counts the report's text states match the list of directors.",
        "mismatch": "The report's text states {published} where the list of directors gives {counted}.",
        "no_published": "The report's text states no head counts to check the list against.",
    },
    "gov.executives": {"listed": _executives},
    "gov.board_period": {
        "one_year": "The report gives the board at the end of {year} only, so nothing here can be compared with a "
                    "prior year.",
    },
    "gov.gender": {
        "no_women": "No woman sits on the board: it is single-gender, which the exchange no longer accepts.",
        "no_men": "Every director is a woman: the board is single-gender, which the exchange no longer accepts.",
        "far_from_parity": "Women hold {female} of the {directors} seats ({share}): the board is not single-gender, "
                           "which the exchange no longer accepts, but it is far from parity.",
        "near_parity": "Women hold {female} of the {directors} seats ({share}), close to parity.",
    },
    "gov.ages": {
        "one_band": "Ages run from {youngest} to {oldest} with a median of {median}; the largest ten-year age band "
                    "is {band}, with {band_count} of the {directors} directors.",
        "tied_bands": "Ages run from {youngest} to {oldest} with a median of {median}; the largest ten-year age "
                      "bands are {band}, with {band_count} directors each.",
    },
    "gov.policies": {
        "stated": "The {year} report describes a compliance department that runs day-to-day reviews and keeps a "
                  "register of compliance risks, and says that the company revised its {revised} in {year}. Staff "
                  "can report breaches by e-mail to an ethics committee, which investigates independently.",
        "not_held": "The data hold no statement of the {year} report on the company's anti-corruption rules or its "
                    "whistle-blowing channel.",
        "comparative": "The policies, rules and whistle-blowing channel the {report_year} report describes are those "
                       "of {report_year}; this edition has none of its own for {year}.",
    },
    "gov.cases": {
        "up": lambda f: (f"The data table counts {_cases(f['cur_n'])} in {f['year']}, against "
                         f"{_cases(f['prior_n'])} in {f['prior_year']}; on so small a base a percentage change "
                         "says little."),
        "up_from_zero": lambda f: (f"The data table counts {_cases(f['cur_n'])} in {f['year']}, against none in "
                                   f"{f['prior_year']}."),
        "down": lambda f: (f"The data table counts {_cases(f['cur_n'])} in {f['year']}, down from "
                           f"{_cases(f['prior_n'])} in {f['prior_year']}; on so small a base a percentage change "
                           "says little."),
        "flat": lambda f: (f"The data table counts {_cases(f['cur_n'])} in {f['year']}, as in {f['prior_year']}."),
        "no_prior": lambda f: (f"The data table counts {_cases(f['cur_n'])} in {f['year']}; it gives no "
                               f"{f['prior_year']} figure to compare with."),
        "missing": "The report gives no count of corruption cases for {year}.",
    },
    # One reading of B7.1 for the whole book (the opening page reuses it).
    "gov.case_reading": {
        "referred": lambda f: (
            f"The data table heads this count as cases brought against the company or its employees and concluded "
            f"(已審結), the wording of HKEX B7.1. The report's narrative, however, describes the {f['year']} cases "
            f"as suspected commercial bribery (涉嫌非公受賄) that the company found, investigated and referred to "
            "the judicial authorities (已移交司法機關), and it reports no outcome. A referral is not a concluded "
            "case: this book reads the figure as cases referred for prosecution, not cases decided."),
        "comparative": lambda f: (
            f"The {f['report_year']} report gives the {f['year']} figure only in its data table, under the same "
            f"heading of cases brought and concluded (已審結); it says nothing else about the {f['year']} "
            f"{'case' if f['cur_n'] == '1' else 'cases'}: not what {' '.join(_they(f['cur_n']))}, how "
            f"{_they(f['cur_n'])[0]} {_they(f['cur_n'])[1]} handled or how {_they(f['cur_n'])[0]} ended."),
        "label_only": "The data table heads this count as cases brought and concluded (已審結); the data hold no "
                      "account of the {year} report on what the cases were or how they ended.",
        "none": "The data table reports no corruption case for {year}.",
    },
    "gov.case_label": {
        "referred": "referred to the judicial authorities (labelled 已審結, concluded, in the data table; no outcome "
                    "reported)",
        "comparative": "labelled 已審結 (concluded) in the data table; not otherwise described",
        "label_only": "labelled 已審結 (concluded) in the data table; no outcome reported",
        "none": "none reported",
    },
    "gov.compliance": {
        "figures": _compliance,
        "after_cases": lambda f: _compliance(f)[:-1] + " after the investigations, and tightened its checks on how "
                                                       "suppliers are admitted and scored.",
        "none": "The report gives no figures of gift declarations or supplier removals for {year}.",
    },
    "gov.training": {
        "counted": _training,
        "none": "The report gives no anti-corruption training of staff or directors for {year}.",
        "comparative": "The {report_year} report counts its integrity training for {report_year} only; there are no "
                       "training figures, for staff or directors, for {year}.",
    },
    "gov.board_training": {
        "not_reported": "These are counts of activities, not of people trained or hours spent, and the report does "
                        "not say whether the directors took part: the board's own anti-corruption training, which "
                        "HKEX B7.3 asks about, is not disclosed.",
    },
}

TEMPLATES["gov.board_refs"] = {
    "listed": "See {{numref}}`tbl-gov-board`, {{numref}}`tbl-gov-board-kpis` and {{numref}}`fig-gov-board-composition`"}
TEMPLATES["gov.corruption_reading"] = {"none": "The report gives no count of corruption cases for {year}"}
