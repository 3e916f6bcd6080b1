"""The rendered book in a real browser: Debian's headless Chromium driven by Playwright.

The latest edition is rendered from the committed notebooks into a temporary build folder
(ESGBOOK_TEST_BUILD names a folder to keep instead), served on 127.0.0.1, and every page is
visited: no console error, no request leaving 127.0.0.1, every chart drawn, every internal
link and anchor resolving, the search page finding a metric. Plus accessibility basics:
charts have alt text, headings nest, tables have header cells. A screenshot of the
environment chapter is left in the build folder for a human to look at.

Every page is also laid out at a phone's width (390 px) and a desktop's (1,280 px): no sideways scroll,
the edition and language switchers on screen, one search box, no code bar in the reading flow, chart
text at 11 px or more as drawn, figures right-aligned in their tables.

Chromium comes from Debian (`make system-deps`), never from `playwright install`. These tests
do not skip: on a machine without /usr/bin/chromium they fail, as they should in CI.
"""
from __future__ import annotations

import functools
import http.server
import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("ESGBOOK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
HOST = "127.0.0.1"
LOCAL_SCHEMES = {"data", "blob", "about"}  # never leave the machine
# axe-core, the accessibility engine, as shipped inside the axe-playwright-python wheel (nothing fetched).
AXE_JS = Path(__import__("axe_playwright_python").__file__).with_name("axe.min.js")
AXE_RUN = """async () => (await axe.run(document, {resultTypes: ['violations']})).violations.map(v =>
    ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"""


WIDTHS = {"phone": 390, "desktop": 1280}
# What a reader sees of a page's layout at one width (read without reloading: the viewport is resized).
LAYOUT_JS = """() => {
  const shown = e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && e.offsetParent !== null; };
  const se = document.scrollingElement, vw = se.clientWidth;
  const box = e => { const r = e.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, w: r.width}; };
  const article = document.querySelector('article.bd-article');
  const inArticle = s => article ? [...article.querySelectorAll(s)] : [];
  return {
    scrollWidth: se.scrollWidth, clientWidth: vw, innerHeight: window.innerHeight,
    switchers: [...document.querySelectorAll('nav.esg-switcher a')].map(a => ({text: a.textContent.trim(),
        shown: shown(a), href: a.getAttribute('href'), ...box(a)})),
    search: [...document.querySelectorAll('.search-button-field, .search-button, form.bd-search')]
        .filter(e => shown(e) && !e.closest('.search-button__wrapper, #search-results')).map(e => e.className),
    codeBars: inArticle('.cell_input, details.above-input, details.below-input, .tag_hide-input')
        .filter(shown).length,
    charts: inArticle("img[src$='.svg']").map(i => ({src: i.getAttribute('src'), w: i.getBoundingClientRect().width})),
    numbers: inArticle('table td').filter(td => td.textContent.trim()).map(td => ({text: td.textContent.trim(),
        align: getComputedStyle(td).textAlign, cls: td.className})),
    frames: [...inArticle('table'), ...inArticle('.esg-chart')].filter(e => e.scrollWidth > e.clientWidth + 1)
        .map(e => ({tag: e.tagName, tabindex: e.tabIndex, overflow: getComputedStyle(e).overflowX})),
  };
}"""
# The number a cell holds, as esgbook.build.site.sphinxext recognises it (a test of its own would only repeat it).
NUMERIC = re.compile(r"^[<>≈~±+\-−–]?\s*[¥$€£]?\s*\d[\d,.\u2009\u202f ]*(?:\s*(?:%|pp|ppt|x|×|萬|億|千|個百分點|百分點))?$")


# -- the book, served ---------------------------------------------------------------------------
@pytest.fixture(scope="session")
def build_dir(tmp_path_factory) -> Path:
    """ESGBOOK_TEST_BUILD, or a pytest temporary folder (pytest keeps those of the last 3 sessions)."""
    keep = os.environ.get("ESGBOOK_TEST_BUILD")
    return Path(keep).resolve() if keep else tmp_path_factory.mktemp("browser-build")


@pytest.fixture(scope="session")
def site(build_dir) -> Path:
    """The whole site (every edition, both languages), rendered (execution off) from the committed notebooks."""
    build = build_dir
    out = subprocess.run([sys.executable, "-m", "esgbook.build.editions", "render"], cwd=REPO, capture_output=True,
                         text=True, env={**os.environ, "ESGBOOK_BUILD": str(build)})
    assert out.returncode == 0, out.stdout[-5000:] + out.stderr[-5000:]
    index = Path(out.stdout.strip().splitlines()[-1])
    assert index.name == "index.html" and index.exists(), out.stdout
    return index.parent


@pytest.fixture(scope="session")
def latest(site) -> str:
    """The latest edition's folder in the site ('2023')."""
    return str(json.loads((site / "editions.json").read_text(encoding="utf-8"))["latest"])


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest's output clean
        pass


@pytest.fixture(scope="session")
def server(site):
    """A threaded static server on a free port of 127.0.0.1; yields its base URL."""
    httpd = http.server.ThreadingHTTPServer((HOST, 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://{HOST}:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run `make system-deps` (Debian's chromium)"
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Visit:
    """One browser context that records every request, console error and failed load."""

    def __init__(self, browser, base: str, schemes: set[str] = frozenset()):
        self.base = base
        self.schemes = LOCAL_SCHEMES | set(schemes)  # "file" for the site opened from disk
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.route("**/*", self._route)
        self.context.on("request", lambda req: self.requests.append(req.url))
        self.context.on("requestfailed", lambda req: self.errors.append(f"failed to load {req.url}: {req.failure}"))
        self.context.on("response", self._response)
        self.page = self.context.new_page()
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(f"console: {msg.text}"))
        self.page.on("pageerror", lambda exc: self.errors.append(f"uncaught: {exc}"))

    def _route(self, route):
        # Record (the request event) but never let anything leave the machine.
        url = urlsplit(route.request.url)
        route.continue_() if url.scheme in self.schemes or url.hostname == HOST else route.abort()

    def _response(self, response):
        if response.status >= 400:
            self.errors.append(f"HTTP {response.status} for {response.url}")

    def goto(self, rel: str):
        self.page.goto(urljoin(self.base, rel), wait_until="load")
        self.page.wait_for_load_state("networkidle")
        return self.page

    def outside(self) -> list[str]:
        return [u for u in self.requests if urlsplit(u).scheme not in self.schemes and urlsplit(u).hostname != HOST]

    def close(self):
        self.context.close()


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if not any(part.startswith("_") for part in p.relative_to(site).parts))


@pytest.fixture(scope="session")
def visited(site, server, browser):
    """Every page visited once; per page: errors, requests, and what the DOM showed."""
    results = {}
    visit = Visit(browser, server)
    try:
        for rel in _pages(site):
            visit.requests.clear()
            visit.errors.clear()
            page = visit.goto(rel)
            redirect = re.search(r'http-equiv="refresh" content="\d+;\s*url=([^"]+)"',
                                 (site / rel).read_text(encoding="utf-8"), re.I)
            if redirect:  # the root index.html: let the meta refresh land before reading the DOM
                target = urljoin(urljoin(server, rel), redirect[1])
                page.wait_for_url(target, timeout=10_000)
                page.wait_for_load_state("networkidle")
            else:
                page.add_script_tag(path=str(AXE_JS))
            results[rel] = {
                "errors": list(visit.errors),
                "requests": list(visit.requests),
                "outside": visit.outside(),
                "charts": page.eval_on_selector_all(
                    "figure img[src$='.svg']",
                    """imgs => imgs.map(i => ({src: i.getAttribute('src'), alt: i.getAttribute('alt') || '',
                        complete: i.complete, nw: i.naturalWidth, nh: i.naturalHeight,
                        w: i.getBoundingClientRect().width, h: i.getBoundingClientRect().height}))"""),
                "svg_imgs": page.eval_on_selector_all(
                    "article img[src$='.svg'], main img[src$='.svg']",
                    "imgs => imgs.map(i => ({src: i.getAttribute('src'), alt: (i.getAttribute('alt') || '').trim()}))"),
                "headings": page.eval_on_selector_all(
                    "article.bd-article h1, article.bd-article h2, article.bd-article h3, "
                    "article.bd-article h4, article.bd-article h5, article.bd-article h6",
                    "hs => hs.map(h => [Number(h.tagName[1]), h.textContent.trim().slice(0, 80)])"),
                "text": page.eval_on_selector_all("article.bd-article", "as => as.map(a => a.innerText).join(' ')"),
                "axe": [] if redirect else page.evaluate(AXE_RUN),
                "tables": page.eval_on_selector_all(
                    "article.bd-article table",
                    """ts => ts.map(t => ({th: t.querySelectorAll('th').length,
                        caption: (t.caption ? t.caption.textContent : t.outerHTML).trim().slice(0, 100)}))"""),
                "layout": {} if redirect else {"desktop": page.evaluate(LAYOUT_JS)},
            }
            if not redirect:  # the same page at a phone's width (resized, not reloaded), then back
                page.set_viewport_size({"width": WIDTHS["phone"], "height": 900})
                page.wait_for_timeout(50)
                results[rel]["layout"]["phone"] = page.evaluate(LAYOUT_JS)
                results[rel]["axe_phone"] = page.evaluate(AXE_RUN)
                page.set_viewport_size({"width": WIDTHS["desktop"], "height": 900})
    finally:
        visit.close()
    return results


def test_every_page_of_the_book_is_visited(site, visited, latest):
    pages = set(visited)
    assert "index.html" in pages and f"{latest}/search.html" in pages and f"zh-hant/{latest}/search.html" in pages
    for edition in (latest, f"zh-hant/{latest}"):
        chapters = {p for p in pages if p.startswith(f"{edition}/chapters/")}
        assert len(chapters) >= 10, sorted(pages)  # the opening page and the nine chapters


def test_no_console_errors_and_no_failed_loads(visited):
    bad = {page: r["errors"] for page, r in visited.items() if r["errors"]}
    assert not bad, bad


def test_no_request_leaves_127_0_0_1(visited):
    assert all(r["requests"] for r in visited.values())  # requests were recorded at all
    outside = {page: r["outside"] for page, r in visited.items() if r["outside"]}
    assert not outside, outside


def test_every_chart_is_drawn(visited):
    charts = [(page, c) for page, r in visited.items() for c in r["charts"]]
    assert len(charts) >= 6, "expected the charts of the book (at least the environment chapter's)"
    bad = [(page, c) for page, c in charts
           if not (c["complete"] and c["nw"] > 0 and c["nh"] > 0 and c["w"] > 0 and c["h"] > 0)]
    assert not bad, bad


def test_environment_chapter_shows_its_charts(visited, latest):
    for edition in (latest, f"zh-hant/{latest}"):
        assert len(visited[f"{edition}/chapters/08_environment.html"]["charts"]) >= 5


def test_every_chart_has_alt_text(visited):
    missing = [(page, c["src"]) for page, r in visited.items() for c in r["svg_imgs"]
               if len(c["alt"]) < 10 or c["alt"].lower().endswith(".svg")]
    assert not missing, missing


def test_headings_nest(visited):
    assert all(r["headings"] for page, r in visited.items() if "/chapters/" in page), "no headings found"
    bad = {}
    for page, r in visited.items():
        levels = r["headings"]
        if not levels:
            continue
        problems = [] if levels[0][0] == 1 else [f"first heading is h{levels[0][0]}: {levels[0][1]}"]
        problems += [f"h{a} -> h{b}: {text}" for (a, _), (b, text) in zip(levels, levels[1:]) if b > a + 1]
        problems += [f"second h1: {text}" for lvl, text in levels[1:] if lvl == 1]
        if problems:
            bad[page] = problems
    assert not bad, bad


def test_every_table_has_header_cells(visited):
    assert sum(len(r["tables"]) for r in visited.values()) >= 10, "expected the book's tables"
    bad = [(page, t["caption"]) for page, r in visited.items() for t in r["tables"] if t["th"] == 0]
    assert not bad, bad


def test_no_unrendered_markup(visited):
    """Roles, directives and glue that did not render show up as literal text; so do fallbacks."""
    pattern = re.compile(r"\{(glue|numref|ref|download|doc|eval)[:}]|^:::|```|Chart fig-[\w-]+:|\bNaN\b|<NA>", re.M)
    bad = {page: sorted({m.group(0) for m in pattern.finditer(r["text"])})
           for page, r in visited.items() if pattern.search(r["text"])}
    assert not bad, bad


# -- links, checked against the built files ---------------------------------------------------------
@functools.cache
def _ids(path: Path) -> frozenset[str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return frozenset([t["id"] for t in soup.find_all(id=True)] + [t["name"] for t in soup.find_all("a", attrs={"name": True})])


def test_every_internal_link_and_anchor_resolves(site):
    broken = []
    for rel in _pages(site):
        page = site / rel
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for a in soup.find_all("a", href=True):
            href = a["href"].strip()
            if not href or href.startswith(("http:", "https:", "mailto:", "javascript:", "tel:", "data:")):
                continue
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                broken.append((rel, href, "unexpected scheme"))
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists() or not target.is_relative_to(site.resolve()):
                broken.append((rel, href, "no such file"))
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _ids(target):
                broken.append((rel, href, "no such anchor"))
    assert not broken, broken


def test_download_links_reach_csv_files(site):
    """Every chart ships with its data: the download links point at real CSV files."""
    links = []
    for rel in _pages(site):
        soup = BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")
        links += [(rel, a["href"]) for a in soup.select("a.download[href]")]
    assert any(h.endswith(".csv") for _, h in links), "no CSV download links"
    missing = [(rel, h) for rel, h in links if not (site / rel).parent.joinpath(unquote(h)).exists()]
    assert not missing, missing


# -- search and a screenshot ----------------------------------------------------------------------
@pytest.mark.parametrize("edition, query", [("", "Scope"), ("", "electricity"), ("zh-hant/", "溫室氣體"),
                                            ("zh-hant/", "用電")])
def test_search_finds_a_metric(browser, server, latest, edition, query):
    """Search works in both languages (the Chinese index is split into words by jieba)."""
    visit = Visit(browser, server)
    try:
        page = visit.goto(f"{edition}{latest}/search.html?q={query}")
        page.wait_for_selector("#search-results ul.search li", timeout=20_000)
        hits = page.eval_on_selector_all("#search-results ul.search li a", "as => as.map(a => a.getAttribute('href'))")
        assert hits, f"no search result for {query!r}"
        assert not visit.errors, visit.errors
        assert not visit.outside(), visit.outside()
    finally:
        visit.close()


def test_screenshot_of_the_environment_chapter(build_dir, site, browser, server, latest):
    """Left in the build folder (screenshots/) for a human to look at; checks it is not blank."""
    visit = Visit(browser, server)
    try:
        page = visit.goto(f"{latest}/chapters/08_environment.html")
        shots = build_dir / "screenshots"
        shots.mkdir(exist_ok=True)
        path = shots / "08_environment.png"
        page.screenshot(path=str(path), full_page=True)
        print(f"screenshot: {path}")
        assert path.stat().st_size > 50_000  # a page of text and charts, not a blank one
        # The Chinese terms are drawn with Noto Sans CJK (book CSS + fonts-noto-cjk), not tofu or a brush font.
        cdp = visit.context.new_cdp_session(page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "article.bd-article section h2"})["nodeId"]
        fonts = [f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]
        assert any(f.startswith("Noto Sans CJK") for f in fonts), fonts
        assert not visit.errors, visit.errors
    finally:
        visit.close()


# -- accessibility, editions and languages -----------------------------------------------------------
def test_axe_finds_no_violation_on_any_page(visited):
    """axe-core over every page of every edition in both languages: any violation, of any impact, fails."""
    assert sum(1 for r in visited.values() if "axe" in r) >= 40
    bad = {page: r["axe"] for page, r in visited.items() if r.get("axe")}
    assert not bad, bad
    assert sum(1 for r in visited.values() if "axe_phone" in r) >= 40  # and at a phone's width
    bad = {page: r["axe_phone"] for page, r in visited.items() if r.get("axe_phone")}
    assert not bad, bad


def _switch(page, css: str, label: str):
    link = page.locator(f"nav.esg-switcher a{css}", has_text=label).first
    link.click()
    page.wait_for_load_state("load")
    return page


@pytest.mark.parametrize("where", ["served", "from disk"])
def test_year_and_language_switchers_lead_to_the_same_page(browser, server, site, latest, where):
    base = server if where == "served" else site.as_uri() + "/"
    visit = Visit(browser, base, schemes={"file"} if where == "from disk" else set())
    prior = str(int(latest) - 1)
    try:
        page = visit.goto(f"{latest}/chapters/08_environment.html")
        assert page.locator("nav.esg-switcher a.esg-year.current").inner_text().startswith(latest)
        _switch(page, ".esg-year", prior)
        assert page.url.endswith(f"/{prior}/chapters/08_environment.html"), page.url
        assert prior in page.locator("article.bd-article").inner_text()[:2000]
        _switch(page, ".esg-year", latest)
        assert page.url.endswith(f"/{latest}/chapters/08_environment.html"), page.url
        _switch(page, ".esg-lang", "繁體中文")
        assert page.url.endswith(f"/zh-hant/{latest}/chapters/08_environment.html"), page.url
        assert page.evaluate("document.documentElement.lang") == "zh-Hant"
        assert "綠色為榮" in page.locator("article.bd-article h1").inner_text()
        _switch(page, ".esg-year", prior)  # the Chinese 2022 page, then back to English
        assert page.url.endswith(f"/zh-hant/{prior}/chapters/08_environment.html"), page.url
        _switch(page, ".esg-lang", "English")
        assert page.url.endswith(f"/{prior}/chapters/08_environment.html") and "/zh-hant/" not in page.url
        # A page the other edition lacks (the compared page is the latest edition's) leads to its opening page.
        page = visit.goto(f"{latest}/chapters/editions_compared.html")
        _switch(page, ".esg-year", prior)
        assert page.url.endswith(f"/{prior}/chapters/00_index.html"), page.url
        assert not visit.errors, visit.errors
        assert not visit.outside(), visit.outside()
    finally:
        visit.close()


def test_every_edition_is_listed_on_every_page(site, latest):
    editions = json.loads((site / "editions.json").read_text(encoding="utf-8"))["editions"]
    for rel in _pages(site):
        html = (site / rel).read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html.lower():  # the site's and each edition's index.html only redirect
            continue
        soup = BeautifulSoup(html, "html.parser")
        years = [a.get_text().strip()[:4] for a in soup.select("nav.esg-switcher a.esg-year")]
        assert sorted(years) == sorted(map(str, editions)), rel
        # The latest is marked: "2023 (latest)", 「2023（最新）」
        assert any(re.search(r"[(（]", a.get_text()) for a in soup.select("nav.esg-switcher a.esg-year")), rel


def test_compared_page_and_restatement_ledger(visited, latest, site):
    text = visited[f"{latest}/chapters/editions_compared.html"]["text"]
    assert "Employees at year end" in text and "+41.9%" in text  # a KPI with its change
    assert "−1.9 pp" in text                                      # a rate's change in percentage points
    assert "restate" in text.lower()   # the ledger's section (its table shows only when a report restates)
    assert (site / latest / "_downloads").exists()
    downloads = {p.name for p in (site / latest).rglob("*.csv")}
    assert "editions-compared-kpis.csv" in downloads
    # the ledger's CSV is published with its table, when a report restates a figure (none does in the data)
    zh = visited[f"zh-hant/{latest}/chapters/editions_compared.html"]["text"]
    assert "+41.9%" in zh and "重述" in zh


# -- on any screen: a phone (390 px) and a desktop (1,280 px) -----------------------------------------
def _laid_out(visited) -> dict[tuple[str, str], dict]:
    """{(page, 'phone' | 'desktop'): layout} of every page that is not a redirect."""
    out = {(page, width): layout for page, r in visited.items() for width, layout in r["layout"].items()}
    assert len(out) >= 2 * 40, "expected every page of every edition in both languages, at both widths"
    return out


def test_no_page_scrolls_sideways(visited):
    bad = {key: (lay["scrollWidth"], lay["clientWidth"]) for key, lay in _laid_out(visited).items()
           if lay["scrollWidth"] > lay["clientWidth"]}
    assert not bad, bad


def test_wide_tables_and_charts_scroll_in_a_frame_a_keyboard_reaches(visited):
    frames = [(key, f) for key, lay in _laid_out(visited).items() for f in lay["frames"]]
    assert any(key[1] == "phone" for key, _ in frames), "expected some table or chart wider than a phone"
    bad = [(key, f) for key, f in frames if f["tabindex"] < 0 or f["overflow"] not in ("auto", "scroll")]
    assert not bad, bad


def test_switchers_are_links_on_screen(visited):
    bad = {}
    for key, lay in _laid_out(visited).items():
        links = lay["switchers"]
        problems = [] if len(links) >= 3 else ["fewer than 3 switcher links"]  # 2 editions + the other language
        problems += [a["text"] for a in links if not a["shown"] or not a["href"] or a["left"] < 0
                     or a["right"] > lay["clientWidth"] or a["top"] > lay["innerHeight"]]
        if problems:
            bad[key] = problems
    assert not bad, bad


def test_one_search_box(visited):
    bad = {key: lay["search"] for key, lay in _laid_out(visited).items() if len(lay["search"]) != 1}
    assert not bad, bad


def test_no_code_bar_in_the_reading_flow(visited):
    bad = {key: lay["codeBars"] for key, lay in _laid_out(visited).items() if lay["codeBars"]}
    assert not bad, bad


def _svg_text_sizes(path: Path) -> tuple[float, list[float]]:
    """The SVG's own width (its viewBox) and the font sizes of its text elements."""
    svg = path.read_text(encoding="utf-8")
    root = re.search(r"<svg\b[^>]*>", svg)[0]
    view = re.search(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) [\d.]+"', root) or re.search(r'width="([\d.]+)', root)
    sizes = []
    for tag in re.findall(r"<text\b[^>]*>", svg):
        size = re.search(r'font-size(?:="|:\s*)([\d.]+)', tag)
        sizes.append(float(size[1]) if size else 16.0)  # SVG's default: the browser's 16 px
    return float(view[1]), sizes


def test_chart_text_is_11_px_or_more_as_shown(visited, site):
    """Each chart's smallest text, scaled by the width it is shown at over the width it was drawn at."""
    seen, bad = 0, []
    for (page, width), lay in _laid_out(visited).items():
        for chart in lay["charts"]:
            path = (site / page).parent / unquote(chart["src"])
            drawn, sizes = _svg_text_sizes(path)
            if not sizes or not chart["w"]:
                continue
            seen += 1
            smallest = min(sizes) * chart["w"] / drawn
            if smallest < 11 - 0.05:
                bad.append((page, width, chart["src"].rsplit("/", 1)[-1], round(smallest, 1)))
    assert seen >= 2 * 20, "expected the book's charts, at both widths"
    assert not bad, f"{len(bad)} charts with text under 11 px, e.g. {bad[:10]}"


def test_figures_in_tables_are_right_aligned(visited):
    cells = [(key, c) for key, lay in _laid_out(visited).items() for c in lay["numbers"] if NUMERIC.match(c["text"])]
    assert len(cells) >= 500, "expected the book's tables of figures"
    bad = [(key, c["text"], c["align"]) for key, c in cells if c["align"] not in ("right", "end")]
    assert not bad, f"{len(bad)} figures not right-aligned, e.g. {bad[:10]}"


# The theme's words as pydata-sphinx-theme's Simplified catalogue and its English templates give them.
FRAME_WORDS = ["跳转至主要内容", "回到顶部", "网页导航", "当前页面", "章节导航", "上一页", "下一页", "显示源码",
               "亮色", "暗色", "Show code cell", "Color mode", "System Settings", "Toggle primary sidebar",
               "Toggle secondary sidebar", "Skip to main content", "Back to top", "Site navigation"]


def test_chinese_pages_frame_is_traditional_chinese(site):
    """The theme's words on the Chinese pages come from our zh_TW catalogue (esgbook/build/site/locales), not the
    theme's Simplified one nor its English templates: none is left in the frame of any Chinese page (the
    article's own prose may name an English button; its code bars are test_no_code_bar_in_the_reading_flow's)."""
    pages = [rel for rel in _pages(site) if rel.startswith("zh-hant/")]
    assert len(pages) >= 20
    bad = {}
    for rel in pages:
        html = re.sub(r"<script\b.*?</script>|<article\b.*?</article>", "", (site / rel).read_text(encoding="utf-8"),
                      flags=re.S)
        found = [w for w in FRAME_WORDS if w in html]
        if found:
            bad[rel] = found
    assert not bad, bad
    html = (site / pages[-1]).read_text(encoding="utf-8")
    assert "跳至主要內容" in html and "返回頁首" in html, "the Traditional words are missing"


def test_every_chapter_links_its_executed_notebook(site, server, browser, latest):
    """The code is one click away: each chapter page links its notebook, which is there opened from disk and
    served; in English it is the committed executed notebook, byte for byte."""
    chapters = [rel for rel in _pages(site) if "/chapters/" in rel]
    assert len(chapters) >= 40
    missing, checked = [], 0
    for rel in chapters:
        soup = BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")
        link = soup.select_one("a.esg-code[href$='.ipynb']")
        if link is None:
            missing.append(rel)
            continue
        notebook = (site / rel).parent / unquote(link["href"])
        assert notebook.exists(), (rel, link["href"])
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        assert any(c["cell_type"] == "code" and c["source"] for c in cells), rel
        if not rel.startswith("zh-hant/"):
            year = rel.split("/")[0]
            assert notebook.read_bytes() == (REPO / "notebooks" / year / notebook.name).read_bytes(), rel
        checked += 1
    assert not missing, missing
    visit = Visit(browser, server)
    try:
        for edition in (latest, f"zh-hant/{latest}"):
            page = visit.goto(f"{edition}/chapters/08_environment.html")
            href = page.locator("a.esg-code").get_attribute("href")
            response = page.request.get(urljoin(page.url, href))
            assert response.ok and b'"cells"' in response.body(), href
    finally:
        visit.close()
