"""Editions: fail early, lose nothing, deterministic output, fresh committed notebooks."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from esgbook.build import editions

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
EDITIONS = sorted(p for p in NOTEBOOKS.iterdir() if p.is_dir() and p.name.isdigit())


def _run_editions(*args, env=None):
    return subprocess.run([sys.executable, "-m", "esgbook.build.editions", *args], capture_output=True, text=True,
                          cwd=REPO, env={**os.environ, **(env or {})})


def test_both_published_editions_are_committed():
    assert [p.name for p in EDITIONS] >= ["2022", "2023"]


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda p: p.name)
def test_committed_notebooks_are_fresh(edition):
    """Each executed notebook matches its chapter source, the package code and the data it read."""
    stale = {s.stem: editions.why_stale(s, int(edition.name)) for s in editions.chapters()}
    stale = {k: v for k, v in stale.items() if v}
    assert not stale, (f"notebooks/{edition.name}/ is out of date ({stale}); regenerate it with "
                       f"`make book YEAR={edition.name}` and commit notebooks/{edition.name}/")


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda p: p.name)
def test_committed_notebooks_are_clean_and_small(edition):
    for path in sorted(edition.glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        assert "papermill" not in nb["metadata"], path  # no timestamps or durations
        for cell in nb["cells"]:
            assert "execution" not in cell["metadata"] and "papermill" not in cell["metadata"], path
            tags = cell["metadata"].get("tags", [])
            if "injected-parameters" in tags or "parameters" in tags:
                assert "remove-cell" in tags, f"{path.name}: the parameters cell would show in the book"
            for out in cell.get("outputs", []):
                assert out["output_type"] != "error", f"{path.name}: {out.get('ename')}: {out.get('evalue')}"
                assert out.get("name") != "stderr", f"{path.name}: stderr output {out.get('text')}"
                assert "image/png" not in out.get("data", {}), f"{path.name}: base64 image"
                svg = out.get("data", {}).get("image/svg+xml")
                if svg:  # one element per line, so a diff shows what moved
                    assert isinstance(svg, list) and len(svg) > 20, path.name
        assert path.stat().st_size < 400_000, f"{path.name} is {path.stat().st_size} bytes"


def test_missing_year_fails_before_any_notebook_runs(tmp_path):
    out = _run_editions("build", "--year", "2031", env={"ESGBOOK_NOTEBOOKS": str(tmp_path / "nb")})
    assert out.returncode != 0 and "no data for 2031" in out.stderr and "2022, 2023" in out.stderr
    assert not (tmp_path / "nb").exists()


def _mini_book(tmp_path, chapters):
    toc = tmp_path / "_toc.yml"
    toc.write_text("format: jb-book\nroot: chapters/00_index\nparts:\n  - caption: The report\n    chapters:\n"
                   + "".join(f"      - file: {c}\n" for c in chapters), encoding="utf-8")
    return {"ESGBOOK_TOC": str(toc), "ESGBOOK_NOTEBOOKS": str(tmp_path / "nb"),
            "ESGBOOK_BUILD": str(tmp_path / "build")}


def test_same_edition_twice_is_byte_identical(tmp_path):
    env = _mini_book(tmp_path, ["chapters/08_environment"])
    assert _run_editions("run", "--year", "2023", env=env).returncode == 0
    first = {p.name: p.read_bytes() for p in (tmp_path / "nb" / "2023").rglob("*") if p.is_file()}
    assert _run_editions("run", "--year", "2023", "--force", env=env).returncode == 0
    second = {p.name: p.read_bytes() for p in (tmp_path / "nb" / "2023").rglob("*") if p.is_file()}
    assert first == second
    # ...and identical to the committed edition: nothing depends on where or when it ran.
    committed = (NOTEBOOKS / "2023" / "08_environment.ipynb").read_bytes()
    assert first["08_environment.ipynb"] == committed


def test_failed_run_leaves_the_edition_as_it_was(tmp_path):
    env = _mini_book(tmp_path, ["chapters/08_environment"])
    assert _run_editions("run", "--year", "2023", env=env).returncode == 0
    edition = tmp_path / "nb" / "2023"
    before = {p.relative_to(edition): p.read_bytes() for p in edition.rglob("*") if p.is_file()}
    # A second chapter that fails part-way (after its first cell ran), next to one that changed.
    broken = tmp_path / "99_broken.md"
    broken.write_text((REPO / "chapters" / "08_environment.md").read_text(encoding="utf-8").replace(
        "ds = data.load(year)", "ds = data.load(year)\nraise RuntimeError('chapter failed part-way')"),
        encoding="utf-8")
    env = _mini_book(tmp_path, ["chapters/08_environment", str(broken.with_suffix(""))])
    out = _run_editions("run", "--year", "2023", "--force", env=env)
    assert out.returncode != 0 and "chapter failed part-way" in out.stderr
    assert "chapter 99_broken failed for 2023" in out.stderr and "is unchanged" in out.stderr
    assert (tmp_path / "build" / "failed" / "2023" / "99_broken.ipynb").exists()
    after = {p.relative_to(edition): p.read_bytes() for p in edition.rglob("*") if p.is_file()}
    assert after == before
    assert not list((tmp_path / "nb").glob(".tmp-*")), "temporary folder left behind"


def test_data_change_reexecutes_only_the_chapters_that_read_it(tmp_path):
    env = _mini_book(tmp_path, ["chapters/04_governance", "chapters/08_environment"])
    assert _run_editions("run", "--year", "2023", env=env).returncode == 0
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    text = (data / "environment.csv").read_text(encoding="utf-8")
    (data / "environment.csv").write_text(text.replace("2023,water_t,total,all,62634,", "2023,water_t,total,all,62635,"),
                                          encoding="utf-8")
    code = ("import json, os; from esgbook.build import editions; "
            "print(json.dumps(editions.run(2023, quiet=True)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                         env={**os.environ, **env, "ESGBOOK_DATA": str(data)})
    assert out.returncode == 0, out.stderr
    rerun = json.loads(out.stdout.strip().splitlines()[-1])
    # The environment chapter and the opening page (whose headlines read every file) re-ran, and so did the
    # governance chapter: its lead shows the edition's key findings (esgbook.analysis.story), which read every figure
    # of the year and change with water use. (The compared page shows every figure of the editions up to its own.)
    assert sorted(rerun) == ["00_index", "04_governance", "08_environment", "editions_compared"]
