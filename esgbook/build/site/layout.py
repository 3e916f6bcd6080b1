"""Where each edition of each language lives in the site, and the switchers' links between them."""
from __future__ import annotations

import posixpath

LANGS = {"en": {"prefix": "", "name": "English", "html_lang": "en", "sphinx": "en"},
         "zh_hant": {"prefix": "zh-hant/", "name": "繁體中文", "html_lang": "zh-Hant", "sphinx": "zh_TW"}}
# Sphinx's own words (search, contents) come from its zh_TW catalogue; the page says zh-Hant (the script),
# as our text is Traditional Chinese of Hong Kong usage.


def folder(lang: str, year: int) -> str:
    """An edition's folder inside the site: '2023/' or 'zh-hant/2023/'."""
    return f"{LANGS[lang]['prefix']}{year}/"


def links(site: dict, pagename: str) -> dict:
    """The switchers of one page: {'years': [...], 'languages': [...]}, each item with label, href (relative
    to the page), current and (years) latest. `site` is what staging wrote into the build's configuration:
    {'lang', 'year', 'years', 'latest', 'pages': {'<lang>/<year>': [docnames]}}."""
    lang, year = site["lang"], site["year"]
    here = folder(lang, year) + pagename + ".html"
    up = posixpath.dirname(here)

    def href(target_lang: str, target_year: int) -> str:
        pages = site["pages"].get(f"{target_lang}/{target_year}", [])
        page = pagename if pagename in pages else site["root"]
        return posixpath.relpath(folder(target_lang, target_year) + page + ".html", up)

    years = [{"label": str(y), "href": href(lang, y), "current": y == year, "latest": y == site["latest"]}
             for y in sorted(site["years"], reverse=True) if f"{lang}/{y}" in site["pages"]]
    languages = [{"label": LANGS[other]["name"], "href": href(other, year), "current": other == lang,
                  "html_lang": LANGS[other]["html_lang"]}
                 for other in LANGS if f"{other}/{year}" in site["pages"]]
    return {"years": years, "languages": languages}
