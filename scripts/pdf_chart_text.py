"""The size at which each chart's text is printed in a PDF of the book, in CSS pixels (1 px = 0.75 pt).

Run in the tools environment (pdfminer.six, requirements-tools.txt): `.venv-tools/bin/python
scripts/pdf_chart_text.py BOOK.pdf`. Chart text is told from the book's own text by its font: the charts are
drawn in the chart font (esgbook.book.charts.FONT, embedded as NotoSansCJKtc by rsvg-convert) and LaTeX sets
the book in FreeSerif/FreeSans with the Japanese-named Noto CJK faces. Each character's size is as printed: its
font size through the text matrix and every transformation (the chart's scaling included), measured as the
square root of the transformation's area ratio, so that rotated text (an axis title) counts by its height,
not by the width pdfminer's box gives it.
Prints JSON: per page, the smallest chart text size in px and its characters, and the number of chart
characters."""
from __future__ import annotations

import json
import sys

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTContainer

CHART_FONT = "NotoSansCJKtc"
PT_PER_PX = 0.75


def _keep_printed_size() -> None:
    """pdfminer keeps a character's box, not its font size: keep the size as printed on each character."""
    init = LTChar.__init__

    def with_size(self, matrix, font, fontsize, *args, **kwargs):
        init(self, matrix, font, fontsize, *args, **kwargs)
        a, b, c, d, _e, _f = matrix
        self.printed_size = fontsize * abs(a * d - b * c) ** 0.5

    LTChar.__init__ = with_size


_keep_printed_size()  # once: measure() may be called for several PDFs


def chars(node):
    if isinstance(node, LTChar):
        yield node
    elif isinstance(node, LTContainer):
        for child in node:
            yield from chars(child)


def measure(path: str) -> list[dict]:
    pages = []
    for number, page in enumerate(extract_pages(path), start=1):
        sized = [(round(c.printed_size / PT_PER_PX, 2), c.get_text()) for c in chars(page)
                 if CHART_FONT in c.fontname and c.get_text().strip()]
        if sized:
            smallest = min(size for size, _ in sized)
            text = "".join(t for size, t in sized if size == smallest)
            pages.append({"page": number, "min_px": smallest, "text": text[:60], "chars": len(sized)})
    return pages


if __name__ == "__main__":
    json.dump({path: measure(path) for path in sys.argv[1:]}, sys.stdout, ensure_ascii=False, indent=1)
