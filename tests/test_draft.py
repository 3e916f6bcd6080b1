"""A draft says it is a draft: the checklist of what a year's data lack (esgbook.analysis.draft), the report row every
figure needs (validation, the workbook), the lines `make validate` and `make book` print, and the banner.

Synthetic years are built in temporary copies of data/ (tests/synthetic.py), never committed."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from synthetic import OBSERVATIONS, REGISTERS, _copy_year, _edit, add_report, copy_data

from conftest import REPO, run_cli
from esgbook.analysis import draft
from esgbook.build.site import render, sphinxext
from esgbook.inputs import dataset as data
from esgbook.inputs.errors import DataError

# What a numbers-only 2024 lacks, in the order of data/datapackage.json (every register kept per year).
NUMBERS_ONLY = ["board", "material_topics", "stakeholder_concerns", "honours", "industry_standards",
                "community_cases", "emission_factors", "hkex_index", "governance_bodies"]


def _numbers_only(root: Path, year: int = 2024, report: bool = True) -> Path:
    """The observation files' figures for `year` (2023's, given by the year's own report), no register rows:
    what `make import` of a filled workbook gives."""
    for name in OBSERVATIONS:
        _edit(root, name, lambda rows: _copy_year(rows, str(year - 1), str(year)))
    if report:
        add_report(root, year)
    return root


def _registers(root: Path, year: int = 2024, factors: bool = True) -> Path:
    """Every per-year register of 2023 copied to `year` (and, with `factors`, its emission factors)."""
    for name in [*REGISTERS, "governance_bodies"]:
        _edit(root, name, lambda rows: rows if any(r["year"] == str(year) for r in rows)
              else _copy_year(rows, str(year - 1), str(year)))
    if factors:
        _edit(root, "emission_factors", lambda rows: rows + [
            {**r, "applies_to_year": str(year), "factor_id": r["factor_id"].replace(str(year - 1), str(year))}
            for r in rows if r["applies_to_year"] == str(year - 1)])
    return root


@pytest.fixture(scope="module")
def numbers_only(tmp_path_factory):
    return _numbers_only(copy_data(tmp_path_factory.mktemp("numbers")))


@pytest.fixture(scope="module")
def no_report(tmp_path_factory):
    return _numbers_only(copy_data(tmp_path_factory.mktemp("noreport")), report=False)


# -- the checklist ----------------------------------------------------------------------------------------
def test_numbers_only_draft_lists_every_register(numbers_only):
    ds = data.load(2024, numbers_only)
    missing = draft.checklist(ds)
    assert [m.register for m in missing] == NUMBERS_ONLY
    assert draft.is_draft(ds)
    board = missing[0]
    assert (board.file, board.year, board.reference, board.reference_rows) == ("data/board.csv", 2024, 2023, 9)
    assert (board.what_en, board.what_zh) == ("the directors of 2024", "2024年度的董事")
    factors = next(m for m in missing if m.register == "emission_factors")
    assert factors.what_en == "grid and fuel emission factors for 2024 (marked used_for_sensitivity)"
    assert all(m.file == f"data/{m.register}.csv" and m.what_zh.startswith("2024年度") for m in missing)
    assert board.line() == "draft 2024: missing the directors of 2024; fill data/board.csv (2023 has 9 row(s))"


def test_committed_editions_are_complete(ds2022, ds2023):
    """2023 has its report and every register; 2022 is the comparative column of the 2023 report: it has no
    registers of its own and never will, so it is not a draft."""
    assert draft.checklist(ds2023) == [] and draft.checklist(ds2022) == []
    assert not draft.is_draft(ds2022) and not draft.is_draft(ds2023)
    assert draft.comparative(ds2022) and not draft.comparative(ds2023)


def test_a_complete_year_has_no_checklist(tmp_path):
    root = _registers(_numbers_only(copy_data(tmp_path)))
    assert draft.checklist(data.load(2024, root)) == []
    assert draft.checklist_markdown(data.load(2024, root)) == ""


def test_emission_factors_are_counted_per_scope(tmp_path):
    root = _registers(_numbers_only(copy_data(tmp_path)), factors=False)
    _edit(root, "emission_factors", lambda rows: rows + [
        {**r, "applies_to_year": "2024", "factor_id": r["factor_id"].replace("2023", "2024")}
        for r in rows if r["applies_to_year"] == "2023" and r["scope"] == "grid"])
    missing = draft.checklist(data.load(2024, root))
    assert [(m.register, m.what_en) for m in missing] == [
        ("emission_factors", "a fuel emission factor for 2024 (marked used_for_sensitivity)")]
    assert missing[0].what_zh == "2024年度的燃料排放因子（標示為用於敏感度分析）"


def test_markdown_in_both_languages(numbers_only):
    ds = data.load(2024, numbers_only)
    en, zh = draft.checklist_markdown(ds, "en"), draft.checklist_markdown(ds, "zh_hant")
    assert en.splitlines()[0] == "- the directors of 2024: `data/board.csv`"
    assert zh.splitlines()[0] == "- 2024年度的董事：`data/board.csv`"
    assert len(en.splitlines()) == len(zh.splitlines()) == len(NUMBERS_ONLY)


# -- every year has its report ----------------------------------------------------------------------------
def _first_new_row() -> int:
    """The editor row of the first 2024 row of environment.csv: its rows are appended after the file's own."""
    return len((REPO / "data" / "environment.csv").read_text(encoding="utf-8").splitlines()) + 1


def test_figures_of_a_report_without_its_row_fail_validation(no_report):
    with pytest.raises(DataError) as exc:
        data.load(2024, no_report)
    message = str(exc.value)
    assert "\n" not in message
    assert message.startswith(f'data/environment.csv, row {_first_new_row()}, column "reported_in": expected the year '
                              "of a report listed in data/reports.csv, got 2024, which has no row there"), message
    assert "add the 2024 report's row to data/reports.csv (report_year 2024, title_en, title_zh, covers, " \
           "published_by)" in message
    # One problem per file, not one per figure.
    assert message.endswith(f"(and {len(OBSERVATIONS) - 1} more problem(s))"), message


def test_the_cli_says_so_in_one_line(no_report):
    out = run_cli("validate", data_dir=no_report)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.count("\n") == 1 and out.stderr.startswith(
        f'error: data/environment.csv, row {_first_new_row()}, column "reported_in": expected the year of a report')


def test_without_its_report_row_the_checklist_starts_with_it(no_report):
    missing = draft.checklist(draft.bound(2024, no_report))  # built without validating
    assert [m.register for m in missing] == ["reports", *NUMBERS_ONLY]
    assert missing[0].line() == ("draft 2024: missing the 2024 report's row (title in English and Chinese, period "
                                 "covered, publication date); fill data/reports.csv")


# -- make validate and make book print it -------------------------------------------------------------------
def test_validate_prints_the_checklist_and_passes(numbers_only):
    out = run_cli("validate", data_dir=numbers_only)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("data package valid; years: 2022, 2023, 2024 (")
    assert "what the draft edition(s) 2024 lack on stderr)" in out.stdout
    printed = [line for line in out.stderr.splitlines() if line.startswith("draft ")]
    assert printed == draft.lines(data.load(2024, numbers_only))
    assert len(printed) == len(NUMBERS_ONLY)


def test_validate_of_the_real_data_prints_no_checklist():
    out = run_cli("validate")
    assert out.returncode == 0 and "draft" not in out.stdout + out.stderr


def test_an_edition_command_prints_the_checklist(numbers_only, tmp_path):
    """`make book` runs `python -m esgbook.build.editions build`: the checklist comes first, on stderr, whatever the run
    does next (here a render with no executed notebooks, which fails for its own reason)."""
    env = {**os.environ, "ESGBOOK_DATA": str(numbers_only), "ESGBOOK_NOTEBOOKS": str(tmp_path / "nb"),
           "ESGBOOK_BUILD": str(tmp_path / "build")}
    out = subprocess.run([sys.executable, "-m", "esgbook.build.editions", "render", "--year", "2024"], cwd=REPO, env=env,
                         capture_output=True, text=True)
    lines = out.stderr.splitlines()
    assert lines[:len(NUMBERS_ONLY)] == draft.lines(data.load(2024, numbers_only)), out.stderr
    assert "notebooks/2024/ lacks" in out.stderr  # the render's own error, after the checklist


# -- the banner -----------------------------------------------------------------------------------------------
SITE = {"years": [2022, 2023, 2024], "latest": 2024, "root": "chapters/00_index",
        "pages": {"en/2024": ["chapters/00_index", "chapters/08_environment"],
                  "zh_hant/2024": ["chapters/00_index", "chapters/08_environment"]}}


def test_banner_in_both_languages():
    en = sphinxext.draft_banner({**SITE, "lang": "en", "year": 2024}, "chapters/08_environment", ["board"])
    assert "Draft: the data for 2024 are incomplete — see the list on the " in en
    assert '<a href="00_index.html">opening page</a>' in en and 'class="admonition warning esg-draft"' in en
    zh = sphinxext.draft_banner({**SITE, "lang": "zh_hant", "year": 2024}, "chapters/08_environment", ["board"])
    assert "草稿：2024年度的數據尚未齊全——缺少的項目見" in zh and '<a href="00_index.html">首頁</a>' in zh
    assert sphinxext.draft_banner({**SITE, "lang": "en", "year": 2023}, "chapters/00_index", []) == ""


def _sphinx(src: Path, out: Path, lang: str = "en") -> subprocess.CompletedProcess:
    """Sphinx with the site extension, configured as staging configures it: the draft's registers found in the
    data package staged beside the pages (chapters/downloads/data)."""
    missing = render.draft_registers(2024, src / "chapters" / "downloads" / "data")
    conf = (f"extensions = ['esgbook.build.site.sphinxext']\nesgbook_site = {({**SITE, 'lang': lang, 'year': 2024})!r}\n"
            f"esgbook_draft = {missing!r}\nroot_doc = 'chapters/00_index'\n")
    (src / "conf.py").write_text(conf, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "sphinx", "-q", "-W", "-b", "html", str(src), str(out)], cwd=REPO,
                          capture_output=True, text=True)


def test_banner_on_every_page_of_a_draft_and_gone_once_complete(tmp_path):
    """A Sphinx build with the site extension, the draft's data package staged beside the pages as the site
    stages it (chapters/downloads/data): every page has the banner; once the registers are filled, an incremental
    build drops it from every page, also from pages whose source did not change."""
    src, out = tmp_path / "src", tmp_path / "out"
    (src / "chapters" / "downloads").mkdir(parents=True)
    root = _numbers_only(copy_data(src / "chapters" / "downloads"))
    (src / "chapters" / "00_index.rst").write_text("Opening\n=======\n\n.. toctree::\n\n   08_environment\n",
                                                    encoding="utf-8")
    (src / "chapters" / "08_environment.rst").write_text("Environment\n===========\n\nText.\n", encoding="utf-8")
    built = _sphinx(src, out)
    assert built.returncode == 0, built.stderr
    for page in ("00_index", "08_environment"):
        html = (out / "chapters" / f"{page}.html").read_text(encoding="utf-8")
        assert html.count("esg-draft") == 1 and "Draft: the data for 2024 are incomplete" in html
    assert '<a href="00_index.html">opening page</a>' in (out / "chapters" / "08_environment.html").read_text()
    _registers(root)
    built = _sphinx(src, out)
    assert built.returncode == 0, built.stderr
    for page in ("00_index", "08_environment"):
        assert "esg-draft" not in (out / "chapters" / f"{page}.html").read_text(encoding="utf-8")


def test_chinese_banner_on_a_rendered_page(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    (src / "chapters" / "downloads").mkdir(parents=True)
    _numbers_only(copy_data(src / "chapters" / "downloads"))
    (src / "chapters" / "00_index.rst").write_text("開篇\n====\n\n正文。\n", encoding="utf-8")
    built = _sphinx(src, out, "zh_hant")
    assert built.returncode == 0, built.stderr
    html = (out / "chapters" / "00_index.html").read_text(encoding="utf-8")
    assert '草稿：2024年度的數據尚未齊全——缺少的項目見<a href="00_index.html">首頁</a>的清單。' in html
