"""An analyst adds next year's rows and builds that edition; nothing of earlier editions changes."""
import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
OBSERVATIONS = ["environment.csv", "workforce.csv", "suppliers.csv", "governance.csv", "highlights.csv",
                "operations.csv", "customers.csv"]


RESTATED_WATER_2023 = 60000.0  # the 2024 report restates 2023's water (62,634 t in the 2023 report)


def _add_2024(folder: Path) -> None:
    """2024 = the 2023 rows with activity data changed: quantities x1.1, head counts doubled; the 2024
    report also restates one 2023 figure (water)."""
    for name in OBSERVATIONS:
        path = folder / name
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        fields = list(rows[0])
        new = []
        for r in rows:
            if r["year"] != "2023":
                continue
            if r["metric"] == "water_t":
                new.append(dict(r, value=f"{RESTATED_WATER_2023:g}", reported_in="2024",
                                section="2024 report > data table (restated)"))
            r = dict(r, year="2024", reported_in="2024")
            if r["unit"] == "employees":
                r["value"] = str(int(float(r["value"])) * 2)  # doubling keeps every breakdown summing
            elif r["unit"] in ("MWh", "t", "tCO2e"):
                r["value"] = f"{float(r['value']) * 1.1:.4f}"
            new.append(r)
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows + new)
        path.write_text(buf.getvalue(), encoding="utf-8")
    # Every figure names its report: the 2024 report's row (validation refuses a reported_in without one).
    with open(folder / "reports.csv", "a", encoding="utf-8") as fh:
        fh.write("2024,Synthetic report 2024,2024年合成報告,2024-01-01/2024-12-31,2025-04-30,\n")


@pytest.fixture(scope="module")
def edition_2024(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("y2024")
    data = tmp / "data"
    shutil.copytree(REPO / "data", data)
    _add_2024(data)
    # The whole book: chapters link one another (the appendix's index, the gaps chapter).
    env = {**os.environ, "ESGBOOK_DATA": str(data), "ESGBOOK_NOTEBOOKS": str(tmp / "nb"),
           "ESGBOOK_BUILD": str(tmp / "build")}
    committed = {p: p.read_bytes() for p in (REPO / "notebooks").rglob("*") if p.is_file()}
    out = subprocess.run([sys.executable, "-m", "esgbook.build.editions", "build", "--year", "2024"], cwd=REPO, env=env,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-3000:]
    assert {p: p.read_bytes() for p in (REPO / "notebooks").rglob("*") if p.is_file()} == committed
    return tmp, env, out.stdout.strip().splitlines()[-1]


def _glued(notebook: Path, key: str) -> str:
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            if out.get("metadata", {}).get("scrapbook", {}).get("name") == key:
                return next(iter(out["data"].values())).strip("'")
    raise KeyError(key)


def test_2024_edition_shows_recomputed_2024_values(edition_2024):
    tmp, env, index = edition_2024
    assert index.endswith("index.html") and Path(index).exists()
    env_nb = tmp / "nb" / "2024" / "08_environment.ipynb"
    ghg = _glued(env_nb, "env_ghg_text")
    # 1,397.96 x 1.1 tCO2e, over 6,242 employees: the sentence carries the recomputed values and direction.
    assert f"rose from 1,397.96 tCO2e in 2023 to {1397.96 * 1.1:,.2f} tCO2e in 2024 (+10.0%)" in ghg
    assert f"{1397.96 * 1.1 / 6242:.2f} tCO2e per employee" in ghg and "headcount grew by 100.0%" in ghg
    html = Path(index).parent.joinpath("2024", "chapters", "08_environment.html").read_text(encoding="utf-8")
    assert f"{1397.96 * 1.1:,.2f}" in html


def test_a_restated_figure_is_used_by_later_editions_only(edition_2024):
    """The 2024 report restates 2023's water: the 2024 edition compares with the restated figure, the 2023
    edition keeps what the 2023 report said, and the ledger on the compared page lists the restatement."""
    from esgbook.book.sections import compared, environment
    from esgbook.inputs import dataset as data_mod

    tmp, env, index = edition_2024
    water = _glued(tmp / "nb" / "2024" / "08_environment.ipynb", "env_water_text")
    assert "from 60,000 t in 2023" in water and f"to {62634 * 1.1:,.0f} t in 2024" in water
    root = Path(env["ESGBOOK_DATA"])
    ds2023 = data_mod.load(2023, root)
    assert ds2023.value("water_t") == 62634 and data_mod.load(2024, root).value("water_t", 2023) == 60000
    assert "to 62,634 t in 2023" in environment.numbers(ds2023)["env_water_text"]
    ledger = compared.ledger(data_mod.load(2024, root))
    assert len(ledger) == 1
    row = ledger.iloc[0]
    assert (row["metric"], row["year"], row["reported_in"], row["value"], row["restated_in"], row["restated_value"]) \
        == ("water_t", 2023, 2023, 62634, 2024, 60000)
    assert round(row["change_pct"], 1) == -4.2
    page = Path(index).parent.joinpath("2024", "chapters", "editions_compared.html").read_text(encoding="utf-8")
    assert "62,634" in page and "60,000" in page and "restated" in page
    # The 2023 edition keeps its own compared page as published: the 2024 report's restatement of 2023 is
    # a 2024 fact, in the 2024 page's ledger only.
    assert compared.ledger(data_mod.load(2023, root)).empty


def test_the_2024_edition_leaves_the_committed_editions_as_they_are(edition_2024):
    """A new edition, with its report restating a 2023 figure, makes no committed chapter of 2022 or 2023 stale:
    each edition reads the years, reports and figures up to its own."""
    tmp, env, _ = edition_2024
    code = ("import json; from esgbook.build import editions; print(json.dumps({y: [s.stem for s in editions.chapters(y) "
            "if editions.why_stale(s, y)] for y in (2022, 2023)}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, env={**env, "ESGBOOK_NOTEBOOKS": str(REPO / "notebooks")},
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-3000:]
    assert json.loads(out.stdout.strip().splitlines()[-1]) == {"2022": [], "2023": []}


@pytest.fixture(scope="module")
def reversed_edition(tmp_path_factory):
    """Every chapter of a year whose every trend reverses (2024 = the 2022 figures), built and rendered."""
    sys.path.insert(0, str(REPO / "tests"))
    import synthetic

    tmp = tmp_path_factory.mktemp("reversed")
    data = synthetic.reversed_year(synthetic.copy_data(tmp))
    env = {**os.environ, "ESGBOOK_DATA": str(data), "ESGBOOK_NOTEBOOKS": str(tmp / "nb"),
           "ESGBOOK_BUILD": str(tmp / "build")}
    out = subprocess.run([sys.executable, "-m", "esgbook.build.editions", "build", "--year", "2024"], cwd=REPO, env=env,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-3000:]
    return tmp / "nb" / "2024", Path(out.stdout.strip().splitlines()[-1]).parent / "2024"


def test_reversed_year_reads_true(reversed_edition):
    nb, html = reversed_edition
    energy = _glued(nb / "08_environment.ipynb", "env_energy_text")
    assert "Electricity use (用電量) rose from 1,276.2 MWh in 2023 to 1,558.0 MWh in 2024" in energy
    assert "since the headcount shrank by 29.5%" in energy
    factor = _glued(nb / "08_environment.ipynb", "env_lead_text")  # told once, in the chapter's findings
    assert "For 2024 the published Scope 2" not in _glued(nb / "08_environment.ipynb", "env_factor_text")
    # 2024 repeats 2022's figures (0.8048) against a copy of 2023's factors: above every grid average but
    # below the fossil-only factor, where 2023's 1.0842 was above even that (the sentence names the prior year)
    assert "For 2024 the published Scope 2 and electricity imply a grid factor of 0.8048 tCO2/MWh" in factor
    assert "only the fossil-only factor (0.8273)" in factor and "For 2023 they imply 1.0842, above even" in factor
    from test_prose import BAD, prose_of

    problems = [f"{page.stem}: {what}: {text[:120]}" for page in sorted((html / "chapters").glob("*.html"))
                for text in prose_of(page) for what, pattern in BAD.items() if pattern.search(text)]
    assert not problems, "\n".join(problems[:30])


def test_2024_kpis_from_the_cli(edition_2024):
    _, env, _ = edition_2024
    out = subprocess.run([sys.executable, "-m", "esgbook", "kpis", "--year", "2024", "--format", "json"], cwd=REPO,
                         env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    kpi = {r["metric"]: r for r in json.loads(out.stdout) if r["dimension"] == "total"}
    assert kpi["employees"]["value"] == 6242 and kpi["employees"]["prior_value"] == 3121
    assert kpi["water_t"]["value"] == pytest.approx(62634 * 1.1, rel=1e-6)
