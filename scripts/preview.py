"""Read one chapter as a reader would, without building the book.

    .venv/bin/python scripts/preview.py 08_environment --year 2022 [--data DIR] [--lang zh_hant]

Executes the chapter for the year into a temporary folder (nothing under notebooks/ changes),
then prints its prose with every glued value pasted in, each `{glue:md}` paragraph and every
markdown output (tables) in place. Glue keys that are missing are printed as <<MISSING key>>.
`--lang zh_hant` prints it as a Chinese reader sees it: the zh-hant source's Markdown with the
Chinese outputs of the same execution swapped in (`esgbook.build.site.localise`), for proofreading.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def glued(nb) -> dict[str, str]:
    out = {}
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            key = o.get("metadata", {}).get("scrapbook", {}).get("name")
            if key:
                prefix = o["metadata"]["scrapbook"].get("mime_prefix", "")
                data = {k.removeprefix(prefix): v for k, v in o.get("data", {}).items()}
                text = data.get("text/markdown") or data.get("text/plain", "")
                out[key] = text[1:-1] if text[:1] in "'\"" and text[-1:] == text[:1] else text
    return out


def prose(nb) -> str:
    values = glued(nb)
    sub = lambda m: values.get(m.group(1), f"<<MISSING {m.group(1)}>>")  # noqa: E731
    parts = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            text = re.sub(r"```\{glue:md\}\s*(\S+)\n(?::[^\n]*\n)*```", sub, cell.source)
            text = re.sub(r"\{glue:(?:text|md)\}`([^`:]+)(?::[^`]*)?`", sub, text)
            parts.append(text)
        else:
            for o in cell.get("outputs", []):
                if "scrapbook" not in o.get("metadata", {}) and "text/markdown" in o.get("data", {}):
                    parts.append(o["data"]["text/markdown"])
    return "\n\n".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("chapter")
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--data", help="a data folder other than data/ (ESGBOOK_DATA)")
    parser.add_argument("--lang", default="en", choices=["en", "zh_hant", "zh-hant"],
                        help="the edition's language (default en)")
    args = parser.parse_args()
    if args.data:
        os.environ["ESGBOOK_DATA"] = str(Path(args.data).resolve())
    import nbformat

    from esgbook.build import editions

    source = REPO / "chapters" / f"{args.chapter}.md"
    with tempfile.TemporaryDirectory() as tmp:
        path = editions.execute_chapter(str(source), args.year, tmp)
        nb = nbformat.read(path, as_version=4)
        lang = args.lang.replace("-", "_")
        if lang != "en":
            from esgbook.build.site import localise

            nb = localise.localise(nb, lang, args.chapter)
        print(prose(nb))
    return 0


if __name__ == "__main__":
    sys.exit(main())
