"""esgbook: the logic behind the reproducible Qifu Technology ESG book.

Load and validate the data package (`esgbook.inputs.dataset`), compute KPIs (`esgbook.analysis.kpis`),
reconcile them with the published figures (`esgbook.analysis.reconcile`), draw charts
(`esgbook.book.charts`) and build the year's edition (`esgbook.build.editions`).
Submodules are imported on demand so that the command line stays fast.
"""

__version__ = "0.1.0"
