"""esgbook: the logic behind the reproducible Qifu Technology ESG book.

Load and validate the data package (`esgbook.data`), compute KPIs (`esgbook.kpis`),
reconcile them with the published figures (`esgbook.reconcile`), draw charts
(`esgbook.charts`) and build the year's edition (`esgbook.editions`).
Submodules are imported on demand so that the command line stays fast.
"""

__version__ = "0.1.0"
