"""What changed between two executed editions, in a few screens: `make compare A=2022 B=2023 [CHAPTER=...]`.

    python -m esgbook.exports.compare 2022 2023 [--chapter 08_environment]

Per chapter: the glued values that differ (key, A, B; a paragraph by the figures in it), the tables whose
cells changed (how many, and the first few), and the charts whose data changed (from their CSVs). Then the
KPIs that differ between the editions' KPI tables. `make diff` (nbdime) shows the same notebooks cell by
cell; this is the reviewer's summary.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from collections import Counter
from pathlib import Path

from esgbook.paths import NOTEBOOKS

NUMBER = re.compile(r"[−+-]?\d(?:[\d,]*\d)?(?:\.\d+)?%?")
TABLE = re.compile(r":::\{table\}[^\n]*\n:name: (\S+)\n(?:[^\n]*\n)*?\n((?:\|[^\n]*\|\n?)+)")


def glued(nb: dict) -> dict[str, str]:
    out = {}
    for cell in nb["cells"]:
        for o in cell.get("outputs", []):
            meta = o.get("metadata", {}).get("scrapbook")
            if meta:
                data = {k.removeprefix(meta.get("mime_prefix", "")): v for k, v in o.get("data", {}).items()}
                text = data.get("text/markdown") or data.get("text/plain", "")
                out[meta["name"]] = text if isinstance(text, str) else "".join(text)
    return out


def tables(nb: dict) -> dict[str, list[list[str]]]:
    out = {}
    for cell in nb["cells"]:
        for o in cell.get("outputs", []):
            md = o.get("data", {}).get("text/markdown")
            if not md or o.get("metadata", {}).get("scrapbook"):
                continue
            md = md if isinstance(md, str) else "".join(md)
            for name, body in TABLE.findall(md):
                rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in body.strip().splitlines()]
                out[name] = [r for r in rows if not all(set(c) <= set(":-") for c in r)]
    return out


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def glue_lines(a: dict, b: dict) -> list[str]:
    lines = []
    for key in sorted(set(a) | set(b)):
        va, vb = a.get(key), b.get(key)
        if va == vb:
            continue
        if va is None or vb is None:
            lines.append(f"  glue {key}: {'only in B' if va is None else 'only in A'}")
        elif len(va) <= 60 and len(vb) <= 60:
            lines.append(f"  glue {key}: {_short(va)!r} -> {_short(vb)!r}")
        else:
            # A paragraph: the figures in it that one edition has and the other not (as multisets).
            fa, fb = Counter(NUMBER.findall(va)), Counter(NUMBER.findall(vb))
            gone, new = sorted((fa - fb).elements()), sorted((fb - fa).elements())
            lines.append(f"  glue {key}: paragraph changed; figures only in A: {_list(gone)}; only in B: {_list(new)}")
    return lines


def table_lines(a: dict, b: dict) -> list[str]:
    lines = []
    for name in sorted(set(a) | set(b)):
        ta, tb = a.get(name), b.get(name)
        if ta == tb:
            continue
        if ta is None or tb is None:
            lines.append(f"  table {name}: {'only in B' if ta is None else 'only in A'}")
            continue
        # Rows are matched by their first cell (the row's label), columns by their heading: the 2023
        # edition's "2022" column is compared with the 2022 edition's, so a restated figure shows.
        def cells(t):
            head = t[0]
            return {(r[0], head[i]): c for r in t[1:] for i, c in enumerate(r[1:], start=1) if i < len(head)}
        ca, cb = cells(ta), cells(tb)
        changed = [k for k in cb if k in ca and ca[k] != cb[k]]
        added, removed = [k for k in cb if k not in ca], [k for k in ca if k not in cb]
        example = "; ".join(f"{_short(r, 30)} / {c}: {ca[r, c]} -> {cb[r, c]}" for r, c in changed[:3])
        lines.append(f"  table {name}: {len(changed)} cell(s) changed, {len(added)} added, {len(removed)} removed"
                     + (f"; e.g. {example}" if example else ""))
    return lines


def _csv(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))) if path.exists() else []


def chart_lines(da: Path, db: Path, labels: set[str]) -> list[str]:
    lines = []
    for label in sorted(labels):
        ra, rb = _csv(da / f"{label}.csv"), _csv(db / f"{label}.csv")
        if ra != rb:
            lines.append(f"  chart {label}: data changed ({len(ra)} -> {len(rb)} row(s))")
    return lines


def kpi_lines(a: int, b: int) -> list[str]:
    ka = {r["metric"]: r for r in _csv(NOTEBOOKS / str(a) / "downloads" / f"kpis-{a}.csv")}
    kb = {r["metric"]: r for r in _csv(NOTEBOOKS / str(b) / "downloads" / f"kpis-{b}.csv")}
    out = []
    for kpi in sorted(set(ka) | set(kb)):
        va, vb = (ka.get(kpi) or {}).get("value", ""), (kb.get(kpi) or {}).get("value", "")
        if va != vb:
            out.append(f"  kpi {kpi}: {_num(va)} -> {_num(vb)}")
    return out


def _list(items: list[str], most: int = 8) -> str:
    return "none" if not items else ", ".join(items[:most]) + (f", … ({len(items)} in all)" if len(items) > most else "")


def _num(text: str) -> str:
    try:
        return f"{float(text):.6g}"
    except ValueError:
        return text or "–"


def compare(a: int, b: int, chapter: str | None = None) -> list[str]:
    ea, eb = NOTEBOOKS / str(a), NOTEBOOKS / str(b)
    names = sorted(p.stem for p in eb.glob("*.ipynb")) if chapter is None else [chapter]
    out = []
    for name in names:
        pa, pb = ea / f"{name}.ipynb", eb / f"{name}.ipynb"
        if not pa.exists() or not pb.exists():
            out.append(f"===== {name}: only in {b if pa.exists() is False else a}")
            continue
        na, nb = json.loads(pa.read_text(encoding="utf-8")), json.loads(pb.read_text(encoding="utf-8"))
        ga, gb = glued(na), glued(nb)
        charts = {k for k in set(ga) | set(gb) if k.startswith("fig-")}
        lines = (glue_lines({k: v for k, v in ga.items() if k not in charts}, {k: v for k, v in gb.items() if k not in charts})
                 + table_lines(tables(na), tables(nb)) + chart_lines(ea / "downloads", eb / "downloads", charts))
        out.append(f"===== {name}: {a} -> {b}: {len(lines)} change(s)")
        out.extend(lines)
    if chapter is None:
        kl = kpi_lines(a, b)
        out.append(f"===== KPIs: {a} -> {b}: {len(kl)} differ")
        out.extend(kl)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m esgbook.exports.compare", description=__doc__.splitlines()[0])
    parser.add_argument("a", type=int)
    parser.add_argument("b", type=int)
    parser.add_argument("--chapter")
    args = parser.parse_args(argv)
    for year in (args.a, args.b):
        if not (NOTEBOOKS / str(year)).is_dir():
            print(f"error: notebooks/{year}/ does not exist: build that edition first (make book YEAR={year})",
                  file=sys.stderr)
            return 2
    if args.chapter and not (NOTEBOOKS / str(args.b) / f"{args.chapter}.ipynb").exists():
        print(f"error: notebooks/{args.b}/{args.chapter}.ipynb does not exist", file=sys.stderr)
        return 2
    print("\n".join(compare(args.a, args.b, args.chapter)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
