"""The site's incremental parts, without rendering: the data package linked once for the site, new switchers
patched into built pages from the same template, and an edition whose data are gone removed from the site
and the build folders."""
import re

import nbformat

from esgbook.build.site import layout, render
from esgbook.build.site.sphinxext import WORDS


def test_site_wide_downloads_are_linked_from_the_site_not_staged():
    nb = nbformat.v4.new_notebook()
    text = ("- {download}`Suppliers (suppliers.csv) <downloads/data/suppliers.csv>`\n"
            "- {download}`taxonomy package <downloads/qifu-esg-taxonomy.zip>`\n"
            "- {download}`KPI table 2023 (CSV) <downloads/kpis-2023.csv>`\n")
    nb.cells = [nbformat.v4.new_code_cell("", outputs=[nbformat.v4.new_output(
        "display_data", data={"text/markdown": text})])]
    render._site_links(nb, "en", 2023)
    out = nb.cells[0].outputs[0]["data"]["text/markdown"]
    assert 'href="../../downloads/data/suppliers.csv"' in out
    assert 'href="../../downloads/qifu-esg-taxonomy.zip"' in out
    assert "{download}`KPI table 2023 (CSV) <downloads/kpis-2023.csv>`" in out  # the edition's own stays
    nb2 = nbformat.reads(nbformat.writes(nb), 4)
    nb2.cells[0].outputs[0]["data"]["text/markdown"] = text
    render._site_links(nb2, "zh_hant", 2023)
    assert 'href="../../../downloads/data/suppliers.csv"' in nb2.cells[0].outputs[0]["data"]["text/markdown"]


def _site(years):
    pages = {f"{lang}/{y}": ["chapters/00_index", "chapters/08_environment"] for y in years for lang in layout.LANGS}
    return {"years": years, "latest": years[-1], "root": "chapters/00_index", "pages": pages,
            "lang": "en", "year": 2022}


def test_switchers_are_patched_as_the_template_renders_them(tmp_path):
    import jinja2

    template = jinja2.Environment().from_string((render.TEMPLATES / "edition-switcher.html").read_text())
    html = tmp_path / "chapters" / "08_environment.html"
    html.parent.mkdir()

    def page(site):
        nav = template.render(esgbook_switch=layout.links(site, "chapters/08_environment"),
                              esgbook_words=WORDS["en"])
        return f"<html><body><header>{nav}</header><main>the page</main></body></html>"

    html.write_text(page(_site([2022, 2023])), encoding="utf-8")
    render._patch_switchers(tmp_path, _site([2022, 2023, 2024]))
    assert html.read_text(encoding="utf-8") == page(_site([2022, 2023, 2024]))
    assert re.search(r"2024 \(latest\)", html.read_text(encoding="utf-8"))


def test_an_edition_whose_data_are_gone_leaves_the_site(tmp_path, monkeypatch):
    monkeypatch.setattr(render, "BUILD", tmp_path / "build")
    monkeypatch.setattr(render, "SITE", tmp_path / "build" / "site")
    for year in (2022, 2023, 2024):
        for lang in layout.LANGS:
            (render.SITE / layout.folder(lang, year)).mkdir(parents=True)
            render.output(year, lang).mkdir(parents=True)
            (render.BUILD / "stage" / lang / str(year)).mkdir(parents=True)
    removed = render.remove_gone([2022, 2023])
    assert sorted(removed) == ["2024", "zh-hant/2024"]
    for lang in layout.LANGS:
        assert not (render.SITE / layout.folder(lang, 2024)).exists()
        assert not render.output(2024, lang).exists()
        assert not (render.BUILD / "stage" / lang / "2024").exists()
        assert (render.SITE / layout.folder(lang, 2023)).exists() and render.output(2022, lang).exists()


def test_the_compiled_theme_catalogue_does_not_depend_on_the_clock(tmp_path, monkeypatch):
    # A catalogue stamped with the time would change the staged pages' digest every minute, and an
    # unchanged Chinese edition would be rendered again on a warm build.
    import datetime as real

    import babel.messages.catalog as catalog_module

    compiled = []
    for i, when in enumerate((real.datetime(2024, 1, 1, 9, 0), real.datetime(2026, 7, 1, 17, 42))):
        class Clock(real.datetime):
            @classmethod
            def now(cls, tz=None, _when=when):
                return _when.replace(tzinfo=tz)

        monkeypatch.setattr(catalog_module.datetime, "datetime", Clock)
        out = tmp_path / str(i)
        render._catalogue("zh_hant", out)
        compiled.append(next(out.rglob("sphinx.mo")).read_bytes())
    monkeypatch.undo()
    assert compiled[0] == compiled[1]
    assert "展開".encode() in compiled[0]


def test_an_unchanged_edition_is_not_staged_again_and_a_changed_one_is(tmp_path, monkeypatch):
    """Staging reads and rewrites every notebook; a warm build skips it for an edition nothing of which
    changed, yet still gives it the site's new list of editions, and a changed notebook is staged again."""
    import json
    import shutil

    from esgbook.build import editions
    from esgbook.paths import NOTEBOOKS

    monkeypatch.setattr(render, "BUILD", tmp_path / "build")
    monkeypatch.setattr(render, "NOTEBOOKS", tmp_path / "nb")
    shutil.copytree(NOTEBOOKS / "2022", tmp_path / "nb" / "2022")
    chapters = editions.chapters(2022)
    staged_notebooks = []
    reading_first = render.reading_first
    monkeypatch.setattr(render, "reading_first", lambda nb: staged_notebooks.append(nb) or reading_first(nb))
    staged = render.stage(2022, "en", _site([2022, 2023]), chapters)
    assert len(staged_notebooks) == len(chapters)
    page = staged / "chapters" / "08_environment.ipynb"
    before = {p: p.stat().st_mtime_ns for p in staged.rglob("*.ipynb")}

    staged = render.stage(2022, "en", _site([2022, 2023, 2024]), chapters)
    assert len(staged_notebooks) == len(chapters)  # not staged again
    assert {p: p.stat().st_mtime_ns for p in staged.rglob("*.ipynb")} == before
    assert json.loads((staged / ".site.json").read_text(encoding="utf-8"))["years"] == [2022, 2023, 2024]
    assert "2024" in (staged / "_config.yml").read_text(encoding="utf-8")

    source = tmp_path / "nb" / "2022" / "08_environment.ipynb"
    nb = nbformat.read(source, as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("A sentence added by an analyst."))
    nbformat.write(nb, source)
    render.stage(2022, "en", _site([2022, 2023, 2024]), chapters)
    assert page.stat().st_mtime_ns != before[page]
    assert "A sentence added by an analyst." in page.read_text(encoding="utf-8")
    assert (staged / "chapters" / "07_people.ipynb").stat().st_mtime_ns == before[staged / "chapters" / "07_people.ipynb"]
    assert len(staged_notebooks) == len(chapters) + 1  # the changed notebook only: the others kept their pages
    # and what is kept is what staging afresh makes
    monkeypatch.setattr(render, "BUILD", tmp_path / "fresh")
    fresh = render.stage(2022, "en", _site([2022, 2023, 2024]), chapters)
    assert len(staged_notebooks) == 2 * len(chapters) + 1
    files = {p.relative_to(staged): p.read_bytes() for p in staged.rglob("*") if p.is_file() and p.name[0] != "."}
    assert files == {p.relative_to(fresh): p.read_bytes() for p in fresh.rglob("*") if p.is_file() and p.name[0] != "."}
