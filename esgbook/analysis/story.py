"""The edition's story: its key findings, computed once, ranked, and read by every page.

A key finding is one claim about the edition's data that a reader should know. It has an id, a kind
(discrepancy, inference, sensitivity, gap, trend, status), a severity a reader can rank by (3: the report
cannot be right as printed; 2: material; 1: minor), the chapter and label that hold its evidence, the
metrics it rests on, the uncertainty it carries, and its words in each language (the 'story.<id>'
templates of `esgbook.book.narrative`). The opening page leads with the ranked list, each chapter opens with
its own, and the content index, the gaps register and the compared page read the same findings, so no
two pages can state a claim two ways.

The Scope 2 factor test lives here too (`grid_test`): the environment chapter words it in full, the
opening page in one sentence, both from the same numbers.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module

import pandas as pd

from esgbook.analysis import kpis, reconcile
from esgbook.analysis.findings import name
from esgbook.book import narrative
from esgbook.book.narrative import Finding, Md, Q
from esgbook.book.narrative.bilingual import Bilingual
from esgbook.book.sections import CHAPTERS, governance
from esgbook.inputs.dataset import Dataset
from esgbook.inputs.errors import DataError

KINDS = ("discrepancy", "inference", "sensitivity", "gap", "trend", "status")
# The grid factors a location-based Scope 2 may use: the average factors of a grid (national, regional,
# provincial). The fossil-only factor is no Scope 2 factor: it is context (the ceiling of a grid with no
# clean power), never an end of the range.
CONTEXT_VARIANTS = {"fossil sources only"}
# A change of an implied factor smaller than this is rounding, not a finding (%).
FACTOR_MOVE_PCT = 10.0
# A published figure off by more than this share of itself is a material misprint, not a slip (%).
MATERIAL_GAP_PCT = 1.0
# The headcount moved enough to drive every per-employee intensity (%).
DENOMINATOR_MOVE_PCT = 10.0
# A move is material when it is at least this large (%) ...
MATERIAL_MOVE_PCT = 10.0
# ... and both years' figures are at least this many units of their last printed digit: 1 to 2 cases or
# 0.01 to 0.04 t is no trend, whatever its percentage.
MATERIAL_BASE_UNITS = 20
# The report's boundary is the Shanghai headquarters and its branches (MDR.3): the grid of its home.
HEADQUARTERS = "Shanghai"


@dataclass(frozen=True)
class KeyFinding:
    id: str
    kind: str
    severity: int
    chapter: str            # the chapter file (stem) holding the evidence
    target: str             # the label (section) of that evidence
    finding: Finding        # the words: topic 'story.<id>', its case, its facts
    rests_on: tuple[str, ...] = ()     # metric ids
    uncertainty: str = ""   # what the inputs' rounding or hedges do to the claim
    qualifies: tuple[str, ...] = ()    # register items (data/disclosure_register.csv codes) it bears on
    extra: dict = field(default_factory=dict, compare=False)   # numbers other pages read (counts)

    def sentence(self) -> str:
        return narrative.sentence(narrative.write(self.finding))


def _v(ds: Dataset, metric: str, year: int | None = None) -> float | None:
    try:
        return ds.value(metric, year)
    except DataError:
        return None


def _kpi(ds: Dataset, kpi_id: str, year: int) -> float | None:
    return kpis.compute(ds, kpi_id, year)


def _pct(cur: float | None, prior: float | None) -> float | None:
    """The change on the prior year in % (kpis.yoy), None without both years or from zero."""
    return kpis.yoy(cur, prior)[0]


# -- the Scope 2 grid factor --------------------------------------------------------------------------
def grid_factors(ds: Dataset, year: int) -> pd.DataFrame:
    ef = ds.table("emission_factors")
    return ef[(ef["scope"] == "grid") & (ef["applies_to_year"] == year) & (ef["unit"] == "tCO2/MWh")]


def grid_test(ds: Dataset, year: int) -> dict | None:
    """The grid factor the year's published Scope 2 and electricity imply, against every location-based
    factor held for the year (national, regional, provincial) and, as context, the fossil-only factor.
    Both inputs are printed to two decimals or better, so the implied factor is good to the fourth decimal."""
    implied = _kpi(ds, "scope2_implied_factor", year)
    if implied is None:
        return None
    grid = grid_factors(ds, year)
    located = grid[~grid["variant"].isin(CONTEXT_VARIANTS)]
    context = grid[grid["variant"].isin(CONTEXT_VARIANTS)]
    out = {"year": year, "implied": implied, "count": len(located), "regions": int((located["region"] != "national").sum())}
    sensitivity = kpis.factor(ds, year, "grid")
    if sensitivity is not None:
        out["official"] = float(sensitivity["value"])
        out["times"] = implied / float(sensitivity["value"])
    if not located.empty:
        hi, lo = located.loc[located["value"].idxmax()], located.loc[located["value"].idxmin()]
        out |= {"high": float(hi["value"]), "high_row": hi, "low": float(lo["value"]), "low_row": lo}
        home = located[located["region"] == HEADQUARTERS]
        if not home.empty:
            out["home"], out["home_row"] = float(home["value"].iloc[0]), home.iloc[0]
    if not context.empty:
        out["fossil"] = float(context["value"].max())
    r = round(implied, 4)
    if located.empty:
        out["case"] = "no_range"
    elif r > round(out["high"], 4):
        out["case"] = "above_fossil" if "fossil" in out and r > round(out["fossil"], 4) else "above_all"
    elif r < round(out["low"], 4):
        out["case"] = "below_all"
    else:
        out["case"] = "within"
    return out


def _region(row) -> Finding:
    """A factor's grid by its name in each language (data/emission_factors.csv region, region_zh)."""
    if row["region"] == "national":
        return name("the national grid", "全國電網")
    provincial = "provincial" in row["variant"]
    return name(f"{row['region']}, {'provincial' if provincial else 'regional'}",
                f"{row['region_zh']}（{'省級' if provincial else '區域'}）")


def scope2(ds: Dataset) -> KeyFinding | None:
    test = grid_test(ds, ds.year)
    if test is None or test["case"] == "no_range":
        return None
    facts = {"year": str(ds.year), "implied": Q(test["implied"], 4, "tCO2/MWh"), "count": str(test["count"]),
             "high": Q(test["high"], 4), "high_region": _region(test["high_row"])}
    if "official" in test:
        facts |= {"official": Q(test["official"], 4), "times": Q(test["times"], 1)}
    if "fossil" in test:
        facts["fossil"] = Q(test["fossil"], 4)
    if "home" in test:
        facts |= {"home": Q(test["home"], 4),
                  "home_name": name(test["home_row"]["region"], test["home_row"]["region_zh"])}
    prior = grid_test(ds, ds.year - 1)
    if prior is not None and prior["case"] not in ("no_range",) and prior["case"] != test["case"]:
        facts |= {"prior_year": str(ds.year - 1), "prior_implied": Q(prior["implied"], 4),
                  "prior_case": Finding("story.scope2_prior", prior["case"], {})}
        case = f"{test['case']}_prior_differs"
    else:
        case = test["case"]
    case = case if "official" in test else case + "_no_official"
    severity = {"above_fossil": 3, "above_all": 2}.get(test["case"], 1)
    return KeyFinding("scope2", "inference", severity, "08_environment", "env-scope2-factor",
                      Finding("story.scope2", case, facts), ("ghg_scope2_t", "electricity_mwh"),
                      "implied factor from figures printed to two decimals: good to the fourth decimal")


# -- the Scope 1 fuel factor --------------------------------------------------------------------------
def scope1(ds: Dataset) -> KeyFinding | None:
    y = ds.year
    cur, prior = _kpi(ds, "scope1_implied_factor", y), _kpi(ds, "scope1_implied_factor", y - 1)
    move = _pct(cur, prior)
    if move is None or abs(move) < FACTOR_MOVE_PCT:
        return None
    fuel, fuel_prior = _v(ds, "gasoline_mwh", y), _v(ds, "gasoline_mwh", y - 1)
    s1, s1_prior = _v(ds, "ghg_scope1_t", y), _v(ds, "ghg_scope1_t", y - 1)
    default = _kpi(ds, "gasoline_factor_ipcc", y)
    facts = {"year": str(y), "prior_year": str(y - 1), "cur": Q(cur, 4, "tCO2/MWh"), "prior": Q(prior, 4, "tCO2/MWh"),
             "move": Q(abs(move), 0, "%"),
             "fuel_move": narrative.Change(_pct(fuel, fuel_prior)), "scope1_move": narrative.Change(_pct(s1, s1_prior))}
    if default is not None:
        facts["default"] = Q(default, 4, "tCO2/MWh")
        side = lambda v: "above" if round(v, 4) > round(default, 4) else "below" if round(v, 4) < round(default, 4) else "at"  # noqa: E731
        facts["sides"] = Finding("story.scope1_sides", f"{side(prior)}_{side(cur)}", {"default": facts["default"]})
    case = ("rose" if move > 0 else "fell") + ("" if default is not None else "_no_default")
    return KeyFinding("scope1", "inference", 2, "08_environment", "env-scope2-factor",
                      Finding("story.scope1", case, facts), ("ghg_scope1_t", "gasoline_mwh"))


# -- the reconciliation: breakdowns that cannot both hold, figures not reproduced ----------------------
CHECK_SEVERITY = {"trained_share_pct": 3}
# Two breakdowns further apart than this share of the published figure are a material disagreement (%).
CHECK_MATERIAL_PCT = 5.0
CHECK_WHERE = {"trained_share_pct": ("07_people", "people-training"),
               "training_hours_avg": ("07_people", "people-training"),
               "turnover_rate_pct": ("07_people", "people-turnover")}


def breakdowns(ds: Dataset) -> list[KeyFinding]:
    out = []
    for r in reconcile.check_rows(ds, ds.year):
        if r["status"] != "discrepancy":
            continue
        chapter, target = CHECK_WHERE.get(r["metric"], ("09_appendix", "appendix-reconciliation"))
        decimals = 2 if r["unit"] == "hours/employee" else 1
        first, second = r["compares"].split("|")
        # the published side keeps the decimals the report printed (a total printed as 20% is 19.5-20.5%)
        printed = reconcile.printed_decimals(r["published"], None) if r["metric"] == "turnover_rate_pct" else decimals
        gap = abs(r["difference"]) / abs(r["published"]) * 100 if r["published"] else 100.0
        severity = CHECK_SEVERITY.get(r["metric"], 2 if gap > CHECK_MATERIAL_PCT else 1)
        facts = {"year": str(ds.year), "a": Q(r["published"], printed, r["unit"]),
                 "b": Q(r["recomputed"], decimals, r["unit"]), "employees": Q(_v(ds, "employees"), 0),
                 "first": Finding("story.breakdown", first, {}), "second": Finding("story.breakdown", second, {})}
        out.append(KeyFinding(f"check_{r['metric']}_{second}", "discrepancy", severity,
                              chapter, target, Finding("story.check", r["metric"], facts), (r["metric"],),
                              "each published share is rounded; the gap exceeds the rounding of every input"))
    return out


PUBLISHED_WHERE = {"environment": ("08_environment", "env-intensities"), "workforce": ("07_people", "people-workforce")}


def misprints(ds: Dataset) -> list[KeyFinding]:
    out = []
    for r in reconcile.published_rows(ds, ds.year):
        if r["status"] != "discrepancy":
            continue
        info = ds.metric_info[r["metric"]]
        gap = abs(r["difference"]) / abs(r["recomputed"]) * 100 if r["recomputed"] else 100.0
        material = gap > MATERIAL_GAP_PCT
        decimals = reconcile.printed_decimals(r["published"], info["decimals"])
        chapter, target = PUBLISHED_WHERE.get(info["chapter"], ("09_appendix", "appendix-reconciliation"))
        facts = {"year": str(ds.year), "name": metric_name(ds, r["metric"], first_lower=True),
                 "published": Q(r["published"], decimals, r["unit"]),
                 "recomputed": Q(r["recomputed"], decimals, r["unit"]), "gap": Q(gap, 1 if gap < 10 else 0, "%")}
        out.append(KeyFinding(f"misprint_{r['metric']}", "discrepancy", 2 if material else 1, chapter, target,
                              Finding("story.misprint", "material" if material else "slip", facts), (r["metric"],)))
    return out


# -- governance and data security ---------------------------------------------------------------------
def corruption(ds: Dataset) -> KeyFinding | None:
    reading = governance.corruption_reading(ds)  # the chapter holds the one reading of the count
    if reading is None or reading.case not in ("referred",):
        return None
    return KeyFinding("corruption", "status", 2, "04_governance", "governance-compliance",
                      Finding("story.corruption", reading.case, {"count": Q(_v(ds, "corruption_cases"), 0),
                                                                 "year": str(ds.year)}),
                      ("corruption_cases",))


def data_security(ds: Dataset) -> KeyFinding | None:
    """'No security accident' beside data-leak losses stopped and data sellers caught: not 'no breach'."""
    accidents, losses = _v(ds, "cyber_security_incidents"), _v(ds, "data_leak_loss_prevented_cny100m")
    sellers = _v(ds, "data_sellers_investigated")
    if accidents is None or accidents != 0 or (losses is None and sellers is None):
        return None
    facts = {"year": str(ds.year)}
    if losses is not None:
        row = ds.row("data_leak_loss_prevented_cny100m")
        facts["losses"] = Q(losses, 1, "CNY 100m", row["qualifier"] or "")
    if sellers is not None:
        row = ds.row("data_sellers_investigated")
        facts["sellers"] = Q(sellers, 0, "persons", row["qualifier"] or "")
    case = "both" if losses is not None and sellers is not None else "losses" if losses is not None else "sellers"
    return KeyFinding("data_security", "gap", 2, "05_operations", "operations-data-security",
                      Finding("story.data_security", case, facts),
                      ("cyber_security_incidents", "data_leak_loss_prevented_cny100m", "data_sellers_investigated"),
                      qualifies=("FN-CF-230a.1",))


def breach_disclosed(ds: Dataset) -> bool:
    """Whether the data let 'no breach' stand (read by the gaps register for SASB FN-CF-230a.1)."""
    return data_security(ds) is None


# -- the denominator ----------------------------------------------------------------------------------
def denominator(ds: Dataset) -> KeyFinding | None:
    y = ds.year
    move = _pct(_v(ds, "employees", y), _v(ds, "employees", y - 1))
    if move is None or abs(move) < DENOMINATOR_MOVE_PCT:
        return None
    pairs = (("energy_mwh", "energy_per_employee_mwh"), ("water_t", "water_per_employee_t"),
             ("ghg_total_t", "ghg_per_employee_t"))
    moves = []
    for total, per in pairs:
        pair = _pct(_kpi(ds, total, y), _kpi(ds, total, y - 1)), _pct(_kpi(ds, per, y), _kpi(ds, per, y - 1))
        if None not in pair:
            moves.append(pair)
    if not moves:
        return None
    totals = [m[0] for m in moves]
    pers = [m[1] for m in moves]
    facts = {"year": str(y), "heads": narrative.Change(move).size(), "per_low": Q(min(abs(x) for x in pers), 0, "%"),
             "per_high": Q(max(abs(x) for x in pers), 0, "%"),
             "total_low": narrative.Change(min(totals), decimals=0), "total_high": narrative.Change(max(totals), decimals=0)}
    all_per_fell = all(x < 0 for x in pers)
    case = ("grew_intensities_fell" if move > 0 and all_per_fell else
            "shrank_intensities_rose" if move < 0 and all(x > 0 for x in pers) else "mixed")
    if case == "mixed":
        return None
    return KeyFinding("denominator", "trend", 2, "08_environment", "env-intensities",
                      Finding("story.denominator", case, facts), ("employees",))


# -- trends: what moved materially --------------------------------------------------------------------
def material_move(cur: float | None, prior: float | None, decimals: int, unit: str) -> float | None:
    """The change in % when it is material (see MATERIAL_MOVE_PCT and MATERIAL_BASE_UNITS), else None.
    Rates and shares (%) are left out: their moves are in points and each chapter words them."""
    if cur is None or prior is None or unit == "%" or not prior:
        return None
    unit_size = 10 ** -decimals
    if min(abs(cur), abs(prior)) < MATERIAL_BASE_UNITS * unit_size:
        return None
    move = (cur - prior) / abs(prior) * 100
    return move if abs(move) >= MATERIAL_MOVE_PCT else None


CHAPTER_OF_METRICS = {"environment": "08_environment", "governance": "04_governance", "operations": "05_operations",
                      "customers": "06_customers_suppliers", "people": "07_people", "highlights": "03_highlights"}
TREND_TARGET = {"08_environment": "env-energy", "04_governance": "governance-compliance",
                "05_operations": "operations-ai", "06_customers_suppliers": "suppliers-by-region",
                "07_people": "people-workforce", "03_highlights": "highlights-figures"}
TRENDS_PER_CHAPTER = 2
# The environment chapter's section of a metric, by the word its id carries.
ENV_SECTIONS = (("waste", "env-waste"), ("water", "env-water"), ("ghg", "env-ghg"))


def _target(chapter: str, metric: str) -> str:
    if chapter == "08_environment":
        return next((label for word, label in ENV_SECTIONS if word in metric), "env-energy")
    return TREND_TARGET[chapter]


def trends(ds: Dataset) -> list[KeyFinding]:
    """Each chapter's largest material moves of raw totals on the prior year (at most two a chapter)."""
    y = ds.year
    by_chapter: dict[str, list[tuple[float, str]]] = {}
    for metric, info in ds.metric_info.items():
        if info["kind"] != "raw" or info["chapter"] not in CHAPTER_OF_METRICS:
            continue
        cur, prior = _v(ds, metric, y), _v(ds, metric, y - 1)
        if cur is None or prior is None:
            continue
        decimals = reconcile.printed_decimals(float(cur), info["decimals"])
        move = material_move(cur, prior, decimals, info["unit"])
        if move is not None:
            by_chapter.setdefault(CHAPTER_OF_METRICS[info["chapter"]], []).append((move, metric))
    out = []
    for chapter, moves in by_chapter.items():
        for move, metric in sorted(moves, key=lambda m: -abs(m[0]))[:TRENDS_PER_CHAPTER]:
            info, row, prior_row = ds.metric_info[metric], ds.row(metric, y), ds.row(metric, y - 1)
            d = max(reconcile.printed_decimals(float(row["value"]), info["decimals"]),
                    reconcile.printed_decimals(float(prior_row["value"]), info["decimals"]))
            facts = {"year": str(y), "prior_year": str(y - 1), "name": metric_name(ds, metric),
                     "cur": Q(float(row["value"]), d, info["unit"], row["qualifier"] or ""),
                     "prior": Q(float(prior_row["value"]), d, info["unit"], prior_row["qualifier"] or ""),
                     "change": narrative.Change(move, decimals=0).size()}
            out.append(KeyFinding(f"trend_{metric}", "trend", 1, chapter, _target(chapter, metric),
                                  Finding("story.trend", "up" if move > 0 else "down", facts), (metric,)))
    return out


# -- what the year no longer discloses ----------------------------------------------------------------
def dropped_metrics(ds: Dataset) -> dict[str, list[str]]:
    """Chapter -> the metrics the prior year's data hold and this year's do not (any breakdown)."""
    y = ds.year
    if y - 1 not in ds.years:
        return {}
    out: dict[str, list[str]] = {}
    for metric, info in ds.metric_info.items():
        years = ds.years_of(metric)
        if y - 1 in years and y not in years and info["chapter"] in CHAPTER_OF_METRICS:
            out.setdefault(CHAPTER_OF_METRICS[info["chapter"]], []).append(metric)
    return out


NAMES_SHOWN = 3  # a list of figures longer than this is counted, with its first few named


def metric_name(ds: Dataset, metric: str, first_lower: bool = False) -> Bilingual:
    """A metric's name in both languages (data/metrics.csv), lower-cased at its first letter inside an English
    sentence; its Chinese as the data give it, Latin letters (AUC) and all."""
    text = ds.name(metric)
    return Bilingual(text[:1].lower() + text[1:], text.zh) if first_lower else text


def metric_names(ds: Dataset, metrics: list[str]) -> list[Bilingual]:
    return [metric_name(ds, m, first_lower=True) for m in metrics]


def no_longer_disclosed(ds: Dataset) -> list[KeyFinding]:
    out = []
    for chapter, metrics in dropped_metrics(ds).items():
        facts = {"year": str(ds.year), "prior_year": str(ds.year - 1), "count": Q(len(metrics), 0),
                 "names": metric_names(ds, metrics[:NAMES_SHOWN])}
        case = "one" if len(metrics) == 1 else "some" if len(metrics) <= NAMES_SHOWN else "many"
        out.append(KeyFinding(f"dropped_{chapter}", "gap", 2, chapter, _target(chapter, metrics[0]),
                              Finding("story.dropped", case, facts), tuple(metrics)))
    return out


# -- the edition's findings ---------------------------------------------------------------------------
BUILDERS = (scope2, scope1, breakdowns, misprints, corruption, data_security, denominator, no_longer_disclosed,
            trends)
# Within a severity, the order a reader meets them: what the report cannot have right first.
ORDER = ("scope2", "check_trained_share_pct", "misprint", "corruption", "data_security", "dropped", "scope1",
         "check", "denominator", "trend")


def _rank(k: KeyFinding) -> tuple[int, int]:
    return -k.severity, next(i for i, p in enumerate(ORDER) if k.id.startswith(p))


def key_findings(ds: Dataset) -> list[KeyFinding]:
    """Every key finding of the edition, most severe first (ties keep the order of BUILDERS)."""
    def build():
        out: list[KeyFinding] = []
        for builder in BUILDERS:
            got = builder(ds)
            out += got if isinstance(got, list) else [got] if got is not None else []
        return sorted(out, key=_rank)
    return list(ds.cached(("story",), build))


def by_id(ds: Dataset) -> dict[str, KeyFinding]:
    return {k.id: k for k in key_findings(ds)}


def _item(k: KeyFinding, link: bool) -> str:
    text = k.sentence()
    if not link:
        return f"- {text}"
    see = narrative.write(Finding("story.see", "ref")).replace("@target@", k.target)
    return f"- {text} {see}" if narrative.current() == "en" else f"- {text}{see}"


def opening(ds: Dataset, limit: int = 8) -> Md:
    """The edition's most important findings, ranked, each linking to its evidence (minor ones left out)."""
    items = [k for k in key_findings(ds) if k.severity >= 2][:limit]
    if not items:
        return Md(narrative.sentence(narrative.write(Finding("story.opening", "none", {"year": str(ds.year)}))))
    head = narrative.sentence(narrative.write(Finding("story.opening", "some", {"year": str(ds.year)})))
    return Md(head + "\n\n" + "\n".join(_item(k, True) for k in items))


def lead_numbers(ds: Dataset, chapter: str) -> dict[str, Md]:
    """What a chapter glues above its method: `<prefix>_lead_text`, its own key findings."""
    prefix = import_module(f"esgbook.book.sections.{CHAPTERS[chapter][0]}").PREFIX.rstrip("_")
    return {f"{prefix}_lead_text": lead(ds, chapter)}


def lead_findings(ds: Dataset, chapter: str, limit: int = 4) -> list:
    """The findings a chapter leads with: every material one (so all the opening page lists is told again
    there), minor ones up to `limit`."""
    mine = [k for k in key_findings(ds) if k.chapter == chapter]
    items = [k for k in mine if k.severity >= 2]
    return items + [k for k in mine if k.severity < 2][:max(limit - len(items), 0)]


def lead(ds: Dataset, chapter: str) -> Md:
    """A chapter's own findings, before its method; absent when the edition has none for it."""
    items = lead_findings(ds, chapter)
    if not items:
        return narrative.absent(f"no key finding in {chapter} for {ds.year}")
    return Md("\n".join(_item(k, False) for k in items))
