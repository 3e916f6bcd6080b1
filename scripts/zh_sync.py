"""Which Chinese chapters lag their English chapter, and the record a translator updates after syncing.

    .venv/bin/python scripts/zh_sync.py                 # list the Chinese chapters whose English prose changed
    .venv/bin/python scripts/zh_sync.py --mark 07_people  # after syncing chapters/zh-hant/07_people.md
    .venv/bin/python scripts/zh_sync.py --mark --all      # record every chapter as synced

Each `chapters/zh-hant/<chapter>.md` records in its front matter the English chapter it was last synced with:

    esgbook:
      synced_with: <sha256 of the Markdown cells of chapters/<chapter>.md, code cells left out>

Only the English prose counts: a change to a code cell (the same in both languages, checked by
esgbook/build/site/localise.py) or to the English front matter does not make the translation stale.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHAPTERS = REPO / "chapters"
ZH = CHAPTERS / "zh-hant"
HEADER = re.compile(r"\A---\n(.*?\n)---\n", re.S)
RECORD = re.compile(r"^esgbook:\n  synced_with: *(\S*)\n", re.M)


def prose_digest(english: Path) -> str:
    """sha256 of the chapter's Markdown cells (each cell's source, in order), code cells excluded."""
    import jupytext

    nb = jupytext.read(english)
    prose = "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    return hashlib.sha256(prose.encode("utf-8")).hexdigest()


def recorded(chinese: Path) -> str | None:
    head = HEADER.match(chinese.read_text(encoding="utf-8"))
    found = RECORD.search(head[1]) if head else None
    return found[1] if found and found[1] else None


def stale() -> list[tuple[str, str | None, str]]:
    """(chapter, recorded digest or None, current digest) for each Chinese chapter out of sync."""
    out = []
    for english in sorted(CHAPTERS.glob("*.md")):
        chinese = ZH / english.name
        if not chinese.exists():
            continue
        now, then = prose_digest(english), recorded(chinese)
        if now != then:
            out.append((english.stem, then, now))
    return out


def mark(chapter: str) -> str:
    """Record chapters/zh-hant/<chapter>.md as synced with the current English prose; returns the digest."""
    english, chinese = CHAPTERS / f"{chapter}.md", ZH / f"{chapter}.md"
    if not english.exists() or not chinese.exists():
        raise SystemExit(f"no chapter {chapter!r}: expected chapters/{chapter}.md and chapters/zh-hant/{chapter}.md")
    digest = prose_digest(english)
    text = chinese.read_text(encoding="utf-8")
    head = HEADER.match(text)
    if not head:
        raise SystemExit(f"chapters/zh-hant/{chapter}.md: expected a front matter (--- ... ---) at the top")
    block = f"esgbook:\n  synced_with: {digest}\n"
    yaml = RECORD.sub(block, head[1]) if RECORD.search(head[1]) else head[1] + block
    chinese.write_text(f"---\n{yaml}---\n" + text[head.end():], encoding="utf-8")
    return digest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mark", action="store_true", help="record the chapters named as synced")
    parser.add_argument("--all", action="store_true", help="with --mark: every chapter")
    parser.add_argument("chapters", nargs="*")
    args = parser.parse_args()
    if args.mark:
        names = [p.stem for p in sorted(ZH.glob("*.md"))] if args.all else args.chapters
        if not names:
            parser.error("--mark needs a chapter name (e.g. 07_people) or --all")
        for name in names:
            print(f"{name}: synced with {mark(name)[:12]}")
        return 0
    lagging = stale()
    for name, then, _now in lagging:
        print(f"{name}: the English prose changed since the translation was synced"
              + ("" if then else " (no record)"))
    return 1 if lagging else 0


if __name__ == "__main__":
    sys.exit(main())
