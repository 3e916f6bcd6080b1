"""The Chinese notebook of a chapter, made from the one executed English notebook (nothing re-executes).

The Chinese chapter source (`chapters/zh-hant/<chapter>.md`) has the same code cells as the English one
and its own Markdown. Its notebook is: the Chinese Markdown cells, and in place of each code cell the
executed English cell with every output's Chinese rendering (`metadata["esgbook"]["zh_hant"]`, written by
`esgbook.book.outputs`) swapped in as the output's data.
"""
from __future__ import annotations

import copy
import re
from pathlib import Path

from esgbook.book.outputs import META, PLACEHOLDER
from esgbook.inputs.errors import DataError
from esgbook.paths import CHAPTERS

SOURCES = {"zh_hant": CHAPTERS / "zh-hant"}


def source(lang: str, chapter: str) -> Path:
    return SOURCES[lang] / f"{chapter}.md"


def _is_injected(cell) -> bool:
    return "injected-parameters" in cell.get("metadata", {}).get("tags", [])


def _swap(cell, lang: str, where: str) -> None:
    for out in cell.get("outputs", []):
        meta = out.get("metadata", {})
        other = meta.get(META, {}).get(lang) if isinstance(meta.get(META), dict) else None
        if other is not None:
            out["data"] = other
        elif out.get("output_type") in ("display_data", "execute_result") and out.get("data"):
            raise DataError(f"{where}: an output has no {lang} rendering (show it with present.show, "
                            "present.glue_numbers or charts.publish, which render every language)")
        if META in meta:
            del meta[META]


def strip(nb) -> None:
    """Drop the other languages' renderings from a notebook about to be rendered in English."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            out.get("metadata", {}).pop(META, None)
    drop_placeholder_figures(nb)


EMPTY_TABLE = re.compile(r"^% not shown: (\S+) has no rows", re.M)   # what present.Table shows for no rows
_SENTENCE = re.compile(r"(?:[^.。!?！？]|\.(?!\s|$))*?(?:\.(?=\s|$)|[。!?！？]|$)\s*", re.S)


def dropped_labels(nb) -> set[str]:
    """The tables and figures of a notebook that hold nothing for its year: empty tables (present.Table)
    and placeholder charts (charts.placeholder)."""
    out = set()
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            meta = o.get("metadata", {})
            if meta.get(PLACEHOLDER) and "scrapbook" in meta:
                out.add(meta["scrapbook"]["name"])
            text = o.get("data", {}).get("text/markdown", "")
            out.update(EMPTY_TABLE.findall(text if isinstance(text, str) else "".join(text)))
    return out


def drop_placeholder_figures(nb) -> None:
    """A year without data for a table or chart shows neither: its `{glue:figure}` block is left out of the
    page, and so is each sentence of the fixed prose that points to it (a reference to a figure that is not
    there would be a dangling link), so a reader sees the section's one sentence on what the year lacks."""
    empty = dropped_labels(nb)
    if not empty:
        return
    names = "|".join(map(re.escape, sorted(empty)))
    block = re.compile(r"^```\{glue:figure\} (" + names + r")\n.*?^```\n?", re.M | re.S)
    ref = re.compile(r"\{numref\}`(?:" + names + r")`")
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        text = block.sub("", cell.source)
        if ref.search(text):
            text = "\n\n".join(_without(para, ref) if ref.search(para) else para for para in text.split("\n\n"))
        cell.source = text


_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"


def _without(paragraph: str, ref: re.Pattern) -> str:
    """The paragraph less its sentences that match `ref`; a line break or a join next to Chinese text adds no space."""
    flat = re.sub(rf"(?<=[{_CJK}])\n|\n(?=[{_CJK}])", "", paragraph).replace("\n", " ")
    kept = [s.strip() for s in _SENTENCE.findall(flat) if s.strip() and not ref.search(s)]
    out = ""
    for sentence in kept:
        out += ("" if not out or re.search(rf"[{_CJK}]$", out) else " ") + sentence
    return out


def localise(executed, lang: str, chapter: str):
    """The `lang` notebook of `chapter` from its executed English notebook (an nbformat node)."""
    import jupytext  # noqa: PLC0415

    src = source(lang, chapter)
    if not src.exists():
        raise DataError(f"{src.relative_to(CHAPTERS.parent)}: missing (every chapter needs its {lang} source)")
    theirs = jupytext.read(src)
    code = [c for c in executed.cells if c.cell_type == "code" and not _is_injected(c)]
    injected = [c for c in executed.cells if _is_injected(c)]
    mine = [c for c in theirs.cells if c.cell_type == "code"]
    where = f"chapters/zh-hant/{chapter}.md"
    if len(mine) != len(code):
        raise DataError(f"{where}: expected the {len(code)} code cells of chapters/{chapter}.md, got {len(mine)}")
    out = copy.deepcopy(executed)
    out.cells = []
    k = 0
    for cell in theirs.cells:
        if cell.cell_type != "code":
            md = copy.deepcopy(cell)
            md.pop("id", None)
            out.cells.append(md)
            continue
        if cell.source.strip() != code[k].source.strip():
            raise DataError(f"{where}: code cell {k + 1} differs from chapters/{chapter}.md (the code cells of "
                            "the two languages must be the same)")
        done = copy.deepcopy(code[k])
        _swap(done, lang, f"{where}, code cell {k + 1}")
        out.cells.append(done)
        if "parameters" in done.get("metadata", {}).get("tags", []):
            out.cells.extend(copy.deepcopy(c) for c in injected)
        k += 1
    drop_placeholder_figures(out)
    for i, cell in enumerate(out.cells):
        cell["id"] = f"{chapter}-{lang}-{i:02d}"
    return out
