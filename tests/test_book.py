"""The book: every chapter present, glue resolves, builds clean offline, numbers match the engine."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from esgbook.analysis import kpis
from esgbook.book import formatting
from esgbook.build import editions

REPO = Path(__file__).resolve().parent.parent
CHAPTERS = {  # the brief's nine chapters and the gaps chapter, with the report's own Chinese title
    "01_overview": "公司概覽", "02_materiality": "實質性議題", "03_highlights": "專題報告",
    "04_governance": "公司責任治理", "05_operations": "責任運營", "06_customers_suppliers": "合作共贏",
    "07_people": "以人為本", "08_environment": "綠色為榮", "10_undisclosed": "未披露事項", "09_appendix": "附錄",
}
GLUE = re.compile(r"\{glue(?::text|:any|:md)?\}`([^`]+)`|```\{glue:(?:figure|md)\}\s+(\S+)")
EDITIONS = sorted(p.name for p in (REPO / "notebooks").iterdir() if p.is_dir() and p.name.isdigit())


def test_every_chapter_of_the_brief_is_in_the_toc():
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    files = [c["file"] for part in toc["parts"] for c in part["chapters"]]
    assert files == [f"chapters/{name}" for name in CHAPTERS]
    for name, chinese in CHAPTERS.items():
        title = next(line for line in (REPO / "chapters" / f"{name}.md").read_text(encoding="utf-8").splitlines()
                     if line.startswith("# "))
        assert chinese in title, title


def _glued(notebook: Path) -> list[tuple[str, dict]]:
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    return [(o["metadata"]["scrapbook"]["name"], o["data"]) for c in nb["cells"] for o in c.get("outputs", [])
            if "scrapbook" in o.get("metadata", {})]


def _glued_keys(notebook: Path) -> set[str]:
    return {key for key, _ in _glued(notebook)}


@pytest.mark.parametrize("source", editions.chapters(), ids=lambda p: p.stem)
def test_every_edition_glues_the_same_keys_in_the_same_order(source):
    """So nbdime lines outputs up between editions, and a key a year lacks is glued all the same."""
    orders = {y: [k for k, _ in _glued(REPO / "notebooks" / y / f"{source.stem}.ipynb")] for y in EDITIONS}
    first = orders[EDITIONS[0]]
    for year, keys in orders.items():
        assert keys == first, f"{source.stem}: {year} glues {sorted(set(keys) ^ set(first))[:10]} differently"


@pytest.mark.parametrize("source", editions.chapters(), ids=lambda p: p.stem)
def test_glued_text_is_a_formatted_string(source):
    for year in EDITIONS:
        for key, data in _glued(REPO / "notebooks" / year / f"{source.stem}.ipynb"):
            plain = next((v for k, v in data.items() if k.endswith("text/plain")), "")
            if any(k.endswith("text/markdown") for k in data) or any(k.endswith("image/svg+xml") for k in data):
                continue
            assert plain[:1] in "'\"", f"{source.stem} {year}: {key} glues {plain[:40]!r}, not a string"


TYPED = re.compile(r"(?<![\w-])\d{1,3}(,\d{3})+(\.\d+)?|(?<![\w-])\d+\.\d+%?|(?<![\w-])\d{2,}%")


@pytest.mark.parametrize("source", editions.chapters(), ids=lambda p: p.stem)
def test_no_number_is_typed_into_the_prose(source):
    """Figures reach the prose only through glue: a number typed into markdown goes stale next year."""
    text = source.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
    in_code, hits = False, []
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            in_code = not in_code
            continue
        if in_code or line.startswith(("#", ":")):
            continue
        prose = re.sub(r"`[^`]*`", "", re.sub(r"\{glue[^}]*\}`[^`]*`", "", line))
        if TYPED.search(prose):
            hits.append(line.strip()[:100])
    assert not hits, f"{source.name}: figures typed into prose: {hits[:5]}"


@pytest.mark.parametrize("source", editions.chapters(), ids=lambda p: p.stem)
@pytest.mark.parametrize("year", ["2022", "2023"])
def test_every_glue_key_resolves(source, year):
    used = {a or b for a, b in GLUE.findall(source.read_text(encoding="utf-8"))}
    glued = _glued_keys(REPO / "notebooks" / year / f"{source.stem}.ipynb")
    assert used <= glued, f"{source.name}: not glued in the {year} edition: {sorted(used - glued)}"


@pytest.fixture(scope="module")
def html(tmp_path_factory):
    """The 2023 edition rendered from the committed notebooks, into a fresh build folder."""
    build = tmp_path_factory.mktemp("book")
    out = subprocess.run([sys.executable, "-m", "esgbook.build.editions", "render", "--year", "2023"], cwd=REPO,
                         env={**os.environ, "ESGBOOK_BUILD": str(build)}, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-5000:]
    index = Path(out.stdout.strip().splitlines()[-1])  # the site's index; the edition is its 2023/ folder
    assert index.name == "index.html" and index.exists()
    return index.parent / "2023"


def test_builds_every_chapter(html):
    for name in ["00_index", *CHAPTERS]:
        assert (html / "chapters" / f"{name}.html").exists(), name


def test_no_network_host_for_scripts_styles_or_images(html):
    pattern = re.compile(r"<(script|link|img|iframe|source)\b[^>]*\b(src|href)=[\"'](https?:)?//", re.I)
    for page in html.rglob("*.html"):
        hits = pattern.findall(page.read_text(encoding="utf-8"))
        assert not hits, f"{page.relative_to(html)} loads from the network: {hits[:3]}"
    for css in html.rglob("*.css"):
        assert not re.search(r"@import\s+url\([\"']?https?:", css.read_text(encoding="utf-8", errors="ignore")), css


def test_glued_numbers_in_html_equal_the_engine(html, ds2023):
    env_page = (html / "chapters" / "08_environment.html").read_text(encoding="utf-8")
    for kpi_id in ("ghg_total_t", "water_t", "electricity_mwh", "scope2_implied_factor"):
        k = kpis.BY_ID[kpi_id]
        decimals = 4 if kpi_id.endswith("factor") else k.decimals
        assert formatting.num(kpis.compute(ds2023, kpi_id), decimals) in env_page, kpi_id
    index_page = (html / "chapters" / "00_index.html").read_text(encoding="utf-8")
    assert formatting.num(kpis.compute(ds2023, "employees"), 0) in index_page  # 3,121
    assert "0.45" in index_page and "20.07" in index_page  # GHG and water per employee


def test_charts_are_svg_images_with_captions(html):
    page = (html / "chapters" / "08_environment.html").read_text(encoding="utf-8")
    assert page.count('.svg"') >= 6 and "Figure" in page and "Table" in page
    assert "injected-parameters" not in page and "year = 2023" not in page


@pytest.mark.parametrize("chapter", [c for c in CHAPTERS if c != "00_index"])
def test_every_figure_links_its_data(html, chapter):
    """Each figure's caption links the CSV of what it draws, and the file is in the build."""
    page = (html / "chapters" / f"{chapter}.html").read_text(encoding="utf-8")
    figures = re.findall(r'<figure[^>]*id="(fig-[\w-]+)"', page)
    for label in figures:
        link = re.search(rf'href="(\.\./_downloads/\w+/{re.escape(label)}\.csv)"', page)
        assert link, f"{chapter}: figure {label} has no CSV link"
        assert (html / "chapters" / link.group(1)).resolve().exists(), link.group(1)


def test_english_headings_set_their_chinese_name_apart(html):
    """'8 Environment (綠色為榮)': the bracket in a muted span of its own, in the heading and in the navigation,
    with the heading's text unchanged."""
    page = (html / "chapters" / "08_environment.html").read_text(encoding="utf-8")
    headings = re.findall(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    assert any(h.startswith('8 Environment<span class="esg-title-gloss"> (綠色為榮)</span>') for h in headings), headings
    nav = page[page.index('class="bd-sidebar-primary'):]
    assert '1 Company overview<span class="esg-title-gloss"> (公司概覽)</span>' in nav
    assert "<title>8 Environment (綠色為榮)" in page  # the window title is plain text
