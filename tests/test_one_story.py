"""No page of an edition contradicts another: read the committed executed notebooks of every edition, in
both languages, and check that each key finding and each count is stated the same way wherever it appears."""
import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EDITIONS = sorted(p.name for p in (REPO / "notebooks").iterdir() if p.is_dir() and p.name.isdigit())
LANGS = ("en", "zh_hant")
REF = re.compile(r"\{ref\}`([\w-]+)`")


def glued(year: str, chapter: str, lang: str) -> dict[str, str]:
    """Every glued value of an executed chapter, in `lang` (English is the output, others its metadata)."""
    nb = json.loads((REPO / "notebooks" / year / f"{chapter}.ipynb").read_text(encoding="utf-8"))
    out = {}
    for cell in nb["cells"]:
        for o in cell.get("outputs", []):
            meta = o.get("metadata", {})
            name = meta.get("scrapbook", {}).get("name")
            if not name:
                continue
            prefix = meta["scrapbook"].get("mime_prefix", "")
            data = o["data"] if lang == "en" else meta["esgbook"][lang]
            data = {k.removeprefix(prefix): v for k, v in data.items()}
            text = data.get("text/markdown") or data.get("text/plain", "")
            text = "".join(text) if isinstance(text, list) else text
            out[name] = text[1:-1] if text[:1] in "'\"" and text[-1:] == text[:1] else text
    return out


CHAPTER_OF_TARGET = {}
for md in (REPO / "chapters").glob("*.md"):
    for label in re.findall(r"^\(([\w-]+)\)=", md.read_text(encoding="utf-8"), re.M):
        CHAPTER_OF_TARGET[label] = md.stem


def bullets(text: str) -> list[str]:
    return [line[2:] for line in text.splitlines() if line.startswith("- ")]


def lead_key(chapter: str) -> str:
    from importlib import import_module

    from esgbook.book.sections import CHAPTERS
    return import_module(f"esgbook.book.sections.{CHAPTERS[chapter][0]}").PREFIX.rstrip("_") + "_lead_text"


@pytest.mark.parametrize("year", EDITIONS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_opening_finding_is_told_the_same_in_its_chapter(year, lang):
    opening = bullets(glued(year, "00_index", lang)["idx_findings_text"])
    assert opening, f"the {year} opening page lists no finding"
    for item in opening:
        target = REF.search(item).group(1)
        chapter = CHAPTER_OF_TARGET[target]
        sentence = re.sub(r"\s*(?:\(see \)|（見）)$", "", REF.sub("", item))
        lead = glued(year, chapter, lang)[lead_key(chapter)]
        assert sentence in lead, f"{year} {lang}: the opening's finding is not in {chapter}'s lead: {sentence[:80]}"


@pytest.mark.parametrize("year", EDITIONS)
def test_the_content_index_counts_are_the_same_on_every_page(year):
    app = glued(year, "09_appendix", "en")
    ov = glued(year, "01_overview", "en")["ov_guide_text"]
    for status, word in (("disclosed", "disclosed"), ("partly", "partly disclosed"), ("not_disclosed", "not disclosed")):
        n = app[f"app_status_{status}"]
        if n != "0":
            assert re.search(rf"\b{n} (?:is |are )?{word}\b", ov), f"{year}: overview and appendix differ on {word}"


@pytest.mark.parametrize("year", EDITIONS)
def test_no_table_heads_the_corruption_count_as_lawsuits(year):
    for nb in (REPO / "notebooks" / year).glob("*.ipynb"):
        text = nb.read_text(encoding="utf-8")
        assert "Corruption lawsuits" not in text and "貪污訴訟案件 |" not in text, nb.name
