"""A Sphinx extension for the site: the edition (year) and language switchers on every page, and the
page's language (`<html lang="zh-Hant">` on Chinese pages).

The switchers are plain links written into each page at build time (not the pydata version switcher,
which fetches a JSON file and so stays empty when the site is opened from disk).
"""
from __future__ import annotations

from .layout import LANGS, links


def _page_context(app, pagename, templatename, context, doctree):
    site = app.config.esgbook_site
    if not site:
        return
    context["esgbook_switch"] = links(site, pagename)
    context["esgbook_words"] = WORDS[site["lang"]]
    context["language"] = LANGS[site["lang"]]["html_lang"]
    # A wide table scrolls sideways (esgbook.css): keyboard users reach it only if it can take focus.
    if "body" in context:
        context["body"] = context["body"].replace('<table class="', '<table tabindex="0" class="')


WORDS = {"en": {"edition": "Edition", "language": "Language", "latest": "latest", "editions": "Editions",
                "home": "Home"},
         "zh_hant": {"edition": "版本年度", "language": "語言", "latest": "最新", "editions": "各年度版本",
                     "home": "首頁"}}


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


def setup(app):
    app.add_config_value("esgbook_site", {}, "html")
    app.connect("html-page-context", _page_context)
    app.connect("build-finished", _sync_static)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
