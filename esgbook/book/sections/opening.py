"""The opening page: what the edition is built from, the year's headline figures with their change on
the prior year (percentage points for rates), and the reconciliation at a glance."""
from __future__ import annotations

import pandas as pd

from esgbook.analysis import draft, kpis, reconcile, story
from esgbook.analysis.findings import name
from esgbook.book import formatting, narrative, present
from esgbook.book.narrative import Finding
from esgbook.book.narrative.bilingual import entry
from esgbook.book.sections import governance
from esgbook.inputs.dataset import Dataset

PREFIX = "idx"  # of every glue key, table and figure label (tests/test_section_contract.py)

HEADLINES = ["employees", "female_share_pct", "turnover_rate_pct", "energy_mwh", "energy_per_employee_mwh",
             "water_t", "water_per_employee_t", "ghg_total_t", "ghg_per_employee_t", "waste_total_t",
             "suppliers_total", "corruption_cases"]


def headline_frame(ds: Dataset) -> pd.DataFrame:
    rows = []
    for kpi_id in HEADLINES:
        k = kpis.BY_ID[kpi_id]
        rows.append((k.name_en, k.name_zh, k.unit, k.compute(ds, ds.year), k.compute(ds, ds.year - 1), k.decimals))
    frame = present.years_side_by_side(rows, ds.year).rename(columns={"Metric": "Figure"})
    frame["HKEX KPI"] = [kpis.BY_ID[k].hkex or formatting.DASH for k in HEADLINES]
    # A figure the book reads otherwise than its published heading carries that reading beside it.
    notes = {"corruption_cases": governance.corruption_label(ds)}
    frame["Note"] = [notes.get(k, "") for k in HEADLINES]
    frame = frame[frame[str(ds.year)] != formatting.DASH].reset_index(drop=True)
    return frame if (frame["Note"] != "").any() else frame.drop(columns="Note")


def headline_table(ds: Dataset) -> present.Table:
    return present.table(headline_frame(ds), "tbl-idx-headlines",
                         entry("The year at a glance: headline figures, {span}, recomputed from raw data; rates "
                               "change in percentage points.", span=present.versus(ds)),
                         "`data/*.csv` through the KPI engine (`python -m esgbook kpis`)")


def basis(ds: Dataset) -> Finding:
    report = ds.report
    facts = {"year": str(ds.year), "prior_year": str(ds.year - 1)}
    if report is None:
        return Finding("idx.basis", "none", facts)
    facts |= {"report_year": str(report["report_year"]), "title": name(report["title_en"], report["title_zh"])}
    if not report["own"]:
        return Finding("idx.basis", "comparative", facts)
    return Finding("idx.basis", "own" if ds.year - 1 in ds.years else "own_alone", facts)


def reconciliation_findings(ds: Dataset) -> list[Finding]:
    rec = reconcile.reconciliation(ds)
    published = rec[rec["kind"] == "published figure"]
    checks = rec[rec["kind"] == "consistency check"]
    sens = rec[rec["kind"] == "sensitivity"]
    ok = int((published["status"] == "consistent").sum())
    facts = {"year": str(ds.year), "checked": str(len(published)), "reproduced": str(ok),
             "not_reproduced": str(len(published) - ok), "verb": "is" if len(published) - ok == 1 else "are"}
    first = Finding("idx.reconciliation", "none" if published.empty else
                    "all_reproduced" if ok == len(published) else "some", facts)
    flagged = int((checks["status"] == "discrepancy").sum())
    second = Finding("idx.checks", "none" if checks.empty else "flagged" if flagged else "clean",
                     {"flagged": str(flagged), "checks": str(len(checks))})
    third = Finding("idx.sensitivities", "some" if len(sens) else "none",
                    {"count": str(len(sens)), "plural": "s" if len(sens) != 1 else "",
                     "verb": "are" if len(sens) != 1 else "is"})
    return [first, second, third]


def draft_text(ds: Dataset) -> narrative.Md:
    if not draft.is_draft(ds):
        return narrative.absent(f"the {ds.year} edition is complete")
    head = narrative.sentence(narrative.write(Finding("idx.draft", "draft", {"year": str(ds.year)})))
    return narrative.Md(head + "\n\n" + draft.checklist_markdown(ds, narrative.current()))


def numbers(ds: Dataset) -> dict[str, str]:
    rec_first, rec_checks, rec_sens = (narrative.write(f) for f in reconciliation_findings(ds))
    registers = [n for n in ds.resources if n not in ds.observation_tables]
    return {
        "idx_year": str(ds.year),
        # The edition's key findings, ranked, each linking to its evidence (esgbook/analysis/story.py).
        "idx_findings_text": story.opening(ds),
        # A draft (a year some register lacks) lists what is missing and the file to fill for each.
        "idx_draft_text": draft_text(ds),
        "idx_basis_text": narrative.paragraph(narrative.sentence(narrative.write(basis(ds)))),
        "idx_reconciliation_text": narrative.paragraph(narrative.write(Finding(
            "idx.summary", "shown", {"first": rec_first, "checks": rec_checks, "sensitivities": rec_sens}))),
        # What this edition reads: the years up to its own and their rows (a later edition changes neither).
        "idx_years": narrative.language().fmt([str(y) for y in ds.years_to_date]),
        "idx_files": str(len(ds.observation_tables)),
        "idx_registers": str(len(registers)),
        "idx_csv_files": str(len(ds.resources)),
        "idx_metrics": str(len(ds.metrics)),
        "idx_rows": f"{sum(ds.row_count(n) for n in ds.observation_tables):,}",
    }
