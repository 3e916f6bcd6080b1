"""Shared fixtures: the real dataset, and corrupted copies of the data package."""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"


@pytest.fixture(scope="session")
def ds2023():
    from esgbook.inputs import dataset as data
    return data.load(2023)


@pytest.fixture(scope="session")
def ds2022():
    from esgbook.inputs import dataset as data
    return data.load(2022)


@pytest.fixture
def data_copy(tmp_path):
    """A writable copy of data/; edit it with `edit_cell` / `edit_text`."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def edit_cell(folder: Path, file: str, row: int, column: str, value: str) -> None:
    """Set one cell; `row` counts like an editor (header is row 1)."""
    path = folder / file
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[row - 1][rows[0].index(column)] = value
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def row_of(folder: Path, file: str, **match) -> int:
    """Editor row number of the first row whose columns equal `match`."""
    with open(folder / file, encoding="utf-8", newline="") as fh:
        for n, rec in enumerate(csv.DictReader(fh), start=2):
            if all(rec[k] == str(v) for k, v in match.items()):
                return n
    raise LookupError(f"no row {match} in {file}")


def run_cli(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if data_dir is not None:
        env["ESGBOOK_DATA"] = str(data_dir)
    return subprocess.run([sys.executable, "-m", "esgbook", *args], capture_output=True, text=True, env=env,
                          cwd=REPO)


@pytest.fixture(scope="session")
def ds2024(tmp_path_factory):
    """A synthetic 2024 whose figures are 2022's, so every trend reverses (tests/synthetic.py)."""
    from synthetic import copy_data, reversed_year

    from esgbook.inputs import dataset as data
    return data.load(2024, reversed_year(copy_data(tmp_path_factory.mktemp("rev"))))


@pytest.fixture(scope="session")
def ds2023_alone(tmp_path_factory):
    """2023 with no 2022 rows: an edition without a prior year."""
    from synthetic import copy_data, without_prior

    from esgbook.inputs import dataset as data
    return data.load(2023, without_prior(copy_data(tmp_path_factory.mktemp("alone"))))
