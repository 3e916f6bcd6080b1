"""Chapter 9, appendix (附錄): HKEX content index, full data tables, reconciliation, methodology, downloads."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from esgbook.analysis import assumptions, inference, kpis, reconcile
from esgbook.book import charts, formatting, narrative, present
from esgbook.book.narrative import Finding
from esgbook.book.narrative.bilingual import Bilingual, concat, entry, same
from esgbook.book.sections import content_index
from esgbook.exports import xbrl
from esgbook.exports.tables import KPI_COLUMNS, render
from esgbook.inputs import validate
from esgbook.inputs.dataset import Dataset

PREFIX = "app"  # of every glue key, table and figure label (tests/test_section_contract.py)

STATUS_ORDER = list(content_index.STATUSES)
# A sensitivity recomputes with a factor we chose: it is shown apart, never as a discrepancy.
STATUS_MARKS = {"consistent": "✓", "discrepancy": "✗", "sensitivity": "≈"}


def _status(status: str) -> Bilingual:
    """A reconciliation status as the table shows it ('✓ consistent' / ✓ 一致)."""
    return concat(STATUS_MARKS[status], entry(status), sep=" ")


def _texts(frame: pd.DataFrame, column: str) -> list[Bilingual]:
    """A text column of the data with its Chinese sibling (`aspect` with `aspect_zh`)."""
    return [Bilingual(en, zh) for en, zh in zip(frame[column], frame[f"{column}_zh"])]


def hkex_index(ds: Dataset) -> pd.DataFrame:
    """Every guide item with its status for the edition year: the book's one content index (esgbook.analysis.story)."""
    return content_index.content_index(ds)


def hkex_table(ds: Dataset) -> present.Table:
    m = hkex_index(ds)
    frame = pd.DataFrame({
        "Code": m["code"],
        "Aspect": _texts(m, "aspect"),
        "What the guide asks": _texts(m, "what_it_asks"),
        "Status": m["status"],
        "Where in this book": [f"{{ref}}`{t}`" if t else formatting.DASH for t in m["target"]],
        # a reason of the data has its Chinese beside it; a chapter's reason carries its own (esgbook.analysis.story)
        "Note": [Bilingual(en, zh) if zh else en for en, zh in zip(m["reason"], m["reason_zh"])],
        "Report's location (位置)": [same(loc) for loc in m["report_location_zh"]],  # the report's Chinese
    })
    return present.table(frame, "tbl-app-hkex-index",
                         entry("HKEX ESG Reporting Guide content index (《環境、社會及管治報告指引》內容索引) for the "
                               "{year} edition: every mandatory disclosure, general disclosure and KPI.", year=ds.year),
                         present.source(ds, "hkex_guide_items", "hkex_index", section="09 附錄 > 內容索引"))


def status_chart(ds: Dataset) -> charts.Chart:
    m = hkex_index(ds)
    counts = m.groupby("status").size().reindex(STATUS_ORDER, fill_value=0)
    frame = pd.DataFrame({"status": counts.index, "items": counts.values})
    return charts.value_bars(frame, label="fig-app-hkex-status", title="HKEX guide items by disclosure status",
                             category="status", value="items", unit="items", sort=False,
                             description=entry("Bar chart counting the HKEX ESG guide items of the {year} edition "
                                               "by status: disclosed, partly, not applicable, not disclosed; each bar "
                                               "is labelled.", year=ds.year))


def reconciliation_frame(ds: Dataset) -> pd.DataFrame:
    rec = reconcile.reconciliation(ds)
    # Each figure with the digits it has (141, not 141.00): up to four places, as small intensities need.
    shown = lambda v: formatting.num(v, formatting.decimals_of(round(v, 4), 4))  # noqa: E731
    # English with the Chinese name in brackets; Chinese with the breakdown's category where the row is one (員工占比：女)
    figure = [Bilingual(f"{e} ({z})", z + ("" if d == "total" else f"：{ds.label(d, c, 'zh')}"))
              for e, z, d, c in zip(rec["name_en"], rec["name_zh"], rec["dimension"], rec["category"])]
    return pd.DataFrame({
        "Check": rec["kind"],
        "Figure": figure,
        "Unit": rec["unit"],
        "Published": [shown(v) for v in rec["published"]],
        "Recomputed": [shown(v) for v in rec["recomputed"]],
        "Difference": [shown(v) for v in rec["difference"]],
        "Status": [_status(s) for s in rec["status"]],
        "Note": rec["note"],
        "Report section": rec["section"],
    })


def reconciliation_table(ds: Dataset) -> present.Table:
    return present.table(reconciliation_frame(ds), "tbl-app-reconciliation",
                         entry("Reconciliation for {year}: each published derived figure against the value recomputed "
                               "from raw data (consistent when within the published rounding), consistency checks "
                               "between breakdowns, and emissions on an official-factor basis.", year=ds.year),
                         "`python -m esgbook reconcile --year " + str(ds.year) + "`")


def inference_table(ds: Dataset) -> present.Table:
    return present.table(inference.table_frame(ds), "tbl-app-inference", entry(
        "Inference checks for {year}: what the published figures imply when read together, each with its assumption "
        "and the chapter that discusses it.", year=ds.year), "`esgbook.analysis.inference`")


def _compared(ds: Dataset, warning) -> str:
    """What a plausibility warning compared the figure with, in both languages (from its figures, not its English)."""
    c = dict(warning.compared)
    if warning.check == "prior-year":
        return entry("the {year} value {n} (row {n2})", year=c["year"], n=c["value"], n2=c["row"])
    if warning.check == "range":
        return entry("the range {n} to {n2} of {raw}", n=c["low"], n2=c["high"], raw=c["years"])
    return entry("{n} of {n2} {text} = {n3}% ({raw}, row {n4})", n=c["count"], n2=c["total"],
                 text=ds.name(c["metric"]), n3=c["share"], raw=c["file"], n4=c["row"])


def plausibility_table(ds: Dataset) -> present.Table:
    """The validator's plausibility warnings for the year: figures to check, not errors (they do not stop a build)."""

    factor = f"{assumptions.PLAUSIBLE_FACTOR:g}"
    rows = [{"Figure": present.metric_name(ds, w.metric, w.dimension, w.category), "Check": w.check,
             "Value": formatting.num(w.value, formatting.decimals_of(w.value, 4)), "Compared with": _compared(ds, w),
             "Where": entry("data/{raw}.csv, row {n}", raw=Path(w.file).stem, n=w.row)}
            for w in validate.plausibility(ds) if w.year == ds.year]
    frame = pd.DataFrame(rows) if rows else pd.DataFrame(
        [{"Note": entry("No figure of {year} moves by more than a factor of {n} on the prior year, disagrees with the "
                        "counts it is a share of, or lies far outside its range.", year=ds.year, n=factor)}])
    return present.table(frame, "tbl-app-plausibility", entry(
        "Plausibility warnings for {year}: figures that move by more than a factor of {n} on the prior year, shares "
        "that disagree with their counts, values far outside their range across the years held (`make validate` "
        "prints the same).", year=ds.year, n=factor), "`esgbook.inputs.validate.plausibility`")


def reconciliation_chart(ds: Dataset) -> charts.Chart:
    rec = reconcile.reconciliation(ds)
    counts = rec.groupby(["kind", "status"]).size().reset_index(name="rows")
    counts["group"] = [concat(k, entry(s), sep=": ", zh_sep="：") for k, s in zip(counts["kind"], counts["status"])]
    return charts.value_bars(counts[["group", "rows"]], label="fig-app-reconciliation",
                             title="Reconciliation results by kind of check", category="group", value="rows",
                             unit="rows", sort=False,
                             description=entry("Bar chart counting the {year} reconciliation rows by kind "
                                               "(published figure, consistency check, sensitivity) and status "
                                               "(consistent, discrepancy, sensitivity).", year=ds.year))


def numbers(ds: Dataset) -> dict[str, str]:
    rec = reconcile.reconciliation(ds)
    m = hkex_index(ds)
    published = rec[rec["kind"] == "published figure"]
    checks = rec[rec["kind"] == "consistency check"]
    out = {
        "app_year": str(ds.year),
        "app_items": str(len(m)),
        "app_employees": formatting.num(kpis.compute(ds, "employees"), 0),
        "app_reconciliation_text": narrative.paragraph(narrative.sentence(narrative.write(Finding(
            "app.reconciliation", "counts", {
                "published": str(len(published)),
                "published_ok": str(int((published["status"] == "consistent").sum())),
                "checks": str(len(checks)), "checks_bad": str(int((checks["status"] == "discrepancy").sum())),
                "sensitivities": str(int((rec["status"] == "sensitivity").sum()))})))),
    }
    for status, count in content_index.status_counts(ds).items():
        out[f"app_status_{status.replace(' ', '_')}"] = str(count)
    return out


def assumptions_frame(ds: Dataset) -> pd.DataFrame:
    """The assumptions register (esgbook.analysis.assumptions): every assumption and tolerance, one row each."""
    rows = [{"Assumption": a.name, "Value": formatting.num(a.value, a.decimals) + ("%" if a.unit == "%" else ""),
             "Unit": "" if a.unit in ("", "%") else a.unit, "What we assume": a.assumption, "Effect": a.effect,
             "Applied in": f"`{a.used_in}`"} for a in assumptions.REGISTER]
    return pd.DataFrame(rows)


def assumptions_table(ds: Dataset) -> present.Table:
    return present.table(assumptions_frame(ds), "tbl-app-assumptions", "Assumptions register: every assumption "
                         "and tolerance the figures rest on, with its value and its effect.",
                         "`esgbook.analysis.assumptions`")


def data_tables(ds: Dataset) -> list[present.Table]:
    """The full data tables, every observation file, each year side by side."""
    out = []
    for name in ds.observation_tables:
        frame = present.figures_frame(ds, name)
        if frame.empty:
            continue
        out.append(present.table(frame, f"tbl-app-data-{name}", entry(
            "All figures in `data/{raw}.csv`, {year} and the prior year where the data have it.", raw=name,
            year=ds.year), present.source(ds, name)))
    return out


def factors_table(ds: Dataset) -> present.Table:
    ef = ds.table("emission_factors").sort_values(["scope", "applies_to_year", "region", "value"])
    frame = pd.DataFrame({
        "Year": ef["applies_to_year"].astype(str), "Scope": ef["scope"], "Region": _texts(ef, "region"),
        "Variant": _texts(ef, "variant"), "Value": [f"{v:g}" for v in ef["value"]], "Unit": ef["unit"],
        "Publisher": _texts(ef, "publisher"), "Edition": _texts(ef, "edition"),
        "Confidence": _texts(ef, "confidence"),
        "Used for the sensitivity": ["yes" if u else "" for u in ef["used_for_sensitivity"]],
    })
    return present.table(frame, "tbl-app-emission-factors", "Emission factors held as data: publisher, edition and "
                         "the year each applies to.", present.source(ds, "emission_factors"))


def write_downloads(ds: Dataset, folder: Path | None = None) -> dict[str, str]:
    """The edition's KPI table (CSV and JSON) and reconciliation (CSV), under downloads/."""
    folder = folder or charts.downloads_dir()
    folder.mkdir(parents=True, exist_ok=True)
    table = xbrl.with_fact_ids(kpis.kpi_table(ds))[KPI_COLUMNS]
    files = {
        "kpis_csv": f"kpis-{ds.year}.csv",
        "kpis_json": f"kpis-{ds.year}.json",
        "reconciliation_csv": f"reconciliation-{ds.year}.csv",
    }
    (folder / files["kpis_csv"]).write_text(render(table, "csv"), encoding="utf-8")
    (folder / files["kpis_json"]).write_text(render(table, "json"), encoding="utf-8")
    (folder / files["reconciliation_csv"]).write_text(render(reconcile.reconciliation(ds), "csv"), encoding="utf-8")
    files.update(xbrl.write(ds, folder))  # esg-<year>.json, its taxonomy package, headlines as iXBRL
    return files


def downloads_list(ds: Dataset, files: dict[str, str] | None = None) -> str:
    """MyST list of download links (in the current language): the edition's tables and every file of the
    data package. Writes the files unless given their names."""
    files = files or write_downloads(ds)
    y, lb = ds.year, present.label
    sp = "" if narrative.current() == "zh_hant" else " "  # no space between Chinese words and a link
    lines = [f"- {{download}}`{lb(entry('KPI table {year} (CSV)', year=y))} <downloads/{files['kpis_csv']}>`",
             f"- {{download}}`{lb(entry('KPI table {year} (JSON)', year=y))} <downloads/{files['kpis_json']}>`",
             f"- {{download}}`{lb(entry('Reconciliation {year} (CSV)', year=y))} "
             f"<downloads/{files['reconciliation_csv']}>`",
             f"- {{download}}`{lb(entry('Machine-readable report {year} (xBRL-JSON, XBRL OIM)', year=y))} "
             f"<downloads/{files['xbrl_json']}>`{sp}{lb('with its')}{sp}{{download}}`{lb('taxonomy package')} "
             f"<downloads/{files['xbrl_taxonomy']}>`{lb('; headline figures as')}{sp}{{download}}`Inline XBRL "
             f"<downloads/{files['xbrl_inline']}>`",
             f"- {{download}}`{lb('Data package descriptor')} (datapackage.json) <downloads/data/datapackage.json>`"]
    for r in ds.descriptor["resources"]:
        title = r.get("title_zh") if narrative.current() == "zh_hant" else None  # the descriptor's Chinese title
        lines.append(f"- {{download}}`{title or lb(r.get('title', r['name']))} ({r['path']}) <downloads/data/{r['path']}>`")
    return "\n".join(lines)


def downloads(ds: Dataset) -> None:
    """Write the downloads once, then show their list in every language."""
    files = write_downloads(ds)
    present.show(lambda: Markdown(downloads_list(ds, files)))


class Markdown:
    """Display MyST markdown as a notebook output (parsed by the book)."""

    def __init__(self, text: str):
        self.text = text

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/markdown": self.text, "text/plain": self.text}

