"""The book read as a reader reads it: the running prose of every chapter of every edition.

Renders each committed edition from its executed notebooks (execution off) and reads the text
of every paragraph and list item outside tables and code. Each pattern below is a sentence a
reader should never meet: a template filled with a missing value, a raw id, an unrounded float.
"""
import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
EDITIONS = sorted(p.name for p in (REPO / "notebooks").iterdir() if p.is_dir() and p.name.isdigit())

BAD = {
    "n/a": re.compile(r"\bn/a\b", re.I),
    "nan": re.compile(r"\bnan\b", re.I),
    "None": re.compile(r"\bNone\b(?! of\b)"),
    "0 more than": re.compile(r"\b0 (more|fewer|less) than\b"),
    "a zero change": re.compile(r"±0(\.0+)?\s?%|±0(\.0+)? percentage"),
    "a doubled word": re.compile(r"\b([A-Za-z]{2,})\s+\1\b", re.I),
    "an unrounded float": re.compile(r"\d\.\d{5,}"),
    "a raw unit id": re.compile(r"\b(10k|100m) (count|persons|times|enterprises|person-times)\b"),
    "an empty count": re.compile(r"\b(of|into|in) 0 (honours|themes|tiers|cases?|headline|groups|topics)\b"),
}


def _metric_ids() -> set[str]:
    with open(REPO / "data" / "metrics.csv", encoding="utf-8") as fh:
        return {r["id"] for r in csv.DictReader(fh) if "_" in r["id"]}


@pytest.fixture(scope="module", params=EDITIONS)
def edition(request, tmp_path_factory):
    build = tmp_path_factory.mktemp(f"prose-{request.param}")
    out = subprocess.run([sys.executable, "-m", "esgbook.build.editions", "render", "--year", request.param], cwd=REPO,
                         env={**os.environ, "ESGBOOK_BUILD": str(build)}, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-5000:]
    return request.param, Path(out.stdout.strip().splitlines()[-1]).parent


def prose_of(page: Path) -> list[str]:
    """Text of every <p> and <li> of the page's article, leaving out tables, code, figures' SVG."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    main = soup.find("article") or soup
    for tag in main.select("table, pre, code, svg, .cell_input, script, style"):
        tag.decompose()
    return [" ".join(el.get_text(" ").split()) for el in main.find_all(["p", "li"]) if el.get_text(strip=True)]


def test_running_prose_has_no_unfilled_or_raw_values(edition):
    year, html = edition
    ids = _metric_ids()
    problems = []
    for page in sorted((html / "chapters").glob("*.html")):
        for text in prose_of(page):
            for what, pattern in BAD.items():
                if pattern.search(text):
                    problems.append(f"{year} {page.stem}: {what}: …{text[max(0, pattern.search(text).start() - 60):][:160]}")
            raw = [w for w in re.findall(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b", text) if w in ids]
            if raw:
                problems.append(f"{year} {page.stem}: raw metric id {raw[0]}: {text[:120]}")
    assert not problems, "\n".join(problems[:40])


def test_headings_follow_the_edition_year(edition):
    year, html = edition
    others = [y for y in EDITIONS if y != year]
    for page in sorted((html / "chapters").glob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for h in (soup.find("article") or soup).find_all(["h1", "h2", "h3"]):
            text = h.get_text(" ")
            assert not any(y in text for y in others), f"{year} {page.stem}: heading names another year: {text}"
