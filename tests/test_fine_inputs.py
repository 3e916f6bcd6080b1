"""A chapter's recorded inputs are as fine as what it used: the rows of the years it read, the template
modules of the topics it wrote, the catalogue entries it looked up. Three chapters of both editions are
executed once into temporary folders; then a data copy, a template and a catalogue entry are changed and
`editions.why_stale` is asked, in a copy of the package, which chapters are out of date."""
import json
import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CHAPTERS = ["06_customers_suppliers", "07_people", "08_environment"]  # with the opening and compared pages
YEARS = [2022, 2023]


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    """A copy of the package and the chapters (so templates can be edited), its data, and the three chapters
    executed for both editions."""
    root = tmp_path_factory.mktemp("fine")
    src = root / "src"
    shutil.copytree(REPO, src, ignore=shutil.ignore_patterns(".git", ".venv*", "_build", "notebooks", "node_modules",
                                                             "__pycache__", ".pytest_cache", "tests"))
    toc = root / "_toc.yml"
    toc.write_text("format: jb-book\nroot: chapters/00_index\nparts:\n  - caption: The report\n    chapters:\n"
                   + "".join(f"      - file: chapters/{c}\n" for c in CHAPTERS), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(src), "ESGBOOK_TOC": str(toc), "ESGBOOK_NOTEBOOKS": str(root / "nb"),
           "ESGBOOK_BUILD": str(root / "build"), "ESGBOOK_DATA": str(src / "data")}
    code = "from esgbook.build import editions; editions.run_editions([2022, 2023], quiet=True)"
    out = subprocess.run([sys.executable, "-c", code], cwd=src, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-3000:]
    return src, env


def stale(book) -> dict[int, list[str]]:
    src, env = book
    code = ("import json; from esgbook.build import editions; print(json.dumps({y: sorted(s.stem for s in editions.chapters(y) "
            f"if editions.why_stale(s, y)) for y in {YEARS}}}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=src, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-3000:]
    return {int(y): names for y, names in json.loads(out.stdout.strip().splitlines()[-1]).items()}


def edited(path: Path, old: str, new: str, count: int = 1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return text


def test_nothing_is_stale_after_the_run(book):
    assert stale(book) == {2022: [], 2023: []}


def test_a_2023_value_changes_no_2022_chapter(book):
    src, _ = book
    path = src / "data" / "suppliers.csv"
    original = edited(path, "2023,suppliers,supplier_region,east_china,52,", "2023,suppliers,supplier_region,east_china,53,")
    try:
        found = stale(book)
    finally:
        path.write_text(original, encoding="utf-8")
    assert found[2022] == []
    # Stale in 2023: the chapters that read the 2023 rows of suppliers.csv, themselves or through a derived
    # value (the key findings, the reconciliation) that the change alters; the customers chapter shows them.
    nb = Path(book[1]["ESGBOOK_NOTEBOOKS"]) / "2023"
    readers = sorted(p.stem for p in nb.glob("*.ipynb") if {"suppliers.csv@2023", "suppliers.csv@*"} & reads(p))
    assert "06_customers_suppliers" in found[2023] and set(found[2023]) <= set(readers)


def reads(notebook: Path) -> set[str]:
    """Every input a chapter recorded, those of the derived values it used included."""
    inputs = json.loads(notebook.read_text(encoding="utf-8"))["metadata"]["esgbook"]["inputs"]
    return set(inputs) | {n for v in inputs.values() if isinstance(v, dict) for n in v["inputs"]}


def test_a_value_no_derived_value_depends_on_reexecutes_only_its_direct_readers(book):
    """Early cutoff: the key findings and the reconciliation read every figure of the year; a figure that
    changes neither re-executes only the chapters that read it themselves."""
    src, _ = book
    path = src / "data" / "customers.csv"
    original = edited(path, "2023,consumer_protection_section_reach_10k,total,all,21,",
                      "2023,consumer_protection_section_reach_10k,total,all,22,")
    try:
        found = stale(book)
    finally:
        path.write_text(original, encoding="utf-8")
    # The opening page only counts rows (`@count`); the compared page reads every figure.
    assert found == {2022: [], 2023: ["06_customers_suppliers", "editions_compared"]}


@contextmanager
def reach_changed(book, tmp_path):
    """A 2023 figure of customers.csv changed that no derived value's value depends on, though the key findings
    read it; afterwards the data and the 2023 notebooks are as they were. Yields the edition's folder."""
    src, env = book
    nb = Path(env["ESGBOOK_NOTEBOOKS"]) / "2023"
    shutil.copytree(nb, tmp_path / "kept")
    path = src / "data" / "customers.csv"
    original = edited(path, "2023,consumer_protection_section_reach_10k,total,all,21,",
                      "2023,consumer_protection_section_reach_10k,total,all,22,")
    try:
        yield nb
    finally:
        path.write_text(original, encoding="utf-8")
        shutil.rmtree(nb)
        shutil.copytree(tmp_path / "kept", nb)


def python(book, code: str):
    src, env = book
    out = subprocess.run([sys.executable, "-c", code], cwd=src, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_kernels_start_before_derived_values_are_computed_again(book, tmp_path):
    """Planning finds a chapter stale by what it read directly before it computes any derived value again (the
    slow part): the run's kernels start then (`on_stale`), and the plan is the one `why_stale` gives."""
    code = ("import json, shutil; from esgbook.build import editions\n"
            "computed, seen = [], []\n"
            "derived = editions._derived_changed\n"
            "editions._derived_changed = lambda *a: computed.append(a[0]) or derived(*a)\n"
            "todo, work = editions._plan(2023, False, on_stale=lambda: seen.append(len(computed)))\n"
            "shutil.rmtree(work)\n"
            "print(json.dumps([seen, len(computed), [s.stem for s in todo]]))")
    with reach_changed(book, tmp_path):
        seen, computed, todo = python(book, code)
    assert seen == [0] and computed > 0  # called once, before the first derived value was computed again
    assert todo == ["06_customers_suppliers", "editions_compared"]


def test_a_derived_value_computed_again_is_not_computed_in_the_next_run(book, tmp_path):
    """A chapter kept because the derived values it read came out the same still records the old digests of
    what they read. The next run finds each value in the build folder (`derived-digests.json`) instead of
    computing it again: no edition's dataset is loaded, and the plan is the same."""
    code = ("import json; from esgbook.build import editions\n"
            "loaded = []\n"
            "dataset = editions._edition_dataset\n"
            "editions._edition_dataset = lambda *a: loaded.append(a[1]) or dataset(*a)\n"
            "found = sorted(s.stem for s in editions.chapters(2023) if editions.why_stale(s, 2023))\n"
            "print(json.dumps([found, len(loaded)]))")
    (Path(book[1]["ESGBOOK_BUILD"]) / "derived-digests.json").unlink(missing_ok=True)  # what earlier tests kept
    with reach_changed(book, tmp_path):
        first, second = python(book, code), python(book, code)
    assert first[0] == second[0] == ["06_customers_suppliers", "editions_compared"]
    assert first[1] > 0 and second[1] == 0


def test_a_later_edition_added_changes_no_earlier_chapter(book):
    """An edition added to the data (its figures, registers, grid factors and report) re-executes nothing of
    the editions before it: each reads the years, reports and factors up to its own."""
    import synthetic

    src, _ = book
    data = src / "data"
    kept = data.with_name("data-before")
    shutil.copytree(data, kept)
    try:
        synthetic.add_edition(data, 2024)
        found = stale(book)
    finally:
        shutil.rmtree(data)
        kept.rename(data)
    assert found == {2022: [], 2023: []}


def test_a_2022_value_changes_the_2022_chapters_that_read_it(book):
    src, _ = book
    path = src / "data" / "suppliers.csv"
    original = edited(path, "2022,suppliers,supplier_region,east_china,", "2022,suppliers,supplier_region,east_china,9")
    try:
        found = stale(book)
    finally:
        path.write_text(original, encoding="utf-8")
    assert "06_customers_suppliers" in found[2022]


def test_one_template_edit_reexecutes_only_the_chapters_that_write_its_topics(book):
    src, _ = book
    path = src / "esgbook" / "book" / "narrative" / "en" / "environment.py"
    original = edited(path, "is reproduced from the raw figures", "is reproduced from the raw figures again")
    try:
        found = stale(book)
    finally:
        path.write_text(original, encoding="utf-8")
    assert found == {2022: ["08_environment"], 2023: ["08_environment"]}


def test_one_catalogue_entry_reexecutes_only_the_chapters_that_used_it(book):
    src, _ = book
    path = src / "esgbook" / "book" / "narrative" / "zh_hant" / "labels.txt"
    original = edited(path, "All employees\n= 全體僱員\n", "All employees\n= 全體員工\n")
    try:
        found = stale(book)
    finally:
        path.write_text(original, encoding="utf-8")
    assert found == {2022: ["07_people"], 2023: ["07_people"]}


def test_every_derived_value_names_the_function_that_computes_it():
    # a derived value's inputs changed: the runner computes it again by this name (a module moved, the name stays)
    from importlib import import_module

    from esgbook.inputs.dataset import DERIVED

    for head, (module, function) in DERIVED.items():
        assert callable(getattr(import_module(module), function, None)), (head, module, function)
