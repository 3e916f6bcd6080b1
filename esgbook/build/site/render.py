"""Render editions (execution off) and assemble the site.

Each (language, edition) is its own Jupyter Book build: a staged source folder (the configuration, the
executed notebooks, or their Chinese versions, and the edition's own downloads) rendered with execution
off into `_build/editions/<lang>/<year>/`. Builds run in parallel, one per core. The site is then
assembled from their HTML: `_build/site/<year>/`, `_build/site/zh-hant/<year>/`, and an index that leads
to the latest English edition.

Published once for the site, not inside every edition: the data package and the taxonomy package
(`SITE_WIDE`), in `_build/site/downloads/`; the pages link there. So a changed figure re-renders only the
editions whose pages changed. An edition whose staged pages did not change is not rendered again; when only
the site's list of editions changed (an edition added or gone), its built pages get new switchers without
Sphinx (`_patch_switchers`, the same template). An edition whose data are gone leaves the site.
"""
from __future__ import annotations

import atexit
import datetime
import filecmp
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from esgbook.build.chartfont import MEASURE_ENV
from esgbook.build.site import layout
from esgbook.inputs.errors import DataError
from esgbook.paths import BUILD, NOTEBOOKS, REPO, TOC, KeptDigests, data_dir

STATIC, TEMPLATES = REPO / "_static", REPO / "_templates"
SITE = BUILD / "site"

# What the Chinese edition's configuration says differently (the rest is the English configuration).
ZH_CONFIG = {
    "title": "奇富科技 {year} 年環境、社會及管治報告：分析版",
    "author": "esgbook 團隊，據奇富科技 2023 年環境、社會和治理報告",
    "extra_footer": "每個數字均由數據包重新計算；核對結果見附錄。",
    "search_bar_text": "搜尋報告……",
    "numfig_format": {"figure": "圖 %s", "table": "表 %s"},
    "contents": "目錄",
    "targetname": "qifu-esg-zh-hant.tex",
    "parts": {"The report": "報告", "Editions": "各年度版本"},
}


def _sync(src: Path, dst: Path) -> None:
    """Copy src over dst, touching only files whose bytes changed (keeps Sphinx's incremental build)."""
    dst.mkdir(parents=True, exist_ok=True)
    wanted = set()
    for path in sorted(src.rglob("*")):
        rel = path.relative_to(src)
        if any(part.startswith(".") for part in rel.parts):
            continue
        wanted.add(rel)
        target = dst / rel
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif not target.exists() or not filecmp.cmp(path, target, shallow=False):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    for path in sorted(dst.rglob("*"), reverse=True):
        if path.relative_to(dst) not in wanted and path.exists():
            shutil.rmtree(path) if path.is_dir() else path.unlink()


_BOOK_CONFIG: dict[str, dict] = {}


def _config(year: int, lang: str, site: dict | None, draft: list[str]) -> str:
    import copy  # noqa: PLC0415

    import yaml  # noqa: PLC0415

    text = (REPO / "_config.yml").read_text(encoding="utf-8")
    if text not in _BOOK_CONFIG:  # parsed once per process and state of the file (asked per edition)
        _BOOK_CONFIG.clear()
        _BOOK_CONFIG[text] = yaml.safe_load(text)
    config = copy.deepcopy(_BOOK_CONFIG[text])
    sphinx = config["sphinx"]["config"]
    sphinx["extensions"] = [*sphinx["extensions"], "esgbook.build.site.sphinxext"]
    sphinx["templates_path"] = ["_templates"]
    theme = sphinx.setdefault("html_theme_options", {})
    theme["article_header_end"] = ["edition-switcher.html", "article-header-buttons.html"]
    # The link to the page's executed notebook, at the end of the page and beside its contents on a wide screen.
    theme["article_footer_items"] = ["code-link.html"]
    sphinx["html_extra_path"] = [CODE_EXTRA]
    sphinx["locale_dirs"] = ["locales"]
    if site:  # written below as JSON (a YAML flow mapping): YAML's writer took most of staging an unchanged site
        sphinx["esgbook_site"] = SITE_SLOT
    # The registers a draft edition's data lack, for its banner (esgbook.analysis.draft): found once, at staging.
    sphinx["esgbook_draft"] = draft
    if lang != "en":
        words = ZH_CONFIG
        config["title"], config["author"] = words["title"], words["author"]
        config["html"]["extra_footer"] = words["extra_footer"]
        theme["search_bar_text"] = words["search_bar_text"]
        sphinx["language"] = layout.LANGS[lang]["sphinx"]
        sphinx["numfig_format"] = words["numfig_format"]
        config["latex"]["latex_documents"]["targetname"] = words["targetname"]
        preamble = sphinx["latex_elements"]["preamble"]
        sphinx["latex_elements"]["preamble"] = preamble.replace(
            r"\addto\captionsenglish{\renewcommand{\contentsname}{Contents}}",
            r"\AtBeginDocument{\renewcommand{\contentsname}{" + words["contents"] + "}}")
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=200)
    text = text.replace("{{year}}", str(year)).replace("{year}", str(year))
    if site:
        text = text.replace(f"'{SITE_SLOT}'", json.dumps({**site, "lang": lang, "year": year}, ensure_ascii=False), 1)
    return text


SITE_SLOT = "@esgbook-site@"  # where the site's list of editions goes in a staged configuration


# Downloads the same for every edition, published once in `_build/site/downloads/` (the data package is
# `downloads/data/`): staged pages link there instead of carrying a copy each.
SITE_WIDE = re.compile(r"\{download\}`([^`<]*?) <downloads/(data/[^>`]+|qifu-esg-taxonomy\.zip)>`")


def _site_links(nb, lang: str, year: int) -> None:
    """Point the `{download}` links of site-wide files at `_build/site/downloads/` (relative to the page)."""
    import html  # noqa: PLC0415

    up = "../" * (layout.folder(lang, year).count("/") + 1)  # <folder>chapters/<page>.html -> the site's root

    def link(m: re.Match) -> str:
        return (f'<a class="reference download external" href="{up}downloads/{html.escape(m[2])}" download="">'
                f'<code class="xref download docutils literal notranslate"><span class="pre">{html.escape(m[1])}'
                "</span></code></a>")

    def fix(value):
        if isinstance(value, str):
            return SITE_WIDE.sub(link, value) if "{download}" in value else value
        if isinstance(value, list):
            return [fix(v) for v in value]
        if isinstance(value, dict):
            return {k: fix(v) for k, v in value.items()}
        return value

    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if "data" in out:
                out["data"] = fix(out["data"])


def stage(year: int, lang: str = "en", site: dict | None = None, chapters: list[Path] | None = None,
          site_wide: bool = True) -> Path:
    """Lay out the book source of one edition in one language: configuration, notebooks, downloads. With
    `site_wide` (the site), the data package and the taxonomy are linked from the site's downloads, not
    staged (a PDF stages them)."""
    import nbformat  # noqa: PLC0415

    from esgbook.build.site import localise  # noqa: PLC0415

    edition = NOTEBOOKS / str(year)
    staged = BUILD / "stage" / lang / str(year)
    draft = draft_registers(year)
    key, context = _stage_keys(year, lang, chapters, site_wide, draft)
    stamp, pages = staged / ".stage-key", staged / ".notebook-keys.json"
    if stamp.exists() and stamp.read_text(encoding="utf-8") == key:  # nothing it is made from changed
        return _site_files(staged, year, lang, site, draft)
    stamp.unlink(missing_ok=True)
    # A notebook whose bytes and context are as they were keeps its staged page and code (one value changed
    # re-executes a few chapters: the others are not read and written again).
    kept = json.loads(pages.read_text(encoding="utf-8")) if pages.exists() else {}
    made = {}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp)
        (src / "_config.yml").write_text(_config(year, lang, site, draft), encoding="utf-8")
        (src / "_toc.yml").write_text(toc_text(chapters, lang), encoding="utf-8")
        for folder in (STATIC, TEMPLATES):
            if folder.exists():
                shutil.copytree(folder, src / folder.name)
        (src / "chapters").mkdir()
        code = src / CODE_EXTRA / CODE_FOLDER
        code.mkdir(parents=True)
        for nb_path in sorted(edition.glob("*.ipynb")):
            name = nb_path.name
            made[name] = hashlib.sha256(f"{context}\0{name}\0".encode() + nb_path.read_bytes()).hexdigest()
            page, page_code = staged / "chapters" / name, staged / CODE_EXTRA / CODE_FOLDER / name
            if kept.get(name) == made[name] and page.exists() and page_code.exists():
                shutil.copyfile(page, src / "chapters" / name)
                shutil.copyfile(page_code, code / name)
                continue
            nb = nbformat.read(nb_path, as_version=4)
            if lang == "en":
                localise.strip(nb)
                shutil.copyfile(nb_path, code / name)  # the committed notebook, byte for byte
            else:
                nb = localise.localise(nb, lang, nb_path.stem)
                nbformat.write(nb, code / name)  # what this page renders, its code included
            if site_wide:
                _site_links(nb, lang, year)
            nbformat.write(reading_first(nb), src / "chapters" / name)
        _catalogue(lang, src)
        if (edition / "downloads").exists():
            shutil.copytree(edition / "downloads", src / "chapters" / "downloads",
                            ignore=shutil.ignore_patterns("qifu-esg-taxonomy.zip") if site_wide else None)
        if not site_wide:  # the data package itself, with the edition
            shutil.copytree(data_dir(), src / "chapters" / "downloads" / "data", dirs_exist_ok=True)
        pages.unlink(missing_ok=True)  # written again once the pages it describes are in place
        _sync(src, staged)
    # What the pages are made from besides the staged files: the configuration (the draft checklist the banner
    # shows included) without the site's list of editions (the switchers, patched without Sphinx).
    (staged / ".pages").write_text(_config(year, lang, None, draft), encoding="utf-8")
    pages.write_text(json.dumps(made, sort_keys=True), encoding="utf-8")
    stamp.write_text(key, encoding="utf-8")
    return _site_files(staged, year, lang, site, draft)


def _site_files(staged: Path, year: int, lang: str, site: dict | None, draft: list[str]) -> Path:
    """What the site's list of editions changes in a staged edition: its configuration and `.site.json`."""
    config = staged / "_config.yml"
    text = _config(year, lang, site, draft)
    if not config.exists() or config.read_text(encoding="utf-8") != text:
        config.write_text(text, encoding="utf-8")
    (staged / ".site.json").write_text(json.dumps({**(site or {}), "lang": lang, "year": year}, sort_keys=True),
                                       encoding="utf-8")
    return staged


def _stage_keys(year: int, lang: str, chapters: list[Path] | None, site_wide: bool,
                draft: list[str]) -> tuple[str, str]:
    """Digests of what a staged edition is made from, the site's list of editions aside: the whole (the edition's
    executed notebooks and downloads, the book's configuration, theme files and Chinese sources, the staging code,
    the draft checklist, and for a PDF the data), and its context (all of it but the edition's folder: with a
    notebook's bytes, what its staged page is made from). Staging reads and rewrites every notebook (about half a
    second an edition and language), so an unchanged edition is not staged again, nor an unchanged notebook."""
    from esgbook.build import dependencies  # noqa: PLC0415

    folders = [STATIC, TEMPLATES, LOCALES, REPO / "chapters" / "zh-hant"]
    files = [REPO / "_config.yml", TOC, *(p for f in folders if f.exists() for p in sorted(f.rglob("*")) if p.is_file())]
    files += dependencies.module_files("esgbook.build.site.render") + dependencies.module_files(
        "esgbook.build.site.localise")
    if not site_wide:
        files += sorted(p for p in data_dir().iterdir() if p.is_file())
    h = hashlib.sha256(json.dumps([year, lang, site_wide, [str(c) for c in chapters or []], draft]).encode())
    for path in files:
        h.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    context = h.hexdigest()
    edition = NOTEBOOKS / str(year)
    for path in sorted(edition.rglob("*")) if edition.exists() else []:
        if path.is_file():
            h.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest(), context


# Found by the edition, the data's bytes and the checklist's code: a site's staging asks for every edition's, and
# working one out loads the edition's registers (half of staging an unchanged site of ten editions).
_DRAFTS = KeptDigests("draft-registers.json", 500)


def draft_registers(year: int, root: Path | None = None) -> list[str]:
    """The registers an edition's data (`root`, else data/) lack: what its draft banner lists, empty when complete."""
    from esgbook.analysis import draft  # noqa: PLC0415
    from esgbook.build import dependencies  # noqa: PLC0415
    from esgbook.inputs import dataset  # noqa: PLC0415

    root = root or data_dir()
    code = b"".join(f.read_bytes() for f in dependencies.module_files("esgbook.analysis.draft"))
    key = hashlib.sha256(f"{year}\0{dataset.package_state(root)}\0".encode() + code).hexdigest()[:32]
    kept = _DRAFTS.get(key)
    if kept is not None:
        return json.loads(kept)
    try:
        registers = [m.register for m in draft.checklist(draft.bound(year, root))]
    except Exception:  # noqa: BLE001 - the build itself reports a broken package
        return ["?"]
    _DRAFTS.put(key, json.dumps(registers))
    return registers


CODE_EXTRA, CODE_FOLDER = "_code", "notebooks"  # html_extra_path: <edition>/notebooks/<chapter>.ipynb


def reading_first(nb):
    """The staged notebook shows outputs only: a code cell's input is removed from the page (and the PDF),
    not folded behind a "Show code cell source" bar. The code stays one click away: every page links its
    executed notebook (sphinxext, `notebooks/<chapter>.ipynb`). Only this staged copy changes: the committed
    notebooks, and what nbval checks, are untouched."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        tags = [t for t in cell.get("metadata", {}).get("tags", []) if t != "hide-input"]
        if "remove-cell" not in tags and "remove-input" not in tags:
            tags.append("remove-input")
        cell.setdefault("metadata", {})["tags"] = tags
    return nb


LOCALES = Path(__file__).with_name("locales")


def _catalogue(lang: str, src: Path) -> None:
    """The theme's interface words in the page's language, through Sphinx's own catalogues: our `.po`
    (esgbook/build/site/locales/<sphinx language>/LC_MESSAGES/sphinx.po) compiled with babel into the staged
    `locales/`, which `locale_dirs` puts before Sphinx's and the theme's (pydata-sphinx-theme ships only a
    Simplified `zh` catalogue, which a zh_TW build would otherwise fall back on)."""
    from babel.messages.mofile import write_mo  # noqa: PLC0415
    from babel.messages.pofile import read_po  # noqa: PLC0415

    language = layout.LANGS[lang]["sphinx"]
    po = LOCALES / language / "LC_MESSAGES" / "sphinx.po"
    if not po.exists():
        return
    with po.open("rb") as f:
        catalog = read_po(f, locale=language)
    # Babel stamps a catalogue without a POT-Creation-Date with the clock: the compiled file, and so the
    # staged pages' digest, would change every minute and re-render an unchanged edition.
    catalog.creation_date = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
    target = src / "locales" / language / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / "sphinx.mo").open("wb") as f:
        write_mo(f, catalog)


def toc_text(chapters: list[Path] | None, lang: str = "en") -> str:
    """The edition's table of contents: the book's, plus the pages only some editions have."""
    import yaml  # noqa: PLC0415

    toc = yaml.safe_load(TOC.read_text(encoding="utf-8"))
    if chapters is not None:
        have = {f"chapters/{p.stem}" for p in chapters}
        listed = {c["file"] for part in toc["parts"] for c in part["chapters"]} | {toc["root"]}
        extra = [f"chapters/{p.stem}" for p in chapters if f"chapters/{p.stem}" not in listed]
        for part in toc["parts"]:
            part["chapters"] = [c for c in part["chapters"] if c["file"] in have]
        if extra:
            toc["parts"].append({"caption": "Editions", "chapters": [{"file": f} for f in extra]})
    # An absolute chapter path (tests point ESGBOOK_TOC elsewhere) is staged under chapters/ too.
    for part in toc["parts"]:
        for c in part["chapters"]:
            c["file"] = "chapters/" + Path(c["file"]).name
    toc["root"] = "chapters/" + Path(toc["root"]).name
    if lang != "en":  # the parts' captions are the language's
        for part in toc["parts"]:
            part["caption"] = ZH_CONFIG["parts"].get(part["caption"], part["caption"])
    return yaml.safe_dump(toc, sort_keys=False, allow_unicode=True)


def output(year: int, lang: str = "en") -> Path:
    return BUILD / "editions" / (str(year) if lang == "en" else f"{lang}/{year}")


def _tree_digest(folder: Path, skip: frozenset[str] = frozenset()) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if path.is_file() and not any(part.startswith(".") for part in rel.parts) and rel.as_posix() not in skip:
            h.update(rel.as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


# What a build is made from besides the staged files: the extension that writes the switchers and the
# banner, where each edition lives, and the draft checklist's rules.
EXTENSION = [Path(__file__).with_name(n) for n in ("sphinxext.py", "layout.py")] + [
    Path(__file__).parents[2] / "analysis" / "draft.py"]


def pages_digest(staged: Path) -> str:
    """What an edition's pages are made from, but the site's list of editions (its switchers)."""
    pages = staged / ".pages"
    extension = b"".join(p.read_bytes() for p in EXTENSION) + (pages.read_bytes() if pages.exists() else b"")
    skip = frozenset({"_config.yml"}) if pages.exists() else frozenset()
    return _tree_digest(staged, skip) + hashlib.sha256(extension).hexdigest()


def render_staged(staged: Path, year: int, lang: str = "en", builder: str = "html") -> Path:
    out = output(year, lang)
    # Nothing staged changed since the last good build of this output: Sphinx would only read its
    # environment to find that out (several seconds per edition), so it is not started. When only the
    # site's list of editions changed, the built pages get new switchers (the same template) instead.
    stamp, digest = out / f".staged-{builder}", pages_digest(staged)
    site_file, site_stamp = staged / ".site.json", out / f".site-{builder}"
    site = site_file.read_text(encoding="utf-8") if site_file.exists() else ""
    done = (out / "_build" / "html" / "index.html") if builder == "html" else None
    if done is not None and done.exists() and stamp.exists() and stamp.read_text() == digest:
        if site and (not site_stamp.exists() or site_stamp.read_text(encoding="utf-8") != site):
            _patch_switchers(done.parent, json.loads(site))
            site_stamp.write_text(site, encoding="utf-8")
        return done
    stamp.unlink(missing_ok=True)  # a build that fails half-way leaves no stamp to trust
    args = ["build", str(staged), "--path-output", str(out), "--builder", builder, "-n", "-W", "--keep-going", "-q"]
    renderer = _renderer()
    stdout, stderr = renderer.communicate(json.dumps(args) + "\n")
    if renderer.returncode != 0:
        sys.stderr.write(stdout[-20000:] + stderr[-20000:])
        raise DataError(f"jupyter-book build failed for the {year} edition ({lang}, builder {builder}); "
                        "see the messages above")
    stamp.write_text(digest)
    site_stamp.write_text(site, encoding="utf-8")
    if builder == "pdflatex":  # the book's PDF is named after its .tex (the folder also holds chart PDFs)
        return next(tex.with_suffix(".pdf") for tex in (out / "_build" / "latex").glob("*.tex"))
    return out / "_build" / "html" / "index.html"


# The render tool: `jupyter-book` itself, in a process that imports it, Sphinx and the book's extensions, then
# reads the arguments of its one build from stdin (a line of JSON) and runs it. Started when a render is asked for,
# or ahead of it (`prestart`): the imports and the extensions' set-up are a second of each render, and a build
# starts its renderers while the last chapters execute, when a core is free. Given no arguments (stdin closed:
# not needed after all, or the run ended), it ends.
RENDERER = """
import json, sys
import jupyter_book.cli.main, jupyter_book.sphinx, sphinx.application, sphinx.builders.html
for name in json.loads(sys.argv[1]):
    __import__(name)
line = sys.stdin.readline()
if line:
    sys.argv = ["jupyter-book"]
    jupyter_book.cli.main.main(json.loads(line), prog_name="jupyter-book")
"""
_RENDERERS: list[subprocess.Popen] = []


def _start_renderer() -> subprocess.Popen:
    import yaml  # noqa: PLC0415

    extensions = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))["sphinx"]["config"]["extensions"]
    env = dict(os.environ)
    env.pop(MEASURE_ENV, None)  # set for the kernels while chapters execute: nothing of a render's
    return subprocess.Popen([sys.executable, "-c", RENDERER, json.dumps(extensions)], cwd=REPO, env=env, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _renderer() -> subprocess.Popen:
    try:
        return _RENDERERS.pop()  # one started ahead (renders run in threads: a check-then-pop could race)
    except IndexError:
        return _start_renderer()


def prestart(count: int) -> None:
    """Start up to `count` renderers ahead of the renders that will use them (one per core at most)."""
    while len(_RENDERERS) < min(count, os.cpu_count() or 1):
        _RENDERERS.append(_start_renderer())


@atexit.register
def discard_renderers() -> None:
    """End the renderers started ahead and not used, at once: one still importing holds nothing to lose, and
    closing its stdin would make the build wait for the end of its imports."""
    while _RENDERERS:
        renderer = _RENDERERS.pop()
        renderer.kill()
        renderer.communicate()


def render_all(jobs: Iterable[tuple[int, str, Path]], builder: str = "html", workers: int | None = None) -> list[Path]:
    """Render the staged (year, lang, folder) builds in parallel (one per core), each as soon as `jobs` gives it:
    a generator that stages them renders the first while it stages the next. A failure is the first in order."""
    workers = max(1, workers or os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(render_staged, staged, year, lang, builder) for year, lang, staged in jobs]
        return [f.result() for f in futures]


SWITCHER = re.compile(r'<nav class="esg-switcher".*?</nav>', re.S)


def _patch_switchers(html_root: Path, site: dict) -> None:
    """Rewrite the edition and language switchers of every built page for `site` (the build's `esgbook_site`),
    rendering the theme's own template (`_templates/edition-switcher.html`) as Sphinx would."""
    import jinja2  # noqa: PLC0415

    from esgbook.build.site.sphinxext import WORDS  # noqa: PLC0415

    template = jinja2.Environment(autoescape=False).from_string(  # as Sphinx renders it
        (TEMPLATES / "edition-switcher.html").read_text(encoding="utf-8"))
    for page in sorted(html_root.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if 'class="esg-switcher"' not in text:
            continue
        pagename = page.relative_to(html_root).with_suffix("").as_posix()
        nav = SWITCHER.search(template.render(esgbook_switch=layout.links(site, pagename),
                                              esgbook_words=WORDS[site["lang"]]))
        if nav:
            page.write_text(SWITCHER.sub(lambda _m, n=nav[0]: n, text), encoding="utf-8")


def publish_site_wide(latest: int) -> None:
    """The data package and the taxonomy package, once for the whole site (`_build/site/downloads/`)."""
    target = SITE / "downloads"
    _sync(data_dir(), target / "data")
    taxonomy = NOTEBOOKS / str(latest) / "downloads" / "qifu-esg-taxonomy.zip"
    copy = target / taxonomy.name
    if taxonomy.exists() and (not copy.exists() or not filecmp.cmp(taxonomy, copy, shallow=False)):
        shutil.copyfile(taxonomy, copy)


def remove_gone(years: list[int]) -> list[str]:
    """Remove from the site (and the build folders) every edition whose year the data no longer hold."""
    removed = []
    for lang in layout.LANGS:
        for base in (SITE / layout.folder(lang, 0).removesuffix("0/"), output(0, lang).parent,
                     BUILD / "stage" / lang):
            for folder in sorted(base.glob("[0-9][0-9][0-9][0-9]")) if base.is_dir() else []:
                if folder.is_dir() and int(folder.name) not in years:
                    shutil.rmtree(folder)
                    if base.is_relative_to(SITE):
                        removed.append(folder.relative_to(SITE).as_posix())
    return removed


def assemble(built: list[tuple[int, str]], latest: int, root: str = "chapters/00_index",
             years: list[int] | None = None) -> Path:
    """Copy each rendered edition into the site (only what changed since it was last copied), publish the
    site-wide downloads once, remove the editions whose data are gone, and write the site's index."""
    for year, lang in built:
        html = output(year, lang) / "_build" / "html"
        folder = SITE / layout.folder(lang, year)
        stamps = "".join(p.read_text(encoding="utf-8") for p in sorted(output(year, lang).glob(".s*-html")))
        copied = folder / ".copied"
        if copied.exists() and copied.read_text(encoding="utf-8") == stamps:
            continue
        _sync(html, folder)
        copied.write_text(stamps, encoding="utf-8")
    publish_site_wide(latest)
    if years is not None:
        remove_gone(years)
    index = SITE / "index.html"
    # Straight to the opening page (an edition's own index.html is one more redirect).
    target, zh = f"{layout.folder('en', latest)}{root}.html", f"{layout.folder('zh_hant', latest)}{root}.html"
    index.write_text(INDEX.format(target=target, zh=zh, latest=latest), encoding="utf-8")
    (SITE / "editions.json").write_text(json.dumps(
        {"latest": latest, "editions": sorted(years if years is not None else {y for y, _ in built}),
         "languages": sorted({lang for _, lang in built})},
        indent=1) + "\n", encoding="utf-8")
    return index


# A plain page with a link (and a refresh for browsers): works opened from disk and served.
INDEX = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Qifu Technology ESG: the {latest} edition</title>
<meta http-equiv="refresh" content="0; url={target}"></head>
<body><main><p><a href="{target}">Qifu Technology ESG, {latest} edition</a>
(<a href="{zh}" lang="zh-Hant">繁體中文版</a>)</p></main></body>
</html>
"""
