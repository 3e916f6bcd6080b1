"""The PDF edition: xelatex with CJK fonts, charts as vector images, tables inside the page.

The latest edition is rendered as a PDF from the committed notebooks into a temporary build
folder (ESGBOOK_TEST_BUILD names a folder to keep instead), then read back with poppler:
pdftotext for the Chinese text and every chart's title, pdftoppm for a chart page's pixels.
TeX, fonts and poppler come from Debian (`make system-deps`); these tests do not skip.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from esgbook.book import charts
from esgbook.build import editions
from esgbook.paths import TOOLS

REPO = Path(__file__).resolve().parent.parent
CHART_TEXT = "application/papermill.record/text/plain"


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    """`make pdf` builds one PDF per language; each path is printed on a line of its own."""
    keep = os.environ.get("ESGBOOK_TEST_BUILD")
    build = Path(keep).resolve() if keep else tmp_path_factory.mktemp("pdf-build")
    out = subprocess.run([sys.executable, "-m", "esgbook.build.editions", "pdf"], cwd=REPO, capture_output=True,
                         text=True, env={**os.environ, "ESGBOOK_BUILD": str(build)})
    assert out.returncode == 0, out.stdout[-5000:] + out.stderr[-8000:]
    paths = [Path(line) for line in out.stdout.strip().splitlines() if line.endswith(".pdf")]
    assert all(p.exists() for p in paths), out.stdout[-2000:]
    return {"zh_hant" if "zh-hant" in p.name else "en": p for p in paths}


@pytest.fixture(scope="session")
def pdf(pdfs) -> Path:
    return pdfs["en"]


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.fixture(scope="session")
def pages(pdf) -> list[str]:
    """The text of each page (pdftotext separates pages with a form feed)."""
    return _text(pdf).split("\f")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _chart_titles(lang: str = "en") -> dict[str, str]:
    """label -> title of every chart the latest edition's notebooks publish (in `lang`)."""
    edition = editions.NOTEBOOKS / str(editions.check_year(None))
    titles = {}
    for nb in sorted(edition.glob("*.ipynb")):
        for cell in json.loads(nb.read_text(encoding="utf-8"))["cells"]:
            for out in cell.get("outputs", []):
                data = out.get("data", {}) if lang == "en" else out.get("metadata", {}).get("esgbook", {}).get(lang, {})
                text = data.get(CHART_TEXT, "")
                text = "".join(text) if isinstance(text, list) else text
                if m := re.match(r"Chart (\S+): (.+)", text):
                    titles[m[1]] = m[2]
    return titles


def test_the_pdf_is_the_book(pdf, pages):
    assert pdf.name == "qifu-esg.pdf"
    assert len(pages) > 20
    flat = _flat(" ".join(pages))
    for source in editions.chapters()[1:]:
        title = next(line[2:].strip() for line in source.read_text(encoding="utf-8").splitlines() if line.startswith("# "))
        assert _flat(title) in flat, f"chapter title missing from the PDF: {title}"


def test_chinese_text_is_rendered(pdf, pages):
    flat = _flat(" ".join(pages))
    for term in ["綠色為榮", "僱員", "能源消耗", "附錄"]:
        assert term in flat, term
    log = pdf.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    missing = sorted(set(re.findall(r"Missing character: There is no (.+?) in font", log)))
    assert not missing, f"glyphs missing from the fonts: {missing[:20]}"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "NotoSerifCJK" in fonts and "NotoSansCJK" in fonts, fonts


def test_every_chart_is_an_image_with_its_title(pdf, pages):
    titles = _chart_titles()
    assert len(titles) >= 6, titles
    flat = _flat(" ".join(pages))
    # A chart that fell back to its text/plain form would print "Chart <label>: ..." instead of drawing.
    assert "Chart fig-" not in flat
    # as drawn: the English edition's charts leave out the Chinese glosses of their text
    missing = {label: t for label, t in titles.items() if _flat(charts.unglossed(t)) not in flat}
    assert not missing, f"chart titles not drawn in the PDF: {missing}"
    tex = pdf.with_suffix(".tex").read_text(encoding="utf-8")
    assert tex.count(r"\sphinxincludegraphics") >= len(titles)


def _ppm(pdf: Path, page: int, dpi: int = 50) -> tuple[int, int, bytes]:
    data = subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), str(pdf)],
                          capture_output=True, check=True).stdout
    magic, size, depth, pixels = data.split(b"\n", 3)
    assert magic == b"P6" and depth == b"255"
    width, height = map(int, size.split())
    return width, height, pixels


def _near(pixels: bytes, rgb: tuple[int, int, int], tol: int) -> int:
    r0, g0, b0 = rgb
    return sum(1 for i in range(0, len(pixels), 3)
               if abs(pixels[i] - r0) < tol and abs(pixels[i + 1] - g0) < tol and abs(pixels[i + 2] - b0) < tol)


def test_a_chart_page_is_drawn(pdf, pages):
    """The page with the energy chart shows its bars: current-year blue and prior-year grey pixels."""
    page = next(i for i, text in enumerate(pages, start=1) if "Energy use by source" in text)
    width, height, pixels = _ppm(pdf, page)
    shot = pdf.with_name(f"page-{page}.ppm")  # left for a human to look at
    shot.write_bytes(b"P6\n%d %d\n255\n" % (width, height) + pixels)
    blue = _near(pixels, (0x1F, 0x5F, 0x8B), 30)
    grey = _near(pixels, (0x9A, 0xA5, 0xB1), 15)
    assert blue > 500 and grey > 500, (page, blue, grey)
    # and a page of prose has neither
    prose = next(i for i, text in enumerate(pages, start=1) if "contents" in text.lower())
    _, _, pixels = _ppm(pdf, prose)
    assert _near(pixels, (0x1F, 0x5F, 0x8B), 30) < 200


def test_tables_fit_the_page(pdf):
    """No box runs more than a few points past the margin (a table with unbreakable columns would)."""
    log = pdf.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    overfull = [float(x) for x in re.findall(r"Overfull \\hbox \(([\d.]+)pt too wide\) in alignment", log)]
    assert not [x for x in overfull if x > 30], f"tables wider than the page by {sorted(overfull)[-5:]} pt"


def test_the_chinese_pdf_is_the_chinese_book(pdfs):
    """`make pdf` also typesets the Traditional Chinese edition (xeCJK), charts drawn with their Chinese titles."""
    zh = pdfs["zh_hant"]
    assert zh.name == "qifu-esg-zh-hant.pdf"
    flat = _flat(_text(zh))
    for source in editions.chapters()[1:]:
        zh_source = source.parent / "zh-hant" / source.name
        title = next(line[2:].strip() for line in zh_source.read_text(encoding="utf-8").splitlines() if line.startswith("# "))
        assert _flat(title) in flat, f"chapter title missing from the Chinese PDF: {title}"
    assert "目錄" in flat and "溫室氣體" in flat
    titles = _chart_titles("zh_hant")
    assert len(titles) >= 6 and all(re.search(r"[\u4e00-\u9fff]", t) for t in titles.values())
    missing = {label: t for label, t in titles.items() if _flat(t) not in flat}
    assert not missing, f"chart titles not drawn in the Chinese PDF: {missing}"
    log = zh.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    assert not re.findall(r"Missing character: There is no (.+?) in font", log)


def test_chart_text_prints_at_11_px_or_more(pdfs):
    """Every chart's text, as printed in each PDF (its size through the scaling to the column), is 11 px or more:
    scripts/pdf_chart_text.py measures it with pdfminer.six in the tools environment."""
    out = subprocess.run([str(TOOLS / "bin" / "python"), str(REPO / "scripts" / "pdf_chart_text.py"),
                          *map(str, pdfs.values())], capture_output=True, text=True, check=True).stdout
    measured = json.loads(out)
    for path, pages in measured.items():
        assert len(pages) >= 20, (path, len(pages))  # the chart pages were found
        small = [(p["page"], p["min_px"], p["text"]) for p in pages if p["min_px"] < 11]
        assert not small, (path, small)
