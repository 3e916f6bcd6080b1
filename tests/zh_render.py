"""What a chapter shows, rendered in one language: the glued values of every section and the text of
every table and chart the chapters' code cells show (parsed from chapters/*.md, so a new table is
covered without listing it here)."""
from __future__ import annotations

import re
from importlib import import_module
from pathlib import Path

from esgbook.book import narrative

CHAPTERS = Path(__file__).resolve().parent.parent / "chapters"
IMPORT = re.compile(r"^from esgbook\.book\.sections import (.+)$", re.M)
NAME = re.compile(r"(\w+)(?: as (\w+))?")
CALL = re.compile(r"(present\.show|charts\.publish)\((\w+)\.(\w+), ds(?:, \"([\w-]+)\")?\)")
GLUE = re.compile(r"present\.glue_numbers\((\w+)\.numbers, ds\)")


def chapter_calls() -> tuple[dict[str, object], list[tuple[str, object, str, tuple]]]:
    """The sections whose numbers the chapters glue, and every table and chart call of every chapter."""
    sections, calls = {}, []
    for path in sorted(CHAPTERS.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        mods = {alias or name: import_module(f"esgbook.book.sections.{name}")
                for line in IMPORT.findall(text) for name, alias in NAME.findall(line)}
        for alias in GLUE.findall(text):
            sections[f"{path.stem}:{alias}"] = mods[alias]
        for kind, alias, fn, extra in CALL.findall(text):
            calls.append((f"{path.stem}:{alias}.{fn}", getattr(mods[alias], fn), kind, (extra,) if extra else ()))
    return sections, calls


def numbers(ds, lang: str) -> dict[str, dict[str, str]]:
    sections, _ = chapter_calls()
    with narrative.using(lang):
        return {name: {k: str(v) for k, v in mod.numbers(ds).items()} for name, mod in sections.items()}


def rendered(ds, lang: str) -> dict[str, str]:
    """Every table's markdown and every chart's SVG text and alt text, in `lang`."""
    _, calls = chapter_calls()
    out = {}
    with narrative.using(lang):
        for name, fn, _kind, extra in calls:
            obj = fn(ds, *extra)
            bundle = obj._repr_mimebundle_()
            bundle = bundle[0] if isinstance(bundle, tuple) else bundle
            out[name] = "\n".join(str(v) for v in bundle.values())
    return out
