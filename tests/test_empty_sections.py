"""A year without data for a table or a chart shows neither (esgbook.build.site.localise.drop_placeholder_figures):
no empty shell, and no sentence left pointing at what is not there."""
import nbformat
import pandas as pd

from esgbook.book import present
from esgbook.build.site import localise


def _notebook(markdown: list[str], outputs: list) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(m) for m in markdown] + [nbformat.v4.new_code_cell("x", outputs=outputs)]
    return nb


def test_an_empty_table_and_a_placeholder_chart_leave_with_the_sentences_that_cite_them():
    table = present.table(pd.DataFrame([{"Note": "no rows"}]), "tbl-x", "Caption", "source")
    assert table._repr_mimebundle_()["text/markdown"].startswith("% not shown: tbl-x")
    nb = _notebook(
        ["HKEX B7.3 asks for training, e.g. 1.5 hours. See {numref}`tbl-x` and {numref}`fig-y`. Kept.\n\n"
         "```{glue:figure} fig-y\n:name: fig-y\n\nCaption of y.\n```\n\nAfter {numref}`tbl-z`.",
         "中文句子，\n換行。見{numref}`tbl-x`。其後。"],
        [nbformat.v4.new_output("display_data", data={"text/markdown": table._repr_mimebundle_()["text/markdown"]}),
         nbformat.v4.new_output("display_data", data={"text/plain": ""},
                                metadata={"esgbook_placeholder": True, "scrapbook": {"name": "fig-y"}})])
    assert localise.dropped_labels(nb) == {"tbl-x", "fig-y"}
    localise.drop_placeholder_figures(nb)
    english, chinese = nb.cells[0].source, nb.cells[1].source
    assert "HKEX B7.3 asks for training, e.g. 1.5 hours. Kept." in english
    assert "glue:figure" not in english and "Caption of y" not in english and "{numref}`tbl-z`" in english
    assert chinese == "中文句子，換行。其後。"   # no stray space between Chinese sentences


def test_a_year_with_its_figures_keeps_every_figure():
    nb = _notebook(["See {numref}`fig-y`.\n\n```{glue:figure} fig-y\n:name: fig-y\n\nCaption.\n```"],
                   [nbformat.v4.new_output("display_data", data={"text/plain": ""}, metadata={"scrapbook": {"name": "fig-y"}})])
    before = nb.cells[0].source
    localise.drop_placeholder_figures(nb)
    assert nb.cells[0].source == before
