"""Every output of a chapter, both languages, computed in-process (no kernel): a quick check for refactors.

    python scripts/chapter_outputs.py 2023 08_environment [more chapters] > out.json

Prints JSON {chapter: [bundle, ...]} (each bundle: English data and Chinese metadata, as the notebook
would hold them); a text with no Chinese stops it with the key it lacks. Compare two runs to see what a
change of code did to every page before executing any notebook.
"""
import json
import re
import sys
from pathlib import Path

from esgbook.book import outputs

ROOT = Path(__file__).resolve().parents[1]
CELL = re.compile(r"^```\{code-cell\} ipython3\n(.*?)^```", re.M | re.S)


def run(year: int, chapter: str) -> list:
    got: list = []
    outputs.emit = lambda bundles, glue_name=None, placeholder=False: got.append(
        {"name": glue_name, "placeholder": placeholder, "bundles": bundles})
    scope = {"__name__": "__main__"}
    for cell in CELL.findall((ROOT / "chapters" / f"{chapter}.md").read_text(encoding="utf-8")):
        code = "\n".join(ln for ln in cell.splitlines() if not ln.startswith(":tags:"))
        if "parameters" in cell:
            code = f"year = {year}"
        exec(compile(code, chapter, "exec"), scope)
    return got


if __name__ == "__main__":
    year, chapters = int(sys.argv[1]), sys.argv[2:] or sorted(p.stem for p in (ROOT / "chapters").glob("*.md"))
    out = {chapter: run(year, chapter) for chapter in chapters}
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True, default=str)
