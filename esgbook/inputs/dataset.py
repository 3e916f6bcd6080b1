"""Load the data package: validate it whole, then hand out tables and figures for a year.

    ds = esgbook.inputs.dataset.load(2023)          # validates first; fails on a year with no data
    ds.value("water_t")                   # 62634.0 for 2023
    ds.value("water_t", year=2022)        # the prior year, or None when absent
    ds.breakdown("employees", "gender")   # a Series: female 1283, male 1838

Each table read is recorded (`Dataset.reads`), so an edition knows which data files a
chapter depends on and re-executes only the chapters whose inputs changed.
"""
from __future__ import annotations

import atexit
import hashlib
import io
import json
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from esgbook.book.narrative.bilingual import Bilingual
from esgbook.inputs import validate
from esgbook.inputs.errors import DataError, YearNotFound
from esgbook.inputs.intake import files
from esgbook.inputs.reads import GROUPS as _GROUPS
from esgbook.inputs.reads import NAMES, READS_LOG_ENV, note_read
from esgbook.inputs.reads import log as _log
from esgbook.paths import build_dir, data_dir, keep

DICTIONARIES = ("metrics", "units", "categories")


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]




ROWS = "@"  # `<file>@<year>`: the rows of one year of an observation file as the edition sees them;
# `<file>@*`: every row the edition sees (a later year without its values); `<file>@keys`: its rows without values;
# `<file>@count`: only how many rows it has for the edition's years (up to its own); `<file>@reports`: every
# report's rows up to the edition's (restatements included, `Dataset.all_reports`)
YEARS = "years:"  # the years the data package holds (`ds.years`); `years:<=Y`, only those up to Y


def input_path(name: str) -> str:
    """The data file a recorded input is about (`names:metrics.csv`, `suppliers.csv@2023` -> the file)."""
    return name.removeprefix(NAMES).partition(ROWS)[0]


def input_digest(root: Path, name: str, edition: int | None = None) -> str:
    """The digest of one recorded input of a chapter: a whole data file, or (`names:<file>`) only the
    names it gives in both languages, which is what the Chinese labels read from every file, or
    (`<file>@<year>`, `<file>@*`, `<file>@keys`) the rows the edition `edition` sees of one year, of every
    year, or only which figures it has; or (`years:`) the years the package holds. While a build checks what
    is stale (`files_held`), each is taken once: every chapter of an edition, and every derived value each
    chapter records, asks for the same ones again (7,000 times for a site of six editions)."""
    if not _PLANNING:
        return _input_digest(root, name, edition)
    key = (str(root), name, edition)
    if key not in _HELD:
        _HELD[key] = _input_digest(root, name, edition)
    return _HELD[key]


_HELD: dict[tuple[str, str, int | None], str] = {}


def _input_digest(root: Path, name: str, edition: int | None = None) -> str:
    if name.startswith(YEARS):
        years, asked = available_years(root), name.removeprefix(YEARS)
        if asked.startswith("<="):
            years, asked = [y for y in years if y <= int(asked[2:])], ""
        text = str(int(asked) in years) if asked else ",".join(map(str, years))
        return hashlib.sha256(text.encode()).hexdigest()[:16]
    if ROWS in name and not name.startswith(NAMES):
        file, _, scope = name.partition(ROWS)
        return _row_digests(root / file, edition).get(scope, _EMPTY)
    if not name.startswith(NAMES):
        return file_digest(root / name)
    import csv  # noqa: PLC0415

    path = root / name.removeprefix(NAMES)
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, [])
        keep = [i for i, f in enumerate(header) if f.endswith("_zh") or f + "_zh" in header
                or (f.endswith("_en") and f[:-3] + "_zh" in header) or f in ("id", "category")]
        h, seen = hashlib.sha256(), set()
        for row in [header, *reader]:
            line = "\x1f".join(row[i] for i in keep if i < len(row))
            if line not in seen:  # a name given again (a register's next year) changes no translation
                seen.add(line)
                h.update(line.encode() + b"\n")
    return h.hexdigest()[:16]


_EMPTY = hashlib.sha256(b"").hexdigest()[:16]


_ROW_CACHE: dict[str, dict[str, str]] = {}
_ROW_CACHE_STATE = {"loaded": False, "new": False}
_THIS_CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()  # the views the digests are taken of


def _row_digests(path: Path, edition: int | None) -> dict[str, str]:
    """{year: digest of its rows, '*': of every row, 'keys': of the figures' keys ...} of a data file as the
    edition sees it (`as_reported`, then no year after its own, as `Dataset` loads it). Kept by the file's
    bytes, its description and this module's code, in memory and in `<build>/row-digests.json`: staleness
    checks ask for every file once per chapter and edition, and a warm build of many editions would
    otherwise take each edition's view of each file again."""
    if _PLANNING and (str(path), edition) in _PLANNING:
        return _ROW_CACHE[_PLANNING[(str(path), edition)]]
    resource, described = _resource_of(path)
    key = hashlib.sha256(b"\0".join([path.read_bytes(), described, _THIS_CODE.encode(),
                                      str(edition).encode()])).hexdigest()
    if key not in _ROW_CACHE and not _ROW_CACHE_STATE["loaded"]:
        _ROW_CACHE_STATE["loaded"] = True
        try:
            _ROW_CACHE.update(json.loads(_row_cache_path().read_text(encoding="utf-8")))
        except (OSError, ValueError):
            pass
    if key not in _ROW_CACHE:
        frame = _read(path.parent, resource)
        _ROW_CACHE[key] = (_observation_digests(frame, edition) if _is_observation(resource)
                           else _register_digests(frame, resource, edition))
        if not _ROW_CACHE_STATE["new"]:
            _ROW_CACHE_STATE["new"] = True
            atexit.register(_store_row_digests)
    if _PLANNING:
        _PLANNING[(str(path), edition)] = key
    return _ROW_CACHE[key]


_PLANNING: dict[tuple[str, int | None], str] = {}


@contextmanager
def files_held():
    """While a build checks what is stale, no data file changes: each file is read and digested once per
    edition, not once per chapter that read it."""
    _PLANNING[("", None)] = ""  # active
    try:
        yield
    finally:
        _PLANNING.clear()
        _HELD.clear()


_RESOURCES: dict[str, tuple[bytes, dict[str, tuple[dict, bytes]]]] = {}


def _resource_of(path: Path) -> tuple[dict, bytes]:
    """The data package's description of a data file, and that description as bytes (parsed once per state
    of datapackage.json in a process)."""
    text = (path.parent / "datapackage.json").read_bytes()
    kept = _RESOURCES.get(str(path.parent))
    if kept is None or kept[0] != text:
        kept = _RESOURCES[str(path.parent)] = (text, {
            r["path"]: (r, json.dumps(r, sort_keys=True).encode()) for r in json.loads(text)["resources"]})
    return kept[1][path.name]


def _row_cache_path() -> Path:
    return build_dir() / "row-digests.json"  # ESGBOOK_BUILD as it is now


def _store_row_digests() -> None:
    """Write the kept row digests (the newest few thousand) when the process ends; a cache, so a failure
    to write loses nothing."""
    keep(_row_cache_path(), json.dumps(dict(list(_ROW_CACHE.items())[-5000:])))


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _register_digests(frame: pd.DataFrame, resource: dict, edition: int | None) -> dict[str, str]:
    """A register's rows up to the edition ('*'); of the reports, also the one the edition is read from."""
    out = {"*": _sha(_register_view(frame, resource, edition).drop(columns="file").to_csv(index=False))}
    if resource["name"] == "reports":  # the report an edition is read from: its own, or the next one
        hit = frame[frame["report_year"] >= (edition or 0)].sort_values("report_year").head(1)
        out["report"] = _sha(hit.drop(columns=["file", "row"]).to_csv(index=False))
    return out


def _observation_digests(whole: pd.DataFrame, edition: int | None) -> dict[str, str]:
    frame = _edition_view(whole, edition)
    columns = [c for c in frame.columns if c != "file"]
    keys = [c for c in columns if c not in VALUES]  # everything but the figures' values
    lines = ["\x1f".join(str(v) for v in row) for row in frame[columns].itertuples(index=False)]
    out: dict[str, list[str]] = {"*": lines, "keys": ["\x1f".join(str(v) for v in row)
                                                      for row in frame[keys].itertuples(index=False)]}
    for line, year in zip(lines, frame["year"]):
        out.setdefault(str(int(year)), []).append(line)
    digests = {k: _sha("\n".join(v)) for k, v in out.items()}
    digests["count"] = _sha(str(_count_up_to(frame, edition)))
    digests["reports"] = _sha(_reports_view(whole, edition).drop(columns="file").to_csv(index=False))
    return digests


def _count_up_to(frame: pd.DataFrame, edition: int | None) -> int:
    return int(len(frame) if edition is None else (frame["year"] <= edition).sum())


def _is_observation(resource: dict) -> bool:
    return [f["name"] for f in resource["schema"]["fields"]] == validate.OBSERVATION_COLUMNS


# Derived values a chapter depends on as a whole (`Dataset.cached` under these keys): the chapter records the
# value's digest and what computing it read; when one of those inputs changes, the value is computed again
# (here, once per edition) and the chapter is stale only if the value changed. One set of key findings per
# edition reads every figure of the year, yet a figure that changes no finding re-executes no chapter.
# {key's head: (module, function computing it from (ds, *the key's other parts)); a part that names a
# language of esgbook.book.narrative is the language it is computed in, not an argument}
DERIVED = {"story": ("esgbook.analysis.story", "key_findings"), "reconciliation": ("esgbook.analysis.reconcile", "reconciliation"),
           "inference": ("esgbook.analysis.inference", "run"), "content_index": ("esgbook.book.sections.content_index", "content_index")}
DERIVED_INPUT = "derived:"  # + the JSON key, in a chapter's recorded inputs


def value_digest(value) -> str:
    """A digest of a derived value that does not depend on the process (sets sorted, frames as CSV)."""
    import dataclasses  # noqa: PLC0415

    def canon(v):
        if dataclasses.is_dataclass(v) and not isinstance(v, type):
            return [type(v).__name__, {f.name: canon(getattr(v, f.name)) for f in dataclasses.fields(v)}]
        if isinstance(v, pd.DataFrame | pd.Series):
            return v.to_csv()
        if isinstance(v, dict):
            return sorted(([repr(k), canon(x)] for k, x in v.items()), key=lambda kv: kv[0])
        if isinstance(v, list | tuple):
            return [canon(x) for x in v]
        if isinstance(v, set | frozenset):
            return sorted(repr(canon(x)) for x in v)
        return repr(v)
    return hashlib.sha256(json.dumps(canon(value), ensure_ascii=False).encode()).hexdigest()[:16]


def data_digest(root: Path | None = None) -> str:
    """One digest of every file in the data folder (names and bytes)."""
    root = root or data_dir()
    h = hashlib.sha256()
    for p in sorted(root.iterdir()):
        if p.is_file():
            h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()[:16]


class _Years(list):
    """The package's years; `y in years` notes `years:<y>`, any other use of the list notes `years:`."""

    def _whole(self):
        note_read(YEARS)
        return self

    def __contains__(self, year) -> bool:
        note_read(f"{YEARS}{year}")
        return list.__contains__(self, year)

    def __iter__(self):
        return list.__iter__(self._whole())

    def __len__(self) -> int:
        return list.__len__(self._whole())

    def __getitem__(self, i):
        return list.__getitem__(self._whole(), i)

    def __eq__(self, other) -> bool:
        return list.__eq__(self._whole(), other)

    __hash__ = None

    def __repr__(self) -> str:
        return list.__repr__(self._whole())

    def __reversed__(self):
        return list.__reversed__(self._whole())

    def index(self, *args):
        return list.index(self._whole(), *args)

    def count(self, year) -> int:
        return list.count(self._whole(), year)

    def copy(self) -> list:
        return list(self)


# Tables, lookups and derived values of a checked package as one edition sees them, shared by every Dataset of
# the process bound to the same (folder, bytes of the package, year): the chapters a kernel executes one after
# another compute the key findings, the reconciliation and the indexes once, not once each. What computing a
# value read is kept with it and counted for each chapter that asks (`cached`), so a chapter's recorded inputs
# are those of a fresh kernel; nbval re-runs every committed chapter in a fresh kernel and compares.
@dataclass
class Shared:
    """What the Datasets of one (folder, package bytes, year) share in a process."""

    tables: dict = field(default_factory=dict)  # file name -> its parsed, checked table
    index: dict = field(default_factory=dict)  # per-file indexes and lookups (`_lookup`)
    memo: dict = field(default_factory=dict)  # `cached` key -> value
    memo_reads: dict = field(default_factory=dict)  # `cached` key -> what computing it read


_SHARED: dict[tuple, Shared] = {}
SHARED_MAX = 16


class Dataset:
    """The validated data package, seen from one reporting year."""

    def __init__(self, year: int, root: Path, descriptor: dict, state: str | None = None):
        self.year = int(year)
        self.root = root
        self.descriptor = descriptor
        # Every chapter depends on the descriptor and on the KPI definitions (read when esgbook.analysis.kpis loads).
        self.reads: set[str] = {"datapackage.json"} | ({"kpis.csv"} if (root / "kpis.csv").exists() else set())
        self.state = state
        if state is None:  # a package nobody checked in this process: nothing to share
            shared = Shared()
        else:
            key = (str(root), state, self.year)
            if key not in _SHARED:
                if len(_SHARED) >= SHARED_MAX:  # a kernel serves a few editions; memory stays flat
                    _SHARED.clear()
                _SHARED[key] = Shared()
            shared = _SHARED[key]
        self._tables, self._index, self._memo, self._memo_reads = (shared.tables, shared.index, shared.memo,
                                                                   shared.memo_reads)

    # -- tables -------------------------------------------------------------------------
    @cached_property
    def resources(self) -> dict[str, dict]:
        return {r["name"]: r for r in self.descriptor["resources"]}

    @cached_property
    def observation_tables(self) -> list[str]:
        return [name for name, r in self.resources.items() if _is_observation(r)]

    def table(self, name: str) -> pd.DataFrame:
        """A resource as a DataFrame (typed by its schema), with `file` and `row` for messages. An
        observation file holds the figures as the edition sees them: for every figure, the value of the
        latest report no later than the edition's year (`as_reported`), for the years up to the edition's."""
        frame = self._frame(name)
        self._record(name, "*")
        return frame

    def _frame(self, name: str) -> pd.DataFrame:
        if name not in self._tables:
            self._tables[name] = self._load(name)
        return self._tables[name]

    def _load(self, name: str) -> pd.DataFrame:
        frame = _read(self.root, self.resources[name])
        if name in self.observation_tables:
            return _edition_view(frame, self.year or None)
        return _register_view(frame, self.resources[name], self.year or None)

    def row_count(self, name: str) -> int:
        """How many rows an observation file has for the edition's years (its own and earlier): an input of
        that count only (`<file>@count`), so a changed value changes no chapter that only counts rows."""
        frame = self._frame(name)
        self._record(name, "count")
        return _count_up_to(frame, self.year or None)

    def all_reports(self, name: str) -> pd.DataFrame:
        """An observation file with the rows of every report up to the edition's, restated figures included,
        for the years up to the edition's (for the ledger): a later report's restatement, or a later edition's
        figures, are no part of it (`<file>@reports`)."""
        self._record(name, "reports")
        return _reports_view(_read(self.root, self.resources[name]), self.year or None)

    def _record(self, name: str, scope: str | int | None = None) -> None:
        """Note an input of the running chapter: a whole file, or of an observation file only the rows of
        one year (`scope`), of every year the edition sees ('*'), or only which figures it has ('keys')."""
        path = self.resources[name]["path"]
        if scope is not None and name in self.observation_tables:
            path = f"{path}{ROWS}{scope}"
        elif scope is not None and self.year and register_year(self.resources[name]):
            path = f"{path}{ROWS}*"  # a register's rows up to the edition's year
        self._note(path)

    def _note(self, path: str) -> None:
        if _GROUPS:  # computing a derived value: an input of that value, not (yet) of the chapter
            _GROUPS[-1].add(path)
        elif path not in self.reads:
            self.reads.add(path)
            _log(path)

    def observations(self, *names: str) -> pd.DataFrame:
        """Observation rows of the named files (all of them when none is named)."""
        names = names or tuple(self.observation_tables)
        return pd.concat([self.table(n) for n in names], ignore_index=True)

    @property
    def metrics(self) -> pd.DataFrame:
        return self.table("metrics")

    @property
    def metric_info(self) -> dict[str, dict]:
        self._record("metrics", "*")
        return self._lookup("metric_info", lambda: self._frame("metrics").set_index("id").to_dict("index"))

    def _lookup(self, name: str, compute):
        """A lookup built once from tables (shared like the tables). Its caller notes what it reads on every
        access, so that a value computed from it records the same inputs whichever chapter built it first."""
        key = ("lookup", name)
        if key not in self._index:
            self._index[key] = compute()
        return self._index[key]

    def label(self, dimension: str, category: str, lang: str = "en") -> str:
        """A breakdown category's display name: English with its Chinese attached (`Bilingual`: 'Female' / '女'),
        or only the Chinese (`lang='zh'`); the id when it has none."""
        hit = self._labels.get((dimension, category))
        if hit is None:
            return category
        return str(hit["name_zh"]) if lang == "zh" else Bilingual(str(hit["name_en"]), str(hit["name_zh"]))

    def name(self, metric: str) -> Bilingual:
        """A metric's name (metrics.csv), English with its Chinese attached."""
        info = self.metric_info[metric]
        return Bilingual(str(info["name_en"]), str(info["name_zh"]))

    def unit_name(self, unit: str) -> Bilingual:
        """A unit id written for a reader (units.csv: '10k count' -> '10 thousand' / 萬); the id itself when the
        units table lacks it."""
        units = self.table("units").set_index("id")
        if unit not in units.index:
            return Bilingual(unit, unit)
        return Bilingual(units.loc[unit, "name_en"], units.loc[unit, "name_zh"])

    @property
    def _labels(self) -> dict[tuple[str, str], dict]:
        self._record("categories", "*")
        return self._lookup("labels", lambda: {(r["dimension"], r["category"]): r
                                               for r in self._frame("categories").to_dict("records")})

    @property
    def report(self) -> dict | None:
        """The report the edition's figures come from, with `own`: True when it is the year's own report,
        False when the year is only a later report's comparative column (then the edition has no
        policies, cases or honours of its own); None when `data/reports.csv` names no report for it."""
        self._note(f"{self.resources['reports']['path']}{ROWS}report")  # only the report this edition is read from
        return self._lookup("report", self._find_report)

    def _find_report(self) -> dict | None:
        reports = self._frame("reports").sort_values("report_year")
        hit = reports[reports["report_year"] >= self.year]
        if hit.empty:
            return None
        row = hit.iloc[0].to_dict()
        return {**row, "own": int(row["report_year"]) == self.year}

    @property
    def own_report(self) -> bool:
        """Whether the edition's year has its own report (narrative facts of the year exist)."""
        return bool(self.report and self.report["own"])

    # -- figures ------------------------------------------------------------------------
    def _file_of(self, metric: str) -> str:
        owner = self._metric_files.get(metric)
        if owner is None:
            raise DataError(f'data/metrics.csv: unknown metric "{metric}" (no observation file has it)')
        return owner

    @cached_property
    def _metric_files(self) -> dict[str, str]:
        # Which file holds which metric: read from the small index the files imply; the
        # metrics dictionary's `chapter` is not a file name, so look at the files' metric
        # columns once (cheap: a few hundred rows) without counting them as reads.
        index: dict[str, str] = {}
        for name in self.observation_tables:
            for m in _read(self.root, self.resources[name])["metric"].unique():
                index.setdefault(m, name)
        return index

    def _groups(self, name: str) -> dict:
        """A file's rows grouped by (metric, year) and by (metric, year, dimension, category), once:
        chapters look figures up hundreds of times, and boolean filtering each time is slow."""
        if name not in self._index:
            frame = self._frame(name)
            self._index[name] = (
                {key: part for key, part in frame.groupby(["metric", "year"], sort=False)},
                {key: r for key, r in zip(zip(frame["metric"], frame["year"], frame["dimension"],
                                              frame["category"]), (frame.iloc[i] for i in range(len(frame))))},
            )
        return self._index[name]

    def rows(self, metric: str, year: int | None = None) -> pd.DataFrame:
        name = self._file_of(metric)
        frame = self._frame(name)
        year = self.year if year is None else year
        self._record(name, int(year))
        part = self._groups(name)[0].get((metric, year))
        return frame.iloc[0:0] if part is None else part

    def row(self, metric: str, year: int | None = None, dimension: str = "total",
            category: str = "all") -> pd.Series | None:
        """One observation row (value, unit, qualifier, section), or None when the year has none."""
        name = self._file_of(metric)
        year = self.year if year is None else year
        self._record(name, int(year))  # only the rows of that year
        return self._groups(name)[1].get((metric, year, dimension, category))

    def value(self, metric: str, year: int | None = None, dimension: str = "total",
              category: str = "all") -> float | None:
        """One figure, or None when the year (or breakdown) has no row for it."""
        row = self.row(metric, year, dimension, category)
        return None if row is None else float(row["value"])

    def require(self, metric: str, year: int | None = None, dimension: str = "total",
                category: str = "all") -> float:
        """Like `value`, but a missing figure is an error naming what is missing."""
        v = self.value(metric, year, dimension, category)
        if v is None:
            y = self.year if year is None else year
            raise DataError(f"data/{self._file_of(metric)}.csv: no row for {metric} "
                            f"({dimension}/{category}) in {y}")
        return v

    def breakdown(self, metric: str, dimension: str, year: int | None = None) -> pd.Series:
        """Values of one breakdown, indexed by category id, in the display order of categories.csv."""
        rows = self.rows(metric, year)
        part = rows[rows["dimension"] == dimension].set_index("category")["value"].astype(float)
        order = self._category_order.get(dimension, [])
        return part.reindex([c for c in order if c in part.index])

    @property
    def _category_order(self) -> dict[str, list[str]]:
        self._record("categories", "*")

        def order() -> dict[str, list[str]]:
            cats = self._frame("categories").sort_values(["dimension", "order"], kind="stable")
            return {d: list(part["category"]) for d, part in cats.groupby("dimension", sort=False)}
        return self._lookup("category_order", order)

    def cached(self, key, compute):
        """Memoise a derived table (the reconciliation, say) for every Dataset of this package and year in the
        process (`_SHARED`): never mutate what it returns. What computing it read counts for whoever asks,
        every time it is asked; a value of `DERIVED` asked by the chapter itself is recorded as one input (its
        digest, and what it read)."""
        memo, memo_reads = self._memo, self._memo_reads
        if key not in memo:
            _GROUPS.append(set())
            try:
                value = compute()
            finally:
                reads = _GROUPS.pop()
            memo[key], memo_reads[key] = value, reads
        reads = memo_reads[key]
        head = key[0] if isinstance(key, tuple) else key
        if _GROUPS:
            _GROUPS[-1].update(reads)
        elif head in DERIVED and os.environ.get(READS_LOG_ENV):
            line = DERIVED_INPUT + json.dumps({"key": list(key), "value": value_digest(memo[key]),
                                               "inputs": sorted(reads)}, ensure_ascii=False)
            if line not in self.reads:
                self.reads.add(line)
                _log(line)
        else:
            for path in sorted(reads):
                self._note(path)
        return memo[key]

    def years_of(self, metric: str) -> list[int]:
        name = self._file_of(metric)
        frame = self._frame(name)
        self._record(name, "keys")  # which years have the figure, not its values
        return sorted(int(y) for y in frame.loc[frame["metric"] == metric, "year"].unique())

    @property
    def prior_year(self) -> int:
        return self.year - 1

    def inputs(self) -> dict[str, str]:
        """The inputs read so far with their digests: what a chapter's output depends on."""
        return {p: input_digest(self.root, p, self.year) for p in sorted(self.reads)}

    @property
    def years(self) -> list[int]:
        """The years the data package holds: asking whether a year is among them is an input of that answer
        only (`years:<year>`); reading the list, of the whole list (`years:`)."""
        return _Years(self._package_years)

    @property
    def years_to_date(self) -> list[int]:
        """The years the package holds up to the edition's (an input of those only: a later edition added
        changes no earlier one)."""
        note_read(f"{YEARS}<={self.year}")
        return [y for y in self._package_years if y <= self.year]

    @years.setter
    def years(self, value: list[int]) -> None:
        self._package_years = value


FIGURE_KEY = ["year", "metric", "dimension", "category"]


def as_reported(frame: pd.DataFrame, edition: int | None) -> pd.DataFrame:
    """The figures as the edition's report and the earlier ones gave them. The edition's report is the
    first report of its year or later (a year without its own report, such as 2022 here, is read from the
    next report's comparative column); None means the latest report. Rows of later reports are dropped,
    and of a figure given by several reports the latest is kept (a restatement replaces the original).
    Row order (and `row`, for messages) is kept."""
    if "reported_in" not in frame.columns:
        return frame
    later = sorted(int(r) for r in frame["reported_in"].unique() if int(r) >= (edition or 0))
    part = frame if edition is None or not later else frame[frame["reported_in"] <= later[0]]
    latest = part.sort_values("reported_in", kind="stable").drop_duplicates(FIGURE_KEY, keep="last")
    return latest.sort_values("row", kind="stable").reset_index(drop=True)


VALUES = ["value", "qualifier"]  # what an edition does not see of a later year's figure


def register_year(resource: dict) -> str | None:
    """The year column of a register kept per year: `year` (the directors, honours, topics ... of a year),
    else a name ending in `_year` (`applies_to_year` of the emission factors, `report_year` of the reports);
    None for a dictionary."""
    names = [f["name"] for f in resource["schema"]["fields"]]
    return next((n for n in names if n == "year" or n.endswith("_year")), None)


def _register_view(frame: pd.DataFrame, resource: dict, edition: int | None) -> pd.DataFrame:
    """A register as edition `edition` sees it: its rows up to the edition's year (a later year's directors,
    honours or grid factors are no part of an earlier edition, and a later year's rows change none of it).
    Of the reports, those up to the one the edition is read from (its own, or the next one)."""
    column = register_year(resource)
    if edition is None or column is None:
        return frame
    years = pd.to_numeric(frame[column], errors="coerce")
    last = edition
    if resource["name"] == "reports" and (years >= edition).any():
        last = int(years[years >= edition].min())
    return frame[~(years > last)].reset_index(drop=True)


def _reports_view(frame: pd.DataFrame, edition: int | None) -> pd.DataFrame:
    """Every report's rows up to the edition's report (`as_reported`'s bound, no figure replaced), of the years
    up to the edition's."""
    if edition is None:
        return frame
    later = sorted(int(r) for r in frame["reported_in"].unique() if int(r) >= edition)
    keep = (frame["year"] <= edition) & (frame["reported_in"] <= (later[0] if later else edition))
    return frame[keep].reset_index(drop=True)


def _edition_view(frame: pd.DataFrame, edition: int | None) -> pd.DataFrame:
    """An observation file as edition `edition` sees it: `as_reported`, and of a figure of a later year (the
    2022 edition is read from the 2023 report, which also gives 2023) only that it exists, its unit and
    section, not its value: a change to a later year's figure changes no earlier edition."""
    frame = as_reported(frame, edition)
    if edition is None or "year" not in frame.columns:
        return frame
    later = frame["year"] > edition
    if later.any():
        frame = frame.copy()
        frame.loc[later, "value"] = float("nan")
        frame.loc[later, "qualifier"] = ""
    return frame


_PARSED: dict[tuple[str, str], tuple[str, pd.DataFrame]] = {}


def _read(root: Path, resource: dict) -> pd.DataFrame:
    """A data file as a typed frame, parsed once per process and state of its bytes and description (a build
    asks for the same file per edition, and a kernel per chapter); each caller gets its own copy."""
    path = root / resource["path"]
    raw = path.read_bytes()
    state = hashlib.sha256(raw + json.dumps(resource, sort_keys=True).encode()).hexdigest()
    kept = _PARSED.get((str(path), resource["name"]))
    if kept is None or kept[0] != state:
        kept = _PARSED[(str(path), resource["name"])] = (state, _parse(root, resource))
    return kept[1].copy()


def _parse(root: Path, resource: dict) -> pd.DataFrame:
    types = {"integer": "Int64", "number": "float64", "string": "string", "boolean": "boolean"}
    fields = resource["schema"]["fields"]
    dtype = {f["name"]: types.get(f.get("type", "string"), "string") for f in fields}
    booleans = [f["name"] for f in fields if f.get("type") == "boolean"]
    # Decoded as validation decoded it: a byte-order mark or CRLF line ends change nothing.
    text = files.read_text(root / resource["path"], f"data/{resource['path']}")
    frame = pd.read_csv(io.StringIO(text), dtype={k: v for k, v in dtype.items() if k not in booleans},
                        keep_default_na=False, na_values=[""])
    for col in booleans:
        frame[col] = frame[col].map({"true": True, "false": False, True: True, False: False})
    for col, kind in dtype.items():
        if kind == "string":
            frame[col] = frame[col].astype(object).where(frame[col].notna(), "")
        if kind == "Int64" and not frame[col].isna().any():
            frame[col] = frame[col].astype("int64")
    frame["file"] = f"data/{resource['path']}"
    frame["row"] = range(2, len(frame) + 2)  # header is row 1, as in an editor
    return frame


def descriptor(root: Path | None = None) -> dict:
    root = root or data_dir()
    return json.loads((root / "datapackage.json").read_text(encoding="utf-8"))


_CHECKED: dict[tuple[str, str], tuple[list[int], str]] = {}


def package_state(root: Path) -> str:
    """A digest of every file of the data folder (its names and bytes: well under a millisecond here)."""
    h = hashlib.sha256()
    for p in sorted(root.iterdir()):
        if p.is_file():
            h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def check(root: Path | None = None) -> Dataset:
    """Validate the whole package (schema, then cross-row rules); return an unbound Dataset. A package that
    passed is not checked again in the same process while no byte of it changed (a build asks per chapter)."""
    root = root or data_dir()
    key = (str(root), package_state(root))
    if key not in _CHECKED:
        years = validate.check_package(root)
        _CHECKED.clear()
        _CHECKED[key] = (years, (root / "datapackage.json").read_text(encoding="utf-8"))
    years, text = _CHECKED[key]
    ds = Dataset(0, root, json.loads(text), key[1])
    ds._years = list(years)  # noqa: SLF001
    return ds


def available_years(root: Path | None = None) -> list[int]:
    return check(root)._years  # noqa: SLF001


def load(year: int, root: Path | None = None) -> Dataset:
    """Validate, then bind to `year`; a year with no data fails naming the years that exist."""
    checked = check(root)
    years = checked._years  # noqa: SLF001
    if int(year) not in years:
        raise YearNotFound(f"no data for {year}: the data package has {', '.join(map(str, years))}"
                           f" (add the year's rows to the files in data/, see the analyst's runbook)")
    ds = Dataset(int(year), checked.root, checked.descriptor, checked.state)
    ds.years = years
    return ds
