"""A small copy of the chart font for measuring chart text, made while the chapters execute.

Why: vl-convert measures every text item of a chart in the chart font, and the time it takes grows with the font
file: in the system's Noto Sans CJK TC (a 19 MB collection) a chart's labels took about 2.8 times as long as in a
subset of it holding only the characters the book can draw (0.7 MB), with the same widths. Drawing was the third
of a cold edition's execution.

The subset keeps the face's metrics, layout tables and outlines for the characters found in the data package, the
chapter sources and the package's code and catalogues (every text a chart can show comes from one of them), under a
private family name (MEASURE_FAMILY). `esgbook.book.charts.drawn` measures with it when it
exists and holds every character of the chart, and writes the chart font's own name into the SVG, so a chart
drawn either way is byte for byte the same (nbval, which draws with the system font, checks it on every notebook).

It is made with fontTools from the tools environment (.venv-tools), in a process of its own that starts before the
chapters and is waited for (or ended) with the run; it is kept in the build folder under a digest of the font
file and the characters. Without the tools environment or fontconfig the charts are measured in the system font.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

from esgbook.paths import REPO, TOOLS, build_dir, data_dir

FAMILY = "Noto Sans CJK TC"  # the chart font (the first of esgbook.book.charts.FONT)
MEASURE_FAMILY = "esgbook chart metrics"  # the subset's family name: no system font's
MEASURE_ENV = "ESGBOOK_CHART_FONT"  # names the subset's file for the kernels
# Chapters to execute for making the subset to pay: it takes about 1.3 s of one core, and saves about 0.3 s of a
# core per chapter drawn cold (the 2023 edition's twelve chapters drawn in one process: 11.7 s in the system font,
# 8.3 s in the subset).
WORTH = 5
# Kept whatever the data hold: ASCII, Latin-1 and Latin Extended-A/B, general punctuation, CJK punctuation and
# full-width forms.
ALWAYS = [(0x20, 0x250), (0x2000, 0x2070), (0x2190, 0x2200), (0x3000, 0x3040), (0xFF00, 0xFFF0)]

# Run with the tools environment's Python: writes the subset and its characters into a folder of its own, then
# moves the folder into place in one step, so a kernel finds both files or neither.
SUBSET = """
import os, sys
from fontTools import subset
from fontTools.ttLib import TTFont
source, index, family, work, target = sys.argv[1:6]
chars = open(os.path.join(work, "chart-metrics.txt"), encoding="utf-8").read()
# Bounding boxes are not recomputed (they would be from every outline kept: half the time); the shaping
# features are fontTools' defaults (a shaper's horizontal set) and the vertical tables go: a chart's text is
# horizontal. Measured: 1.3 s instead of 2.7, every chart of both editions drawn byte for byte the same.
font = TTFont(source, fontNumber=int(index), lazy=True, recalcBBoxes=False)
options = subset.Options()
options.notdef_outline = True
options.drop_tables += ["VORG", "vhea", "vmtx", "BASE"]
sub = subset.Subsetter(options)
sub.populate(unicodes=[ord(c) for c in chars])
sub.subset(font)
for record in font["name"].names:
    if record.nameID in (1, 4, 16):
        record.string = family
    elif record.nameID == 6:
        record.string = family.replace(" ", "-")
font.save(os.path.join(work, "chart-metrics.otf"))
try:
    os.rename(work, target)
except OSError:
    pass  # another run placed it first
"""


def system_font(family: str) -> tuple[str, int] | None:
    """The file and face index fontconfig gives for `family`, if it has that family itself."""
    try:
        out = subprocess.run(["fc-match", "-f", "%{family}\n%{file}\n%{index}", family], capture_output=True,
                             text=True, timeout=10, check=True).stdout.split("\n")
    except (OSError, subprocess.SubprocessError):
        return None
    if len(out) < 3 or family not in out[0].split(","):
        return None
    return out[1], int(out[2] or 0)


def characters() -> str:
    """Every character the book can draw in a chart: of the data package, the chapter sources, and the package's
    code and catalogues; plus the ranges always kept."""
    chars = {chr(c) for lo, hi in ALWAYS for c in range(lo, hi)}
    package = Path(__file__).resolve().parent.parent
    files = [*data_dir().glob("*.csv"), *(REPO / "chapters").rglob("*.md"), *package.rglob("*.py"),
             *package.rglob("*.txt"), *package.rglob("*.csv")]
    for path in files:
        chars |= set(path.read_text(encoding="utf-8", errors="ignore"))
    return "".join(sorted(c for c in chars if c.isprintable()))


@contextmanager
def measuring_font(chapters: int, family: str = FAMILY):
    """Make the subset of `family`'s system font while the body runs (the execution of `chapters` chapters), unless
    the build folder keeps it or there are too few chapters for it to pay; name it in the
    environment the kernels inherit (MEASURE_ENV: the font's path; beside it, chart-metrics.txt holds its characters). The making is
    waited for when the body ends, or ended if the body fails or is stopped."""
    python = TOOLS / "bin" / "python"
    found = system_font(family) if python.exists() else None
    if found is None:
        yield None
        return
    chars = characters()
    stat = os.stat(found[0])
    key = hashlib.sha256(f"{found}\0{stat.st_size}\0{stat.st_mtime_ns}\0{MEASURE_FAMILY}\0{chars}".encode()).hexdigest()
    target = build_dir() / "fonts" / key[:20]
    process, work = None, target.with_name(f".{target.name}.{os.getpid()}")
    if not target.exists() and chapters < WORTH:
        yield None
        return
    if not target.exists():
        work.mkdir(parents=True, exist_ok=True)
        (work / "chart-metrics.txt").write_text(chars, encoding="utf-8")
        process = subprocess.Popen([str(python), "-c", SUBSET, found[0], str(found[1]), MEASURE_FAMILY, str(work),
                                    str(target)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    previous = os.environ.get(MEASURE_ENV)
    os.environ[MEASURE_ENV] = str(target / "chart-metrics.otf")
    try:
        yield target / "chart-metrics.otf"
    except BaseException:
        if process is not None:
            process.kill()
        raise
    finally:
        if previous is None:
            os.environ.pop(MEASURE_ENV, None)
        else:
            os.environ[MEASURE_ENV] = previous
        if process is not None:
            process.wait()
        shutil.rmtree(work, ignore_errors=True)  # what a failed or ended making left


if __name__ == "__main__":  # python -m esgbook.build.chartfont: make it now (for a look at its size)
    with measuring_font(WORTH) as made:
        pass
    print(made if made and made.exists() else "no subset: no tools environment, or no such system font")
