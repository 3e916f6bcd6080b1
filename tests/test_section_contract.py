"""One contract for every section: for every chapter and edition, the glue keys its `numbers(ds)` gives
carry the module's PREFIX, every edition gives the same keys, every value is a string, and every table and
figure label the chapter shows reads tbl-<prefix>-... / fig-<prefix>-... ."""
from __future__ import annotations

import re
from importlib import import_module
from pathlib import Path

import pytest

from esgbook.book import narrative, sections

REPO = Path(__file__).resolve().parent.parent
IMPORT = re.compile(r"^from esgbook\.book\.sections import (.+)$", re.M)
NAME = re.compile(r"(\w+)(?: as (\w+))?")
CALL = re.compile(r"(present\.show|present\.show_all|charts\.publish)\((\w+)\.(\w+), ds(?:, \"([\w-]+)\")?\)")
EDITIONS = ["ds2022", "ds2023", "ds2024", "ds2023_alone"]


def prefix(module) -> str:
    return module.PREFIX.rstrip("_")  # compared.py spells it with its underscore


def chapter_modules(stem: str) -> dict[str, object]:
    text = (REPO / "chapters" / f"{stem}.md").read_text(encoding="utf-8")
    return {alias or name: import_module(f"esgbook.book.sections.{name}")
            for line in IMPORT.findall(text) for name, alias in NAME.findall(line)}


@pytest.fixture(scope="module")
def editions(request):
    return {name: request.getfixturevalue(name) for name in EDITIONS}


@pytest.fixture(scope="module")
def glued(editions):
    """(chapter, module) -> edition -> the keys and values numbers(ds) glues, in English."""
    out = {}
    with narrative.using("en"):
        for stem, names in sections.CHAPTERS.items():
            for name in names:
                module = import_module(f"esgbook.book.sections.{name}")
                out[(stem, name)] = {e: module.numbers(ds) for e, ds in editions.items()}
    return out


def test_the_mapping_names_what_each_chapter_imports():
    chapters = sorted(p.stem for p in (REPO / "chapters").glob("*.md"))
    assert sorted(sections.CHAPTERS) == chapters
    for stem, names in sections.CHAPTERS.items():
        assert sorted(m.__name__.rsplit(".", 1)[-1] for m in chapter_modules(stem).values()) == sorted(names), stem
        text = (REPO / "chapters" / "zh-hant" / f"{stem}.md").read_text(encoding="utf-8")
        assert sorted(n for line in IMPORT.findall(text) for n, _ in NAME.findall(line)) == sorted(names), stem


@pytest.mark.parametrize("stem, name", [(s, n) for s, ns in sections.CHAPTERS.items() for n in ns])
def test_glue_keys_carry_the_prefix_and_are_the_same_in_every_edition(glued, stem, name):
    module = import_module(f"esgbook.book.sections.{name}")
    by_edition = glued[(stem, name)]
    keys = set(by_edition["ds2023"])
    assert keys, f"{name}.numbers glues nothing"
    bad = sorted(k for k in keys if not k.startswith(prefix(module) + "_"))
    assert not bad, f"{name}: keys without the prefix {prefix(module)}_: {bad}"
    for edition, numbers in by_edition.items():
        assert set(numbers) == keys, f"{name} in {edition}: {sorted(set(numbers) ^ keys)}"
        assert list(numbers) == list(by_edition["ds2023"]), f"{name} in {edition}: keys in another order"
        not_text = sorted(k for k, v in numbers.items() if not isinstance(v, str))
        assert not not_text, f"{name} in {edition}: values that are not strings: {not_text}"


def test_no_two_sections_glue_the_same_key(glued):
    seen: dict[str, str] = {}
    for (_, name), by_edition in glued.items():
        for key in by_edition["ds2023"]:
            assert key not in seen, f"{key} glued by {seen[key]} and {name}"
            seen[key] = name


@pytest.mark.parametrize("stem", sorted(sections.CHAPTERS))
def test_table_and_figure_labels_carry_the_prefix(editions, stem):
    text = (REPO / "chapters" / f"{stem}.md").read_text(encoding="utf-8")
    modules = chapter_modules(stem)
    for kind, alias, fn, extra in CALL.findall(text):
        if fn == "downloads":
            continue
        pfx = prefix(modules[alias])
        for edition, ds in editions.items():
            shown = getattr(modules[alias], fn)(ds, *((extra,) if extra else ()))
            for obj in shown if isinstance(shown, list) else [shown]:
                wanted = ("fig-" if kind == "charts.publish" else "tbl-") + pfx + "-"
                assert obj.label.startswith(wanted), f"{stem}: {alias}.{fn} in {edition} is {obj.label}, not {wanted}..."


PRIVATE = re.compile(r"\b(charts|kpis|present|reconcile|data|narrative|findings|inference|validate|xbrl|cli|"
                     r"assumptions|exports)\._[a-z]\w*")


def test_no_section_reaches_into_a_private_name():
    found = [f"{path.relative_to(REPO)}: {m.group(0)}" for path in sorted((REPO / "esgbook" / "book" / "sections").rglob("*.py"))
             for m in PRIVATE.finditer(path.read_text(encoding="utf-8"))]
    assert not found, found
