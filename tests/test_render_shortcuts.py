"""The render's shortcuts give what the long way gives (esgbook.build.site.sphinxext): numbered references
resolve to the same numbers while each target page is unpickled once per build (Sphinx 7.4 unpickled the target
page for every {numref}), and jieba cuts the book's Chinese into the same words with the book's dictionary as
with its whole one. Staging's and rendering's own shortcuts: a renderer started ahead runs the build it is then
given, and one not needed ends; the draft registers are kept by the data's bytes; the site's list of editions is
written into a staged configuration as JSON and reads back the same."""
import re
import shutil
from pathlib import Path

import psutil
import yaml
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

REPO = Path(__file__).resolve().parent.parent

PAGES = {
    "index": "Book\n====\n\n.. toctree::\n   :numbered:\n\n   a\n   b\n",
    "a": "A\n=\n\n.. _fig-a:\n\n.. figure:: x.png\n\n   Figure of a\n\n"
         + "".join(f"See :numref:`tbl-b` and :numref:`fig-a` ({i}).\n\n" for i in range(5)),
    "b": "B\n=\n\n.. _tbl-b:\n\n.. table:: Table of b\n\n   ==  ==\n   x   y\n   ==  ==\n   1   2\n   ==  ==\n\n"
         + "".join(f"Back to :numref:`fig-a`, and :numref:`tbl-b` ({i}).\n\n" for i in range(5)),
}


def test_numbered_references_read_each_page_once(tmp_path, monkeypatch):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text("extensions = ['esgbook.build.site.sphinxext']\nnumfig = True\n", encoding="utf-8")
    for name, text in PAGES.items():
        (src / f"{name}.rst").write_text(text, encoding="utf-8")
    reads = []
    original = BuildEnvironment.get_doctree

    def counted(self, docname):
        reads.append(docname)
        return original(self, docname)

    monkeypatch.setattr(BuildEnvironment, "get_doctree", counted)
    app = Sphinx(str(src), str(src), str(tmp_path / "out"), str(tmp_path / "doctrees"), "html",
                 status=None, warning=None, freshenv=True)
    app.build()
    html = {name: (tmp_path / "out" / f"{name}.html").read_text(encoding="utf-8") for name in ("a", "b")}
    for page in html.values():  # the figure is the first of chapter 1, the table the first of chapter 2
        assert len(re.findall(r"std-numref\">Fig\. 1\.1<", page)) == 5
        assert len(re.findall(r"std-numref\">Table 2\.1<", page)) == 5
    # 20 references to two pages; each page is also read once to be written (and index for its toctree).
    assert reads.count("a") <= 2 and reads.count("b") <= 2


def test_the_book_dictionary_cuts_the_book_as_the_whole_one_does(tmp_path, monkeypatch):
    import jieba

    from esgbook.build.chartfont import characters
    from esgbook.build.site.sphinxext import FILLER, book_dictionary

    monkeypatch.setenv("ESGBOOK_BUILD", str(tmp_path))
    path = book_dictionary()
    words = path.read_text(encoding="utf-8").splitlines()
    full = Path(jieba.__file__).with_name("dict.txt").read_text(encoding="utf-8").splitlines()
    assert 10_000 < len(words) < len(full) / 5
    assert sum(int(w.split(" ")[1]) for w in words) == sum(int(w.split(" ")[1]) for w in full)
    assert words[-1].startswith(FILLER + " ") and FILLER not in characters()
    # The Chinese the pages are made of: the chapters' sources, the Chinese templates and labels, the data.
    text = "\n".join(p.read_text(encoding="utf-8") for p in [*sorted((REPO / "chapters" / "zh-hant").glob("*.md")),
                      *sorted((REPO / "esgbook" / "book" / "narrative" / "zh_hant").glob("*.*")),
                      *sorted((REPO / "data").glob("*.csv"))])
    whole, book = jieba.Tokenizer(), jieba.Tokenizer(str(path))
    book.tmp_dir = str(tmp_path)
    assert list(book.cut_for_search(text)) == list(whole.cut_for_search(text))


def test_a_renderer_started_ahead_runs_what_it_is_given_and_one_not_needed_ends():
    import subprocess
    import sys

    from esgbook.build.site import render

    render.prestart(2)
    ahead = list(render._RENDERERS)
    assert len(ahead) == min(2, psutil.cpu_count() or 1)
    used = render._renderer()
    assert used in ahead
    out, _ = used.communicate('["--version"]\n', timeout=120)
    cli = subprocess.run([str(Path(sys.executable).with_name("jupyter-book")), "--version"], capture_output=True,
                         text=True, check=True).stdout
    assert used.returncode == 0 and out == cli and "Jupyter Book" in out
    render.discard_renderers()
    assert render._RENDERERS == [] and all(p.poll() is not None for p in ahead)
    assert not [c for c in psutil.Process().children(recursive=True) if c.pid in {p.pid for p in ahead}]


def test_draft_registers_are_kept_by_the_datas_bytes(tmp_path, monkeypatch):
    from esgbook.analysis import draft
    from esgbook.build.site import render
    from esgbook.paths import KeptDigests

    root = tmp_path / "data"
    shutil.copytree(REPO / "data", root)
    monkeypatch.setenv("ESGBOOK_BUILD", str(tmp_path / "build"))
    calls = []
    checklist = draft.checklist
    monkeypatch.setattr(draft, "checklist", lambda ds: calls.append(ds.year) or checklist(ds))
    assert render.draft_registers(2023, root) == [] and calls == [2023]  # the published edition is complete
    monkeypatch.setattr(render, "_DRAFTS", KeptDigests("draft-registers.json", 500))  # a new process: only the file
    assert render.draft_registers(2023, root) == [] and calls == [2023]
    assert (tmp_path / "build" / "draft-registers.json").exists()
    suppliers = root / "suppliers.csv"
    suppliers.write_text(suppliers.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # one byte more
    assert render.draft_registers(2023, root) == [] and calls == [2023, 2023]


def test_the_sites_list_of_editions_reads_back_from_a_staged_configuration():
    from esgbook.build.site import render

    site = {"years": [2022, 2023], "latest": 2023, "root": "chapters/00_index",
            "pages": {"en/2023": ["chapters/00_index"], "zh_hant/2023": ["chapters/00_index"]}, "note": "草稿：'{x}'"}
    config = yaml.safe_load(render._config(2023, "zh_hant", site, ["board"]))["sphinx"]["config"]
    assert config["esgbook_site"] == {**site, "lang": "zh_hant", "year": 2023}
    assert config["esgbook_draft"] == ["board"] and config["language"] == "zh_TW"
    assert "esgbook_site" not in yaml.safe_load(render._config(2023, "en", None, []))["sphinx"]["config"]
