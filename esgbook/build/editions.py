"""Editions: run every chapter for a year (parameters injected as papermill does), keep the executed notebooks, build the book.

    python -m esgbook.build.editions build  [--year Y] [--jobs N]   # execute what is stale, then render
    python -m esgbook.build.editions run    [--year Y] [--jobs N]   # execute only (notebooks/Y/)
    python -m esgbook.build.editions render [--year Y]              # render notebooks/Y/ (execution off)
    python -m esgbook.build.editions stale  [--year Y]              # list chapters out of date
    python -m esgbook.build.editions pdf    [--year Y]              # render notebooks/Y/ as a PDF (xelatex)

Why not jupyter-cache: it keys on code only, so a changed CSV would not re-execute. Here each
executed notebook records what it was made from, as finely as the chapter used it: its source, the
package code its cells import (`esgbook.build.dependencies`, the narrative's template modules excepted), and the
inputs it read as it ran (`metadata.esgbook.inputs`), each with a digest:

    suppliers.csv@2023        the rows of one year of an observation file, as the edition sees them
    suppliers.csv@*           every row the edition sees (a later year's figures without their values)
    suppliers.csv@keys        which figures the file has, not their values (`years_of`)
    board.csv@*               a register kept per year, up to the edition's year
    reports.csv@report        the report the edition is read from
    metrics.csv               a whole file; names:units.csv only its names in both languages
    years: / years:2022       the years the package holds / whether it holds 2022
    templates:<module>        a template module of a topic the chapter wrote (esgbook.book.narrative.write)
    labels:["text", false]    what the Chinese labels give for a text the chapter translated
    derived:["story"]         a derived value (`data.DERIVED`): its digest and what computing it read;
                              when those change it is computed again, and only a changed value counts

A chapter is re-executed exactly when one of those changed. Execution happens in a temporary folder;
`notebooks/Y/` is replaced only when every chapter succeeded, so a failed run loses nothing.

Run control (`runctl`): one run per edition at a time (a lock), Ctrl-C or SIGTERM ends the run with
its worker and kernel processes, and what a run killed outright left behind is cleared by the next.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, wait
from contextlib import ExitStack
from pathlib import Path

from esgbook.build import chartfont, runctl
from esgbook.build.site import render as site_render
from esgbook.inputs import dataset as data_mod
from esgbook.inputs import reads as reads_mod
from esgbook.inputs.errors import DataError
from esgbook.paths import BUILD, CHAPTERS, NOTEBOOKS, REPO, TOC, KeptDigests, data_dir

META_KEY = "esgbook"


class ChapterFailed(DataError):
    """A chapter raised while executing; the edition folder was left as it was."""


# -- what a notebook is made from ---------------------------------------------------------
def _digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p)
    return h.hexdigest()[:16]


def code_digest(source: Path | None = None) -> str:
    """The package code a chapter runs (`esgbook.build.dependencies`: the modules its code cells import, and theirs):
    a change to one of them re-executes exactly the chapters that import it. Without a source: every file."""
    from esgbook.build import dependencies as imports  # noqa: PLC0415

    pkg = REPO / "esgbook"
    if source is None:
        files = sorted(p for p in pkg.rglob("*") if p.suffix in {".py", ".csv"})
    else:
        files = imports.closure(imports.chapter_code(source))
    # How a chapter is run is not what it computes: the runner's own modules do not count.
    files = [p for p in files if p.relative_to(pkg).as_posix() not in RUNNER]
    return _digest(*(str(p.relative_to(pkg)).encode() + p.read_bytes() for p in files))


RUNNER = {"editions.py", "runctl.py", "__main__.py", "execute.py", "imports.py"}


# Pages of every edition after the first (they look across the editions up to their own), after the table of
# contents: the first edition has nothing to compare, and a later edition added changes no earlier one's pages.
ACROSS_EDITIONS = [CHAPTERS / "editions_compared.md"]


_TOCS: dict[str, list[str]] = {}


def chapters(year: int | None = None) -> list[Path]:
    """Chapter sources of the edition `year` in table-of-contents order (without a year: the book's)."""
    import yaml  # noqa: PLC0415

    text = TOC.read_text(encoding="utf-8")
    if text not in _TOCS:  # parsed once per process and state of the file (a build asks per edition)
        toc = yaml.safe_load(text)
        _TOCS[text] = [toc["root"]] + [c["file"] for part in toc.get("parts", [{"chapters": toc.get("chapters", [])}])
                                       for c in part["chapters"]]
    out = [REPO / f"{n}.md" for n in _TOCS[text]]  # an absolute path in the toc stays absolute (tests use it)
    if year is not None and year > data_mod.available_years()[0]:
        out += [p for p in ACROSS_EDITIONS if p.exists()]
    return out


def _shown(path: Path) -> str:
    """A path as the analyst sees it: relative to the checkout when inside it."""
    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)


_CODE = KeptDigests("code-digests.json", 500)  # by source and package state; template modules by name and state


def package_state() -> str:
    """A digest of every file of the package (names and bytes: a few milliseconds), once per call."""
    pkg = REPO / "esgbook"
    return _digest(*(str(p.relative_to(pkg)).encode() + b"\0" + p.read_bytes()
                     for p in sorted(pkg.rglob("*")) if p.suffix in {".py", ".csv", ".txt"}))


def made_from(source: Path, state: str | None = None) -> dict:
    """The chapter's source and code digests. Working out which modules a chapter imports parses the whole
    package, so the code digest is kept, per source and state of the package, in memory and in
    `_build/code-digests.json` (every edition runs the same sources; a warm build computes none)."""
    text = source.read_bytes()
    key = _digest(str(source).encode(), b"\0", text, b"\0", (state or package_state()).encode())
    return {"source": _digest(text), "code": _CODE.get(key) or _CODE.put(key, code_digest(source))}


def recorded(notebook: Path) -> dict | None:
    if not notebook.exists():
        return None
    return json.loads(notebook.read_text(encoding="utf-8"))["metadata"].get(META_KEY)


def why_stale(source: Path, year: int, edition: Path | None = None, root: Path | None = None,
              state: str | None = None, derived: bool = True, direct: bool = True) -> str | None:
    """None when the executed notebook is up to date, else the reason (for messages and tests). `state`: the
    package's (`package_state`), when the caller checks many chapters at once. Without `derived`, the derived
    values a chapter read are not checked (they may have to be computed again): a quick first look; without
    `direct`, only they are (the second look, at a chapter the first found up to date)."""
    root = root or data_dir()
    notebook = (edition or NOTEBOOKS / str(year)) / f"{source.stem}.ipynb"
    meta = recorded(notebook)
    if meta is None:
        return f"{_shown(notebook)} is missing"
    if direct:
        now = made_from(source, state)
        if meta.get("year") != year:
            return f"it was executed for {meta.get('year')}"
        if meta.get("source") != now["source"]:
            return f"{_shown(source)} changed"
        if meta.get("code") != now["code"]:
            return "esgbook code it imports changed"
    inputs = meta.get("inputs", {}) if direct else {
        name: digest for name, digest in meta.get("inputs", {}).items() if name.startswith(data_mod.DERIVED_INPUT)}
    # The Chinese of every text a chapter translated depends only on labels.txt, the labels' code and the
    # data's names: while those are as they were, no text's translation needs checking one by one.
    same_labels = inputs.get(LABELS_CONTEXT) == labels_context(root)
    for name, digest in sorted(inputs.items()):
        if name == LABELS_CONTEXT or same_labels and name.startswith(CATALOGUE):
            continue
        if name.startswith(data_mod.DERIVED_INPUT):
            reason = derived and _derived_changed(name, digest, root, year, state)
            if reason:
                return reason
            continue
        if name.startswith((TEMPLATES, CATALOGUE, data_mod.YEARS)):
            if input_digest(root, name, year, state) != digest:
                return _changed(name)
            continue
        path = root / data_mod.input_path(name)
        if not path.exists() or input_digest(root, name, year) != digest:
            return _changed(name)
    return None


TEMPLATES, CATALOGUE = reads_mod.TEMPLATES, reads_mod.CATALOGUE
LABELS_CONTEXT = "labels:*"  # what every translation depends on (`labels_context`)
_CONTEXT: dict[tuple, str] = {}


def labels_context(root: Path) -> str:
    """One digest of what the Chinese labels translate with: labels.txt, the zh_hant package's code and the
    names of every data file (once per process and state of those files)."""
    zh = REPO / "esgbook" / "book" / "narrative" / "zh_hant"
    files = sorted([*zh.glob("labels.*"), *root.glob("*.csv")])
    key = (str(root), tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files))
    if key not in _CONTEXT:
        parts = [p.read_bytes() for p in sorted(zh.glob("labels.*"))]
        parts += [data_mod.input_digest(root, data_mod.NAMES + p.name).encode() for p in sorted(root.glob("*.csv"))]
        _CONTEXT[key] = _digest(*parts)
    return _CONTEXT[key]


def recorded_inputs(lines: list[str], root: Path, year: int) -> dict:
    """A chapter's inputs from its log of reads, with their digests. A derived value (`data.DERIVED`: the
    edition's key findings, its reconciliation) is one entry: its digest and the digests of what it read."""
    plain = {"datapackage.json"} | ({"kpis.csv"} if (root / "kpis.csv").exists() else set())
    out: dict = {}
    for line in filter(None, lines):
        if line.startswith(data_mod.DERIVED_INPUT):
            entry = json.loads(line.removeprefix(data_mod.DERIVED_INPUT))
            name = data_mod.DERIVED_INPUT + json.dumps(entry["key"], ensure_ascii=False)
            out[name] = {"value": entry["value"],
                         "inputs": {n: input_digest(root, n, year) for n in sorted(entry["inputs"])}}
        else:
            plain.add(line)
    out.update({name: input_digest(root, name, year) for name in plain})
    if any(name.startswith(CATALOGUE) for name in out):
        out[LABELS_CONTEXT] = labels_context(root)
    return dict(sorted(out.items()))


# A derived value computed again, by what it is (its name and edition), the package's state and the digests of
# what it read: a chapter kept because the value came out the same still records the old digests, so every later
# run would compute it again (a second of a warm build of two editions) without this.
_RECOMPUTED = KeptDigests("derived-digests.json", 2000)


def _digest_or_none(root: Path, name: str, year: int) -> str | None:
    try:
        return input_digest(root, name, year)
    except (FileNotFoundError, StopIteration):  # a data file (or its resource) gone
        return None


_DATASETS: dict[tuple[str, int], tuple[str, data_mod.Dataset]] = {}


def _edition_dataset(root: Path, year: int) -> data_mod.Dataset:
    """One dataset per edition and state of the data for every derived value checked again: the values
    share what they compute (the content index reads the key findings, which read the reconciliation)."""
    state = data_mod.package_state(root)
    kept = _DATASETS.get((str(root), year))
    if kept is None or kept[0] != state:
        kept = _DATASETS[(str(root), year)] = (state, data_mod.load(year, root))
    return kept[1]


def _derived_changed(name: str, recorded_entry: dict, root: Path, year: int, state: str | None = None) -> str | None:
    """Why a derived input is out of date: none of what it read changed, or it did and the value computed
    again (once per edition, state of the package and of its inputs) is the same: None; else the reason."""
    now = {n: _digest_or_none(root, n, year) for n in recorded_entry["inputs"]}
    if now == recorded_entry["inputs"]:
        return None
    key = json.loads(name.removeprefix(data_mod.DERIVED_INPUT))
    cache = _digest(json.dumps([year, name, state or package_state(), sorted(now.items(), key=lambda kv: kv[0])],
                               ensure_ascii=False).encode())
    value = _RECOMPUTED.get(cache)
    if value is None:
        from importlib import import_module  # noqa: PLC0415

        from esgbook.book import narrative  # noqa: PLC0415

        module, function = data_mod.DERIVED[key[0]]
        ds = _edition_dataset(root, year)
        lang = next((k for k in key[1:] if k in narrative.LANGUAGES), "en")
        try:
            with narrative.using(lang):
                getattr(import_module(module), function)(ds, *[k for k in key[1:] if k not in narrative.LANGUAGES])
            value = data_mod.value_digest(ds._memo[tuple(key)])  # noqa: SLF001
        except Exception:  # noqa: BLE001 - a value that cannot be computed any more has changed
            value = ""
        _RECOMPUTED.put(cache, value)
    if value == recorded_entry["value"]:
        return None
    changed = sorted(n for n, d in now.items() if recorded_entry["inputs"][n] != d)
    return f"{key[0]} changed ({_changed(changed[0])})"


def input_digest(root: Path, name: str, year: int, state: str | None = None) -> str:
    """The digest of one recorded input of a chapter of edition `year`: data (`esgbook.inputs.dataset.input_digest`: a
    file, its names, or the rows of a year), a template module of a topic the chapter wrote (with what it
    imports; kept like the code digests when the package's `state` is given), or what the Chinese catalogue
    (labels.txt) gives for a text the chapter looked up."""
    if name.startswith(TEMPLATES):
        from esgbook.build import dependencies as imports  # noqa: PLC0415

        key = state and _digest(name.encode(), b"\0", state.encode())
        if key and _CODE.get(key):
            return _CODE.get(key)
        pkg = REPO / "esgbook"
        files = imports.module_files(name.removeprefix(TEMPLATES))
        digest = _digest(*(str(p.relative_to(pkg)).encode() + p.read_bytes() for p in files))
        return _CODE.put(key, digest) if key else digest
    if name.startswith(CATALOGUE):
        if name not in _TRANSLATED:  # the same texts recur in every chapter and edition
            from esgbook.book.narrative.zh_hant import labels  # noqa: PLC0415

            _TRANSLATED[name] = _digest(json.dumps(labels.translation(name.removeprefix(CATALOGUE)),
                                                   ensure_ascii=False).encode())
        return _TRANSLATED[name]
    return data_mod.input_digest(root, name, year)


_TRANSLATED: dict[str, str] = {}


def _changed(name: str) -> str:
    if name.startswith(TEMPLATES):
        return f"the templates it writes changed ({name.removeprefix(TEMPLATES)})"
    if name.startswith(CATALOGUE):
        return (f"the Chinese for {json.loads(name.removeprefix(CATALOGUE))[0][:60]!r} changed (labels.txt or "
                "a name in data/)")
    if name.startswith(data_mod.YEARS):
        return "the years the data hold changed"
    file, scope = data_mod.input_path(name), name.partition(data_mod.ROWS)[2]
    what = (" (its names)" if name.startswith(data_mod.NAMES) else
            " (which figures it has)" if scope == "keys" else
            f" (its rows of {scope})" if scope.isdigit() else
            " (the rows the edition sees)" if scope == "*" else "")
    return f"data/{file} changed{what}"


# -- executing one chapter ----------------------------------------------------------------
def _normalise(nb, meta: dict) -> None:
    """Strip what changes from run to run (timestamps, durations, random ids), hide plumbing."""
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)
    nb.metadata[META_KEY] = meta
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"{meta['chapter']}-{i:02d}"
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        tags = cell.metadata.get("tags", [])
        if "injected-parameters" in tags and "remove-cell" not in tags:
            cell.metadata["tags"] = [*tags, "remove-cell"]
        if cell.cell_type == "code":
            for out in cell.get("outputs", []):
                out.get("metadata", {}).pop("execution", None)


def execute_chapter(source: str, year: int, workdir: str, font: str = "") -> str:
    """Run one chapter into `workdir` in this worker's kernel (`esgbook.build.execute`); returns the notebook path."""
    import jupytext  # noqa: PLC0415
    import nbformat  # noqa: PLC0415

    from esgbook.build import execute  # noqa: PLC0415

    src, work = Path(source), Path(workdir)
    reads = work / f".{src.stem}.reads"
    reads.write_text("", encoding="utf-8")
    out = work / f"{src.stem}.ipynb"
    # Set in the kernel before the chapter runs (its setup code): the kernel may have started before the run knew
    # them. `font`: the chart font's subset for measuring, when the run made or kept one (chartfont).
    env = {reads_mod.READS_LOG_ENV: str(reads), "ESGBOOK_OUTPUT_DIR": str(work), chartfont.MEASURE_ENV: font}
    os.environ.update(env)
    nb = jupytext.read(src)
    nb.metadata.setdefault("kernelspec", {"name": "python3", "display_name": "Python 3", "language": "python"})
    try:
        nb = execute.execute(nb, {"year": year}, str(work), env)
    except execute.KernelStartFailed as exc:
        raise ChapterFailed(f"chapter {src.stem} could not run for {year}: {exc}; notebooks/{year}/ is unchanged") \
            from None
    except execute.CellExecutionError as exc:
        # Keep the failed notebook (with its traceback) for inspection, outside the edition.
        report = BUILD / "failed" / str(year) / out.name
        report.parent.mkdir(parents=True, exist_ok=True)
        nb = getattr(exc, "notebook", nb)
        nbformat.write(nb, report)
        cell = next((c.get("execution_count") for c in nb.cells if c.cell_type == "code"
                     and any(o.get("output_type") == "error" for o in c.get("outputs", []))), "?")
        raise ChapterFailed(f"chapter {src.stem} failed for {year} in cell {cell}: {exc.ename}: "
                            f"{exc.evalue}; the executed notebook with its traceback is {_shown(report)}; "
                            f"notebooks/{year}/ is unchanged") from None
    nbformat.write(nb, out)
    nb = nbformat.read(out, as_version=4)
    root = data_dir()
    meta = {"chapter": src.stem, "year": year, **made_from(src),
            "inputs": recorded_inputs(reads.read_text(encoding="utf-8").splitlines(), root, year)}
    _normalise(nb, meta)
    nbformat.write(nb, out)
    reads.unlink()
    return str(out)


# -- an edition ---------------------------------------------------------------------------
def check_year(year: int | None) -> int:
    """Validate the data and resolve the year, before any notebook runs."""
    years = data_mod.available_years()
    if year is None:
        return years[-1]
    if year not in years:
        raise DataError(f"no data for {year}: the data package has {', '.join(map(str, years))}; "
                        "add the year's rows to data/ first (see the analyst's runbook)")
    return year


def run(year: int, jobs: int | None = None, force: bool = False, quiet: bool = False) -> list[str]:
    """Execute the stale chapters of `year` into notebooks/<year>/; returns the chapters executed."""
    return run_editions([year], jobs, force, quiet)[year]


def run_editions(years: list[int], jobs: int | None = None, force: bool = False,
                 quiet: bool = False, render_after: bool = False) -> dict[int, list[str]]:
    """Execute the stale chapters of every edition in `years` in one pool of workers (the cores stay busy
    across editions, and each worker's kernel serves chapters of any edition); returns, per edition, the
    chapters executed. All or nothing: on a failure or a stop no edition folder changes. `render_after`: the
    executed editions are rendered next (`build`), so their renderers start once a core is free."""
    with ExitStack() as locks:
        for year in years:
            locks.enter_context(runctl.edition_lock(NOTEBOOKS, year))
            cleared = runctl.clear_leftovers(NOTEBOOKS, year)
            if cleared and not quiet:
                print(f"cleared {cleared} folder(s) left by an interrupted run of {year}", file=sys.stderr)
        return _run(years, jobs, force, quiet, render_after)


def _plan(year: int, force: bool, state: str | None = None,
          on_stale=lambda: None) -> tuple[list[Path], Path | None]:
    """The stale chapters of an edition, and its work folder (None when nothing is to be done). `on_stale` is
    called once a chapter is found stale: first by what it read directly, then by the derived values it read
    (computed again when what they read changed, the slow part), so that the run's kernels start meanwhile."""
    sources = chapters(year)
    edition = NOTEBOOKS / str(year)
    todo = [s for s in sources if force or why_stale(s, year, state=state, derived=False)]
    if todo:
        on_stale()
    todo += [s for s in sources if s not in todo and why_stale(s, year, state=state, direct=False)]
    todo.sort(key=sources.index)
    # Drop notebooks of chapters no longer in the book.
    if not todo and edition.exists() and {p.stem for p in edition.glob("*.ipynb")} == {s.stem for s in sources}:
        return [], None
    NOTEBOOKS.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".tmp-{year}-", dir=NOTEBOOKS))
    if edition.exists():  # start from the committed edition: unchanged chapters are kept as they are
        shutil.copytree(edition, work, dirs_exist_ok=True)
    for stale_nb in todo:
        (work / f"{stale_nb.stem}.ipynb").unlink(missing_ok=True)
    for extra in set(work.glob("*.ipynb")) - {work / f"{s.stem}.ipynb" for s in sources}:
        extra.unlink()
    return todo, work


def _size(year: int, source: Path) -> int:
    """A chapter's work, estimated by its last executed notebook's size (else its source's)."""
    done = NOTEBOOKS / str(year) / f"{source.stem}.ipynb"
    return done.stat().st_size if done.exists() else source.stat().st_size


def _run(years: list[int], jobs: int | None, force: bool, quiet: bool,
         render_after: bool = False) -> dict[int, list[str]]:
    plans: dict[int, tuple[list[Path], Path | None]] = {}
    workers = _Workers(jobs)
    try:
        state = package_state()  # once for the run: every chapter of every edition is checked against it
        with data_mod.files_held():
            # The latest edition first: a change is most often there, and the kernels start as soon as one
            # chapter is found stale, while the other editions are checked.
            for year in sorted(years, reverse=True):
                plans[year] = _plan(year, force, state, on_stale=workers.start)
                runctl.check_stopped()
        plans = {year: plans[year] for year in years}
        tasks = [(year, s) for year, (todo, _) in plans.items() for s in todo]
        if tasks:
            renders = sum(len(languages(y)) for y, (todo, _) in plans.items() if todo) if render_after else 0
            with chartfont.measuring_font(len(tasks)):  # made beside the first chapters, for the charts' text
                _execute(tasks, {y: w for y, (_, w) in plans.items() if w}, workers, quiet, renders)
        for _todo, work in plans.values():
            if work is not None:
                _drop_unlinked_downloads(work)
        with runctl.signals_deferred():  # a stop now waits the few milliseconds of the swaps
            for year, (todo, work) in plans.items():
                if work is not None:
                    _swap(work, NOTEBOOKS / str(year))
                    plans[year] = (todo, None)
    except BaseException:
        workers.end_now()
        raise
    finally:
        for _, work in plans.values():
            if work is not None:
                shutil.rmtree(work, ignore_errors=True)
    return {year: [s.stem for s in todo] for year, (todo, _) in plans.items()}


class _Workers:
    """The run's worker processes, one per core (or `--jobs`), each keeping one kernel for its chapters. They are
    started when the planning finds the first stale chapter, and each starts its kernel and imports the package
    at once (`execute.prepare_worker`), beside the rest of the planning (a one-value change in a site of ten
    editions plans for about a second). One per core, not one more: twelve chapters took the same time either way
    (9.8-10.5 s against 10.5-10.9), and fewer chapters than that are faster on fewer kernels."""

    def __init__(self, jobs: int | None):
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self.pool: ProcessPoolExecutor | None = None
        self.before: set = set()

    def start(self) -> None:
        if self.pool is not None:
            return
        from esgbook.build import execute  # noqa: PLC0415

        self.before = runctl.descendants()
        # Always worker processes (even one job), so that a stop can end them and their kernels.
        self.pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=execute.prepare_worker,
                                        initargs=(os.getpid(),))
        self.pool.submit(int)  # forks every worker now (they start their kernels); a task waits for them

    def end_now(self) -> int:
        """A failure or a stop: end the workers and their kernels now instead of waiting; returns how many."""
        if self.pool is None:
            return 0
        ended = runctl.end_processes(runctl.descendants() - self.before)
        self.pool.shutdown(wait=False, cancel_futures=True)
        from esgbook.build import execute  # noqa: PLC0415 - the ended workers' kernel directories

        execute.sweep_private_dirs()
        self.pool = None
        return ended


def _execute(tasks: list[tuple[int, Path]], work: dict[int, Path], workers: _Workers, quiet: bool,
             renders: int = 0) -> None:
    """Execute the tasks in the workers. `renders`: how many renders follow; their renderers are started as soon
    as fewer chapters are left than workers (a core is free), for the renders to find them ready."""
    # Longest first, so that the cores finish together instead of one waiting on a big chapter started last.
    tasks = sorted(tasks, key=lambda t: -_size(*t))
    started = time.perf_counter()
    workers.start()
    font = os.environ.get(chartfont.MEASURE_ENV, "")
    futures = []

    def prestart_when_a_core_is_free():
        nonlocal renders
        if renders and sum(not f.done() for f in futures) < workers.jobs:
            site_render.prestart(renders)
            renders = 0

    try:
        futures = [workers.pool.submit(execute_chapter, str(s), year, str(work[year]), font) for year, s in tasks]
        for f in futures:  # in order: the failure reported is the first in the chapters' order
            while not wait([f], timeout=0.2).done:
                runctl.check_stopped()
                prestart_when_a_core_is_free()
            f.result()  # re-raises a failure: nothing is moved into place
            prestart_when_a_core_is_free()
    except BaseException as exc:
        ended = workers.end_now()
        if isinstance(exc, runctl.Stopped):
            done = sum(f.done() and not f.cancelled() and f.exception() is None for f in futures)
            years = sorted(work)
            which = (f"the {years[0]} edition" if len(years) == 1 else
                     f"the {', '.join(map(str, years[:-1]))} and {years[-1]} editions")
            folders = " and ".join(f"notebooks/{y}/" for y in years)
            exc.what = (f"the run of {which} ({done} of {len(tasks)} chapter(s) done, {ended} worker and "
                        f"kernel process(es) ended); {folders} {'is' if len(years) == 1 else 'are'} unchanged")
        raise
    workers.pool.shutdown()
    workers.pool = None
    if not quiet:
        per = ", ".join(f"{sum(1 for y, _ in tasks if y == year)} for {year}" for year in sorted(work))
        print(f"executed {len(tasks)} chapter(s) ({per}) in {time.perf_counter() - started:.1f}s "
              f"with {workers.jobs} job(s)", file=sys.stderr)


DOWNLOAD_LINK = re.compile(r"<downloads/([^>`]+)>")


def _drop_unlinked_downloads(work: Path) -> None:
    """Remove files under downloads/ that no chapter links any more (a chart a chapter no longer draws):
    the edition starts from the previous one, and every download a page offers is a `{download}` link."""
    folder = work / "downloads"
    if not folder.is_dir():
        return
    text = "".join(p.read_text(encoding="utf-8") for p in work.glob("*.ipynb"))
    linked = set(DOWNLOAD_LINK.findall(text))
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(work).as_posix().removeprefix("downloads/")
        if path.is_file() and rel not in linked and not rel.startswith("data/"):
            path.unlink()


def _swap(new: Path, edition: Path) -> None:
    """Move the finished edition into place; the old one is removed only after the move."""
    old = None
    if edition.exists():
        old = edition.with_name(f".old-{edition.name}-{os.getpid()}")
        edition.rename(old)
    new.rename(edition)
    if old:
        shutil.rmtree(old)


def languages(year: int) -> list[str]:
    """The languages an edition is published in: English, and each language with a source for every
    chapter of the edition (`chapters/zh-hant/`)."""
    from esgbook.build.site import localise  # noqa: PLC0415

    found = ["en"] + [lang for lang in localise.SOURCES
                      if all(localise.source(lang, c.stem).exists() for c in chapters(year))]
    # ESGBOOK_LANGUAGES=en renders the English site only (the benchmark's English-only build; execution
    # still writes every language's outputs, so the notebooks are the same).
    wanted = os.environ.get("ESGBOOK_LANGUAGES")
    return [lang for lang in found if not wanted or lang in wanted.split(",")]


def site_info() -> dict:
    """What every page's switchers need: the editions, the latest, and each edition's pages per language."""
    all_years = data_mod.available_years()
    pages = {f"{lang}/{y}": [f"chapters/{c.stem}" for c in chapters(y)] for y in all_years for lang in languages(y)}
    return {"years": all_years, "latest": all_years[-1], "root": "chapters/" + chapters()[0].stem, "pages": pages}


def render(year: int, builder: str = "html", lang: str = "en") -> Path:
    """Build one edition in one language from notebooks/<year>/ with execution off; returns index.html
    (or the PDF)."""
    _check_executed(year)
    site = site_info()
    staged = site_render.stage(year, lang, site, chapters(year), site_wide=builder == "html")
    return site_render.render_staged(staged, year, lang, builder)


def _check_executed(year: int) -> None:
    edition = NOTEBOOKS / str(year)
    missing = [s.stem for s in chapters(year) if not (edition / f"{s.stem}.ipynb").exists()]
    if missing:
        raise DataError(f"notebooks/{year}/ lacks {', '.join(missing)}: run `make book YEAR={year}` first")


def build(years: list[int], jobs: int | None = None, force: bool = False,
          quiet: bool = False) -> tuple[dict[int, list[str]], Path]:
    """Execute what is stale in the editions, then render the site (`make book`); returns the chapters executed
    per edition and the site's index. The renderers start while the last chapters execute."""
    try:
        return run_editions(years, jobs, force, quiet, render_after=True), build_site(years)
    finally:
        site_render.discard_renderers()  # what a failure or a stop left unused


def build_site(years: list[int], builder: str = "html") -> Path:
    """Render every language of the given (executed) editions in parallel and assemble the site."""
    site = site_info()
    for year in years:
        _check_executed(year)
    built = [(year, lang) for year in years for lang in languages(year)]
    # The latest edition first, each render started as soon as its edition is staged: a change is most often in
    # the latest, and its renders then run while the older editions are staged (or found unchanged). In an
    # edition the other languages before English: their search index is cut into words, the longer render.
    order = sorted(built, key=lambda job: (-job[0], job[1] == "en"))
    site_render.render_all(((y, lang, site_render.stage(y, lang, site, chapters(y))) for y, lang in order), builder)
    runctl.check_stopped()
    return site_render.assemble(built, site["latest"], site["root"], site["years"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m esgbook.build.editions", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["build", "run", "render", "stale", "pdf"])
    parser.add_argument("--year", type=int)
    parser.add_argument("--jobs", type=int, help="chapters executed at once (default: one per core)")
    parser.add_argument("--force", action="store_true", help="re-execute every chapter")
    parser.add_argument("--lang", choices=["en", "zh_hant"], help="pdf: one language only (default: every one)")
    args = parser.parse_args(argv)
    runctl.stop_on_signals()
    year = args.year
    try:
        year = check_year(args.year)
        # Without --year, build and render take every edition (the whole site); the others the latest.
        years = [year] if args.year or args.command not in ("build", "render") else data_mod.available_years()
        if args.command in ("build", "run", "render"):  # a draft edition says what it lacks (never an error)
            from esgbook.analysis import draft  # noqa: PLC0415
            draft.warn(years)
        if args.command == "stale":
            for s in chapters(year):
                reason = why_stale(s, year)
                if reason:
                    print(f"{s.stem}: {reason}")
            return 0
        with ExitStack() as locks:  # the whole command, for every edition it touches: runs and renders
            for y in years:
                locks.enter_context(runctl.edition_lock(NOTEBOOKS, y))
            runctl.check_stopped()  # the data's validation (check_year) may have lost a stop's exception
            if args.command == "build":
                print(build(years, args.jobs, args.force)[1])
            if args.command == "run":
                run_editions(years, args.jobs, args.force)
            if args.command == "render":
                print(build_site(years))
            if args.command == "pdf":
                for lang in [args.lang] if args.lang else languages(year):
                    # latexmk keeps the state of a failed run and would not retry: start the LaTeX step afresh.
                    shutil.rmtree(site_render.output(year, lang) / "_build" / "latex", ignore_errors=True)
                    print(render(year, "pdflatex", lang))
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except runctl.Stopped as exc:
        what = exc.what or f"{args.command} of the {year or 'latest'} edition; notebooks/ is unchanged"
        print(f"stopped by {exc.signame}: {what}", file=sys.stderr)
        return exc.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
