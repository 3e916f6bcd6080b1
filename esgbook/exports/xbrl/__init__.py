"""Machine-readable disclosure: the edition's figures as an xBRL-JSON report (XBRL OIM).

    from esgbook.exports import xbrl
    xbrl.report(ds)                  # the xBRL-JSON document (a dict) of the dataset's year
    xbrl.write(ds, folder)           # downloads/esg-<year>.json + the taxonomy package zip
    xbrl.fact_id("ghg_scope1_t", 2023)   # "ghg_scope1_t-2023-recomputed"
    xbrl.with_fact_ids(kpi_table)    # the KPI table with a fact_id column

The extension taxonomy (taxonomy/qifu-esg/) is generated from data/metrics.csv and
data/kpis.csv by `python -m esgbook.exports.xbrl taxonomy`; Arelle (in .venv-tools) validates the
reports offline: `python -m esgbook.exports.xbrl validate FILE`. Only the standard library is used
here, so importing this package costs the kernel nothing.
"""
from esgbook.exports.xbrl.export import write  # noqa: F401
from esgbook.exports.xbrl.oim import (  # noqa: F401
                  ENTITY,
                  ENTITY_SCHEME,
                  PUBLISHED,
                  RECOMPUTED,
                  STOCK_CODE,
                  dumps,
                  fact_id,
                  facts,
                  in_book_unit,
                  report,
                  scale_exponent,
                  with_fact_ids,
)
