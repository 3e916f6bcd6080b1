"""A Sphinx extension for the site: the edition (year) and language switchers on every page, the
page's language (`<html lang="zh-Hant">` on Chinese pages), the link to each page's executed notebook, and
numeric table cells marked (`esg-num`) so the stylesheet sets them right-aligned in tabular figures.

The switchers are plain links written into each page at build time (not the pydata version switcher,
which fetches a JSON file and so stays empty when the site is opened from disk).
"""
from __future__ import annotations

import math
import posixpath
import re
from pathlib import Path

from docutils import nodes

from esgbook.build.site.layout import LANGS, links

# A cell that holds a figure: a number with its sign, grouping, decimals, a hedge (<, >, ~, ≈), a percent or
# percentage-point sign, an "x" multiple; or the dash / n/a that stands for a missing one.
NUMERIC = re.compile(r"^(?:(?:more than|about|below|at least|nearly|超過|約|低於|至少|近)\s*)?"
                     r"(?:[<>≈~±+\-−–]?\s*[¥$€£]?\s*\d[\d,.\u2009\u202f ]*(?:\s*(?:%|pp|ppt|x|×|萬|億|千|個百分點|百分點"
                     r"|million|billion))?"
                     r"|[-−–—]|n/a|N/A|不適用)$")


def numeric(text: str) -> bool:
    return bool(NUMERIC.match(text.strip()))


def _mark_numbers(app, doctree, docname):
    """Each body cell that holds a figure gets the class `esg-num`; so does the header of a column whose
    body cells all hold figures (the stylesheet right-aligns both, with tabular figures). HTML only: the PDF
    lays out its tables itself."""
    if app.builder.format != "html":
        return
    for tgroup in doctree.findall(nodes.tgroup):
        body = [row for tbody in tgroup.findall(nodes.tbody) for row in tbody.children
                if isinstance(row, nodes.row)]
        columns: dict[int, list[bool]] = {}
        for row in body:
            for i, entry in enumerate(e for e in row.children if isinstance(e, nodes.entry)):
                text = entry.astext().strip()
                if text and numeric(text):
                    entry["classes"].append("esg-num")
                if text:
                    columns.setdefault(i, []).append(numeric(text))
        # Columns of figures only (a dash alone does not make one).
        figures = {i for i, flags in columns.items() if all(flags)}
        for thead in tgroup.findall(nodes.thead):
            for row in thead.children:
                for i, entry in enumerate(e for e in row.children if isinstance(e, nodes.entry)):
                    if i in figures:
                        entry["classes"].append("esg-num")


# 'Employees at year end (僱員總數)': an English label with the report's Chinese name in brackets.
GLOSSED = re.compile(r"^(?P<name>.*?[A-Za-z].*?)\s*[(（](?P<zh>[^()（）]*[\u3400-\u9fff][^()（）]*)[)）]$")


def _split_glosses(app, doctree, docname):
    """A table row label that carries its Chinese name in brackets shows it on a second line in a smaller
    style (`esg-gloss`), so labels stay short instead of wrapping over three lines. HTML only."""
    if app.builder.format != "html":
        return
    for tbody in doctree.findall(nodes.tbody):
        for entry in tbody.findall(nodes.entry):
            paras = [p for p in entry.children if isinstance(p, nodes.paragraph)]
            if len(paras) != 1 or len(paras[0].children) != 1 or not isinstance(paras[0][0], nodes.Text):
                continue
            m = GLOSSED.match(paras[0].astext().strip())
            if m:
                paras[0].children = []
                paras[0] += nodes.Text(m["name"])
                paras[0] += nodes.inline(m["zh"], m["zh"], classes=["esg-gloss"])


def _quiet_title_glosses(app, doctree):
    """A section title of the English edition that carries its Chinese name in brackets ('Energy use (能源消耗)')
    sets the bracket in a smaller, muted style (`esg-title-gloss`): in the heading, the page's contents and the
    navigation (which take their titles from here: this runs before Sphinx collects them). The text is the same.
    HTML only."""
    if app.builder.format != "html":
        return
    for title in doctree.findall(nodes.title):
        if len(title.children) != 1 or not isinstance(title[0], nodes.Text):
            continue
        m = GLOSSED.match(title.astext())
        if m:
            gloss = title.astext()[len(m["name"]):]
            title.children = []
            title += nodes.Text(m["name"])
            title += nodes.inline(gloss, gloss, classes=["esg-title-gloss"])


def _frame_charts(app, doctree, docname):
    """Each chart (an SVG image in a figure) in a frame of its own, `esg-chart`: the chart keeps its size, so
    its text keeps the size the chart was drawn with, and a chart wider than the column scrolls in its frame
    (as a wide table does), the page never does."""
    if app.builder.format != "html":
        return
    for figure in list(doctree.findall(nodes.figure)):
        for image in list(figure.findall(nodes.image)):
            if image.get("uri", "").endswith(".svg") and not isinstance(image.parent, nodes.container):
                frame = nodes.container(classes=["esg-chart"])
                image.replace_self(frame)
                frame += image


LEGIBLE = 11  # px: the smallest chart text a reader is shown
_IMG = re.compile(r'(<div class="esg-chart docutils container">\s*<img )([^>]*?src="([^"]+\.svg)")')


def _svg_measure(path: Path) -> tuple[float, float] | None:
    """An SVG chart's own width and its smallest font size, in px (None if it has no sized text)."""
    svg = path.read_text(encoding="utf-8")
    root = re.search(r"<svg\b[^>]*>", svg)
    view = root and (re.search(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+)', root[0]) or re.search(r'width="([\d.]+)', root[0]))
    sizes = [float(x) for x in re.findall(r'<text\b[^>]*?font-size(?:="|:\s*)([\d.]+)', svg)]
    return (float(view[1]), min(sizes)) if view and sizes else None


def _size_charts(app, body: str) -> str:
    """Each chart is shown as wide as the column allows, up to its own width, and never so narrow that its
    smallest text falls under LEGIBLE px (then its frame scrolls): width and min-width on the image."""
    sources = {posixpath.basename(dest): src for src, dest in getattr(app.builder, "images", {}).items()}

    def sized(m):
        src = sources.get(posixpath.basename(m[3]))
        measured = _svg_measure(Path(app.srcdir, src)) if src else None
        if not measured:
            return m[0]
        width, smallest = measured
        floor = width * LEGIBLE / smallest
        return f'{m[1]}style="width: {width:.0f}px; min-width: {math.ceil(floor)}px" {m[2]}'

    return _IMG.sub(sized, body)


def _page_context(app, pagename, templatename, context, doctree):
    site = app.config.esgbook_site
    if not site:
        return
    context["esgbook_switch"] = links(site, pagename)
    context["esgbook_words"] = WORDS[site["lang"]]
    context["language"] = LANGS[site["lang"]]["html_lang"]
    # The page's executed notebook (staged by render.stage into html_extra_path: <edition>/notebooks/).
    notebook = f"notebooks/{posixpath.basename(pagename)}.ipynb"
    if Path(app.confdir, "_code", notebook).exists():
        context["esgbook_code"] = posixpath.relpath(notebook, posixpath.dirname(pagename) or ".")
    # A wide table scrolls sideways (esgbook.css): keyboard users reach it only if it can take focus.
    if "body" in context:
        context["body"] = _size_charts(app, context["body"]).replace(
            '<table class="', '<table tabindex="0" class="').replace(
            '<div class="esg-chart docutils container">', '<div class="esg-chart docutils container" tabindex="0">')


WORDS = {"en": {"edition": "Edition", "language": "Language", "latest_mark": " (latest)", "label_colon": ":",
                "editions": "Editions", "home": "Home", "code": "View the code", "colon": ": ",
                "code_note": "the executed notebook of this page (.ipynb)"},
         "zh_hant": {"edition": "版本年度", "language": "語言", "latest_mark": "（最新）", "label_colon": "：",
                     "editions": "各年度版本", "home": "首頁", "code": "查看程式碼", "colon": "：",
                     "code_note": "本頁已執行的筆記本（.ipynb）"}}


def _sync_static(app, exception):
    """Sphinx 7.4 copies the book's `_static` only when some page is out of date, so an edited stylesheet
    alone never reached the site (sphinx-doc/sphinx#13236, fixed in Sphinx 8.2): copy what differs."""
    if exception is not None or app.builder.format != "html":
        return
    import filecmp  # noqa: PLC0415
    import shutil  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    for folder in app.config.html_static_path:
        src = Path(app.confdir, folder)
        for path in sorted(src.rglob("*")) if src.is_dir() else []:
            target = Path(app.outdir, "_static", path.relative_to(src))
            if path.is_file() and (not target.exists() or not filecmp.cmp(path, target, shallow=False)):
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)


# -- the draft banner: every page of a draft edition says so (esgbook.analysis.draft) ---------------------------------
DRAFT_WORDS = {
    "en": ("Draft: the data for {year} are incomplete — see the list on the ", "opening page", "."),
    "zh_hant": ("草稿：{year}年度的數據尚未齊全——缺少的項目見", "首頁", "的清單。"),
}


def draft_banner(site: dict, pagename: str, missing: list) -> str:
    """The banner of one page (HTML), or '' when the edition lacks nothing. `site` is the build's `esgbook_site`
    (its `lang`, `year` and `root`, the opening page, where the list of what is missing is shown)."""
    if not missing or not site:
        return ""
    import html  # noqa: PLC0415
    import posixpath  # noqa: PLC0415

    before, link, after = DRAFT_WORDS.get(site["lang"], DRAFT_WORDS["en"])
    href = posixpath.relpath(site["root"] + ".html", posixpath.dirname(pagename + ".html") or ".")
    return (f'<div class="admonition warning esg-draft" role="note">\n<p>{html.escape(before.format(year=site["year"]))}'
            f'<a href="{html.escape(href)}">{html.escape(link)}</a>{html.escape(after)}</p>\n</div>\n')


def _draft_page(app, pagename, templatename, context, doctree):
    banner = draft_banner(app.config.esgbook_site, pagename, app.config.esgbook_draft)
    if banner and "body" in context:
        context["body"] = banner + context["body"]


def _setup_draft(app):
    # The registers the edition's data lack, written into the configuration at staging (esgbook.build.site.render):
    # a config value, so that a change of the list rewrites every page, not only those whose source changed.
    app.add_config_value("esgbook_draft", [], "html")
    app.connect("html-page-context", _draft_page)


class _ReadDoctrees:
    """The build environment as a {numref} sees it: Sphinx 7.4 unpickles the whole target page for every numbered
    reference, only to look up one node's type and number (77 references: 1.2 s of a 6.4 s edition). Here each
    page is unpickled once while the pages are written (their pickles no longer change then); the copy is only
    read, never changed nor handed back to Sphinx."""

    def __init__(self, env):
        self.source_env, self.pages_read = env, {}

    def get_doctree(self, docname):
        if docname not in self.pages_read:
            self.pages_read[docname] = self.source_env.get_doctree(docname)
        return self.pages_read[docname]

    def __getattr__(self, name):
        return getattr(self.source_env, name)


_NUMREF_READS: dict = {"env": None}  # the build's; emptied when the pages have been read (env-updated)


def _numref_reading_once():
    from sphinx.domains.std import StandardDomain  # noqa: PLC0415

    resolve = StandardDomain._resolve_numref_xref  # noqa: SLF001 - Sphinx has no hook for how it reads the page
    if getattr(resolve, "esgbook", False):
        return

    def _resolve_numref_xref(self, env, *args, **kwargs):
        if _NUMREF_READS["env"] is None or _NUMREF_READS["env"].source_env is not env:
            _NUMREF_READS["env"] = _ReadDoctrees(env)
        return resolve(self, _NUMREF_READS["env"], *args, **kwargs)

    _resolve_numref_xref.esgbook = True
    StandardDomain._resolve_numref_xref = _resolve_numref_xref  # noqa: SLF001


# A word that no page holds (a private-use character), carrying the frequency of every word left out of the book's
# dictionary, so that the dictionary's total, and with it every cut jieba makes of the book's text, is unchanged.
FILLER = "\ue000"


def _book_dictionary(app, config):
    """Chinese pages: jieba, which Sphinx's Chinese search uses to cut the pages into words, reads the book's
    dictionary (`book_dictionary`). Loading the whole one took 0.5 s of every Chinese render."""
    if not str(config.language or "").startswith("zh"):
        return
    try:
        import jieba  # noqa: PLC0415
    except ImportError:
        return
    path = book_dictionary()
    if path is None:  # a read-only build folder: the whole dictionary
        return
    jieba.set_dictionary(str(path))
    jieba.dt.tmp_dir = str(path.parent)  # its parsed form beside it, in the build folder (not one more in /tmp)


def book_dictionary() -> Path | None:
    """jieba's dictionary cut to the words made only of characters the book can hold
    (esgbook.build.chartfont.characters: 36,612 words of 349,046), kept in the build folder. Every page's text
    comes from those characters, so jieba finds the same words in it (tests/test_render_shortcuts.py); the
    search index of the Chinese 2023 edition is byte for byte the same."""
    import hashlib  # noqa: PLC0415

    import jieba  # noqa: PLC0415

    from esgbook.build import chartfont  # noqa: PLC0415
    from esgbook.paths import build_dir, keep  # noqa: PLC0415

    full = Path(jieba.__file__).with_name("dict.txt")
    chars = chartfont.characters()
    key = hashlib.sha256(chars.encode() + full.read_bytes()).hexdigest()[:20]
    path = build_dir() / "jieba" / f"book-{key}.txt"
    if not path.exists():
        kept, total, left = [], 0, 0
        allowed = set(chars)
        for line in full.read_text(encoding="utf-8").splitlines():
            word, freq = line.split(" ")[:2]
            total += int(freq)
            if set(word) <= allowed:
                kept.append(line)
                left += int(freq)
        kept.append(f"{FILLER} {total - left}")
        if not keep(path, "\n".join(kept) + "\n"):
            return None
    return path


def setup(app):
    app.add_config_value("esgbook_site", {}, "html")
    app.connect("config-inited", _book_dictionary)
    _numref_reading_once()
    app.connect("env-updated", lambda _app, _env: _NUMREF_READS.update(env=None))
    _setup_draft(app)
    app.connect("html-page-context", _page_context)
    app.connect("doctree-resolved", _mark_numbers)
    app.connect("doctree-resolved", _frame_charts)
    app.connect("doctree-resolved", _split_glosses)
    app.connect("doctree-read", _quiet_title_glosses, priority=400)  # before Sphinx's title and toctree collectors
    app.connect("build-finished", _sync_static)
    # What this module does to a doctree (numbers, chart frames) is part of each page: a change to it must
    # re-read every page, not only the ones whose source changed (Sphinx starts afresh on a new env_version).
    import hashlib  # noqa: PLC0415

    version = int(hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:8], 16)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": version}
