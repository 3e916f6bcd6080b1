"""What a draft edition still lacks: the registers of a complete edition that the data hold no rows for.

    missing = draft.checklist(data.load(2024))   # [Missing(register="reports", file="data/reports.csv", ...), ...]
    draft.is_draft(ds)                           # bool(checklist(ds))

An analyst's first build of a new year usually holds only the observation files' figures (`make import`).
Such an edition must say that it is a draft and what it lacks; `checklist` is the one list every reader of
that fact uses: `make validate` and `make book` print it on stderr (`lines`), every page of the edition
carries a banner (`esgbook.build.site.sphinxext`), and the opening page lists it (`checklist_markdown`).

The rule, read from the data package rather than from a list of files:

1. **A comparative edition is not a draft.** A year with no row in `data/reports.csv` whose figures all come
   from a later report that does have a row (2022 here: the comparative column of the 2023 report) is a
   complete edition of what that report says about the year. It has no policies, cases or honours of its
   own and never will: nothing is missing, the checklist is empty.
2. **The report's row comes first.** A year that has figures of its own (`reported_in` = the year, or a
   figure of a report with no row) but no row in `data/reports.csv` lacks it (validation rejects such a
   package too; the checklist still names the row when a Dataset is built without validating).
3. **Every register kept per year.** A register is a resource of `datapackage.json` that is not an
   observation file and has a year column (`year` or a name ending in `_year`: `applies_to_year` of the
   emission factors). The reference is the latest earlier year with its own report (the latest complete
   year: 2023 for a 2024 draft). A register with rows for the reference year and none for the edition's
   year is missing. `emission_factors.csv` is counted per `scope` (grid, fuel) and only by the factors
   marked `used_for_sensitivity`, which is what the book's sensitivity needs. `known_discrepancies.csv` is
   not a register of the report but the reconciliation's expected flags (a year may rightly have none), so
   it is left out. A year with no earlier report has no reference: only rule 2 applies.

`checklist` is stable: items come in the order of `datapackage.json` with the report's row first, one per
register, each a `Missing` with `register` (the resource name, or `reports`), `file` (`data/board.csv`),
`year`, `reference` (the year compared with, or None), `reference_rows` (its rows there) and short
`what_en` / `what_zh` phrases (the year included) for lists.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from esgbook.inputs.dataset import register_year

REPORTS = "reports"
NOT_REGISTERS = {"known_discrepancies"}  # the reconciliation's expected flags, not a register of the report
BY_SCOPE = {"emission_factors": ("scope", "used_for_sensitivity")}  # counted per scope, marked rows only

# What each register holds, for the lists (a register not named here gets a generic phrase).
WHAT = {
    "reports": ("the {year} report's row (title in English and Chinese, period covered, publication date)",
                "{year}年度報告的資料（中英文標題、涵蓋期間、發佈日期）"),
    "board": ("the directors of {year}", "{year}年度的董事"),
    "material_topics": ("the material topics of {year}", "{year}年度的實質性議題"),
    "stakeholder_concerns": ("the stakeholder concerns and responses of {year}", "{year}年度利益相關方關注的議題及回應"),
    "honours": ("the honours and awards of {year}", "{year}年度的榮譽及獎項"),
    "industry_standards": ("the industry standards of {year}", "{year}年度參與制定的行業標準"),
    "community_cases": ("the community cases of {year}", "{year}年度的公益案例"),
    "hkex_index": ("the HKEX content index commentary for {year}", "{year}年度聯交所《指引》內容索引的說明"),
    "governance_bodies": ("the governance bodies of {year} (board, committees, management)",
                          "{year}年度的管治架構（董事會、各委員會及管理層）"),
}
SCOPES = {"grid": ("grid", "電網"), "fuel": ("fuel", "燃料")}


@dataclass(frozen=True)
class Missing:
    """One register a draft edition lacks."""

    register: str                 # the resource name in data/datapackage.json ("reports", "board", ...)
    file: str                     # the file to fill, as the analyst sees it: "data/board.csv"
    year: int                     # the edition's year
    what_en: str                  # "the directors of 2024"
    what_zh: str                  # "2024年度的董事"
    reference: int | None = None  # the complete year compared with (the latest earlier report's year)
    reference_rows: int = 0       # that year's rows in the file

    def line(self) -> str:
        """The one line `make validate` and `make book` print on stderr."""
        ref = f" ({self.reference} has {self.reference_rows} row(s))" if self.reference else ""
        return f"draft {self.year}: missing {self.what_en}; fill {self.file}{ref}"


def _what(register: str, year: int, scopes: list[str] | None = None) -> tuple[str, str]:
    if scopes:
        en = " and ".join(SCOPES.get(s, (s, s))[0] for s in scopes)
        zh = "及".join(SCOPES.get(s, (s, s))[1] for s in scopes)
        article = "" if len(scopes) > 1 else "a "
        return (f"{article}{en} emission factor{'s' if len(scopes) > 1 else ''} for {year} (marked "
                f"used_for_sensitivity)", f"{year}年度的{zh}排放因子（標示為用於敏感度分析）")
    en, zh = WHAT.get(register, (f"the {year} rows of data/{register}.csv", f"{year}年度的 data/{register}.csv 資料"))
    return en.format(year=year), zh.format(year=year)


def comparative(ds) -> bool:
    """Whether the edition's year has no report of its own and every figure of it comes from a later report
    listed in data/reports.csv (the comparative column of that report)."""
    reports = {int(y) for y in ds.table(REPORTS)["report_year"]}
    if ds.year in reports:
        return False
    obs = ds.observations()
    given = {int(y) for y in obs.loc[obs["year"] == ds.year, "reported_in"]}
    return bool(given) and all(y > ds.year and y in reports for y in given)


def checklist(ds) -> list[Missing]:
    """The registers the edition's year lacks that a complete edition has (see the module's rule); [] for a
    complete or a comparative edition. `ds` is an `esgbook.inputs.dataset.Dataset` bound to the edition's year."""
    year = ds.year
    reports = sorted({int(y) for y in ds.table(REPORTS)["report_year"]})
    if year not in reports and comparative(ds):
        return []
    earlier = [y for y in reports if y < year]
    reference = earlier[-1] if earlier else None
    out: list[Missing] = []
    if year not in reports:
        file = f"data/{ds.resources[REPORTS]['path']}"
        out.append(Missing(REPORTS, file, year, *_what(REPORTS, year), reference=None))
    if reference is None:
        return out
    for name, resource in ds.resources.items():
        column = register_year(resource)
        if name == REPORTS or name in NOT_REGISTERS or name in ds.observation_tables or column is None:
            continue
        frame = ds.table(name)
        years = frame[column].astype("Int64")
        ref_rows = frame[years == reference]
        if ref_rows.empty:
            continue
        file = f"data/{resource['path']}"
        if name in BY_SCOPE:
            by, marked = BY_SCOPE[name]
            own = frame[years == year]
            if marked in frame.columns:
                ref_rows, own = ref_rows[ref_rows[marked].fillna(False).astype(bool)], own[own[marked].fillna(False).astype(bool)]
            lacking = [s for s in dict.fromkeys(ref_rows[by]) if not (own[by] == s).any()]
            if lacking:
                out.append(Missing(name, file, year, *_what(name, year, lacking), reference=reference,
                                   reference_rows=int(len(ref_rows[ref_rows[by].isin(lacking)]))))
        elif not (years == year).any():
            out.append(Missing(name, file, year, *_what(name, year), reference=reference,
                               reference_rows=int(len(ref_rows))))
    return out


def is_draft(ds) -> bool:
    """Whether the edition lacks any register a complete edition has (its checklist is not empty)."""
    return bool(checklist(ds))


def lines(ds) -> list[str]:
    """The checklist as the lines printed on stderr, one per missing register."""
    return [m.line() for m in checklist(ds)]


def checklist_markdown(ds, lang: str = "en") -> str:
    """The checklist as a Markdown list ('' for a complete edition), each item naming the file to fill."""
    zh = lang != "en"
    return "".join(f"- {m.what_zh if zh else m.what_en}{'：' if zh else ': '}`{m.file}`\n" for m in checklist(ds))


def bound(year: int, root: Path | None = None):
    """A Dataset for `year` without validating again (the caller has validated the package)."""
    from esgbook.inputs import dataset as data  # noqa: PLC0415 - pandas: only when a checklist is asked for

    root = root or data.data_dir()
    return data.Dataset(year, root, data.descriptor(root))


def warn(years, root: Path | None = None, stream=None) -> list[int]:
    """Print the checklist of every draft edition among `years` on stderr (or `stream`), one line per
    missing register; never raises for bad data (the package was validated before). Returns the draft years."""
    from esgbook.inputs.errors import DataError  # noqa: PLC0415

    stream = stream or sys.stderr
    drafts = []
    for year in years:
        try:
            found = lines(bound(year, root))
        except (DataError, KeyError, OSError) as exc:
            found = [f"draft {year}: could not list what the edition lacks ({type(exc).__name__}: {exc})"]
        stream.write("".join(f"{line}\n" for line in found))
        drafts += [year] if found else []
    return drafts
